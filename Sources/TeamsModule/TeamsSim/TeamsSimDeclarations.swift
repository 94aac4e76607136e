import PowerShellRuntime
import TeamsTenant

/// The simulator's own commands (spec §4–5) in the always-loaded module `TeamsSim`: what users do
/// in their Teams clients (client settings, calls), which real Teams has no cmdlets for, and the
/// world file. Each is declared here as data (parameters and comment-based help); the classes in
/// ClientCallCmdlets.swift and TenantCmdlets.swift implement them.
enum TeamsSimCmdlets {
    static let moduleName = "TeamsSim"
    static let version = "1.0.0"

    private static let string = "System.String"
    private static let switchType =
    "System.Management.Automation.SwitchParameter"
    private static let clientKinds = ClientKind.allCases.map(\.rawValue)
    private static let features = CallFeature.allCases.map(\.rawValue)

    static var registrations: [CmdletRegistration] {
        [
            r("Get-TeamsSimClientSetting", GetTeamsSimClientSettingCommand.self, [
                ParameterDeclaration(name: "User", typeName: string, aliases: ["UserPrincipalName"],
                                     sets: [ParameterSetMembership(position: 0, valueFromPipelineByPropertyName: true)]),
            ], output: ClientCallObjects.settingTypeName, shouldProcess: false, help: getClientSettingHelp),
            r("Set-TeamsSimClientSetting", SetTeamsSimClientSettingCommand.self, [
                ParameterDeclaration(name: "User", typeName: string, aliases: ["UserPrincipalName"],
                                     sets: [ParameterSetMembership(position: 0, mandatory: true, valueFromPipelineByPropertyName: true)]),
                ParameterDeclaration(name: "EndToEndEncryptedCalls", typeName: "System.Boolean",
                                     sets: [ParameterSetMembership(mandatory: true)]),
                ParameterDeclaration(name: "PassThru", typeName: switchType),
            ], output: ClientCallObjects.settingTypeName, help: setClientSettingHelp),
            r("Start-TeamsSimCall", StartTeamsSimCallCommand.self, [
                ParameterDeclaration(name: "Caller", typeName: string, sets: [ParameterSetMembership(position: 0, mandatory: true)]),
                ParameterDeclaration(name: "Callee", typeName: string, sets: [ParameterSetMembership(position: 1, mandatory: true)]),
                ParameterDeclaration(name: "CallerClient", typeName: string, validations: [.set(clientKinds, ignoreCase: true)]),
                ParameterDeclaration(name: "CalleeClient", typeName: string, validations: [.set(clientKinds, ignoreCase: true)]),
                ParameterDeclaration(name: "Intercepted", typeName: switchType),
            ], output: ClientCallObjects.callTypeName, help: startCallHelp),
            r("Get-TeamsSimCall", GetTeamsSimCallCommand.self, [
                ParameterDeclaration(name: "CallId", typeName: string,
                                     sets: [ParameterSetMembership(position: 0, valueFromPipelineByPropertyName: true)]),
            ], output: ClientCallObjects.callTypeName, shouldProcess: false, help: getCallHelp),
            r("Stop-TeamsSimCall", StopTeamsSimCallCommand.self, [
                ParameterDeclaration(name: "Call", typeName: "System.Object", aliases: ["CallId"],
                                     sets: [ParameterSetMembership(position: 0, mandatory: true, valueFromPipeline: true)]),
                ParameterDeclaration(name: "PassThru", typeName: switchType),
            ], output: ClientCallObjects.callTypeName, help: stopCallHelp),
            r("Invoke-TeamsSimCallFeature", InvokeTeamsSimCallFeatureCommand.self, [
                ParameterDeclaration(name: "Call", typeName: "System.Object", aliases: ["CallId"],
                                     sets: [ParameterSetMembership(position: 0, mandatory: true, valueFromPipeline: true)]),
                ParameterDeclaration(name: "Feature", typeName: string, sets: [ParameterSetMembership(position: 1, mandatory: true)],
                                     validations: [.set(features, ignoreCase: true)]),
                ParameterDeclaration(name: "PassThru", typeName: switchType),
            ], output: ClientCallObjects.callTypeName, help: invokeFeatureHelp),
            r("Export-TeamsSimTenant", ExportTeamsSimTenantCommand.self, [
                path,
                ParameterDeclaration(name: "NoClobber", typeName: switchType, aliases: ["NoOverwrite"]),
                ParameterDeclaration(name: "Force", typeName: switchType),
            ], help: exportHelp),
            r("Import-TeamsSimTenant", ImportTeamsSimTenantCommand.self, [
                ParameterDeclaration(name: "Path", typeName: string, sets: [ParameterSetMembership(setName: "Path", position: 0, mandatory: true)]),
                ParameterDeclaration(name: "Microsoft365DSC", typeName: string,
                                     sets: [ParameterSetMembership(setName: "Microsoft365DSC", mandatory: true)]),
                ParameterDeclaration(name: "Strict", typeName: switchType, sets: [ParameterSetMembership(setName: "Path")]),
            ], defaultSet: "Path", help: importHelp),
            r("Reset-TeamsSimTenant", ResetTeamsSimTenantCommand.self, [], help: resetHelp),
            r("Compare-TeamsSimTenant", CompareTeamsSimTenantCommand.self, [
                ParameterDeclaration(name: "ReferencePath", typeName: string, sets: [ParameterSetMembership(position: 0, mandatory: true)]),
                ParameterDeclaration(name: "DifferencePath", typeName: string, sets: [ParameterSetMembership(position: 1)]),
            ], output: WorldChangeObjects.typeName, shouldProcess: false, help: compareHelp),
        ]
    }

