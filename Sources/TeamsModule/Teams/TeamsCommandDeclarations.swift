import PowerShellRuntime

/// Declarations of the MicrosoftTeams commands that are not policy cmdlets (7.7.0 signatures,
/// facts §4, §5); MicrosoftTeamsCommands stamps module name, CommandType and version on them.
enum TeamsCommandDeclarations {
    private static let string = "System.String"
    private static let switchType = "System.Management.Automation.SwitchParameter"

    private static func p(_ name: String, _ type: String = string, aliases: [String] = [],
                          _ sets: [ParameterSetMembership] = [ParameterSetMembership()], validate: [String]? = nil) -> ParameterDeclaration {
        ParameterDeclaration(name: name, typeName: type, aliases: aliases, sets: sets,
                             validations: validate.map { [.set($0, ignoreCase: true)] } ?? [])
    }

    private static func p(_ name: String, aliases: [String] = [], _ sets: [ParameterSetMembership], validate: [String]? = nil) -> ParameterDeclaration {
        p(name, string, aliases: aliases, sets, validate: validate)
    }

    private static func s(_ set: String, position: Int? = nil, mandatory: Bool = false, pipeline: Bool = false,
                          byName: Bool = false) -> ParameterSetMembership {
        ParameterSetMembership(setName: set, position: position, mandatory: mandatory, valueFromPipeline: pipeline,
                               valueFromPipelineByPropertyName: byName)
    }

    static func declaration(named name: String) -> (CommandDeclaration, Cmdlet.Type)? {
        switch name.lowercased() {
        case "connect-microsoftteams":
            let user = "UserCredential", cert = "ServicePrincipalCertificate", thumb = "ServicePrincipalCertificateThumbprint"
            let tokens = "AccessTokens", msi = "ManagedServiceLogin"
            return (CommandDeclaration(name: "Connect-MicrosoftTeams", parameters: [
                p("TenantId", aliases: ["Domain", "TenantDomain"], [s(user), s(cert, mandatory: true), s(thumb, mandatory: true), s(tokens), s(msi)]),
                p("Credential", "System.Management.Automation.PSCredential", [s(user)]),
                p("AccountId", [s(user), s(msi)]),
                p("LogLevel", validate: ["Info", "Error", "Warning", "None"]),
                p("LogFilePath"),
                p("TeamsEnvironmentName", [s(user), s(tokens)], validate: ["TeamsGCCH", "TeamsDOD", "TeamsChina"]),
                p("UseDeviceAuthentication", switchType, [s(user)]),
                p("Certificate", "System.Security.Cryptography.X509Certificates.X509Certificate2", [s(cert, mandatory: true)]),
                p("CertificateThumbprint", [s(thumb, mandatory: true)]),
                p("ApplicationId", [s(cert, mandatory: true), s(thumb, mandatory: true)]),
                p("AccessTokens", "System.String[]", [s(tokens, mandatory: true)]),
                p("Identity", switchType, aliases: ["MSI", "ManagedService"], [s(msi, mandatory: true)]),
                p("ManagedServiceHostName", [s(msi)]),
                p("ManagedServicePort", "System.Int32", [s(msi)]),
                p("ManagedServiceSecret", "System.Security.SecureString", [s(msi)]),
            ], defaultParameterSet: user, outputTypes: ["Microsoft.Open.Teams.CommonLibrary.PSAzureContext"], supportsShouldProcess: true,
               synopsis: "Connects to Microsoft Teams: the first command of every Teams session."), ConnectMicrosoftTeamsCommand.self)
        case "disconnect-microsoftteams":
            return (CommandDeclaration(name: "Disconnect-MicrosoftTeams", parameters: [], supportsShouldProcess: true,
                                       synopsis: "Ends the Microsoft Teams session."), DisconnectMicrosoftTeamsCommand.self)
        case "get-csonlineuser":
            return (CommandDeclaration(name: "Get-CsOnlineUser", parameters: [
                p("Identity", [s("__AllParameterSets", position: 0, pipeline: true, byName: true)]),
                p("AccountType", validate: ["User", "ResourceAccount", "Guest", "SfBOnPremUser", "IneligibleUser", "Unknown"]),
                p("Filter"),
                p("Properties", "System.String[]"),
                p("ResultSize", "System.UInt32"),
                p("SkipUserPolicies", switchType),
                p("Sort"),
            ], positionalBinding: false, synopsis: "Returns information about users of the tenant."), GetCsOnlineUserCommand.self)
        case "get-cstenant":
            // The docs mark -Filter, -Identity and -ResultSize deprecated from 3.0.0: accepted, without effect.
            return (CommandDeclaration(name: "Get-CsTenant", parameters: [
                p("Filter"), p("DomainController"), p("Identity", [s("__AllParameterSets", position: 0)]), p("ResultSize", "System.Int32"),
            ], outputTypes: [TenantInfoObjects.typeName], positionalBinding: false,
               synopsis: "Returns the tenant's name, id and verified domains."), GetCsTenantCommand.self)
        case "get-csuserpolicyassignment":
            return (CommandDeclaration(name: "Get-CsUserPolicyAssignment", parameters: [
                p("Identity", [s("Get", position: 0, mandatory: true)]),
                p("PolicyType", [s("Get")]),
                p("InputObject", "System.Object", [s("GetViaIdentity", position: 0, mandatory: true, pipeline: true)]),
            ], defaultParameterSet: "Get", positionalBinding: false,
               synopsis: "Returns the policies assigned to a user directly or through a group."), GetCsUserPolicyAssignmentCommand.self)
        case "get-csgrouppolicyassignment":
            return (CommandDeclaration(name: "Get-CsGroupPolicyAssignment", parameters: [
                p("GroupId", aliases: ["Identity"], [s("__AllParameterSets", position: 0)]),
                p("PolicyType", [s("__AllParameterSets", position: 1)]),
            ], positionalBinding: false, synopsis: "Returns policy assignments to groups."), GetCsGroupPolicyAssignmentCommand.self)
        case "new-csgrouppolicyassignment":
            return (CommandDeclaration(name: "New-CsGroupPolicyAssignment", parameters: [
                p("GroupId", [s("__AllParameterSets", mandatory: true)]),
                p("PolicyType", [s("__AllParameterSets", mandatory: true)]),
                p("PolicyName", [s("__AllParameterSets", mandatory: true)]),
                p("Rank", "System.Int32"),
                p("PassThru", switchType),
            ], supportsShouldProcess: true, positionalBinding: false, synopsis: "Assigns a policy to a group."), NewCsGroupPolicyAssignmentCommand.self)
        case "set-csgrouppolicyassignment":
            return (CommandDeclaration(name: "Set-CsGroupPolicyAssignment", parameters: [
                p("GroupId", [s("__AllParameterSets", mandatory: true)]),
                p("PolicyType", [s("__AllParameterSets", mandatory: true)]),
                p("PolicyName"),
                p("Rank", "System.Int32"),
                p("PassThru", switchType),
            ], supportsShouldProcess: true, positionalBinding: false, synopsis: "Changes the policy or rank of a group assignment."),
                    SetCsGroupPolicyAssignmentCommand.self)
        case "remove-csgrouppolicyassignment":
            return (CommandDeclaration(name: "Remove-CsGroupPolicyAssignment", parameters: [
                p("GroupId", [s("__AllParameterSets", mandatory: true)]),
                p("PolicyType", [s("__AllParameterSets", mandatory: true)]),
                p("PassThru", switchType),
            ], supportsShouldProcess: true, positionalBinding: false, synopsis: "Removes a policy assignment from a group."),
                    RemoveCsGroupPolicyAssignmentCommand.self)
        default:
            return teamsDeclaration(named: name) ?? assignmentDeclaration(named: name)
        }
    }

