import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// Batch operation objects (docs of Get-CsBatchPolicyAssignmentOperation: the table of
/// operations, one operation's details, the state of each user).
enum BatchObjects {
    static let operationTypeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.BatchAssignmentOperation"
    static let userStateTypeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.UserState"

    /// An operation; `detailed` adds each user's state (what `-Identity` returns).
    static func operation(_ o: BatchPolicyAssignmentOperation, detailed: Bool) -> Value {
        let users: Value = detailed ? .object(PSArray(o.userState.map(userState))) : .null
        return .object(PSCustomObject([
            ("OperationId", .string(o.operationId)), ("OperationName", .string(o.operationName)),
            ("OverallStatus", .string(o.overallStatus)), ("CreatedBy", .string(o.createdBy)),
            ("CreatedTime", DateTimeText.value(o.createdTime)), ("CompletedTime", o.completedTime.map(DateTimeText.value) ?? .null),
            ("CompletedCount", .int(Int32(clamping: o.completedCount))), ("ErrorCount", .int(Int32(clamping: o.errorCount))),
            ("InProgressCount", .int(Int32(clamping: o.inProgressCount))), ("NotStartedCount", .int(Int32(clamping: o.notStartedCount))),
            ("UserState", users),
        ], typeName: operationTypeName))
    }

    static func userState(_ s: BatchUserState) -> Value {
        .object(PSCustomObject([("Id", .string(s.id)), ("Result", .string(s.result)), ("State", .string(s.state))], typeName: userStateTypeName))
    }

    static func registerViews(_ registry: FormatViewRegistry) {
        registry.register(FormatViewDefinition(name: "BatchAssignmentOperation", typeNames: [operationTypeName], control: .table(TableViewDefinition(columns: [
            .property("OperationId"), .property("OperationName"), .property("OverallStatus"), .property("CreatedTime"), .property("CreatedBy"),
        ]))))
    }
}

/// `New-CsBatchPolicyAssignmentOperation -PolicyType <t> [-PolicyName <n>] -Identity <users[]> [-OperationName <text>]`:
/// writes the operation's id.
final class NewCsBatchPolicyAssignmentOperationCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let b = rt.bound
        let type = b.string("PolicyType") ?? "", name = b.string("PolicyName")
        let identities = (b.list("Identity") ?? []).map { Conversion.toString($0, hooks: rt.context.hooks) }
        let operationName = b.string("OperationName") ?? ""
        var operation: BatchPolicyAssignmentOperation?
        let made = try change(rt, target: type) { world, validateOnly in
            operation = try world.runBatchAssignment(policyType: type, policyName: name, identities: identities,
                                                     operationName: operationName, validateOnly: validateOnly)
        }
        if made, let operation { try rt.writeObject(.string(operation.operationId)) }
    }
}

/// `Get-CsBatchPolicyAssignmentOperation [-Status <s>]` / `-Identity <operation id>`
final class GetCsBatchPolicyAssignmentOperationCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        if let id = rt.bound.string("Identity") {
            do {
                try rt.writeObject(BatchObjects.operation(try tenant.batchOperation(id), detailed: true))
            } catch let error as TenantError {
                try rt.writeTenantError(error, target: .string(id))
            }
            return
        }
        for operation in tenant.batchOperations(status: rt.bound.string("Status")) {
            try rt.writeObject(BatchObjects.operation(operation, detailed: false))
        }
    }
}

/// `Get-CsOnlinePstnUsage [[-Identity] Global]`: one object holding the tenant's usages.
final class GetCsOnlinePstnUsageCommand: TeamsCsCmdlet {
    static let typeName = "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Voice.PstnUsages"

    override func process(_ rt: CommandRuntime) throws {
        let usages = try rt.layer.world.tenant.pstnUsages
        try rt.writeObject(.object(PSCustomObject([
            ("Identity", .string("Global")),
            ("Usage", .object(PSArray(usages.map { .string($0) }, kind: .genericList(elementType: "System.String")))),
        ], typeName: GetCsOnlinePstnUsageCommand.typeName)))
    }
}

/// `Set-CsOnlinePstnUsage [[-Identity] Global] -Usage <list or @{Add=…;Remove=…}>`
final class SetCsOnlinePstnUsageCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let usage = rt.bound["Usage"] else { return }
        let hooks = rt.context.hooks
        func strings(_ v: Value) -> [PolicyValue] { PolicyValues.items(v).map { .string(Conversion.toString($0, hooks: hooks)) } }
        let usageChange: PolicySettingChange
        if let table = PolicyValues.listModifier(usage) {
            func entry(_ key: String) -> [PolicyValue]? { table.first { $0.key == key }.map { strings($0.value) } }
            usageChange = .modify(add: entry("add") ?? [], remove: entry("remove") ?? [], replace: entry("replace"))
        } else {
            usageChange = .value(.list(strings(usage)))
        }
        try change(rt, target: rt.bound.string("Identity") ?? "Global") { world, validateOnly in
            if !validateOnly { world.tenant.setPstnUsages(usageChange) }
        }
    }
}

/// `New-CsVoiceNormalizationRule -Identity <parent/name> … -InMemory` or `-Parent <p> -Name <n> … -InMemory`:
/// a rule object to add to a tenant dial plan (`New-CsTenantDialPlan -NormalizationRules @{Add=$rule}`).
final class NewCsVoiceNormalizationRuleCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let b = rt.bound
        var identity = b.string("Identity") ?? ""
        var name = identity
        if let slash = identity.lastIndex(of: "/") {
            name = String(identity[identity.index(after: slash)...])
        } else if let parent = b.string("Parent"), let given = b.string("Name") {
            name = given
            identity = parent + "/" + given
        }
        var fields: [String: PolicyValue] = ["Identity": .string(identity), "Name": .string(name)]
        for field in ["Description", "Pattern", "Translation"] { if let text = b.string(field) { fields[field] = .string(text) } }
        if let flag = b["IsInternalExtension"] { fields["IsInternalExtension"] = .bool(Conversion.toBool(flag)) }
        if let priority = b.int("Priority") { fields["Priority"] = .int(priority) }
        let type = PolicyRecordType.normalizationRule
        guard let record = try? type.canonical(.record(fields), setting: "NormalizationRule") else { return }
        guard try rt.shouldProcess(target: identity, action: rt.declaration.name) else { return }
        try rt.writeObject(PolicyRecordClasses.instance(record, type, context: rt.context))
    }
}

extension DateTimeText {
    /// A simulated instant as a UTC DateTime.
    static func value(_ date: Date) -> Value {
        let unixEpochTicks: Int64 = 621_355_968_000_000_000
        return .object(PSDateTime(ticks: unixEpochTicks + Int64(date.timeIntervalSince1970) * ticksPerSecond, kind: .utc))
    }
}
