import PowerShellCmdlets

/// The Teams topics of `Get-Help about_*`, in teamsh's words; the facts are those of the
/// Microsoft Teams admin documentation (enhanced encryption, policy assignment) and of the
/// simulator's spec.
enum TeamsAboutTopics {
    static let all: [AboutTopics.Topic] = [
        AboutTopics.Topic(name: "about_Teams_Enhanced_Encryption", shortDescription: "End-to-end encrypted Teams calls and the policy that allows them.", longDescription: """
        Teams 1:1 calls can be end-to-end encrypted (E2EE): only the two clients can
        decrypt the media. An admin allows it with an enhanced encryption policy; users
        then turn on "End-to-end encrypted calls" in their client's settings. A call is
        E2EE only when both parties are allowed, have the setting on, and use supported
        clients; both then see a shield with a lock and the same 20-digit security code,
        which they can read to each other to rule out a man in the middle. Recording,
        live captions, transcription, transfer, park, merge and adding people are not
        available in an E2EE call.

        THE POLICY (TeamsEnhancedEncryptionPolicy)
        CallingEndtoEndEncryptionEnabledType
            Disabled              users cannot use E2EE calls
            DisabledUserOverride  users may turn E2EE calls on for themselves
        MeetingEndToEndEncryption (Disabled, DisabledUserOverride) does the same for
        meetings. The commands exist from MicrosoftTeams 2.6.0 (2.5.2-preview):

            Update-Module MicrosoftTeams
            Connect-MicrosoftTeams
            New-CsTeamsEnhancedEncryptionPolicy -Identity CustomeE2EEPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
            Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName CustomeE2EEPolicy

        The tenant also has two Microsoft-provided instances, Tag:Disabled and
        Tag:UserControlled, which cannot be changed or removed.

        TRYING IT IN TEAMSH
        The clients' half is simulated by the TeamsSim commands (about_TeamsSim):
            Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
            Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay2@JayTheAmazing.onmicrosoft.com
        """),
        AboutTopics.Topic(name: "about_Teams_Policy_Assignment", shortDescription: "How a user's effective Teams policy is chosen.", longDescription: """
        Every policy type (TeamsEnhancedEncryptionPolicy and the others) gives each user one
        effective instance, chosen in this order:

        1. the user's own (direct) assignment:
               Grant-CsTeamsEnhancedEncryptionPolicy -Identity user -PolicyName Name
        2. otherwise, the group assignment with the best (lowest) rank among the groups the
           user belongs to:
               Grant-CsTeamsEnhancedEncryptionPolicy -Group group -PolicyName Name -Rank 1
               New-CsGroupPolicyAssignment -GroupId group -PolicyType TeamsEnhancedEncryptionPolicy -PolicyName Name
        3. otherwise, the tenant's Global instance (Set-… -Identity Global changes it;
           Grant-… -Global -PolicyName Name copies Name's settings into it).

        Get-CsOnlineUser shows only direct assignments (empty when the user has none);
        Get-CsUserPolicyAssignment shows direct and group assignments with their source;
        Get-CsGroupPolicyAssignment lists the groups' assignments and ranks. Grant with
        -PolicyName $null removes a direct assignment. Ranks are renumbered 1, 2, 3 …
        after every change, and one policy type can be assigned to at most 64 groups.
        """),
        AboutTopics.Topic(name: "about_TeamsSim", shortDescription: "The simulator's own commands: users' client settings, calls and the world file.", longDescription: """
        Real Teams has no cmdlets for what users do in their clients, so teamsh adds its
        own, in the always-loaded module TeamsSim (they need no Connect-MicrosoftTeams):

        Get-TeamsSimClientSetting [-User u]
            Each user's "End-to-end encrypted calls" setting, and whether their policy
            offers it.
        Set-TeamsSimClientSetting -User u -EndToEndEncryptedCalls $true|$false
            Turns the setting on or off, as the user would in Settings > Privacy.
        Start-TeamsSimCall -Caller u1 -Callee u2 [-CallerClient …] [-CalleeClient …] [-Intercepted]
            A 1:1 call: whether it is E2EE, the shield indicator, the security code each
            side sees (different on both sides with -Intercepted), and why it is not E2EE.
        Get-TeamsSimCall, Stop-TeamsSimCall, Invoke-TeamsSimCallFeature
            The calls started, ending one, and trying a feature (Recording …) on one.
        Export-TeamsSimTenant -Path file [-NoClobber] [-Force] [-WhatIf]
            Writes the whole world to a JSON file.
        Import-TeamsSimTenant -Path file, Reset-TeamsSimTenant
            Replace the world with a file's, or with the embedded default.

        Get-Help <command> -Examples shows examples of each.
        """),
    ]
}