    /// The team cmdlets are compiled cmdlets of `Microsoft.TeamsCmdlets.PowerShell.Custom`.
    static let compiledCommands: Set<String> = ["add-teamuser", "get-team", "get-teamuser", "new-team", "remove-team", "remove-teamuser"]

    private static func compiled(_ name: String, _ parameters: [ParameterDeclaration], defaultSet: String? = nil, shouldProcess: Bool = false,
                                 synopsis: String) -> CommandDeclaration {
        CommandDeclaration(name: name, parameters: parameters, defaultParameterSet: defaultSet, supportsShouldProcess: shouldProcess,
                           synopsis: synopsis,
                           // NOTE: the compiled team cmdlets' class names are not known; teamsh uses `<Verb><Noun>`.
                           implementingTypeName: "Microsoft.TeamsCmdlets.PowerShell.Custom." + name.replacingOccurrences(of: "-", with: ""),
                           commandType: "Cmdlet")
    }

    /// Get-Team, New-Team, Remove-Team, Add-TeamUser, Get-TeamUser, Remove-TeamUser (the docs' syntax).
    private static func teamsDeclaration(named name: String) -> (CommandDeclaration, Cmdlet.Type)? {
        let boolean = "System.Boolean"
        let groupId = p("GroupId", [s("__AllParameterSets", mandatory: true, byName: true)])
        switch name.lowercased() {
        case "get-team":
            let both = [s("Identity"), s("Filters")]
            return (compiled("Get-Team", [
                p("GroupId", [s("Identity", mandatory: true)]),
                p("User", both), p("Archived", boolean, both), p("Visibility", both), p("DisplayName", both), p("MailNickName", both),
                p("NumberOfThreads", "System.Int32", [s("__AllParameterSets", byName: true)]),
            ], defaultSet: "Filters", synopsis: "Returns the teams of the tenant, or those matching a user, name, nickname, visibility or archive state."),
                    GetTeamCommand.self)
        case "new-team":
            let create = [s("CreateTeam")]
            return (compiled("New-Team", [
                p("DisplayName", [s("CreateTeam", mandatory: true)]),
                p("GroupId", [s("MigrateGroup", mandatory: true)]),
                p("Description", create), p("MailNickName", create), p("Visibility", create), p("Owner"),
            ], defaultSet: "CreateTeam", synopsis: "Creates a team (with the group behind it), or makes an existing group a team."),
                    NewTeamCommand.self)
        case "remove-team":
            return (compiled("Remove-Team", [groupId], shouldProcess: true, synopsis: "Deletes a team and the group behind it."),
                    RemoveTeamCommand.self)
        case "add-teamuser":
            return (compiled("Add-TeamUser", [
                groupId, p("User", [s("__AllParameterSets", mandatory: true, byName: true)]),
                p("Role", [s("__AllParameterSets", byName: true)], validate: ["Member", "Owner"]),
            ], synopsis: "Adds a user to a team as a member or an owner."), AddTeamUserCommand.self)
        case "get-teamuser":
            return (compiled("Get-TeamUser", [groupId, p("Role", validate: ["Member", "Owner"])],
                             synopsis: "Returns the owners and members of a team."), GetTeamUserCommand.self)
        case "remove-teamuser":
            // NOTE: the docs' parameter table marks -Role required, their syntax and second example do not; teamsh follows the syntax.
            return (compiled("Remove-TeamUser", [
                groupId, p("User", [s("__AllParameterSets", mandatory: true, byName: true)]),
                p("Role", [s("__AllParameterSets", byName: true)], validate: ["Member", "Owner"]),
            ], synopsis: "Removes a user from a team, or (with -Role Owner) only from its owners."), RemoveTeamUserCommand.self)
        default:
            return nil
        }
    }

