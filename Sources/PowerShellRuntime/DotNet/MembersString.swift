import Foundation

/// System.String's methods. Positions and lengths count UTF-16 units, as .NET does.
/// NOTE: culture-sensitive matching (IndexOf(string), StartsWith, EndsWith) is done ordinally;
/// pwsh (ICU, en-US) differs only for ignorable and combining characters.
enum StringMembers {
    static let methodNames = [
        "Clone", "CompareTo", "Contains", "CopyTo", "EndsWith", "EnumerateRunes", "Equals", "GetEnumerator",
        "GetHashCode", "GetPinnableReference", "GetType", "GetTypeCode", "IndexOf", "IndexOfAny", "Insert",
        "IsNormalized", "LastIndexOf", "LastIndexOfAny", "Normalize", "PadLeft", "PadRight", "Remove", "Replace",
        "ReplaceLineEndings", "Split", "StartsWith", "Substring", "ToBoolean", "ToByte", "ToChar", "ToCharArray",
        "ToDateTime", "ToDecimal", "ToDouble", "ToInt16", "ToInt32", "ToInt64", "ToLower", "ToLowerInvariant",
        "ToSByte", "ToSingle", "ToString", "ToType", "ToUInt16", "ToUInt32", "ToUInt64", "ToUpper",
        "ToUpperInvariant", "Trim", "TrimEnd", "TrimStart", "Chars",
    ]

    typealias U = [UInt16]

    @inline(__always) static func str(_ u: ArraySlice<UInt16>) -> Value { .string(String(decoding: u, as: UTF16.self)) }
    @inline(__always) static func str(_ u: U) -> Value { .string(String(decoding: u, as: UTF16.self)) }

