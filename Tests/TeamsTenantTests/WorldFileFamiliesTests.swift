import XCTest
@testable import TeamsTenant

/// The world file and its journal keep everything the policy families brought to the world: list
/// and record setting values, teams (visibility, nickname, archived, owners), batch operations and
/// PSTN usages, with no key of theirs reported as unknown and presets left out of the file.
final class WorldFileFamiliesTests: XCTestCase {
    private var directory = ""
    private var path: String { directory + "/tenant.json" }

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "teamstenant-families-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// One change of each kind the families added, each a separate step so a store can run each as
    /// its own transaction.
    private let changes: [(String, (World) throws -> Void)] = [
        ("a string list", { world in
            try world.tenant.newPolicy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond",
                                       settings: ["OnlinePstnUsages": ["Local", "Long Distance"]])
        }),
        ("a list of records", { world in
            try world.tenant.newPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins",
                                       settings: ["PinnedAppBarApps": [["Id": "a1", "Order": 1], ["Id": "b2"]]])
        }),
        ("a changed list", { world in
            try world.tenant.setPolicy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond",
                                       changes: ["OnlinePstnUsages": .modify(add: ["Intl"], remove: ["Local"], replace: nil)])
        }),
        ("a grant of a new family", { world in
            try world.tenant.grantPolicy(ofType: "TeamsMeetingPolicy", toUser: jay1, policyName: "Kiosk")
        }),
        ("a team", { world in
            try world.newTeam(displayName: "Crew", mailNickName: "crew", description: "d", visibility: "Public", owner: jay2)
        }),
        ("an archived team that is not one", { world in
            try world.tenant.addTeam(TenantGroup(
                objectId: "5f1c7a52-6a5c-4cb7-9d2b-6e8f0e6e1a01", displayName: "Old", mail: nil, members: [jay3],
                isTeam: false, visibility: "HiddenMembership", mailNickName: "oldcrew", archived: true, owners: [jay3]))
        }),
        ("a team member", { world in try world.tenant.addTeamUser("Crew", user: jay4, owner: false) }),
        ("a batch", { world in
            try world.runBatchAssignment(policyType: "TeamsMeetingPolicy", policyName: "Kiosk",
                                         identities: [try world.tenant.requireUser(jay2).objectId, "nobody"], operationName: "b")
        }),
        ("PSTN usages", { world in world.tenant.setPstnUsages(.value(["Local", "Intl"])) }),
        ("a group assignment", { world in
            try world.grantPolicyToGroup(ofType: "TeamsCallingPolicy", group: "Crew", policyName: "AllowCalling")
        }),
    ]

    private func journalSize() -> Int {
        FileManager.default.contents(atPath: path + "-journal")?.count ?? 0
    }

    private func changedWorld() throws -> World {
        let world = World.defaultWorld()
        for (_, change) in changes { try change(world) }
        return world
    }

    private func assertHoldsTheChanges(_ world: World, file: StaticString = #filePath, line: UInt = #line) throws {
        let tenant = world.tenant
        XCTAssertEqual(try tenant.policy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond").value("OnlinePstnUsages"),
                       ["Long Distance", "Intl"], file: file, line: line)
        XCTAssertEqual(try tenant.policy(ofType: "TeamsAppSetupPolicy", identity: "Pins").value("PinnedAppBarApps"),
                       [["Id": "a1", "Order": 1], ["Id": "b2", "Order": nil]], file: file, line: line)
        XCTAssertEqual(try tenant.directPolicyName(ofType: "TeamsMeetingPolicy", forUser: jay1), "Kiosk", file: file, line: line)
        let crew = try tenant.team("Crew")
        XCTAssertEqual([crew.visibility, crew.mailNickName, crew.description ?? ""], ["Public", "crew", "d"], file: file, line: line)
        XCTAssertEqual(try tenant.teamUsers("Crew").map(\.role), ["owner", "member"], file: file, line: line)
        let old = try XCTUnwrap(tenant.findGroup("Old"), file: file, line: line)
        XCTAssertEqual([old.isTeam, old.archived], [false, true], file: file, line: line)
        XCTAssertEqual([old.visibility, old.mailNickName], ["HiddenMembership", "oldcrew"], file: file, line: line)
        XCTAssertEqual(tenant.batchOperations.map { $0.userState.map(\.result) }, [["Success", "User not found"]],
                       file: file, line: line)
        XCTAssertEqual(tenant.pstnUsages, ["Local", "Intl"], file: file, line: line)
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: "TeamsCallingPolicy").map(\.policyName), ["AllowCalling"],
                       file: file, line: line)
        XCTAssertEqual(try tenant.policies(ofType: "TeamsMeetingPolicy").filter(\.isPreset).count, 6, file: file, line: line)
    }

    func testTheFamiliesDataRoundTripsWithNoUnknownKey() throws {
        let world = try changedWorld()
        try assertHoldsTheChanges(world)
        let encoded = try WorldCodec.encode(world)
        let decoded = try WorldCodec.decode(encoded, path: "memory")
        XCTAssertEqual(decoded.unknownKeys, [])
        try assertHoldsTheChanges(decoded.world)
        XCTAssertEqual(try WorldCodec.encode(decoded.world), encoded, "a second save writes the same bytes")
        let text = String(decoding: encoded, as: UTF8.self)
        XCTAssertFalse(text.contains("\"Tag:Kiosk\""), "Microsoft-provided instances are not saved")
        XCTAssertTrue(text.contains("\"pstnUsages\": ["), "PSTN usages are saved")
    }

    /// Each change is its own transaction; a second store replays the journal, and the folded file
    /// holds the same world.
    func testTheFamiliesDataIsJournaledAndFolded() throws {
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        for (name, change) in changes {
            let before = journalSize()
            try store.transaction { try change($0) }
            let after = journalSize()
            XCTAssertGreaterThan(after, before, "\(name) is written to the journal")
        }
        let replayed = WorldStore(path: path)
        try assertHoldsTheChanges(try replayed.loadOrCreate())
        XCTAssertEqual(replayed.takeWarnings(), [])
        XCTAssertEqual(try WorldCodec.encode(try XCTUnwrap(replayed.world)), try WorldCodec.encode(world))
        try store.close()
        try replayed.close()
        var warnings: [String] = []
        let folded = try WorldStore.read(from: path, strict: true, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        try assertHoldsTheChanges(folded)
    }

    /// A hand-written file using every key the families added loads without a warning, also under
    /// the strict reading.
    func testHandWrittenFamiliesKeysAreKnown() throws {
        let text = """
        {"schemaVersion": 1, "tenant": {"initialDomain": "x.onmicrosoft.com",
          "users": [{"userPrincipalName": "a@x.onmicrosoft.com", "policies": {"TeamsMeetingPolicy": "Kiosk"}}],
          "groups": [{"displayName": "Crew", "mail": "crew@x.onmicrosoft.com", "members": ["a@x.onmicrosoft.com"],
                      "isTeam": true, "visibility": "Public", "mailNickName": "crew", "archived": false,
                      "owners": ["a@x.onmicrosoft.com"]}],
          "policies": {"TeamsAppSetupPolicy": [{"identity": "Tag:Pins", "isPreset": false,
                                                "values": {"PinnedAppBarApps": [{"Id": "a1", "Order": 1}]}}],
                       "OnlineVoiceRoutingPolicy": [{"identity": "Tag:R", "values": {"OnlinePstnUsages": ["Local"]}}]},
          "batchOperations": [{"operationId": "op1", "operationName": "n", "policyType": "TeamsMeetingPolicy",
                               "policyName": "Kiosk", "overallStatus": "Completed", "createdTime": "2026-02-02T09:00:00Z",
                               "createdBy": "x", "completedTime": "2026-02-02T09:00:00Z",
                               "userState": [{"id": "a", "result": "Success", "state": "Completed"}]}],
          "pstnUsages": ["Local"]}}
        """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var warnings: [String] = []
        let world = try WorldStore.read(from: path, strict: true, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(world.tenant.batchOperations.map(\.operationId), ["op1"])
        XCTAssertEqual(world.tenant.pstnUsages, ["Local"])
        XCTAssertEqual(try world.tenant.team("Crew").owners.count, 1)
    }
}
