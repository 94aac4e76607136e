import Foundation
import PowerShellRuntime
import TeamsTenant

/// Help for the MicrosoftTeams commands, as comment-based help text (what Get-Help renders for
/// them; the real module ships MAML help with the same sections). Written in teamsh's own words
/// from the facts of the Microsoft Teams cmdlet reference (office-docs-powershell teams-ps); the
/// five cmdlets of each policy type get theirs from the type's descriptor, so every family has
/// help without a text per cmdlet.
enum TeamsHelp {
    /// The help text for a command of the module (a policy cmdlet of one of `catalog`'s types,
    /// or another command), nil when teamsh has none.
    static func text(for name: String, catalog: PolicyCatalog = .standard) -> String? {
        if let (descriptor, verb) = catalog.policyCmdlet(named: name) { return reflow(policyHelp(verb, descriptor)) }
        return commandHelp[name.lowercased()].map { reflow($0) }
    }

    /// Re-wraps the prose of a help text at `width` columns (Get-Help indents it by four): each
    /// paragraph of a section becomes lines of at most `width` characters. An example's first
    /// paragraph, its code, stays as written.
    static func reflow(_ text: String, width: Int = 74) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var inExample = false
        var firstParagraphOfExample = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            if inExample && firstParagraphOfExample {
                out += paragraph
            } else {
                var line = ""
                for word in paragraph.joined(separator: " ").split(separator: " ") {
                    if line.isEmpty {
                        line = String(word)
                    } else if line.count + 1 + word.count <= width {
                        line += " " + word
                    } else {
                        out.append(line)
                        line = String(word)
                    }
                }
                if !line.isEmpty { out.append(line) }
            }
            firstParagraphOfExample = false
            paragraph = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix(".") {
                flush()
                out.append(line)
                inExample = line.uppercased().hasPrefix(".EXAMPLE")
                firstParagraphOfExample = inExample
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
                out.append("")
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    // MARK: Policy cmdlets

    private static func policyHelp(_ verb: PolicyCmdletVerb, _ d: PolicyTypeDescriptor) -> String {
        let noun = d.cmdletNoun
        let example = exampleSetting(d)
        let settingList = d.settings.filter { $0.isConfiguration && $0.isParameter }.map { s -> String in
            s.allowedValues.isEmpty ? s.name : "\(s.name) (\(s.allowedValues.joined(separator: ", ")))"
        }.joined(separator: "; ")
        let presets = d.presets.map { "Tag:" + $0.name }.joined(separator: ", ")
        var text = ".SYNOPSIS\n" + PolicyDeclarations.synopsis(verb, d) + "\n.DESCRIPTION\n"
        switch verb {
        case .get:
            text += """
            Writes the \(d.name) instances of the tenant: Global first, then the
            Microsoft-provided ones (\(presets)) and those created with New-\(noun).
            -Identity names one instance (Global, Tag:Name or just Name); -Filter takes a
            wildcard matched against the instance names and returns nothing, rather than an
            error, when none matches.
            .PARAMETER Identity
            The instance to return: Global, Tag:Name or Name.
            .PARAMETER Filter
            A wildcard pattern (such as Tag:*Override) for the instances to return.
            .EXAMPLE
            Get-\(noun)

            Lists every \(d.name) instance of the tenant.
            .EXAMPLE
            Get-\(noun) -Filter Tag:Custom*

            Lists the instances whose names start with Custom.
            """
        case .new:
            text += """
            Creates a policy instance that can then be assigned with Grant-\(noun). Settings
            not given take their default values. Its settings: \(settingList). Instance
            names are case-insensitive and unique; the new instance is written to the pipeline.
            .PARAMETER Identity
            The name of the new instance (stored as Tag:Name).
            .EXAMPLE
            New-\(noun) -Identity ContosoPolicy -\(example.name) \(example.value)

            Creates ContosoPolicy with \(example.name) set to \(example.value).
            """
        case .set:
            text += """
            Changes settings of an existing instance; without -Identity it changes Global,
            which applies to every user without another assignment. The Microsoft-provided
            instances (\(presets)) cannot be changed. Its settings: \(settingList).
            .PARAMETER Identity
            The instance to change: Global (the default), Tag:Name or Name.
            .EXAMPLE
            Set-\(noun) -Identity Global -\(example.name) \(example.value)

            Changes the tenant-wide default.
            """
        case .remove:
            text += """
            Deletes an instance created with New-\(noun). Removing Global does not delete it:
            its settings go back to their defaults. The Microsoft-provided instances cannot
            be removed.
            .PARAMETER Identity
            The instance to remove: Global, Tag:Name or Name (also the Identity of piped
            policy objects).
            .EXAMPLE
            Get-\(noun) -Filter Tag:Old* | Remove-\(noun)

            Removes every instance whose name starts with Old.
            """
        case .grant:
            text += """
            Assigns an instance to one user (-Identity), to the members of a group (-Group,
            ranked with -Rank against the group's other assignments of this type), or to the
            whole tenant (-Global, which copies the instance's settings into Global). A
            user's own assignment wins over group assignments, and those over Global.
            -PolicyName $null removes the user's or group's assignment.
            .PARAMETER Identity
            The user: user principal name, SIP address, object id or display name.
            .PARAMETER PolicyName
            The instance to assign, without the Tag: prefix; $null to unassign.
            .PARAMETER Group
            The group (mail address, display name or object id) to assign to.
            .PARAMETER Rank
            The group assignment's rank among this policy type's group assignments (1 wins).
            .PARAMETER Global
            Applies the instance to the whole tenant.
            .EXAMPLE
            Grant-\(noun) -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName ContosoPolicy

            Assigns ContosoPolicy to one user.
            .EXAMPLE
            Grant-\(noun) -Group sales@JayTheAmazing.onmicrosoft.com -PolicyName ContosoPolicy -Rank 1

            Assigns ContosoPolicy to the members of Sales, ahead of the type's other group
            assignments.
            """
        }
        return text
    }

    /// A setting and value to show in examples: the first choice setting's last value, else the
    /// first boolean, number or text setting with a value of its kind.
    private static func exampleSetting(_ d: PolicyTypeDescriptor) -> (name: String, value: String) {
        let settable = d.settings.filter { $0.isConfiguration && $0.isParameter }
        if let s = settable.first(where: { !$0.allowedValues.isEmpty }), let value = s.allowedValues.last { return (s.name, value) }
        for s in settable {
            switch s.kind {
            case .boolean: return (s.name, s.defaultValue == .bool(true) ? "$false" : "$true")
            case .integer: return (s.name, "10")
            case .text: return (s.name, "'value'")
            default: continue
            }
        }
        return ("Description", "'A policy'")
    }

    // MARK: Other commands

    private static let commandHelp: [String: String] = [
        "connect-microsoftteams": """
        .SYNOPSIS
        Connects to Microsoft Teams: the first command of every Teams session.
        .DESCRIPTION
        Signs in to the tenant and keeps the sign-in for the session; every *-Cs* command
        refuses to run before it ("You must call the Connect-MicrosoftTeams cmdlet before
        calling any other cmdlets."). Writes one object with the Account, Environment, Tenant
        and TenantId. In teamsh the sign-in is simulated: the tenant's administrator is signed
        in unless -AccountId or -Credential names another account, which must be a Teams or
        Global Administrator of the tenant. Certificate, access-token and managed-identity
        sign-ins are accepted as the module accepts them.
        .PARAMETER TenantId
        The tenant's id or one of its verified domains.
        .PARAMETER AccountId
        The account to sign in with.
        .PARAMETER Credential
        A PSCredential whose UserName is the account to sign in with.
        .EXAMPLE
        Connect-MicrosoftTeams

        Signs in interactively (in teamsh: as the tenant's administrator).
        .EXAMPLE
        $credential = Get-Credential
        Connect-MicrosoftTeams -Credential $credential

        Signs in with a user name and password, as unattended scripts did before modern
        authentication.
        """,
        "disconnect-microsoftteams": """
        .SYNOPSIS
        Ends the Microsoft Teams session.
        .DESCRIPTION
        Forgets the sign-in of Connect-MicrosoftTeams; the *-Cs* commands refuse to run again
        until the next Connect-MicrosoftTeams. Writes nothing.
        .EXAMPLE
        Disconnect-MicrosoftTeams

        Ends the session.
        """,
        "get-csonlineuser": """
        .SYNOPSIS
        Returns information about users of the tenant.
        .DESCRIPTION
        Writes one object per user with their identities (Identity, UserPrincipalName, Alias,
        DisplayName, SipAddress, ObjectId), AccountEnabled, and one property per policy
        type holding the user's direct assignment (the policy name, or nothing when the
        user only inherits a group's or the tenant's policy). -Identity names one user by
        user principal name, SIP address, object id or display name; -Filter selects users
        with an OPATH-style filter such as "DisplayName -like 'Jay*'".
        .PARAMETER Identity
        The user to return.
        .PARAMETER Filter
        A filter on user properties, such as "TeamsEnhancedEncryptionPolicy -eq 'ContosoPolicy'".
        .EXAMPLE
        Get-CsOnlineUser | Select-Object UserPrincipalName, TeamsEnhancedEncryptionPolicy

        Lists every user with their enhanced encryption policy assignment.
        .EXAMPLE
        Get-CsOnlineUser -Identity Jay1@JayTheAmazing.onmicrosoft.com

        Returns one user.
        """,
        "get-csuserpolicyassignment": """
        .SYNOPSIS
        Returns the policies assigned to a user directly or through a group.
        .DESCRIPTION
        Writes one object per policy type that the user has an assignment of: PolicyType,
        PolicyName and PolicySource (whether the assignment is the user's own, Direct, or
        comes from a group, with the group's reference). A policy type the user only gets
        from the tenant's Global instance writes nothing.
        .PARAMETER Identity
        The user: user principal name, SIP address or object id.
        .PARAMETER PolicyType
        Limits the result to one policy type, such as TeamsEnhancedEncryptionPolicy.
        .EXAMPLE
        Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com

        Shows which of Jay2's policies come from their own assignments and which from groups.
        """,
        "get-csgrouppolicyassignment": """
        .SYNOPSIS
        Returns policy assignments to groups.
        .DESCRIPTION
        Writes the group assignments of the tenant: GroupId, PolicyType, PolicyName, Rank,
        CreatedTime and CreatedBy. -GroupId and -PolicyType narrow the list.
        .PARAMETER GroupId
        The group (object id, mail address or display name).
        .PARAMETER PolicyType
        The policy type, such as TeamsEnhancedEncryptionPolicy.
        .EXAMPLE
        Get-CsGroupPolicyAssignment -PolicyType TeamsEnhancedEncryptionPolicy

        Lists the groups that have an enhanced encryption policy, by rank.
        """,
        "new-csgrouppolicyassignment": """
        .SYNOPSIS
        Assigns a policy to a group.
        .DESCRIPTION
        Gives the group's members a policy of the given type unless they have a direct
        assignment of that type. When a user is in several groups with assignments of the
        same type, the assignment with the best (lowest) rank applies; ranks are renumbered
        1, 2, 3 … after each change. One policy type can be assigned to at most 64 groups.
        .PARAMETER GroupId
        The group (object id, mail address or display name).
        .PARAMETER PolicyType
        The policy type, such as TeamsEnhancedEncryptionPolicy.
        .PARAMETER PolicyName
        The policy instance to assign.
        .PARAMETER Rank
        Where the assignment goes among the type's group assignments (default: last).
        .EXAMPLE
        New-CsGroupPolicyAssignment -GroupId sales@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy -PolicyName ContosoPolicy -Rank 1

        Assigns ContosoPolicy to the members of Sales, ahead of other groups.
        """,
        "set-csgrouppolicyassignment": """
        .SYNOPSIS
        Changes the policy or rank of a group assignment.
        .DESCRIPTION
        Changes which instance a group's assignment of a policy type names (-PolicyName) or
        its rank among the type's group assignments (-Rank).
        .PARAMETER GroupId
        The group whose assignment changes.
        .PARAMETER PolicyType
        The policy type of the assignment.
        .EXAMPLE
        Set-CsGroupPolicyAssignment -GroupId sales@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy -Rank 2

        Moves the Sales assignment to rank 2.
        """,
        "remove-csgrouppolicyassignment": """
        .SYNOPSIS
        Removes a policy assignment from a group.
        .DESCRIPTION
        Ends a group's assignment of a policy type; its members then get the policy of their
        other groups, or the tenant's Global instance. The remaining ranks are renumbered.
        .PARAMETER GroupId
        The group whose assignment ends.
        .PARAMETER PolicyType
        The policy type of the assignment.
        .EXAMPLE
        Remove-CsGroupPolicyAssignment -GroupId sales@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy

        Removes the Sales group's enhanced encryption policy assignment.
        """,
    ]
}