    /// Runs a String method; nil when String has none by that (lower-cased) name.
    static func invoke(_ s: String, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "substring":
            try a.expect(1...2)
            let u = U(s.utf16)
            let start = try a.int(0, "startIndex")
            let length = a.count == 2 ? try a.int(1, "length") : u.count - start
            try checkSubstring(u.count, start, length, twoArgs: a.count == 2)
            return str(u[start..<(start + length)])
        case "toupper", "toupperinvariant":
            try a.expect(0...1)
            return .string(StringCompare.changeCase(s, upper: true))
        case "tolower", "tolowerinvariant":
            try a.expect(0...1)
            return .string(StringCompare.changeCase(s, upper: false))
        case "trim", "trimstart", "trimend":
            let set = try trimSet(a)
            let u = U(s.utf16)
            var lo = 0, hi = u.count
            if name != "trimend" { while lo < hi && set(u[lo]) { lo += 1 } }
            if name != "trimstart" { while hi > lo && set(u[hi - 1]) { hi -= 1 } }
            return str(u[lo..<hi])
        case "contains":
            try a.expect(1...2)
            let ignore = a.count == 2 ? try ignoreCase(a, 1) : false
            let needle = a.string(0)
            return .bool(find(U(s.utf16), U(needle.utf16), from: 0, ignoreCase: ignore) != nil)
        case "startswith", "endswith":
            try a.expect(1...3)
            let needle = a.string(0)
            var ignore = false
            if a.count == 2 { ignore = try ignoreCase(a, 1) }
            if a.count == 3 { ignore = a.bool(1) }
            let h = ignore ? fold(U(s.utf16)) : U(s.utf16)
            let n = ignore ? fold(U(needle.utf16)) : U(needle.utf16)
            if n.count > h.count { return .bool(false) }
            return .bool(name == "startswith" ? Array(h.prefix(n.count)) == n : Array(h.suffix(n.count)) == n)
        case "indexof", "lastindexof":
            return try indexOf(s, last: name == "lastindexof", a)
        case "indexofany", "lastindexofany":
            try a.expect(1...3)
            let set = Set(try a.chars(0, "anyOf"))
            let u = U(s.utf16)
            let last = name == "lastindexofany"
            let (lo, hi) = try searchRange(u.count, a, startAt: 1, last: last)
            if last {
                var i = hi - 1
                while i >= lo { if set.contains(u[i]) { return .int(Int32(i)) }; i -= 1 }
            } else {
                for i in lo..<max(lo, hi) where set.contains(u[i]) { return .int(Int32(i)) }
            }
            return .int(-1)
        case "replace":
            return try replace(s, a)
        case "split":
            return try split(s, a)
        case "padleft", "padright":
            try a.expect(1...2)
            let width = try a.int(0, "totalWidth")
            if width < 0 { throw negative("totalWidth", width) }
            let pad = a.count == 2 ? try a.char(1, "paddingChar") : 0x20
            let u = U(s.utf16)
            if width <= u.count { return .string(s) }
            if width > Operators.maxStringLength { throw tooLong() }
            let fill = U(repeating: pad, count: width - u.count)
            return str(name == "padleft" ? fill + u : u + fill)
        case "insert":
            try a.expect(2)
            let u = U(s.utf16)
            let start = try a.int(0, "startIndex")
            let value = a.string(1)
            if start < 0 || start > u.count { throw outOfRange("startIndex") }
            return str(Array(u[0..<start]) + U(value.utf16) + Array(u[start...]))
        case "remove":
            try a.expect(1...2)
            let u = U(s.utf16)
            let start = try a.int(0, "startIndex")
            if start < 0 { throw negative("startIndex", start) }
            if a.count == 1 {
                if start >= u.count { throw MemberFailure.dotnet(.argumentOutOfRangeException, "startIndex must be less than length of string. (Parameter 'startIndex')") }
                return str(u[0..<start])
            }
            let count = try a.int(1, "count")
            if count < 0 { throw negative("count", count) }
            if count > u.count - start { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Index and count must refer to a location within the string. (Parameter 'count')") }
            return str(Array(u[0..<start]) + Array(u[(start + count)...]))
        case "tochararray":
            if a.count != 0 && a.count != 2 { throw MemberFailure.noOverload }
            var u = U(s.utf16)
            if a.count == 2 {
                let start = try a.int(0, "startIndex"), length = try a.int(1, "length")
                if start < 0 || length < 0 || start > u.count - length { throw outOfRange("startIndex") }
                u = Array(u[start..<(start + length)])
            }
            return .object(PSArray(u.map { .char($0) }, kind: .array(elementType: "System.Char")))
        case "chars":
            try a.expect(1)
            let u = U(s.utf16)
            let i = try a.int(0, "index")
            guard i >= 0 && i < u.count else { throw MemberFailure.dotnet(.indexOutOfRangeException, "Index was outside the bounds of the array.") }
            return .char(u[i])
        case "equals":
            try a.expect(1...2)
            guard case .string(let other) = a[0] else { return .bool(false) }
            if a.count == 2, try ignoreCase(a, 1) { return .bool(fold(U(s.utf16)) == fold(U(other.utf16))) }
            return .bool(U(s.utf16) == U(other.utf16))
        case "compareto":
            try a.expect(1)
            if a[0].isNull { return .int(1) }
            return .int(Int32(cultureCompare(s, a.string(0), ignoreCase: false)))
        case "clone", "tostring":
            try a.expect(0...1)
            return .string(s)
        case "gethashcode":
            try a.expect(0)
            return .int(hashCode(s))
        case "normalize":
            try a.expect(0...1)
            return .string(normalize(s, form: a.count == 1 ? a.string(0) : "FormC"))
        case "isnormalized":
            try a.expect(0...1)
            return .bool(normalize(s, form: a.count == 1 ? a.string(0) : "FormC") == s)
        case "replacelineendings":
            try a.expect(0...1)
            let nl = a.count == 1 ? a.string(0) : "\n"
            let lines = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            return .string(lines.replacingOccurrences(of: "\n", with: nl))
        case "gettypecode":
            try a.expect(0)
            return .string("String")
        default:
            return nil
        }
    }

    // MARK: - Helpers

    static func negative(_ parameter: String, _ value: Int) -> MemberFailure {
        .dotnet(.argumentOutOfRangeException, "\(parameter) ('\(value)') must be a non-negative value. (Parameter '\(parameter)')\nActual value was \(value).")
    }