    private static let path = ParameterDeclaration(name: "Path", typeName: string, sets: [ParameterSetMembership(position: 0, mandatory: true)])

    /// A TeamsSim cmdlet: its synopsis is the help's `.SYNOPSIS`.
    private static func r(_ name: String, _ type: Cmdlet.Type, _ parameters: [ParameterDeclaration], output: String? = nil,
                          defaultSet: String? = nil, shouldProcess: Bool = true, help: String) -> CmdletRegistration {
        CmdletRegistration(declaration: CommandDeclaration(
            name: name, moduleName: moduleName, parameters: parameters, defaultParameterSet: defaultSet,
            outputTypes: output.map { [$0] } ?? [],
            supportsShouldProcess: shouldProcess, positionalBinding: false, synopsis: synopsis(of: help),
            commandType: "Cmdlet", version: version, helpText: help), type: type)
    }

    private static func synopsis(of help: String) -> String? {
        // The line after the `.SYNOPSIS` line, found without splitting the whole help text
        // (this runs for every TeamsSim cmdlet at start-up).
        let heading = ".SYNOPSIS\n"
        let start: String.Index
        if help.hasPrefix(heading) {
            start = help.index(help.startIndex, offsetBy: heading.count)
        } else if let r = help.firstRange(of: "\n" + heading) {
            start = r.upperBound
        } else {
            return nil
        }
        return String(help[start...].prefix { $0 != "\n" })
    }

    // MARK: Help (comment-based, as a function would carry it)

    static let getClientSettingHelp = """
    .SYNOPSIS
    Shows each user's "End-to-end encrypted calls" client setting.
    .DESCRIPTION
    Writes one object per user (or for the user named): User,
    EndToEndEncryptedCalls and Available. Available says whether the user's
    effective enhanced encryption policy offers the setting
    (CallingEndtoEndEncryptionEnabledType DisabledUserOverride); while it
    does not, EndToEndEncryptedCalls reads False. Simulated: real Teams has
    no cmdlet for a user's client settings.
    .PARAMETER User
    The user: UPN, SIP address, object id or display name (also the
    UserPrincipalName of piped objects, such as Get-CsOnlineUser's). Without
    it, every user is listed.
    .EXAMPLE
    Get-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com

    Shows whether Jay1 has the setting and whether it is on.
    """

