import Foundation

/// Number text as pwsh prints it: doubles with 15 significant digits ("G15", culture
/// invariant), decimals, the sized types, and .NET format strings (`N2`, `D3`, `X`, `P`,
/// `C`, `E2`, custom `0.00`/`#,##0`) for `.ToString(fmt)` and `-f`. Format strings use the
/// en-US culture the oracle ran under (`$` currency, `n%` percent, 3 default decimals for N/F/P
/// as ICU's en-US reports).
public enum NumberFormatting {
    /// `Double.ToString()` in .NET Core 3.0 and later: the shortest digits that read back as
    /// the same double, fixed-point unless the decimal point is more than 15 places right of
    /// the first digit or more than 3 left of it ("1E+15", "1E-05"). PowerShell's own string
    /// conversion (`"$x"`) keeps 15 significant digits instead; only the method call gives this.
    public static func shortestRoundTrip(_ d: Double) -> String? {
        guard d.isFinite else { return nil }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        var text = Swift.abs(d).description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(whole + fraction)
        // The decimal point sits after `point` digits.
        var point = whole.count + exponent
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        let sign = d < 0 ? "-" : ""
        if point > 15 || point < -3 {
            let e = point - 1
            let mantissa = digits.count > 1 ? String(digits[0]) + "." + String(digits[1...]) : String(digits[0])
            let magnitude = Swift.abs(e)
            return sign + mantissa + "E" + (e < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
        if point >= digits.count { return sign + String(digits) + String(repeating: "0", count: point - digits.count) }
        return sign + String(digits[..<point]) + "." + String(digits[point...])
    }

    // MARK: Default text

    /// A double as the console shows it (G15; ∞ and -∞ as en-US prints them).
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-∞" : "∞" }
        return g15(d)
    }

    /// A double as `[string]`/`"$x"` give it (invariant culture: `Infinity`).
    public static func invariantText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return g15(d)
    }

    /// A decimal with its scale's digits after the point, as .NET prints it (`1.10d` is 1.10).
    public static func format(_ d: PSDecimal) -> String { d.text }

    /// Byte, Int16, …, Single (G7), BigInteger.
    public static func text(_ n: SizedNumber) -> String {
        switch n.kind {
        case .single:
            let d = n.floating
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return general(DigitNumber(d, significant: 7), precision: 7, expChar: "E")
        case .uint64: return String(n.uint64Value)
        case .bigInteger: return n.bigDigits ?? String(n.integer)
        default: return String(n.integer)
        }
    }

    static func g15(_ d: Double) -> String {
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Integers below 1e15 print exactly: the fast path for the common case.
        if d.magnitude < 1e15, d == d.rounded(), let i = Int64(exactly: d) { return String(i) }
        // Swift's shortest round-trip digits are G15's whenever there are at most 15 of them
        // (the exact value lies far closer to them than half a unit in the 15th digit).
        if d.isNormal, let n = DigitNumber(shortest: d, maxDigits: 15) { return general(n, precision: 15, expChar: "E") }
        return general(DigitNumber(d, significant: 15), precision: 15, expChar: "E")
    }

    // MARK: Digits

    /// A number as decimal digits: value = 0.d₁d₂… × 10^exponent.
    struct DigitNumber {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int
        /// A negative double that rounds to zero still prints its sign ("-0"), as .NET Core 3.0+.
        var signedZero = false

        var showsMinus: Bool { negative && (!isZero || signedZero) }

        /// A double rounded to `significant` digits (correctly rounded, as .NET Core).
        init(_ d: Double, significant: Int) {
            negative = d.sign == .minus
            digits = []
            exponent = 0
            if d == 0 || !d.isFinite { return }
            let text = String(format: "%.\(max(0, significant - 1))e", d.magnitude)
            guard let e = text.firstIndex(where: { $0 == "e" }) else { return }
            for c in text[..<e].utf8 where c >= 0x30 && c <= 0x39 { digits.append(c - 0x30) }
            exponent = (Int(text[text.index(after: e)...]) ?? 0) + 1
            trim()
        }

