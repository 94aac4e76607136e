import Foundation

/// A .NET regex pattern the engine could not compile.
public struct RegexSyntaxError: Error {
    public let pattern: String
    public let message: String
}

/// `System.Text.RegularExpressions.RegexOptions` values.
public struct RegexOptionSet: OptionSet, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let ignoreCase = RegexOptionSet(rawValue: 1)
    public static let multiline = RegexOptionSet(rawValue: 2)
    public static let explicitCapture = RegexOptionSet(rawValue: 4)
    public static let singleline = RegexOptionSet(rawValue: 16)
    public static let ignorePatternWhitespace = RegexOptionSet(rawValue: 32)
    public static let cultureInvariant = RegexOptionSet(rawValue: 512)
}

/// `[regex]` / System.Text.RegularExpressions.Regex over Foundation's ICU engine. Groups are
/// renumbered as .NET does (unnamed groups first, then named ones); replacement text follows
/// .NET's `$1`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_` rules.
public final class PSRegex: PSNativeObject {
    public let pattern: String
    public let options: RegexOptionSet
    let regex: NSRegularExpression
    /// The pattern matched case-sensitively with letters as case-variant sets (see regexFor).
    let simpleFoldRegex: NSRegularExpression?
    let patternHasLongCaseMapping: Bool
    /// For each ICU group index 1…n: its .NET number and name.
    let groupInfo: [(number: Int, name: String?)]
    /// .NET group numbers in ascending order with their names, and the ICU index of each.
    let orderedGroups: [(number: Int, name: String, icuIndexes: [Int])]

    public init(pattern: String, options: RegexOptionSet) throws {
        self.pattern = pattern
        self.options = options
        var ns: NSRegularExpression.Options = []
        if options.contains(.ignoreCase) { ns.insert(.caseInsensitive) }
        if options.contains(.multiline) { ns.insert(.anchorsMatchLines) }
        if options.contains(.singleline) { ns.insert(.dotMatchesLineSeparators) }
        if options.contains(.ignorePatternWhitespace) { ns.insert(.allowCommentsAndWhitespace) }
        let scanned = PSRegex.scanGroups(pattern, explicitCapture: options.contains(.explicitCapture))
        do {
            regex = try NSRegularExpression(pattern: scanned.icuPattern, options: ns)
        } catch {
            throw RegexSyntaxError(pattern: pattern, message: "Invalid pattern '\(pattern)' at offset \(pattern.utf16.count). Syntax error.")
        }
        if options.contains(.ignoreCase), let folded = PSRegex.simpleFoldPattern(scanned.icuPattern) {
            var plain = ns
            plain.remove(.caseInsensitive)
            simpleFoldRegex = try? NSRegularExpression(pattern: folded, options: plain)
        } else {
            simpleFoldRegex = nil
        }
        patternHasLongCaseMapping = PSRegex.hasLongCaseMapping(pattern)
        groupInfo = scanned.groups
        var byNumber: [Int: (String, [Int])] = [:]
        for (i, g) in scanned.groups.enumerated() {
            let entry = byNumber[g.number] ?? (g.name ?? String(g.number), [])
            byNumber[g.number] = (entry.0, entry.1 + [i + 1])
        }
        orderedGroups = byNumber.keys.sorted().map { n in
            let e = byNumber[n] ?? (String(n), [])
            return (n, e.0, e.1)
        }
    }

    public override var typeFullName: String { "System.Text.RegularExpressions.Regex" }
    public override func toPSString() -> String { pattern }
    public override var propertyNames: [String] { ["Options", "RightToLeft", "MatchTimeout"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "options":
            return .object(PSEnumValue(regexOptionsDefinition, Int64(options.rawValue)))
        case "righttoleft": return .bool(false)
        case "matchtimeout": return .null
        default: return nil
        }
    }

    private var regexOptionsDefinition: PSEnumDefinition {
        if case .enumeration(let d) = TypeResolver.regexOptions.kind { return d }
        return PSEnumDefinition(name: "RegexOptions", members: [])
    }

    /// Group names in .NET order ("0", "1", …, then named groups).
    public var groupNames: [String] { ["0"] + orderedGroups.map { $0.name } }

