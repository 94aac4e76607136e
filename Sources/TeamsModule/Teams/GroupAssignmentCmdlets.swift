import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// New-/Get-/Set-/Remove-CsGroupPolicyAssignment (facts §4.1–4.2): ranked group assignments,
/// renumbered 1, 2, 3… after each change.
enum GroupAssignmentObjects {
    static let typeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.GroupAssignment"

    static func object(_ a: GroupPolicyAssignment) -> Value {
        .object(PSCustomObject([
            ("GroupId", .string(a.groupId)), ("PolicyType", .string(a.policyType)), ("PolicyName", .string(a.policyName)),
            ("Rank", .int(Int32(clamping: a.rank))), ("CreatedTime", DateTimeText.value(a.createdTime)),
            ("CreatedBy", .string(a.createdBy)),
        ], typeName: typeName))
    }
}

/// `Get-CsGroupPolicyAssignment [-GroupId <id>] [-PolicyType <type>]`
final class GetCsGroupPolicyAssignmentCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let tenant = try rt.layer.world.tenant
        do {
            for a in try tenant.groupPolicyAssignments(ofType: rt.bound.string("PolicyType"), group: rt.bound.string("GroupId")) {
                try rt.writeObject(GroupAssignmentObjects.object(a))
            }
        } catch let error as TenantError {
            try rt.writeTenantError(error)
        }
    }
}

/// `New-CsGroupPolicyAssignment -GroupId -PolicyType -PolicyName [-Rank]`
final class NewCsGroupPolicyAssignmentCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let group = rt.bound.string("GroupId") ?? "", type = rt.bound.string("PolicyType") ?? "", name = rt.bound.string("PolicyName") ?? ""
        let rank = rt.bound.int("Rank")
        var created: GroupPolicyAssignment?
        let made = try change(rt, target: group) { world, validateOnly in
            created = try world.newGroupPolicyAssignment(group: group, policyType: type, policyName: name, rank: rank, validateOnly: validateOnly)
        }
        if made, rt.bound.isOn("PassThru"), let created { try rt.writeObject(GroupAssignmentObjects.object(created)) }
    }
}

/// `Set-CsGroupPolicyAssignment -GroupId -PolicyType [-PolicyName] [-Rank]`
final class SetCsGroupPolicyAssignmentCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let group = rt.bound.string("GroupId") ?? "", type = rt.bound.string("PolicyType") ?? ""
        let name = rt.bound.string("PolicyName"), rank = rt.bound.int("Rank")
        try change(rt, target: group) { world, validateOnly in
            try world.tenant.setGroupPolicyAssignment(group: group, policyType: type, policyName: name, rank: rank, validateOnly: validateOnly)
        }
    }
}

/// `Remove-CsGroupPolicyAssignment -GroupId -PolicyType`
final class RemoveCsGroupPolicyAssignmentCommand: TeamsCsCmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let group = rt.bound.string("GroupId") ?? "", type = rt.bound.string("PolicyType") ?? ""
        try change(rt, target: group) { world, validateOnly in
            try world.tenant.removeGroupPolicyAssignment(group: group, policyType: type, validateOnly: validateOnly)
        }
    }
}

/// The module's format views: each policy type's list view (from its descriptor) and the group
/// assignment table.
enum TeamsViews {
    static func register(_ registry: FormatViewRegistry, catalog: PolicyCatalog) {
        for d in catalog.descriptors {
            registry.register(FormatViewDefinition(name: "Deserialized" + d.name + "View", typeNames: [d.objectTypeName],
                                                   control: .list(d.propertyOrder.map { ListItemDefinition.property($0) })))
        }
        registry.register(FormatViewDefinition(name: "GroupAssignment", typeNames: [GroupAssignmentObjects.typeName], control: .table(TableViewDefinition(columns: [
            .property("GroupId"), .property("PolicyType"), .property("PolicyName"), .property("Rank"), .property("CreatedTime"), .property("CreatedBy"),
        ]))))
    }
}
