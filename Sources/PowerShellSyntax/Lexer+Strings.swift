import Foundation

// MARK: - Strings

extension Lexer {
    /// `'text'` with `''` for a quote.
    func scanStringLiteral(_ start: Int) -> Token {
        var buf = UnitBuffer()
        let end = scanSingleQuotedContent(start, into: &buf)
        return Token(kind: .StringLiteral, start: start, end: end, value: .text(buf.string))
    }

    /// Reads a single-quoted string whose opening quote is at `start`; returns the offset after it.
    func scanSingleQuotedContent(_ start: Int, into buf: inout UnitBuffer) -> Int {
        var i = start + 1
        while i < limit {
            let c = u[i]
            if CharClass.isSingleQuote(c) {
                if CharClass.isSingleQuote(at(i + 1)) { buf.units.append(c); i += 2; continue }
                return i + 1
            }
            buf.units.append(c)
            i += 1
        }
        report("TerminatorExpectedAtEndOfString", "'", start: start, end: limit, incomplete: true)
        return limit
    }

    /// `"text $var $(…) `n"`.
    func scanStringExpandable(_ start: Int) -> Token {
        var b = StringPieces()
        let end = scanDoubleQuotedContent(start, into: &b)
        return Token(kind: .StringExpandable, start: start, end: end, value: b.finish())
    }

    /// Reads a double-quoted string whose opening quote is at `start`; returns the offset after it.
    func scanDoubleQuotedContent(_ start: Int, into b: inout StringPieces) -> Int {
        var i = start + 1
        while i < limit {
            let c = u[i]
            if CharClass.isDoubleQuote(c) {
                if CharClass.isDoubleQuote(at(i + 1)) { b.append(c); i += 2; continue }
                return i + 1
            }
            if c == 0x60 && i + 1 < limit {
                let (units, next) = decodeEscape(i + 1)
                b.append(units)
                i = next
                continue
            }
            if c == 0x24, let next = scanDollarInString(i, into: &b) {
                i = next
                continue
            }
            b.append(c)
            i += 1
        }
        report("TerminatorExpectedAtEndOfString", "\"", start: start, end: limit, incomplete: true)
        return limit
    }

