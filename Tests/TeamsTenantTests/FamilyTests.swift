import XCTest
@testable import TeamsTenant

/// The policy families as data: the standard catalog's consistency, typed values, list
/// modifiers, and a fourteenth family that exists only as a descriptor.
final class FamilyTests: XCTestCase {
    private let epoch = Date(timeIntervalSince1970: 1_770_000_000)

    /// Every shipped descriptor is self-consistent: unique names and nouns, defaults and preset
    /// values that their settings accept, parameter versions inside the family's life.
    func testStandardCatalogIsConsistent() throws {
        let catalog = PolicyCatalog.standard
        XCTAssertEqual(catalog.descriptors.count, 13)
        XCTAssertEqual(Set(catalog.names.map { $0.lowercased() }).count, 13)
        XCTAssertEqual(Set(catalog.descriptors.map { $0.cmdletNoun.lowercased() }).count, 13)
        for d in catalog.descriptors {
            XCTAssertFalse(d.objectTypeName.isEmpty, d.name)
            XCTAssertEqual(Set(d.settings.map { $0.name.lowercased() }).count, d.settings.count, "\(d.name): duplicate settings")
            for setting in d.settings {
                XCTAssertEqual(try setting.canonical(setting.defaultValue), setting.defaultValue, "\(d.name).\(setting.name)")
                if let since = setting.since { XCTAssertGreaterThanOrEqual(since, d.introducedIn, "\(d.name).\(setting.name)") }
            }
            for preset in d.presets {
                for (name, value) in preset.values {
                    XCTAssertNoThrow(try d.canonicalValue(value, for: name), "\(d.name) preset \(preset.name).\(name)")
                }
            }
            if let since = d.cmdlets.binarySince { XCTAssertGreaterThan(since, d.introducedIn, d.name) }
        }
        // The unknown Global values the simulator chose (each a NOTE in its family's file).
        let chosen = catalog.descriptors.flatMap(\.settings).filter { $0.globalStatus == .chosen }
        XCTAssertEqual(chosen.count, 84)
    }

    func testEveryFamilyHasItsBuiltInInstances() throws {
        let tenant = defaultTenant()
        let rows: [(String, [String])] = [
            ("TeamsMeetingPolicy", ["Global", "Tag:AllOn", "Tag:RestrictedAnonymousAccess", "Tag:AllOff",
                                    "Tag:RestrictedAnonymousNoRecording", "Tag:Default", "Tag:Kiosk"]),
            ("TeamsMessagingPolicy", ["Global", "Tag:Default", "Tag:EduFaculty", "Tag:EduStudent"]),
            ("TeamsCallingPolicy", ["Global", "Tag:AllowCalling", "Tag:DisallowCalling", "Tag:AllowCallingPreventTollBypass",
                                    "Tag:AllowCallingPreventForwardingtoPhone"]),
            ("TeamsAppSetupPolicy", ["Global", "Tag:FirstLineWorker"]),
            ("TeamsAppPermissionPolicy", ["Global"]), ("OnlineVoiceRoutingPolicy", ["Global"]), ("TenantDialPlan", ["Global"]),
            ("TeamsChannelsPolicy", ["Global", "Tag:Default"]), ("TeamsUpdateManagementPolicy", ["Global"]),
            ("TeamsMeetingBroadcastPolicy", ["Global", "Tag:Default"]), ("TeamsEventsPolicy", ["Global"]),
            ("TeamsFeedbackPolicy", ["Global", "Tag:UserChoice", "Tag:Enabled", "Tag:Disabled"]),
            ("TeamsEnhancedEncryptionPolicy", ["Global", "Tag:Disabled", "Tag:UserControlled"]),
        ]
        for (type, identities) in rows {
            XCTAssertEqual(try tenant.policies(ofType: type).map(\.identity.description), identities, type)
        }
        // A preset's unlisted values are Global's; its own override them.
        let kiosk = try tenant.policy(ofType: "TeamsMeetingPolicy", identity: "Kiosk")
        XCTAssertEqual(kiosk.value("AllowCloudRecording"), .bool(false))
        XCTAssertEqual(kiosk.value("MediaBitRateKb"), .int(50_000))
        XCTAssertTrue(kiosk.isPreset)
        assertThrows(.presetIsReadOnly(identity: "Tag:Kiosk"),
                     try { var t = tenant; try t.setPolicy(ofType: "TeamsMeetingPolicy", identity: "Kiosk", settings: [:]) }())
    }