    static let setClientSettingHelp = """
    .SYNOPSIS
    Turns a user's "End-to-end encrypted calls" client setting on or off.
    .DESCRIPTION
    Does what the user does in Teams under Settings > Privacy. The setting
    exists only while the user's effective enhanced encryption policy lets
    users turn it on (CallingEndtoEndEncryptionEnabledType
    DisabledUserOverride); otherwise the command fails. A change applies to
    the user's next calls, not to calls already under way.
    .PARAMETER User
    The user: UPN, SIP address, object id or display name.
    .PARAMETER EndToEndEncryptedCalls
    $true to turn the setting on, $false to turn it off.
    .PARAMETER PassThru
    Writes the user's setting after the change.
    .EXAMPLE
    Set-TeamsSimClientSetting 'Jay One' -EndToEndEncryptedCalls $true

    Jay One turns on end-to-end encrypted calls.
    """

    static let startCallHelp = """
    .SYNOPSIS
    Starts a simulated 1:1 Teams call and shows what the clients show.
    .DESCRIPTION
    The call is end-to-end encrypted when both users' policies let them turn
    the setting on, both have it on, and both call from a client that
    supports it (Desktop, Mobile or Rooms; not Web). The call object shows
    the indicator (Shield with lock, or Shield), the 20-digit security code
    each side's client shows, the reason when the call is not end-to-end
    encrypted, and the features unavailable during the call. Each endpoint
    gets a per-call certificate from the world's seeded generator; the code
    is derived from the SHA-256 thumbprints of both certificates, so both
    sides see the same code.
    .PARAMETER Caller
    The user who calls: UPN, SIP address, object id or display name.
    .PARAMETER Callee
    The user called; must be another user (calls are 1:1).
    .PARAMETER CallerClient
    The caller's Teams client: Desktop (default), Mobile, Web or Rooms.
    .PARAMETER CalleeClient
    The callee's Teams client: Desktop (default), Mobile, Web or Rooms.
    .PARAMETER Intercepted
    Puts a man in the middle between the two clients: each side completes
    its handshake with the interceptor, so the two sides' security codes
    differ.
    .EXAMPLE
    Start-TeamsSimCall -Caller 'Jay One' -Callee 'Jay Two' -Intercepted

    Jay One calls Jay Two through a man in the middle: the two sides' security
    codes differ when they read them to each other.
    """

    static let getCallHelp = """
    .SYNOPSIS
    Lists the simulated calls, or one call by its id.
    .DESCRIPTION
    Writes the calls of the world in the order they started, with the state
    each had when it started: policy or setting changes made since then
    apply to new calls only.
    .PARAMETER CallId
    The id of the call (a GUID). Without it, every call is listed.
    .EXAMPLE
    Get-TeamsSimCall | Format-Table CallId, EndToEndEncrypted, State

    Lists every call and whether it was end-to-end encrypted.
    """

    static let stopCallHelp = """
    .SYNOPSIS
    Ends a simulated call.
    .DESCRIPTION
    Hangs up a call that Start-TeamsSimCall started; an ended call stays in
    the world (and in the tenant file) with its end time.
    .PARAMETER Call
    The call: the object Start-TeamsSimCall or Get-TeamsSimCall wrote, or
    its CallId.
    .PARAMETER PassThru
    Writes the ended call.
    .EXAMPLE
    $call | Stop-TeamsSimCall

    Ends the call in $call.
    """

    static let invokeFeatureHelp = """
    .SYNOPSIS
    Uses an in-call feature, as a user would from the call window.
    .DESCRIPTION
    Recording, LiveCaptions, Transcription, Transfer, Park, Merge,
    AddParticipant, Companion and Voicemail are not available during an
    end-to-end encrypted call: the command fails with "<Feature> isn't
    available in end-to-end encrypted calls." On any other active call the
    feature is used (AddParticipant makes it a group call).
    .PARAMETER Call
    The call: the object Start-TeamsSimCall or Get-TeamsSimCall wrote, or
    its CallId.
    .PARAMETER Feature
    The feature to use.
    .PARAMETER PassThru
    Writes the call after the feature was used.
    .EXAMPLE
    Invoke-TeamsSimCallFeature -Call $call -Feature Recording

    Starts recording the call; refused when the call is end-to-end encrypted.
    """