    // MARK: Pattern scanning

    /// Finds capture groups (to renumber them as .NET does) and rewrites .NET-only syntax
    /// (`(?'name'…)`, names with `_`) into ICU's.
    static func scanGroups(_ p: String, explicitCapture: Bool) -> (icuPattern: String, groups: [(number: Int, name: String?)]) {
        let u = Array(p.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(u.count)
        var raw: [String?] = []   // per ICU group: name or nil
        var i = 0
        var inClass = false
        var nameMap: [String: String] = [:]
        func icuName(_ n: String) -> String {
            if let m = nameMap[n] { return m }
            let ok = n.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
                && n.utf8.first.map { !($0 >= 0x30 && $0 <= 0x39) } == true
            let m = ok ? n : "g" + String(nameMap.count) + "x" + String(n.utf8.filter { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }.map { Character(Unicode.Scalar($0)) })
            nameMap[n] = m
            return m
        }
        while i < u.count {
            let c = u[i]
            if c == 0x5C { // backslash
                // \k<name> / \k'name'
                if i + 2 < u.count, u[i + 1] == 0x6B, u[i + 2] == 0x3C || u[i + 2] == 0x27 {
                    let close: UInt16 = u[i + 2] == 0x3C ? 0x3E : 0x27
                    var j = i + 3
                    while j < u.count, u[j] != close { j += 1 }
                    let name = String(decoding: u[(i + 3)..<min(j, u.count)], as: UTF16.self)
                    out += Array("\\k<\(icuName(name))>".utf16)
                    i = min(j + 1, u.count)
                    continue
                }
                out.append(c)
                if i + 1 < u.count { out.append(u[i + 1]) }
                // `\p{L}`, `\P{IsGreek}`: the braces name a category, not a quantifier.
                if i + 2 < u.count, u[i + 1] == 0x70 || u[i + 1] == 0x50, u[i + 2] == 0x7B {
                    var j = i + 2
                    while j < u.count, u[j] != 0x7D { j += 1 }
                    out += u[(i + 2)..<min(j + 1, u.count)]
                    i = min(j + 1, u.count)
                    continue
                }
                i += 2
                continue
            }
            if inClass {
                if c == 0x5D { inClass = false }
                out.append(c)
                i += 1
                continue
            }
            if c == 0x7B, let end = quantifierEnd(u, i) {
                out += u[i..<end]
                i = end
                continue
            }
            if c == 0x7B || c == 0x7D {
                // .NET reads a brace that is not part of `{n}`, `{n,}` or `{n,m}` as a literal
                // character (RegexParser.IsTrueQuantifier); ICU refuses the pattern.
                out += [0x5C, c]
                i += 1
                continue
            }
            if c == 0x5B {
                inClass = true
                out.append(c)
                i += 1
                if i < u.count, u[i] == 0x5E { out.append(u[i]); i += 1 }
                if i < u.count, u[i] == 0x5D { out.append(u[i]); i += 1 }
                continue
            }
            if c == 0x28 { // (
                if i + 1 < u.count, u[i + 1] == 0x3F { // (?
                    if i + 2 < u.count, (u[i + 2] == 0x3C || u[i + 2] == 0x27),
                       i + 3 < u.count, u[i + 3] != 0x3D, u[i + 3] != 0x21 {
                        let close: UInt16 = u[i + 2] == 0x3C ? 0x3E : 0x27
                        var j = i + 3
                        while j < u.count, u[j] != close { j += 1 }
                        let name = String(decoding: u[(i + 3)..<min(j, u.count)], as: UTF16.self)
                        raw.append(name)
                        out += Array("(?<\(icuName(name))>".utf16)
                        i = min(j + 1, u.count)
                        continue
                    }
                    out.append(c)
                    i += 1
                    continue
                }
                if explicitCapture {
                    out += Array("(?:".utf16)
                    i += 1
                    continue
                }
                raw.append(nil)
            }
            out.append(c)
            i += 1
        }
        // .NET numbering: unnamed groups 1…n in order, then named groups by first appearance
        // (a numeric name is that number).
        var groups: [(number: Int, name: String?)] = []
        let unnamedCount = raw.filter { $0 == nil }.count
        var unnamedSeen = 0
        var namedNumbers: [String: Int] = [:]
        var next = unnamedCount + 1
        for r in raw {
            if let name = r {
                if let n = Int(name) { groups.append((n, nil)); continue }
                let key = name.lowercased()
                if let n = namedNumbers[key] { groups.append((n, name)); continue }
                namedNumbers[key] = next
                groups.append((next, name))
                next += 1
            } else {
                unnamedSeen += 1
                groups.append((unnamedSeen, nil))
            }
        }
        return (String(decoding: out, as: UTF16.self), groups)
    }

    /// Where the quantifier opened by the `{` at `i` ends (after its `}`): digits, optionally a
    /// comma and more digits, then `}`, with no spaces; nil when the brace opens none.
    static func quantifierEnd(_ u: [UInt16], _ i: Int) -> Int? {
        func isDigit(_ k: Int) -> Bool { k < u.count && u[k] >= 0x30 && u[k] <= 0x39 }
        var k = i + 1
        guard isDigit(k) else { return nil }
        while isDigit(k) { k += 1 }
        if k < u.count, u[k] == 0x2C {
            k += 1
            while isDigit(k) { k += 1 }
        }
        return k < u.count && u[k] == 0x7D ? k + 1 : nil
    }

    // MARK: Matching

    /// ICU's case-insensitive matching folds case fully (ß matches "ss", ﬁ matches "fi"); .NET's
    /// IgnoreCase compares one character with one character (its case-equivalence table), so
    /// "Straße" -match "STRASSE" is false. When the pattern or the input holds a character whose
    /// case mapping is longer than itself, the pattern runs case-sensitively with each literal
    /// letter turned into the set of its case variants; otherwise ICU's own flag (the same
    /// answer) is used.
    /// NOTE: in that rewritten form a backreference compares exactly, and letters written as
    /// escapes (`\x41`) or inside a range other than a-z / A-Z keep their case.
    func regexFor(_ s: String) -> NSRegularExpression {
        guard options.contains(.ignoreCase), let simple = simpleFoldRegex,
              PSRegex.hasLongCaseMapping(s) || patternHasLongCaseMapping else { return regex }
        return simple
    }

    /// True when the text holds a character ICU would fold to several (ß, ẞ, ligatures, İ, …).
    static func hasLongCaseMapping(_ s: String) -> Bool {
        for u in s.utf8 where u >= 0x80 {
            for scalar in s.unicodeScalars where scalar.value >= 0x80 {
                let p = scalar.properties
                if scalar.value == 0x1E9E || p.uppercaseMapping.unicodeScalars.count > 1 || p.lowercaseMapping.unicodeScalars.count > 1 {
                    return true
                }
            }
            return false
        }
        return false
    }

    /// A letter and its simple case variants, for a character class.
    static func caseVariants(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = [scalar]
        for m in [scalar.properties.uppercaseMapping, scalar.properties.lowercaseMapping] {
            var it = m.unicodeScalars.makeIterator()
            if let only = it.next(), it.next() == nil, !out.contains(only) { out.append(only) }
        }
        if scalar.value == 0xDF { out.append(Unicode.Scalar(0x1E9E)!) }
        return out
    }

    /// The pattern with every literal letter outside a class replaced by the class of its case
    /// variants and each letter in a class joined by its variants (a-z also A-Z); nil when the
    /// pattern sets options inline (`(?i)`), which the rewrite cannot keep.
    static func simpleFoldPattern(_ p: String) -> String? {
        let scalars = Array(p.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var inClass = false
        func isLetter(_ s: Unicode.Scalar) -> Bool { caseVariants(s).count > 1 }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\" {
                out.append(c)
                if i + 1 < scalars.count { out.append(scalars[i + 1]) }
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false; out.append(c); i += 1; continue }
                // a-z / A-Z: add the other case's range.
                if i + 2 < scalars.count, scalars[i + 1] == "-", scalars[i + 2] != "]" {
                    let lo = c, hi = scalars[i + 2]
                    out.append(lo); out.append("-"); out.append(hi)
                    if lo.value >= 0x61, hi.value <= 0x7A, lo.value <= hi.value {
                        out.append(Unicode.Scalar(lo.value - 32)!); out.append("-"); out.append(Unicode.Scalar(hi.value - 32)!)
                    } else if lo.value >= 0x41, hi.value <= 0x5A, lo.value <= hi.value {
                        out.append(Unicode.Scalar(lo.value + 32)!); out.append("-"); out.append(Unicode.Scalar(hi.value + 32)!)
                    }
                    i += 3
                    continue
                }
                for v in caseVariants(c) { out.append(v) }
                i += 1
                continue
            }
            if c == "[" {
                inClass = true
                out.append(c)
                i += 1
                if i < scalars.count, scalars[i] == "^" { out.append(scalars[i]); i += 1 }
                if i < scalars.count, scalars[i] == "]" { out.append(scalars[i]); i += 1 }
                continue
            }
            if c == "(", i + 2 < scalars.count, scalars[i + 1] == "?" {
                let k = scalars[i + 2]
                if k == "i" || k == "-" || k == "m" || k == "s" || k == "x" || k == "n" { return nil }
                // `(?<name>`, `(?'name'`: the name is not text to match.
                if k == "<" || k == "'" {
                    let close: Unicode.Scalar = k == "<" ? ">" : "'"
                    var j = i
                    while j < scalars.count, !(j > i + 2 && scalars[j] == close) { out.append(scalars[j]); j += 1 }
                    i = j
                    continue
                }
            }
            if c == "{" {
                // A quantifier `{n,m}` holds no letters; copy it.
                var j = i
                while j < scalars.count, scalars[j] != "}" { out.append(scalars[j]); j += 1 }
                i = j
                continue
            }
            if isLetter(c) {
                out.append("[")
                for v in caseVariants(c) { out.append(v) }
                out.append("]")
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    public func isMatch(_ s: String) -> Bool {
        regexFor(s).firstMatch(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count)) != nil
    }

    public func firstMatch(_ s: String, from start: Int = 0) -> PSRegexMatch? {
        let len = s.utf16.count
        guard start >= 0, start <= len else { return nil }
        guard let r = regexFor(s).firstMatch(in: s, options: [], range: NSRange(location: start, length: len - start)) else { return nil }
        return PSRegexMatch(self, r, s)
    }

    public func matches(_ s: String) -> [PSRegexMatch] {
        regexFor(s).matches(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count)).map { PSRegexMatch(self, $0, s) }
    }