        /// The shortest round-trip digits (Swift's `description`), or nil when more than `maxDigits`.
        init?(shortest d: Double, maxDigits: Int) {
            negative = d.sign == .minus
            digits = []
            exponent = 0
            var sawPoint = false
            var intDigits = 0
            var exp = 0
            var inExponent = false
            var expNegative = false
            for c in d.magnitude.description.utf8 {
                if inExponent {
                    if c == 0x2D { expNegative = true } else if c >= 0x30 && c <= 0x39 { exp = exp * 10 + Int(c - 0x30) }
                    continue
                }
                switch c {
                case 0x30...0x39:
                    if digits.isEmpty && c == 0x30 {
                        if sawPoint { intDigits -= 1 }
                        continue
                    }
                    digits.append(c - 0x30)
                    if !sawPoint { intDigits += 1 }
                case 0x2E: sawPoint = true
                case 0x65: inExponent = true
                default: return nil
                }
            }
            trim()
            if digits.count > maxDigits { return nil }
            exponent = digits.isEmpty ? 0 : intDigits + (expNegative ? -exp : exp)
        }

        init(integerText: String) {
            var t = Substring(integerText)
            negative = t.hasPrefix("-")
            if negative { t = t.dropFirst() }
            digits = t.utf8.map { $0 - 0x30 }
            exponent = digits.count
            while let f = digits.first, f == 0 { digits.removeFirst(); exponent -= 1 }
            trim()
        }

        /// Decimal text like "-12.345".
        init(decimalText: String) {
            var t = Substring(decimalText)
            negative = t.hasPrefix("-")
            if negative { t = t.dropFirst() }
            let parts = t.split(separator: ".", omittingEmptySubsequences: false)
            let intPart = parts.first.map(String.init) ?? ""
            let frac = parts.count > 1 ? String(parts[1]) : ""
            digits = (intPart + frac).utf8.map { $0 - 0x30 }
            exponent = intPart.count
            while let f = digits.first, f == 0 { digits.removeFirst(); exponent -= 1 }
            trim()
        }

        mutating func trim() {
            while let l = digits.last, l == 0 { digits.removeLast() }
            if digits.isEmpty { exponent = 0 }
        }

        var isZero: Bool { digits.isEmpty }

        /// Rounds half away from zero, keeping `count` digits from the start.
        mutating func roundSignificant(_ count: Int) {
            guard count >= 0, digits.count > count else { return }
            let up = digits[count] >= 5
            digits.removeSubrange(count...)
            if up {
                var i = count - 1
                while i >= 0 {
                    if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
                }
                if i < 0 { digits.insert(1, at: 0); exponent += 1 }
            }
            trim()
        }

        /// Rounds to `decimals` digits after the point.
        mutating func roundDecimals(_ decimals: Int) {
            let keep = exponent + decimals
            if keep < 0 { digits = []; exponent = 0; return }
            roundSignificant(keep)
        }

        /// Integer part digits (at least "0").
        func integerDigits() -> [UInt8] {
            if exponent <= 0 { return [0] }
            var r = [UInt8](repeating: 0, count: exponent)
            for i in 0..<min(exponent, digits.count) { r[i] = digits[i] }
            return r
        }

        func fractionDigits(_ count: Int) -> [UInt8] {
            var r = [UInt8](repeating: 0, count: max(0, count))
            for k in 0..<max(0, count) {
                let idx = exponent + k
                if idx >= 0 && idx < digits.count { r[k] = digits[idx] }
            }
            return r
        }
    }

