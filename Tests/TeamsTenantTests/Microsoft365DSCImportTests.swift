import XCTest
@testable import TeamsTenant

/// Microsoft365DSC resource blocks applied to a world (the reading of the file is tested with the
/// reader in TeamsModuleTests).
final class Microsoft365DSCImportTests: XCTestCase {
    private func block(_ type: String, _ properties: [(String, DscValue)], line: Int = 10) -> DscResource {
        DscResource(type: type, name: type + "-x", line: line,
                    properties: properties.enumerated().map { DscProperty(name: $0.element.0, value: $0.element.1, line: line + 1 + $0.offset) })
    }

    func testPoliciesAndAssignmentsOfEveryFamily() throws {
        let world = World.defaultWorld()
        let report = try Microsoft365DSCImport.apply([
            block("TeamsMeetingPolicy", [("Identity", .string("Tag:Sales")), ("AllowMeetNow", .bool(false)),
                                         ("Credential", .unresolved("$Credscredential")), ("Ensure", .string("Present"))]),
            block("TeamsVoiceRoutingPolicy", [("Identity", .string("Intl")), ("OnlinePstnUsages", .list([.string("Local")]))]),
            block("TeamsTenantDialPlan", [("Identity", .string("Redmond")), ("NormalizationRules", .list([
                .instance(type: "MSFT_TeamsVoiceNormalizationRule", properties: [
                    DscProperty(name: "Identity", value: .string("Redmond/Ext"), line: 1),
                    DscProperty(name: "Priority", value: .int(0), line: 1),
                    DscProperty(name: "Pattern", value: .string("^(\\d{4})$"), line: 1),
                ]),
            ]))]),
            block("TeamsAppSetupPolicy", [("Identity", .string("Desk")), ("PinnedAppBarApps", .list([.string("a"), .string("b")]))]),
            block("TeamsGroupPolicyAssignment", [("GroupDisplayname", .string("Sales")), ("GroupId", .string("")),
                                                 ("PolicyType", .string("TeamsMeetingPolicy")), ("PolicyName", .string("Sales")),
                                                 ("Priority", .string("1"))]),
            block("TeamsUserPolicyAssignment", [("User", .string(jay1)), ("TenantDialPlan", .string("Redmond")),
                                                ("TeamsUpgradePolicy", .string(""))]),
            block("TeamsPstnUsage", [("Usage", .string("Local"))]),
            block("AADUser", [("UserPrincipalName", .string("x"))]),
            block("AADUser", [("UserPrincipalName", .string("y"))]),
        ], path: "export.ps1", to: world)
        XCTAssertEqual(report.applied, 7)
        XCTAssertEqual(report.warnings, [
            "Resources teamsh does not simulate were left out: AADUser (2)",
            "Assignments of policy types teamsh does not simulate were left out: TeamsUpgradePolicy",
        ])
        let tenant = world.tenant
        XCTAssertEqual(try tenant.policy(ofType: "TeamsMeetingPolicy", identity: "Sales").value("AllowMeetNow"), .bool(false))
        XCTAssertEqual(try tenant.policy(ofType: "OnlineVoiceRoutingPolicy", identity: "Intl").value("OnlinePstnUsages"), ["Local"])
        let rule = try tenant.policy(ofType: "TenantDialPlan", identity: "Redmond").value("NormalizationRules").listItems.first
        XCTAssertEqual(rule?.field("Name"), "Ext")
        XCTAssertEqual(rule?.field("Priority"), 0)
        XCTAssertEqual(try tenant.policy(ofType: "TeamsAppSetupPolicy", identity: "Desk").value("PinnedAppBarApps"),
                       [["Id": "a", "Order": 1], ["Id": "b", "Order": 2]])
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: "TeamsMeetingPolicy").map(\.policyName), ["Sales"])
        XCTAssertEqual(try tenant.directPolicyName(ofType: "TenantDialPlan", forUser: jay1), "Redmond")
        XCTAssertEqual(tenant.pstnUsages, ["Local"])
    }

    /// Every family of the catalog through its resource: a new instance with a Boolean, choice or
    /// text setting changed, granted to a group and to a user; a plan of it lists exactly that.
    func testEveryFamilyByItsResource() throws {
        for descriptor in PolicyCatalog.standard.descriptors {
            let type = descriptor.name
            let world = World.defaultWorld(), before = world.copy()
            let defaults = descriptor.newInstanceValues(named: "Probe")
            var changed: (setting: String, dsc: DscValue, value: PolicyValue)?
            for setting in descriptor.settings where setting.isParameter && changed == nil {
                let initial = defaults[setting.name] ?? .null
                if setting.kind == .boolean, case .bool(let flag) = initial {
                    changed = (setting.name, .bool(!flag), .bool(!flag))
                } else if let other = setting.allowedValues.first(where: { PolicyValue.string($0) != initial }) {
                    changed = (setting.name, .string(other), .string(other))
                } else if setting.kind == .text, initial != "probe" {
                    changed = (setting.name, .string("probe"), .string("probe"))
                }
            }
            let (name, dsc, value) = try XCTUnwrap(changed, type)
            var blocks = [
                block(descriptor.microsoft365DSCResource, [("Identity", .string("Tag:Probe")), (name, dsc),
                                                          ("Ensure", .string("Present"))]),
                block("TeamsUserPolicyAssignment", [("User", .string(jay1)), (type, .string("Probe"))]),
            ]
            var expected = ["+ \(type) Tag:Probe", "    \(name): \(WorldChange.literal(value))"]
            if descriptor.assignment.groupPolicyAssignment {
                blocks.append(block("TeamsGroupPolicyAssignment", [("GroupDisplayName", .string("Sales")), ("PolicyType", .string(type)),
                                                                  ("PolicyName", .string("Probe")), ("Priority", .string("1"))]))
                expected += ["+ \(type) for group Sales", "    PolicyName: 'Probe'", "    Rank: 1"]
            }
            expected.append("+ \(type) for user \(jay1): 'Probe'")
            let report = try Microsoft365DSCImport.apply(blocks, path: "export.ps1", to: world)
            XCTAssertEqual(report.applied, blocks.count, type)
            XCTAssertEqual(report.warnings, [], type)
            XCTAssertEqual(WorldDiff.changes(from: before, to: world).flatMap(\.lines), expected, type)
        }
    }

    func testEnsureAbsentAndMissingGroups() throws {
        let world = World.defaultWorld()
        try world.tenant.newPolicy(ofType: eePolicy, identity: "Old")
        let report = try Microsoft365DSCImport.apply([
            block("TeamsEnhancedEncryptionPolicy", [("Identity", .string("Tag:Old")), ("Ensure", .string("Absent"))]),
            block("TeamsEnhancedEncryptionPolicy", [("Identity", .string("Never")), ("Ensure", .string("Absent"))]),
            block("TeamsGroupPolicyAssignment", [("GroupDisplayName", .string("SecGroup")), ("GroupId", .string("1b2c")),
                                                 ("PolicyType", .string("TeamsEnhancedEncryptionPolicy")),
                                                 ("PolicyName", .string("UserControlled"))]),
        ], path: "export.ps1", to: world)
        XCTAssertThrowsError(try world.tenant.policy(ofType: eePolicy, identity: "Old"))
        XCTAssertEqual(report.warnings, ["Groups the world did not have were added without members: SecGroup"])
        XCTAssertEqual(world.tenant.findGroup("1b2c")?.isTeam, false)
        XCTAssertEqual(try world.tenant.groupPolicyAssignments(ofType: eePolicy).map(\.groupId), ["1b2c"])
    }

    /// Each bad block names the file and the line, and the world is left as it was.
    func testBadBlocksChangeNothing() throws {
        let rows: [(DscResource, String)] = [
            (block("TeamsMeetingPolicy", [("AllowMeetNow", .bool(true))], line: 7), "export.ps1:7: TeamsMeetingPolicy 'TeamsMeetingPolicy-x' has no Identity"),
            (block("TeamsMeetingPolicy", [("Identity", .string("Global")), ("AllowMeetNow", .string("sometimes"))], line: 7),
             "export.ps1:9: TeamsMeetingPolicy 'TeamsMeetingPolicy-x': "),
            (block("TeamsMeetingPolicy", [("Identity", .string("Global")), ("Ensure", .string("Absent"))], line: 3),
             "export.ps1:3: TeamsMeetingPolicy 'TeamsMeetingPolicy-x': Global cannot be removed (Ensure = 'Absent')"),
            (block("TeamsMeetingPolicy", [("Identity", .string("X")), ("Ensure", .string("Maybe"))], line: 3),
             "export.ps1:5: TeamsMeetingPolicy 'TeamsMeetingPolicy-x': Ensure must be 'Present' or 'Absent'"),
            (block("TeamsGroupPolicyAssignment", [("GroupDisplayName", .string("Sales")), ("PolicyType", .string("TeamsMeetingPolicy")),
                                                  ("PolicyName", .string("Nope"))], line: 20),
             "export.ps1:23: TeamsGroupPolicyAssignment 'TeamsGroupPolicyAssignment-x': "),
        ]
        for (bad, expected) in rows {
            let world = World.defaultWorld()
            let before = try WorldStore.encode(world)
            let good = block("TeamsMeetingPolicy", [("Identity", .string("Kept")), ("AllowMeetNow", .bool(false))])
            XCTAssertThrowsError(try Microsoft365DSCImport.apply([good, bad], path: "export.ps1", to: world)) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error)")
            }
            XCTAssertEqual(try WorldStore.encode(world), before, expected)
        }
    }
}