    static let exportHelp = """
    .SYNOPSIS
    Writes the simulated world (tenant and machine) to a JSON tenant file.
    .DESCRIPTION
    Writes the whole world, as Import-TeamsSimTenant and teamsh -Tenant read it. An
    existing file is replaced, as Export-Csv and Out-File replace theirs, unless
    -NoClobber; a read-only file is replaced only with -Force. -WhatIf shows what
    would be written and writes nothing.
    .PARAMETER Path
    The file to write.
    .PARAMETER NoClobber
    Refuses to replace an existing file.
    .PARAMETER Force
    Replaces a read-only file.
    .EXAMPLE
    Export-TeamsSimTenant -Path ./tenant.json

    Saves the world, client settings and calls included, to tenant.json.
    """

    static let importHelp = """
    .SYNOPSIS
    Replaces the simulated world with a tenant file, or adds a Microsoft365DSC export's policies to it.
    .DESCRIPTION
    With -Path, the world becomes the one in the JSON tenant file (a file
    written by Export-TeamsSimTenant or tools/Export-TeamsWorld.ps1, or by
    hand). With -Microsoft365DSC, the file is a Microsoft365DSC export (a
    Configuration script); it is read as data, never run. Each resource
    block of a policy type teamsh simulates (TeamsMeetingPolicy 'X' {
    Identity = 'Tag:X'; AllowMeetNow = $false ... }) creates the policy
    instance or sets the settings it lists (Ensure = 'Absent' removes it);
    TeamsGroupPolicyAssignment and TeamsUserPolicyAssignment blocks assign
    policies to groups and users. Resource types teamsh does not simulate
    are named in one warning. A file that is not what it claims changes
    nothing: the error names the file and the line.
    .PARAMETER Path
    The tenant file to read; a file that does not parse is refused and
    changes nothing.
    .PARAMETER Strict
    Refuses a file with keys teamsh does not know (a misspelt key) instead
    of warning about them.
    .PARAMETER Microsoft365DSC
    The Microsoft365DSC export (M365TenantConfig.ps1) to read.
    .EXAMPLE
    Import-TeamsSimTenant -Path ./tenant.json

    Continues from the world saved in tenant.json.
    .EXAMPLE
    Import-TeamsSimTenant -Microsoft365DSC ./M365TenantConfig.ps1

    Adds the Teams policies and assignments of a Microsoft365DSC export to
    the world.
    """

    static let compareHelp = """
    .SYNOPSIS
    Lists what differs between two world files, as teamsh -Plan lists a script's changes.
    .DESCRIPTION
    Writes one object per change that turns the reference world into the
    difference world: modules installed, updated or removed, the tenant,
    PSTN usages, policy instances added, changed (each setting: old -> new)
    and removed, groups and teams, group assignments, users, direct
    assignments and client settings, in that order. Each object prints as
    the plan's line (+ added, ~ changed, - removed) and has Action, Kind,
    Target, Subject and Details properties. Calls, batch operation records
    and the simulated clock are not compared.
    .PARAMETER ReferencePath
    The world file to compare from.
    .PARAMETER DifferencePath
    The world file to compare to; without it, the session's current world.
    .EXAMPLE
    Compare-TeamsSimTenant -ReferencePath ./monday.json -DifferencePath ./friday.json

    Lists what changed in the tenant between the two snapshots.
    .EXAMPLE
    Export-TeamsSimTenant ./before.json; ./change.ps1; Compare-TeamsSimTenant ./before.json

    Lists what change.ps1 changed in the session's world.
    """

    static let resetHelp = """
    .SYNOPSIS
    Puts the simulated world back to the embedded default world.
    .EXAMPLE
    Reset-TeamsSimTenant

    Starts over from the default world.
    """
}
