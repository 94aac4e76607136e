import XCTest
@testable import TeamsTenant

let eePolicy = PolicyFamilies.enhancedEncryptionName
let calling = PolicyFamilies.callingSetting
let meeting = PolicyFamilies.meetingSetting
let jay1 = "Jay1@JayTheAmazing.onmicrosoft.com"
let jay2 = "Jay2@JayTheAmazing.onmicrosoft.com"
let jay3 = "Jay3@JayTheAmazing.onmicrosoft.com"
let jay4 = "Jay4@JayTheAmazing.onmicrosoft.com"
let ken = "KenMyer@contoso.com"

func defaultTenant() -> Tenant { World.defaultWorld().tenant }

/// Asserts that an expression throws exactly `expected`.
func assertThrows<T>(_ expected: TenantError, _ body: @autoclosure () throws -> T, file: StaticString = #filePath,
                     line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? TenantError, expected, file: file, line: line)
    }
}

/// The policy cmdlets' model: identities, New/Get/Set/Remove, presets, Global, filters, errors.
final class PolicyTests: XCTestCase {
    func testDefaultInstances() throws {
        let tenant = defaultTenant()
        let instances = try tenant.policies(ofType: eePolicy)
        XCTAssertEqual(instances.map(\.identity.description), ["Global", "Tag:Disabled", "Tag:UserControlled"])
        let rows = instances.map { [$0.value(calling).description, $0.value(meeting).description] }
        XCTAssertEqual(rows, [["Disabled", "DisabledUserOverride"], ["Disabled", "Disabled"],
                              ["DisabledUserOverride", "DisabledUserOverride"]])
        XCTAssertEqual(instances.map(\.isPreset), [false, true, true])
    }

    func testPropertyOrder() throws {
        let instance = try defaultTenant().policy(ofType: eePolicy, identity: "Global")
        let names = instance.orderedProperties(PolicyFamilies.enhancedEncryption).map(\.name)
        XCTAssertEqual(names, ["Identity", "CallingEndtoEndEncryptionEnabledType", "MeetingEndToEndEncryption",
                               "Description"])
        XCTAssertEqual(PolicyFamilies.enhancedEncryption.propertyOrder, names)
    }

    func testIdentityForms() {
        let cases: [(text: String, identity: PolicyIdentity?)] = [
            ("Global", .global), ("global", .global), ("GLOBAL", .global),
            ("Tag:Sales", .tag("Sales")), ("tag:Sales", .tag("Sales")), ("TAG:Sales", .tag("Sales")),
            ("Sales", .tag("Sales")), ("Tag:Global", .tag("Global")), ("", nil), ("Tag:", nil), ("  ", nil),
        ]
        for (text, identity) in cases {
            XCTAssertEqual(PolicyIdentity(parsing: text), identity, "\"\(text)\"")
        }
        XCTAssertEqual(PolicyIdentity.tag("Sales").description, "Tag:Sales")
        XCTAssertTrue(PolicyIdentity.tag("sales").matches(.tag("SALES")))
    }

    func testLookupByEveryIdentityForm() throws {
        var tenant = defaultTenant()
        try tenant.newPolicy(ofType: eePolicy, identity: "SalesE2EE")
        for form in ["SalesE2EE", "Tag:SalesE2EE", "tag:salese2ee", "SALESE2EE"] {
            XCTAssertEqual(try tenant.policy(ofType: eePolicy, identity: form).identity.description, "Tag:SalesE2EE",
                           form)
        }
        XCTAssertEqual(try tenant.policy(ofType: eePolicy, identity: "global").identity, .global)
    }

    func testNewUsesDefaultsAndCanonicalCase() throws {
        var tenant = defaultTenant()
        let created = try tenant.newPolicy(
            ofType: eePolicy, identity: "Tag:Explicit",
            settings: ["callingendtoendencryptionenabledtype": .string("disableduseroverride"),
                       "Description": .string("Sales team")])
        XCTAssertEqual(created.identity.description, "Tag:Explicit")
        XCTAssertEqual(created.value(calling), .string("DisabledUserOverride"))
        XCTAssertEqual(created.value(meeting), .string("Disabled"))
        XCTAssertEqual(created.value("Description"), .string("Sales team"))
        XCTAssertEqual(try tenant.policies(ofType: eePolicy).map(\.identity.description),
                       ["Global", "Tag:Disabled", "Tag:UserControlled", "Tag:Explicit"])
    }

