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