    static func digitsText(_ d: [UInt8]) -> String {
        String(decoding: d.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// .NET's G format from digits already rounded to `precision`.
    static func general(_ n: DigitNumber, precision: Int, expChar: String) -> String {
        if n.isZero { return n.negative ? "-0" : "0" }
        let exp10 = n.exponent - 1
        var s = n.negative ? "-" : ""
        if exp10 > -5 && exp10 < precision {
            if n.exponent <= 0 {
                s += "0." + String(repeating: "0", count: -n.exponent) + digitsText(n.digits)
            } else if n.digits.count <= n.exponent {
                s += digitsText(n.digits) + String(repeating: "0", count: n.exponent - n.digits.count)
            } else {
                s += digitsText(Array(n.digits[0..<n.exponent])) + "." + digitsText(Array(n.digits[n.exponent...]))
            }
            return s
        }
        s += String(n.digits[0])
        if n.digits.count > 1 { s += "." + digitsText(Array(n.digits[1...])) }
        let e = abs(exp10)
        s += expChar + (exp10 < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        return s
    }

    // MARK: Format strings

    /// `.ToString(format)` for a number; nil `format` or "" gives the default text.
    public static func toString(_ v: Value, format: String) throws -> String {
        let fmt = format
        if fmt.isEmpty { return Conversion.toString(v) }
        guard let source = NumericSource(v) else { return Conversion.toString(v) }
        if let std = parseStandard(fmt) {
            return try formatStandard(source, std.letter, std.precision, original: fmt)
        }
        return formatCustom(source, fmt)
    }

    /// A number prepared for formatting: its exact digits and whether it is integral.
    struct NumericSource {
        let isIntegerType: Bool
        let isDouble: Bool
        let double: Double
        let integerText: String?
        let decimalText: String?
        let value: Value

        init?(_ v: Value) {
            value = v
            switch v {
            case .int(let i): isIntegerType = true; isDouble = false; double = Double(i); integerText = String(i); decimalText = nil
            case .long(let l): isIntegerType = true; isDouble = false; double = Double(l); integerText = String(l); decimalText = nil
            case .double(let d): isIntegerType = false; isDouble = true; double = d; integerText = nil; decimalText = nil
            case .decimal(let d):
                isIntegerType = false; isDouble = false; double = d.doubleValue
                integerText = nil; decimalText = NumberFormatting.format(d)
            case .sized(let n):
                if n.kind == .single {
                    isIntegerType = false; isDouble = true; double = n.floating; integerText = nil; decimalText = nil
                } else {
                    isIntegerType = true; isDouble = false; double = n.floating; integerText = NumberFormatting.text(n); decimalText = nil
                }
            case .char, .bool, .string, .null, .object:
                return nil
            }
        }

        /// Digits for fixed-point formats: doubles are taken to 15 significant digits first, as .NET does.
        func digits(significant: Int = 15) -> DigitNumber {
            if let t = integerText { return DigitNumber(integerText: t) }
            if let t = decimalText { return DigitNumber(decimalText: t) }
            return DigitNumber(double, significant: significant)
        }

        /// Digits rounded to `decimals` places after the point once multiplied by 10^shift.
        /// Doubles round their exact binary value, ties to even (.NET Core 3.0+:
        /// `'{0:F1}' -f 0.35` is 0.3, `'{0:F1}' -f 0.25` is 0.2); integers and decimals round
        /// half away from zero.
        func fixedDigits(decimals: Int, shift: Int) -> DigitNumber {
            if isDouble {
                let text = String(format: "%.\(decimals + shift)f", double.magnitude)
                var d = DigitNumber(decimalText: text)
                d.negative = double.sign == .minus
                d.signedZero = d.negative && double != 0
                if !d.isZero { d.exponent += shift }
                return d
            }
            var d = digits()
            if !d.isZero { d.exponent += shift }
            d.roundDecimals(decimals)
            return d
        }

        var integerValue: (negative: Bool, magnitude: UInt64)? {
            guard let t = integerText else { return nil }
            if t.hasPrefix("-") { return (true, UInt64(t.dropFirst()) ?? 0) }
            return (false, UInt64(t) ?? 0)
        }
    }

    static func parseStandard(_ f: String) -> (letter: Character, precision: Int?)? {
        guard let first = f.first, first.isLetter, first.isASCII else { return nil }
        let rest = f.dropFirst()
        if rest.isEmpty { return (first, nil) }
        guard rest.count <= 9, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let p = Int(rest) else { return nil }
        // NOTE: .NET accepts precisions up to 999,999,999; teamsh caps them to keep memory bounded.
        return (first, min(p, 100_000))
    }

    static func formatError() -> RuntimeError {
        RuntimeError(.formatException, "Format specifier was invalid.", errorId: "FormatException", category: .NotSpecified)
    }

    static func formatStandard(_ src: NumericSource, _ letter: Character, _ precision: Int?, original: String) throws -> String {
        if src.isDouble && (src.double.isNaN || src.double.isInfinite) {
            return src.double.isNaN ? "NaN" : (src.double < 0 ? "-∞" : "∞")
        }
        switch letter {
        case "D", "d":
            guard let iv = src.integerValue else { throw formatError() }
            var t = String(iv.magnitude)
            if let p = precision, t.count < p { t = String(repeating: "0", count: p - t.count) + t }
            return (iv.negative ? "-" : "") + t
        case "X", "x":
            guard let t = src.integerText, let v = Int64(t) ?? (UInt64(t).map { Int64(bitPattern: $0) }) else { throw formatError() }
            var bits = UInt64(bitPattern: v)
            if case .int = src.value { bits = UInt64(UInt32(truncatingIfNeeded: v)) }
            if case .sized(let n) = src.value {
                switch n.kind {
                case .byte, .sbyte: bits &= 0xFF
                case .int16, .uint16: bits &= 0xFFFF
                case .uint32: bits &= 0xFFFF_FFFF
                default: break
                }
            }
            var h = String(bits, radix: 16, uppercase: letter == "X")
            if let p = precision, h.count < p { h = String(repeating: "0", count: p - h.count) + h }
            return h
        case "F", "f", "N", "n":
            let decimals = precision ?? 3
            let d = src.fixedDigits(decimals: decimals, shift: 0)
            return fixed(d, decimals: decimals, grouping: letter == "N" || letter == "n")
        case "P", "p":
            let decimals = precision ?? 3
            let d = src.fixedDigits(decimals: decimals, shift: 2)
            return fixed(d, decimals: decimals, grouping: true) + "%"
        case "C", "c":
            let decimals = precision ?? 2
            var d = src.fixedDigits(decimals: decimals, shift: 0)
            let neg = d.showsMinus
            d.negative = false
            return (neg ? "-$" : "$") + fixed(d, decimals: decimals, grouping: true)
        case "E", "e":
            let p = precision ?? 6
            var d = src.isDouble ? DigitNumber(src.double, significant: p + 1) : src.digits()
            d.roundSignificant(p + 1)
            var digits = d.digits
            while digits.count < p + 1 { digits.append(0) }
            let exp10 = d.isZero ? 0 : d.exponent - 1
            var s = d.negative && !d.isZero ? "-" : ""
            s += String(digits[0])
            if p > 0 { s += "." + digitsText(Array(digits[1...])) }
            let e = abs(exp10)
            let et = String(e)
            s += String(letter) + (exp10 < 0 ? "-" : "+") + String(repeating: "0", count: max(0, 3 - et.count)) + et
            return s
        case "G", "g":
            if src.integerText != nil && (precision == nil || precision == 0) { return Conversion.toString(src.value) }
            if src.decimalText != nil && (precision == nil || precision == 0) { return Conversion.toString(src.value) }
            if src.isDouble && (precision == nil || precision == 0) { return dotNetText(src.value) }
            let p = (precision == nil || precision == 0) ? 15 : precision ?? 15
            var d = src.isDouble ? DigitNumber(src.double, significant: p) : src.digits()
            d.roundSignificant(p)
            return general(d, precision: p, expChar: letter == "g" ? "e" : "E")
        case "R", "r":
            if src.isDouble { return dotNetText(src.value) }
            return Conversion.toString(src.value)
        default:
            throw formatError()
        }
    }

    /// .NET's own `ToString()` of a number (what `-f`, `[string]::Format` and `.ToString()`
    /// give, unlike pwsh's G15 conversions): doubles and singles as the shortest text that
    /// round-trips ("R"); other numbers as their plain text.
    public static func dotNetText(_ v: Value) -> String {
        switch v {
        case .double(let d): return shortestRoundTrip(d)
        case .sized(let n) where n.kind == .single:
            let f = Float(n.floating)
            if f.isNaN { return "NaN" }
            if f.isInfinite { return f < 0 ? "-∞" : "∞" }
            for p in 6...9 {
                let digits = DigitNumber(Double(f), significant: p)
                if Float(general(digits, precision: p, expChar: "E")) == f { return general(digits, precision: 7, expChar: "E") }
            }
            return general(DigitNumber(Double(f), significant: 9), precision: 7, expChar: "E")
        default:
            return Conversion.toString(v)
        }
    }

    /// .NET Core's shortest round-trippable text ("R"): exponent form from 1E+15 and below 1E-05.
    static func shortestRoundTrip(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-∞" : "∞" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        if d.magnitude < 1e15, d == d.rounded(), let i = Int64(exactly: d) { return String(i) }
        for p in 15...17 {
            let n = DigitNumber(d, significant: p)
            let text = general(n, precision: p, expChar: "E")
            if Double(text) == d { return general(n, precision: 15, expChar: "E") }
        }
        return general(DigitNumber(d, significant: 17), precision: 15, expChar: "E")
    }

    /// Fixed-point text of rounded digits, optionally grouped by thousands.
    static func fixed(_ d: DigitNumber, decimals: Int, grouping: Bool) -> String {
        let intDigits = d.integerDigits()
        var intText = digitsText(intDigits)
        if grouping && intText.count > 3 {
            var grouped = ""
            for (i, c) in intText.enumerated() {
                if i > 0 && (intText.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            intText = grouped
        }
        var s = d.showsMinus ? "-" : ""
        s += intText
        if decimals > 0 { s += "." + digitsText(d.fractionDigits(decimals)) }
        return s
    }

    // MARK: Custom formats

    /// Custom numeric formats: `0`, `#`, `.`, `,` (grouping / scaling), `%`, `‰`, `E0`/`e+0`,
    /// quoted literals, `\` escapes and `;` sections.
    static func formatCustom(_ src: NumericSource, _ format: String) -> String {
        let sections = splitSections(format)
        var d = src.digits()
        var section = sections[0]
        var negativeSection = false
        if d.negative && !d.isZero && sections.count > 1 && !sections[1].isEmpty {
            section = sections[1]
            negativeSection = true
        } else if d.isZero && sections.count > 2 && !sections[2].isEmpty {
            section = sections[2]
        }
        let chars = Array(section)
        // Analyse the pattern.
        var intPlaceholders = 0, intZeros = 0, fracPlaceholders = 0, fracZeros = 0
        var seenDot = false, grouping = false, percent = 0, scaleCommas = 0
        var expIndex: Int? = nil
        var firstZeroInt: Int? = nil
        var i = 0
        var lastPlaceholderWasDigit = false
        var pendingCommas = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\": i += 1
            case "'", "\"":
                i += 1
                while i < chars.count, chars[i] != c { i += 1 }
            case "0", "#":
                if pendingCommas > 0 && lastPlaceholderWasDigit && !seenDot { grouping = true }
                pendingCommas = 0
                if seenDot {
                    fracPlaceholders += 1
                    if c == "0" { fracZeros = fracPlaceholders }
                } else {
                    intPlaceholders += 1
                    if c == "0" {
                        if firstZeroInt == nil { firstZeroInt = intPlaceholders }
                    }
                }
                lastPlaceholderWasDigit = true
            case ",":
                if !seenDot { pendingCommas += 1 }
            case ".":
                if !seenDot {
                    scaleCommas += pendingCommas
                    pendingCommas = 0
                    seenDot = true
                }
            case "%": percent += 2
            case "‰": percent += 3
            case "E", "e":
                var j = i + 1
                if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
                if j < chars.count, chars[j] == "0", expIndex == nil { expIndex = i }
            default: break
            }
            if expIndex != nil { break }
            i += 1
        }
        if !seenDot { scaleCommas += pendingCommas }
        if let f = firstZeroInt { intZeros = intPlaceholders - f + 1 }
        if !d.isZero {
            d.exponent += percent
            d.exponent -= 3 * scaleCommas
        }
        var expValue = 0
        if let ei = expIndex {
            // Scientific: mantissa has intPlaceholders integer digits.
            let intCount = max(1, intPlaceholders)
            if !d.isZero {
                expValue = d.exponent - intCount
                d.exponent = intCount
            }
            d.roundDecimals(fracPlaceholders)
            if d.exponent > intCount, !d.isZero { d.exponent -= 1; expValue += 1 }
            _ = ei
        } else {
            d.roundDecimals(fracPlaceholders)
        }
        // Integer digits, padded with zeros as the pattern demands.
        var intDigits = d.exponent > 0 ? d.integerDigits() : []
        if intDigits.count < intZeros { intDigits = [UInt8](repeating: 0, count: intZeros - intDigits.count) + intDigits }
        var intText = digitsText(intDigits)
        if grouping && intText.count > 3 {
            var g = ""
            for (k, c) in intText.enumerated() {
                if k > 0 && (intText.count - k) % 3 == 0 { g.append(",") }
                g.append(c)
            }
            intText = g
        }
        var frac = d.fractionDigits(fracPlaceholders)
        while frac.count > fracZeros, let l = frac.last, l == 0 { frac.removeLast() }
        let fracText = digitsText(frac)
        // Emit: literal text in place, the number at the first placeholder.
        var out = ""
        var emittedNumber = false
        i = 0
        var inFraction = false
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
                continue
            case "'", "\"":
                i += 1
                while i < chars.count, chars[i] != c { out.append(chars[i]); i += 1 }
            case "0", "#", ",":
                if !emittedNumber && !inFraction {
                    out += intText
                    emittedNumber = true
                }
            case ".":
                if !inFraction {
                    if !emittedNumber { out += intText; emittedNumber = true }
                    inFraction = true
                    if !fracText.isEmpty { out += "." + fracText }
                }
            case "%": out.append("%")
            case "‰": out.append("‰")
            case "E", "e":
                if let ei = expIndex, ei == i {
                    var j = i + 1
                    var plus = false
                    if j < chars.count, chars[j] == "+" || chars[j] == "-" { plus = chars[j] == "+"; j += 1 }
                    var zeros = 0
                    while j < chars.count, chars[j] == "0" { zeros += 1; j += 1 }
                    let et = String(abs(expValue))
                    out.append(c)
                    if expValue < 0 { out += "-" } else if plus { out += "+" }
                    out += String(repeating: "0", count: max(0, zeros - et.count)) + et
                    i = j
                    continue
                }
                out.append(c)
            default:
                out.append(c)
            }
            i += 1
        }
        if !emittedNumber && intPlaceholders + fracPlaceholders > 0 { out = intText + out }
        let isNegative = d.negative && !d.isZero && !negativeSection
        return (isNegative ? "-" : "") + out
    }

    private static func splitSections(_ f: String) -> [String] {
        var sections: [String] = []
        var cur = ""
        var quote: Character? = nil
        var escape = false
        for c in f {
            if escape { cur.append(c); escape = false; continue }
            if let q = quote {
                cur.append(c)
                if c == q { quote = nil }
                continue
            }
            if c == "\\" { cur.append(c); escape = true; continue }
            if c == "'" || c == "\"" { quote = c; cur.append(c); continue }
            if c == ";" { sections.append(cur); cur = ""; continue }
            cur.append(c)
        }
        sections.append(cur)
        return sections
    }
}