    /// `Regex.Replace` with .NET replacement syntax; `count` < 0 replaces all.
    public func replace(_ s: String, replacement: String, count: Int = -1) -> String {
        let parts = PSRegex.parseReplacement(replacement, self)
        return replace(s, count: count) { m in m.expand(parts) }
    }

    /// `Regex.Replace` with an evaluator (a MatchEvaluator or a script block).
    public func replace(_ s: String, count: Int = -1, evaluator: (PSRegexMatch) throws -> String) rethrows -> String {
        let ns = s as NSString
        var out = ""
        var last = 0
        var n = 0
        for r in regexFor(s).matches(in: s, options: [], range: NSRange(location: 0, length: ns.length)) {
            if count >= 0 && n >= count { break }
            n += 1
            out += ns.substring(with: NSRange(location: last, length: r.range.location - last))
            out += try evaluator(PSRegexMatch(self, r, s))
            last = r.range.location + r.range.length
        }
        out += ns.substring(from: last)
        return out
    }

    /// `Regex.Split`: captured groups are included in the result; `count` > 0 limits pieces.
    public func split(_ s: String, count: Int = 0) -> [String] {
        let ns = s as NSString
        var out: [String] = []
        var last = 0
        let all = regexFor(s).matches(in: s, options: [], range: NSRange(location: 0, length: ns.length))
        for r in all {
            if count > 0 && out.count >= count - 1 { break }
            out.append(ns.substring(with: NSRange(location: last, length: r.range.location - last)))
            // Captured groups in .NET order.
            for g in orderedGroups {
                for idx in g.icuIndexes where idx < r.numberOfRanges {
                    let gr = r.range(at: idx)
                    if gr.location != NSNotFound { out.append(ns.substring(with: gr)) }
                }
            }
            last = r.range.location + r.range.length
        }
        out.append(ns.substring(from: last))
        return out
    }

