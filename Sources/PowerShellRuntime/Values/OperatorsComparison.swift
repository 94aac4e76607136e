import Foundation

/// String comparison as pwsh does it: culture-aware (invariant culture, ICU collation) for
/// ordering, ignoring case unless asked. NOTE: an approximation of ICU's root collation —
/// whitespace < punctuation < symbols < digits < letters; letters by base letter, then
/// accents, then lower case before upper case.
public enum StringCompare {
    @inline(__always)
    static func lowerInvariant(_ c: UInt16) -> UInt16 {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        guard let scalar = Unicode.Scalar(c) else { return c }
        let lowered = scalar.properties.lowercaseMapping.utf16
        return lowered.count == 1 ? (lowered.first ?? c) : c
    }

    @inline(__always)
    static func upperInvariant(_ c: UInt16) -> UInt16 {
        if c < 0x80 { return (c >= 0x61 && c <= 0x7A) ? c & ~0x20 : c }
        guard let scalar = Unicode.Scalar(c) else { return c }
        let upper = scalar.properties.uppercaseMapping.utf16
        return upper.count == 1 ? (upper.first ?? c) : c
    }

    /// .NET's String.ToUpper/ToLower (current or invariant culture, non-Turkish): each code point
    /// maps on its own to its *simple* case mapping, so the length never changes — 'ß' and the
    /// ligatures ('ﬁ') have no single-letter upper case and stay, Σ lowers to σ wherever it is
    /// (no final ς) — and ICU's mappings of U+0131 ı to I and U+0130 İ to i are not taken, as
    /// .NET's ChangeCase keeps them (dotnet/runtime pal_casing.c).
    /// NOTE: the simple mapping is taken as the full one when that is a single code point; the
    /// few letters whose full mapping is longer yet have a different simple one (Greek with
    /// ypogegrammeni, U+1F80…) keep their letter here.
    public static func changeCase(_ s: String, upper: Bool) -> String {
        var ascii = true
        for u in s.utf8 where u >= 0x80 { ascii = false; break }
        if ascii { return upper ? s.uppercased() : s.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value == (upper ? 0x131 : 0x130) {
                out.append(scalar)
                continue
            }
            let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            var it = mapped.unicodeScalars.makeIterator()
            if let only = it.next(), it.next() == nil { out.append(only) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// Equality ignoring case (fast for ASCII, no allocation).
    public static func equalsIgnoreCase(_ a: String, _ b: String) -> Bool {
        // ASCII text is compared byte by byte; the first byte beyond ASCII hands the whole
        // comparison to the UTF-16 rule below (a non-ASCII letter can fold to an ASCII one).
        var ba = a.utf8.makeIterator()
        var bb = b.utf8.makeIterator()
        while true {
            let ca = ba.next()
            let cb = bb.next()
            guard let x = ca, let y = cb else {
                if ca == nil && cb == nil { return true }
                if (ca ?? 0) < 0x80 && (cb ?? 0) < 0x80 { return false }
                break
            }
            if x >= 0x80 || y >= 0x80 { break }
            if x == y { continue }
            if x | 0x20 != y | 0x20 || !((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) { return false }
        }
        return equalsIgnoreCaseUTF16(a, b)
    }

    static func equalsIgnoreCaseUTF16(_ a: String, _ b: String) -> Bool {
        var ia = a.utf16.makeIterator()
        var ib = b.utf16.makeIterator()
        while true {
            let ca = ia.next()
            let cb = ib.next()
            guard let x = ca, let y = cb else { return ca == nil && cb == nil }
            if x == y { continue }
            if lowerInvariant(x) != lowerInvariant(y) { return false }
        }
    }

    /// Culture-aware comparison: -1, 0 or 1. Walks both strings once without allocating.
    public static func compare(_ a: String, _ b: String, ignoreCase: Bool) -> Int {
        if a == b { return 0 }
        var ia = a.utf16.makeIterator()
        var ib = b.utf16.makeIterator()
        var secondary = 0
        var tertiary = 0
        while true {
            let ca = nextSignificant(&ia)
            let cb = nextSignificant(&ib)
            guard let x = ca, let y = cb else {
                if ca != nil { return 1 }
                if cb != nil { return -1 }
                break
            }
            if x == y { continue }
            let wa = weight(x), wb = weight(y)
            if wa.primary != wb.primary { return wa.primary < wb.primary ? -1 : 1 }
            if secondary == 0 && wa.accent != wb.accent { secondary = wa.accent < wb.accent ? -1 : 1 }
            if tertiary == 0 && wa.upper != wb.upper { tertiary = wa.upper ? 1 : -1 }
        }
        if secondary != 0 { return secondary }
        if ignoreCase { return 0 }
        if tertiary != 0 { return tertiary }
        // Same collation keys: ordinal order keeps the order total.
        return a < b ? -1 : 1
    }

    @inline(__always)
    private static func nextSignificant(_ it: inout String.UTF16View.Iterator) -> UInt16? {
        while let c = it.next() {
            if !isIgnorable(c) { return c }
        }
        return nil
    }

    @inline(__always)
    static func isIgnorable(_ c: UInt16) -> Bool {
        (c < 0x20 && !(c >= 0x09 && c <= 0x0D)) || c == 0x7F || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0xAD
    }

    /// Punctuation and symbols in ICU root order, indexed by ASCII code.
    private static let asciiSymbolOrder: [Int] = {
        var t = [Int](repeating: 60, count: 128)
        for (i, c) in "\t\n\u{0B}\u{0C}\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".utf16.enumerated() { t[Int(c)] = i }
        return t
    }()

    struct Weight {
        var primary: Int
        var accent: Int
        var upper: Bool
    }

    static func weight(_ c: UInt16) -> Weight {
        if c < 0x80 {
            if c >= 0x61 && c <= 0x7A { return Weight(primary: 1000 + Int(c - 0x61) * 8, accent: 0, upper: false) }
            if c >= 0x41 && c <= 0x5A { return Weight(primary: 1000 + Int(c - 0x41) * 8, accent: 0, upper: true) }
            if c >= 0x30 && c <= 0x39 { return Weight(primary: 500 + Int(c - 0x30), accent: 0, upper: false) }
            return Weight(primary: 100 + asciiSymbolOrder[Int(c)], accent: 0, upper: false)
        }
        guard let scalar = Unicode.Scalar(c) else { return Weight(primary: 100_000 + Int(c), accent: 0, upper: false) }
        let props = scalar.properties
        if props.isWhitespace { return Weight(primary: 100, accent: 0, upper: false) }
        // Latin letters with diacritics sort with their base letter.
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.utf16
        if let base = decomposed.first, base < 0x80, decomposed.count > 1 {
            var w = weight(base)
            w.accent = Int(decomposed.dropFirst().first ?? 1)
            return w
        }
        switch c {
        case 0xDF: return Weight(primary: 1000 + 18 * 8 + 1, accent: 0, upper: false) // ß after s
        case 0xE6, 0xC6: return Weight(primary: 1000 + 1, accent: 0, upper: c == 0xC6) // æ after a
        case 0xF8, 0xD8: return Weight(primary: 1000 + 14 * 8 + 1, accent: 0, upper: c == 0xD8) // ø after o
        default: break
        }
        if props.isAlphabetic {
            let lower = lowerInvariant(c)
            return Weight(primary: 10_000 + Int(lower), accent: 0, upper: lower != c)
        }
        if props.numericType != nil { return Weight(primary: 600 + Int(c), accent: 0, upper: false) }
        return Weight(primary: 200 + Int(c) % 300, accent: 0, upper: false)
    }
}

extension Operators {
    enum CompareOp { case eq, ne, gt, ge, lt, le }

    // MARK: -eq -ne -gt -ge -lt -le

    static func comparison(_ op: CompareOp, _ l: Value, _ r: Value, caseSensitive: Bool, hooks: RuntimeHooks) throws -> Value {
        // Fast paths: int vs int, double vs double/int.
        switch (l, r) {
        case (.int(let a), .int(let b)):
            switch op {
            case .eq: return .bool(a == b)
            case .ne: return .bool(a != b)
            case .gt: return .bool(a > b)
            case .ge: return .bool(a >= b)
            case .lt: return .bool(a < b)
            case .le: return .bool(a <= b)
            }
        case (.double(let a), .double(let b)): return .bool(compareDoubles(op, a, b))
        case (.double(let a), .int(let b)): return .bool(compareDoubles(op, a, Double(b)))
        case (.int(let a), .double(let b)): return .bool(compareDoubles(op, Double(a), b))
        default: break
        }
        if case .object(let o) = l, let arr = o as? PSArray {
            var out: [Value] = []
            for item in arr.items where try compareScalar(op, item, r, caseSensitive: caseSensitive, hooks: hooks) {
                out.append(item)
            }
            return .object(PSArray(out))
        }
        return .bool(try compareScalar(op, l, r, caseSensitive: caseSensitive, hooks: hooks))
    }

    /// IEEE comparison: NaN is unordered (every ordering is false, -ne is true).
    @inline(__always)
    static func compareDoubles(_ op: CompareOp, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .gt: return a > b
        case .ge: return a >= b
        case .lt: return a < b
        case .le: return a <= b
        }
    }

    static func compareScalar(_ op: CompareOp, _ l: Value, _ r: Value, caseSensitive: Bool, hooks: RuntimeHooks?) throws -> Bool {
        switch op {
        case .eq: return equals(l, r, caseSensitive: caseSensitive, hooks: hooks)
        case .ne: return !equals(l, r, caseSensitive: caseSensitive, hooks: hooks)
        default:
            guard let c = try order(l, r, caseSensitive: caseSensitive, hooks: hooks) else { return false }
            switch op {
            case .gt: return c > 0
            case .ge: return c >= 0
            case .lt: return c < 0
            default: return c <= 0
            }
        }
    }

    /// `-eq` on scalars: the right operand converts to the left's type; a failed conversion is
    /// "not equal".
    public static func equals(_ a: Value, _ b: Value, caseSensitive: Bool) -> Bool {
        equals(a, b, caseSensitive: caseSensitive, hooks: nil)
    }

    static func equals(_ l: Value, _ r: Value, caseSensitive: Bool, hooks: RuntimeHooks?) -> Bool {
        switch (l, r) {
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)):
            return caseSensitive ? a == b : StringCompare.equalsIgnoreCase(a, b)
        case (.null, _): return r.isNull
        case (_, .null): return false
        default: break
        }
        switch l {
        case .string(let a):
            let b = Conversion.toString(r, hooks: hooks)
            return caseSensitive ? a == b : StringCompare.equalsIgnoreCase(a, b)
        case .bool(let a):
            return a == Conversion.toBool(r)
        case .char(let a):
            if case .string(let s) = r {
                let u = s.utf16
                guard u.count == 1, let c = u.first else { return false }
                return caseSensitive ? a == c : StringCompare.lowerInvariant(a) == StringCompare.lowerInvariant(c)
            }
            if case .char(let c) = r { return caseSensitive ? a == c : StringCompare.lowerInvariant(a) == StringCompare.lowerInvariant(c) }
            guard let n = Conversion.number(r) else { return false }
            return compareNumbers(.integer(Int64(a)), n) == 0
        case .int, .long, .double, .decimal, .sized:
            guard let a = Conversion.number(l) else { return false }
            guard let b = numericOperand(r, like: l, hooks: hooks) else { return false }
            return compareNumbers(a, b) == 0
        case .object(let o):
            if let e = o as? PSEnumValue {
                if case .string(let s) = r {
                    guard let v = try? Conversion.enumValue(parsing: s, e.definition, TypeResolver.object, original: r, hooks: hooks) else { return false }
                    return v == e.value
                }
                guard let n = Conversion.number(r) else { return false }
                return compareNumbers(.integer(e.value), n) == 0
            }
            if case .object(let ro) = r, ro === o { return true }
            // A script class that overrides Equals decides for itself.
            if let ci = o as? PSClassInstance, let h = hooks, ci.definition.methods["equals"] != nil,
               let result = try? h.invokeClassMethod(ci.definition, ci, "Equals", [r]) {
                return Conversion.toBool(result)
            }
            if let n = o as? PSNativeObject {
                let converted = (try? Conversion.convert(r, to: Conversion.typeOf(l), hooks: hooks)) ?? r
                if let eq = n.isEqual(to: converted) { return eq }
            }
            return false
        case .null:
            return r.isNull
        }
    }

    /// The right operand of a numeric comparison as a number, or nil when it cannot be one.
    static func numericOperand(_ r: Value, like l: Value, hooks: RuntimeHooks?) -> PSNumber? {
        if let n = Conversion.number(r) { return n }
        switch r {
        case .null: return .integer(0)
        case .string(let s):
            guard let v = try? numberFromString(s, other: l, hooks: hooks) else { return nil }
            return Conversion.number(v)
        default:
            guard let v = try? Conversion.convert(r, to: Conversion.typeOf(l), hooks: hooks) else { return nil }
            return Conversion.number(v)
        }
    }

    /// Numeric comparison across types; nil when unordered (NaN).
    static func compareNumbers(_ a: PSNumber, _ b: PSNumber) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.unsigned(let x), .unsigned(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.integer, .unsigned): return -1
        case (.unsigned, .integer): return 1
        case (.decimal(let x), .decimal(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.big(let x), _):
            if case .big(let y) = b { return BigInt.compare(x, y) }
            if case .integer(let y) = b { return BigInt.compare(x, BigInt(y)) }
        case (_, .big(let y)):
            if case .integer(let x) = a { return BigInt.compare(BigInt(x), y) }
        default: break
        }
        // Decimal with an integer compares as decimal; with a double, as decimal when the
        // double fits (pwsh's DecimalOps.CompareWithDouble), else as double.
        let aIsDec: Bool = { if case .decimal = a { return true }; return false }()
        let bIsDec: Bool = { if case .decimal = b { return true }; return false }()
        if aIsDec || bIsDec {
            let da = a.doubleValue, db = b.doubleValue
            if da.isFinite && db.isFinite && abs(da) < 7.9e28 && abs(db) < 7.9e28 {
                let x = decimalOf(a), y = decimalOf(b)
                return x < y ? -1 : (x == y ? 0 : 1)
            }
        }
        let x = a.doubleValue, y = b.doubleValue
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// Ordering for -gt/-lt: nil when unordered (NaN). Throws when the right operand cannot
    /// convert to the left's type or the left is not comparable.
    static func order(_ l: Value, _ r: Value, caseSensitive: Bool, hooks: RuntimeHooks?) throws -> Int? {
        // $null sorts below everything; against a number it sits just below zero
        // (`$null -lt 0` and `-1 -lt $null` are both true), as pwsh's comparison binder does.
        if case .null = r {
            if case .null = l { return 0 }
            if let n = plainNumber(l) { return n < 0 ? -1 : 1 }
            return 1
        }
        switch l {
        case .null:
            if let n = plainNumber(r) { return n >= 0 ? -1 : 1 }
            return -1
        case .string(let a):
            return StringCompare.compare(a, Conversion.toString(r, hooks: hooks), ignoreCase: !caseSensitive)
        case .bool(let a):
            let b = Conversion.toBool(r)
            return a == b ? 0 : (a ? 1 : -1)
        case .char(let a):
            // Char.CompareTo is ordinal, whatever the operator's case.
            if case .string(let s) = r, s.utf16.count == 1, let c = s.utf16.first {
                return a < c ? -1 : (a == c ? 0 : 1)
            }
            fallthrough
        case .int, .long, .double, .decimal, .sized:
            guard let a = Conversion.number(l) else { return nil }
            let b: PSNumber
            switch r {
            case .null: b = .integer(0)
            case .string(let s):
                guard let n = Conversion.number(try numberFromString(s, other: l, hooks: hooks)) else { return nil }
                b = n
            default:
                if let n = Conversion.number(r) {
                    b = n
                } else {
                    throw comparisonFailure(l, r, Conversion.typeOf(l), hooks: hooks)
                }
            }
            return compareNumbers(a, b)
        case .object(let o):
            if r.isNull { return 1 }
            if let e = o as? PSEnumValue {
                let other: Int64
                if case .string(let s) = r {
                    other = try Conversion.enumValue(parsing: s, e.definition, Conversion.typeOf(l), original: r, hooks: hooks)
                } else if let n = Conversion.number(r), let i = Conversion.integral(n).value {
                    other = i
                } else {
                    throw comparisonFailure(l, r, Conversion.typeOf(l), hooks: hooks)
                }
                return e.value < other ? -1 : (e.value == other ? 0 : 1)
            }
            if let n = o as? PSNativeObject {
                let converted: Value
                do { converted = try Conversion.convert(r, to: Conversion.typeOf(l), hooks: hooks) } catch {
                    throw comparisonFailure(l, r, Conversion.typeOf(l), hooks: hooks)
                }
                if let c = n.compare(to: converted) { return c }
            }
            throw RuntimeError(.runtimeException,
                               "Cannot compare \"\(Conversion.messageText(l, hooks: hooks))\" because it is not IComparable.",
                               errorId: "NotIcomparable", category: .InvalidOperation, target: l)
        }
    }

    /// A numeric (not bool/char) value as a Double, for comparisons with $null.
    private static func plainNumber(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .long(let l): return Double(l)
        case .double(let d): return d
        case .decimal(let d): return d.doubleValue
        case .sized(let n): return Conversion.number(n).doubleValue
        default: return nil
        }
    }

