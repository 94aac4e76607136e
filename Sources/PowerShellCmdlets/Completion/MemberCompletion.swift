import Foundation
import PowerShellRuntime

/// Member and variable completion, ordered as pwsh orders them (CompletionCompleters.cs at
/// v7.6.5):
/// - `$x.Na<Tab>` (CompleteMemberHelper): the object's members whose names match, sorted by
///   member type (pwsh's PSMemberTypes values: alias properties, properties, note properties,
///   script properties, methods, script methods, parameterized properties) then by name; a
///   method completes with `(`; the tool tip is the member's definition. A dictionary's string
///   keys follow, in the dictionary's order; a collection (not a string or dictionary) adds
///   `Where(` and `ForEach(` last.
/// - `[type]::Na<Tab>`: the type's static members the runtime models, in the same order.
/// - `$na<Tab>` (CompleteVariable): variables assigned in the input before the cursor first (in
///   the order they appear), then the session's variables sorted OrdinalIgnoreCase, then (for a
///   prefix of `env`) the environment variables, then the drives whose items are content
///   (`$Env:`, `$Function:`, `$Variable:`, …), then the scope prefixes (`$Global:`, …).
extension Completers {
    // MARK: - Members

    /// `$h.al` / `'abc'.ToUp` / `[math]::Sq`: the expression before the last `.` or `::`, the
    /// member prefix after it, where the prefix starts in the word, and whether it is static.
    static func memberTarget(_ word: String) -> (target: String, prefix: String, nameOffset: Int, isStatic: Bool)? {
        guard let first = word.first, first == "$" || first == "'" || first == "\"" || first == "(" || first == "[" else { return nil }
        let u = Array(word.utf16)
        var i = 0
        var lastDot: (index: Int, length: Int)?
        var quote: UInt16 = 0
        var brackets = 0
        while i < u.count {
            let c = u[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x27 || c == 0x22 {
                quote = c
            } else if c == 0x5B {
                brackets += 1
            } else if c == 0x5D {
                brackets -= 1
            } else if brackets == 0, c == 0x3A, i + 1 < u.count, u[i + 1] == 0x3A {
                lastDot = (i, 2)
                i += 1
            } else if brackets == 0, c == 0x2E, i > 0, !(i + 1 < u.count && u[i + 1] == 0x2E), u[i - 1] != 0x2E {
                lastDot = (i, 1)
            }
            i += 1
        }
        guard let dot = lastDot, quote == 0 else { return nil }
        let target = String(decoding: u[..<dot.index], as: UTF16.self)
        let prefix = String(decoding: u[(dot.index + dot.length)...], as: UTF16.self)
        guard prefix.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), target != "$" else { return nil }
        if first == "[" && dot.length == 1 { return nil }
        return (target, prefix, dot.index + dot.length, dot.length == 2)
    }