    // MARK: Replacement text

    enum ReplacementPart {
        case literal(String)
        case group(Int)
        case whole, before, after, lastGroup, input
    }

    static func parseReplacement(_ r: String, _ re: PSRegex) -> [ReplacementPart] {
        let u = Array(r.utf16)
        var parts: [ReplacementPart] = []
        var lit: [UInt16] = []
        let numbers = Set(re.orderedGroups.map { $0.number } + [0])
        func flush() {
            if !lit.isEmpty { parts.append(.literal(String(decoding: lit, as: UTF16.self))); lit = [] }
        }
        var i = 0
        while i < u.count {
            let c = u[i]
            guard c == 0x24, i + 1 < u.count else { lit.append(c); i += 1; continue }
            let n = u[i + 1]
            switch n {
            case 0x24: lit.append(0x24); i += 2
            case 0x26: flush(); parts.append(.whole); i += 2
            case 0x60: flush(); parts.append(.before); i += 2
            case 0x27: flush(); parts.append(.after); i += 2
            case 0x2B: flush(); parts.append(.lastGroup); i += 2
            case 0x5F: flush(); parts.append(.input); i += 2
            case 0x7B:
                var j = i + 2
                while j < u.count, u[j] != 0x7D { j += 1 }
                guard j < u.count else { lit.append(c); i += 1; continue }
                let name = String(decoding: u[(i + 2)..<j], as: UTF16.self)
                if let num = Int(name), numbers.contains(num) {
                    flush(); parts.append(.group(num)); i = j + 1
                } else if let g = re.orderedGroups.first(where: { $0.name == name }) {
                    flush(); parts.append(.group(g.number)); i = j + 1
                } else {
                    lit.append(c); i += 1
                }
            case 0x30...0x39:
                // The longest digit run that names a group.
                var j = i + 1
                var best: (Int, Int)? = nil
                var value = 0
                while j < u.count, u[j] >= 0x30, u[j] <= 0x39, value < 100_000 {
                    value = value * 10 + Int(u[j] - 0x30)
                    j += 1
                    if numbers.contains(value) { best = (value, j) }
                }
                if let (num, end) = best {
                    flush(); parts.append(.group(num)); i = end
                } else {
                    lit.append(c); i += 1
                }
            default:
                lit.append(c); i += 1
            }
        }
        flush()
        return parts
    }
}

