import XCTest
import TeamsTenant
import PowerShellRuntime
import PowerShellCmdlets
@testable import TeamsModule

/// The policy families' cmdlets: typed binding and its errors, proxy and compiled shapes by
/// module version, list modifiers, record classes, the assignment cmdlets for every family, teams,
/// batches, and a family that exists only as a descriptor.
final class FamilyCmdletTests: XCTestCase {
    static let preamble = "$null = Connect-MicrosoftTeams\n"

    /// (script after Connect, expected output lines, expected error fragment), on 7.7.0.
    let rows: [(String, [String], String?)] = [
        // Typed binding: Booleans, whole numbers and known values bind as the settings' kinds.
        ("$p = New-CsTeamsMeetingPolicy -Identity M -AllowMeetNow $false -NewMeetingRecordingExpirationDays 30; $p.AllowMeetNow.GetType().Name; $p.NewMeetingRecordingExpirationDays.GetType().Name",
         ["Boolean", "Int64"], nil),
        ("New-CsTeamsMeetingPolicy -Identity M -AllowMeetNow maybe", [],
         "Cannot convert 'System.String' to the type 'System.Boolean' required by parameter 'AllowMeetNow'."),
        ("New-CsTeamsUpdateManagementPolicy -Identity U -UpdateDayOfWeek abc", [],
         "Cannot bind parameter 'UpdateDayOfWeek'. Cannot convert value \"abc\" to type \"System.Int64\"."),
        ("New-CsTeamsMessagingPolicy -Identity M -ReadReceiptsEnabledType Sometimes", [],
         "The argument \"Sometimes\" does not belong to the set \"UserPreference,Everyone,None\""),
        // A binary cmdlet's policy is an instance of its .NET class (settable typed properties);
        // a proxy function's is a deserialized property bag (note properties).
        ("$p = Get-CsTeamsMeetingPolicy -Identity Global; $p.GetType().FullName; $p.pstypenames[0]; $m = $p | Get-Member -Name AllowMeetNow, Description, NewMeetingRecordingExpirationDays; $m.MemberType -join ','; $m.Definition -join ' | '; ($p.psobject.Properties | Select-Object -First 1).IsSettable",
         ["Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsMeetingPolicy", "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsMeetingPolicy",
          "Property,Property,Property", "bool AllowMeetNow {get;set;} | string Description {get;set;} | System.Nullable[long] NewMeetingRecordingExpirationDays {get;set;}", "True"], nil),
        ("$p = Get-CsTeamsMeetingBroadcastPolicy -Identity Global; $p.GetType().FullName; ($p | Get-Member -Name Identity).MemberType",
         ["System.Management.Automation.PSCustomObject", "NoteProperty"], nil),
        // Proxy functions convert Booleans as functions do.
        ("New-CsTeamsMeetingBroadcastPolicy -Identity B -AllowBroadcastScheduling maybe", [],
         "Cannot process argument transformation on parameter 'AllowBroadcastScheduling'. Cannot convert value \"System.String\" to type \"System.Boolean\"."),
        ("(Get-Command New-CsTeamsMeetingPolicy).CommandType; (Get-Command New-CsTeamsMeetingBroadcastPolicy).CommandType; (Get-Command Grant-CsTeamsMeetingPolicy).CommandType",
         ["Cmdlet", "Function", "Function"], nil),
        ("(Get-Command New-CsTeamsCallingPolicy).Parameters.ContainsKey('Force'); (Get-Command New-CsTeamsMeetingBroadcastPolicy).Parameters.ContainsKey('Force')",
         ["True", "False"], nil),
        // Get -Filter with wildcards, Global first; Remove of Global resets it.
        ("(Get-CsTeamsCallingPolicy -Filter 'Allow*').Identity -join ','",
         ["Tag:AllowCalling,Tag:AllowCallingPreventTollBypass,Tag:AllowCallingPreventForwardingtoPhone"], nil),
        ("Set-CsTeamsChannelsPolicy -AllowOrgWideTeamCreation $false; Remove-CsTeamsChannelsPolicy -Identity Global; (Get-CsTeamsChannelsPolicy Global).AllowOrgWideTeamCreation",
         ["True"], nil),
        ("Set-CsTeamsMessagingPolicy -Identity EduStudent -AllowGiphy $false", [], "Set or Remove host tag instance is not allowed"),
        // Object lists: record classes, PSListModifier, the element text.
        ("$a = [Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp]::new('a1', 1); $b = New-Object Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp -Property @{ Id = 'b2'; Order = 2 }\n$p = New-CsTeamsAppSetupPolicy -Identity Pins -PinnedAppBarApps $a, $b\n\"$($p.PinnedAppBarApps)\"\nSet-CsTeamsAppSetupPolicy -Identity Pins -PinnedAppBarApps @{ Remove = $a }\n(Get-CsTeamsAppSetupPolicy Pins).PinnedAppBarApps.Id",
         ["Id=a1;Order=1 Id=b2;Order=2", "b2"], nil),
        ("New-CsTeamsAppSetupPolicy -Identity Pins -PinnedAppBarApps 'justtext'", [],
         "Cannot convert value \"justtext\" of PinnedAppBarApps to type \"Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp\"."),
        ("Set-CsOnlinePstnUsage -Usage @{ Add = 'Local' }; New-CsOnlineVoiceRoutingPolicy -Identity R -OnlinePstnUsages Local, Intl | Out-Null; Set-CsOnlineVoiceRoutingPolicy R -OnlinePstnUsages @{ Remove = 'intl' }; (Get-CsOnlineVoiceRoutingPolicy R).OnlinePstnUsages -join ','; (Get-CsOnlinePstnUsage).Usage",
         ["Local", "Local"], nil),
        ("$r = New-CsVoiceNormalizationRule -Parent DP -Name Four -Pattern '^(\\d{4})$' -Translation '+1425555$1' -InMemory; $p = New-CsTenantDialPlan -Identity DP -NormalizationRules @{ Add = $r }; $p.SimpleName; \"$($p.NormalizationRules)\"",
         ["DP", "Description=;Pattern=^(\\d{4})$;Translation=+1425555$1;Name=Four;IsInternalExtension=False"], nil),
        ("New-CsVoiceNormalizationRule -Identity Global/X", [], "missing mandatory parameters: InMemory."),
        // Assignment for every family: user, group, tenant, unassign; Get-CsOnlineUser; effective policy.
        ("Grant-CsTeamsEventsPolicy -Identity KenMyer@contoso.com -PolicyName Global", [], "[ClientError] : \"Global\" not found"),
        ("New-CsTeamsEventsPolicy -Identity NoWebinars -AllowWebinars Disabled | Out-Null; Grant-CsTeamsEventsPolicy -Identity KenMyer@contoso.com -PolicyName NoWebinars; (Get-CsOnlineUser KenMyer@contoso.com).TeamsEventsPolicy; (Get-CsOnlineUser -Filter \"TeamsEventsPolicy -eq 'nowebinars'\").UserPrincipalName; Grant-CsTeamsEventsPolicy KenMyer@contoso.com $null; (Get-CsOnlineUser KenMyer@contoso.com).TeamsEventsPolicy -eq $null",
         ["NoWebinars", "KenMyer@contoso.com", "True"], nil),
        ("Grant-CsTeamsMeetingPolicy -Group Sales -PolicyName Kiosk -Rank 1; Grant-CsTeamsMeetingPolicy -Group Engineering -PolicyName AllOff -Rank 1; Get-CsUserPolicyAssignment -Identity Jay3@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingPolicy | ForEach-Object { $_.PolicyName; $_.PolicySource.PolicyName -join ',' }",
         ["AllOff", "AllOff,Kiosk"], nil),
        ("New-CsTeamsFeedbackPolicy -Identity Quiet -UserInitiatedMode Disabled | Out-Null; Grant-CsTeamsFeedbackPolicy -Global -PolicyName Quiet; (Get-CsTeamsFeedbackPolicy Global).UserInitiatedMode",
         ["Disabled"], nil),
        ("New-CsGroupPolicyAssignment -GroupId Sales -PolicyType TeamsAppPermissionPolicy -PolicyName Global", [],
         "[ClientError] : Policy type \"TeamsAppPermissionPolicy\" is not supported for group policy assignment"),
        ("(Get-CsOnlineUser Jay1@JayTheAmazing.onmicrosoft.com).PSObject.Properties.Name -join ','",
         ["Identity,UserPrincipalName,Alias,DisplayName,AccountEnabled,SipAddress,ObjectId,OnlineVoiceRoutingPolicy,TeamsAppPermissionPolicy,TeamsAppSetupPolicy,TeamsCallingPolicy,TeamsChannelsPolicy,TeamsEnhancedEncryptionPolicy,TeamsEventsPolicy,TeamsFeedbackPolicy,TeamsMeetingBroadcastPolicy,TeamsMeetingPolicy,TeamsMessagingPolicy,TeamsUpdateManagementPolicy,TenantDialPlan"], nil),
        // Batches.
        ("$id = New-CsBatchPolicyAssignmentOperation -PolicyType TeamsCallingPolicy -PolicyName AllowCalling -Identity Jay1@JayTheAmazing.onmicrosoft.com, nobody@x.com -OperationName Calls; $o = Get-CsBatchPolicyAssignmentOperation -Identity $id; $o.OverallStatus; $o.ErrorCount; $o.UserState.Result -join ','; (Get-CsOnlineUser Jay1@JayTheAmazing.onmicrosoft.com).TeamsCallingPolicy",
         ["Completed", "1", "Success,User not found", "AllowCalling"], nil),
        ("New-CsBatchPolicyAssignmentOperation -PolicyType TeamsFeedbackPolicy -PolicyName Enabled -Identity KenMyer@contoso.com", [],
         "is not supported for batch policy assignment"),
        // Teams as groups.
        ("$t = New-Team -DisplayName 'Field Ops' -Owner Jay4@JayTheAmazing.onmicrosoft.com; Add-TeamUser -GroupId $t.GroupId -User KenMyer@contoso.com; Grant-CsTeamsMessagingPolicy -Group $t.GroupId -PolicyName EduStudent; (Get-TeamUser -GroupId $t.GroupId).Role -join ','; (Get-CsUserPolicyAssignment KenMyer@contoso.com).PolicyName; Remove-Team -GroupId $t.GroupId; @(Get-CsUserPolicyAssignment KenMyer@contoso.com).Count",
         ["owner,member", "EduStudent", "0"], nil),
        ("(Get-Team -User Jay3@JayTheAmazing.onmicrosoft.com).DisplayName -join ','; (Get-Team -MailNickName eng).DisplayName", ["Sales,Engineering", "Engineering"], nil),
        ("Get-TeamUser -GroupId nope", [], "Team not found: no team has the group id 'nope'."),
    ]

