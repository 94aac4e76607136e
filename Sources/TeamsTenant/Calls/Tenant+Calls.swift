import Foundation

/// Client settings and calls (spec §4): what users do in their clients, which real Teams has no
/// cmdlets for.
extension Tenant {
    /// Bytes in each simulated call certificate.
    static let certificateByteCount = 64

    // MARK: Client settings

    /// The "End-to-end encrypted calls" state of one user.
    public func clientSetting(forUser userIdentity: String) throws -> ClientSettingState {
        clientSetting(userAt: try requireUserPosition(userIdentity))
    }

    /// The state of every user, in user order.
    public func clientSettings() -> [ClientSettingState] {
        users.indices.map { clientSetting(userAt: $0) }
    }

    func clientSetting(userAt position: Int) -> ClientSettingState {
        let descriptor = PolicyFamilies.enhancedEncryption
        let effective = effectivePolicy(descriptor, userAt: position)
        let available = Tenant.offersToggle(descriptor, effective.instance)
        let user = users[position]
        return ClientSettingState(
            userPrincipalName: user.userPrincipalName,
            endToEndEncryptedCalls: available && user.clientSettings.endToEndEncryptedCalls,
            available: available, effectivePolicy: effective.instance.identity.description)
    }

    static func offersToggle(_ descriptor: PolicyTypeDescriptor, _ instance: PolicyInstance) -> Bool {
        guard let toggle = descriptor.userToggle else { return false }
        return instance.value(toggle.policySetting) == toggle.enablingValue
    }

    /// Turns a user's "End-to-end encrypted calls" on or off; refused (either way) while their
    /// effective policy does not offer the setting.
    // NOTE: the choice is kept when a policy change later hides the setting, so it comes back if
    // the policy allows it again; while hidden it reads as off.
    public mutating func setClientSetting(
        forUser userIdentity: String, endToEndEncryptedCalls: Bool, validateOnly: Bool = false
    ) throws {
        let position = try requireUserPosition(userIdentity)
        let state = clientSetting(userAt: position)
        guard state.available else {
            throw TenantError.clientSettingUnavailable(
                user: users[position].userPrincipalName,
                setting: PolicyFamilies.enhancedEncryption.userToggle?.clientSettingName ?? "",
                policy: state.effectivePolicy)
        }
        if validateOnly { return }
        updateUser(at: position) { $0.clientSettings.endToEndEncryptedCalls = endToEndEncryptedCalls }
    }

    // MARK: Calls

    /// Starts a 1:1 call. It is E2EE when both parties' policies offer the setting, both have it
    /// on, and both clients support it; otherwise `reason` says why not. Certificates and the call
    /// id come from `generator`, so the same world gives the same calls.
    @discardableResult
    public mutating func startCall(
        caller callerIdentity: String, callee calleeIdentity: String, callerClient: ClientKind = .desktop,
        calleeClient: ClientKind = .desktop, intercepted: Bool = false, using generator: inout SeededGenerator,
        at time: Date
    ) throws -> Call {
        let (callerPosition, calleePosition) = try callParties(caller: callerIdentity, callee: calleeIdentity)
        let reasons = e2eeObstacles(userAt: callerPosition, client: callerClient)
            + e2eeObstacles(userAt: calleePosition, client: calleeClient)
        let encrypted = reasons.isEmpty

        // Every call draws the same things in the same order, so a setting change does not shift
        // the ids and certificates of later calls.
        let callId = generator.nextGuid()
        let callerCertificate = generator.nextBytes(Tenant.certificateByteCount)
        let calleeCertificate = generator.nextBytes(Tenant.certificateByteCount)
        var interceptorCertificates: [[UInt8]] = []
        if intercepted {
            interceptorCertificates = [
                generator.nextBytes(Tenant.certificateByteCount), generator.nextBytes(Tenant.certificateByteCount),
            ]
        }

        var callerCode = "", calleeCode = ""
        if encrypted {
            // Intercepted: each side completes its DTLS handshake with the interceptor instead of
            // its peer, so it hashes the interceptor's certificate.
            let callerPeer = interceptorCertificates.first ?? calleeCertificate
            let calleePeer = interceptorCertificates.last ?? callerCertificate
            callerCode = SecurityCode.grouped(
                SecurityCode.digits(localCertificate: callerCertificate, peerCertificate: callerPeer))
            calleeCode = SecurityCode.grouped(
                SecurityCode.digits(localCertificate: calleeCertificate, peerCertificate: calleePeer))
        }
        let call = Call(
            callId: callId, caller: users[callerPosition].userPrincipalName,
            callee: users[calleePosition].userPrincipalName, callerClient: callerClient, calleeClient: calleeClient,
            intercepted: intercepted, endToEndEncrypted: encrypted, reason: reasons.joined(separator: " "),
            securityCode: callerCode, callerSecurityCode: callerCode, calleeSecurityCode: calleeCode,
            callerCertificate: HexText.encode(callerCertificate), calleeCertificate: HexText.encode(calleeCertificate),
            interceptorCertificates: interceptorCertificates.map { HexText.encode($0) }, state: .active,
            startTime: time, endTime: nil, participantCount: 2, featuresUsed: [])
        appendCall(call)
        return call
    }

