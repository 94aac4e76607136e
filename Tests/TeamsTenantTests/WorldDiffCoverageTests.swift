import XCTest
@testable import TeamsTenant

/// What plans and diffs cover beyond single examples: every family of the catalog (each of its
/// settings, instances, direct and group assignments), batch assignments, the tenant, PSTN usages
/// and the fields of groups and teams.
final class WorldDiffCoverageTests: XCTestCase {
    /// A value of `setting` other than `current` that the setting takes (nil: a choice of one).
    func otherValue(_ setting: PolicySettingDescriptor, than current: PolicyValue) -> PolicyValue? {
        switch setting.kind {
        case .boolean:
            return .bool(current != .bool(true))
        case .choice(let allowed):
            return allowed.first { PolicyValue.string($0) != current }.map(PolicyValue.string)
        case .integer:
            return current == .int(7) ? .int(8) : .int(7)
        case .text:
            return current == .string("probe") ? .string("probe 2") : .string("probe")
        case .stringList:
            return current == .list(["probe"]) ? .list(["probe", "two"]) : .list(["probe"])
        case .guid:
            let probe = "0a1b2c3d-0000-4000-8000-00000000000a"
            return current == .string(probe) ? .string("0a1b2c3d-0000-4000-8000-00000000000b") : .string(probe)
        case .dateTime:
            return current == .string("2026-01-02T03:04:05") ? .string("2026-01-02T03:04:06") : .string("2026-01-02T03:04:05")
        case .objectList(let type):
            // One element with every field set, or two when the list already is that one.
            func element(_ n: Int) -> PolicyValue {
                .record(Dictionary(uniqueKeysWithValues: type.fields.map { field in
                    switch field.kind {
                    case .text: return (field.name, PolicyValue.string("probe\(n)"))
                    case .boolean: return (field.name, PolicyValue.bool(true))
                    case .integer: return (field.name, PolicyValue.int(n))
                    }
                }))
            }
            return current == .list([element(1)]) ? .list([element(1), element(2)]) : .list([element(1)])
        }
    }

    func testTheCatalogHasEveryFamily() {
        XCTAssertEqual(PolicyCatalog.standard.descriptors.count, 13)
        XCTAssertEqual(World.defaultWorld().tenant.catalog.names, PolicyCatalog.standard.names)
    }

    /// Each family: every setting of Global changed at once (listed in the type's order), a new
    /// instance, a direct and a group assignment; then its removal, which takes the assignments.
    func testEveryFamilyEverySetting() throws {
        for descriptor in PolicyCatalog.standard.descriptors {
            let type = descriptor.name
            let old = World.defaultWorld(), new = old.copy()
            let global = try old.tenant.policy(ofType: type, identity: "Global")
            var settings: [String: PolicyValue] = [:]
            var expectedGlobal: [String] = []
            for setting in descriptor.settings where setting.isParameter {
                let was = global.value(setting.name)
                guard let now = otherValue(setting, than: was) else { continue }
                settings[setting.name] = now
                expectedGlobal.append("    \(setting.name): \(WorldChange.literal(was, setting.kind)) → \(WorldChange.literal(now, setting.kind))")
            }
            XCTAssertFalse(settings.isEmpty, type)
            try new.tenant.setPolicy(ofType: type, identity: "Global", settings: settings)
            try new.tenant.newPolicy(ofType: type, identity: "Probe")
            try new.tenant.grantPolicy(ofType: type, toUser: jay1, policyName: "Probe")
            var expected = ["~ \(type) Global"] + expectedGlobal + ["+ \(type) Tag:Probe"]
            if descriptor.assignment.groupPolicyAssignment {
                try new.grantPolicyToGroup(ofType: type, group: "Sales", policyName: "Probe")
                expected += ["+ \(type) for group Sales", "    PolicyName: 'Probe'", "    Rank: 1"]
            }
            expected.append("+ \(type) for user \(jay1): 'Probe'")
            XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), expected, type)

