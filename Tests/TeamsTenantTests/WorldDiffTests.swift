import XCTest
@testable import TeamsTenant

/// The changes between two worlds, as plans and diffs print them.
final class WorldDiffTests: XCTestCase {
    /// (what the second world does, the plan's lines)
    let rows: [(String, (World) throws -> Void, [String])] = [
        ("nothing", { _ in }, []),
        ("a new instance shows the settings that differ from a new one's", { world in
            try world.tenant.newPolicy(ofType: "TeamsMeetingPolicy", identity: "Sales",
                                       settings: ["AllowMeetNow": false, "Description": "it's sales"])
        }, ["+ TeamsMeetingPolicy Tag:Sales", "    Description: 'it''s sales'", "    AllowMeetNow: $false"]),
        ("a changed instance, settings in the type's order", { world in
            try world.tenant.setPolicy(ofType: "TeamsUpdateManagementPolicy", identity: "Global",
                                       settings: ["UpdateDayOfWeek": 3, "AllowPreview": true])
        }, ["~ TeamsUpdateManagementPolicy Global", "    AllowPreview: $false → $true", "    UpdateDayOfWeek: 1 → 3"]),
        ("a new instance with every setting at its default", { world in
            try world.tenant.newPolicy(ofType: eePolicy, identity: "Gone")
        }, ["+ TeamsEnhancedEncryptionPolicy Tag:Gone"]),
        ("lists and records", { world in
            try world.tenant.newPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins",
                                       settings: ["PinnedAppBarApps": [["Order": 2, "Id": "b"]], "AppPresetList": []])
        }, ["+ TeamsAppSetupPolicy Tag:Pins", "    PinnedAppBarApps: @(@{Id='b'; Order=2})"]),
        ("direct assignments: one line each", { world in
            try world.tenant.grantPolicy(ofType: "TeamsMeetingPolicy", toUser: jay1, policyName: "Kiosk")
            try world.tenant.grantPolicy(ofType: eePolicy, toUser: ken, policyName: "Tag:UserControlled")
        }, ["+ TeamsMeetingPolicy for user Jay1@JayTheAmazing.onmicrosoft.com: 'Kiosk'",
            "+ TeamsEnhancedEncryptionPolicy for user KenMyer@contoso.com: 'UserControlled'"]),
        ("group assignments in rank order", { world in
            try world.grantPolicyToGroup(ofType: "TeamsMeetingPolicy", group: "Sales", policyName: "Kiosk")
            try world.grantPolicyToGroup(ofType: "TeamsMeetingPolicy", group: "Engineering", policyName: "AllOn", rank: 1)
        }, ["+ TeamsMeetingPolicy for group Engineering", "    PolicyName: 'AllOn'", "    Rank: 1",
            "+ TeamsMeetingPolicy for group Sales", "    PolicyName: 'Kiosk'", "    Rank: 2"]),
        ("client settings", { world in
            try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "UserControlled")
            try world.tenant.setClientSetting(forUser: jay2, endToEndEncryptedCalls: true)
        }, ["+ TeamsEnhancedEncryptionPolicy for user Jay2@JayTheAmazing.onmicrosoft.com: 'UserControlled'",
            "~ client settings of user Jay2@JayTheAmazing.onmicrosoft.com", "    EndToEndEncryptedCalls: $false → $true"]),
        ("teams and their members", { world in
            let sales = try world.tenant.requireGroup("Sales").objectId
            try world.tenant.addTeamUser(sales, user: jay1, owner: true)
            try world.tenant.removeTeamUser(sales, user: jay3, ownerOnly: false)
            _ = try world.newTeam(displayName: "Ops", mailNickName: nil, description: nil, visibility: "Public", owner: ken)
        }, ["~ team Sales", "    Jay3@JayTheAmazing.onmicrosoft.com: 'Member' → (none)",
            "    Jay1@JayTheAmazing.onmicrosoft.com: (none) → 'Owner'",
            "+ team Ops", "    Visibility: 'Public'", "    KenMyer@contoso.com: 'Owner'"]),
        ("modules installed beside the old version", { world in
            try world.install("MicrosoftTeams", version: ModuleVersion([7, 7, 0]))
        }, ["~ module MicrosoftTeams", "    Versions: @('2.3.1') → @('2.3.1', '7.7.0')"]),
        ("PSTN usages", { world in
            world.tenant.setPstnUsages(.value(["Local", "Long Distance"]))
        }, ["+ PSTN usage 'Local'", "+ PSTN usage 'Long Distance'"]),
    ]

    func testChanges() throws {
        for (name, change, expected) in rows {
            let old = World.defaultWorld(), new = World.defaultWorld()
            try change(new)
            XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), expected, name)
        }
    }

    func testRemovalsAndTheReverseDirection() throws {
        let old = World.defaultWorld()
        try old.tenant.newPolicy(ofType: eePolicy, identity: "Gone")
        try old.tenant.grantPolicy(ofType: eePolicy, toUser: jay4, policyName: "Gone")
        let new = old.copy()
        try new.tenant.removePolicy(ofType: eePolicy, identity: "Gone")
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "- TeamsEnhancedEncryptionPolicy Tag:Gone",
            "- TeamsEnhancedEncryptionPolicy for user Jay4@JayTheAmazing.onmicrosoft.com: 'Gone'",
        ])
        XCTAssertEqual(WorldDiff.changes(from: new, to: old).map(\.action), [.add, .add])
        XCTAssertEqual(WorldChange.summary(WorldDiff.changes(from: old, to: new)), "Plan: 0 to add, 0 to change, 2 to remove.")
    }

    /// A family that exists only as data appears in diffs like the shipped ones.
    func testAFamilyMadeOfDataOnlyIsCompared() throws {
        let kiosk = PolicyTypeDescriptor(
            name: "TeamsKioskModePolicy", objectTypeName: "Test.TeamsKioskModePolicy",
            settings: [.boolean("AllowKiosk", false), .text("Description", "", configuration: false)],
            cmdlets: .proxy(since: ModuleVersion([2, 0, 0])))
        func world() -> World {
            let base = World.defaultWorld()
            var tenant = Tenant(tenantId: "t", displayName: "T", initialDomain: "t.com", verifiedDomains: ["t.com"],
                                adminAccount: "admin@t.com", adminObjectId: "a", catalog: PolicyCatalog.standard.adding(kiosk))
            try? tenant.addUser(TenantUser(objectId: "u1", userPrincipalName: "u@t.com", displayName: "U"))
            base.tenant = tenant
            return base
        }
        let old = world(), new = world()
        try new.tenant.newPolicy(ofType: "TeamsKioskModePolicy", identity: "Lobby", settings: ["AllowKiosk": true])
        try new.tenant.grantPolicy(ofType: "TeamsKioskModePolicy", toUser: "u@t.com", policyName: "Lobby")
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "+ TeamsKioskModePolicy Tag:Lobby", "    AllowKiosk: $true", "+ TeamsKioskModePolicy for user u@t.com: 'Lobby'",
        ])
    }

    func testLiterals() {
        let rows: [(PolicyValue, String)] = [
            (.string("a'b"), "'a''b'"), (.bool(true), "$true"), (.int(-3), "-3"), (.null, "$null"), (.list([]), "@()"),
            (.list(["x", 1]), "@('x', 1)"), (.record(["b": 1, "a": "z"]), "@{a='z'; b=1}"),
        ]
        for (value, text) in rows { XCTAssertEqual(WorldChange.literal(value), text) }
    }

    func testJSON() throws {
        let old = World.defaultWorld(), new = World.defaultWorld()
        try new.tenant.setPolicy(ofType: eePolicy, identity: "Global", settings: [calling: "DisabledUserOverride"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(WorldDiff.changes(from: old, to: new)), as: UTF8.self)
        XCTAssertEqual(text, #"[{"action":"change","details":[{"name":"CallingEndtoEndEncryptionEnabledType","new":"DisabledUserOverride","old":"Disabled"}],"kind":"policy","subject":{"identity":"Global","policyType":"TeamsEnhancedEncryptionPolicy"},"target":"TeamsEnhancedEncryptionPolicy Global"}]"#)
    }
}
