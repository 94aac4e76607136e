import Foundation
import PowerShellRuntime

/// The text of one value inside a table cell, list entry or wide item (pwsh's
/// `PSObjectHelper.SmartToString`): collections as `{1, 2, 3, 4…}` up to
/// `$FormatEnumerationLimit`, dictionaries as `{[k, v]}`, everything else its `ToString()`;
/// floating-point numbers in generated tables with the culture's two decimals (`2.50`).
struct ValueText {
    let source: FormatValueSource
    let enumerationLimit: Int

    /// The display text; `formatFloat` is true for cells of tables generated from properties.
    func display(_ v: Value, formatFloat: Bool = false) -> String {
        switch v {
        case .null: return ""
        case .double(let d) where formatFloat: return ValueText.fixed2(d)
        case .decimal(let d) where formatFloat: return ValueText.fixed2(d)
        case .sized(let n) where formatFloat && n.kind == .single: return ValueText.fixed2(n.floating)
        case .object(let o):
            if let a = o as? PSArray { return enumerationText(a.items.lazy.map { ($0, false) }, count: a.count) }
            if let h = o as? PSHashtable {
                return enumerationText(zip(h.keys, h.values).lazy.map { (Value.object(DictionaryEntryObject(key: $0, value: $1)), true) }, count: h.count)
            }
            // Any other enumerable (GroupCollection, a List, …) is listed the same way.
            if let d = o as? PSDotNetObject, let items = d.enumeratedItems {
                return enumerationText(items.lazy.map { ($0, false) }, count: items.count)
            }
            return source.toString(v)
        default:
            return source.toString(v)
        }
    }

    /// Applies a column's format string, falling back to the display text.
    func display(_ v: Value, formatString: String?, formatFloat: Bool) -> String {
        if let f = formatString, !f.isEmpty, let fmt = source.format, let s = fmt(v, f) { return s }
        return display(v, formatFloat: formatFloat)
    }

    private func enumerationText<S: Sequence>(_ items: S, count: Int) -> String where S.Element == (Value, Bool) {
        var out = "{"
        var n = 0
        for (item, _) in items {
            if enumerationLimit >= 0 && n == enumerationLimit {
                out += "\u{2026}"
                break
            }
            if n > 0 { out += ", " }
            out += elementName(item)
            n += 1
        }
        return out + "}"
    }

    /// One element's name inside `{…}` (pwsh's GetObjectName): `$null` for null; its ToString
    /// when its type overrides ToString; else the first property named like a name (pwsh's
    /// GetDisplayNameExpression patterns: name, id, key, *key, *name, *id), else its ToString
    /// (a hashtable's type name).
    func elementName(_ v: Value) -> String {
        switch v {
        case .null: return "$null"
        case .object(let o) where o is PSHashtable: return o.typeFullName
        case .object(let o):
            if let e = o as? DictionaryEntryObject { return "[" + source.toString(e.key) + ", " + source.toString(e.value) + "]" }
            if let n = o as? PSNativeObject, !n.declaresToString, let name = displayName(v) { return name }
            return source.toString(v)
        default: return source.toString(v)
        }
    }

    private static let displayNamePatterns = ["name", "id", "key", "*key", "*name", "*id"].map { WildcardPattern($0) }

    private func displayName(_ v: Value) -> String? {
        let names = source.propertyNames(v)
        for pattern in ValueText.displayNamePatterns {
            if let match = names.first(where: { pattern.matches($0) }) {
                return source.property(v, match).map { source.toString($0) }
            }
        }
        return nil
    }

    /// .NET's `ToString("F")` in en-US: two decimals, rounded half away from zero.
    static func fixed2(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-\u{221E}" : "\u{221E}" }
        // Exact decimal expansion, then round at the second decimal.
        let exact = String(format: "%.40f", abs(d))
        return roundFixed(exact, negative: d < 0)
    }

    static func fixed2(_ d: PSDecimal) -> String {
        var value = d.value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let negative = rounded < 0
        let text = (negative ? -rounded : rounded).description
        var parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.isEmpty { parts = ["0"] }
        var frac = parts.count > 1 ? parts[1] : ""
        while frac.count < 2 { frac += "0" }
        return (negative ? "-" : "") + parts[0] + "." + frac
    }