            let later = new.copy()
            try later.tenant.removePolicy(ofType: type, identity: "Probe")
            var removed = ["- \(type) Tag:Probe"]
            if descriptor.assignment.groupPolicyAssignment { removed += ["- \(type) for group Sales", "    PolicyName: 'Probe'", "    Rank: 1"] }
            removed.append("- \(type) for user \(jay1): 'Probe'")
            XCTAssertEqual(WorldDiff.changes(from: new, to: later).flatMap(\.lines), removed, type)
            XCTAssertEqual(WorldChange.summary(WorldDiff.changes(from: new, to: later)),
                           "Plan: 0 to add, 0 to change, \(removed.filter { $0.hasPrefix("-") }.count) to remove.", type)
        }
    }

    /// An object list changed element by element prints whole lists, fields in their type's order.
    func testObjectListsOldAndNew() throws {
        let old = World.defaultWorld()
        try old.tenant.newPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins",
                                 settings: ["PinnedAppBarApps": [["Order": 1, "Id": "a"]]])
        let new = old.copy()
        try new.tenant.setPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins",
                                 settings: ["PinnedAppBarApps": [["Order": 1, "Id": "a"], ["Order": 2, "Id": "b"]]])
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "~ TeamsAppSetupPolicy Tag:Pins",
            "    PinnedAppBarApps: @(@{Id='a'; Order=1}) → @(@{Id='a'; Order=1}, @{Id='b'; Order=2})",
        ])
    }

    /// A batch shows as the direct assignments it made; its operation record is bookkeeping.
    func testBatchAssignments() throws {
        let old = World.defaultWorld(), new = old.copy()
        let users = [jay1, jay2].map { new.tenant.findUser($0)?.objectId ?? $0 }
        let operation = try new.runBatchAssignment(policyType: "TeamsMeetingPolicy", policyName: "Kiosk",
                                                   identities: users + ["nobody@contoso.com"], operationName: "kiosks")
        XCTAssertEqual(operation.userState.map(\.result), ["Success", "Success", "User not found"])
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "+ TeamsMeetingPolicy for user \(jay1): 'Kiosk'",
            "+ TeamsMeetingPolicy for user \(jay2): 'Kiosk'",
        ])
        let undone = new.copy()
        try undone.runBatchAssignment(policyType: "TeamsMeetingPolicy", policyName: nil, identities: users, operationName: "undo")
        XCTAssertEqual(WorldDiff.changes(from: old, to: undone), [])
        XCTAssertEqual(WorldDiff.changes(from: new, to: undone).map(\.action), [.remove, .remove])
    }

    func testTenantAndPstnUsages() throws {
        let old = World.defaultWorld()
        old.tenant.setPstnUsages(.value(["Local", "International"]))
        let new = old.copy()
        new.tenant.displayName = "Contoso Renamed"
        new.tenant.verifiedDomains.append("fabrikam.com")
        new.tenant.setPstnUsages(.modify(add: ["Emergency"], remove: ["international"], replace: nil))
        let domains = old.tenant.verifiedDomains.map { "'\($0)'" }.joined(separator: ", ")
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "~ tenant Contoso Renamed",
            "    DisplayName: '\(old.tenant.displayName)' → 'Contoso Renamed'",
            "    VerifiedDomains: @(\(domains)) → @(\(domains), 'fabrikam.com')",
            "- PSTN usage 'International'",
            "+ PSTN usage 'Emergency'",
        ])
    }

    /// Every field of a group or team, as a world file may change it; a removed team takes its
    /// group assignments along, each listed.
    func testGroupAndTeamFields() throws {
        let old = World.defaultWorld()
        try old.grantPolicyToGroup(ofType: "TeamsMessagingPolicy", group: "Sales", policyName: "Default")
        let sales = try old.tenant.requireGroup("Sales")
        let new = old.copy()
        let position = try XCTUnwrap(new.tenant.groupPosition(sales.objectId))
        new.tenant.updateGroup(at: position, reindex: true) { group in
            group.displayName = "Sales EMEA"
            group.description = "Sales in Europe"
            group.mailNickName = "salesemea"
            group.visibility = "Public"
            group.archived = true
        }
        let team = try XCTUnwrap(new.tenant.findGroup(sales.objectId))
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "~ team Sales EMEA",
            "    DisplayName: 'Sales' → 'Sales EMEA'",
            "    Description: \(sales.description.map { "'\($0)'" } ?? "(none)") → 'Sales in Europe'",
            "    MailNickName: '\(sales.mailNickName)' → 'salesemea'",
            "    Visibility: '\(sales.visibility)' → 'Public'",
            "    Archived: $false → $true",
        ])
        XCTAssertTrue(team.archived)

        let gone = old.copy()
        try gone.tenant.removeTeam(sales.objectId)
        XCTAssertEqual(WorldDiff.changes(from: old, to: gone).flatMap(\.lines), [
            "- team Sales",
            "- TeamsMessagingPolicy for group Sales",
            "    PolicyName: 'Default'",
            "    Rank: 1",
        ])
    }

    /// A group that becomes a team, and one that is only a group: no visibility of its own.
    func testGroupsThatAreNotTeams() throws {
        let old = World.defaultWorld()
        var group = TenantGroup(objectId: "6f1c0000-0000-4000-8000-000000000001", displayName: "Auditors",
                                mail: nil, description: nil, members: [], isTeam: false)
        group.members = [try old.tenant.requireUser(ken).objectId]
        let new = old.copy()
        try new.tenant.addGroup(group)
        XCTAssertEqual(WorldDiff.changes(from: old, to: new).flatMap(\.lines), [
            "+ group Auditors", "    \(ken): 'Member'",
        ])
        let promoted = new.copy()
        try promoted.tenant.addTeam(group)
        XCTAssertEqual(WorldDiff.changes(from: new, to: promoted).flatMap(\.lines), [
            "~ team Auditors", "    IsTeam: $false → $true",
        ])
    }
}
