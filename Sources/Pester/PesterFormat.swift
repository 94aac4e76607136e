import Foundation
import PowerShellRuntime

/// Pester's Format-Nicely: how assertion messages show values (`'text'`, `$null`, `@(1, 2)`,
/// `[int]`, `$true`).
enum PesterFormat {
    /// PowerShell's short names for accelerated types, as `[string][int]` gives them.
    static let shortTypeNames: [String: String] = [
        "System.Int32": "int", "System.Int64": "long", "System.String": "string", "System.Boolean": "bool",
        "System.Double": "double", "System.Decimal": "decimal", "System.Char": "char", "System.Byte": "byte",
        "System.SByte": "sbyte", "System.Int16": "short", "System.UInt16": "ushort", "System.UInt32": "uint",
        "System.UInt64": "ulong", "System.Single": "float", "System.Object": "System.Object",
        "System.Collections.Hashtable": "hashtable", "System.DateTime": "datetime", "System.Management.Automation.ScriptBlock": "scriptblock",
        "System.Text.RegularExpressions.Regex": "regex", "System.Guid": "guid", "System.Version": "version",
        "System.Management.Automation.SwitchParameter": "switch", "System.Xml.XmlDocument": "xml",
        "System.Management.Automation.PSObject": "psobject", "System.Numerics.BigInteger": "bigint",
        "System.Collections.Specialized.OrderedDictionary": "ordered", "System.Uri": "uri",
        "System.Array": "array", "System.Management.Automation.PSCustomObject": "System.Management.Automation.PSCustomObject",
    ]

    static func typeText(_ fullName: String) -> String { shortTypeNames[fullName] ?? fullName }

    /// The .NET type full name of a value (what `.GetType()` gives).
    static func typeName(of v: Value) -> String { Members.typeFullName(v) }

    static func nicely(_ v: Value, hooks: RuntimeHooks? = nil) -> String {
        switch v {
        case .null: return "$null"
        case .bool(let b): return b ? "$true" : "$false"
        case .string(let s): return s.isEmpty ? "<empty>" : "'\(s)'"
        case .int, .long, .double, .decimal, .sized: return Conversion.toString(v)
        case .char: return Conversion.toString(v)
        case .object(let o):
            if let t = o as? PSTypeObject { return "[" + typeText(t.type.fullName) + "]" }
            if let sb = o as? ScriptBlock { return "{" + sb.text + "}" }
            if let a = o as? PSArray {
                let limit = 10
                var parts = a.items.prefix(limit).map { nicely($0, hooks: hooks) }
                let more = a.items.count > limit ? ", ...\(a.items.count - limit) more" : ""
                if parts.isEmpty { parts = [] }
                return "@(" + parts.joined(separator: ", ") + more + ")"
            }
            return hooks.map { Conversion.toString(v, hooks: $0) } ?? Conversion.toString(v)
        }
    }

    /// ` because it matters,` (or nothing) for -Because.
    static func because(_ text: String?) -> String {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return "" }
        let cleaned = t.replacingOccurrences(of: "because\\s", with: "", options: .regularExpression)
        return " because \(cleaned),"
    }
}