    /// `@' … '@` and `@" … "@`: the header must end its line and the footer must start one.
    func scanHereString(_ start: Int, expandable: Bool) -> Token {
        let kind: TokenKind = expandable ? .HereStringExpandable : .HereStringLiteral
        var i = start + 2
        while i < limit && (u[i] == 0x20 || u[i] == 0x09) { i += 1 }
        if i < limit && u[i] != 0x0A && u[i] != 0x0D {
            report("UnexpectedCharactersAfterHereStringHeader", start: start + 2, end: i + 1)
            // ErrorRecovery: take the rest of the header line as part of the string.
            while i < limit && u[i] != 0x0A && u[i] != 0x0D { i += 1 }
        }
        if i < limit && u[i] == 0x0D { i += 1 }
        if i < limit && u[i] == 0x0A { i += 1 }
        let contentStart = i
        // Find a line that starts with the footer.
        var lineStart = contentStart
        var footer = -1
        var j = contentStart
        while true {
            if j >= limit { break }
            if j == lineStart && isHereFooter(j, expandable) { footer = j; break }
            let c = u[j]
            j += 1
            if c == 0x0A || (c == 0x0D && at(j) != 0x0A) { lineStart = j }
        }
        if footer < 0 {
            report("TerminatorExpectedAtEndOfString", expandable ? "\"@" : "'@", start: start, end: limit, incomplete: true)
            return makeHereString(kind, start, contentStart, limit, limit, expandable)
        }
        // The line break before the footer is not part of the string.
        var contentEnd = footer
        if contentEnd > contentStart && u[contentEnd - 1] == 0x0A { contentEnd -= 1 }
        if contentEnd > contentStart && u[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        if contentEnd < contentStart { contentEnd = contentStart }
        return makeHereString(kind, start, contentStart, contentEnd, footer + 2, expandable)
    }

    private func isHereFooter(_ j: Int, _ expandable: Bool) -> Bool {
        let c = at(j)
        return (expandable ? CharClass.isDoubleQuote(c) : CharClass.isSingleQuote(c)) && at(j + 1) == 0x40
    }

    private func makeHereString(_ kind: TokenKind, _ start: Int, _ cs: Int, _ ce: Int, _ end: Int, _ expandable: Bool) -> Token {
        if !expandable {
            return Token(kind: kind, start: start, end: end, value: .text(text(cs, ce)))
        }
        var b = StringPieces()
        var i = cs
        while i < ce {
            let c = u[i]
            if c == 0x60 && i + 1 < ce {
                let (units, next) = decodeEscape(i + 1)
                b.append(units)
                i = next
                continue
            }
            if c == 0x24, let next = scanDollarInString(i, into: &b) {
                i = next
                continue
            }
            b.append(c)
            i += 1
        }
        return Token(kind: kind, start: start, end: end, value: b.finish())
    }

    /// A `$` inside an expandable string or bareword at `i`: `$(…)`, `${…}`, `$name`. Returns
    /// the offset after it, or nil when the `$` is plain text.
    func scanDollarInString(_ i: Int, into b: inout StringPieces) -> Int? {
        let c1 = at(i + 1)
        if c1 == 0x28 {
            let end = findSubExpressionEnd(i + 2) ?? limit
            b.addPart(.subExpression(start: i, end: end), raw: Array(u[i..<end]))
            return end
        }
        if c1 == 0x7B {
            let t = scanBracedVariable(i, kind: .Variable)
            if case .variable(let name, let scope, _) = t.value {
                b.addPart(.variable(name: name, scope: scope, start: i, end: t.end), raw: Array(u[i..<t.end]))
            }
            return t.end
        }
        guard let (name, scope, end) = scanVariableName(i + 1, inString: true) else { return nil }
        b.addPart(.variable(name: name, scope: scope, start: i, end: end), raw: Array(u[i..<end]))
        return end
    }

    /// The offset after the `)` that closes a `$(` whose contents start at `from`, or nil if the
    /// text ends first.
    func findSubExpressionEnd(_ from: Int) -> Int? {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Lexer.maxNesting {
            report("ScriptTooComplicated", start: from, end: from)
            return nil
        }
        var depth = 1
        var pos = from
        while true {
            let t = scan(at: pos, mode: .expression)
            switch t.kind {
            case .EndOfInput:
                report("IncompleteDollarSubexpressionReference", start: from - 2, end: limit, incomplete: true)
                return nil
            case .LParen, .DollarParen, .AtParen: depth += 1
            case .RParen:
                depth -= 1
                if depth == 0 { return t.end }
            default: break
            }
            pos = max(t.end, pos + 1)
        }
    }

    /// `` `u{XXXX} `` with `i` at the `u`, as pwsh's ScanUnicodeEscape reads it: a `{`, one to six
    /// hex digits, a `}`, a value up to 10FFFF. Each fault is reported where pwsh reports it: a
    /// missing `{` or an empty `{}` over the escape, a bad or seventh digit at that character,
    /// a value too large under its digits.
    private func decodeUnicodeEscape(_ i: Int) -> ([UInt16], Int) {
        let escapeStart = i - 1
        guard at(i + 1) == 0x7B else {
            report("InvalidUnicodeEscapeSequence", start: escapeStart, end: i + 1)
            return ([], i + 1)
        }
        var j = i + 2
        var value: UInt32 = 0
        for count in 0...6 {
            let c = at(j)
            if c == 0x7D && j < limit {
                if count == 0 {
                    report("InvalidUnicodeEscapeSequence", start: escapeStart, end: j + 1)
                    return ([], j + 1)
                }
                break
            }
            guard j < limit, let d = CharClass.hexValue(c) else {
                report(count < 6 ? "InvalidUnicodeEscapeSequence" : "MissingUnicodeEscapeSequenceTerminator", start: j, end: j + 1)
                return ([], j)
            }
            if count == 6 {
                report("TooManyDigitsInUnicodeEscapeSequence", start: j, end: j + 1)
                return ([], j)
            }
            value = value &* 16 &+ UInt32(d)
            j += 1
        }
        // A lone surrogate stays one UTF-16 unit, as pwsh's (char) conversion keeps it.
        if (0xD800...0xDFFF).contains(value) { return ([UInt16(value)], j + 1) }
        guard value <= 0x10FFFF, let scalar = Unicode.Scalar(value) else {
            report("InvalidUnicodeEscapeSequenceValue", start: i + 2, end: j)
            return ([], j + 1)
        }
        return (Array(String(Character(scalar)).utf16), j + 1)
    }

    /// The character(s) a backtick escape at `i` (the character after the backtick) stands
    /// for, and the offset after the escape.
    func decodeEscape(_ i: Int) -> ([UInt16], Int) {
        let c = at(i)
        switch c {
        case 0x30: return ([0], i + 1)
        case 0x61: return ([7], i + 1)
        case 0x62: return ([8], i + 1)
        case 0x65: return ([0x1B], i + 1)
        case 0x66: return ([0x0C], i + 1)
        case 0x6E: return ([0x0A], i + 1)
        case 0x72: return ([0x0D], i + 1)
        case 0x74: return ([0x09], i + 1)
        case 0x76: return ([0x0B], i + 1)
        case 0x75:
            return decodeUnicodeEscape(i)
        case 0x0D:
            // A backtick before a line break inside a string keeps the line break.
            return at(i + 1) == 0x0A ? ([0x0D, 0x0A], i + 2) : ([0x0D], i + 1)
        default:
            return ([c], i + 1)
        }
    }
}

// MARK: - Numbers

extension Lexer {
    /// A number (`42`, `0x1F`, `1.5e3`, `10kb`, `7L`, `-5` in argument mode) or, when the
    /// characters do not form one, a bareword (`7z`, `2024-01-01`).
    func scanNumber(_ start: Int, mode: LexMode) -> Token {
        var i = start
        var negative = false
        if CharClass.isDash(u[i]) || u[i] == 0x2B { negative = CharClass.isDash(u[i]); i += 1 }
        var digits: [UInt8] = []
        var real = false
        var radix = 10
        var notNumber = false
        func scanDecimal() { while CharClass.isDigit(at(i)) { digits.append(UInt8(at(i))); i += 1 } }
        func scanExponent() {
            digits.append(0x65)
            i += 1
            if at(i) == 0x2B || CharClass.isDash(at(i)) { digits.append(at(i) == 0x2B ? 0x2B : 0x2D); i += 1 }
            let before = digits.count
            scanDecimal()
            if digits.count == before { notNumber = true }
        }
        func scanAfterDot() {
            digits.append(0x2E)
            i += 1
            scanDecimal()
            if at(i) == 0x65 || at(i) == 0x45 { scanExponent() }
        }
        if at(i) == 0x2E {
            real = true
            scanAfterDot()
        } else if at(i) == 0x30 && (at(i + 1) | 0x20 == 0x78 || at(i + 1) | 0x20 == 0x62) {
            radix = at(i + 1) | 0x20 == 0x78 ? 16 : 2
            i += 2
            while let d = CharClass.hexValue(at(i)), d < radix { digits.append(UInt8(d)); i += 1 }
            if digits.isEmpty { notNumber = true }
        } else {
            scanDecimal()
            if at(i) == 0x2E && at(i + 1) != 0x2E {
                real = true
                scanAfterDot()
            } else if at(i) == 0x65 || at(i) == 0x45 {
                real = true
                scanExponent()
            }
        }
        // Type suffix: l u ul us uy s y n d.
        var suffix = ""
        let s1 = at(i) | 0x20
        if [0x6C, 0x75, 0x73, 0x79, 0x6E, 0x64].contains(s1) && at(i) < 0x80 {
            suffix.append(Character(Unicode.Scalar(UInt8(s1))))
            i += 1
            let s2 = at(i) | 0x20
            if [0x6C, 0x75, 0x73, 0x79, 0x6E, 0x64].contains(s2) && at(i) < 0x80 {
                if s1 == 0x75 && (s2 == 0x6C || s2 == 0x73 || s2 == 0x79) {
                    suffix.append(Character(Unicode.Scalar(UInt8(s2))))
                } else {
                    notNumber = true
                }
                i += 1
            }
        }
        var multiplier: Int64 = 1
        let m = at(i) | 0x20
        // kb mb gb tb pb (a switch: a dictionary literal here was built for every number).
        let suffixMultiplier: Int64?
        switch m {
        case 0x6B: suffixMultiplier = 1 << 10
        case 0x6D: suffixMultiplier = 1 << 20
        case 0x67: suffixMultiplier = 1 << 30
        case 0x74: suffixMultiplier = 1 << 40
        case 0x70: suffixMultiplier = 1 << 50
        default: suffixMultiplier = nil
        }
        if let mult = suffixMultiplier, at(i) < 0x80 {
            multiplier = mult
            i += 1
            if at(i) | 0x20 == 0x62 { i += 1 } else { notNumber = true }
        }
        let next = at(i)
        if i < limit && !CharClass.forceStartNewToken(next) {
            let ternaryEnd = mode == .expression && endNumberOnTernaryChars && (next == 0x3F || next == 0x3A)
            if !ternaryEnd && (mode != .expression || !CharClass.forceStartNewTokenAfterNumber(next)) { notNumber = true }
        }
        if notNumber { return scanGeneric(start, start, mode: mode) }
        if let value = numberValue(digits: digits, negative: negative, real: real, radix: radix, suffix: suffix, multiplier: multiplier) {
            return Token(kind: .Number, start: start, end: i, value: .number(value))
        }
        if mode != .expression { return scanGeneric(start, start, mode: mode) }
        report("BadNumericConstant", text(start, i), start: start, end: i)
        return Token(kind: .Number, start: start, end: i, value: .number(.int32(0)))
    }

