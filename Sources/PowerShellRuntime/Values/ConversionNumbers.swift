import Foundation

/// A number taken out of a Value, wide enough for every .NET numeric type the runtime models.
enum PSNumber {
    /// Every signed or small unsigned integer (Int32, Int64, Byte, …, UInt64 ≤ Int64.max).
    case integer(Int64)
    /// UInt64 above Int64.max.
    case unsigned(UInt64)
    case double(Double)
    case decimal(PSDecimal)
    /// A BigInteger beyond Int64.
    case big(BigInt)

    var doubleValue: Double {
        switch self {
        case .integer(let i): return Double(i)
        case .unsigned(let u): return Double(u)
        case .double(let d): return d
        case .decimal(let d): return d.doubleValue
        case .big(let b): return b.doubleValue
        }
    }
}

extension Conversion {
    // MARK: Numbers out of values

    /// The number behind a numeric value (bool, char and enums count, as in arithmetic); nil for
    /// strings and objects.
    static func number(_ v: Value) -> PSNumber? {
        switch v {
        case .int(let i): return .integer(Int64(i))
        case .long(let l): return .integer(l)
        case .double(let d): return .double(d)
        case .decimal(let d): return .decimal(d)
        case .bool(let b): return .integer(b ? 1 : 0)
        case .char(let c): return .integer(Int64(c))
        case .sized(let n): return number(n)
        case .object(let o):
            if let e = o as? PSEnumValue { return .integer(e.value) }
            return nil
        case .null, .string: return nil
        }
    }

    static func number(_ n: SizedNumber) -> PSNumber {
        switch n.kind {
        case .single: return .double(n.floating)
        case .uint64: return n.integer < 0 ? .unsigned(n.uint64Value) : .integer(n.integer)
        case .bigInteger:
            if let digits = n.bigDigits, let b = BigInt(digits) { return .big(b) }
            return .integer(n.integer)
        default: return .integer(n.integer)
        }
    }

    // MARK: Scanning numbers in text

