/// Compiled-in commands. A cmdlet is a class that declares its parameters as data
/// (`CommandDeclaration`) and implements begin/process/end; the runtime binds parameters,
/// streams pipeline input one object at a time and routes what it writes.

/// The parameters bound for one invocation (and updated per pipeline object).
public final class BoundParameters {
    /// Values by lower-cased canonical parameter name.
    public var values: [String: Value] {
        flushPipelineValue()
        return storedValues
    }
    private var storedValues: [String: Value] = [:]
    /// The parameter each pipeline object binds to on the processor's fast path. Its newest
    /// value waits here, unhashed, until something reads the table as a whole.
    private var pipelineKey: String?
    private var pipelineValue: Value = .null
    private var pipelineValuePending = false
    /// Canonical names in the order they were bound (for `$PSBoundParameters`).
    public private(set) var order: [String] = []
    /// The parameter set the binder chose.
    public var parameterSetName: String = "__AllParameterSets"

    public init() {}

    public subscript(_ name: String) -> Value? { values[name.foldedForLookup] }

    /// A parameter by its already lower-cased name (hot per-object paths).
    @inline(__always)
    public subscript(folded key: String) -> Value? {
        if pipelineValuePending, key == pipelineKey { return pipelineValue }
        return values[key]
    }

    public func has(_ name: String) -> Bool { values[name.lowercased()] != nil }

    public func set(_ name: String, _ value: Value) {
        let key = name.lowercased()
        settle(key)
        if storedValues[key] == nil { order.append(name) }
        storedValues[key] = value
    }

    /// `set` for a name already lower-cased (the pipeline's per-object fast path): after the
    /// first object, the value is only held aside, not hashed into the table.
    @inline(__always)
    public func set(folded: String, name: String, _ value: Value) {
        if folded == pipelineKey {
            pipelineValue = value
            pipelineValuePending = true
            return
        }
        flushPipelineValue()
        if storedValues.updateValue(value, forKey: folded) == nil { order.append(name) }
        pipelineKey = folded
    }

    public func remove(_ name: String) {
        let key = name.lowercased()
        settle(key)
        guard storedValues.removeValue(forKey: key) != nil else { return }
        order.removeAll { $0.lowercased() == key }
    }

    /// Writes a held-aside pipeline value into the table before `key` is changed directly,
    /// and stops holding values aside for it.
    private func settle(_ key: String) {
        flushPipelineValue()
        if key == pipelineKey { pipelineKey = nil }
    }

    /// Moves a held-aside pipeline value into the table.
    private func flushPipelineValue() {
        guard pipelineValuePending, let key = pipelineKey else { return }
        storedValues[key] = pipelineValue
        pipelineValuePending = false
    }

    /// True when a switch parameter is present and not `-Switch:$false`.
    public func isOn(_ name: String) -> Bool {
        guard let v = values[name.lowercased()] else { return false }
        return Conversion.toBool(v)
    }

    public func string(_ name: String) -> String? {
        guard let v = values[name.lowercased()], !v.isNull else { return nil }
        return Conversion.toString(v)
    }

    /// A string array parameter (a scalar becomes one element).
    public func strings(_ name: String) -> [String]? {
        guard let v = values[name.lowercased()], !v.isNull else { return nil }
        if let a = v.array { return a.items.map { Conversion.toString($0) } }
        return [Conversion.toString(v)]
    }

    public func int(_ name: String) -> Int? {
        guard let v = values[name.lowercased()], !v.isNull else { return nil }
        return (try? Conversion.toInt64(v)).map { Int($0) }
    }

    /// The values as a list (an array parameter, or a scalar as one element).
    public func list(_ name: String) -> [Value]? {
        guard let v = values[name.lowercased()] else { return nil }
        if let a = v.array { return a.items }
        return [v]
    }

    /// `$PSBoundParameters` as pwsh shows it (a Dictionary[string, object], in bind order).
    public func asHashtable() -> PSHashtable {
        let h = PSHashtable(ordered: true)
        h.isBoundParameters = true
        for n in order { if let v = values[n.lowercased()] { h.set(.string(n), v) } }
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
