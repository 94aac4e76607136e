import PowerShellRuntime

/// Small helpers the built-in cmdlets share: property access through the member layer,
/// script block invocation in the caller's scope, and pwsh's calculated-property hashtables.
extension CommandRuntime {
    var hooks: RuntimeHooks { context.hooks }

    /// `$obj.Name` as the member layer reads it; nil when the object has no such property.
    func property(_ v: Value, _ name: String) throws -> Value? {
        try Members.getProperty(v, name, hooks: context.hooks, strict: true)
    }

    /// `"$v"`.
    func text(_ v: Value) -> String { Conversion.toString(v, hooks: context.hooks) }

    /// A pipe that writes each object to this command's output.
    func outputPipe() -> Pipe {
        Pipe({ [unowned self] v in try self.writeObject(v) })
    }

    /// An error attributed to this command with pwsh's id and category.
    func error(_ id: String, _ message: String, _ category: ErrorCategory, target: Value = .null,
               type: ExceptionType = .psArgumentException) -> ErrorRecord {
        makeError(type, message, errorId: id, category: category, target: target)
    }
}

/// Runs a script block the way ForEach-Object and Where-Object do: in the caller's scope
/// (so `$sum += $_` changes the caller's variable) with `$_` set, restoring the previous `$_`.
struct DollarUnderInvoker {
    let context: ExecutionContext

    func invoke(_ sb: ScriptBlock, _ dollarUnder: Value, args: [Value] = [], output: Pipe) throws {
        if args.isEmpty {
            try context.invokePerObject(sb, dollarUnder: dollarUnder, output: output)
        } else {
            try context.invokeScriptBlock(sb, args: args, dollarUnder: dollarUnder, dotSource: true, output: output)
        }
    }

    func collect(_ sb: ScriptBlock, _ dollarUnder: Value) throws -> [Value] {
        let pipe = Pipe()
        try invoke(sb, dollarUnder, output: pipe)
        return pipe.items
    }
}

/// What Select-Object, Sort-Object, Group-Object, Measure-Object and Compare-Object take as
/// `-Property`: a name (maybe with wildcards), a script block, or a hashtable
/// (`@{ Name = 'X'; Expression = { … } }` with pwsh's abbreviations).
struct PropertyExpression {
    enum Source {
        case name(String)
        case script(ScriptBlock)
    }

    var source: Source
    /// The output name (`Name`/`Label` key, or the property name, or the block text).
    var label: String?
    var descending: Bool?
    var ascending: Bool?
    var hasWildcard: Bool {
        if case .name(let n) = source { return WildcardPattern.containsWildcard(n) }
        return false
    }

    /// The display name pwsh derives: label, else the name, else the block's text.
    var displayName: String {
        if let l = label { return l }
        switch source {
        case .name(let n): return n
        case .script(let sb): return sb.text
        }
    }

    /// Parses one `-Property` element. `allowed` lists the hashtable keys the cmdlet accepts
    /// (pwsh errors on others with "The … key is not valid.").
    static func parse(_ v: Value, allowed: Set<String>, rt: CommandRuntime) throws -> PropertyExpression {
        if case .object(let o) = v {
            if let sb = o as? ScriptBlock { return PropertyExpression(source: .script(sb)) }
            if let h = o as? PSHashtable { return try parseHashtable(h, allowed: allowed, rt: rt) }
        }
        return PropertyExpression(source: .name(rt.text(v)))
    }

    static func parseList(_ values: [Value]?, allowed: Set<String>, rt: CommandRuntime) throws -> [PropertyExpression] {
        try (values ?? []).map { try parse($0, allowed: allowed, rt: rt) }
    }

    private static let keyNames: [(key: String, canonical: String)] = [
        ("name", "name"), ("label", "label"), ("expression", "expression"), ("ascending", "ascending"),
        ("descending", "descending"), ("width", "width"), ("alignment", "alignment"), ("formatstring", "formatstring"),
        ("depth", "depth"),
    ]

