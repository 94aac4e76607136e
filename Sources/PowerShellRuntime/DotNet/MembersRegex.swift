import Foundation

/// Methods of `[regex]` objects and Match objects, and the static `[regex]::` methods, over
/// the conversion target's PSRegex engine.
enum RegexMembers {
    static let regexMethodNames = ["GetGroupNames", "GetGroupNumbers", "GroupNameFromNumber", "GroupNumberFromName", "IsMatch",
                                   "Match", "Matches", "Replace", "Split", "ToString"]
    static let matchMethodNames = ["NextMatch", "Result", "ToString"]

    private static func compile(_ pattern: String, _ options: Int64) throws -> PSRegex {
        do {
            return try RegexCache.get(pattern, RegexOptionSet(rawValue: Int(options)))
        } catch let e as RegexSyntaxError {
            throw MemberFailure.dotnet(.regexParseException, e.message)
        }
    }

    private static func options(_ a: MethodArgs, _ i: Int) throws -> Int64 {
        a.count > i ? try a.enumValue(i, DotNetEnums.regexOptions, "options") : 0
    }

    private static func input(_ a: MethodArgs, _ i: Int) throws -> String {
        a.string(i)
    }

    /// `[regex]::new(pattern[, options])`.
    static func construct(_ a: MethodArgs) throws -> Value {
        try a.expect(1...3)
        let p = a.string(0)
        return .object(try compile(p, try options(a, 1)))
    }

    static func invokeStatic(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "escape":
            try a.expect(1)
            let s = a.string(0)
            return .string(escape(s))
        case "unescape":
            try a.expect(1)
            let s = a.string(0)
            return .string(unescape(s))
        case "match", "matches", "ismatch", "split":
            try a.expect(2...4)
            let re = try compile(a.string(1), try options(a, 2))
            return try invoke(re, name, MethodArgs([a[0]], a.hooks))
        case "replace":
            try a.expect(3...5)
            let re = try compile(a.string(1), try options(a, 3))
            return try invoke(re, name, MethodArgs([a[0], a[2]], a.hooks))
        default:
            return nil
        }
    }

    /// A method of a `[regex]` object; nil when there is none by that name.
    static func invoke(_ re: PSRegex, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "ismatch":
            try a.expect(1...2)
            let s = try input(a, 0)
            if a.count == 2 { return .bool(re.firstMatch(s, from: try a.int(1, "startat")) != nil) }
            return .bool(re.isMatch(s))
        case "match":
            try a.expect(1...3)
            let s = try input(a, 0)
            let start = a.count >= 2 ? try a.int(1, "startat") : 0
            guard start >= 0 && start <= s.utf16.count else { throw StringMembers.outOfRange("startat") }
            return .object(re.firstMatch(s, from: start) ?? PSFailedMatch())
        case "matches":
            try a.expect(1...2)
            let s = try input(a, 0)
            var all = re.matches(s)
            if a.count == 2 {
                let start = try a.int(1, "startat")
                all = all.filter { $0.index >= start }
            }
            return .object(PSArray(all.map { .object($0) }))
        case "replace":
            try a.expect(2...4)
            let s = try input(a, 0)
            let count = a.count >= 3 ? try a.int(2, "count") : -1
            if case .object(let o) = a[1], let block = o as? ScriptBlock {
                return .string(try re.replace(s, count: count) { m in
                    let out = try a.hooks.invokeScriptBlock(block, .object(m), [.object(m)])
                    return out.map { Conversion.toString($0, hooks: a.hooks) }.joined()
                })
            }
            let replacement = a.string(1)
            return .string(re.replace(s, replacement: replacement, count: count))
        case "split":
            try a.expect(1...3)
            let s = try input(a, 0)
            let count = a.count >= 2 ? try a.int(1, "count") : 0
            return StringMembers.stringArray(re.split(s, count: count).map { .string($0) })
        case "getgroupnames":
            try a.expect(0)
            return StringMembers.stringArray(re.groupNames.map { .string($0) })
        case "getgroupnumbers":
            try a.expect(0)
            return .object(PSArray(([0] + re.orderedGroups.map { $0.number }).map { .int(Int32(clamping: $0)) }, kind: .array(elementType: "System.Int32")))
        case "tostring":
            try a.expect(0)
            return .string(re.pattern)
        default:
            return nil
        }
    }

    /// A method of a Match or Group; nil when there is none by that name.
    static func invoke(_ group: PSRegexGroup, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "nextmatch":
            try a.expect(0)
            guard let m = group as? PSRegexMatch else { return .object(PSFailedMatch()) }
            return .object(m.nextMatch() ?? PSFailedMatch())
        case "tostring":
            try a.expect(0)
            return .string(group.value)
        default:
            return nil
        }
    }

    /// Match.Groups as an indexable collection (`Groups[1]`, `Groups['name']`).
    static func groups(_ m: PSRegexGroup) -> PSGroupCollection {
        if let match = m as? PSRegexMatch { return PSGroupCollection(match.groups) }
        return PSGroupCollection([PSRegexGroup(success: false, name: "0", index: 0, length: 0, value: "")])
    }

    /// Regex.Escape: metacharacters and white space.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\", "*", "+", "?", "|", "{", "[", "(", ")", "^", "$", ".", "#": out += "\\" + String(c)
            case " ": out += "\\ "
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0C}": out += "\\f"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Regex.Unescape.
    static func unescape(_ s: String) -> String {
        var out = ""
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\\", let n = it.next() else { out.unicodeScalars.append(c); continue }
            switch n {
            case "t": out += "\t"
            case "n": out += "\n"
            case "r": out += "\r"
            case "f": out += "\u{0C}"
            case "e": out += "\u{1B}"
            case "a": out += "\u{07}"
            default: out.unicodeScalars.append(n)
            }
        }
        return out
    }
}

