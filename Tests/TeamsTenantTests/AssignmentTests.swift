import XCTest
@testable import TeamsTenant

/// Direct, group and global assignment, precedence and rank renumbering.
final class AssignmentTests: XCTestCase {
    private let epoch = Date(timeIntervalSince1970: 1_770_000_000)

    /// A tenant with policies A, B, C (C allows E2EE), for precedence rows.
    private func tenantWithPolicies() throws -> Tenant {
        var tenant = defaultTenant()
        for name in ["A", "B", "C"] {
            try tenant.newPolicy(ofType: eePolicy, identity: name)
        }
        return tenant
    }

    func testUserLookupForms() throws {
        let tenant = defaultTenant()
        let user = try tenant.requireUser(jay1)
        for form in [jay1, jay1.uppercased(), "sip:" + jay1, "SIP:" + jay1.lowercased(), user.objectId,
                     user.objectId.uppercased(), "Jay1", "jay one", "  Jay One  "] {
            XCTAssertEqual(tenant.findUser(form)?.userPrincipalName, jay1, form)
        }
        XCTAssertEqual(tenant.findUser("Ken Myer")?.userPrincipalName, ken)
        XCTAssertEqual(tenant.findUser("kenmyer")?.userPrincipalName, ken)
        XCTAssertNil(tenant.findUser("nobody"))
        XCTAssertEqual(tenant.findGroup("SALES@jaytheamazing.onmicrosoft.com")?.displayName, "Sales")
        XCTAssertEqual(tenant.findGroup("engineering")?.displayName, "Engineering")
        XCTAssertEqual(tenant.groups(ofUser: jay3).map(\.displayName), ["Sales", "Engineering"])
        XCTAssertEqual(tenant.groups(ofUser: jay1).map(\.displayName), [])
    }

