import Foundation

/// Conversions to the native .NET value types that the Members files model as classes
/// (DateTime, TimeSpan, Guid, Version, SemanticVersion, StringBuilder, …). The Members code
/// registers one converter per type full name (lower-cased) at start-up; a converter returns
/// nil when it cannot convert (the caller then raises pwsh's cast error) or throws its own
/// RuntimeError.
public enum NativeConversions {
    /// Converter by lower-cased .NET full name, e.g. `system.datetime`.
    nonisolated(unsafe) public static var converters: [String: (Value) throws -> Value?] = [:]

    public static func register(_ fullName: String, _ convert: @escaping (Value) throws -> Value?) {
        converters[fullName.lowercased()] = convert
    }

    /// Converters for every instance of a generic type (`System.Collections.Generic.HashSet`1`,
    /// lower-cased, up to the backtick and arity), given the constructed type.
    nonisolated(unsafe) public static var genericConverters: [String: (PSType, Value) throws -> Value?] = [:]

    public static func registerGeneric(_ definition: String, _ convert: @escaping (PSType, Value) throws -> Value?) {
        genericConverters[definition.lowercased()] = convert
    }

    static func generic(_ type: PSType) -> ((PSType, Value) throws -> Value?)? {
        guard !type.genericArguments.isEmpty, let open = type.fullName.firstIndex(of: "[") else { return nil }
        return genericConverters[type.fullName[..<open].lowercased()]
    }
}

extension Conversion {
    // MARK: Errors

    /// pwsh's cast failure: a RuntimeException (errorId from LanguagePrimitives, category
    /// InvalidArgument) around a PSInvalidCastException carrying the same message.
    public static func castError(_ v: Value, _ type: PSType, errorId: String, inner: String?, hooks: RuntimeHooks? = nil) -> RuntimeError {
        let message: String
        if case .null = v {
            message = "Cannot convert null to type \"\(type.fullName)\"."
        } else if let inner = inner {
            message = "Cannot convert value \"\(toString(v, hooks: hooks))\" to type \"\(type.fullName)\". Error: \"\(inner)\""
        } else {
            message = "Cannot convert the \"\(messageText(v, hooks: hooks))\" value of type \"\(typeOf(v).fullName)\" to type \"\(type.fullName)\"."
        }
        let cast = PSExceptionObject(.psInvalidCastException, message)
        let ex = PSExceptionObject(.runtimeException, message, inner: cast)
        let record = ErrorRecord(exception: ex, errorId: errorId, category: .InvalidArgument, targetObject: .null)
        return RuntimeError(record)
    }

    /// A value as error messages quote it (`ToString()`; arrays show their type name).
    static func messageText(_ v: Value, hooks: RuntimeHooks?) -> String {
        if case .object(let o) = v, o is PSArray { return o.typeFullName }
        return toString(v, hooks: hooks)
    }

    static func finalCastError(_ v: Value, _ type: PSType, hooks: RuntimeHooks?) -> RuntimeError {
        castError(v, type, errorId: "ConvertToFinalInvalidCastException", inner: nil, hooks: hooks)
    }

    // MARK: convert