    /// PowerShell's number grammar applied to a whole string (pwsh's `Parser.ScanNumber`):
    /// surrounding whitespace, a sign, `0x`/`0b` prefixes, `.`/exponent, type suffixes
    /// (`l d u ul y uy s us n`) and multipliers (`kb mb gb tb pb`). "" and blanks are 0.
    /// Returns nil when the text is not a number literal.
    public static func scanNumber(_ text: String) -> Value? {
        var u = Array(text.utf16)
        // Trim .NET whitespace.
        var lo = 0, hi = u.count
        while lo < hi, isSpace(u[lo]) { lo += 1 }
        while hi > lo, isSpace(u[hi - 1]) { hi -= 1 }
        if lo == hi { return .int(0) }
        if lo > 0 || hi < u.count { u = Array(u[lo..<hi]) }
        var i = 0
        var negative = false
        if u[0] == 0x2D || u[0] == 0x2013 || u[0] == 0x2014 || u[0] == 0x2015 { negative = true; i = 1 }
        else if u[0] == 0x2B { i = 1 }
        guard i < u.count else { return nil }

        // Hex and binary.
        if i + 1 < u.count, u[i] == 0x30, (u[i + 1] | 0x20) == 0x78 || (u[i + 1] | 0x20) == 0x62 {
            let hex = (u[i + 1] | 0x20) == 0x78
            i += 2
            var value: UInt64 = 0
            var digits = 0
            while i < u.count {
                let c = u[i]
                let d: UInt64
                if c >= 0x30 && c <= 0x39 { d = UInt64(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { d = UInt64((c | 0x20) - 0x61 + 10) }
                else { break }
                if !hex && d > 1 { return nil }
                let shifted = value.multipliedReportingOverflow(by: hex ? 16 : 2)
                if shifted.overflow { return nil }
                value = shifted.partialValue | d
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            guard let suffix = scanSuffix(u, &i), i == u.count else { return nil }
            let bits32 = value <= UInt64(UInt32.max)
            var result: Value
            switch suffix.type {
            case .none:
                result = bits32 ? .int(Int32(truncatingIfNeeded: value)) : .long(Int64(bitPattern: value))
            case .long: result = .long(Int64(bitPattern: value))
            case .decimal: return nil
            case .unsigned: result = bits32 ? .sized(SizedNumber(kind: .uint32, integer: Int64(value))) : .sized(SizedNumber(uint64: value))
            case .ulong: result = .sized(SizedNumber(uint64: value))
            case .sbyte:
                guard value <= 0xFF else { return nil }
                result = .sized(SizedNumber(kind: .sbyte, integer: Int64(Int8(truncatingIfNeeded: value))))
            case .byte:
                guard value <= 0xFF else { return nil }
                result = .sized(SizedNumber(kind: .byte, integer: Int64(value)))
            case .short:
                guard value <= 0xFFFF else { return nil }
                result = .sized(SizedNumber(kind: .int16, integer: Int64(Int16(truncatingIfNeeded: value))))
            case .ushort:
                guard value <= 0xFFFF else { return nil }
                result = .sized(SizedNumber(kind: .uint16, integer: Int64(value)))
            case .bigint: result = .sized(SizedNumber(kind: .bigInteger, integer: Int64(bitPattern: value)))
            }
            if suffix.multiplier != 1 { result = multiplyLiteral(result, suffix.multiplier) ?? result }
            return negative ? negateLiteral(result) : result
        }

        // Decimal digits, fraction, exponent.
        let start = i
        var sawDigit = false
        var isReal = false
        while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1; sawDigit = true }
        if i < u.count, u[i] == 0x2E {
            i += 1
            isReal = true
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39 { i += 1; sawDigit = true }
        }
        guard sawDigit else { return nil }
        if i < u.count, (u[i] | 0x20) == 0x65 {
            var j = i + 1
            if j < u.count, u[j] == 0x2B || u[j] == 0x2D { j += 1 }
            let expStart = j
            while j < u.count, u[j] >= 0x30, u[j] <= 0x39 { j += 1 }
            if j > expStart {
                i = j
                isReal = true
            }
        }
        let numText = (negative ? "-" : "") + String(decoding: u[start..<i], as: UTF16.self)
        guard let suffix = scanSuffix(u, &i), i == u.count else { return nil }
        var result: Value
        if suffix.type == .decimal {
            guard let d = PSDecimal.parse(numText) else { return nil }
            result = .decimal(d)
        } else if isReal {
            guard let d = Double(numText) else { return nil }
            switch suffix.type {
            case .none: result = .double(d)
            default:
                // An integer suffix on a real literal: the value must be integral.
                guard d.rounded() == d, let v = integerLiteral(exact: d, suffix.type) else { return nil }
                result = v
            }
        } else {
            guard let v = integerLiteral(numText, suffix.type) else { return nil }
            result = v
        }
        if suffix.multiplier != 1 { result = multiplyLiteral(result, suffix.multiplier) ?? result }
        return result
    }

    @inline(__always) static func isSpace(_ c: UInt16) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x85 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
            || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000
    }

    enum LiteralSuffix { case none, long, decimal, unsigned, ulong, sbyte, byte, short, ushort, bigint }

    private static func scanSuffix(_ u: [UInt16], _ i: inout Int) -> (type: LiteralSuffix, multiplier: Int64)? {
        func at(_ k: Int) -> UInt16 { k < u.count ? u[k] | 0x20 : 0 }
        var type = LiteralSuffix.none
        switch at(i) {
        case 0x6C: type = .long; i += 1
        case 0x64: type = .decimal; i += 1
        case 0x6E: type = .bigint; i += 1
        case 0x79: type = .sbyte; i += 1
        case 0x73: type = .short; i += 1
        case 0x75:
            i += 1
            switch at(i) {
            case 0x6C: type = .ulong; i += 1
            case 0x79: type = .byte; i += 1
            case 0x73: type = .ushort; i += 1
            default: type = .unsigned
            }
        default: break
        }
        var multiplier: Int64 = 1
        if at(i + 1) == 0x62 {
            switch at(i) {
            case 0x6B: multiplier = 1 << 10
            case 0x6D: multiplier = 1 << 20
            case 0x67: multiplier = 1 << 30
            case 0x74: multiplier = 1 << 40
            case 0x70: multiplier = 1 << 50
            default: break
            }
            if multiplier != 1 { i += 2 }
        }
        return (type, multiplier)
    }

    private static func integerLiteral(exact d: Double, _ suffix: LiteralSuffix) -> Value? {
        guard abs(d) < 9.2e18 else { return nil }
        return integerLiteral(String(Int64(d)), suffix)
    }

    /// An integer literal's value and type by suffix; without one: Int32, Int64, Decimal, Double
    /// by size.
    private static func integerLiteral(_ text: String, _ suffix: LiteralSuffix) -> Value? {
        let small = Int64(text)
        switch suffix {
        case .none:
            if let v = small {
                if let i = Int32(exactly: v) { return .int(i) }
                return .long(v)
            }
            if let d = PSDecimal.parse(text) { return .decimal(d) }
            return Double(text).map { .double($0) }
        case .long: return small.map { .long($0) }
        case .decimal: return PSDecimal.parse(text).map { .decimal($0) }
        case .unsigned:
            if let v = small, v >= 0, v <= Int64(UInt32.max) { return .sized(SizedNumber(kind: .uint32, integer: v)) }
            return UInt64(text).map { .sized(SizedNumber(uint64: $0)) }
        case .ulong: return UInt64(text).map { .sized(SizedNumber(uint64: $0)) }
        case .sbyte: return small.flatMap { Int8(exactly: $0) }.map { .sized(SizedNumber(kind: .sbyte, integer: Int64($0))) }
        case .byte: return small.flatMap { UInt8(exactly: $0) }.map { .sized(SizedNumber(kind: .byte, integer: Int64($0))) }
        case .short: return small.flatMap { Int16(exactly: $0) }.map { .sized(SizedNumber(kind: .int16, integer: Int64($0))) }
        case .ushort: return small.flatMap { UInt16(exactly: $0) }.map { .sized(SizedNumber(kind: .uint16, integer: Int64($0))) }
        case .bigint: return BigInt(text).map { bigValue($0) }
        }
    }

    private static func multiplyLiteral(_ v: Value, _ m: Int64) -> Value? {
        switch v {
        case .int(let i):
            let r = Int64(i).multipliedReportingOverflow(by: m)
            if r.overflow { return .double(Double(i) * Double(m)) }
            if let x = Int32(exactly: r.partialValue) { return .int(x) }
            return .long(r.partialValue)
        case .long(let l):
            let r = l.multipliedReportingOverflow(by: m)
            if !r.overflow { return .long(r.partialValue) }
            return PSDecimal.multiplying(PSDecimal(l), PSDecimal(m)).map { .decimal($0) }
        case .double(let d): return .double(d * Double(m))
        case .decimal(let d): return PSDecimal.multiplying(d, PSDecimal(m)).map { .decimal($0) }
        default: return nil
        }
    }

    private static func negateLiteral(_ v: Value) -> Value {
        switch v {
        case .int(let i): return i == Int32.min ? .long(-Int64(i)) : .int(-i)
        case .long(let l): return l == Int64.min ? .decimal(-PSDecimal(l)) : .long(-l)
        case .sized(let n) where n.kind != .uint64 && n.kind != .bigInteger:
            return .sized(SizedNumber(kind: n.kind, integer: -n.integer))
        case .double(let d): return .double(-d)
        case .decimal(let d): return .decimal(-d)
        default: return v
        }
    }

    static func bigValue(_ b: BigInt) -> Value {
        if let small = b.int64Value { return .sized(SizedNumber(kind: .bigInteger, integer: small)) }
        return .sized(SizedNumber(bigDigits: b.description, approximate: b.doubleValue))
    }

    // MARK: Numeric conversion (Convert.ChangeType semantics)

    /// .NET's overflow text for a target type.
    static func overflowMessage(_ type: PSType) -> String {
        let what: String
        switch type.kind {
        case .int32: what = "an Int32"
        case .int64: what = "an Int64"
        case .decimal: what = "a Decimal"
        case .char: what = "a character"
        case .sized(let k):
            switch k {
            case .byte: what = "an unsigned byte"
            case .sbyte: what = "a signed byte"
            case .int16: what = "an Int16"
            case .uint16: what = "a UInt16"
            case .uint32: what = "a UInt32"
            case .uint64: what = "a UInt64"
            case .single: what = "a Single"
            case .bigInteger: what = "a BigInteger"
            }
        default: what = "an " + type.name
        }
        return "Value was either too large or too small for \(what)."
    }

    /// Rounds to an integer the way Convert.ToInt32 does (half to even); nil when out of range.
    static func integral(_ n: PSNumber) -> (value: Int64?, unsigned: UInt64?) {
        switch n {
        case .integer(let i): return (i, i >= 0 ? UInt64(i) : nil)
        case .unsigned(let u): return (nil, u)
        case .double(let d):
            guard d.isFinite else { return (nil, nil) }
            let r = d.rounded(.toNearestOrEven)
            if r >= -9223372036854775808.0 && r < 9223372036854775808.0 {
                let i = Int64(r)
                return (i, i >= 0 ? UInt64(i) : nil)
            }
            if r >= 0 && r < 18446744073709551616.0 { return (nil, UInt64(r)) }
            return (nil, nil)
        case .decimal(let d):
            var src = d.value
            var rounded = Decimal()
            NSDecimalRound(&rounded, &src, 0, .bankers)
            let text = rounded.description
            if let i = Int64(text) { return (i, i >= 0 ? UInt64(i) : nil) }
            return (nil, UInt64(text))
        case .big(let b):
            if let i = b.int64Value { return (i, i >= 0 ? UInt64(i) : nil) }
            return (nil, b.uint64Value)
        }
    }

    /// Converts a number to a numeric (or char) type; throws .NET's overflow message.
    static func convertNumber(_ n: PSNumber, to type: PSType) throws -> Value {
        switch type.kind {
        case .double:
            return .double(n.doubleValue)
        case .decimal:
            switch n {
            case .integer(let i): return .decimal(PSDecimal(i))
            case .unsigned(let u): return .decimal(PSDecimal(u))
            case .decimal(let d): return .decimal(d)
            case .double(let d):
                guard let v = PSDecimal(d) else { throw NumberOverflow(message: overflowMessage(type)) }
                return .decimal(v)
            case .big(let b):
                guard let d = PSDecimal.parse(b.description) else {
                    throw NumberOverflow(message: overflowMessage(type))
                }
                return .decimal(d)
            }
        case .sized(.single):
            return .sized(SizedNumber(single: Float(n.doubleValue)))
        case .sized(.bigInteger):
            switch n {
            case .integer(let i): return .sized(SizedNumber(kind: .bigInteger, integer: i))
            case .unsigned(let u): return bigValue(BigInt(u))
            case .big(let b): return bigValue(b)
            case .double(let d):
                guard d.isFinite else { throw NumberOverflow(message: overflowMessage(type)) }
                return bigValue(BigInt(exactly: d.rounded(.towardZero)))
            case .decimal(let d):
                var src = d.value
                var t = Decimal()
                NSDecimalRound(&t, &src, 0, d.isNegative ? .up : .down)  // toward zero
                return bigValue(BigInt(t.description) ?? BigInt(Int64(0)))
            }
        default:
            break
        }
        let (signed, unsigned) = integral(n)
        func fail() -> NumberOverflow { NumberOverflow(message: overflowMessage(type)) }
        switch type.kind {
        case .int32:
            guard let s = signed, let v = Int32(exactly: s) else { throw fail() }
            return .int(v)
        case .int64:
            guard let s = signed else { throw fail() }
            return .long(s)
        case .char:
            guard let s = signed, let v = UInt16(exactly: s) else { throw fail() }
            return .char(v)
        case .sized(let k):
            switch k {
            case .byte:
                guard let s = signed, let v = UInt8(exactly: s) else { throw fail() }
                return .sized(SizedNumber(kind: .byte, integer: Int64(v)))
            case .sbyte:
                guard let s = signed, let v = Int8(exactly: s) else { throw fail() }
                return .sized(SizedNumber(kind: .sbyte, integer: Int64(v)))
            case .int16:
                guard let s = signed, let v = Int16(exactly: s) else { throw fail() }
                return .sized(SizedNumber(kind: .int16, integer: Int64(v)))
            case .uint16:
                guard let s = signed, let v = UInt16(exactly: s) else { throw fail() }
                return .sized(SizedNumber(kind: .uint16, integer: Int64(v)))
            case .uint32:
                guard let s = signed, let v = UInt32(exactly: s) else { throw fail() }
                return .sized(SizedNumber(kind: .uint32, integer: Int64(v)))
            case .uint64:
                guard let u = unsigned else { throw fail() }
                return .sized(SizedNumber(uint64: u))
            case .single, .bigInteger:
                throw fail()
            }
        default:
            throw fail()
        }
    }

}

/// A numeric conversion overflowed; the caller wraps it in pwsh's cast error.
struct NumberOverflow: Error {
    let message: String
}