    private func numberValue(digits: [UInt8], negative: Bool, real: Bool, radix: Int, suffix: String, multiplier: Int64) -> NumberLiteral? {
        let sign = negative ? "-" : ""
        if real {
            let textValue = sign + String(decoding: digits, as: UTF8.self)
            if suffix == "d" {
                if multiplier == 1 { return .decimal(textValue) }
                // pwsh multiplies the decimal, keeping its scale: 1.30dmb is 1363148.80.
                if let t = Self.multiplyDecimalText(textValue, by: multiplier) { return .decimal(t) }
                guard let d = Double(textValue) else { return nil }
                return .decimal(String(d * Double(multiplier)))
            }
            guard let d = Double(textValue) else { return nil }
            let v = d * Double(multiplier)
            if suffix.isEmpty { return .double(v) }
            guard v.isFinite, abs(v) < 1.8e19 else { return nil }
            // pwsh rounds a real to its integer suffix's type as Math.Round does: halves to even.
            return integerLiteral(negative: v < 0, magnitude: UInt64(abs(v.rounded(.toNearestOrEven))), overflow: false, suffix: suffix, decimalText: nil)
        }
        // Integer: accumulate the magnitude, noting overflow.
        var mag: UInt64 = 0
        var overflow = false
        for d in digits {
            let digit = UInt64(radix == 10 ? Int(d) - 0x30 : Int(d))
            let (m1, o1) = mag.multipliedReportingOverflow(by: UInt64(radix))
            let (m2, o2) = m1.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true }
            mag = m2
        }
        if radix != 10 {
            if overflow || digits.count > (radix == 16 ? 16 : 64) { return nil }
            // pwsh reads a hex literal of exactly the type's width as two's complement: 0xFFFFFFFF is -1.
            if !suffix.hasPrefix("u") {
                let bits: Int
                if radix == 16 {
                    let width = suffix == "y" ? 2 : suffix == "s" ? 4 : suffix == "l" ? 16 : (digits.count < 16 ? 8 : 16)
                    bits = digits.count == width ? width * 4 : 0
                } else {
                    // A binary literal that starts with 1 has a sign bit at a type's width
                    // (Utils.ParseBinary: 8, 16, 32 or 64 digits): 0b11111111 is -1.
                    bits = digits.first == 1 && [8, 16, 32, 64].contains(digits.count) ? digits.count : 0
                }
                if bits > 0 && bits < 64 && mag & (1 << UInt64(bits - 1)) != 0 {
                    let signed = Int64(mag) - (Int64(1) << Int64(bits))
                    return scaled(signed, negative: negative, multiplier: multiplier, suffix: radix == 16 && digits.count >= 15 && suffix.isEmpty ? "l" : suffix)
                }
                if bits == 64 {
                    return scaled(Int64(bitPattern: mag), negative: negative, multiplier: multiplier, suffix: suffix.isEmpty ? "l" : suffix)
                }
            }
            let suffix2 = ((radix == 16 ? digits.count >= 15 : digits.count == 64) && suffix.isEmpty) ? "l" : suffix
            if mag <= UInt64(Int64.max) { return scaled(Int64(mag), negative: negative, multiplier: multiplier, suffix: suffix2) }
            return integerLiteral(negative: negative, magnitude: mag, overflow: false, suffix: suffix, decimalText: nil)
        }
        let (product, o3) = mag.multipliedReportingOverflow(by: UInt64(multiplier))
        let digitText = String(decoding: digits, as: UTF8.self)
        return integerLiteral(negative: negative, magnitude: product, overflow: overflow || o3, suffix: suffix,
                              decimalText: multiplier == 1 ? sign + digitText : nil)
    }

