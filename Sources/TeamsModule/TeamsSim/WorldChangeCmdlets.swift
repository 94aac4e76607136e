import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// The change objects Compare-TeamsSimTenant writes, and their view: each prints as the lines of
/// `teamsh -Plan` (`+ TeamsMeetingPolicy Tag:Sales`, then `    Setting: old → new`).
enum WorldChangeObjects {
    static let typeName = "TeamsSim.WorldChange"
    static let detailTypeName = "TeamsSim.WorldChangeDetail"

    static func registerViews(_ registry: FormatViewRegistry) {
        registry.register(FormatViewDefinition(name: "TeamsSimWorldChange", typeNames: [typeName], control: .custom({ value, _ in
            guard case .object(let o) = value, let change = (o as? WorldChangeObject)?.change else { return "" }
            return change.lines.joined(separator: "\n")
        })))
    }
}

/// One change: Action (`Add`, `Change`, `Remove`), Kind (`policy`, `userAssignment`, …), Target
/// (what the plan's line names), Subject (the identifying fields, as an ordered dictionary) and
/// Details (Name, Old, New per value that differs; Old or New is absent on an addition or
/// removal). Prints as its plan line.
final class WorldChangeObject: PSNativeObject {
    let change: WorldChange

    init(_ change: WorldChange) {
        self.change = change
    }

    override var typeFullName: String { WorldChangeObjects.typeName }
    override var propertyNames: [String] { ["Action", "Kind", "Target", "Subject", "Details"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "action": return .string(change.action.rawValue.prefix(1).uppercased() + change.action.rawValue.dropFirst())
        case "kind": return .string(change.kind.rawValue)
        case "target": return .string(change.target)
        case "subject":
            let table = PSHashtable(ordered: true)
            for (key, value) in change.subject { table.set(.string(key), .string(value)) }
            return .object(table)
        case "details":
            return .object(PSArray(change.details.map { .object(WorldChangeDetailObject($0, action: change.action)) }))
        default: return nil
        }
    }

    override func toPSString() -> String { change.lines.first ?? "" }
}

/// One value that differs: Name, Old, New (as PowerShell values); prints as the plan's line.
final class WorldChangeDetailObject: PSNativeObject {
    let detail: WorldChange.Detail
    let action: WorldChange.Action

    init(_ detail: WorldChange.Detail, action: WorldChange.Action) {
        self.detail = detail
        self.action = action
    }

    override var typeFullName: String { WorldChangeObjects.detailTypeName }
    override var propertyNames: [String] { ["Name", "Old", "New"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "name": return .string(detail.name)
        case "old": return detail.old.map(PolicyValues.plain) ?? .null
        case "new": return detail.new.map(PolicyValues.plain) ?? .null
        default: return nil
        }
    }

    override func toPSString() -> String {
        let value = WorldChange(action, .policy, target: "", subject: [], details: [detail]).lines.last ?? ""
        return value.trimmingCharacters(in: .whitespaces)
    }
}

/// `Compare-TeamsSimTenant [-ReferencePath] <file> [[-DifferencePath] <file>]`: the changes that
/// turn the reference world into the difference world (the session's world when no difference
/// file is given), as `teamsh -Plan` lists them. A file that is not a world is an error naming it;
/// nothing is compared.
final class CompareTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let referencePath = rt.context.resolvePath(rt.bound.string("ReferencePath") ?? "")
        let reference: World, difference: World
        // The session's own world file is its world: the file alone lacks the changes its
        // journal holds until teamsh exits.
        func world(_ path: String) throws -> World {
            if let store = layer.store, store.keeps(path) { return layer.world.copy() }
            return try WorldStore.read(from: path)
        }
        do {
            reference = try world(referencePath)
            if let path = rt.bound.string("DifferencePath") {
                difference = try world(rt.context.resolvePath(path))
            } else {
                difference = layer.world
            }
        } catch let error as WorldStoreError {
            try rt.throwTerminating(rt.makeError(.invalidOperationException, error.message, errorId: "TenantFileRefused",
                                                 category: .InvalidData, target: .string(referencePath)))
        }
        for change in WorldDiff.changes(from: reference, to: difference) {
            try rt.writeObject(.object(WorldChangeObject(change)))
        }
    }
}