    /// A cast (`[T]$x`) or parameter coercion. Throws pwsh's cast errors.
    public static func convert(_ v: Value, to type: PSType, hooks: RuntimeHooks? = nil) throws -> Value {
        switch type.kind {
        case .object, .psobject:
            return v
        case .void:
            return .null
        case .int32:
            if case .int = v { return v }
            return try toNumeric(v, type, hooks: hooks)
        case .int64, .double, .decimal, .sized:
            return try toNumeric(v, type, hooks: hooks)
        case .string:
            switch v {
            case .string: return v
            case .null: return .string("")
            default: return .string(toString(v, hooks: hooks))
            }
        case .bool, .switchParameter:
            if case .bool = v { return v }
            return .bool(toBool(v))
        case .char:
            return try toChar(v, type, hooks: hooks)
        case .array(let element):
            return try toArray(v, element: element, type: type, hooks: hooks)
        case .list(let element):
            if case .null = v { return .null }
            if let a = v.array, case .genericList(let e) = a.kind, e == element.fullName { return v }
            let items = enumerate(v) ?? [v]
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for x in items { out.append(try convert(x, to: element, hooks: hooks)) }
            return .object(PSArray(out, kind: .genericList(elementType: element.fullName)))
        case .arrayList:
            if case .null = v { return .null }
            if let a = v.array, case .arrayList = a.kind { return v }
            return .object(PSArray(enumerate(v) ?? [v], kind: .arrayList))
        case .hashtable:
            if case .null = v { return .null }
            if let h = v.hashtable {
                if !h.isOrdered { return v }
                let copy = PSHashtable()
                for (k, x) in zip(h.keys, h.values) { copy.set(k, x) }
                return .object(copy)
            }
            throw finalCastError(v, type, hooks: hooks)
        case .ordered:
            if case .null = v { return .null }
            if let h = v.hashtable {
                if h.isOrdered { return v }
                let copy = PSHashtable(ordered: true)
                for (k, x) in zip(h.keys, h.values) { copy.set(k, x) }
                return .object(copy)
            }
            throw finalCastError(v, type, hooks: hooks)
        case .pscustomobject:
            if let h = v.hashtable { return .object(customObject(from: h, hooks: hooks)) }
            return v
        case .scriptblock:
            if case .null = v { return .null }
            if v.reference is ScriptBlock { return v }
            throw finalCastError(v, type, hooks: hooks)
        case .type:
            if case .null = v { return .null }
            if v.reference is PSTypeObject { return v }
            if case .string(let s) = v {
                if let ambiguous = hooks?.ambiguousTypeMessage(s) {
                    throw castError(v, type, errorId: "AmbiguousTypeReference", inner: ambiguous, hooks: hooks)
                }
                if let t = TypeResolver.resolve(name: s, hooks: hooks) { return .object(PSTypeObject(t)) }
                throw castError(v, type, errorId: "InvalidCastFromStringToType",
                                inner: "Unable to find type [\(s)].", hooks: hooks)
            }
            throw finalCastError(v, type, hooks: hooks)
        case .regex:
            if case .null = v { return .null }
            if v.reference is PSRegex { return v }
            let pattern = toString(v, hooks: hooks)
            do {
                return .object(try PSRegex(pattern: pattern, options: []))
            } catch let e as RegexSyntaxError {
                throw castError(v, type, errorId: "InvalidCastFromStringToRegex", inner: e.message, hooks: hooks)
            }
        case .enumeration(let def):
            return try toEnum(v, def, type, hooks: hooks)
        case .exception(let kind):
            if case .null = v { return .null }
            if case .object(let o) = v, o.typeHierarchy.contains(where: { $0.caseInsensitiveCompare(type.fullName) == .orderedSame }) { return v }
            if case .string(let s) = v { return .object(PSExceptionObject(kind, s)) }
            throw finalCastError(v, type, hooks: hooks)
        case .psClass(let def):
            if case .null = v { return .null }
            if isInstance(v, of: type) { return v }
            guard let h = hooks else { throw finalCastError(v, type, hooks: hooks) }
            if let table = v.hashtable {
                let made = try h.constructClass(def, [])
                guard let inst = made.reference as? PSClassInstance else { return made }
                for (k, x) in zip(table.keys, table.values) {
                    inst.properties.set(toString(k, hooks: hooks), x)
                }
                return made
            }
            return try h.constructClass(def, [v])
        case .datetime, .timespan, .guid, .version, .semanticVersion, .stringBuilder, .securestring,
             .pscredential, .errorRecord, .named:
            if case .null = v { return .null }
            if case .object(let o) = v {
                let target = type.fullName
                if o.typeHierarchy.contains(where: { $0.caseInsensitiveCompare(target) == .orderedSame }) { return v }
            }
            if let conv = NativeConversions.converters[type.fullName.lowercased()], let r = try conv(v) { return r }
            if let conv = NativeConversions.generic(type), let r = try conv(type, v) { return r }
            if case .string(let s) = v, let failure = parseFailure(s, type) {
                throw castError(v, type, errorId: failure.errorId, inner: failure.message, hooks: hooks)
            }
            throw finalCastError(v, type, hooks: hooks)
        }
    }