    /// Plain decimal text ("-1.30", no exponent) times a positive multiplier, exactly, with the
    /// same digits after the point; nil for text with an exponent.
    static func multiplyDecimalText(_ text: String, by multiplier: Int64) -> String? {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative || body.hasPrefix("+") { body = body.dropFirst() }
        guard multiplier > 0, !body.isEmpty, body.allSatisfy({ $0 == "." || $0.isASCII && $0.isNumber }) else { return nil }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let scale = parts.count == 2 ? parts[1].count : 0
        var digits = Array((String(parts[0]) + (parts.count == 2 ? String(parts[1]) : "")).utf8).map { UInt64($0 - 0x30) }
        var carry: UInt64 = 0
        for k in stride(from: digits.count - 1, through: 0, by: -1) {
            let p = digits[k] * UInt64(multiplier) + carry
            digits[k] = p % 10
            carry = p / 10
        }
        while carry > 0 { digits.insert(carry % 10, at: 0); carry /= 10 }
        while digits.count > scale + 1, digits[0] == 0 { digits.removeFirst() }
        while digits.count < scale + 1 { digits.insert(0, at: 0) }
        var out = digits.map { String($0) }.joined()
        if scale > 0 { out.insert(".", at: out.index(out.endIndex, offsetBy: -scale)) }
        return (negative ? "-" : "") + out
    }

