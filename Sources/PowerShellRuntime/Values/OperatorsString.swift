import Foundation

/// `-match`, `-replace`, `-split`, `-join`, `-f` and `..`.
extension Operators {
    // MARK: -match

    /// A scalar match sets `hooks.lastMatches` (only on success); an array filters and leaves it.
    static func match(_ l: Value, _ r: Value, caseSensitive: Bool, negate: Bool, hooks: RuntimeHooks) throws -> Value {
        let re = try RegexCache.forOperator(Conversion.toString(r, hooks: hooks), ignoreCase: !caseSensitive)
        if case .object(let o) = l, let arr = o as? PSArray {
            var out: [Value] = []
            for item in arr.items where re.isMatch(Conversion.toString(item, hooks: hooks)) != negate { out.append(item) }
            return .object(PSArray(out))
        }
        let s = Conversion.toString(l, hooks: hooks)
        if let m = re.firstMatch(s) {
            hooks.lastMatches = m.matchesTable()
            return .bool(!negate)
        }
        return .bool(negate)
    }

    // MARK: -replace

    static func replace(_ l: Value, _ r: Value, caseSensitive: Bool, hooks: RuntimeHooks) throws -> Value {
        var pattern = r
        var replacement = Value.string("")
        if let args = r.array {
            guard args.items.count <= 2 else {
                throw RuntimeError(.runtimeException, "The -replace operator allows only two elements to follow it, not \(args.items.count).",
                                   errorId: "BadReplaceArgument", category: .InvalidOperation)
            }
            pattern = args.items.first ?? .null
            if args.items.count == 2 { replacement = args.items[1] }
        }
        let re: PSRegex
        if let given = pattern.reference as? PSRegex {
            re = given
        } else {
            re = try RegexCache.forOperator(Conversion.toString(pattern, hooks: hooks), ignoreCase: !caseSensitive)
        }
        let one: (Value) throws -> Value
        if let block = replacement.reference as? ScriptBlock {
            one = { v in
                .string(try re.replace(Conversion.toString(v, hooks: hooks)) { m in
                    let out = try hooks.invokeScriptBlock(block, .object(m), [])
                    return Conversion.toString(out.count == 1 ? out[0] : .object(PSArray(out)), hooks: hooks)
                })
            }
        } else {
            let text = Conversion.toString(replacement, hooks: hooks)
            let parts = PSRegex.parseReplacement(text, re)
            one = { v in .string(re.replace(Conversion.toString(v, hooks: hooks), count: -1) { $0.expand(parts) }) }
        }
        if let arr = l.array {
            return .object(PSArray(try arr.items.map(one)))
        }
        return try one(l)
    }

    // MARK: -split

    struct SplitOptions: OptionSet {
        let rawValue: Int
        static let simpleMatch = SplitOptions(rawValue: 1)
        static let regexMatch = SplitOptions(rawValue: 2)
        static let cultureInvariant = SplitOptions(rawValue: 4)
        static let ignorePatternWhitespace = SplitOptions(rawValue: 8)
        static let multiline = SplitOptions(rawValue: 16)
        static let singleline = SplitOptions(rawValue: 32)
        static let ignoreCase = SplitOptions(rawValue: 64)
        static let explicitCapture = SplitOptions(rawValue: 128)
    }

    static func stringArray(_ items: [String]) -> Value {
        .object(PSArray(items.map { .string($0) }, kind: .array(elementType: "System.String")))
    }

    static func split(_ l: Value, _ r: Value, caseSensitive: Bool, hooks: RuntimeHooks) throws -> Value {
        var delimiter = r
        var maxCount = 0
        var options = SplitOptions()
        if let args = r.array {
            let items = args.items
            delimiter = items.first ?? .null
            if items.count > 1 { maxCount = Int(try Conversion.toInt32(items[1])) }
            // pwsh's SplitOperatorImpl: a $null or empty-string options argument is no options.
            if items.count > 2, !items[2].isNull, items[2].stringValue != "" {
                guard case .enumeration(let def) = TypeResolver.splitOptions.kind else { return .null }
                let raw: Int64
                if case .string(let s) = items[2] {
                    raw = try Conversion.enumValue(parsing: s, def, TypeResolver.splitOptions, original: items[2], hooks: hooks)
                } else if let e = items[2].reference as? PSEnumValue {
                    raw = e.value
                } else {
                    raw = Int64(try Conversion.toInt32(items[2]))
                }
                options = SplitOptions(rawValue: Int(raw))
            }
        }
        let inputs = (Conversion.enumerate(l) ?? [l]).map { Conversion.toString($0, hooks: hooks) }
        var out: [String] = []
        if let block = delimiter.reference as? ScriptBlock {
            guard options.isEmpty else {
                throw RuntimeError(.parseException, "Options are not allowed on the -split operator with a predicate.",
                                   errorId: "InvalidSplitOptionWithPredicate", category: .ParserError)
            }
            for s in inputs { out += try splitWithPredicate(s, block, maxCount, hooks: hooks) }
            return stringArray(out)
        }
        if options.contains(.simpleMatch) && !options.subtracting([.simpleMatch, .ignoreCase]).isEmpty {
            throw RuntimeError(.parseException, "The combination of options with the -split operator is not valid.",
                               errorId: "InvalidSplitOptionCombination", category: .ParserError)
        }
        var pattern = Conversion.toString(delimiter, hooks: hooks)
        if options.contains(.simpleMatch) { pattern = NSRegularExpression.escapedPattern(for: pattern) }
        // An empty separator matches between every two characters, as .NET's Regex("") does
        // (`'abc' -split ''` is '', 'a', 'b', 'c', ''); ICU rejects an empty pattern.
        if pattern.isEmpty { pattern = "(?:)" }
        var ro = RegexOptionSet()
        if options.contains(.multiline) { ro.insert(.multiline) }
        if options.contains(.singleline) { ro.insert(.singleline) }
        if options.contains(.ignorePatternWhitespace) { ro.insert(.ignorePatternWhitespace) }
        if options.contains(.explicitCapture) { ro.insert(.explicitCapture) }
        let ignoreCase = !caseSensitive || options.contains(.ignoreCase)
        let re = try RegexCache.forOperator(pattern, ignoreCase: ignoreCase, extra: ro)
        for s in inputs {
            if maxCount >= 0 {
                out += re.split(s, count: maxCount)
            } else {
                out += splitFromRight(s, re, -maxCount)
            }
        }
        return stringArray(out)
    }

