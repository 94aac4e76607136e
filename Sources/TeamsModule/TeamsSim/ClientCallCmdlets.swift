import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// The objects the client and call cmdlets write, and their format view (spec §4).
enum ClientCallObjects {
    static let settingTypeName = "TeamsSim.ClientSetting"
    static let callTypeName = "TeamsSim.Call"

    /// One user's "End-to-end encrypted calls" setting (a table view with fixed widths, so it
    /// prints at once and later objects of other types get their own views).
    static func object(_ state: ClientSettingState) -> Value {
        .object(PSCustomObject([
            ("User", .string(state.userPrincipalName)), ("EndToEndEncryptedCalls", .bool(state.endToEndEncryptedCalls)),
            ("Available", .bool(state.available)),
        ], typeName: settingTypeName))
    }

    /// A call: what the clients show (spec §4's properties, in its order), then the call's
    /// bookkeeping (clients, state, features used, times).
    static func object(_ call: Call) -> Value {
        func strings(_ features: [CallFeature]) -> Value { .object(PSArray(features.map { .string($0.rawValue) })) }
        return .object(PSCustomObject([
            ("CallId", .string(call.callId)), ("Caller", .string(call.caller)), ("Callee", .string(call.callee)),
            ("EndToEndEncrypted", .bool(call.endToEndEncrypted)), ("Indicator", .string(call.indicator)),
            ("SecurityCode", .string(call.securityCode)), ("CallerSecurityCode", .string(call.callerSecurityCode)),
            ("CalleeSecurityCode", .string(call.calleeSecurityCode)), ("Reason", .string(call.reason)),
            ("UnavailableFeatures", strings(call.unavailableFeatures)),
            ("CallerClient", .string(call.callerClient.rawValue)), ("CalleeClient", .string(call.calleeClient.rawValue)),
            ("State", .string(call.state.rawValue)), ("FeaturesUsed", strings(call.featuresUsed)),
            ("ParticipantCount", .int(Int32(clamping: call.participantCount))),
            ("StartTime", dateTime(call.startTime)), ("EndTime", call.endTime.map(dateTime) ?? .null),
        ], typeName: callTypeName))
    }

    static func dateTime(_ date: Date) -> Value {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let d = PSDateTime.make(c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0, kind: .utc)
        else { return .null }
        return .object(d)
    }

    /// The client settings' table, and the call's list view: what the call window shows (the indicator and the security code each
    /// side sees) and why a call is not end-to-end encrypted.
    static func registerViews(_ registry: FormatViewRegistry) {
        let items = ["CallId", "Caller", "Callee", "EndToEndEncrypted", "Indicator", "SecurityCode", "CallerSecurityCode",
                     "CalleeSecurityCode", "Reason", "UnavailableFeatures"]
        registry.register(FormatViewDefinition(name: "TeamsSimClientSetting", typeNames: [settingTypeName], control: .table(TableViewDefinition(columns: [
            .property("User", width: 36), .property("EndToEndEncryptedCalls", width: 22, alignment: .right),
            .property("Available", width: 9, alignment: .right),
        ]))))
        registry.register(FormatViewDefinition(name: "TeamsSimCall", typeNames: [callTypeName],
                                               control: .list(items.map { ListItemDefinition.property($0) })))
    }

    /// The call id a `-Call` argument names: a call object's CallId, or the text itself.
    static func callId(_ value: Value?) -> String {
        guard let value else { return "" }
        if case .object(let o) = value, let custom = o as? PSCustomObject, let id = custom.get("CallId") {
            return Conversion.toString(id)
        }
        return Conversion.toString(value)
    }
}

/// `Get-TeamsSimClientSetting [[-User] <user>]`
final class GetTeamsSimClientSettingCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        guard let user = rt.bound.string("User") else {
            for state in tenant.clientSettings() { try rt.writeObject(ClientCallObjects.object(state)) }
            return
        }
        do {
            try rt.writeObject(ClientCallObjects.object(try tenant.clientSetting(forUser: user)))
        } catch let error as TenantError {
            try rt.writeTenantError(error, target: .string(user))
        }
    }
}

/// `Set-TeamsSimClientSetting [-User] <user> -EndToEndEncryptedCalls <bool> [-PassThru]`
final class SetTeamsSimClientSettingCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let user = rt.bound.string("User") ?? ""
        let on = rt.bound["EndToEndEncryptedCalls"].map { Conversion.toBool($0) } ?? false
        let made = try rt.changeWorld(target: user) { world, validateOnly in
            try world.tenant.setClientSetting(forUser: user, endToEndEncryptedCalls: on, validateOnly: validateOnly)
        }
        if made, rt.bound.isOn("PassThru") {
            try rt.writeObject(ClientCallObjects.object(try rt.layer.world.tenant.clientSetting(forUser: user)))
        }
    }
}

/// `Start-TeamsSimCall [-Caller] <user> [-Callee] <user> [-CallerClient <kind>] [-CalleeClient <kind>] [-Intercepted]`
final class StartTeamsSimCallCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let caller = rt.bound.string("Caller") ?? "", callee = rt.bound.string("Callee") ?? ""
        let callerClient = rt.bound.string("CallerClient").flatMap(ClientKind.init(named:)) ?? .desktop
        let calleeClient = rt.bound.string("CalleeClient").flatMap(ClientKind.init(named:)) ?? .desktop
        let intercepted = rt.bound.isOn("Intercepted")
        var started: Call?
        try rt.changeWorld(target: caller + " -> " + callee) { world, validateOnly in
            if validateOnly {
                try world.tenant.checkCall(caller: caller, callee: callee)
            } else {
                started = try world.startCall(caller: caller, callee: callee, callerClient: callerClient,
                                              calleeClient: calleeClient, intercepted: intercepted)
            }
        }
        if let started { try rt.writeObject(ClientCallObjects.object(started)) }
    }
}

/// `Get-TeamsSimCall [[-CallId] <id>]`
final class GetTeamsSimCallCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        guard let id = rt.bound.string("CallId") else {
            for call in tenant.calls { try rt.writeObject(ClientCallObjects.object(call)) }
            return
        }
        do {
            try rt.writeObject(ClientCallObjects.object(try tenant.call(id)))
        } catch let error as TenantError {
            try rt.writeTenantError(error, target: .string(id))
        }
    }
}

/// `Stop-TeamsSimCall [-Call] <call or id> [-PassThru]`
final class StopTeamsSimCallCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let id = ClientCallObjects.callId(rt.bound["Call"])
        var ended: Call?
        let made = try rt.changeWorld(target: id) { world, validateOnly in
            ended = try world.stopCall(id, validateOnly: validateOnly)
        }
        if made, rt.bound.isOn("PassThru"), let ended { try rt.writeObject(ClientCallObjects.object(ended)) }
    }
}

/// `Invoke-TeamsSimCallFeature [-Call] <call or id> [-Feature] <feature> [-PassThru]`: refused
/// during an end-to-end encrypted call (facts §7.2).
final class InvokeTeamsSimCallFeatureCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let id = ClientCallObjects.callId(rt.bound["Call"])
        let name = rt.bound.string("Feature") ?? ""
        var updated: Call?
        let made = try rt.changeWorld(target: id) { world, validateOnly in
            guard let feature = CallFeature(named: name) else { throw TenantError.unknownCallFeature(name: name) }
            updated = try world.tenant.invokeCallFeature(id, feature: feature, validateOnly: validateOnly)
        }
        if made, rt.bound.isOn("PassThru"), let updated { try rt.writeObject(ClientCallObjects.object(updated)) }
    }
}
