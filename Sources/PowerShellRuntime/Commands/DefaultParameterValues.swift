import Foundation

/// `$PSDefaultParameterValues` as pwsh's CmdletParameterBinderController applies it to cmdlets
/// and advanced functions after the command line is bound (about_Parameters_Default_Values;
/// GetDefaultParameterValuePairs, GetQualifiedParameterValuePairs and BindDefaultParameters
/// at v7.6.5):
/// - a key is `CommandName:ParameterName` (spaces around the colon allowed); the command part
///   names the command or one of its aliases and may hold wildcards; the parameter part names
///   a parameter or a parameter alias, and with wildcards must match exactly one of them;
/// - `Disabled = $true` turns the whole table off;
/// - a parameter given on the command line keeps its value; a default for a parameter of
///   another parameter set is skipped, and defaults whose sets cannot go together are all
///   dropped;
/// - a script block value is run (its result is the value) unless the parameter takes a
///   script block;
/// - two keys giving one parameter different values, a wildcard matching several parameters,
///   a malformed key (then removed from the table), or a value that does not bind end in a
///   warning, not an error.
extension ParameterBinder {
    /// Binds the defaults that apply; returns the warnings pwsh would write.
    func applyDefaultParameterValues(_ result: inout Result, sets: inout [String]) -> [String] {
        guard isAdvanced, !declaration.name.isEmpty,
              let table = context.variableValue("psdefaultparametervalues")?.hashtable, table.count > 0 else { return [] }
        var warnings: [String] = []
        var pairs: [(ParameterDeclaration, Value)] = []
        var conflicting = Set<String>()
        var badKeys: [String] = []
        let aliases = context.visibleAliases().filter { $0.definition.caseInsensitiveCompare(declaration.name) == .orderedSame }.map { $0.name }
        func commandMatches(_ pattern: String) -> Bool {
            let w = WildcardPattern(pattern)
            return w.matches(declaration.name) || aliases.contains { w.matches($0) }
        }
        func add(_ p: ParameterDeclaration, _ value: Value, _ key: String) {
            if let i = pairs.firstIndex(where: { $0.0.name == p.name }) {
                if !sameValue(pairs[i].1, value) {
                    conflicting.insert(p.name)
                    warnings.append("Multiple different default values are defined in $PSDefaultParameterValues for the parameter matching the following name or alias: \(key). These defaults have been ignored.")
                }
                return
            }
            pairs.append((p, value))
        }
        var wildcardKeys: [(String, String, Value)] = []
        for (k, value) in zip(table.keys, table.values) {
            guard case .string(let rawKey) = k else { continue }
            let key = rawKey.trimmingCharacters(in: .whitespaces)
            guard let (command, parameter) = ParameterBinder.splitDefaultKey(key) else {
                if key.caseInsensitiveCompare("Disabled") == .orderedSame {
                    if Conversion.toBool(value) { return [] }
                } else {
                    badKeys.append(rawKey)
                }
                continue
            }
            if WildcardPattern.containsWildcard(key) {
                wildcardKeys.append((command, parameter, value))
                continue
            }
            guard commandMatches(command), let p = defaultTarget(parameter) else { continue }
            add(p, value, parameter)
        }
        for (command, parameter, value) in wildcardKeys where commandMatches(command) {
            if !WildcardPattern.containsWildcard(parameter) {
                if let p = defaultTarget(parameter) { add(p, value, parameter) }
                continue
            }
            let pattern = WildcardPattern(parameter)
            var matches: [ParameterDeclaration] = []
            for p in allParameters where pattern.matches(p.name) || p.aliases.contains(where: { pattern.matches($0) }) {
                if !matches.contains(where: { $0.name == p.name }) { matches.append(p) }
            }
            if matches.count > 1 {
                warnings.append("The following name or alias defined in $PSDefaultParameterValues for this cmdlet resolves to multiple parameters: \(parameter). The default has been ignored.")
                continue
            }
            if let p = matches.first { add(p, value, parameter) }
        }
        if !badKeys.isEmpty {
            // pwsh removes a malformed key from the table, so it warns once.
            for k in badKeys { table.remove(.string(k)) }
            let list = badKeys.joined(separator: ", ")
            warnings.append(badKeys.count == 1
                ? "The key '\(list)' does not have a valid format. For information about the correct format, see about_Parameters_Default_Values at https://go.microsoft.com/fwlink/?LinkId=228266."
                : "The keys '\(list)' do not have valid formats. For information about the correct format, see about_Parameters_Default_Values at https://go.microsoft.com/fwlink/?LinkId=228266.")
        }
        // GetQualifiedParameterValuePairs: only parameters of a still-possible set, not given
        // on the command line, whose sets can all hold together.
        var qualified: [(ParameterDeclaration, Value)] = []
        var common: Set<String>?
        for (p, value) in pairs where !conflicting.contains(p.name) && !result.bound.has(p.name) {
            let own = Set(p.sets.map { $0.setName })
            if !own.contains(ParameterSetMembership.allSets) {
                guard !own.isDisjoint(with: sets) else { continue }
                let possible = (common ?? own).intersection(own)
                if possible.isEmpty { return warnings }
                common = possible
            }
            qualified.append((p, value))
        }
        for (p, raw) in qualified {
            var value = raw
            if case .object(let o) = raw, let sb = o as? ScriptBlock, !ParameterBinder.takesScriptBlock(p) {
                let state = PSCustomObject([("BoundParameters", .object(PSArray(result.bound.order.map { .string($0) })))])
                guard let out = try? context.invokeScriptBlock(sb, args: [.object(state)], dollarUnder: nil), !out.isEmpty else { continue }
                value = out.count == 1 ? out[0] : .object(PSArray(out))
            }
            do {
                let bound = p.isSwitch ? .bool(Conversion.toBool(value)) : try coerce(value, to: p, extent: nil)
                result.bound.set(p.name, bound)
                sets = candidateSets(for: result.bound)
            } catch let e as RuntimeError {
                let shown = value.isNull ? "null" : Conversion.toString(value, hooks: context.hooks)
                warnings.append("The binding of default value '\(shown)' to parameter '\(p.name)' failed: \(e.record.exception.message)")
            } catch {
                continue
            }
        }
        return warnings
    }

    /// `Name:Parameter` → its two trimmed parts; nil for a key of another form.
    static func splitDefaultKey(_ key: String) -> (String, String)? {
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let command = key[..<colon].trimmingCharacters(in: .whitespaces)
        let parameter = key[key.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !command.isEmpty, !parameter.isEmpty, !parameter.contains(":"), !parameter.contains(" ") else { return nil }
        return (command, parameter)
    }

    /// The parameter a default names, by name or alias (no prefix matching).
    private func defaultTarget(_ name: String) -> ParameterDeclaration? {
        allParameters.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            ?? allParameters.first { $0.aliases.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
    }

    private static func takesScriptBlock(_ p: ParameterDeclaration) -> Bool {
        p.typeName == "System.Management.Automation.ScriptBlock" || p.typeName == "System.Management.Automation.ScriptBlock[]"
    }

    /// .NET Equals between two default values (numbers by value, strings ordinally).
    private func sameValue(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.object(let x), .object(let y)): return x === y
        default: return (try? Operators.compare(a, b, caseSensitive: true)) == 0
        }
    }
}