    static func comparisonFailure(_ l: Value, _ r: Value, _ type: PSType, hooks: RuntimeHooks?) -> RuntimeError {
        let inner = Conversion.finalCastError(r, type, hooks: hooks).record.exception.message
        let msg = "Could not compare \"\(Conversion.messageText(l, hooks: hooks))\" to \"\(Conversion.messageText(r, hooks: hooks))\". Error: \"\(inner)\""
        return RuntimeError(.runtimeException, msg, errorId: "ComparisonFailure", category: .InvalidOperation, target: l)
    }

    /// A total order for Sort-Object and friends: numbers numerically, strings culture-aware;
    /// values of different kinds compare as the left's type, else as text. `$null` is below
    /// everything but negative numbers (pwsh's LanguagePrimitives.CompareObjectToNull).
    public static func compare(_ a: Value, _ b: Value, caseSensitive: Bool) throws -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return StringCompare.compare(x, y, ignoreCase: !caseSensitive)
        case (.null, .null): return 0
        default: break
        }
        if let c = (try? order(a, b, caseSensitive: caseSensitive, hooks: nil)) ?? nil { return c }
        if case .double(let x) = a, x.isNaN {
            if case .double(let y) = b, y.isNaN { return 0 }
            return -1
        }
        if case .double(let y) = b, y.isNaN { return 1 }
        return StringCompare.compare(Conversion.toString(a), Conversion.toString(b), ignoreCase: !caseSensitive)
    }

    // MARK: -contains -in -like

    static func contains(_ collection: Value, _ item: Value, caseSensitive: Bool, hooks: RuntimeHooks) -> Bool {
        if let items = Conversion.enumerate(collection) {
            for x in items where equals(x, item, caseSensitive: caseSensitive, hooks: hooks) { return true }
            return false
        }
        return equals(collection, item, caseSensitive: caseSensitive, hooks: hooks)
    }

    static func like(_ l: Value, _ r: Value, caseSensitive: Bool, negate: Bool, hooks: RuntimeHooks) throws -> Value {
        let pattern = WildcardPattern(Conversion.toString(r, hooks: hooks), caseSensitive: caseSensitive)
        if let e = pattern.validationError { throw e }
        if case .object(let o) = l, let arr = o as? PSArray {
            var out: [Value] = []
            for item in arr.items where pattern.matches(Conversion.toString(item, hooks: hooks)) != negate { out.append(item) }
            return .object(PSArray(out))
        }
        return .bool(pattern.matches(Conversion.toString(l, hooks: hooks)) != negate)
    }
}