    /// Rounds a plain decimal string (`123.456…`) to two decimals, half away from zero.
    private static func roundFixed(_ exact: String, negative: Bool) -> String {
        var digits = Array(exact.utf8)
        guard let dot = digits.firstIndex(of: 0x2E) else { return exact }
        var intPart = Array(digits[..<dot])
        var frac = Array(digits[(dot + 1)...])
        while frac.count < 3 { frac.append(0x30) }
        var keep = Array(frac[0..<2])
        if frac[2] >= 0x35 {
            // Carry into the kept digits.
            var i = 1
            var carry = true
            while carry && i >= 0 {
                if keep[i] == 0x39 { keep[i] = 0x30; i -= 1 } else { keep[i] += 1; carry = false }
            }
            var j = intPart.count - 1
            while carry && j >= 0 {
                if intPart[j] == 0x39 { intPart[j] = 0x30; j -= 1 } else { intPart[j] += 1; carry = false }
            }
            if carry { intPart.insert(0x31, at: 0) }
        }
        digits = intPart + [0x2E] + keep
        let allZero = !intPart.contains { $0 != 0x30 } && !keep.contains { $0 != 0x30 }
        let body = String(decoding: digits, as: UTF8.self)
        return (negative && !allZero ? "-" : "") + body
    }

    /// True for the types pwsh always prints with their ToString, never as a table or list
    /// (`DefaultScalarTypes`: strings, numbers, bool, char, enums, SecureString).
    static func isScalar(_ v: Value, typeNames: [String]) -> Bool {
        switch v {
        case .object(let o):
            if o is PSEnumValue { return true }
            if typeNames.count >= 2 && typeNames[1] == "System.Enum" { return true }
            guard let first = typeNames.first else { return false }
            return scalarTypeNames.contains(first.lowercased())
        default:
            return true
        }
    }

    private static let scalarTypeNames: Set<String> = [
        "system.string", "system.sbyte", "system.byte", "system.int16", "system.uint16", "system.int32",
        "system.uint32", "system.int64", "system.uint64", "system.char", "system.single", "system.double",
        "system.boolean", "system.decimal", "system.intptr", "system.security.securestring",
        "system.numerics.biginteger",
    ]

    /// pwsh's default column alignment from the first object's value: strings left, the scalar
    /// types (numbers, bool, char, enums) right, everything else left.
    static func defaultAlignment(_ v: Value?) -> Alignment {
        guard let v = v else { return .left }
        switch v {
        case .null, .string: return .left
        case .object(let o):
            if o is PSEnumValue { return .right }
            let names = o.typeNames
            if names.count >= 2 && names[1] == "System.Enum" { return .right }
            return isScalar(v, typeNames: names) ? .right : .left
        default: return .right
        }
    }
}

/// What a dictionary enumerates into when it is formatted: a Hashtable's
/// `System.Collections.DictionaryEntry` (one `Name`/`Value` row per entry, by its view), or a
/// generic Dictionary's `KeyValuePair<TKey,TValue>` (`$PSBoundParameters`), which has no view and
/// shows its `Key` and `Value` properties. `ToString()` gives `[key, value]` for both.
public final class DictionaryEntryObject: PSNativeObject {
    public let key: Value
    public let value: Value
    public let isKeyValuePair: Bool

    public init(key: Value, value: Value, isKeyValuePair: Bool = false) {
        self.key = key
        self.value = value
        self.isKeyValuePair = isKeyValuePair
    }

    public override var typeFullName: String {
        isKeyValuePair ? "System.Collections.Generic.KeyValuePair`2[[System.String],[System.Object]]" : "System.Collections.DictionaryEntry"
    }
    public override var typeHierarchy: [String] { [typeFullName, "System.ValueType", "System.Object"] }
    public override var propertyNames: [String] { isKeyValuePair ? ["Key", "Value"] : ["Name", "Key", "Value"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "key": return key
        case "name": return isKeyValuePair ? nil : key
        case "value": return value
        default: return nil
        }
    }

    public override func toPSString() -> String {
        "[" + BasicValueSource.toString(key) + ", " + BasicValueSource.toString(value) + "]"
    }
}