    /// The value of a member target, evaluated without side effects (pwsh's SafeExprEvaluator,
    /// in part): a string literal, a type literal, or a variable followed by property names.
    func safeValue(_ target: String) -> Value? {
        if let q = target.first, q == "'" || q == "\"", target.count >= 2, target.last == q {
            let body = String(target.dropFirst().dropLast())
            if q == "\"" && (body.contains("$") || body.contains("`")) { return nil }
            return .string(q == "'" ? body.replacingOccurrences(of: "''", with: "'") : body)
        }
        guard target.hasPrefix("$") else { return nil }
        let parts = target.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }) else { return nil }
        var value: Value
        if name.lowercased() == "true" { value = .bool(true) }
        else if name.lowercased() == "false" { value = .bool(false) }
        else {
            guard let v = context.currentScope.lookup(name.lowercased())?.value else { return nil }
            value = v
        }
        for p in parts.dropFirst() {
            guard !p.isEmpty, p.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
                  let next = try? Members.getProperty(value, p, hooks: context.hooks) else { return nil }
            value = next
        }
        return value
    }

    /// A member as completion lists it: name, kind (pwsh's PSMemberTypes value) and definition.
    struct MemberEntry {
        let name: String
        let kind: Int
        let definition: String
        var isMethod: Bool { kind == 64 || kind == 128 || kind == 256 }
    }

    /// `$x.pre`: the value's matching members, keys and extension methods.
    func members(of target: String, prefix: String, isStatic: Bool) -> [CompletionResult] {
        if isStatic { return staticMembers(of: target, prefix: prefix) }
        guard let value = safeValue(target), !value.isNull else { return [] }
        let pattern = WildcardPattern(prefix + "*")
        let isCollection: Bool
        if case .object(let o) = value, o is PSArray { isCollection = true } else { isCollection = false }
        // Where and ForEach are PowerShell's own methods of collections, offered after the rest.
        let own = instanceMembers(value).filter { pattern.matches($0.name) && !(isCollection && ["where", "foreach"].contains($0.name.lowercased())) }
        var results = CompletionOrder.sortedMembers(own).map(memberResult)
        if let h = value.hashtable {
            for key in h.keys {
                guard case .string(let k) = key, pattern.matches(k) else { continue }
                let text = CompletionOrder.needsQuotes(k) ? "'" + k.replacingOccurrences(of: "'", with: "''") + "'" : k
                results.append(CompletionResult(text, listItemText: k, type: .Property, toolTip: k))
            }
        }
        if isCollection {
            for (name, tip) in [("Where", "Where({ expression } [, mode [, numberToReturn]])"), ("ForEach", "ForEach(expression [, arguments...])"),
                                ("PSWhere", "PSWhere({ expression } [, mode [, numberToReturn]])"), ("PSForEach", "PSForEach(expression [, arguments...])")]
            where pattern.matches(name) {
                results.append(CompletionResult(name + "(", listItemText: name, type: .Method, toolTip: tip))
            }
        }
        return results
    }

    private func memberResult(_ m: MemberEntry) -> CompletionResult {
        let text = CompletionOrder.needsQuotes(m.name) ? "'" + m.name.replacingOccurrences(of: "'", with: "''") + "'" : m.name
        return CompletionResult(m.isMethod ? text + "(" : text, listItemText: m.name, type: m.isMethod ? .Method : .Property, toolTip: m.definition)
    }

    /// The members pwsh's PSObject.Members has for a value (hidden members left out).
    func instanceMembers(_ v: Value) -> [MemberEntry] {
        var out: [MemberEntry] = []
        var seen = Set<String>()
        if case .object(let o) = v, let table = o.instanceMembers {
            for m in table.members where seen.insert(m.name.lowercased()).inserted {
                switch m.kind {
                case .noteProperty(let value): out.append(MemberEntry(name: m.name, kind: 8, definition: noteDefinition(m.name, value)))
                case .aliasProperty(let target): out.append(MemberEntry(name: m.name, kind: 1, definition: "\(m.name) = \(target)"))
                case .scriptProperty(let getter, _):
                    out.append(MemberEntry(name: m.name, kind: 16, definition: "System.Object \(m.name) {get=\(getter?.text ?? "");}"))
                case .scriptMethod: out.append(MemberEntry(name: m.name, kind: 256, definition: "System.Object \(m.name)();"))
                }
            }
        }
        var isNote = false
        if case .object(let o) = v, o is PSCustomObject || o is PSClassInstance { isNote = o is PSCustomObject }
        for p in Members.propertyNames(v) where seen.insert(p.lowercased()).inserted {
            let value = ((try? Members.getProperty(v, p, hooks: context.hooks)) ?? nil) ?? .null
            if isNote {
                out.append(MemberEntry(name: p, kind: 8, definition: noteDefinition(p, value)))
            } else if case .object(let o) = v, o is PSArray, p == "Count" {
                // pwsh's type data: an array's Count is an alias of Length.
                out.append(MemberEntry(name: p, kind: 1, definition: "Count = Length"))
            } else {
                out.append(MemberEntry(name: p, kind: 4, definition: "\(GetMemberCommand.propertyTypeName(value)) \(p) {get;}"))
            }
        }
        for m in Members.methodNames(v) where seen.insert(m.lowercased()).inserted {
            if case .string = v, m == "Chars" {
                out.append(MemberEntry(name: m, kind: 512, definition: "char Chars(int index) {get;}"))
                continue
            }
            out.append(MemberEntry(name: m, kind: 64, definition: GetMemberCommand.methodDefinition(m)))
        }
        return out
    }

    private func noteDefinition(_ name: String, _ value: Value) -> String {
        let shown: String
        switch value {
        case .null: shown = "null"
        case .object(let o) where o is PSArray || o is PSHashtable: shown = o.typeFullName
        default: shown = OutputWiring.displayText(value, hooks: context.hooks)
        }
        return "\(GetMemberCommand.noteTypeName(value)) \(name)=\(shown)"
    }

    /// `[type]::pre`: the static members the runtime models for the type.
    func staticMembers(of target: String, prefix: String) -> [CompletionResult] {
        guard target.hasPrefix("["), target.hasSuffix("]") else { return [] }
        let name = String(target.dropFirst().dropLast())
        guard let type = TypeResolver.resolve(name: name) else { return [] }
        let pattern = WildcardPattern(prefix + "*")
        let entries = StaticMemberCatalog.members(of: type).filter { pattern.matches($0.name) }
        return CompletionOrder.sortedMembers(entries).map(memberResult)
    }

    // MARK: - Variables

    /// `$PSVer<Tab>` (see the type's comment for the order).
    func variables(_ word: String, input: [UInt16], wordStart: Int) -> [CompletionResult] {
        let sigil = String(word.prefix(1))
        var name = String(word.dropFirst())
        var braced = false
        if name.hasPrefix("{") { name.removeFirst(); braced = true }
        var scopePrefix = ""
        if let colon = name.firstIndex(of: ":") {
            scopePrefix = String(name[...colon])
            name = String(name[name.index(after: colon)...])
        }
        let pattern = WildcardPattern(name + "*")
        var results: [CompletionResult] = []
        var seen = Set<String>()
        func add(_ varName: String, listItem: String? = nil, tip: String, prefix: String? = nil) {
            let shown = (prefix ?? scopePrefix) + varName
            let needsBraces = braced || CompletionOrder.needsQuotes(shown.replacingOccurrences(of: ":", with: ""))
            let text = needsBraces ? sigil + "{" + shown + "}" : sigil + shown
            if seen.insert(text.lowercased()).inserted {
                results.append(CompletionResult(text, listItemText: listItem ?? varName, type: .Variable, toolTip: tip))
            }
        }
        let scopes = ["global:", "local:", "script:", "private:", "using:"]
        if scopePrefix.lowercased() == "env:" {
            for key in ProcessInfo.processInfo.environment.keys.sorted(by: { CompletionOrder.ordinalIgnoreCase($0, $1) < 0 }) where pattern.matches(key) {
                add(key, tip: "[string]env:" + key, prefix: scopePrefix)
            }
            return results
        }
        if !scopePrefix.isEmpty && !scopes.contains(scopePrefix.lowercased()) { return [] }
        if scopePrefix.isEmpty {
            for (v, tip) in CompletionOrder.assignedVariables(input, before: wordStart) where pattern.matches(v) { add(v, tip: tip) }
        }
        var found: [PSVariable] = []
        var names = Set<String>()
        var s: Scope? = context.currentScope
        while let scope = s {
            for v in scope.variables.values where pattern.matches(v.name) && names.insert(v.name.lowercased()).inserted { found.append(v) }
            s = scope.parent
        }
        for v in found.sorted(by: { CompletionOrder.ordinalIgnoreCase($0.name, $1.name) < 0 }) {
            add(v.name, tip: v.value.isNull ? v.name : "[" + Completers.valueTypeName(v.value) + "]$" + v.name)
        }
        guard scopePrefix.isEmpty else { return results }
        if "env".hasPrefix(name.lowercased()) {
            for key in ProcessInfo.processInfo.environment.keys.sorted(by: { CompletionOrder.ordinalIgnoreCase($0, $1) < 0 }) {
                add("env:" + key, tip: "[string]env:" + key, prefix: "")
            }
        }
        for drive in ["Alias", "Env", "Function", "Temp", "Variable"] where pattern.matches(drive) {
            add(drive + ":", listItem: drive, tip: drive, prefix: "")
        }
        for scope in ["Global:", "Local:", "Script:", "Private:", "Using:"] where pattern.matches(scope) {
            add(scope, tip: scope, prefix: "")
        }
        return results
    }

    /// The short .NET type name of a value, for tool tips.
    static func valueTypeName(_ v: Value) -> String {
        let full = Members.typeNames(v).first ?? "System.Object"
        return shortTypeName(full)
    }
}