    func testFamilyCmdlets() {
        for (script, out, err) in rows {
            let r = TestSession.run(FamilyCmdletTests.preamble + script, world: TestSession.world(installing: ["7.7.0"]))
            XCTAssertEqual(TestSession.lines(r.out), out, script)
            let flat = r.err.replacingOccurrences(of: "\n     | ", with: " ")
            if let err { XCTAssertTrue(flat.contains(err), "\(script)\n\(r.err)") } else { XCTAssertEqual(r.err, "", script) }
        }
    }

    /// Versions: a family appears with its first version; compiled shapes begin with the
    /// re-implementation; Grant's -Group with 4.5.0; parameters with the version that added them.
    func testShapesFollowTheVersion() throws {
        func registration(_ name: String, _ version: String) throws -> CommandDeclarationSummary? {
            let v = try XCTUnwrap(ModuleVersion(version))
            return MicrosoftTeamsCommands.registration(named: name, version: v).map { CommandDeclarationSummary($0.declaration) }
        }
        XCTAssertFalse(MicrosoftTeamsReleases.exportedCommands(for: try XCTUnwrap(ModuleVersion("4.5.0"))).contains("Get-CsTeamsEventsPolicy"))
        XCTAssertTrue(MicrosoftTeamsReleases.exportedCommands(for: try XCTUnwrap(ModuleVersion("4.6.0"))).contains("Get-CsTeamsEventsPolicy"))
        XCTAssertEqual(try registration("New-CsTeamsMeetingPolicy", "4.8.0")?.commandType, "Function")
        XCTAssertEqual(try registration("New-CsTeamsMeetingPolicy", "4.9.0")?.commandType, "Cmdlet")
        XCTAssertEqual(try registration("New-CsTeamsMeetingPolicy", "2.3.1")?.parameters.contains("InMemory"), true)
        XCTAssertEqual(try registration("Grant-CsTeamsMeetingPolicy", "4.4.1")?.parameters.contains("Group"), false)
        XCTAssertEqual(try registration("Grant-CsTeamsMeetingPolicy", "4.5.0")?.parameters.contains("Group"), true)
        XCTAssertEqual(try registration("Set-CsTeamsMeetingPolicy", "5.0.0")?.parameters.contains("CopyRestriction"), false)
        XCTAssertEqual(try registration("Set-CsTeamsMeetingPolicy", "5.6.0")?.parameters.contains("CopyRestriction"), true)
        XCTAssertEqual(try registration("New-CsTenantDialPlan", "7.7.0")?.parameters.contains("OptimizeDeviceDialing"), false,
                       "read-only properties are not parameters")
        let version = try XCTUnwrap(ModuleVersion("7.7.0"))
        func type(_ command: String, _ parameter: String) -> String? {
            MicrosoftTeamsCommands.registration(named: command, version: version)?.declaration.parameters.first { $0.name == parameter }?.typeName
        }
        XCTAssertEqual(type("Grant-CsTeamsCallingPolicy", "Rank"), "System.Int32", "compiled Grant")
        XCTAssertEqual(type("Grant-CsTeamsMeetingPolicy", "Rank"), "System.Nullable`1[System.Int32]", "proxy Grant")
        XCTAssertEqual(type("New-CsTeamsMeetingPolicy", "MediaBitRateKb"), "System.Nullable`1[System.UInt32]")
        XCTAssertEqual(type("New-CsTeamsMeetingBroadcastPolicy", "AllowBroadcastScheduling"), "System.Boolean")
        XCTAssertEqual(type("New-CsOnlineVoiceRoutingPolicy", "OnlinePstnUsages"), "System.Object")
    }