/// `System.Text.RegularExpressions.Group`: one group of a match.
public class PSRegexGroup: PSNativeObject {
    public let success: Bool
    public let name: String
    public let index: Int
    public let length: Int
    public let value: String

    init(success: Bool, name: String, index: Int, length: Int, value: String) {
        self.success = success
        self.name = name
        self.index = index
        self.length = length
        self.value = value
    }

    public override var typeFullName: String { "System.Text.RegularExpressions.Group" }
    public override var typeHierarchy: [String] {
        ["System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object"]
    }
    public override var propertyNames: [String] { ["Groups", "Success", "Name", "Captures", "Index", "Length", "Value", "ValueSpan"] }
    public override var defaultDisplayProperties: [String]? { nil }
    /// Group and Match inherit Capture's ToString.
    public override var declaresToString: Bool { false }
    public override func toPSString() -> String { value }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "success": return .bool(success)
        case "name": return .string(self.name)
        case "index": return .int(Int32(clamping: index))
        case "length": return .int(Int32(clamping: length))
        case "value": return .string(value)
        case "captures":
            return .object(PSArray(success ? [.object(PSRegexGroup(success: true, name: self.name, index: index, length: length, value: value))] : []))
        default: return nil
        }
    }
}

/// `System.Text.RegularExpressions.Match`: `$_` in `-replace {…}`, `[regex]::Match()`.
public final class PSRegexMatch: PSRegexGroup {
    /// Group 0 first, then groups in .NET number order.
    public let groups: [PSRegexGroup]
    let input: String
    let regexObject: PSRegex