    /// Resolves an abbreviated key (`n`, `e`, `l`, `desc`) to its full name.
    static func canonicalKey(_ key: String, allowed: Set<String>) -> String? {
        let k = key.lowercased()
        let matches = keyNames.filter { allowed.contains($0.canonical) && $0.key.hasPrefix(k) }
        if matches.count == 1 { return matches[0].canonical }
        if let exact = matches.first(where: { $0.key == k }) { return exact.canonical }
        return nil
    }

    static func parseHashtable(_ h: PSHashtable, allowed: Set<String>, rt: CommandRuntime) throws -> PropertyExpression {
        var expr: Source?
        var label: String?
        var desc: Bool?
        var asc: Bool?
        for (k, value) in zip(h.keys, h.values) {
            let keyText = rt.text(k)
            guard let key = canonicalKey(keyText, allowed: allowed) else {
                throw RuntimeError(rt.makeError(.notSupportedException, "The \(keyText) key is not valid.",
                                                errorId: "DictionaryKeyIllegal", category: .InvalidArgument))
            }
            switch key {
            case "name", "label":
                if label != nil {
                    throw RuntimeError(rt.makeError(.notSupportedException, "The \"Name\" and \"Label\" keys cannot be used in the same hash table.",
                                                    errorId: "DictionaryKeyDuplicate", category: .InvalidArgument))
                }
                label = rt.text(value)
            case "expression":
                if case .object(let o) = value, let sb = o as? ScriptBlock { expr = .script(sb) } else { expr = .name(rt.text(value)) }
            case "descending": desc = Conversion.toBool(value)
            case "ascending": asc = Conversion.toBool(value)
            default: break
            }
        }
        guard let source = expr else {
            if allowed.contains("expression") && !(allowed.contains("ascending") && (desc != nil || asc != nil)) {
                throw RuntimeError(rt.makeError(.notSupportedException, "The Expression key is missing.", errorId: "DictionaryKeyMissing",
                                                category: .InvalidArgument))
            }
            return PropertyExpression(source: .name(""), label: label, descending: desc, ascending: asc)
        }
        return PropertyExpression(source: source, label: label, descending: desc, ascending: asc)
    }

    /// The value(s) of this expression for one object. A name with wildcards expands to every
    /// matching property; a missing property gives nothing.
    func evaluate(_ target: Value, rt: CommandRuntime) throws -> [(name: String, value: Value)] {
        switch source {
        case .name(let n):
            if WildcardPattern.containsWildcard(n) {
                let pattern = WildcardPattern(n)
                var out: [(String, Value)] = []
                var seen = Set<String>()
                // A Hashtable's keys are its properties here, its own properties only when no
                // key matches (pwsh's PSPropertyExpression.ResolveNames).
                if let h = target.hashtable, !h.isOrdered {
                    for (k, v) in zip(h.keys, h.values) {
                        let name = rt.text(k)
                        if pattern.matches(name) && seen.insert(name.lowercased()).inserted { out.append((name, v)) }
                    }
                    if !out.isEmpty { return out }
                }
                for p in Members.propertyNames(target) where pattern.matches(p) && seen.insert(p.lowercased()).inserted {
                    out.append((p, (try? rt.property(target, p)) ?? nil ?? .null))
                }
                return out
            }
            guard let v = try rt.property(target, n) else { return [] }
            return [(label ?? n, v)]
        case .script(let sb):
            let items = try DollarUnderInvoker(context: rt.context).collect(sb, target)
            let v: Value = items.isEmpty ? .null : (items.count == 1 ? items[0] : .object(PSArray(items)))
            return [(displayName, v)]
        }
    }

    /// A single value (sort keys, group keys): nil when the property does not exist.
    func value(of target: Value, rt: CommandRuntime) throws -> Value? {
        switch source {
        case .name(let n):
            if n.isEmpty { return target }
            return try rt.property(target, n)
        case .script(let sb):
            let items = try DollarUnderInvoker(context: rt.context).collect(sb, target)
            return items.isEmpty ? .null : (items.count == 1 ? items[0] : .object(PSArray(items)))
        }
    }
}

/// The values of a parameter that binds an array (`-InputObject 1,2` binds one array).
func items(of v: Value) -> [Value] {
    if let a = v.array { return a.items }
    return [v]
}