    /// A fourteenth family made of data alone: a world whose catalog holds one more descriptor
    /// gets its five cmdlets from the module, with their parameters, view and assignment.
    func testAFamilyMadeOfDataOnly() throws {
        let parts = DefaultWorld.parts()
        var tenant = Tenant(tenantId: parts.tenant.tenantId, displayName: "T", initialDomain: parts.tenant.initialDomain,
                            verifiedDomains: parts.tenant.verifiedDomains, adminAccount: parts.tenant.adminAccount,
                            adminObjectId: parts.tenant.adminObjectId, catalog: PolicyCatalog.standard.adding(FamilyCmdletTests.kioskMode))
        for user in parts.tenant.users { try tenant.addUser(user) }
        let world = World(machine: parts.machine, installedModules: parts.installedModules, repositories: parts.repositories,
                          gallery: parts.gallery, tenant: tenant, random: parts.random)
        world.refreshMicrosoftTeamsExports()
        let script = """
            Update-Module MicrosoftTeams
            $null = Connect-MicrosoftTeams
            (Get-Command -Noun CsTeamsKioskModePolicy).Name -join ','
            New-CsTeamsKioskModePolicy -Identity Lobby -AllowedApps Maps, Clock -IdleMinutes 5
            Set-CsTeamsKioskModePolicy -Identity Lobby -Mode Locked -AllowedApps @{ Add = 'Weather' }
            (Get-CsTeamsKioskModePolicy -Filter 'Tag:*').Identity -join ','
            Grant-CsTeamsKioskModePolicy -Identity KenMyer@contoso.com -PolicyName Lobby
            (Get-CsOnlineUser KenMyer@contoso.com).TeamsKioskModePolicy
            (Get-CsUserPolicyAssignment KenMyer@contoso.com -PolicyType TeamsKioskModePolicy).PolicyName
            Set-CsTeamsKioskModePolicy -Identity Lobby -Mode Open
            Remove-CsTeamsKioskModePolicy -Identity Lobby
            (Get-CsTeamsKioskModePolicy).Identity -join ','
            """
        let r = TestSession.run(script, world: world)
        XCTAssertEqual(TestSession.lines(r.out), [
            "Get-CsTeamsKioskModePolicy,Grant-CsTeamsKioskModePolicy,New-CsTeamsKioskModePolicy,Remove-CsTeamsKioskModePolicy,Set-CsTeamsKioskModePolicy",
            "Identity    : Tag:Lobby", "Mode        : Shared", "IdleMinutes : 5", "AllowedApps : {Maps, Clock}",
            "Tag:Locked,Tag:Lobby", "Lobby", "Lobby", "Global,Tag:Locked",
        ])
        XCTAssertTrue(r.err.replacingOccurrences(of: "\n     | ", with: " ").contains("does not belong to the set \"Shared,Locked\""), r.err)
    }