/// `Match.Empty`: what Match()/NextMatch() return when nothing (more) matches.
final class PSFailedMatch: PSRegexGroup {
    init() {
        super.init(success: false, name: "0", index: 0, length: 0, value: "")
    }

    override var typeFullName: String { "System.Text.RegularExpressions.Match" }
    override var typeHierarchy: [String] {
        ["System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object"]
    }
}

/// System.Text.RegularExpressions.GroupCollection.
public final class PSGroupCollection: PSDotNetObject {
    public let groups: [PSRegexGroup]

    init(_ groups: [PSRegexGroup]) {
        self.groups = groups
    }

    public override var typeFullName: String { "System.Text.RegularExpressions.GroupCollection" }
    public override var enumeratedItems: [Value]? { groups.map { .object($0) } }
    public override var propertyNames: [String] { ["Keys", "Values", "Count", "IsReadOnly", "IsSynchronized", "SyncRoot"] }
    public override var methodNames: [String] { ["ContainsKey", "CopyTo", "GetEnumerator", "TryGetValue"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "count": return .int(Int32(clamping: groups.count))
        case "keys": return StringMembers.stringArray(groups.map { .string($0.name) })
        case "values": return .object(PSArray(groups.map { .object($0) }))
        case "isreadonly": return .bool(true)
        case "issynchronized": return .bool(false)
        case "syncroot": return .object(self)
        default: return nil
        }
    }

    /// `Groups[n]` by number (its position) or `Groups['name']`; a missing group is a failed one.
    public override func index(_ key: Value, hooks: RuntimeHooks) throws -> Value? {
        let missing = Value.object(PSRegexGroup(success: false, name: "", index: 0, length: 0, value: ""))
        switch key {
        case .int(let i):
            return groups.first { $0.name == String(i) }.map { .object($0) } ?? (i >= 0 && Int(i) < groups.count && Int(groups[Int(i)].name) == nil ? .object(groups[Int(i)]) : missing)
        case .long, .double, .sized:
            guard let i = try? Conversion.toInt32(key) else { return missing }
            return try index(.int(i), hooks: hooks)
        default:
            let n = Conversion.toString(key, hooks: hooks)
            return groups.first { $0.name == n }.map { .object($0) } ?? missing
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        switch name {
        case "containskey":
            guard args.count == 1 else { throw MemberFailure.noOverload }
            let n = Conversion.toString(args[0], hooks: hooks)
            return .bool(groups.contains { $0.name == n })
        case "getenumerator":
            return .object(PSArray(groups.map { .object($0) }))
        default:
            return nil
        }
    }
}