    /// Refuses a call that cannot start (an unknown party, or a user calling themselves) without
    /// changing anything, so a command can check before it asks ShouldProcess.
    public func checkCall(caller callerIdentity: String, callee calleeIdentity: String) throws {
        _ = try callParties(caller: callerIdentity, callee: calleeIdentity)
    }

    /// The positions of a call's two parties: both must exist and differ (calls are 1:1).
    func callParties(caller callerIdentity: String, callee calleeIdentity: String) throws -> (Int, Int) {
        let callerPosition = try requireUserPosition(callerIdentity)
        let calleePosition = try requireUserPosition(calleeIdentity)
        guard callerPosition != calleePosition else {
            throw TenantError.callToSelf(user: users[callerPosition].userPrincipalName)
        }
        return (callerPosition, calleePosition)
    }

    /// Why one party keeps a call from being E2EE (empty when they do not).
    func e2eeObstacles(userAt position: Int, client: ClientKind) -> [String] {
        let user = users[position].userPrincipalName
        var obstacles: [String] = []
        if !client.supportsEndToEndEncryption {
            obstacles.append("\(user) is on \(client.displayName), which does not support end-to-end encrypted calls.")
        }
        let setting = clientSetting(userAt: position)
        if !setting.available {
            obstacles.append(
                "\(user) is not allowed to turn on end-to-end encrypted calls: their enhanced encryption policy "
                    + "(\(setting.effectivePolicy)) does not let users turn it on.")
        } else if !setting.endToEndEncryptedCalls {
            obstacles.append("\(user) has 'End-to-end encrypted calls' turned off.")
        }
        return obstacles
    }

    /// A call by id (case-insensitive).
    public func call(_ callId: String) throws -> Call {
        guard let position = callPosition(callId) else { throw TenantError.callNotFound(callId: callId) }
        return calls[position]
    }

    /// Ends a call; ending an ended call is refused. `validateOnly` runs the checks and changes
    /// nothing (for -WhatIf).
    @discardableResult
    public mutating func stopCall(_ callId: String, at time: Date, validateOnly: Bool = false) throws -> Call {
        guard let position = callPosition(callId) else { throw TenantError.callNotFound(callId: callId) }
        guard calls[position].state == .active else { throw TenantError.callAlreadyEnded(callId: calls[position].callId) }
        if validateOnly { return calls[position] }
        updateCall(at: position) {
            $0.state = .ended
            $0.endTime = time
        }
        return calls[position]
    }

    /// Uses an in-call feature: refused on an E2EE call (facts §7.2) and on an ended one; otherwise
    /// recorded (AddParticipant also makes the call a group call). `validateOnly` runs the checks
    /// and changes nothing (for -WhatIf).
    @discardableResult
    public mutating func invokeCallFeature(_ callId: String, feature: CallFeature, validateOnly: Bool = false) throws -> Call {
        guard let position = callPosition(callId) else { throw TenantError.callNotFound(callId: callId) }
        let call = calls[position]
        guard call.state == .active else { throw TenantError.callAlreadyEnded(callId: call.callId) }
        if call.endToEndEncrypted { throw TenantError.featureUnavailableInEncryptedCall(feature: feature.rawValue) }
        if validateOnly { return call }
        updateCall(at: position) { current in
            current.featuresUsed.append(feature)
            if feature == .addParticipant { current.participantCount += 1 }
        }
        return calls[position]
    }

    /// Uses a feature named as a script typed it.
    @discardableResult
    public mutating func invokeCallFeature(_ callId: String, featureNamed name: String) throws -> Call {
        guard let feature = CallFeature(named: name) else { throw TenantError.unknownCallFeature(name: name) }
        return try invokeCallFeature(callId, feature: feature)
    }
}