    /// Each kind of setting: what it accepts, its canonical form, what it refuses.
    func testTypedValues() throws {
        var tenant = defaultTenant()
        let made = try tenant.newPolicy(ofType: "TeamsMeetingPolicy", identity: "Typed", settings: [
            "allowmeetnow": false, "MediaBitRateKb": 2000, "ScreenSharingMode": "singleapplication",
            "RecordingAndTranscriptionCustomMessageIdentifier": "D8EBFA45-0F28-4D2D-9BCC-B158A49E2D17",
            "BlockedAnonymousJoinClientTypes": ["Teams", "Meet"],
        ])
        XCTAssertEqual(made.value("AllowMeetNow"), .bool(false))
        XCTAssertEqual(made.value("MediaBitRateKb"), .int(2000))
        XCTAssertEqual(made.value("ScreenSharingMode"), .string("SingleApplication"))
        XCTAssertEqual(made.value("RecordingAndTranscriptionCustomMessageIdentifier"), .string("d8ebfa45-0f28-4d2d-9bcc-b158a49e2d17"))
        XCTAssertEqual(made.value("BlockedAnonymousJoinClientTypes"), ["Teams", "Meet"])
        let refusals: [(String, PolicyValue, TenantError)] = [
            ("AllowMeetNow", "yes", .invalidSettingType(setting: "AllowMeetNow", value: "yes", typeName: "System.Boolean")),
            ("MediaBitRateKb", -1, .invalidSettingType(setting: "MediaBitRateKb", value: "-1", typeName: "System.UInt32")),
            ("ScreenSharingMode", "Some", .invalidSettingValue(setting: "ScreenSharingMode", value: "Some",
                                                                allowed: ["SingleApplication", "EntireScreen", "Disabled"])),
            ("RecordingAndTranscriptionCustomMessageIdentifier", "x",
             .invalidSettingType(setting: "RecordingAndTranscriptionCustomMessageIdentifier", value: "x", typeName: "System.Guid")),
            ("NoSuchSetting", true, .unknownSetting(policyType: "TeamsMeetingPolicy", setting: "NoSuchSetting")),
        ]
        for (name, value, error) in refusals {
            assertThrows(error, try tenant.setPolicy(ofType: "TeamsMeetingPolicy", identity: "Typed", settings: [name: value]))
        }
        XCTAssertEqual(try tenant.policy(ofType: "TeamsMeetingPolicy", identity: "Typed"), made, "refusals change nothing")
    }