    /// The made-up family: a choice, an Int, a string list, one preset; compiled cmdlets.
    static let kioskMode = PolicyTypeDescriptor(
        name: "TeamsKioskModePolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsKioskModePolicy",
        settings: [
            .choice("Mode", ["Shared", "Locked"], "Shared"),
            .integer("IdleMinutes", .int64, 10),
            .stringList("AllowedApps", []),
        ],
        presets: [PolicyPreset(name: "Locked", values: ["Mode": "Locked", "IdleMinutes": 1])],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([7, 0, 0]), binaryVerbs: [.get, .new, .set, .remove, .grant],
                                 binarySince: ModuleVersion([7, 0, 0])))
}

/// What a test checks of a declaration.
struct CommandDeclarationSummary {
    let commandType: String
    let parameters: Set<String>

    init(_ d: CommandDeclaration) {
        commandType = d.commandType
        parameters = Set(d.parameters.map(\.name))
    }
}

/// Tab completion of the families' names and values.
final class FamilyCompletionTests: XCTestCase {
    func testCompletion() {
        let r = TestSession.run("$null = Connect-MicrosoftTeams; New-CsTeamsMeetingPolicy -Identity Kite | Out-Null",
                                world: TestSession.world(installing: ["7.7.0"]))
        func texts(_ input: String) -> [String] {
            CommandCompletionEngine.complete(input, cursor: input.utf16.count, context: r.context).matches.map(\.completionText)
        }
        XCTAssertEqual(texts("Grant-CsTeamsMeetingPolicy -PolicyName Ki"), ["Kiosk", "Kite"])
        XCTAssertEqual(texts("Get-CsTeamsMeetingPolicy -Identity Tag:K"), ["Tag:Kiosk", "Tag:Kite"])
        XCTAssertEqual(texts("Get-CsUserPolicyAssignment -PolicyType TeamsMe"), ["TeamsMeetingPolicy", "TeamsMessagingPolicy", "TeamsMeetingBroadcastPolicy"])
        XCTAssertFalse(texts("New-CsGroupPolicyAssignment -PolicyType TeamsApp").contains("TeamsAppPermissionPolicy"))
        XCTAssertEqual(texts("New-CsBatchPolicyAssignmentOperation -PolicyType TeamsF"), [])
        XCTAssertEqual(texts("Set-CsTeamsMeetingPolicy -ScreenSharingMode Ent"), ["EntireScreen"])
        XCTAssertEqual(texts("Get-TeamUser -GroupId Sal").count, 1)
    }
}
