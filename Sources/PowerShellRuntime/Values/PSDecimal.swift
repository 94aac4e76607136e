import Foundation

/// A System.Decimal: a value and a scale (0…28 digits after the point) that .NET keeps through
/// parsing and arithmetic, so `1.10d` prints 1.10 and `1.10d + 1` prints 2.10.
///
/// Foundation's `Decimal` holds the value (its 38-digit mantissa holds every .NET decimal, whose
/// 96-bit mantissa has at most 29 digits, exactly); it normalizes away trailing zeros, so the
/// scale is kept beside it. Invariant: `value` has at most `scale` digits after the point and
/// `|value| × 10^scale < 2^96`, i.e. it is exactly what a .NET decimal with that scale holds.
///
/// Equality, order and hashing go by value alone: .NET's `1.10m == 1.1m` is true and both
/// hash alike.
public struct PSDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The exact value (normalized: no trailing zeros in the mantissa).
    public var value: Decimal { storage.value }
    /// Foundation's Decimal is resilient (its size is unknown when this module compiles), so
    /// held inline it would make every copy of a `Value` go through runtime witness calls;
    /// boxed, PSDecimal and Value have a small fixed layout.
    private let storage: DecimalStorage
    /// Digits after the point in the text, 0…28.
    public let scale: UInt8

    public static let maxScale = 28
    public static let zero = PSDecimal(unchecked: 0, scale: 0)
    public static let one = PSDecimal(unchecked: 1, scale: 0)
    public static let minusOne = PSDecimal(unchecked: -1, scale: 0)
    public static let maxValue = PSDecimal(unchecked: PSDecimal.maxMagnitude, scale: 0)
    public static let minValue = PSDecimal(unchecked: -PSDecimal.maxMagnitude, scale: 0)

    /// 79228162514264337593543950335 (2^96 − 1): the largest mantissa.
    public static let maxMagnitude = Decimal(string: "79228162514264337593543950335", locale: posix)!
    private static let mantissaLimit = Decimal(string: "79228162514264337593543950336", locale: posix)!
    private static let posix = Locale(identifier: "en_US_POSIX")
    private static let powersOfTen: [Decimal] = {
        var p = [Decimal(1)]
        for _ in 0..<38 { p.append(p[p.count - 1] * 10) }
        return p
    }()

    private init(unchecked value: Decimal, scale: Int) {
        var v = value
        NSDecimalCompact(&v)
        self.storage = DecimalStorage(v)
        self.scale = UInt8(scale)
    }

    // MARK: Construction

    /// `value` rounded (half to even) to `scale` digits after the point, the scale first capped
    /// at 28 and then lowered until the mantissa fits in 96 bits, as .NET's arithmetic does;
    /// nil when even scale 0 overflows.
    public init?(rounding value: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode = .bankers) {
        guard !value.isNaN else { return nil }
        var s = max(0, min(scale, PSDecimal.maxScale))
        let mag = abs(value)
        while s > 0 && mag * PSDecimal.powersOfTen[s] >= PSDecimal.mantissaLimit { s -= 1 }
        var src = value, out = Decimal()
        NSDecimalRound(&out, &src, s, mode)
        guard abs(out) <= PSDecimal.maxMagnitude else { return nil }
        self.init(unchecked: out, scale: s)
    }

    /// An integer: scale 0.
    public init(_ i: Int64) { self.init(unchecked: Decimal(i), scale: 0) }
    public init(_ i: Int) { self.init(unchecked: Decimal(i), scale: 0) }
    public init(_ u: UInt64) { self.init(unchecked: Decimal(u), scale: 0) }

    /// A value with no trailing zeros kept (the scale is the value's own digits after the
    /// point): what .NET's conversions from Double and Single give (`[decimal]1.50` is 1.5).
    public init?(normalizing value: Decimal) {
        guard !value.isNaN else { return nil }
        var v = value
        NSDecimalCompact(&v)
        self.init(rounding: v, scale: v.isZero ? 0 : max(0, -v.exponent))
    }

    /// `(decimal)double`: .NET rounds to 15 significant digits and drops trailing zeros; nil
    /// for NaN, infinities and magnitudes beyond Decimal.MaxValue.
    public init?(_ d: Double) {
        guard d.isFinite, abs(d) < 7.9228162514264338e28 else { return nil }
        if d == 0 { self = .zero; return }
        guard let v = Decimal(string: String(format: "%.14e", d), locale: PSDecimal.posix) else { return nil }
        self.init(normalizing: v)
    }

    /// .NET's `Decimal.Parse(text, NumberStyles.Float, InvariantCulture)`: optional sign,
    /// digits with an optional point, an optional exponent; the scale is the digits written
    /// after the point less the exponent (never below 0, rounded to 28). nil for other text
    /// or an overflow.
    public static func parse(_ text: String) -> PSDecimal? {
        let u = Array(text.utf8)
        var i = 0
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        while i < u.count, isSpace(u[i]) { i += 1 }
        var end = u.count
        while end > i, isSpace(u[end - 1]) { end -= 1 }
        var negative = false
        if i < end, u[i] == 0x2B || u[i] == 0x2D { negative = u[i] == 0x2D; i += 1 }
        var digits = [UInt8]()
        var fraction = 0
        var sawDigit = false
        while i < end, u[i] >= 0x30, u[i] <= 0x39 { digits.append(u[i]); i += 1; sawDigit = true }
        if i < end, u[i] == 0x2E {
            i += 1
            while i < end, u[i] >= 0x30, u[i] <= 0x39 { digits.append(u[i]); fraction += 1; i += 1; sawDigit = true }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < end, u[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < end, u[i] == 0x2B || u[i] == 0x2D { expNegative = u[i] == 0x2D; i += 1 }
            let start = i
            while i < end, u[i] >= 0x30, u[i] <= 0x39 {
                exponent = min(exponent * 10 + Int(u[i] - 0x30), 10_000)
                i += 1
            }
            guard i > start else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == end else { return nil }
        // Leading zeros say nothing; keep the mantissa within Foundation's 38 digits (the
        // digits beyond only matter for rounding at the 29th).
        while digits.count > 1, digits[0] == 0x30 { digits.removeFirst() }
        var scale = fraction - exponent
        if digits.count > 38 {
            let drop = digits.count - 38
            digits.removeLast(drop)
            scale -= drop
        }
        let mantissaText = (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
        guard var v = Decimal(string: mantissaText, locale: posix) else { return nil }
        if scale > 0 {
            guard scale <= 38 + 28 else { return PSDecimal(unchecked: 0, scale: maxScale) }
            var s = scale
            while s > 0 { let k = min(s, 38); v = v / powersOfTen[k]; s -= k }
        } else if scale < 0 {
            guard -scale <= 38 else { return v.isZero ? .zero : nil }
            v = v * powersOfTen[-scale]
        }
        return PSDecimal(rounding: v, scale: max(0, scale))
    }

    // MARK: Text

    /// The invariant text: exactly `scale` digits after the point (`1.10`, `0.000`, `-2`).
    public var text: String {
        var s = value.description
        if s.contains("e") || s.contains("E") { s = NSDecimalNumber(decimal: value).stringValue }
        let n = Int(scale)
        guard n > 0 else { return s }
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: s.index(after: dot), to: s.endIndex)
            if have < n { s += String(repeating: "0", count: n - have) }
            return s
        }
        return s + "." + String(repeating: "0", count: n)
    }

    public var description: String { text }

    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }
    public var isZero: Bool { value.isZero }
    public var isNegative: Bool { value < 0 }

    // MARK: Comparison

    public static func == (a: PSDecimal, b: PSDecimal) -> Bool { a.value == b.value }
    public static func < (a: PSDecimal, b: PSDecimal) -> Bool { a.value < b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value.description) }

    // MARK: Arithmetic (.NET's DecCalc scale rules); nil on overflow

    public static prefix func - (a: PSDecimal) -> PSDecimal { PSDecimal(unchecked: -a.value, scale: Int(a.scale)) }

    public var magnitude: PSDecimal { PSDecimal(unchecked: abs(value), scale: Int(scale)) }

    /// `+`: the larger scale.
    public static func adding(_ a: PSDecimal, _ b: PSDecimal) -> PSDecimal? {
        PSDecimal(rounding: a.value + b.value, scale: Int(max(a.scale, b.scale)))
    }

    /// `-`: the larger scale.
    public static func subtracting(_ a: PSDecimal, _ b: PSDecimal) -> PSDecimal? {
        PSDecimal(rounding: a.value - b.value, scale: Int(max(a.scale, b.scale)))
    }

    /// `*`: the sum of the scales (at most 28, rounding half to even).
    public static func multiplying(_ a: PSDecimal, _ b: PSDecimal) -> PSDecimal? {
        PSDecimal(rounding: a.value * b.value, scale: Int(a.scale) + Int(b.scale))
    }

    /// `/` (b nonzero): the natural scale (a's less b's, at least 0) when the quotient is
    /// exact there, else as many digits as it needs up to 28 (and 96 bits), rounded half to
    /// even, trailing zeros dropped (`10m/4` is 2.5, `1m/3` 0.3333333333333333333333333333).
    public static func dividing(_ a: PSDecimal, _ b: PSDecimal) -> PSDecimal? {
        precondition(!b.isZero)
        var q = a.value / b.value
        guard !q.isNaN else { return nil }
        NSDecimalCompact(&q)
        let natural = max(0, Int(a.scale) - Int(b.scale))
        let digits = q.isZero ? 0 : max(0, -q.exponent)
        if digits <= natural { return PSDecimal(rounding: q, scale: natural) }
        guard let r = PSDecimal(rounding: q, scale: min(digits, maxScale)) else { return nil }
        return PSDecimal(unchecked: r.value, scale: max(natural, r.value.isZero ? 0 : min(Int(r.scale), max(0, -r.value.exponent))))
    }

    /// `%` (b nonzero): a − trunc(a/b)·b with the larger scale; the sign is a's.
    public static func remainder(_ a: PSDecimal, _ b: PSDecimal) -> PSDecimal? {
        precondition(!b.isZero)
        var q = a.value / b.value, t = Decimal()
        NSDecimalRound(&t, &q, 0, q < 0 ? .up : .down)  // toward zero
        return PSDecimal(rounding: a.value - t * b.value, scale: Int(max(a.scale, b.scale)))
    }

    /// Math.Round / Decimal.Round: `decimals` digits after the point (0…28); a value with no more
    /// digits than that comes back unchanged (`[math]::Round(1.5d, 3)` is 1.5).
    public func rounded(_ decimals: Int, _ mode: NSDecimalNumber.RoundingMode = .bankers) -> PSDecimal {
        guard decimals < Int(scale) else { return self }
        var src = value, out = Decimal()
        NSDecimalRound(&out, &src, max(0, decimals), mode)
        return PSDecimal(unchecked: out, scale: max(0, decimals))
    }

    /// Truncate/Floor/Ceiling: an integral value, scale 0.
    public func integral(_ mode: NSDecimalNumber.RoundingMode) -> PSDecimal {
        var src = value, out = Decimal()
        NSDecimalRound(&out, &src, 0, mode)
        return PSDecimal(unchecked: out, scale: 0)
    }
}

/// The boxed Decimal of a PSDecimal (immutable, so sharing it is safe).
private final class DecimalStorage: Sendable {
    let value: Decimal

    init(_ value: Decimal) {
        self.value = value
    }
}
