import Foundation
import PowerShellRuntime

/// What formatting needs to know about values, as closures the host fills in from the
/// runtime's `Conversion` and `Members` (property lookup, `ToString()`, the default display
/// property set). Formatting compiles against `Value` alone, and tests can bring their own.
public struct FormatValueSource {
    /// Property names in display order (`Get-Member -MemberType Properties` order).
    public var propertyNames: (Value) -> [String]
    /// The type's DefaultDisplayPropertySet, when it has one.
    public var defaultDisplayProperties: (Value) -> [String]?
    /// A property's value; nil when the object has no such property.
    public var property: (Value, String) -> Value?
    /// The text `"$x"` / `.ToString()` gives (pwsh's PSObject.ToString).
    public var toString: (Value) -> String
    /// Applies a .NET format string (`N2`, `{0:N2}`) to a value; nil when it cannot.
    public var format: ((Value, String) -> String?)?

    public init(propertyNames: @escaping (Value) -> [String],
                defaultDisplayProperties: @escaping (Value) -> [String]? = { _ in nil },
                property: @escaping (Value, String) -> Value?,
                toString: @escaping (Value) -> String,
                format: ((Value, String) -> String?)? = nil) {
        self.propertyNames = propertyNames
        self.defaultDisplayProperties = defaultDisplayProperties
        self.property = property
        self.toString = toString
        self.format = format
    }

    /// A source that understands the value model directly: PSCustomObject note properties,
    /// instance note properties, PSNativeObject properties and a simple `ToString()`. Enough for
    /// tests and for the host until it wires in `Conversion` and `Members`.
    public static let basic = FormatValueSource(
        propertyNames: BasicValueSource.propertyNames,
        defaultDisplayProperties: BasicValueSource.defaultDisplayProperties,
        property: BasicValueSource.property,
        toString: BasicValueSource.toString)
}

/// The closures behind `FormatValueSource.basic`.
enum BasicValueSource {
    static func propertyNames(_ v: Value) -> [String] {
        guard case .object(let o) = v else { return [] }
        var names: [String]
        switch o {
        case let c as PSCustomObject: names = c.names
        case let c as PSClassInstance: names = c.properties.names
        case let n as PSNativeObject: names = n.propertyNames
        case let a as PSArray:
            names = a.isFixedSize ? ["Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize", "IsSynchronized", "Count"]
                : ["Capacity", "Count", "IsFixedSize", "IsReadOnly", "IsSynchronized", "SyncRoot"]
        case is PSHashtable: names = ["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"]
        default: names = []
        }
        if let extra = o.instanceMembers {
            for m in extra.members {
                if case .scriptMethod = m.kind { continue }
                if !names.contains(where: { $0.caseInsensitiveCompare(m.name) == .orderedSame }) { names.append(m.name) }
            }
        }
        return names
    }

    static func defaultDisplayProperties(_ v: Value) -> [String]? {
        guard case .object(let o) = v, let n = o as? PSNativeObject else { return nil }
        return n.defaultDisplayProperties
    }

    static func property(_ v: Value, _ name: String) -> Value? {
        guard case .object(let o) = v else { return nil }
        if let m = o.instanceMembers?.get(name) {
            switch m.kind {
            case .noteProperty(let value): return value
            case .aliasProperty(let target): return property(v, target)
            case .scriptProperty, .scriptMethod: return nil
            }
        }
        switch o {
        case let c as PSCustomObject: return c.get(name)
        case let c as PSClassInstance: return c.properties.get(name)
        case let n as PSNativeObject: return n.property(name)
        case let a as PSArray:
            switch name.lowercased() {
            case "count", "length": return .int(Int32(clamping: a.count))
            default: return nil
            }
        case let h as PSHashtable:
            if name.lowercased() == "count" { return .int(Int32(clamping: h.count)) }
            return nil
        default: return nil
        }
    }

    static func toString(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .long(let l): return String(l)
        case .double(let d): return basicDoubleText(d)
        case .decimal(let d): return d.description
        case .string(let s): return s
        case .char(let c): return String(decoding: CollectionOfOne(c), as: UTF16.self)
        case .sized(let n):
            if n.kind == .single { return basicDoubleText(n.floating) }
            if n.kind == .uint64 { return String(n.uint64Value) }
            return n.bigDigits ?? String(n.integer)
        case .object(let o):
            switch o {
            case let a as PSArray: return a.items.map { elementText($0) }.joined(separator: " ")
            case let c as PSCustomObject:
                return "@{" + zip(c.names, c.values).map { "\($0)=\(elementText($1))" }.joined(separator: "; ") + "}"
            case let n as PSNativeObject: return n.toPSString()
            case let s as ScriptBlock: return s.text
            default: return o.typeFullName
            }
        }
    }

    private static func elementText(_ v: Value) -> String {
        if case .object(let o) = v, o is PSArray { return o.typeFullName }
        return toString(v)
    }

    /// Round-trip text close to .NET's "R" for the common cases (tests only; the host passes
    /// the runtime's NumberFormatting).
    static func basicDoubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}
