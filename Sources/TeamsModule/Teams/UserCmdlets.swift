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
        let catalog = tenant.catalog
        for user in tenant.users where written < limit {
            if let filter, !filter.matches(user) { continue }
            try rt.writeObject(GetCsOnlineUserCommand.object(user, catalog))
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
        var pairs: [(String, Value)] = [
            ("Identity", .string(user.objectId)),
            ("UserPrincipalName", .string(user.userPrincipalName)),
            ("Alias", .string(user.alias)),
            ("DisplayName", .string(user.displayName)),
            ("AccountEnabled", .bool(user.accountEnabled)),
            ("SipAddress", .string(user.sipAddress)),
            ("ObjectId", .string(user.objectId)),
        ]
        for name in policyProperties(catalog) {
            pairs.append((name, user.policies[name].map { .string($0) } ?? .null))
        }
        return .object(PSCustomObject(pairs, typeName: typeName))
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