    /// Each row: the assignments made, then the user and the policy and source that must win.
    func testPrecedence() throws {
        typealias Step = (inout Tenant) throws -> Void
        let rows: [(name: String, steps: [Step], user: String, identity: String, source: String)] = [
            ("nothing: Global", [], jay3, "Global", "Global"),
            ("direct only", [{ try $0.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "A") }],
             jay1, "Tag:A", "Direct"),
            ("group only", [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: self.epoch) }],
             jay2, "Tag:B", "Group"),
            ("direct beats group",
             [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: self.epoch) },
              { try $0.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "A") }],
             jay2, "Tag:A", "Direct"),
            ("best rank among the user's groups",
             [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: self.epoch) },
              { try $0.grantPolicyToGroup(ofType: eePolicy, group: "Engineering", policyName: "C", rank: 1, at: self.epoch) }],
             jay3, "Tag:C", "Group"),
            ("lower rank loses",
             [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: self.epoch) },
              { try $0.grantPolicyToGroup(ofType: eePolicy, group: "Engineering", policyName: "C", at: self.epoch) }],
             jay3, "Tag:B", "Group"),
            ("other groups do not reach the user",
             [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Engineering", policyName: "C", at: self.epoch) }],
             jay2, "Global", "Global"),
            ("unassigned direct falls back to group",
             [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: self.epoch) },
              { try $0.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "A") },
              { try $0.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: nil) }],
             jay2, "Tag:B", "Group"),
            ("unassigned direct falls back to Global",
             [{ try $0.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "A") },
              { try $0.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "") }],
             jay1, "Global", "Global"),
            ("removed group assignment falls back to Global",
             [{ try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: self.epoch) },
              { try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: nil, at: self.epoch) }],
             jay2, "Global", "Global"),
            ("Tag: prefix accepted in PolicyName", [{ try $0.grantPolicy(ofType: eePolicy, toUser: ken, policyName: "Tag:C") }],
             ken, "Tag:C", "Direct"),
            ("preset granted", [{ try $0.grantPolicy(ofType: eePolicy, toUser: ken, policyName: "usercontrolled") }],
             ken, "Tag:UserControlled", "Direct"),
        ]
        for row in rows {
            var tenant = try tenantWithPolicies()
            for step in row.steps { try step(&tenant) }
            let effective = try tenant.effectivePolicy(ofType: eePolicy, forUser: row.user)
            XCTAssertEqual(effective.instance.identity.description, row.identity, row.name)
            XCTAssertEqual(effective.source.assignmentType, row.source, row.name)
        }
    }

    func testDirectNameIsStoredAsGiven() throws {
        var tenant = try tenantWithPolicies()
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "Tag:UserControlled")
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "usercontrolled")
        XCTAssertEqual(try tenant.directPolicyName(ofType: eePolicy, forUser: jay1), "UserControlled")
        XCTAssertEqual(try tenant.directPolicyName(ofType: eePolicy, forUser: jay2), "usercontrolled")
        XCTAssertNil(try tenant.directPolicyName(ofType: eePolicy, forUser: jay3))
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: nil)
        XCTAssertNil(try tenant.directPolicyName(ofType: eePolicy, forUser: jay1))
    }

    func testRankRenumbering() throws {
        var tenant = try tenantWithPolicies()
        var groupNames: [String] = []
        for index in 1...4 {
            let name = "G\(index)"
            try tenant.addGroup(TenantGroup(objectId: GuidText.derived(from: name), displayName: name, mail: nil,
                                            members: [jay1]))
            groupNames.append(name)
        }
        func order() throws -> [String] {
            try tenant.groupPolicyAssignments(ofType: eePolicy).map { assignment in
                XCTAssertEqual(assignment.rank, try tenant.groupPolicyAssignments(ofType: eePolicy)
                    .firstIndex(of: assignment).map { $0 + 1 })
                return tenant.groups.first { $0.objectId == assignment.groupId }?.displayName ?? "?"
            }
        }
        // No rank: last.
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "G1", policyName: "A", at: epoch)
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "G2", policyName: "A", at: epoch)
        XCTAssertEqual(try order(), ["G1", "G2"])
        // Insert at 1 moves the others down.
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "G3", policyName: "B", rank: 1, at: epoch)
        XCTAssertEqual(try order(), ["G3", "G1", "G2"])
        // Any big rank goes last, renumbered.
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "G4", policyName: "C", rank: 10, at: epoch)
        XCTAssertEqual(try order(), ["G3", "G1", "G2", "G4"])
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: eePolicy).map(\.rank), [1, 2, 3, 4])
        // Re-granting with a rank moves; without keeps the place.
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "G4", policyName: "C", rank: 2, at: epoch)
        XCTAssertEqual(try order(), ["G3", "G4", "G1", "G2"])
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "G1", policyName: "B", at: epoch)
        XCTAssertEqual(try order(), ["G3", "G4", "G1", "G2"])
        // Removing closes the gap.
        try tenant.removeGroupPolicyAssignment(group: "G3", policyType: eePolicy)
        XCTAssertEqual(try order(), ["G4", "G1", "G2"])
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: eePolicy).map(\.rank), [1, 2, 3])
        // Set changes rank.
        try tenant.setGroupPolicyAssignment(group: "G2", policyType: eePolicy, rank: 1)
        XCTAssertEqual(try order(), ["G2", "G4", "G1"])
        // The best-ranked group wins for a member of all of them.
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: jay1).source,
                       .group(groupId: GuidText.derived(from: "G2"), policyName: "A", rank: 1))
    }

    func testGroupAssignmentErrors() throws {
        var tenant = try tenantWithPolicies()
        assertThrows(.groupNotFound(identity: "Nope"),
                     try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Nope", policyName: "A", at: epoch))
        assertThrows(.invalidRank(0),
                     try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "A", rank: 0, at: epoch))
        assertThrows(.policyNameNotFound(name: "Z"),
                     try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "Z", at: epoch))
        try tenant.newGroupPolicyAssignment(group: "Sales", policyType: eePolicy, policyName: "A", at: epoch)
        assertThrows(.groupAssignmentExists(group: "Sales", policyType: eePolicy),
                     try tenant.newGroupPolicyAssignment(group: "Sales", policyType: eePolicy, policyName: "B", at: epoch))
        assertThrows(.groupAssignmentNotFound(group: "Engineering", policyType: eePolicy),
                     try tenant.removeGroupPolicyAssignment(group: "Engineering", policyType: eePolicy))
        assertThrows(.groupAssignmentNotFound(group: "Engineering", policyType: eePolicy),
                     try tenant.setGroupPolicyAssignment(group: "Engineering", policyType: eePolicy, rank: 1))
    }

    func testAtMost64GroupsPerPolicyType() throws {
        var tenant = try tenantWithPolicies()
        for index in 1...65 {
            try tenant.addGroup(TenantGroup(objectId: GuidText.derived(from: "g\(index)"), displayName: "g\(index)",
                                            mail: nil, members: []))
        }
        for index in 1...64 {
            try tenant.grantPolicyToGroup(ofType: eePolicy, group: "g\(index)", policyName: "A", at: epoch)
        }
        assertThrows(.tooManyGroupAssignments(policyType: eePolicy, maximum: 64),
                     try tenant.grantPolicyToGroup(ofType: eePolicy, group: "g65", policyName: "A", at: epoch))
        // Re-assigning one of the 64 is still allowed.
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "g1", policyName: "B", at: epoch)
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: eePolicy).count, 64)
    }

    func testGrantGlobalCopiesSettings() throws {
        var tenant = try tenantWithPolicies()
        try tenant.setPolicy(ofType: eePolicy, identity: "Global", settings: ["Description": .string("org default")])
        try tenant.grantPolicyGlobally(ofType: eePolicy, policyName: "UserControlled")
        var global = try tenant.policy(ofType: eePolicy, identity: "Global")
        XCTAssertEqual(global.value(calling), .string("DisabledUserOverride"))
        XCTAssertEqual(global.value(meeting), .string("DisabledUserOverride"))
        XCTAssertEqual(global.value("Description"), .string("org default"))
        try tenant.grantPolicyGlobally(ofType: eePolicy, policyName: nil)
        global = try tenant.policy(ofType: eePolicy, identity: "Global")
        XCTAssertEqual(global.value(calling), .string("Disabled"))
        XCTAssertEqual(global.value(meeting), .string("DisabledUserOverride"))
    }

    func testUserPolicyAssignmentRows() throws {
        var tenant = try tenantWithPolicies()
        XCTAssertEqual(try tenant.policyAssignments(forUser: jay3), [])
        let sales = try tenant.requireGroup("Sales").objectId
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "B", at: epoch)
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay3, policyName: "A")
        let rows = try tenant.policyAssignments(forUser: jay3)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?.policyType, eePolicy)
        XCTAssertEqual(rows.first?.policyName, "A")
        XCTAssertEqual(rows.first?.policySource, [.direct(policyName: "A"), .group(groupId: sales, policyName: "B", rank: 1)])
        XCTAssertEqual(rows.first?.policySource.map(\.assignmentType), ["Direct", "Group"])
        XCTAssertEqual(rows.first?.policySource.map(\.reference), [nil, sales])
    }

    func testBulkGrantsStayFast() throws {
        var tenant = try tenantWithPolicies()
        let count = 20_000
        for index in 0..<count {
            try tenant.addUser(TenantUser(objectId: GuidText.derived(from: "bulk\(index)"),
                                          userPrincipalName: "bulk\(index)@contoso.com", displayName: "Bulk \(index)"))
        }
        let start = Date()
        for index in 0..<count {
            try tenant.grantPolicy(ofType: eePolicy, toUser: "BULK\(index)@contoso.com", policyName: "C")
        }
        for index in stride(from: 0, to: count, by: 7) {
            XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: "bulk\(index)@contoso.com")
                .instance.identity.description, "Tag:C")
        }
        // Linear work: even a debug build does this in well under the limit; quadratic would not.
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }
}
