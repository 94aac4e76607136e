import Foundation
import PowerShellRuntime
import TeamsTenant

/// What every `*-Cs*` command does first: refuse to run before Connect-MicrosoftTeams (spec §2).
class TeamsCsCmdlet: Cmdlet {
    override func begin(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        if layer.connection == nil {
            try rt.throwTerminating(rt.makeError(.unauthorizedAccessException,
                                                 "You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.",
                                                 errorId: "UnauthorizedAccessException", category: .AuthenticationError))
        }
    }

    /// Runs a tenant change as `CommandRuntime.changeWorld` does; true when the change was made.
    @discardableResult
    func change(_ rt: CommandRuntime, target: String, _ body: (_ world: World, _ validateOnly: Bool) throws -> Void) throws -> Bool {
        try rt.changeWorld(target: target, body)
    }
}

/// The generic policy cmdlets: each reads its policy type from its own name's noun in the
/// tenant's catalog, so one class serves every descriptor (DESIGN "declare, don't hand-code").
class PolicyCmdlet: TeamsCsCmdlet {
    func descriptor(_ rt: CommandRuntime) throws -> PolicyTypeDescriptor {
        let name = rt.declaration.name
        guard let (d, _) = try rt.layer.world.catalog.policyCmdlet(named: name) else {
            throw RuntimeError(.invalidOperationException, "'\(name)' is not a policy cmdlet.", errorId: "UnknownPolicyCmdlet")
        }
        return d
    }

    /// A policy instance as the module returns it.
    static func object(_ instance: PolicyInstance, _ d: PolicyTypeDescriptor, _ rt: CommandRuntime) -> Value {
        PolicyValues.object(instance, d, context: rt.context)
    }

    /// The setting changes given as parameters; a value no setting can hold is a non-terminating
    /// error of the command (nil: the command stops for this input).
    func changes(_ rt: CommandRuntime, _ d: PolicyTypeDescriptor, target: String) throws -> [String: PolicySettingChange]? {
        var changes: [String: PolicySettingChange] = [:]
        for setting in d.settings where setting.isParameter {
            guard let v = rt.bound[setting.name] else { continue }
            do {
                changes[setting.name] = try PolicyValues.change(v, for: setting, context: rt.context)
            } catch let error as TenantError {
                try rt.writeTenantError(error, target: .string(target))
                return nil
            } catch let error as RuntimeError {
                try rt.writeError(error.record)
                return nil
            }
        }
        return changes
    }
}

/// `Get-<Policy> [[-Identity] <string>]` / `-Filter <string>`
final class GetPolicyCommand: PolicyCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let d = try descriptor(rt)
        let tenant = try rt.layer.world.tenant
        do {
            if let identity = rt.bound.string("Identity") {
                try rt.writeObject(PolicyCmdlet.object(try tenant.policy(ofType: d.name, identity: identity), d, rt))
            } else if let filter = rt.bound.string("Filter") {
                for p in try tenant.policies(ofType: d.name, filter: filter) { try rt.writeObject(PolicyCmdlet.object(p, d, rt)) }
            } else {
                for p in try tenant.policies(ofType: d.name) { try rt.writeObject(PolicyCmdlet.object(p, d, rt)) }
            }
        } catch let error as TenantError {
            try rt.writeTenantError(error, target: .string(rt.bound.string("Identity") ?? ""))
        }
    }
}

/// `New-<Policy> [-Identity] <string> [settings…]`: writes the new policy.
final class NewPolicyCommand: PolicyCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let d = try descriptor(rt)
        let identity = rt.bound.string("Identity") ?? ""
        guard let values = try changes(rt, d, target: identity) else { return }
        var created: PolicyInstance?
        let made = try change(rt, target: identity) { world, validateOnly in
            created = try world.tenant.newPolicy(ofType: d.name, identity: identity, changes: values, validateOnly: validateOnly)
        }
        if made, let created { try rt.writeObject(PolicyCmdlet.object(created, d, rt)) }
    }
}

/// `Set-<Policy> [[-Identity] <string>] [settings…]`: Global when no Identity; a policy piped
/// to `-Instance` names the instance when no Identity is given.
final class SetPolicyCommand: PolicyCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let d = try descriptor(rt)
        var identity = rt.bound.string("Identity")
        if identity == nil, let instance = rt.bound["Instance"], !instance.isNull,
           let piped = try Members.getProperty(instance, "Identity", hooks: rt.context.hooks), !piped.isNull {
            identity = Conversion.toString(piped, hooks: rt.context.hooks)
        }
        guard let values = try changes(rt, d, target: identity ?? "Global") else { return }
        try change(rt, target: identity ?? "Global") { world, validateOnly in
            try world.tenant.setPolicy(ofType: d.name, identity: identity, changes: values, validateOnly: validateOnly)
        }
    }
}

/// `Remove-<Policy> [-Identity] <string>` (also by property name from the pipeline).
final class RemovePolicyCommand: PolicyCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let d = try descriptor(rt)
        let identity = rt.bound.string("Identity") ?? ""
        try change(rt, target: identity) { world, validateOnly in
            try world.tenant.removePolicy(ofType: d.name, identity: identity, validateOnly: validateOnly)
        }
    }
}

/// `Grant-<Policy> [[-Identity] <user>] [[-PolicyName] <name>]`, `-Global`, `-Group <g> [-Rank n]`.
/// Writes nothing, also with -PassThru (spec §3).
final class GrantPolicyCommand: PolicyCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let d = try descriptor(rt)
        guard rt.bound.has("PolicyName") else {
            try rt.throwTerminating(rt.makeError(.parameterBindingException, "Cannot process command because of one or more missing mandatory parameters: PolicyName.",
                                                 errorId: "MissingMandatoryParameter", category: .InvalidArgument))
        }
        var policyName = rt.bound.string("PolicyName")
        if policyName?.isEmpty == true { policyName = nil }
        if let group = rt.bound.string("Group") {
            let rank = rt.bound.int("Rank")
            try change(rt, target: group) { world, validateOnly in
                try world.grantPolicyToGroup(ofType: d.name, group: group, policyName: policyName, rank: rank, validateOnly: validateOnly)
            }
        } else if rt.bound.isOn("Global") {
            try change(rt, target: "Global") { world, validateOnly in
                try world.tenant.grantPolicyGlobally(ofType: d.name, policyName: policyName, validateOnly: validateOnly)
            }
        } else if let user = rt.bound.string("Identity") {
            try change(rt, target: user) { world, validateOnly in
                try world.tenant.grantPolicy(ofType: d.name, toUser: user, policyName: policyName, validateOnly: validateOnly)
            }
        } else {
            try rt.throwTerminating(rt.makeError(.parameterBindingException, "Cannot process command because of one or more missing mandatory parameters: Global.",
                                                 errorId: "MissingMandatoryParameter", category: .InvalidArgument))
        }
    }
}
