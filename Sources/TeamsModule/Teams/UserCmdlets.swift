import Foundation
import PowerShellRuntime
import TeamsTenant

/// `Get-CsOnlineUser [[-Identity] <string>] [-Filter <string>] [-ResultSize <n>]`: users with the
/// common properties and one property per policy type (the direct assignment, `$null` when none).
final class GetCsOnlineUserCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        if let identity = rt.bound.string("Identity") {
            guard let user = tenant.findUser(identity) else {
                try rt.writeTenantError(.userNotFound(identity: identity), target: .string(identity))
                return
            }
            try rt.writeObject(GetCsOnlineUserCommand.object(user, tenant.catalog))
            return
        }
        var filter: UserFilter?
        if let text = rt.bound.string("Filter") {
            do {
                filter = try UserFilter(text, catalog: tenant.catalog)
            } catch let error as UserFilter.SyntaxError {
                try rt.throwTerminating(rt.makeError(.argumentException, error.message, errorId: "InvalidFilter", category: .InvalidArgument,
                                                     target: .string(text)))
            }
        }
        var limit = Int.max
        if let size = rt.bound["ResultSize"], !size.isNull, let n = try? Conversion.toInt64(size) { limit = Int(max(0, n)) }
        var written = 0
        let properties = GetCsOnlineUserCommand.policyProperties(tenant.catalog)
        for user in tenant.users where written < limit {
            if let filter, !filter.matches(user) { continue }
            try rt.writeObject(.object(OnlineUserObject(user, policyProperties: properties)))
            written += 1
        }
    }

    static let typeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.User"

    /// The catalog's type names, sorted (computed once for the standard catalog).
    static func policyProperties(_ catalog: PolicyCatalog) -> [String] {
        catalog == .standard ? standardPolicyProperties : catalog.names.sorted { $0.lowercased() < $1.lowercased() }
    }

    private static let standardPolicyProperties = PolicyCatalog.standard.names.sorted { $0.lowercased() < $1.lowercased() }

    /// The user with the common properties, then one property per policy type of the catalog
    /// (alphabetically, as the module's user objects list them): the direct assignment or `$null`.
    static func object(_ user: TenantUser, _ catalog: PolicyCatalog) -> Value {
        .object(OnlineUserObject(user, policyProperties: policyProperties(catalog)))
    }
}

/// A user as Get-CsOnlineUser returns it. Its properties are read from the tenant's user when a
/// script asks for them, so listing or counting 100,000 users builds no property tables; a
/// script may still set them (its own copy changes, not the tenant) or add members.
final class OnlineUserObject: PSNativeObject {
    static let commonProperties = ["Identity", "UserPrincipalName", "Alias", "DisplayName", "AccountEnabled", "SipAddress", "ObjectId"]

    let user: TenantUser
    let policyProperties: [String]
    /// Values a script set, by lower-cased name.
    private var assigned: [String: Value] = [:]

    init(_ user: TenantUser, policyProperties: [String]) {
        self.user = user
        self.policyProperties = policyProperties
    }

    override var typeFullName: String { GetCsOnlineUserCommand.typeName }
    override var propertyNames: [String] { OnlineUserObject.commonProperties + policyProperties }

    override func property(_ name: String) -> Value? {
        let key = name.lowercased()
        if let value = assigned[key] { return value }
        switch key {
        case "identity", "objectid": return .string(user.objectId)
        case "userprincipalname": return .string(user.userPrincipalName)
        case "alias": return .string(user.alias)
        case "displayname": return .string(user.displayName)
        case "accountenabled": return .bool(user.accountEnabled)
        case "sipaddress": return .string(user.sipAddress)
        default:
            guard let type = policyProperties.first(where: { $0.lowercased() == key }) else { return nil }
            return user.policies[type].map { .string($0) } ?? .null
        }
    }

    override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard property(name) != nil else { return false }
        assigned[name.lowercased()] = value
        return true
    }

    override func toPSString() -> String {
        "@{" + propertyNames.map { "\($0)=\(property($0).map { Conversion.toString($0) } ?? "")" }.joined(separator: "; ") + "}"
    }
}

/// `Get-CsUserPolicyAssignment -Identity <user> [-PolicyType <type>]`: a row per policy type with
/// a direct or group assignment; nothing for types that fall back to Global (spec §3).
final class GetCsUserPolicyAssignmentCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        let identity = rt.bound.string("Identity") ?? rt.bound["InputObject"].map { Conversion.toString($0) } ?? ""
        do {
            for row in try tenant.policyAssignments(forUser: identity, policyType: rt.bound.string("PolicyType")) {
                let sources = row.policySource.map { Value.object(PolicySourceObject($0)) }
                try rt.writeObject(.object(PSCustomObject([
                    ("PolicyType", .string(row.policyType)), ("PolicyName", .string(row.policyName)),
                    ("PolicySource", .object(PSArray(sources))),
                ], typeName: "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.EffectivePolicy")))
            }
        } catch let error as TenantError {
            try rt.writeTenantError(error, target: .string(identity))
        }
    }
}

/// One entry of PolicySource: AssignmentType, PolicyName, Reference; prints as its policy name
/// (`{CustomeE2EEPolicy}` in the row).
final class PolicySourceObject: PSNativeObject {
    let source: PolicyAssignmentSource

    init(_ source: PolicyAssignmentSource) {
        self.source = source
    }

    override var typeFullName: String { "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.PolicySource" }
    override var propertyNames: [String] { ["AssignmentType", "PolicyName", "Reference"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "assignmenttype": return .string(source.assignmentType)
        case "policyname": return .string(source.policyName)
        case "reference": return source.reference.map { .string($0) } ?? .null
        default: return nil
        }
    }

    override func toPSString() -> String { source.policyName }
}
