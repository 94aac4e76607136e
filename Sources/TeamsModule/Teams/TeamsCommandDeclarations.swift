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
            return nil
        }
    }
}