    private func scaled(_ v: Int64, negative: Bool, multiplier: Int64, suffix: String) -> NumberLiteral? {
        let (p, o) = v.multipliedReportingOverflow(by: negative ? -multiplier : multiplier)
        if o { return nil }
        return integerLiteral(negative: p < 0, magnitude: p.magnitude, overflow: false, suffix: suffix, decimalText: nil)
    }

    /// Types an integer by its suffix, or Int32 → Int64 → Decimal → Double without one.
    private func integerLiteral(negative: Bool, magnitude: UInt64, overflow: Bool, suffix: String, decimalText: String?) -> NumberLiteral? {
        let signed: Int64? = overflow ? nil : negative
            ? (magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil)
            : (magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil)
        switch suffix {
        case "":
            if let s = signed {
                if let i = Int32(exactly: s) { return .int32(i) }
                return .int64(s)
            }
            if let t = decimalText, t.count <= 29 { return .decimal(t) }
            if let t = decimalText, let d = Double(t) { return .double(d) }
            return .double((negative ? -1 : 1) * Double(magnitude))
        case "l": return signed.map { .int64($0) }
        case "s": return signed.flatMap { Int16(exactly: $0) }.map { .int16($0) }
        case "y": return signed.flatMap { Int8(exactly: $0) }.map { .sbyte($0) }
        case "us": return signed.flatMap { UInt16(exactly: $0) }.map { .uint16($0) }
        case "uy": return signed.flatMap { UInt8(exactly: $0) }.map { .byte($0) }
        case "u":
            if overflow || negative && magnitude != 0 { return nil }
            if let v = UInt32(exactly: magnitude) { return .uint32(v) }
            return .uint64(magnitude)
        case "ul":
            if overflow || negative && magnitude != 0 { return nil }
            return .uint64(magnitude)
        case "n":
            if let t = decimalText { return .bigInteger(t) }
            return .bigInteger((negative ? "-" : "") + String(magnitude))
        case "d":
            if let t = decimalText { return .decimal(t) }
            if overflow { return nil }
            return .decimal((negative ? "-" : "") + String(magnitude))
        default: return nil
        }
    }
}

