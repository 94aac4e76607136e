import Foundation

/// The built-in .NET enums that member calls take or return, with .NET's values: the type
/// resolver's definitions where it has them (so a cast and a property give the same enum),
/// and the few only members use.
public enum DotNetEnums {
    public static let stringComparison = definition(TypeResolver.stringComparison)
    public static let stringSplitOptions = definition(TypeResolver.stringSplitOptions)
    public static let midpointRounding = definition(TypeResolver.midpointRounding)
    public static let dayOfWeek = definition(TypeResolver.dayOfWeek)
    public static let regexOptions = definition(TypeResolver.regexOptions)
    public static let psMemberTypes = definition(TypeResolver.psMemberTypes)
    public static let dateTimeKind = PSEnumDefinition(
        name: "DateTimeKind", fullName: "System.DateTimeKind",
        members: [("Unspecified", 0), ("Utc", 1), ("Local", 2)])
    public static let whereOperatorSelectionMode = PSEnumDefinition(
        name: "WhereOperatorSelectionMode", fullName: "System.Management.Automation.WhereOperatorSelectionMode",
        members: [("Default", 0), ("First", 1), ("Last", 2), ("SkipUntil", 3), ("Until", 4), ("Split", 5)])
    public static let environmentVariableTarget = PSEnumDefinition(
        name: "EnvironmentVariableTarget", fullName: "System.EnvironmentVariableTarget",
        members: [("Process", 0), ("User", 1), ("Machine", 2)])
    /// System.IO.FileAttributes ([Flags]), .NET's values.
    public static let fileAttributes = PSEnumDefinition(
        name: "FileAttributes", fullName: "System.IO.FileAttributes",
        members: [("ReadOnly", 1), ("Hidden", 2), ("System", 4), ("Directory", 16), ("Archive", 32), ("Device", 64), ("Normal", 128),
                  ("Temporary", 256), ("SparseFile", 512), ("ReparsePoint", 1024), ("Compressed", 2048), ("Offline", 4096),
                  ("NotContentIndexed", 8192), ("Encrypted", 16384), ("IntegrityStream", 32768), ("NoScrubData", 131072)],
        isFlags: true)
    public static let base64FormattingOptions = PSEnumDefinition(
        name: "Base64FormattingOptions", fullName: "System.Base64FormattingOptions",
        members: [("None", 0), ("InsertLineBreaks", 1)], isFlags: true)

    /// The definition behind an enum type of the type resolver.
    static func definition(_ t: PSType) -> PSEnumDefinition {
        if case .enumeration(let d) = t.kind { return d }
        return PSEnumDefinition(name: t.name, fullName: t.fullName, members: [])
    }

    /// Every enum above, for type resolution by full name.
    public static let all: [PSEnumDefinition] = [
        stringComparison, stringSplitOptions, midpointRounding, dayOfWeek, dateTimeKind, regexOptions,
        whereOperatorSelectionMode, base64FormattingOptions, environmentVariableTarget, fileAttributes,
    ]

    /// The definition with this full (or short) name, case-insensitively.
    public static func named(_ name: String) -> PSEnumDefinition? {
        var n = name
        if n.hasPrefix("[") && n.hasSuffix("]") { n = String(n.dropFirst().dropLast()) }
        return all.first {
            $0.fullName.caseInsensitiveCompare(n) == .orderedSame || $0.name.caseInsensitiveCompare(n) == .orderedSame
        }
    }

    /// A value of `definition` from an enum value, a member name (comma-separated for flags),
    /// or a number; nil when it names no member.
    public static func value(of v: Value, in definition: PSEnumDefinition) -> Int64? {
        switch v {
        case .object(let o):
            if let e = o as? PSEnumValue { return e.value }
            return nil
        case .int(let i): return Int64(i)
        case .long(let l): return l
        case .sized(let n): return n.integer
        case .string(let s):
            var total: Int64 = 0
            let parts = definition.isFlags ? s.split(separator: ",").map(String.init) : [s]
            for part in parts {
                let t = part.trimmingCharacters(in: .whitespaces)
                if let m = definition.member(named: t) {
                    total |= m.value
                } else if let n = Int64(t) {
                    total |= n
                } else {
                    return nil
                }
            }
            return total
        default:
            return nil
        }
    }

    public static func make(_ definition: PSEnumDefinition, _ value: Int64) -> Value {
        .object(PSEnumValue(definition, value))
    }
}
