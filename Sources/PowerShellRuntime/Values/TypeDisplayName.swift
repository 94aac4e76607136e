import Foundation

/// How pwsh writes a type's name in member definitions (ToStringCodeMethods.Type in
/// MshObject.cs at v7.6.5): the built-in type accelerator when the type has one (`int`,
/// `string`, `datetime`, `hashtable`, `cultureinfo`), arrays and generic arguments written
/// the same way (`string[]`, `System.Collections.Generic.List[int]`), else the full name — or,
/// with `dropNamespaces` (note properties' GetDisplayTypeNameOfValue), the bare name.
extension PSType {
    /// T for `System.Nullable<T>`, else nil.
    public var nullableUnderlying: PSType? {
        guard fullName.hasPrefix("System.Nullable`1"), genericArguments.count == 1 else { return nil }
        return genericArguments[0]
    }
}

public enum TypeDisplayName {
    /// Full name (lower-cased) → the accelerator FindBuiltinAccelerator returns: the first of
    /// pwsh's names for a type (`int` before `int32`, `float` before `single`, `psobject`
    /// before `pscustomobject`).
    private static let acceleratorByFullName: [String: String] = {
        var map: [String: String] = [:]
        let preferred: Set<String> = ["float", "int", "short", "long", "psobject", "ushort", "uint", "ulong"]
        for (name, full) in TypeResolver.accelerators {
            let key = full.lowercased()
            if map[key] == nil || preferred.contains(name) { map[key] = name }
        }
        return map
    }()

    /// The display text of a type given by its .NET full name (`System.Int32`,
    /// `System.String[]`, ``System.Collections.Generic.List`1[[System.Int32]]``).
    public static func of(_ fullName: String, dropNamespaces: Bool = false) -> String {
        var name = fullName
        var arraySuffix = ""
        while name.hasSuffix("]"), let open = matchingOpen(name), isArrayRank(name, from: open) {
            arraySuffix = String(name[open...]) + arraySuffix
            name = String(name[..<open])
        }
        if let tick = name.firstIndex(of: "`"), let open = name.firstIndex(of: "["), tick < open, name.hasSuffix("]") {
            let base = String(name[..<tick])
            let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            let args = splitGenericArguments(inner).map { of($0, dropNamespaces: dropNamespaces) }
            return shortName(base, dropNamespaces: dropNamespaces) + "[" + args.joined(separator: ",") + "]" + arraySuffix
        }
        if let accelerator = acceleratorByFullName[name.lowercased()] { return accelerator + arraySuffix }
        return shortName(name, dropNamespaces: dropNamespaces) + arraySuffix
    }

    private static func shortName(_ full: String, dropNamespaces: Bool) -> String {
        guard dropNamespaces, let dot = full.lastIndex(of: ".") else { return full }
        return String(full[full.index(after: dot)...])
    }

    /// The `[` that opens the trailing bracket group of `name`.
    private static func matchingOpen(_ name: String) -> String.Index? {
        var depth = 0
        var i = name.endIndex
        while i > name.startIndex {
            i = name.index(before: i)
            if name[i] == "]" { depth += 1 }
            if name[i] == "[" {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// `[]` or `[,]`: an array rank rather than generic arguments.
    private static func isArrayRank(_ name: String, from open: String.Index) -> Bool {
        name[name.index(after: open)..<name.index(before: name.endIndex)].allSatisfy { $0 == "," }
    }

    /// `[System.Int32],[System.String]` or `System.Int32,System.String` → the argument names.
    private static func splitGenericArguments(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in text {
            switch c {
            case "[": depth += 1; current.append(c)
            case "]": depth -= 1; current.append(c)
            case "," where depth == 0:
                parts.append(current)
                current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts.map { part in
            var p = part.trimmingCharacters(in: .whitespaces)
            if p.hasPrefix("[") && p.hasSuffix("]") && !isArrayRankOnly(p) { p = String(p.dropFirst().dropLast()) }
            // `System.Int32, System.Private.CoreLib, …`: drop an assembly qualification.
            if let comma = p.firstIndex(of: ","), !p[..<comma].contains("[") { p = String(p[..<comma]) }
            return p
        }
    }

    private static func isArrayRankOnly(_ p: String) -> Bool { p.dropFirst().dropLast().allSatisfy { $0 == "," } }
}
