import XCTest
@testable import TeamsTenant

/// Client settings, E2EE calls, security codes and in-call features.
final class CallTests: XCTestCase {
    /// The default world with Jay1 and Jay2 allowed (UserControlled) and switched on.
    private func worldWithTwoReadyUsers() throws -> World {
        let world = World.defaultWorld()
        for user in [jay1, jay2] {
            try world.tenant.grantPolicy(ofType: eePolicy, toUser: user, policyName: "UserControlled")
            try world.tenant.setClientSetting(forUser: user, endToEndEncryptedCalls: true)
        }
        return world
    }

    func testDefaultClientSettingsAreOffAndUnavailable() {
        let states = World.defaultWorld().tenant.clientSettings()
        XCTAssertEqual(states.map(\.userPrincipalName), [jay1, jay2, jay3, jay4, ken])
        XCTAssertTrue(states.allSatisfy { !$0.endToEndEncryptedCalls && !$0.available && $0.effectivePolicy == "Global" })
    }

    func testPolicyForbidsToggle() throws {
        var tenant = defaultTenant()
        assertThrows(.clientSettingUnavailable(user: jay1, setting: "End-to-end encrypted calls", policy: "Global"),
                     try tenant.setClientSetting(forUser: "jay1", endToEndEncryptedCalls: true))
        assertThrows(.clientSettingUnavailable(user: jay1, setting: "End-to-end encrypted calls", policy: "Global"),
                     try tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: false))
        try tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "Disabled")
        assertThrows(.clientSettingUnavailable(user: jay1, setting: "End-to-end encrypted calls", policy: "Tag:Disabled"),
                     try tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: true))
        // Allowed through a group assignment.
        try tenant.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "UserControlled", at: Date())
        try tenant.setClientSetting(forUser: jay2, endToEndEncryptedCalls: true)
        XCTAssertEqual(try tenant.clientSetting(forUser: jay2),
                       ClientSettingState(userPrincipalName: jay2, endToEndEncryptedCalls: true, available: true,
                                          effectivePolicy: "Tag:UserControlled"))
        // Allowed tenant-wide.
        try tenant.setPolicy(ofType: eePolicy, settings: [calling: .string("DisabledUserOverride")])
        try tenant.setClientSetting(forUser: ken, endToEndEncryptedCalls: true)
        // A policy change that hides the setting makes it read as off.
        try tenant.grantPolicy(ofType: eePolicy, toUser: ken, policyName: "Disabled")
        XCTAssertEqual(try tenant.clientSetting(forUser: ken).endToEndEncryptedCalls, false)
        XCTAssertEqual(try tenant.clientSetting(forUser: ken).available, false)
    }

    func testEncryptedCallCodesAgree() throws {
        let world = try worldWithTwoReadyUsers()
        let call = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertTrue(call.endToEndEncrypted)
        XCTAssertEqual(call.indicator, "Shield with lock")
        XCTAssertEqual(call.reason, "")
        XCTAssertEqual(call.callerSecurityCode, call.calleeSecurityCode)
        XCTAssertEqual(call.securityCode, call.callerSecurityCode)
        let groups = call.securityCode.split(separator: " ")
        XCTAssertEqual(groups.map(\.count), [5, 5, 5, 5])
        XCTAssertTrue(groups.joined().allSatisfy(\.isNumber))
        XCTAssertEqual(call.unavailableFeatures, CallFeature.allCases)
        XCTAssertTrue(GuidText.isGuid(call.callId))
        // The code is exactly the documented derivation from the call's certificates.
        let callerCertificate = HexText.decode(call.callerCertificate) ?? []
        let calleeCertificate = HexText.decode(call.calleeCertificate) ?? []
        XCTAssertEqual(callerCertificate.count, 64)
        let expected = SecurityCode.digits(localCertificate: callerCertificate, peerCertificate: calleeCertificate)
        XCTAssertEqual(call.securityCode, SecurityCode.grouped(expected))
        XCTAssertEqual(expected, SecurityCode.digits(localCertificate: calleeCertificate, peerCertificate: callerCertificate))
    }

    func testInterceptedCallCodesDiffer() throws {
        let world = try worldWithTwoReadyUsers()
        let call = try world.startCall(caller: jay1, callee: jay2, intercepted: true)
        XCTAssertTrue(call.endToEndEncrypted)
        XCTAssertEqual(call.interceptorCertificates.count, 2)
        XCTAssertNotEqual(call.callerSecurityCode, call.calleeSecurityCode)
        XCTAssertEqual(call.callerSecurityCode.count, 23)
        XCTAssertEqual(call.calleeSecurityCode.count, 23)
    }

    func testSecurityCodeDigits() {
        XCTAssertEqual(SecurityCode.decimalDigits(ofBigEndian: [0x01, 0x00], count: 5), "00256")
        // 2^64 = 18446744073709551616 (20 digits).
        XCTAssertEqual(SecurityCode.decimalDigits(ofBigEndian: [1, 0, 0, 0, 0, 0, 0, 0, 0], count: 20),
                       "18446744073709551616")
        // 2^72 = 4722366482869645213696: only the lowest 20 digits are kept.
        XCTAssertEqual(SecurityCode.decimalDigits(ofBigEndian: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], count: 20),
                       "22366482869645213696")
        XCTAssertEqual(SecurityCode.grouped("12345678901234567890"), "12345 67890 12345 67890")
    }

    func testWhyNotEncrypted() throws {
        let rows: [(name: String, caller: String, callee: String, callerClient: ClientKind, calleeClient: ClientKind,
                    reasonParts: [String])] = [
            ("web client", jay1, jay2, .web, .desktop, ["\(jay1) is on Teams on the web"]),
            ("callee setting off", jay1, jay3, .desktop, .mobile,
             ["\(jay3) is not allowed to turn on end-to-end encrypted calls", "(Global)"]),
            ("mobile and rooms are fine", jay1, jay2, .mobile, .rooms, []),
        ]
        for row in rows {
            let world = try worldWithTwoReadyUsers()
            let call = try world.startCall(caller: row.caller, callee: row.callee, callerClient: row.callerClient,
                                           calleeClient: row.calleeClient)
            XCTAssertEqual(call.endToEndEncrypted, row.reasonParts.isEmpty, row.name)
            for part in row.reasonParts { XCTAssertTrue(call.reason.contains(part), "\(row.name): \(call.reason)") }
            if !call.endToEndEncrypted {
                XCTAssertEqual(call.indicator, "Shield", row.name)
                XCTAssertEqual([call.securityCode, call.callerSecurityCode, call.calleeSecurityCode], ["", "", ""])
                XCTAssertEqual(call.unavailableFeatures, [])
            }
        }
        // Allowed but switched off.
        let world = try worldWithTwoReadyUsers()
        try world.tenant.setClientSetting(forUser: jay2, endToEndEncryptedCalls: false)
        let call = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertEqual(call.reason, "\(jay2) has 'End-to-end encrypted calls' turned off.")
    }

    func testOneToOneOnly() throws {
        let world = try worldWithTwoReadyUsers()
        XCTAssertThrowsError(try world.startCall(caller: jay1, callee: "jay one")) { error in
            XCTAssertEqual(error as? TenantError, .callToSelf(user: jay1))
        }
        XCTAssertThrowsError(try world.startCall(caller: jay1, callee: "nobody")) { error in
            XCTAssertEqual(error as? TenantError, .userNotFound(identity: "nobody"))
        }
        // Adding a participant is refused while E2EE, and makes a plain call a group call.
        let encrypted = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertThrowsError(try world.tenant.invokeCallFeature(encrypted.callId, feature: .addParticipant))
        let plain = try world.startCall(caller: jay1, callee: jay3)
        XCTAssertEqual(try world.tenant.invokeCallFeature(plain.callId, feature: .addParticipant).participantCount, 3)
    }

    func testFeaturesRefusedDuringEncryption() throws {
        let world = try worldWithTwoReadyUsers()
        let encrypted = try world.startCall(caller: jay1, callee: jay2)
        for feature in CallFeature.allCases {
            XCTAssertThrowsError(try world.tenant.invokeCallFeature(encrypted.callId, feature: feature)) { error in
                XCTAssertEqual(error as? TenantError, .featureUnavailableInEncryptedCall(feature: feature.rawValue))
            }
        }
        let plain = try world.startCall(caller: jay1, callee: jay4)
        let used = try world.tenant.invokeCallFeature(plain.callId.uppercased(), featureNamed: "recording")
        XCTAssertEqual(used.featuresUsed, [.recording])
        XCTAssertThrowsError(try world.tenant.invokeCallFeature(plain.callId, featureNamed: "Teleport")) { error in
            XCTAssertEqual(error as? TenantError, .unknownCallFeature(name: "Teleport"))
        }
        try world.stopCall(plain.callId)
        XCTAssertEqual(try world.tenant.call(plain.callId).state, .ended)
        XCTAssertThrowsError(try world.tenant.invokeCallFeature(plain.callId, feature: .recording))
        XCTAssertThrowsError(try world.stopCall(plain.callId))
        XCTAssertThrowsError(try world.tenant.call("no-such-call"))
    }

    func testChangesApplyToNewCallsOnly() throws {
        let world = try worldWithTwoReadyUsers()
        let first = try world.startCall(caller: jay1, callee: jay2)
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "Disabled")
        XCTAssertTrue(try world.tenant.call(first.callId).endToEndEncrypted)
        let second = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertFalse(second.endToEndEncrypted)
        XCTAssertNotEqual(first.callId, second.callId)
        XCTAssertEqual(world.tenant.calls.map(\.callId), [first.callId, second.callId])
    }

    func testCallsAreDeterministic() throws {
        let first = try worldWithTwoReadyUsers().startCall(caller: jay1, callee: jay2)
        let second = try worldWithTwoReadyUsers().startCall(caller: jay1, callee: jay2)
        XCTAssertEqual(first, second)
    }

    func testClientKindsAndFeaturesByName() {
        XCTAssertEqual(ClientKind(named: "web"), .web)
        XCTAssertEqual(ClientKind(named: "ROOMS"), .rooms)
        XCTAssertNil(ClientKind(named: "fax"))
        XCTAssertFalse(ClientKind.web.supportsEndToEndEncryption)
        XCTAssertTrue([ClientKind.desktop, .mobile, .rooms].allSatisfy(\.supportsEndToEndEncryption))
        XCTAssertEqual(CallFeature(named: "livecaptions"), .liveCaptions)
    }

    /// The default world's first call has the same id and code on every run and every machine:
    /// golden outputs depend on it.
    func testDefaultWorldCodesArePinned() throws {
        let world = try worldWithTwoReadyUsers()
        let call = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertEqual(call.callId, "12b7cad7-3d52-400b-9260-684f530ea350")
        XCTAssertEqual(call.securityCode, "53580 11410 57744 41805")
        // The same code whichever side calls: the thumbprints are hashed in sorted order.
        let reversed = try worldWithTwoReadyUsers().startCall(caller: jay2, callee: jay1)
        XCTAssertEqual(reversed.callerSecurityCode, reversed.calleeSecurityCode)
    }

    func testValidateOnlyChangesNothing() throws {
        let world = try worldWithTwoReadyUsers()
        XCTAssertThrowsError(try world.tenant.checkCall(caller: jay1, callee: "Jay One"))
        XCTAssertThrowsError(try world.tenant.checkCall(caller: "nobody", callee: jay2))
        try world.tenant.checkCall(caller: jay1, callee: jay2)
        XCTAssertEqual(world.tenant.calls.count, 0)
        let plain = try world.startCall(caller: jay1, callee: jay3)
        let generatorBefore = world.random
        try world.tenant.invokeCallFeature(plain.callId, feature: .transfer, validateOnly: true)
        try world.stopCall(plain.callId, validateOnly: true)
        XCTAssertEqual(try world.tenant.call(plain.callId), plain)
        XCTAssertEqual(world.random, generatorBefore)
        let encrypted = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertThrowsError(try world.tenant.invokeCallFeature(encrypted.callId, feature: .recording, validateOnly: true)) { error in
            XCTAssertEqual(error as? TenantError, .featureUnavailableInEncryptedCall(feature: "Recording"))
        }
    }

    func testSettingChangesApplyToNewCallsOnly() throws {
        let world = try worldWithTwoReadyUsers()
        let first = try world.startCall(caller: jay1, callee: jay2)
        try world.tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: false)
        XCTAssertTrue(try world.tenant.call(first.callId).endToEndEncrypted)
        let second = try world.startCall(caller: jay1, callee: jay2)
        XCTAssertFalse(second.endToEndEncrypted)
        XCTAssertEqual(second.reason, "\(jay1) has 'End-to-end encrypted calls' turned off.")
        // A policy change that allows the setting again brings the kept choice back.
        try world.tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: true)
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "Disabled")
        XCTAssertFalse(try world.startCall(caller: jay1, callee: jay2).endToEndEncrypted)
        try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "UserControlled")
        XCTAssertTrue(try world.startCall(caller: jay1, callee: jay2).endToEndEncrypted)
    }
}