    init(_ re: PSRegex, _ r: NSTextCheckingResult, _ input: String) {
        let ns = input as NSString
        var gs: [PSRegexGroup] = []
        let whole = r.range
        for g in re.orderedGroups {
            // For a name used twice, the last participating capture wins.
            var found: NSRange? = nil
            for idx in g.icuIndexes where idx < r.numberOfRanges {
                let gr = r.range(at: idx)
                if gr.location != NSNotFound { found = gr }
            }
            if let gr = found {
                gs.append(PSRegexGroup(success: true, name: g.name, index: gr.location, length: gr.length, value: ns.substring(with: gr)))
            } else {
                gs.append(PSRegexGroup(success: false, name: g.name, index: 0, length: 0, value: ""))
            }
        }
        let value = ns.substring(with: whole)
        self.input = input
        self.regexObject = re
        self.groups = [PSRegexGroup(success: true, name: "0", index: whole.location, length: whole.length, value: value)] + gs
        super.init(success: true, name: "0", index: whole.location, length: whole.length, value: value)
    }

    public override var typeFullName: String { "System.Text.RegularExpressions.Match" }
    public override var typeHierarchy: [String] {
        ["System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object"]
    }

    public override func property(_ name: String) -> Value? {
        if name.lowercased() == "groups" { return .object(PSArray(groups.map { .object($0) })) }
        return super.property(name)
    }

    /// The next match after this one (`.NextMatch()`).
    public func nextMatch() -> PSRegexMatch? {
        let start = length == 0 ? index + 1 : index + length
        return regexObject.firstMatch(input, from: start)
    }

    /// `$Matches` for a scalar `-match`: group number (Int32) or name → value, successful groups only,
    /// highest number first as pwsh's Hashtable shows them.
    public func matchesTable() -> PSHashtable {
        let h = PSHashtable()
        for (i, g) in groups.enumerated().reversed() where g.success {
            if i == 0 { continue }
            if let n = Int(g.name) { h.set(.int(Int32(clamping: n)), .string(g.value)) } else { h.set(.string(g.name), .string(g.value)) }
        }
        h.set(.int(0), .string(value))
        return h
    }

    func expand(_ parts: [PSRegex.ReplacementPart]) -> String {
        let ns = input as NSString
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .whole: out += value
            case .group(let n):
                if n == 0 {
                    out += value
                } else if let idx = regexObject.orderedGroups.firstIndex(where: { $0.number == n }), idx + 1 < groups.count, groups[idx + 1].success {
                    out += groups[idx + 1].value
                }
            case .before: out += ns.substring(to: index)
            case .after: out += ns.substring(from: index + length)
            case .lastGroup:
                if let g = groups.last, groups.count > 1 { out += g.value } else { out += value }
            case .input: out += input
            }
        }
        return out
    }
}

/// Compiled patterns, reused across calls (`-match` in a loop compiles once).
enum RegexCache {
    private struct Key: Hashable {
        let pattern: String
        let options: Int
    }
    nonisolated(unsafe) private static var cache: [Key: PSRegex] = [:]

    static func get(_ pattern: String, _ options: RegexOptionSet) throws -> PSRegex {
        let key = Key(pattern: pattern, options: options.rawValue)
        if let r = cache[key] { return r }
        let r = try PSRegex(pattern: pattern, options: options)
        if cache.count > 500 { cache.removeAll(keepingCapacity: true) }
        cache[key] = r
        return r
    }

    /// Compiles for an operator; a bad pattern raises pwsh's InvalidRegularExpression error.
    static func forOperator(_ pattern: String, ignoreCase: Bool, extra: RegexOptionSet = []) throws -> PSRegex {
        var o = extra
        if ignoreCase { o.insert(.ignoreCase) }
        do {
            return try get(pattern, o)
        } catch let e as RegexSyntaxError {
            let inner = PSExceptionObject(.argumentException, e.message)
            let ex = PSExceptionObject(.runtimeException, "The regular expression pattern \(pattern) is not valid.", inner: inner)
            throw RuntimeError(ErrorRecord(exception: ex, errorId: "InvalidRegularExpression", category: .InvalidOperation, targetObject: .string(pattern)))
        }
    }
}