// MARK: - Character classes

/// Character tests as pwsh's `CharExtensions` (on UTF-16 units).
enum CharClass {
    @inline(__always) static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isASCIILetter(_ c: UInt16) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    static func isLetter(_ c: UInt16) -> Bool {
        if c < 0x80 { return isASCIILetter(c) }
        guard let s = Unicode.Scalar(c) else { return true } // surrogate halves: treat as letters
        return s.properties.isAlphabetic
    }

    static func isIdentifierStart(_ c: UInt16) -> Bool { c < 0x80 ? isASCIILetter(c) || c == 0x5F : isLetter(c) }

    static func isIdentifierFollow(_ c: UInt16) -> Bool {
        if c < 0x80 { return isASCIILetter(c) || isDigit(c) || c == 0x5F }
        guard let s = Unicode.Scalar(c) else { return true }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// First character of a variable name after `$`.
    static func isVariableStart(_ c: UInt16) -> Bool {
        if c < 0x80 { return isASCIILetter(c) || isDigit(c) || c == 0x5F || c == 0x3A || c == 0x3F || c == 0x5E || c == 0x24 }
        return isIdentifierFollow(c)
    }

    static func isWhitespace(_ c: UInt16) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isDash(_ c: UInt16) -> Bool { c == 0x2D || c == 0x2013 || c == 0x2014 || c == 0x2015 }
    static func isSingleQuote(_ c: UInt16) -> Bool { c == 0x27 || (c >= 0x2018 && c <= 0x201B) }
    static func isDoubleQuote(_ c: UInt16) -> Bool { c == 0x22 || (c >= 0x201C && c <= 0x201E) }
    static func isQuote(_ c: UInt16) -> Bool { isSingleQuote(c) || isDoubleQuote(c) }

    /// Characters that end a bareword in any mode: whitespace, newlines, `& ( ) , ; { | }`.
    static func forceStartNewToken(_ c: UInt16) -> Bool {
        switch c {
        case 0, 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x26, 0x28, 0x29, 0x2C, 0x3B, 0x7B, 0x7C, 0x7D: return true
        default: return c >= 0x80 && isWhitespace(c)
        }
    }

    /// Characters that end a number in expression mode (`7+1`, `7..9`, `7]`).
    static func forceStartNewTokenAfterNumber(_ c: UInt16) -> Bool {
        switch c {
        case 0x21, 0x23, 0x25, 0x2A, 0x2B, 0x2D, 0x2E, 0x2F, 0x3C, 0x3D, 0x3E, 0x5D: return true
        default: return c >= 0x80 && isDash(c)
        }
    }

    static func hexValue(_ c: UInt16) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x41...0x46: return Int(c - 0x41 + 10)
        case 0x61...0x66: return Int(c - 0x61 + 10)
        default: return nil
        }
    }
}