    /// Why a string does not parse as a native value type, in .NET's words, with the errorId of
    /// pwsh's Parse-method conversion (types with a Parse(string, IFormatProvider) get the
    /// `WithFormatProvider` id).
    static func parseFailure(_ s: String, _ type: PSType) -> (errorId: String, message: String)? {
        switch type.kind {
        case .version:
            let parts = s.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count < 2 || parts.count > 4 {
                return ("InvalidCastParseTargetInvocation", "Version string portion was too short or too long.")
            }
            for p in parts where Int32(p.trimmingCharacters(in: .whitespaces)) == nil {
                return ("InvalidCastParseTargetInvocation", "The input string '\(p)' was not in a correct format.")
            }
            return ("InvalidCastParseTargetInvocation", "Version's parameters must be greater than or equal to zero.")
        case .semanticVersion:
            // SemanticVersion.Parse's FormatException carries the parameter name as its message.
            return ("InvalidCastParseTargetInvocation", "version")
        case .datetime:
            return ("InvalidCastParseTargetInvocationWithFormatProvider", "String '\(s)' was not recognized as a valid DateTime.")
        case .timespan:
            return ("InvalidCastParseTargetInvocationWithFormatProvider", "String '\(s)' was not recognized as a valid TimeSpan.")
        case .guid:
            return ("InvalidCastParseTargetInvocationWithFormatProvider", "Unrecognized Guid format.")
        default:
            return nil
        }
    }

    /// Parameter coercion: like `convert`, except that `[bool]` and `[switch]` parameters take
    /// only booleans and numbers (pwsh's binder rule); the binder prefixes the message with
    /// "Cannot process argument transformation on parameter 'X'. ".
    public static func convertArgument(_ v: Value, to type: PSType, hooks: RuntimeHooks? = nil) throws -> Value {
        switch type.kind {
        case .bool, .switchParameter:
            switch v {
            case .bool: return v
            case .int, .long, .double, .decimal, .sized, .null: return .bool(toBool(v))
            default:
                if let a = v.array, a.items.count == 1 { return try convertArgument(a.items[0], to: type, hooks: hooks) }
                let msg = "Cannot convert value \"\(typeOf(v).fullName)\" to type \"\(type.fullName)\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0."
                let cast = PSExceptionObject(.psInvalidCastException, msg)
                throw RuntimeError(ErrorRecord(exception: PSExceptionObject(.runtimeException, msg, inner: cast),
                                               errorId: "InvalidCastExceptionForBooleanArgumentValue", category: .InvalidArgument))
            }
        default:
            return try convert(v, to: type, hooks: hooks)
        }
    }

    /// `[pscustomobject]@{…}`: note properties in the hashtable's order.
    public static func customObject(from h: PSHashtable, hooks: RuntimeHooks?) -> PSCustomObject {
        let o = PSCustomObject()
        for (k, x) in zip(h.keys, h.values) {
            let name = toString(k, hooks: hooks)
            if name.caseInsensitiveCompare("PSTypeName") == .orderedSame {
                o.extraTypeNames.insert(toString(x, hooks: hooks), at: 0)
                continue
            }
            o.set(name, x)
        }
        return o
    }

    // MARK: Numbers

