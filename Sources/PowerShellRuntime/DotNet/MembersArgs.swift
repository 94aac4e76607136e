import Foundation

/// The arguments of one .NET method call, converted to parameter types on demand the way pwsh's
/// method binder does (`"abc".Substring("1")` works). A failed conversion raises pwsh's
/// MethodArgumentConversionInvalidCastArgument error naming the parameter.
struct MethodArgs {
    let values: [Value]
    let hooks: RuntimeHooks

    init(_ values: [Value], _ hooks: RuntimeHooks) {
        self.values = values
        self.hooks = hooks
    }

    @inline(__always) var count: Int { values.count }

    /// Throws MethodCountCouldNotFindBest unless the count is one of `allowed`.
    func expect(_ allowed: ClosedRange<Int>) throws {
        if !allowed.contains(values.count) { throw MemberFailure.noOverload }
    }

    func expect(_ n: Int) throws {
        if values.count != n { throw MemberFailure.noOverload }
    }

    subscript(_ i: Int) -> Value { i < values.count ? values[i] : .null }

    private func converted(_ i: Int, _ type: PSType, _ parameter: String) throws -> Value {
        let v = self[i]
        do {
            return try Conversion.convert(v, to: type, hooks: hooks)
        } catch let e as RuntimeError {
            throw MemberFailure.conversion(parameter: parameter, value: v, type: type.fullName, message: e.record.exception.message)
        }
    }

    /// A System.Int32 parameter.
    func int(_ i: Int, _ parameter: String) throws -> Int {
        switch self[i] {
        case .int(let n): return Int(n)
        default:
            if case .int(let n) = try converted(i, TypeResolver.int32, parameter) { return Int(n) }
            throw MemberFailure.noOverload
        }
    }

    /// A System.Int64 parameter.
    func long(_ i: Int, _ parameter: String) throws -> Int64 {
        switch self[i] {
        case .int(let n): return Int64(n)
        case .long(let n): return n
        default:
            if case .long(let n) = try converted(i, TypeResolver.int64, parameter) { return n }
            throw MemberFailure.noOverload
        }
    }

    /// A System.Double parameter.
    func double(_ i: Int, _ parameter: String) throws -> Double {
        switch self[i] {
        case .double(let d): return d
        case .int(let n): return Double(n)
        case .long(let n): return Double(n)
        default:
            if case .double(let d) = try converted(i, TypeResolver.double, parameter) { return d }
            throw MemberFailure.noOverload
        }
    }

    /// A System.String parameter. pwsh converts every argument to the parameter's type, and
    /// $null converts to "" (LanguagePrimitives.ConvertNullToString), so a .NET method never
    /// sees a null string from a script: `'abc'.Contains($null)` is `'abc'.Contains('')`.
    func string(_ i: Int) -> String {
        switch self[i] {
        case .null: return ""
        case .string(let s): return s
        default: return Conversion.toString(self[i], hooks: hooks)
        }
    }

    /// A System.Char parameter.
    func char(_ i: Int, _ parameter: String) throws -> UInt16 {
        switch self[i] {
        case .char(let c): return c
        case .string(let s) where s.utf16.count == 1: return s.utf16.first ?? 0
        default:
            if case .char(let c) = try converted(i, TypeResolver.char, parameter) { return c }
            throw MemberFailure.noOverload
        }
    }

    /// A System.Boolean parameter (PowerShell truthiness, as the binder converts).
    func bool(_ i: Int) -> Bool { Conversion.toBool(self[i]) }

    /// The items of an array argument, or the one value.
    func items(_ i: Int) -> [Value] {
        if let a = self[i].array { return a.items }
        if self[i].isNull { return [] }
        return [self[i]]
    }

    /// A `char[]` parameter: each item one UTF-16 unit.
    func chars(_ i: Int, _ parameter: String) throws -> [UInt16] {
        var out: [UInt16] = []
        for item in items(i) {
            switch item {
            case .char(let c): out.append(c)
            case .string(let s) where s.utf16.count == 1: out.append(s.utf16.first ?? 0)
            default:
                let c = try Conversion.convert(item, to: TypeResolver.char, hooks: hooks)
                guard case .char(let u) = c else { throw MemberFailure.noOverload }
                out.append(u)
            }
        }
        return out
    }

    /// A `string[]` parameter.
    func strings(_ i: Int) -> [String] {
        items(i).map { Conversion.toString($0, hooks: hooks) }
    }

    /// True when the argument is a char, or a one-character string, as a `char` overload takes.
    func isCharLike(_ i: Int) -> Bool {
        switch self[i] {
        case .char: return true
        default: return false
        }
    }

    func isArray(_ i: Int) -> Bool { self[i].array != nil }

    /// A value of a .NET enum parameter, by member name (flags joined by commas), enum value or number.
    func enumValue(_ i: Int, _ definition: PSEnumDefinition, _ parameter: String) throws -> Int64 {
        let v = self[i]
        if let n = DotNetEnums.value(of: v, in: definition) { return n }
        let names = definition.members.map { $0.name }.joined(separator: ", ")
        let text = Conversion.toString(v, hooks: hooks)
        throw MemberFailure.conversion(
            parameter: parameter, value: v, type: definition.fullName,
            message: "Cannot convert value \"\(text)\" to type \"\(definition.fullName)\". Error: \"Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names)\"")
    }

    /// True when argument `i` names a member of the enum (used to pick between overloads).
    func isEnum(_ i: Int, _ definition: PSEnumDefinition) -> Bool {
        if case .object(let o) = self[i], let e = o as? PSEnumValue { return e.definition === definition }
        return false
    }
}
