/// Compiled-in commands. A cmdlet is a class that declares its parameters as data
/// (`CommandDeclaration`) and implements begin/process/end; the runtime binds parameters,
/// streams pipeline input one object at a time and routes what it writes.

/// The parameters bound for one invocation (and updated per pipeline object).
///
/// A command binds a handful of parameters and its code asks for them by name many times per
/// call, so they are kept in bind order in small arrays and found by a scan that compares names
/// ignoring case in place (pwsh's OrdinalIgnoreCase): no lower-cased copy of the asked name is
/// made and nothing is hashed.
public final class BoundParameters {
    /// Canonical names in the order they were bound (for `$PSBoundParameters`).
    public private(set) var order: [String] = []
    /// `order` lower-cased, and the values, at the same positions.
    private var keys: [String] = []
    private var stored: [Value] = []
    /// Where the parameter each pipeline object binds to (the processor's fast path) sits.
    private var pipelineSlot = -1
    private var pipelineKey = ""
    /// The parameter set the binder chose.
    public var parameterSetName: String = "__AllParameterSets"

    public init() {}

    /// Values by lower-cased canonical parameter name.
    public var values: [String: Value] {
        var table: [String: Value] = [:]
        table.reserveCapacity(keys.count)
        for (k, v) in zip(keys, stored) { table[k] = v }
        return table
    }

    /// The bound parameters' names lower-cased, in bind order.
    var foldedNames: [String] { keys }

    /// The position of a parameter, by any spelling of its name.
    @inline(__always)
    private func slot(_ name: String) -> Int? {
        var i = 0
        while i < order.count {
            if StringCompare.equalsIgnoreCase(order[i], name) { return i }
            i += 1
        }
        return nil
    }

    public subscript(_ name: String) -> Value? { slot(name).map { stored[$0] } }

    /// A parameter by its already lower-cased name (hot per-object paths).
    @inline(__always)
    public subscript(folded key: String) -> Value? {
        if pipelineSlot >= 0, key == pipelineKey { return stored[pipelineSlot] }
        return slot(key).map { stored[$0] }
    }

    public func has(_ name: String) -> Bool { slot(name) != nil }

    public func set(_ name: String, _ value: Value) {
        if let i = slot(name) {
            stored[i] = value
            return
        }
        order.append(name)
        keys.append(name.lowercased())
        stored.append(value)
    }

    /// `set` for a name already lower-cased (the pipeline's per-object fast path): after the
    /// first object, the value goes straight to the parameter's remembered position.
    @inline(__always)
    public func set(folded: String, name: String, _ value: Value) {
        if pipelineSlot >= 0, folded == pipelineKey {
            stored[pipelineSlot] = value
            return
        }
        set(name, value)
        pipelineKey = folded
        pipelineSlot = slot(folded) ?? -1
    }

    public func remove(_ name: String) {
        guard let i = slot(name) else { return }
        order.remove(at: i)
        keys.remove(at: i)
        stored.remove(at: i)
        pipelineSlot = -1
        pipelineKey = ""
    }

    /// True when a switch parameter is present and not `-Switch:$false`.
    public func isOn(_ name: String) -> Bool {
        guard let v = self[name] else { return false }
        return Conversion.toBool(v)
    }

    public func string(_ name: String) -> String? {
        guard let v = self[name], !v.isNull else { return nil }
        return Conversion.toString(v)
    }

    /// A string array parameter (a scalar becomes one element).
    public func strings(_ name: String) -> [String]? {
        guard let v = self[name], !v.isNull else { return nil }
        if let a = v.array { return a.items.map { Conversion.toString($0) } }
        return [Conversion.toString(v)]
    }

    public func int(_ name: String) -> Int? {
        guard let v = self[name], !v.isNull else { return nil }
        return (try? Conversion.toInt64(v)).map { Int($0) }
    }

    /// The values as a list (an array parameter, or a scalar as one element).
    public func list(_ name: String) -> [Value]? {
        guard let v = self[name] else { return nil }
        if let a = v.array { return a.items }
        return [v]
    }

    /// `$PSBoundParameters` as pwsh shows it (a Dictionary[string, object], in bind order).
    public func asHashtable() -> PSHashtable {
        let h = PSHashtable(ordered: true)
        h.isBoundParameters = true
        for (n, v) in zip(order, stored) { h.set(.string(n), v) }
        return h
    }
}

/// The base class of compiled-in cmdlets. One instance per command in a pipeline.
open class Cmdlet {
    public required init() {}

    /// Runs once before the first input object.
    open func begin(_ rt: CommandRuntime) throws {}

    /// Runs once per pipeline input object (once with no input when the command is first in
    /// the pipeline). Pipeline-bound parameters are already bound in `rt.bound`.
    open func process(_ rt: CommandRuntime) throws {}

    /// Runs once after the last input object.
    open func end(_ rt: CommandRuntime) throws {}
}

/// A compiled-in command's registration: its declaration and the class that runs it.
public struct CmdletRegistration {
    public let declaration: CommandDeclaration
    public let type: Cmdlet.Type

    public init(declaration: CommandDeclaration, type: Cmdlet.Type) {
        self.declaration = declaration
        self.type = type
    }
}

/// The preference that decides what happens to a stream's records.
public enum ActionPreference: String, CaseIterable {
    case SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break

    public static func parse(_ v: Value) -> ActionPreference? {
        if case .object(let o) = v, let e = o as? PSEnumValue {
            return allCases.first { $0.numericValue == e.value }
        }
        if let n = try? Conversion.toInt64(v), case .int = v { return allCases.first { $0.numericValue == n } }
        let s = Conversion.toString(v)
        return allCases.first { $0.rawValue.caseInsensitiveCompare(s) == .orderedSame }
    }

    /// .NET's numeric value of the enum member.
    public var numericValue: Int64 {
        switch self {
        case .SilentlyContinue: return 0
        case .Stop: return 1
        case .Continue: return 2
        case .Inquire: return 3
        case .Ignore: return 4
        case .Suspend: return 5
        case .Break: return 6
        }
    }

    public static let enumDefinition = PSEnumDefinition(
        name: "ActionPreference", fullName: "System.Management.Automation.ActionPreference",
        members: allCases.map { ($0.rawValue, $0.numericValue) })
}