    /// A negative max-count splits from the right (pwsh uses RegexOptions.RightToLeft).
    static func splitFromRight(_ s: String, _ re: PSRegex, _ count: Int) -> [String] {
        let ns = s as NSString
        let all = re.regexFor(s).matches(in: s, options: [], range: NSRange(location: 0, length: ns.length))
        let used = count <= 1 ? [] : Array(all.suffix(count - 1))
        var out: [String] = []
        var last = 0
        for r in used {
            out.append(ns.substring(with: NSRange(location: last, length: r.range.location - last)))
            for g in re.orderedGroups {
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

    static func splitWithPredicate(_ s: String, _ block: ScriptBlock, _ maxCount: Int, hooks: RuntimeHooks) throws -> [String] {
        let u = Array(s.utf16)
        var cuts: [Int] = []
        for (i, c) in u.enumerated() {
            let r = try hooks.invokeScriptBlock(block, .char(c), [.string(s), .int(Int32(clamping: i))])
            if Conversion.toBool(r.count == 1 ? r[0] : .object(PSArray(r))) { cuts.append(i) }
        }
        if maxCount > 0 { cuts = Array(cuts.prefix(maxCount - 1)) }
        if maxCount < 0 { cuts = -maxCount <= 1 ? [] : Array(cuts.suffix(-maxCount - 1)) }
        var out: [String] = []
        var last = 0
        for c in cuts {
            out.append(String(decoding: u[last..<c], as: UTF16.self))
            last = c + 1
        }
        out.append(String(decoding: u[min(last, u.count)...], as: UTF16.self))
        return out
    }

    /// Unary `-split`: on runs of whitespace, ignoring leading and trailing whitespace.
    static func unarySplit(_ v: Value, hooks: RuntimeHooks) -> Value {
        var out: [String] = []
        for item in Conversion.enumerate(v) ?? [v] {
            let s = Conversion.toString(item, hooks: hooks)
            let parts = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            out += parts.isEmpty ? [""] : parts
        }
        return stringArray(out)
    }

    // MARK: -join, -f

    static func join(_ l: Value, _ r: Value, hooks: RuntimeHooks) -> String {
        let sep = Conversion.toString(r, hooks: hooks)
        guard let items = Conversion.enumerate(l) else {
            return Conversion.toString(l, hooks: hooks)
        }
        var out = ""
        for (i, x) in items.enumerated() {
            if i > 0 { out += sep }
            out += Conversion.elementText(x, hooks: hooks)
        }
        return out
    }

    static func format(_ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> String {
        let args = Conversion.enumerate(r) ?? [r]
        return try CompositeFormat.format(Conversion.toString(l, hooks: hooks), args, hooks: hooks)
    }

    // MARK: ..

    /// `a..b`: Int32 ranges up or down; two one-character strings give a char range.
    static func range(_ l: Value, _ r: Value, hooks: RuntimeHooks) throws -> Value {
        if let a = singleChar(l), let b = singleChar(r) {
            let step: Int = a <= b ? 1 : -1
            var items: [Value] = []
            items.reserveCapacity(abs(Int(b) - Int(a)) + 1)
            var c = Int(a)
            while true {
                items.append(.char(UInt16(c)))
                if c == Int(b) { break }
                c += step
            }
            return .object(PSArray(items))
        }
        let a = Int(try Conversion.toInt32(l))
        let b = Int(try Conversion.toInt32(r))
        let count = abs(b - a) + 1
        guard count <= 1 << 28 else { throw outOfMemory() }
        var items: [Value] = []
        items.reserveCapacity(count)
        if a <= b {
            for i in a...b { items.append(.int(Int32(i))) }
        } else {
            for i in stride(from: a, through: b, by: -1) { items.append(.int(Int32(i))) }
        }
        return .object(PSArray(items))
    }

    private static func singleChar(_ v: Value) -> UInt16? {
        switch v {
        case .char(let c): return c
        case .string(let s):
            let u = s.utf16
            guard u.count == 1, let c = u.first, !(c >= 0x30 && c <= 0x39) else { return nil }
            return c
        default: return nil
        }
    }
}