    func testErrors() throws {
        var tenant = defaultTenant()
        try tenant.newPolicy(ofType: eePolicy, identity: "Dup")
        let before = tenant.policies
        let cases: [(TenantError, (inout Tenant) throws -> Void)] = [
            (.policyAlreadyExists(identity: "Tag:Dup"), { try $0.newPolicy(ofType: eePolicy, identity: "dup") }),
            (.policyAlreadyExists(identity: "Global"), { try $0.newPolicy(ofType: eePolicy, identity: "Global") }),
            (.policyNameContainsSpaces(name: "My Policy"),
             { try $0.newPolicy(ofType: eePolicy, identity: "My Policy") }),
            (.invalidPolicyIdentity(text: "Tag:"), { try $0.newPolicy(ofType: eePolicy, identity: "Tag:") }),
            (.invalidSettingValue(setting: calling, value: "Sometimes", allowed: ["Disabled", "DisabledUserOverride"]),
             { try $0.newPolicy(ofType: eePolicy, identity: "X1", settings: [calling: .string("Sometimes")]) }),
            (.unknownSetting(policyType: eePolicy, setting: "Nope"),
             { try $0.newPolicy(ofType: eePolicy, identity: "X2", settings: ["Nope": .string("x")]) }),
            (.policyNotFound(identity: "Tag:NoSuchPolicy"),
             { _ = try $0.policy(ofType: eePolicy, identity: "NoSuchPolicy") }),
            (.policyNotFound(identity: "Tag:Nope"),
             { try $0.setPolicy(ofType: eePolicy, identity: "Nope", settings: [:]) }),
            (.policyNotFound(identity: "Tag:Nope"), { try $0.removePolicy(ofType: eePolicy, identity: "Tag:Nope") }),
            (.presetIsReadOnly(identity: "Tag:UserControlled"),
             { try $0.setPolicy(ofType: eePolicy, identity: "UserControlled", settings: ["Description": .string("x")]) }),
            (.presetIsReadOnly(identity: "Tag:Disabled"), { try $0.removePolicy(ofType: eePolicy, identity: "Tag:Disabled") }),
            (.policyNameNotFound(name: "NoSuchPolicy"),
             { try $0.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "NoSuchPolicy") }),
            (.userNotFound(identity: "nobody@JayTheAmazing.onmicrosoft.com"),
             { try $0.grantPolicy(ofType: eePolicy, toUser: "nobody@JayTheAmazing.onmicrosoft.com",
                                  policyName: "UserControlled") }),
            (.policyNameNotFound(name: "Nope"), { try $0.grantPolicyGlobally(ofType: eePolicy, policyName: "Nope") }),
            (.unknownPolicyType(name: "TeamsNopePolicy"), { _ = try $0.policies(ofType: "TeamsNopePolicy") }),
        ]
        for (expected, operation) in cases {
            var copy = tenant
            XCTAssertThrowsError(try operation(&copy), expected.message) { error in
                XCTAssertEqual(error as? TenantError, expected)
            }
            XCTAssertEqual(copy.policies, before, "a refused operation changed nothing: \(expected.message)")
            XCTAssertEqual(copy.users, tenant.users)
        }
    }

    func testErrorTexts() {
        let rows: [(TenantError, String)] = [
            (.policyNotFound(identity: "Tag:NoSuchPolicy"), "[ClientError] : \"Tag:NoSuchPolicy\" not found"),
            (.policyNameNotFound(name: "NoSuchPolicy"), "[ClientError] : \"NoSuchPolicy\" not found"),
            (.userNotFound(identity: "nobody@x"), "[ClientError] : User \"nobody@x\" not found"),
            (.policyAlreadyExists(identity: "Tag:Dup"), "[ClientError] : Policy \"Tag:Dup\" already exists"),
            (.presetIsReadOnly(identity: "Tag:Disabled"), "Set or Remove host tag instance is not allowed"),
            (.policyNameContainsSpaces(name: "My Policy"), "[ClientError] : Policy names cannot contain spaces"),
            (.invalidSettingValue(setting: calling, value: "Sometimes", allowed: ["Disabled", "DisabledUserOverride"]),
             "Cannot validate argument on parameter 'CallingEndtoEndEncryptionEnabledType'. The argument \"Sometimes\" "
                + "does not belong to the set \"Disabled,DisabledUserOverride\" specified by the ValidateSet attribute. "
                + "Supply an argument that is in the set and then try the command again."),
            (.clientSettingUnavailable(user: jay1, setting: "End-to-end encrypted calls", policy: "Global"),
             "The setting 'End-to-end encrypted calls' is not available to \(jay1): their enhanced encryption policy "
                + "(Global) does not let users turn it on."),
            (.featureUnavailableInEncryptedCall(feature: "Recording"),
             "Recording isn't available in end-to-end encrypted calls."),
        ]
        for (error, text) in rows { XCTAssertEqual(error.message, text) }
    }

    func testSetDefaultsToGlobal() throws {
        var tenant = defaultTenant()
        try tenant.setPolicy(ofType: eePolicy, settings: [calling: .string("DisabledUserOverride")])
        let global = try tenant.policy(ofType: eePolicy, identity: "Global")
        XCTAssertEqual(global.value(calling), .string("DisabledUserOverride"))
        XCTAssertEqual(global.value(meeting), .string("DisabledUserOverride"))
    }

    func testRemoveGlobalResetsIt() throws {
        var tenant = defaultTenant()
        try tenant.setPolicy(ofType: eePolicy, identity: "Global",
                             settings: [calling: .string("DisabledUserOverride"), meeting: .string("Disabled"),
                                        "Description": .string("edited")])
        try tenant.removePolicy(ofType: eePolicy, identity: "Global")
        let global = try tenant.policy(ofType: eePolicy, identity: "Global")
        XCTAssertEqual(global.values, [calling: .string("Disabled"), meeting: .string("DisabledUserOverride"),
                                       "Description": .string("")])
        XCTAssertEqual(try tenant.policies(ofType: eePolicy).count, 3)
    }

    func testRemoveCustomClearsItsAssignments() throws {
        var tenant = defaultTenant()
        try tenant.newPolicy(ofType: eePolicy, identity: "Pilot", settings: [calling: .string("DisabledUserOverride")])
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "Pilot")
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "Pilot", at: Date())
        try tenant.removePolicy(ofType: eePolicy, identity: "Pilot")
        XCTAssertNil(try tenant.directPolicyName(ofType: eePolicy, forUser: jay1))
        XCTAssertEqual(try tenant.groupPolicyAssignments(ofType: eePolicy), [])
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: jay2).source, .global)
    }

    func testValidateOnlyChecksButChangesNothing() throws {
        var tenant = defaultTenant()
        try tenant.newPolicy(ofType: eePolicy, identity: "Pilot")
        let before = tenant.policies
        try tenant.newPolicy(ofType: eePolicy, identity: "W1", validateOnly: true)
        try tenant.setPolicy(ofType: eePolicy, identity: "Pilot", settings: [calling: .string("DisabledUserOverride")],
                             validateOnly: true)
        try tenant.removePolicy(ofType: eePolicy, identity: "Pilot", validateOnly: true)
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "UserControlled", validateOnly: true)
        try tenant.grantPolicyGlobally(ofType: eePolicy, policyName: "UserControlled", validateOnly: true)
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "Pilot", at: Date(),
                                      validateOnly: true)
        XCTAssertEqual(tenant.policies, before)
        XCTAssertNil(try tenant.directPolicyName(ofType: eePolicy, forUser: jay2))
        XCTAssertEqual(try tenant.groupPolicyAssignments(), [])
        // The checks still run first: a preset refuses even with validateOnly.
        assertThrows(.presetIsReadOnly(identity: "Tag:Disabled"),
                     try tenant.removePolicy(ofType: eePolicy, identity: "Disabled", validateOnly: true))
    }

    func testFilter() throws {
        var tenant = defaultTenant()
        try tenant.newPolicy(ofType: eePolicy, identity: "SalesE2EE")
        let rows: [(filter: String, identities: [String])] = [
            ("*e2ee*", ["Tag:SalesE2EE"]),
            ("Tag:*", ["Tag:Disabled", "Tag:UserControlled", "Tag:SalesE2EE"]),
            ("Global", ["Global"]),
            ("global", ["Global"]),
            ("*", ["Global", "Tag:Disabled", "Tag:UserControlled", "Tag:SalesE2EE"]),
            ("User?ontrolled", ["Tag:UserControlled"]),
            ("[DS]*", ["Tag:Disabled", "Tag:SalesE2EE"]),
            ("nothing", []),
        ]
        for (filter, identities) in rows {
            XCTAssertEqual(try tenant.policies(ofType: eePolicy, filter: filter).map(\.identity.description), identities,
                           filter)
        }
    }

    func testWildcardPattern() {
        let rows: [(pattern: String, text: String, matches: Bool)] = [
            ("*", "", true), ("a*c", "abc", true), ("a*c", "ABBC", true), ("a?c", "ac", false),
            ("[a-c]x", "bx", true), ("[!a-c]x", "bx", false), ("a`*", "a*", true), ("a`*", "ab", false),
            ("*.*", "x.y", true), ("[ab", "[ab", true), ("**a", "ba", true),
        ]
        for (pattern, text, matches) in rows {
            XCTAssertEqual(WildcardPattern(pattern).matches(text), matches, "\(pattern) ~ \(text)")
        }
    }
}