    /// PSListModifier semantics on string lists and object lists (records match on their key).
    func testListModifiers() throws {
        var tenant = defaultTenant()
        try tenant.newPolicy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond", settings: ["OnlinePstnUsages": ["Local"]])
        try tenant.setPolicy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond",
                             changes: ["OnlinePstnUsages": .modify(add: ["Long Distance", "local"], remove: [], replace: nil)])
        XCTAssertEqual(try tenant.policy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond").value("OnlinePstnUsages"),
                       ["Local", "Long Distance", "local"])
        try tenant.setPolicy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond",
                             changes: ["OnlinePstnUsages": .modify(add: ["Intl"], remove: ["LOCAL"], replace: ["Local", "Other"])])
        XCTAssertEqual(try tenant.policy(ofType: "OnlineVoiceRoutingPolicy", identity: "Redmond").value("OnlinePstnUsages"),
                       ["Other", "Intl"])
        let app: PolicyValue = ["Id": "a1", "Order": 1]
        try tenant.newPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins", settings: ["PinnedAppBarApps": [app, ["id": "b2"]]])
        let pins = try tenant.policy(ofType: "TeamsAppSetupPolicy", identity: "Pins").value("PinnedAppBarApps")
        XCTAssertEqual(pins, [["Id": "a1", "Order": 1], ["Id": "b2", "Order": nil]], "records get every field, in canonical names")
        try tenant.setPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins",
                             changes: ["PinnedAppBarApps": .modify(add: [], remove: [["Id": "A1"]], replace: nil)])
        XCTAssertEqual(try tenant.policy(ofType: "TeamsAppSetupPolicy", identity: "Pins").value("PinnedAppBarApps"),
                       [["Id": "b2", "Order": nil]])
        assertThrows(.invalidSettingType(setting: "PinnedAppBarApps", value: "text",
                                         typeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp"),
                     try tenant.setPolicy(ofType: "TeamsAppSetupPolicy", identity: "Pins", settings: ["PinnedAppBarApps": ["text"]]))
        // A dial plan's SimpleName defaults to the plan's name.
        XCTAssertEqual(try tenant.newPolicy(ofType: "TenantDialPlan", identity: "DP1").value("SimpleName"), "DP1")
    }

    func testValuesRoundTripThroughJSON() throws {
        let values: [PolicyValue] = [true, 7, "text", nil, ["a", "b"], [["Id": "x", "Order": 2]], ["Name": "r", "Flag": false]]
        for value in values {
            let data = try JSONEncoder().encode(value)
            XCTAssertEqual(try JSONDecoder().decode(PolicyValue.self, from: data), value, "\(value)")
        }
    }

    func testGroupPolicyAssignmentFollowsTheFacts() throws {
        var tenant = defaultTenant()
        assertThrows(.groupAssignmentNotSupported(policyType: "TeamsAppPermissionPolicy"),
                     try tenant.newGroupPolicyAssignment(group: "Sales", policyType: "TeamsAppPermissionPolicy",
                                                         policyName: "Global", at: epoch))
        // Grant -Group is documented for it even so.
        try tenant.newPolicy(ofType: "TeamsAppPermissionPolicy", identity: "Strict")
        try tenant.grantPolicyToGroup(ofType: "TeamsAppPermissionPolicy", group: "Sales", policyName: "Strict", at: epoch)
        XCTAssertEqual(try tenant.effectivePolicy(ofType: "TeamsAppPermissionPolicy", forUser: jay2).instance.identity.description,
                       "Tag:Strict")
        try tenant.newGroupPolicyAssignment(group: "Engineering", policyType: "TeamsMeetingPolicy", policyName: "Kiosk", at: epoch)
        XCTAssertEqual(try tenant.policyAssignments(forUser: jay3).map(\.policyType), ["TeamsMeetingPolicy", "TeamsAppPermissionPolicy"])
    }

    // MARK: Teams and batches

    func testTeams() throws {
        var tenant = defaultTenant()
        XCTAssertEqual(try tenant.teams().map(\.displayName), ["Sales", "Engineering"])
        XCTAssertEqual(try tenant.teams(TeamFilter(user: jay4)).map(\.displayName), ["Engineering"])
        XCTAssertEqual(try tenant.teams(TeamFilter(displayName: "ale")).map(\.displayName), ["Sales"])
        let team = TenantGroup(objectId: "5f1c7a52-6a5c-4cb7-9d2b-6e8f0e6e1a01", displayName: "Field", mail: "field@x.com",
                               members: [], mailNickName: "field", owners: [jay1])
        try tenant.addTeam(team)
        try tenant.addTeamUser("field", user: ken, owner: false)
        XCTAssertEqual(try tenant.teamUsers("Field").map { "\($0.user):\($0.role)" },
                       ["\(jay1):owner", "\(ken):member"])
        assertThrows(.lastTeamOwner(user: jay1), try tenant.removeTeamUser("Field", user: jay1, ownerOnly: false))
        assertThrows(.duplicateMailNickName("FIELD"), try tenant.addTeam(TenantGroup(
            objectId: "5f1c7a52-6a5c-4cb7-9d2b-6e8f0e6e1a02", displayName: "Other", mail: nil, members: [], mailNickName: "FIELD")))
        try tenant.grantPolicyToGroup(ofType: "TeamsMeetingPolicy", group: "Field", policyName: "Kiosk", at: epoch)
        XCTAssertEqual(try tenant.effectivePolicy(ofType: "TeamsMeetingPolicy", forUser: ken).source.assignmentType, "Group")
        try tenant.removeTeamUser("Field", user: ken, ownerOnly: false)
        XCTAssertEqual(try tenant.effectivePolicy(ofType: "TeamsMeetingPolicy", forUser: ken).source, .global)
        try tenant.removeTeam("Field")
        XCTAssertNil(tenant.findGroup("Field"))
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: "TeamsMeetingPolicy"), [], "the team's assignments go with it")
        XCTAssertEqual(tenant.groups(ofUser: jay3).map(\.displayName), ["Sales", "Engineering"], "indexes rebuilt")
    }

    func testBatchAssignment() throws {
        var tenant = defaultTenant()
        let jay2Id = try tenant.requireUser(jay2).objectId
        let operation = try tenant.runBatch(
            operationId: "op1", operationName: "Kiosk", policyType: "TeamsMeetingPolicy", policyName: "Kiosk",
            identities: [jay1, "sip:" + jay1.uppercased(), jay2Id, "Jay Three", "nobody@x.com"], at: epoch)
        XCTAssertEqual(operation.userState.map(\.result), ["Success", "Success", "User not found", "User not found"],
                       "duplicates dropped; only object ids and SIP addresses name users")
        XCTAssertEqual(operation.errorCount, 2)
        XCTAssertEqual(try tenant.directPolicyName(ofType: "TeamsMeetingPolicy", forUser: jay2), "Kiosk")
        try tenant.runBatch(operationId: "op2", operationName: "", policyType: "teamsmeetingpolicy", policyName: nil,
                            identities: [jay2Id], at: epoch)
        XCTAssertNil(try tenant.directPolicyName(ofType: "TeamsMeetingPolicy", forUser: jay2))
        XCTAssertEqual(tenant.batchOperations().map(\.operationId), ["op1", "op2"])
        assertThrows(.batchNotSupported(policyType: "TeamsEventsPolicy"),
                     try tenant.runBatch(operationId: "x", operationName: "", policyType: "TeamsEventsPolicy", policyName: nil,
                                         identities: [jay1], at: epoch))
        assertThrows(.policyNameNotFound(name: "Nope"),
                     try tenant.runBatch(operationId: "x", operationName: "", policyType: "TeamsMeetingPolicy", policyName: "Nope",
                                         identities: [jay1], at: epoch))
        let many = (0...Tenant.maximumBatchSize).map { "u\($0)@x.com" }
        assertThrows(.batchTooLarge(count: 5001, maximum: 5000),
                     try tenant.runBatch(operationId: "x", operationName: "", policyType: "TeamsMeetingPolicy", policyName: nil,
                                         identities: many, at: epoch))
        XCTAssertEqual(tenant.batchOperations.count, 2, "refused batches leave nothing")
    }

    // MARK: World files

    /// A file written before the families existed (only enhanced encryption) loads with every
    /// family's built-in instances; a file keeps the families' instances, assignments, teams and
    /// batch operations.
    func testOlderFilesLoadAndNewStateRoundTrips() throws {
        let old = """
        {"schemaVersion": 1, "tenant": {"initialDomain": "old.onmicrosoft.com",
          "users": [{"userPrincipalName": "a@old.onmicrosoft.com", "policies": {"TeamsEnhancedEncryptionPolicy": "Disabled"}}],
          "policies": {"TeamsEnhancedEncryptionPolicy": [{"identity": "Global"}, {"identity": "Tag:Disabled"}]}}}
        """
        let world = try WorldStore.decode(Data(old.utf8), path: "old.json")
        XCTAssertEqual(try world.tenant.policies(ofType: "TeamsMeetingPolicy").count, 7)
        XCTAssertTrue(world.installedModules.first { $0.name == "MicrosoftTeams" }?.exports("Get-CsTeamsMeetingPolicy") ?? false)
        try world.tenant.newPolicy(ofType: "TeamsCallingPolicy", identity: "Mine", settings: ["AllowPrivateCalling": false])
        try world.tenant.grantPolicy(ofType: "TeamsCallingPolicy", toUser: "a@old.onmicrosoft.com", policyName: "Mine")
        try world.newTeam(displayName: "Crew", mailNickName: nil, description: nil, visibility: "Public", owner: nil)
        try world.runBatchAssignment(policyType: "TeamsCallingPolicy", policyName: nil, identities: ["nobody"], operationName: "n")
        let reloaded = try WorldStore.decode(try WorldStore.encode(world), path: "memory")
        XCTAssertEqual(try reloaded.tenant.policy(ofType: "TeamsCallingPolicy", identity: "Mine").value("AllowPrivateCalling"), false)
        XCTAssertEqual(reloaded.tenant.users.first?.policies["TeamsCallingPolicy"], "Mine")
        XCTAssertEqual(try reloaded.tenant.team("Crew").visibility, "Public")
        XCTAssertEqual(reloaded.tenant.batchOperations.map(\.userState.first?.result), ["User not found"])
        XCTAssertEqual(try reloaded.tenant.policies(ofType: "TeamsMeetingPolicy").filter(\.isPreset).count, 6,
                       "presets are built in, not read from the file")
    }

    func testFileValuesAreChecked() throws {
        let bad = """
        {"schemaVersion": 1, "tenant": {"initialDomain": "x.onmicrosoft.com",
          "policies": {"TeamsMeetingPolicy": [{"identity": "Tag:P", "values": {"MediaBitRateKb": "lots"}}]}}}
        """
        XCTAssertThrowsError(try WorldStore.decode(Data(bad.utf8), path: "bad.json")) { error in
            XCTAssertTrue("\(error)".contains("MediaBitRateKb"), "\(error)")
        }
    }

    // MARK: A fourteenth family

    /// A family teamsh does not ship, as data alone: the tenant keeps, checks and assigns it as it
    /// does the others (TeamsModuleTests runs its five cmdlets).
    func testAFamilyMadeOfDataOnly() throws {
        var tenant = Tenant(tenantId: "t", displayName: "T", initialDomain: "t.onmicrosoft.com", verifiedDomains: [],
                            adminAccount: "admin@t", adminObjectId: "a", catalog: PolicyCatalog.standard.adding(Self.widgetPolicy))
        try tenant.addUser(TenantUser(objectId: "u1", userPrincipalName: "u@t", displayName: "U"))
        XCTAssertEqual(try tenant.policies(ofType: "TeamsWidgetPolicy").map(\.identity.description), ["Global", "Tag:NoWidgets"])
        try tenant.newPolicy(ofType: "TeamsWidgetPolicy", identity: "Lots", settings: ["MaxWidgets": 9, "WidgetMode": "all"])
        try tenant.grantPolicy(ofType: "TeamsWidgetPolicy", toUser: "u@t", policyName: "Lots")
        XCTAssertEqual(try tenant.effectivePolicy(ofType: "TeamsWidgetPolicy", forUser: "u@t").instance.value("WidgetMode"), "All")
        assertThrows(.invalidSettingValue(setting: "WidgetMode", value: "Some", allowed: ["None", "Pinned", "All"]),
                     try tenant.setPolicy(ofType: "TeamsWidgetPolicy", identity: "Lots", settings: ["WidgetMode": "Some"]))
        assertThrows(.unknownPolicyType(name: "TeamsWidgetPolicy"), try defaultTenant().policies(ofType: "TeamsWidgetPolicy"))
    }

    /// The made-up family: a Boolean, a choice, an Int, a string list, and one preset.
    static let widgetPolicy = PolicyTypeDescriptor(
        name: "TeamsWidgetPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsWidgetPolicy",
        settings: [
            .text("Description", "", configuration: false),
            .boolean("AllowWidgets", true),
            .choice("WidgetMode", ["None", "Pinned", "All"], "Pinned"),
            .integer("MaxWidgets", .int64, 3),
            .stringList("BlockedWidgets", []),
        ],
        presets: [PolicyPreset(name: "NoWidgets", values: ["AllowWidgets": false, "WidgetMode": "None"])],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([7, 0, 0]), binaryVerbs: [.get, .new, .set, .remove],
                                 binarySince: ModuleVersion([7, 1, 0])))
}