    /// Batch assignment, PSTN usages and normalization rules (ODP syntax of 7.7.0's functions).
    private static func assignmentDeclaration(named name: String) -> (CommandDeclaration, Cmdlet.Type)? {
        switch name.lowercased() {
        case "new-csbatchpolicyassignmentoperation":
            return (CommandDeclaration(name: "New-CsBatchPolicyAssignmentOperation", parameters: [
                p("OperationName"),
                p("Identity", "System.String[]", [s("__AllParameterSets", mandatory: true)]),
                p("PolicyType", [s("__AllParameterSets", mandatory: true)]),
                p("AdditionalParameters", "System.Collections.Hashtable"),
                ParameterDeclaration(name: "PolicyName", typeName: string, allowNull: true, allowEmptyString: true),
            ], outputTypes: ["System.String"], supportsShouldProcess: true, positionalBinding: false,
               synopsis: "Assigns one policy to a batch of up to 5,000 users and returns the operation's id."),
                    NewCsBatchPolicyAssignmentOperationCommand.self)
        case "get-csbatchpolicyassignmentoperation":
            return (CommandDeclaration(name: "Get-CsBatchPolicyAssignmentOperation", parameters: [
                p("Status", [s("Get")]),
                p("Identity", aliases: ["OperationId"], [s("Get1", mandatory: true)]),
            ], defaultParameterSet: "Get", positionalBinding: false,
               synopsis: "Returns batch policy assignment operations, or one with the state of each of its users."),
                    GetCsBatchPolicyAssignmentOperationCommand.self)
        case "get-csonlinepstnusage":
            return (CommandDeclaration(name: "Get-CsOnlinePstnUsage", parameters: [
                p("Identity", [s("Identity", position: 1)]), p("Filter", [s("Filter")]),
            ], defaultParameterSet: "Identity", positionalBinding: false,
               synopsis: "Returns the tenant's PSTN usages, which voice routing policies name."), GetCsOnlinePstnUsageCommand.self)
        case "set-csonlinepstnusage":
            return (CommandDeclaration(name: "Set-CsOnlinePstnUsage", parameters: [
                p("Identity", [s("Identity", position: 1)]),
                ParameterDeclaration(name: "Usage", typeName: "System.Object", allowNull: true),
            ], defaultParameterSet: "Identity", supportsShouldProcess: true, positionalBinding: false,
               synopsis: "Replaces, adds to or removes from the tenant's PSTN usages."), SetCsOnlinePstnUsageCommand.self)
        case "new-csvoicenormalizationrule":
            let both = [s("Identity"), s("ParentAndRelativeKey")]
            return (CommandDeclaration(name: "New-CsVoiceNormalizationRule", parameters: [
                p("Identity", [s("Identity", position: 1, mandatory: true)]),
                p("Parent", [s("ParentAndRelativeKey", mandatory: true)]),
                p("Name", [s("ParentAndRelativeKey", mandatory: true)]),
                p("Description", both), p("Pattern", both), p("Translation", both),
                p("IsInternalExtension", "System.Boolean", both), p("Priority", "System.Int32", both),
                p("InMemory", switchType, [s("Identity", mandatory: true), s("ParentAndRelativeKey", mandatory: true)]),
            ], defaultParameterSet: "Identity", supportsShouldProcess: true, positionalBinding: false,
               synopsis: "Makes a normalization rule object to add to a tenant dial plan (only with -InMemory)."),
                    NewCsVoiceNormalizationRuleCommand.self)
        default:
            return nil
        }
    }
}