    static func outOfRange(_ parameter: String) -> MemberFailure {
        .dotnet(.argumentOutOfRangeException, "Specified argument was out of the range of valid values. (Parameter '\(parameter)')")
    }

    /// A string longer than .NET's maximum cannot be allocated (see Operators.checkStringLength).
    static func tooLong() -> MemberFailure {
        .dotnet(.outOfMemoryException, "Insufficient memory to continue the execution of the program.")
    }

    static func nullArgument(_ parameter: String) -> MemberFailure {
        .dotnet(.argumentNullException, "Value cannot be null. (Parameter '\(parameter)')")
    }

    /// .NET's Substring argument checks, in its order.
    static func checkSubstring(_ length: Int, _ start: Int, _ count: Int, twoArgs: Bool) throws {
        if start < 0 { throw negative("startIndex", start) }
        if start > length { throw MemberFailure.dotnet(.argumentOutOfRangeException, "startIndex cannot be larger than length of string. (Parameter 'startIndex')") }
        if count < 0 { throw negative("length", count) }
        if count > length - start {
            throw MemberFailure.dotnet(.argumentOutOfRangeException, "Index and length must refer to a location within the string. (Parameter 'length')")
        }
    }

    /// char.IsWhiteSpace.
    static func isWhiteSpace(_ c: UInt16) -> Bool {
        switch c {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The characters Trim removes: whitespace with no arguments, else every char of the arguments.
    private static func trimSet(_ a: MethodArgs) throws -> (UInt16) -> Bool {
        var chars: [UInt16] = []
        for i in 0..<a.count {
            switch a[i] {
            case .string(let s): chars += s.utf16
            case .null: break
            default: chars += try a.chars(i, "trimChars")
            }
        }
        if chars.isEmpty { return isWhiteSpace }
        let set = Set(chars)
        return { set.contains($0) }
    }

    /// Whether a StringComparison argument ignores case.
    static func ignoreCase(_ a: MethodArgs, _ i: Int) throws -> Bool {
        if case .bool(let b) = a[i] { return b }
        let v = try a.enumValue(i, DotNetEnums.stringComparison, "comparisonType")
        return v == 1 || v == 3 || v == 5
    }

    /// Index of `needle` in `hay` at or after `from` (ordinal).
    static func find(_ hay: U, _ needle: U, from: Int, to end: Int? = nil, ignoreCase: Bool) -> Int? {
        let h = ignoreCase ? fold(hay) : hay
        let n = ignoreCase ? fold(needle) : needle
        let limit = min(end ?? h.count, h.count)
        if n.isEmpty { return from <= limit ? from : nil }
        guard limit - n.count >= from else { return nil }
        var i = from
        while i <= limit - n.count {
            if h[i] == n[0] {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Simple case folding of UTF-16 units (upper-cases letters in the BMP one unit at a time),
    /// as .NET's ordinal and culture IgnoreCase comparisons of single characters do.
    static func fold(_ u: U) -> U {
        var out = u
        for i in out.indices {
            let c = out[i]
            if c >= 0x61 && c <= 0x7A { out[i] = c - 32 } else if c >= 0x80 { out[i] = StringCompare.upperInvariant(c) }
        }
        return out
    }

    /// The search window `[lo, hi)` from optional startIndex/count arguments at `startAt`.
    private static func searchRange(_ length: Int, _ a: MethodArgs, startAt: Int, last: Bool) throws -> (Int, Int) {
        guard a.count > startAt else { return (0, length) }
        let start = try a.int(startAt, "startIndex")
        if last {
            // LastIndexOf searches backwards from startIndex over count units.
            if length == 0 && (start == -1 || start == 0) { return (0, 0) }
            if start < 0 || start >= length { throw outOfRange("startIndex") }
            var lo = 0
            if a.count > startAt + 1 {
                let count = try a.int(startAt + 1, "count")
                if count < 0 || start - count + 1 < 0 { throw outOfRange("count") }
                lo = start - count + 1
            }
            return (lo, start + 1)
        }
        if start < 0 || start > length { throw outOfRange("startIndex") }
        var hi = length
        if a.count > startAt + 1 {
            let count = try a.int(startAt + 1, "count")
            if count < 0 || start > length - count { throw outOfRange("count") }
            hi = start + count
        }
        return (start, hi)
    }

    private static func indexOf(_ s: String, last: Bool, _ a: MethodArgs) throws -> Value {
        try a.expect(1...4)
        var args = a.values
        var ignore = false
        // A trailing StringComparison (an enum value or a name) selects the comparison overloads.
        if args.count >= 2, let lastArg = args.last, isComparison(lastArg) {
            ignore = try ignoreCase(a, args.count - 1)
            args.removeLast()
        }
        let b = MethodArgs(args, a.hooks)
        let u = U(s.utf16)
        let needle: U
        switch b[0] {
        case .char(let c): needle = [c]
        default: needle = U(b.string(0).utf16)
        }
        let (lo, hi) = try searchRange(u.count, b, startAt: 1, last: last)
        if !last {
            return .int(Int32(find(u, needle, from: lo, to: hi, ignoreCase: ignore) ?? -1))
        }
        if needle.isEmpty { return .int(Int32(max(0, min(hi, u.count)))) }
        let h = ignore ? fold(u) : u, n = ignore ? fold(needle) : needle
        var i = hi - n.count
        while i >= lo {
            if Array(h[i..<(i + n.count)]) == n { return .int(Int32(i)) }
            i -= 1
        }
        return .int(-1)
    }

    private static func isComparison(_ v: Value) -> Bool {
        switch v {
        case .object(let o): return (o as? PSEnumValue)?.definition === DotNetEnums.stringComparison
        case .string(let s): return DotNetEnums.stringComparison.member(named: s) != nil
        default: return false
        }
    }

    private static func replace(_ s: String, _ a: MethodArgs) throws -> Value {
        try a.expect(2...4)
        if a.count == 2, case .char(let old) = a[0] {
            let new = try a.char(1, "newChar")
            return str(U(s.utf16).map { $0 == old ? new : $0 })
        }
        let old = a.string(0)
        if old.isEmpty { throw MemberFailure.dotnet(.argumentException, "The value cannot be an empty string. (Parameter 'oldValue')") }
        let new = U(a.string(1).utf16)
        var ignore = false
        if a.count == 3 { ignore = try ignoreCase(a, 2) }
        if a.count == 4 { ignore = a.bool(2) }
        let u = U(s.utf16), o = U(old.utf16)
        var out: U = []
        out.reserveCapacity(u.count)
        var i = 0
        while let j = find(u, o, from: i, ignoreCase: ignore) {
            out += u[i..<j]
            out += new
            i = j + o.count
        }
        if i == 0 { return .string(s) }
        out += u[i...]
        return str(out)
    }

    /// String.Split with pwsh's overload choice: a string argument is one separator (the
    /// `Split(string, StringSplitOptions = None)` overload), a char or an array of chars
    /// separates on each char, no argument splits on whitespace.
    private static func split(_ s: String, _ a: MethodArgs) throws -> Value {
        var separators: [U] = []
        var whitespace = false
        var count = Int.max
        var options: Int64 = 0
        if a.count > 0 {
            switch a[0] {
            case .string(let sep): separators = [U(sep.utf16)]
            case .char(let c): separators = [[c]]
            case .int(let n) where n >= 0 && n <= 0xFFFF:
                // An integer converts to [char] and Split(char, …) is chosen (about_Methods).
                separators = [[UInt16(n)]]
            case .null: whitespace = true
            default:
                if a.isArray(0) {
                    let items = a.items(0)
                    let allChars = items.allSatisfy {
                        if case .char = $0 { return true }
                        if case .string(let t) = $0 { return t.utf16.count == 1 }
                        return false
                    }
                    separators = allChars ? try a.chars(0, "separator").map { [$0] } : a.strings(0).map { U($0.utf16) }
                    if separators.isEmpty { whitespace = true }
                } else {
                    separators = [U(a.string(0).utf16)]
                }
            }
        } else {
            whitespace = true
        }
        if a.count >= 2 {
            var rest = 1
            if a.count == 3 || !isSplitOptions(a[1]) {
                count = try a.int(1, "count")
                if count < 0 { throw negative("count", count) }
                rest = 2
            }
            if a.count > rest { options = try a.enumValue(rest, DotNetEnums.stringSplitOptions, "options") }
            if a.count > rest + 1 { throw MemberFailure.noOverload }
        }
        let removeEmpty = options & 1 != 0, trim = options & 2 != 0
        let u = U(s.utf16)
        var parts: [ArraySlice<UInt16>] = []
        if count == 0 { return stringArray([]) }
        let nonEmptySeparators = separators.filter { !$0.isEmpty }
        if !whitespace && nonEmptySeparators.isEmpty {
            parts = [u[...]]
        } else {
            var start = 0, i = 0
            while i < u.count && parts.count < count - 1 {
                var matched = 0
                if whitespace {
                    if isWhiteSpace(u[i]) { matched = 1 }
                } else {
                    for sep in nonEmptySeparators where i + sep.count <= u.count && u[i..<(i + sep.count)].elementsEqual(sep) {
                        matched = sep.count
                        break
                    }
                }
                if matched > 0 {
                    let piece = u[start..<i]
                    if !(removeEmpty && isEmptyPart(piece, trim: trim)) { parts.append(piece) }
                    i += matched
                    start = i
                } else {
                    i += 1
                }
            }
            parts.append(u[start...])
        }
        var out: [Value] = []
        for p in parts {
            var piece = p
            if trim {
                while let f = piece.first, isWhiteSpace(f) { piece = piece.dropFirst() }
                while let l = piece.last, isWhiteSpace(l) { piece = piece.dropLast() }
            }
            if removeEmpty && piece.isEmpty { continue }
            out.append(str(piece))
        }
        return stringArray(out)
    }

    private static func isEmptyPart(_ p: ArraySlice<UInt16>, trim: Bool) -> Bool {
        trim ? p.allSatisfy(isWhiteSpace) : p.isEmpty
    }

    private static func isSplitOptions(_ v: Value) -> Bool {
        switch v {
        case .object(let o): return (o as? PSEnumValue)?.definition === DotNetEnums.stringSplitOptions
        case .string(let t): return DotNetEnums.value(of: v, in: DotNetEnums.stringSplitOptions) != nil && Int(t) == nil
        default: return false
        }
    }

    static func stringArray(_ items: [Value]) -> Value {
        .object(PSArray(items, kind: .array(elementType: "System.String")))
    }

    /// Culture (en-US, ICU-like) ordering: letters compare case-insensitively first, then
    /// lower case sorts before upper case; returns -1, 0 or 1.
    static func cultureCompare(_ x: String, _ y: String, ignoreCase: Bool) -> Int {
        let r = x.compare(y, options: [.caseInsensitive], range: nil, locale: nil)
        if r != .orderedSame || ignoreCase { return r == .orderedAscending ? -1 : (r == .orderedDescending ? 1 : 0) }
        // Same ignoring case: the first differing unit decides, lower case first.
        for (p, q) in zip(x.unicodeScalars, y.unicodeScalars) where p != q {
            let pl = p.properties.isLowercase, ql = q.properties.isLowercase
            if pl != ql { return pl ? -1 : 1 }
            return p.value < q.value ? -1 : 1
        }
        return x.unicodeScalars.count == y.unicodeScalars.count ? 0 : (x.unicodeScalars.count < y.unicodeScalars.count ? -1 : 1)
    }

    /// A stable hash (NOTE: .NET randomises string hash codes per process).
    static func hashCode(_ s: String) -> Int32 {
        var h: UInt32 = 2166136261
        for u in s.utf16 { h = (h ^ UInt32(u)) &* 16777619 }
        return Int32(bitPattern: h)
    }

    private static func normalize(_ s: String, form: String) -> String {
        switch form.lowercased() {
        case "formd": return s.decomposedStringWithCanonicalMapping
        case "formkc": return s.precomposedStringWithCompatibilityMapping
        case "formkd": return s.decomposedStringWithCompatibilityMapping
        default: return s.precomposedStringWithCanonicalMapping
        }
    }
}