    private static func toNumeric(_ v: Value, _ type: PSType, hooks: RuntimeHooks?) throws -> Value {
        switch v {
        case .null:
            if case .sized(.bigInteger) = type.kind { return .sized(SizedNumber(kind: .bigInteger, integer: 0)) }
            return try convertNumber(.integer(0), to: type)
        case .string(let s):
            return try parseNumber(s, to: type, original: v, hooks: hooks)
        case .object(let o):
            if let e = o as? PSEnumValue {
                do { return try convertNumber(.integer(e.value), to: type) } catch let e as NumberOverflow {
                    throw castError(v, type, errorId: "InvalidCastIConvertible", inner: e.message, hooks: hooks)
                }
            }
            throw finalCastError(v, type, hooks: hooks)
        default:
            guard let n = number(v) else { throw finalCastError(v, type, hooks: hooks) }
            do { return try convertNumber(n, to: type) } catch let e as NumberOverflow {
                throw castError(v, type, errorId: "InvalidCastIConvertible", inner: e.message, hooks: hooks)
            }
        }
    }

    /// String → number as pwsh's `ConvertStringToInteger/Decimal/Real`: the number grammar
    /// first, then .NET parsing with thousands separators, then (integers) through Double.
    static func parseNumber(_ s: String, to type: PSType, original: Value, hooks: RuntimeHooks?) throws -> Value {
        let isReal: Bool
        let errorId: String
        switch type.kind {
        case .double, .sized(.single):
            isReal = true
            errorId = "InvalidCastFromStringToDoubleOrSingle"
        case .decimal:
            isReal = false
            errorId = "InvalidCastFromStringToDecimal"
        default:
            isReal = false
            errorId = "InvalidCastFromStringToInteger"
        }
        if let scanned = scanNumber(s), let n = number(scanned) {
            if let r = try? convertNumber(n, to: type) { return r }
        }
        // .NET parsing: Float | AllowThousands, invariant culture.
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if isReal {
            if let d = parseDotNetDouble(trimmed) { return try convertNumber(.double(d), to: type) }
            throw castError(original, type, errorId: errorId, inner: "The input string '\(s)' was not in a correct format.", hooks: hooks)
        }
        if case .decimal = type.kind {
            if let d = parseDotNetDouble(trimmed), let r = try? convertNumber(.double(d), to: type) { return r }
            throw castError(original, type, errorId: errorId, inner: "The input string '\(s)' was not in a correct format.", hooks: hooks)
        }
        // .NET's integer TypeConverter (the fallback pwsh's ConvertStringToInteger uses) reads
        // hex written `#F`, `&hF` or `0xF`.
        if let hex = converterHexDigits(trimmed), let bits = UInt64(hex, radix: 16) {
            switch type.kind {
            case .int32 where hex.count <= 8: return .int(Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: bits)))
            case .int64: return .long(Int64(bitPattern: bits))
            default:
                if bits <= UInt64(Int64.max), let n = number(.long(Int64(bits))), let r = try? convertNumber(n, to: type) { return r }
            }
        }
        // Integer: an in-range integer text that overflowed the target reports overflow.
        if let big = BigInt(trimmed.replacingOccurrences(of: ",", with: "")), !trimmed.isEmpty {
            do {
                return try convertNumber(.big(big), to: type)
            } catch let e as NumberOverflow {
                throw castError(original, type, errorId: errorId, inner: e.message, hooks: hooks)
            }
        }
        if let d = parseDotNetDouble(trimmed), let r = try? convertNumber(.double(d), to: type) { return r }
        throw castError(original, type, errorId: errorId, inner: "The input string '\(s)' was not in a correct format.", hooks: hooks)
    }

    /// The hex digits after a `#`, `&h` or `0x` prefix (BaseNumberConverter's hex forms).
    static func converterHexDigits(_ s: String) -> String? {
        var rest: Substring
        if s.hasPrefix("#") { rest = s.dropFirst() }
        else if s.lowercased().hasPrefix("&h") || s.lowercased().hasPrefix("0x") { rest = s.dropFirst(2) }
        else { return nil }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isHexDigit }) else { return nil }
        rest = rest.drop { $0 == "0" }
        return rest.isEmpty ? "0" : String(rest)
    }

    /// double.Parse(s, Float | AllowThousands, InvariantCulture).
    static func parseDotNetDouble(_ s: String) -> Double? {
        if s.isEmpty { return nil }
        switch s {
        case "NaN": return .nan
        case "Infinity", "+Infinity", "∞", "+∞": return .infinity
        case "-Infinity", "-∞": return -.infinity
        default: break
        }
        var cleaned = ""
        var seenDot = false, seenExp = false, digits = false
        for (i, c) in s.enumerated() {
            switch c {
            case "0"..."9": digits = true; cleaned.append(c)
            case ",":
                if seenDot || seenExp || !digits { return nil }
            case ".":
                if seenDot || seenExp { return nil }
                seenDot = true; cleaned.append(c)
            case "e", "E":
                if seenExp || !digits { return nil }
                seenExp = true; cleaned.append(c)
            case "+", "-":
                if i != 0 && !(cleaned.last == "e" || cleaned.last == "E") { return nil }
                cleaned.append(c)
            default: return nil
            }
        }
        guard digits else { return nil }
        return Double(cleaned)
    }

    // MARK: Char, arrays, enums

    private static func toChar(_ v: Value, _ type: PSType, hooks: RuntimeHooks?) throws -> Value {
        switch v {
        case .char: return v
        case .null: return .char(0)
        case .string(let s):
            let u = s.utf16
            if u.count == 1, let c = u.first { return .char(c) }
            throw castError(v, type, errorId: "InvalidCastFromStringToChar", inner: "String must be exactly one character long.", hooks: hooks)
        case .bool:
            throw castError(v, type, errorId: "InvalidCastIConvertible", inner: "Invalid cast from 'Boolean' to 'Char'.", hooks: hooks)
        case .double, .decimal:
            let from = typeOf(v).name
            throw castError(v, type, errorId: "InvalidCastIConvertible", inner: "Invalid cast from '\(from)' to 'Char'.", hooks: hooks)
        default:
            guard let n = number(v) else { throw finalCastError(v, type, hooks: hooks) }
            do { return try convertNumber(n, to: type) } catch let e as NumberOverflow {
                throw castError(v, type, errorId: "InvalidCastIConvertible", inner: e.message, hooks: hooks)
            }
        }
    }

    private static func toArray(_ v: Value, element: PSType, type: PSType, hooks: RuntimeHooks?) throws -> Value {
        if case .null = v { return .null }
        let elementName: String? = element === TypeResolver.object ? nil : element.fullName
        if let a = v.array {
            if case .array(let e) = a.kind, e == elementName || type.fullName == "System.Array" { return v }
            var out: [Value] = []
            out.reserveCapacity(a.items.count)
            for x in a.items {
                do { out.append(try convert(x, to: element, hooks: hooks)) } catch let e as RuntimeError {
                    throw castError(v, type, errorId: "ConvertToFinalInvalidCastException", inner: e.record.exception.message, hooks: hooks)
                }
            }
            return .object(PSArray(out, kind: .array(elementType: elementName)))
        }
        if case .string(let s) = v, case .char = element.kind {
            return .object(PSArray(s.utf16.map { .char($0) }, kind: .array(elementType: elementName)))
        }
        let one: Value
        do { one = try convert(v, to: element, hooks: hooks) } catch let e as RuntimeError {
            throw castError(v, type, errorId: "InvalidCastExceptionScalarToArray", inner: e.record.exception.message, hooks: hooks)
        }
        return .object(PSArray([one], kind: .array(elementType: elementName)))
    }

    private static func toEnum(_ v: Value, _ def: PSEnumDefinition, _ type: PSType, hooks: RuntimeHooks?) throws -> Value {
        switch v {
        case .object(let o):
            if let e = o as? PSEnumValue {
                if e.definition === def || e.definition.fullName == def.fullName { return v }
                return .object(PSEnumValue(def, e.value))
            }
            if let a = o as? PSArray, def.isFlags {
                var total: Int64 = 0
                for x in a.items {
                    guard case .object(let r) = try toEnum(x, def, type, hooks: hooks), let e = r as? PSEnumValue else { continue }
                    total |= e.value
                }
                return .object(PSEnumValue(def, total))
            }
            throw finalCastError(v, type, hooks: hooks)
        case .string(let s):
            return .object(PSEnumValue(def, try enumValue(parsing: s, def, type, original: v, hooks: hooks)))
        case .null:
            let values = def.members.map { $0.name }.joined(separator: ", ")
            let msg = "Cannot convert null to type \"\(type.fullName)\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"\(values)\"."
            let cast = PSExceptionObject(.psInvalidCastException, msg)
            throw RuntimeError(ErrorRecord(exception: PSExceptionObject(.runtimeException, msg, inner: cast),
                                           errorId: "nullToEnumInvalidCast", category: .InvalidArgument))
        default:
            guard let n = number(v), let i = integral(n).value else { throw finalCastError(v, type, hooks: hooks) }
            try requireDefined(i, def, type, text: toString(v, hooks: hooks), errorId: "UndefinedIntegerToEnum")
            return .object(PSEnumValue(def, i))
        }
    }

    /// LanguagePrimitives' ThrowForUndefinedEnum: a number that names no member of the enum
    /// (for a [Flags] enum: sets a bit no member has) is refused, unless the enum has a
    /// negative member, which makes pwsh give up checking.
    static func requireDefined(_ i: Int64, _ def: PSEnumDefinition, _ type: PSType, text: String, errorId: String) throws {
        if def.members.contains(where: { $0.value < 0 }) { return }
        let defined: Bool
        if i < 0 {
            defined = false
        } else if def.isFlags {
            let all = def.members.reduce(Int64(0)) { $0 | $1.value }
            defined = (i | all) ^ all == 0
        } else {
            defined = def.members.contains { $0.value == i }
        }
        guard !defined else { return }
        let values = def.members.map { $0.name }.joined(separator: ", ")
        let msg = "Cannot convert value \"\(text)\" to type \"\(type.fullName)\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"\(values)\"."
        let cast = PSExceptionObject(.psInvalidCastException, msg)
        throw RuntimeError(ErrorRecord(exception: PSExceptionObject(.runtimeException, msg, inner: cast), errorId: errorId, category: .InvalidArgument))
    }

    /// `[MyEnum]'a, b'`: names case-insensitively, commas only for [Flags] enums; numbers too.
    static func enumValue(parsing s: String, _ def: PSEnumDefinition, _ type: PSType, original: Value, hooks: RuntimeHooks?) throws -> Int64 {
        let values = def.members.map { $0.name }.joined(separator: ", ")
        func fail(_ id: String, _ msg: String) -> RuntimeError {
            let cast = PSExceptionObject(.psInvalidCastException, msg)
            return RuntimeError(ErrorRecord(exception: PSExceptionObject(.runtimeException, msg, inner: cast), errorId: id, category: .InvalidArgument))
        }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count > 1 && !def.isFlags {
            throw fail("InvalidCastEnumCommaAndNoFlags",
                       "Cannot convert value \"\(s)\" to type \"\(type.fullName)\" because no commas are allowed for this enumeration.")
        }
        var total: Int64 = 0
        for p in parts {
            if let m = def.member(named: p) { total |= m.value; continue }
            if let n = scanNumber(p), let num = number(n), let i = integral(num).value, !p.isEmpty {
                try requireDefined(i, def, type, text: s, errorId: "UndefinedInEnumSingleTypeConverter")
                total |= i
                continue
            }
            throw fail("InvalidCastEnumStringNotFound",
                       "Cannot convert value \"\(s)\" to type \"\(type.fullName)\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"\(values)\".")
        }
        return total
    }
}
