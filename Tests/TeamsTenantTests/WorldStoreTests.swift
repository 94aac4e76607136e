import XCTest
@testable import TeamsTenant

/// JSON persistence: round trips, determinism, refused files, atomic saves.
final class WorldStoreTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "teamstenant-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func text(_ world: World) throws -> String {
        String(decoding: try WorldStore.encode(world), as: UTF8.self)
    }

    func testDefaultWorldIsDeterministic() throws {
        XCTAssertEqual(try text(World.defaultWorld()), try text(World.defaultWorld()))
    }

    func testDefaultWorldContents() throws {
        let world = World.defaultWorld()
        XCTAssertEqual(world.tenant.tenantId, "4c5e8d2a-0b7f-4e8c-9a61-2f3d5b7c9e01")
        XCTAssertEqual(world.tenant.adminAccount, "admin@JayTheAmazing.onmicrosoft.com")
        XCTAssertEqual(world.tenant.verifiedDomains, ["JayTheAmazing.onmicrosoft.com", "contoso.com"])
        XCTAssertEqual(world.tenant.users.map(\.displayName), ["Jay One", "Jay Two", "Jay Three", "Jay Four", "Ken Myer"])
        XCTAssertEqual(Set(world.tenant.users.map(\.objectId)).count, 5)
        XCTAssertTrue(world.tenant.users.allSatisfy { GuidText.isGuid($0.objectId) && $0.policies.isEmpty })
        XCTAssertEqual(world.tenant.findUser(ken)?.sipAddress, "sip:KenMyer@contoso.com")
        let teams = world.installedVersions(of: "microsoftteams")
        XCTAssertEqual(teams.map(\.version.description), ["2.3.1"])
        XCTAssertEqual(teams.first?.installedLocation, "/root/.local/share/powershell/Modules/MicrosoftTeams/2.3.1")
        XCTAssertEqual(teams.first?.exports("Get-CsTeamsEnhancedEncryptionPolicy"), false)
        // 2.3.1 predates enhanced encryption but has the classic families and the team cmdlets.
        XCTAssertEqual(teams.first?.exportedCommands.first, "Add-TeamUser")
        XCTAssertEqual(teams.first?.exports("Get-CsTeamsMeetingPolicy"), true)
        XCTAssertEqual(teams.first?.exports("Get-CsTeamsEventsPolicy"), false)
        XCTAssertEqual(world.installedVersions(of: "PowerShellGet").first?.installedWithInstallModule, false)
        XCTAssertEqual(world.repository(named: "psgallery")?.installationPolicy, "Trusted")
        let gallery = try XCTUnwrap(world.gallery.module(named: "MicrosoftTeams"))
        XCTAssertEqual(gallery.latest()?.version.description, "7.7.0")
        XCTAssertEqual(gallery.latest(allowPrerelease: true)?.version.description, "7.7.0")
        XCTAssertNil(gallery.version(ModuleVersion([7, 9, 0])))
        XCTAssertNil(gallery.version(ModuleVersion([7, 8, 1], prerelease: "preview")))
        XCTAssertNotNil(gallery.version(ModuleVersion([6, 7, 0])))
        XCTAssertEqual(gallery.versions.count, MicrosoftTeamsReleases.publishedDays.count)
    }

    func testCommandsPerVersion() throws {
        let gallery = try XCTUnwrap(World.defaultWorld().gallery.module(named: "MicrosoftTeams"))
        let rows: [(version: String, hasEncryptionCmdlets: Bool, hasOnlineUser: Bool)] = [
            ("1.0.4", false, false), ("2.3.1", false, true), ("2.5.1", false, true), ("2.5.2-preview", true, true),
            ("2.6.0", true, true), ("7.5.1-preview", true, true), ("7.7.0", true, true),
        ]
        for row in rows {
            let commands = try XCTUnwrap(gallery.version(try XCTUnwrap(ModuleVersion(row.version)))).exportedCommands
            XCTAssertEqual(commands.contains("Grant-CsTeamsEnhancedEncryptionPolicy"), row.hasEncryptionCmdlets, row.version)
            XCTAssertEqual(commands.contains("Get-CsOnlineUser"), row.hasOnlineUser, row.version)
            XCTAssertEqual(commands, commands.sorted { $0.lowercased() < $1.lowercased() }, row.version)
        }
        XCTAssertEqual(PolicyCmdletShape.forModule(try XCTUnwrap(ModuleVersion("2.6.0"))), .xdsObject2021)
        XCTAssertEqual(PolicyCmdletShape.forModule(try XCTUnwrap(ModuleVersion("3.0.1-preview"))), .xdsObject2021)
        XCTAssertEqual(PolicyCmdletShape.forModule(try XCTUnwrap(ModuleVersion("3.1.0"))), .modernProxy)
    }

    func testGalleryQueries() throws {
        let gallery = try XCTUnwrap(World.defaultWorld().gallery.restricting(
            "MicrosoftTeams", to: ["2.3.1", "2.6.0", "7.5.1-preview", "7.7.0"].compactMap(ModuleVersion.init))
            .module(named: "MicrosoftTeams"))
        XCTAssertEqual(gallery.matchingVersions(allowPrerelease: true).map(\.version.description),
                       ["7.7.0", "7.5.1-preview", "2.6.0", "2.3.1"])
        XCTAssertEqual(gallery.matchingVersions().map(\.version.description), ["7.7.0", "2.6.0", "2.3.1"])
        XCTAssertEqual(gallery.matchingVersions(minimum: ModuleVersion("2.5")).map(\.version.description),
                       ["7.7.0", "2.6.0"])
        XCTAssertEqual(gallery.matchingVersions(maximum: ModuleVersion("7.0")).first?.version.description, "2.6.0")
        XCTAssertEqual(gallery.matchingVersions(required: ModuleVersion("2.6.0")).count, 1)
    }

    func testInstallAndUninstall() throws {
        let world = World.defaultWorld()
        let installed = try world.install("microsoftteams", version: try XCTUnwrap(ModuleVersion("7.5.1-preview")))
        XCTAssertEqual(installed.name, "MicrosoftTeams")
        XCTAssertEqual(installed.installedLocation, "/root/.local/share/powershell/Modules/MicrosoftTeams/7.5.1")
        XCTAssertEqual(world.installedVersions(of: "MicrosoftTeams").map(\.version.description), ["7.5.1-preview", "2.3.1"])
        XCTAssertThrowsError(try world.install("MicrosoftTeams", version: ModuleVersion([2, 3, 1])))
        XCTAssertThrowsError(try world.install("NoSuchModule", version: ModuleVersion([1, 0])))
        try world.uninstall("MicrosoftTeams", version: ModuleVersion([2, 3, 1]))
        XCTAssertEqual(world.installedVersions(of: "MicrosoftTeams").map(\.version.description), ["7.5.1-preview"])
        XCTAssertThrowsError(try world.uninstall("MicrosoftTeams", version: ModuleVersion([2, 3, 1])))
        XCTAssertEqual(world.highestInstalledModule(exporting: "get-csteamsenhancedencryptionpolicy")?.version.description,
                       "7.5.1-preview")
        XCTAssertEqual(world.highestInstalledModule(exporting: "Find-Module")?.name, "PowerShellGet")
        XCTAssertNil(world.highestInstalledModule(exporting: "Get-Nothing"))
        XCTAssertTrue(world.setRepositoryTrusted("PSGallery", trusted: false))
        XCTAssertEqual(world.repository(named: "PSGallery")?.trusted, false)
    }

    func testRoundTripOfAChangedWorld() throws {
        let world = World.defaultWorld()
        try world.tenant.newPolicy(ofType: eePolicy, identity: "CustomeE2EEPolicy",
                                   settings: [calling: .string("DisabledUserOverride"), "Description": .string("é \"q\"")])
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "CustomeE2EEPolicy")
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "UserControlled")
        try world.grantPolicyToGroup(ofType: eePolicy, group: "Engineering", policyName: "UserControlled")
        try world.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "Disabled", rank: 1)
        try world.tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: true)
        try world.tenant.setClientSetting(forUser: jay2, endToEndEncryptedCalls: true)
        try world.startCall(caller: jay1, callee: jay2, intercepted: true)
        try world.install("MicrosoftTeams", version: ModuleVersion([7, 7, 0]))
        let encoded = try WorldStore.encode(world)
        let decoded = try WorldStore.decode(encoded, path: "memory")
        XCTAssertEqual(try WorldStore.encode(decoded), encoded)
        XCTAssertEqual(decoded.tenant.policies, world.tenant.policies)
        XCTAssertEqual(decoded.tenant.groupAssignments, world.tenant.groupAssignments)
        XCTAssertEqual(decoded.tenant.calls, world.tenant.calls)
        XCTAssertEqual(decoded.random, world.random)
        // Indexes were rebuilt: lookups and effective policy work on the decoded world.
        XCTAssertEqual(try decoded.tenant.effectivePolicy(ofType: eePolicy, forUser: "jay three").instance.identity,
                       .tag("Disabled"))
        XCTAssertEqual(try decoded.tenant.call(world.tenant.calls[0].callId).intercepted, true)
        // The generator continues where it stopped: the next call matches the original's next call.
        XCTAssertEqual(try decoded.startCall(caller: jay1, callee: jay2), try world.startCall(caller: jay1, callee: jay2))
    }

    func testOutputIsSortedAndPretty() throws {
        let text = try text(World.defaultWorld())
        XCTAssertTrue(text.hasPrefix("{\n  \"gallery\": {"), String(text.prefix(40)))
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.contains("\n  \"schemaVersion\": 1,\n"))
        XCTAssertTrue(text.contains("\"currentTime\": \"2026-02-02T09:00:00Z\""))
        XCTAssertTrue(text.contains("\"adminRoles\": [],"), "empty lists on one line")
        XCTAssertTrue(text.contains("\"policies\": {},"), "empty objects on one line")
    }

    /// The reader finds no unknown key in anything the writer wrote (every key written is read).
    func testAChangedWorldHasNoUnknownKeys() throws {
        let world = World.defaultWorld()
        try world.tenant.newPolicy(ofType: eePolicy, identity: "P", settings: ["Description": .string("d")])
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "UserControlled")
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "UserControlled")
        try world.tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: true)
        try world.tenant.setClientSetting(forUser: jay2, endToEndEncryptedCalls: true)
        try world.stopCall(try world.startCall(caller: jay1, callee: jay2, intercepted: true).callId)
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "P")
        try world.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "P")
        try world.install("MicrosoftTeams", version: ModuleVersion([7, 7, 0]))
        let decoded = try WorldCodec.decode(WorldCodec.encode(world), path: "memory")
        XCTAssertEqual(decoded.unknownKeys, [])
    }

    func testLoadOrCreateCreatesTheDefaultWorld() throws {
        let path = directory + "/new.json"
        let world = try WorldStore(path: path).loadOrCreate()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try WorldStore.encode(world))
        XCTAssertEqual(try text(WorldStore(path: path).loadOrCreate()), try text(World.defaultWorld()))
    }

    func testRefusedFilesAreLeftUntouched() throws {
        let rows: [(name: String, content: String, check: (WorldStoreError) -> Bool)] = [
            ("not json", "{ this is not json", { if case .notJSON(_, 1, 3, let detail) = $0 { return detail.contains("key in double quotes") }; return false }),
            ("empty", "", { if case .notJSON(_, 1, 1, let detail) = $0 { return detail.contains("empty") }; return false }),
            ("missing comma", "{\n  \"schemaVersion\": 1\n  \"tenant\": {}\n}",
             { if case .notJSON(_, 3, 3, let detail) = $0 { return detail.contains("expected ',' or '}'") }; return false }),
            ("array", "[1, 2]", { if case .missingSchemaVersion = $0 { return true }; return false }),
            ("no schema", "{\"tenant\": {}}", { if case .missingSchemaVersion = $0 { return true }; return false }),
            ("future schema", "{\"schemaVersion\": 99}",
             { if case .unsupportedSchemaVersion(_, 99, 1) = $0 { return true }; return false }),
            ("bad setting value",
             "{\"schemaVersion\": 1, \"tenant\": {\"initialDomain\": \"x.com\", \"policies\": {\"TeamsEnhancedEncryptionPolicy\": [{\"identity\": \"Tag:X\", \"values\": {\"CallingEndtoEndEncryptionEnabledType\": \"Sometimes\"}}]}}}",
             { if case .invalidContent(_, let detail) = $0 { return detail.contains("Sometimes") }; return false }),
            ("unknown member",
             "{\"schemaVersion\": 1, \"tenant\": {\"initialDomain\": \"x.com\", \"groups\": [{\"displayName\": \"G\", \"members\": [\"ghost@x.com\"]}]}}",
             { if case .invalidContent(_, let detail) = $0 { return detail.contains("ghost@x.com") }; return false }),
            ("wrong type",
             "{\"schemaVersion\": 1, \"tenant\": {\"initialDomain\": \"x.com\", \"users\": [{\"userPrincipalName\": 5}]}}",
             { if case .invalidContent(_, let detail) = $0 {
                 return detail == "tenant.users[0].userPrincipalName should be a string (line 1, column 91)" }; return false }),
            ("bad date",
             "{\"schemaVersion\": 1, \"machine\": {\"powerShellVersion\": \"7.6.9\", \"operatingSystem\": \"Linux\", \"userName\": \"root\", \"home\": \"/root\", \"psHome\": \"/p\", \"isAdministrator\": true, \"currentTime\": \"tomorrow\"}}",
             { if case .invalidContent(_, let detail) = $0 { return detail.contains("machine.currentTime: \"tomorrow\" is not a date and time") }; return false }),
            ("dangling direct assignment",
             "{\"schemaVersion\": 1, \"tenant\": {\"initialDomain\": \"x.com\", \"users\": [{\"userPrincipalName\": \"a@x.com\", \"policies\": {\"TeamsEnhancedEncryptionPolicy\": \"Ghost\"}}]}}",
             { if case .invalidContent(_, let detail) = $0 { return detail.contains("\"Ghost\", which does not exist") }; return false }),
            ("duplicate user",
             "{\"schemaVersion\": 1, \"tenant\": {\"initialDomain\": \"x.com\", \"users\": [{\"userPrincipalName\": \"a@x.com\"}, {\"userPrincipalName\": \"A@x.com\"}]}}",
             { if case .invalidContent = $0 { return true }; return false }),
        ]
        for row in rows {
            let path = directory + "/\(row.name).json"
            try Data(row.content.utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try WorldStore(path: path).loadOrCreate(), row.name) { error in
                guard let storeError = error as? WorldStoreError else { return XCTFail("\(row.name): \(error)") }
                XCTAssertTrue(row.check(storeError), "\(row.name): \(storeError.message)")
                XCTAssertTrue(storeError.message.contains(path), row.name)
            }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), row.content, "\(row.name) untouched")
        }
    }

    /// A world with more users than `JSONDocument.concurrentArrayLength` is decoded, indexed and
    /// written in parallel parts; the result is the same as one part would give, and the first
    /// problem in file order is the one reported.
    func testALargeWorldRoundTripsThroughTheParallelPaths() throws {
        let world = World.defaultWorld()
        for index in 0..<12_000 {
            try world.tenant.addUser(TenantUser(objectId: GuidText.derived(from: "bulk\(index)"),
                                                userPrincipalName: "u\(index)@JayTheAmazing.onmicrosoft.com",
                                                displayName: "User \(index)"))
        }
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: "u11999@JayTheAmazing.onmicrosoft.com", policyName: "Disabled")
        let bytes = try WorldCodec.encode(world)
        let decoded = try WorldCodec.decode(bytes, path: "big.json")
        XCTAssertEqual(decoded.unknownKeys, [])
        XCTAssertEqual(decoded.world.tenant.users, world.tenant.users)
        XCTAssertEqual(try decoded.world.tenant.directPolicyName(ofType: eePolicy, forUser: "u11999"), "Disabled")
        XCTAssertEqual(decoded.world.tenant.findUser("User 6001")?.userPrincipalName, "u6001@JayTheAmazing.onmicrosoft.com")
        XCTAssertEqual(try WorldCodec.encode(decoded.world), bytes)
        // Two bad users, one in each half: the first is reported, as a sequential read would.
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"userPrincipalName\": \"u11000@", with: "\"userPrincipalName\": 11000, \"x\": \"")
        text = text.replacingOccurrences(of: "\"userPrincipalName\": \"u3@", with: "\"userPrincipalName\": 3, \"x\": \"")
        XCTAssertThrowsError(try WorldCodec.decode(Array(text.utf8), path: "big.json")) { error in
            guard case .invalidContent(_, let detail)? = error as? WorldStoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.hasPrefix("tenant.users[8].userPrincipalName should be a string"), detail)
        }
        // A UPN used twice is found by the parallel index too.
        let duplicate = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "u9000@JayTheAmazing.onmicrosoft.com", with: "u10@JayTheAmazing.onmicrosoft.com")
        XCTAssertThrowsError(try WorldCodec.decode(Array(duplicate.utf8), path: "big.json")) { error in
            XCTAssertTrue("\(error)".contains("u10@JayTheAmazing.onmicrosoft.com"), "\(error)")
        }
    }

    /// Users loaded in one step (`Tenant.addUsers`, the world file's path) are found by the same
    /// identities as users added one by one: SIP addresses that are `sip:` + the UPN in any case,
    /// other SIP addresses, and text beyond ASCII, which only Unicode case folding compares.
    func testUsersLoadedInOneStepAreIndexedAsAddUserIndexesThem() throws {
        let users = [
            TenantUser(objectId: "00000000-0000-0000-0000-000000000001", userPrincipalName: "Ann@X.com", displayName: "Ann"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000002", userPrincipalName: "bob@x.com", displayName: "Bob",
                       sipAddress: "SIP:BOB@X.COM"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000003", userPrincipalName: "cy@x.com", displayName: "Cy",
                       sipAddress: "sip:cyrus@x.com"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000004", userPrincipalName: "Jürgen@x.com", displayName: "Jürgen",
                       sipAddress: "sip:JÜRGEN@x.com"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000005", userPrincipalName: "dee@x.com", displayName: "Dee",
                       sipAddress: "dee@x.com"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000006", userPrincipalName: "eve@x.com", displayName: "Eve",
                       sipAddress: "sip:eve@x.co"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000007", userPrincipalName: "fay@x.com", displayName: "Ann",
                       sipAddress: "sip:fée@x.com"),
            TenantUser(objectId: "00000000-0000-0000-0000-000000000008", userPrincipalName: "gus@x.com", displayName: "Gus",
                       sipAddress: "sip:gus@x.org"),
        ]
        let empty = Tenant(tenantId: "t", displayName: "x", initialDomain: "x.com", verifiedDomains: ["x.com"],
                           adminAccount: "admin@x.com", adminObjectId: "a")
        var oneByOne = empty, inOneStep = empty
        for user in users { try oneByOne.addUser(user) }
        try inOneStep.addUsers(users)
        // Identity → the last digit of the user's object id (nil: nobody).
        let probes: [(String, Int?)] = [
            ("ann@x.com", 1), ("sip:ANN@x.com", 1), ("SIP:bob@x.com", 2), ("bob@x.com", 2), ("sip:cyrus@x.com", 3),
            ("sip:cy@x.com", 3), ("jürgen@x.com", 4), ("sip:jürgen@X.com", 4), ("dee@x.com", 5), ("sip:dee@x.com", 5),
            ("sip:eve@x.co", 6), ("sip:eve@x.com", 6), ("sip:FÉE@x.com", 7), ("sip:fay@x.com", 7), ("sip:gus@x.org", 8),
            ("Ann", 1), ("00000000-0000-0000-0000-000000000003", 3), ("nobody", nil),
        ]
        for (probe, expected) in probes {
            for tenant in [oneByOne, inOneStep] {
                XCTAssertEqual(tenant.userPosition(probe).flatMap { tenant.users[$0].objectId.last?.wholeNumberValue }, expected, probe)
            }
        }
    }

    /// The fast reader of users (used for long user lists) builds exactly what
    /// `TenantUser.init(from:)` builds, and declines what it does not know, so Codable reads it.
    func testFastUserReaderMatchesCodable() throws {
        let objects = [
            "{\"userPrincipalName\": \"ann@x.com\"}",
            "{\"userPrincipalName\": \"Bob@X.com\", \"alias\": \"bobby\", \"displayName\": null, \"givenName\": \"Bob\"}",
            "{\"accountEnabled\": false, \"adminRoles\": [\"Teams Administrator\"], \"alias\": \"c\", \"clientSettings\": "
                + "{\"endToEndEncryptedCalls\": true}, \"department\": \"Sales\", \"displayName\": \"C é\", \"givenName\": \"C\", "
                + "\"objectId\": \"0b5e6f50-0000-4000-8000-000000000001\", \"policies\": {\"TeamsEnhancedEncryptionPolicy\": \"Pilot\"}, "
                + "\"sipAddress\": \"sip:other@x.com\", \"surname\": \"Sea\", \"usageLocation\": \"GB\", \"userPrincipalName\": \"c@x.com\"}",
            "{\"userPrincipalName\": \"d@x.com\", \"clientSettings\": {}, \"policies\": {}, \"adminRoles\": [], \"surname\": null}",
            "{\"userPrincipalName\": \"e\\u0040x.com\", \"displayName\": \"tab\\there\"}",
        ]
        for text in objects {
            let document = try JSONDocument(bytes: Array(text.utf8))
            let fast = try XCTUnwrap(TenantUser.decodeFast(document, document.root), text)
            let codable = try JSONDocument(bytes: Array(text.utf8))
            XCTAssertEqual(fast, try codable.decodeValue(TenantUser.self, codable.root), text)
        }
        // What the fast reader does not know is left to Codable (which keeps new fields, and
        // names unknown keys and wrong types).
        for text in ["{\"userPrincipalName\": \"a@x.com\", \"usrs\": 1}", "{\"userPrincipalName\": 5}",
                     "{\"userPrincipalName\": \"a@x.com\", \"clientSettings\": {\"other\": true}}",
                     "{\"userPrincipalName\": \"a@x.com\", \"accountEnabled\": \"yes\"}", "{\"alias\": \"no-upn\"}"] {
            let document = try JSONDocument(bytes: Array(text.utf8))
            XCTAssertNil(TenantUser.decodeFast(document, document.root), text)
        }
        // Every key a saved user has is one the fast reader knows, so saved worlds take the fast path.
        let world = World.defaultWorld()
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "UserControlled")
        try world.tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: true)
        let saved = try JSONDocument(bytes: WorldCodec.encode(world))
        var tenantKey = "tenant", usersKey = "users"
        let tenant = try XCTUnwrap(saved.member(of: saved.root, named: &tenantKey))
        let users = try XCTUnwrap(saved.member(of: tenant, named: &usersKey))
        for user in saved.elements(of: users) {
            XCTAssertEqual(TenantUser.decodeFast(saved, user), try saved.decodeValue(TenantUser.self, user))
        }
    }

    /// The fast writer of users writes, byte for byte, what Codable and the tree writer write,
    /// in the file's pretty form and the journal's compact form.
    func testFastUserWriterMatchesCodable() throws {
        let users = [
            TenantUser(objectId: "a", userPrincipalName: "ann@x.com", displayName: "Ann"),
            TenantUser(objectId: "b", userPrincipalName: "bob@x.com", displayName: "Bob \"B\" \\ é\n", alias: "bobby",
                       givenName: "Bob", surname: "Brown", accountEnabled: false, sipAddress: "sip:b@x.com", usageLocation: "GB",
                       department: "Sales", adminRoles: ["Teams Administrator", "Other"],
                       policies: ["TeamsEnhancedEncryptionPolicy": "Pilot", "A": "Z\t"],
                       clientSettings: ClientSettings(endToEndEncryptedCalls: true)),
        ]
        XCTAssertTrue(users[0].writesAllItsFields, "TenantUser has properties the fast writer does not know: teach FastDecoding.swift")
        for user in users {
            let codable = ValueEncoder()
            try user.encode(to: codable)
            for pretty in [true, false] {
                var viaCodable = JSONTextWriter(pretty: pretty), viaFast = JSONTextWriter(pretty: pretty)
                viaCodable.write(codable.value, depth: 3)
                viaFast.write(.written(user), depth: 3)
                if pretty {
                    XCTAssertEqual(String(decoding: viaFast.bytes, as: UTF8.self), String(decoding: viaCodable.bytes, as: UTF8.self))
                } else {
                    // The compact form's keys are in no particular order: compare what they read back as.
                    let fast = try JSONDocument(bytes: viaFast.bytes), slow = try JSONDocument(bytes: viaCodable.bytes)
                    XCTAssertEqual(try fast.decodeValue(TenantUser.self, fast.root), try slow.decodeValue(TenantUser.self, slow.root))
                }
            }
        }
    }

    func testMisspeltKeysAreNamed() throws {
        let path = directory + "/misspelt.json"
        let content = "{\n  \"schemaVersion\": 1,\n  \"tenant\": {\n    \"initialDomain\": \"x.com\",\n    \"usrs\": [],\n"
            + "    \"users\": [{\"userPrincipalName\": \"a@x.com\", \"clientSettings\": {\"endToEndEncrytedCalls\": true}}]\n  }\n}\n"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        XCTAssertEqual(world.tenant.users.count, 1)
        XCTAssertEqual(store.takeWarnings(), [
            "The tenant file '\(path)' has the keys tenant.usrs (line 5, column 5), "
            + "tenant.users[0].clientSettings.endToEndEncrytedCalls (line 6, column 67) that teamsh does not know. They were "
            + "ignored, and teamsh drops them when it saves the file; check the spelling (-StrictTenant refuses such a file).",
        ])
        XCTAssertThrowsError(try WorldStore(path: path, options: .init(strict: true)).loadOrCreate()) { error in
            XCTAssertEqual((error as? WorldStoreError)?.message,
                           "The tenant file '\(path)' has the keys tenant.usrs (line 5, column 5), "
                           + "tenant.users[0].clientSettings.endToEndEncrytedCalls (line 6, column 67) that teamsh does not know. "
                           + "Check the spelling; the file was left unchanged.")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), content)
    }

    func testADirectoryIsNamedAsOne() throws {
        XCTAssertThrowsError(try WorldStore(path: directory).loadOrCreate()) { error in
            XCTAssertEqual((error as? WorldStoreError)?.message,
                           "Cannot read the tenant file '\(directory)': '\(directory)' is a directory, not a file.")
        }
    }

    func testAtomicSave() throws {
        let path = directory + "/tenant.json"
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        try world.tenant.newPolicy(ofType: eePolicy, identity: "Saved")
        try store.save(world)
        try store.close()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["tenant.json"],
                       "no temporary file is left behind")
        XCTAssertNoThrow(try WorldStore.read(from: path).tenant.policy(ofType: eePolicy, identity: "Saved"))
        // A save that cannot happen leaves the old file as it was.
        let missingDirectory = directory + "/no/such/dir/tenant.json"
        XCTAssertThrowsError(try WorldStore.write(world, to: missingDirectory)) { error in
            guard case .cannotWrite? = error as? WorldStoreError else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missingDirectory))
    }

    func testHandWrittenTenantGetsDefaults() throws {
        let json = """
        {
          "schemaVersion": 1,
          "tenant": {
            "initialDomain": "fabrikam.onmicrosoft.com",
            "users": [
              { "userPrincipalName": "ann@fabrikam.onmicrosoft.com", "displayName": "Ann",
                "policies": { "TeamsEnhancedEncryptionPolicy": "Pilot" } },
              { "userPrincipalName": "bob@fabrikam.onmicrosoft.com" }
            ],
            "groups": [ { "displayName": "Pilots", "members": ["bob@fabrikam.onmicrosoft.com"] },
                        { "displayName": "Everyone", "members": ["ann", "bob"] } ],
            "policies": {
              "TeamsEnhancedEncryptionPolicy": [
                { "identity": "Pilot", "values": { "callingendtoendencryptionenabledtype": "disableduseroverride" } }
              ]
            },
            "groupAssignments": {
              "TeamsEnhancedEncryptionPolicy": [
                { "groupId": "Pilots", "policyType": "TeamsEnhancedEncryptionPolicy", "policyName": "Tag:Pilot",
                  "rank": 5, "createdTime": "2026-01-01T00:00:00Z", "createdBy": "admin" },
                { "groupId": "Everyone", "policyName": "Disabled" }
              ]
            }
          }
        }
        """
        let world = try WorldStore.decode(Data(json.utf8), path: "hand.json")
        let tenant = world.tenant
        XCTAssertEqual(tenant.displayName, "fabrikam")
        XCTAssertEqual(tenant.adminAccount, "admin@fabrikam.onmicrosoft.com")
        XCTAssertEqual(tenant.findUser("bob")?.displayName, "bob")
        XCTAssertEqual(tenant.findUser("sip:bob@fabrikam.onmicrosoft.com")?.alias, "bob")
        XCTAssertTrue(GuidText.isGuid(tenant.findUser("ann")?.objectId ?? ""))
        XCTAssertEqual(try tenant.policies(ofType: eePolicy).map(\.identity.description),
                       ["Global", "Tag:Disabled", "Tag:UserControlled", "Tag:Pilot"])
        XCTAssertEqual(try tenant.policy(ofType: eePolicy, identity: "Pilot").value(calling), .string("DisabledUserOverride"))
        XCTAssertEqual(try tenant.policy(ofType: eePolicy, identity: "Pilot").value(meeting), .string("Disabled"))
        XCTAssertEqual(try tenant.groupPolicyAssignments().map(\.rank), [1, 2])
        XCTAssertEqual(try tenant.groupPolicyAssignments().map(\.policyType), [eePolicy, eePolicy])
        XCTAssertEqual(try tenant.groupPolicyAssignments().map(\.policyName), ["Pilot", "Disabled"])
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: "bob").source.assignmentType, "Group")
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: "ann").source, .direct(policyName: "Pilot"))
        // Sections left out come from the default world.
        XCTAssertEqual(world.installedVersions(of: "MicrosoftTeams").map(\.version.description), ["2.3.1"])
        XCTAssertEqual(world.machine.home, "/root")
    }

    func testSimulatedDates() throws {
        let formatter = ISO8601DateFormatter()
        for text in ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2021-05-12T17:00:00Z", "2026-02-02T09:00:00Z",
                     "1969-12-31T12:00:00Z"] {
            XCTAssertEqual(SimulatedDates.parse(text), formatter.date(from: text), text)
        }
        for bad in ["2026-02-02", "2026-13-01T00:00:00Z", "2026-02-02T09:00:00+01:00", "x"] {
            XCTAssertNil(SimulatedDates.parse(bad), bad)
        }
    }

    func testRevisionCountsChanges() throws {
        let world = World.defaultWorld()
        let start = world.revision
        _ = world.tenant.findUser(jay1)
        XCTAssertEqual(world.revision, start)
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "UserControlled")
        XCTAssertGreaterThan(world.revision, start)
    }
}
