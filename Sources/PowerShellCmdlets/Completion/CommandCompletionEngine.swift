import Foundation
import PowerShellRuntime

/// Tab completion (pwsh's `CommandCompletion.CompleteInput`): what `TabExpansion2` returns and
/// what the REPL's Tab key uses. It decides what the word at the cursor is (a command name, a
/// parameter, an argument, a variable, a member, a type) and asks the matching completer.
public enum CommandCompletionEngine {
    /// Completes `input` at UTF-16 offset `cursor`.
    public static func complete(_ input: String, cursor: Int, context: ExecutionContext) -> CommandCompletion {
        let a = CompletionAnalysis(input: input, cursor: cursor)
        let word = a.word
        var start = a.wordStart
        var length = a.cursor - a.wordStart
        var results: [CompletionResult] = []
        let completers = Completers(context: context)

        if word.hasPrefix("["), !word.contains("]") {
            start += 1
            length -= 1
            results = completers.types(String(word.dropFirst()))
        } else if let member = Completers.memberTarget(word) {
            start = a.wordStart + member.nameOffset
            length = a.cursor - start
            results = completers.members(of: member.target, prefix: member.prefix, isStatic: member.isStatic)
        } else if word.hasPrefix("$") || word.hasPrefix("@") && word.count > 1 && a.elements.isEmpty == false {
            results = completers.variables(word, input: a.units, wordStart: a.wordStart)
        } else if a.elements.isEmpty {
            results = word.isEmpty ? [] : completers.commands(word, input: a.units)
        } else if word.hasPrefix("-") && !word.hasPrefix("--") {
            results = completers.parameters(word, elements: a.elements)
            if results.isEmpty && completers.resolve(a.elements[0].text) == nil {
                results = completers.paths(word)
            }
        } else {
            results = completers.arguments(word, elements: a.elements)
        }
        if results.isEmpty {
            return CommandCompletion(matches: [], replacementIndex: a.cursor, replacementLength: 0)
        }
        return CommandCompletion(matches: results, replacementIndex: start, replacementLength: length)
    }
}

/// The individual completers (pwsh's `CompletionCompleters`).
struct Completers {
    let context: ExecutionContext

    // MARK: - Commands

    /// A resolved command: its canonical name and declaration, and whether it takes the common
    /// parameters (cmdlets and advanced functions).
    struct ResolvedCommand {
        let name: String
        let declaration: CommandDeclaration
        let isCmdlet: Bool
        let takesCommonParameters: Bool
    }

    /// Follows aliases to a function or cmdlet, as the command line would.
    func resolve(_ rawName: String, allowAutoload: Bool = true) -> ResolvedCommand? {
        var name = CompletionAnalysis.unquote(rawName).text
        var hops = 0
        while hops < 16, let alias = context.currentScope.lookupAlias(name.lowercased()) {
            name = alias.definition
            hops += 1
        }
        if let qualified = context.cmdletModules[name.lowercased()] { name = qualified }
        if let f = context.currentScope.lookupFunction(name.lowercased()) {
            return ResolvedCommand(name: f.name, declaration: f.declaration, isCmdlet: false, takesCommonParameters: f.isAdvanced)
        }
        if let r = context.cmdlets[name.lowercased()] {
            return ResolvedCommand(name: r.declaration.name, declaration: r.declaration, isCmdlet: true,
                                   takesCommonParameters: r.declaration.supportsCommonParameters)
        }
        if let available = context.modules?.availableCommands().first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }),
           let d = available.declaration {
            return ResolvedCommand(name: d.name, declaration: d, isCmdlet: available.commandType == "Cmdlet",
                                   takesCommonParameters: d.supportsCommonParameters)
        }
        // pwsh's completion finds commands through module autoloading too.
        if allowAutoload, !name.contains("/"), context.modules?.autoload(name) == true {
            return resolve(name, allowAutoload: false)
        }
        return nil
    }

    /// Command names starting with (or matching, with wildcards) the word: aliases, functions,
    /// cmdlets, commands of installed modules and programs on PATH, sorted by name.
    func commands(_ word: String, input: [UInt16] = []) -> [CompletionResult] {
        let (name, quote) = CompletionAnalysis.unquote(word)
        if name.contains("/") { return paths(word) }
        let pattern = WildcardPattern(name + "*")
        var candidates: [(name: String, type: String, tip: String, path: String?)] = []
        var s: Scope? = context.currentScope
        var seen = Set<String>()
        while let scope = s {
            for a in scope.aliases.values where pattern.matches(a.name) && seen.insert("a:" + a.name.lowercased()).inserted {
                candidates.append((a.name, "Alias", a.name, nil))
            }
            for f in scope.functions.values where pattern.matches(f.name) && seen.insert("f:" + f.name.lowercased()).inserted {
                candidates.append((f.name, "Function", f.scriptBlock.text, nil))
            }
            s = scope.parent
        }
        for r in context.cmdlets.values where pattern.matches(r.declaration.name) {
            candidates.append((r.declaration.name, "Cmdlet", CommandCatalog.syntax(of: r.declaration, isAdvanced: true), nil))
        }
        for c in context.modules?.availableCommands() ?? [] where pattern.matches(c.name) && c.commandType != "Alias" {
            candidates.append((c.name, c.commandType, c.name, nil))
        }
        for (program, path) in Completers.programs(matching: pattern) {
            candidates.append((program, "Application", path, path))
        }
        // A stable sort by name (pwsh's CommandNameComparer: OrdinalIgnoreCase), then one result
        // per name (other programs of that name by path).
        let sorted = candidates.enumerated().sorted { x, y in
            let c = CompletionOrder.ordinalIgnoreCase(x.element.name, y.element.name)
            return c == 0 ? x.offset < y.offset : c < 0
        }.map(\.element)
        var results: [CompletionResult] = []
        var emitted = Set<String>()
        // Functions the input itself defines come first (pwsh's FindFunctionsVisitor: each one
        // not already found is put in front, so the last defined ends up first).
        for f in CompletionAnalysis.definedFunctions(input) where pattern.matches(f) && !sorted.contains(where: { $0.name.caseInsensitiveCompare(f) == .orderedSame }) {
            if emitted.insert(f.lowercased()).inserted { results.insert(commandResult(f, tip: f, quote: quote), at: 0) }
        }
        for c in sorted {
            if emitted.insert(c.name.lowercased()).inserted {
                results.append(commandResult(c.name, tip: c.tip, quote: quote))
            } else if let path = c.path {
                results.append(commandResult(path, tip: c.tip, quote: quote))
            }
        }
        return results
    }

    private func commandResult(_ name: String, tip: String, quote: String) -> CompletionResult {
        let text = CompletionText.needsQuotes(name) || !quote.isEmpty
            ? (quote.isEmpty ? "'" : quote) + name + (quote.isEmpty ? "'" : quote)
            : name
        return CompletionResult(text, listItemText: (name as NSString).lastPathComponent, type: .Command, toolTip: tip)
    }

    /// Executables on PATH whose names match, with their paths (first directory wins).
    static func programs(matching pattern: WildcardPattern) -> [(String, String)] {
        guard let raw = getenv("PATH") else { return [] }
        var out: [(String, String)] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for dir in String(cString: raw).split(separator: ":") where !dir.isEmpty {
            guard let entries = try? fm.contentsOfDirectory(atPath: String(dir)) else { continue }
            for e in entries where pattern.matches(e) {
                let path = String(dir) + "/" + e
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: path) else { continue }
                if seen.insert(e).inserted { out.append((e, path)) }
            }
        }
        return out
    }

    // MARK: - Parameters

    /// The command's parameters in the order pwsh offers them: the class's declaration order,
    /// `-WhatIf`/`-Confirm`, and the common parameters last.
    func orderedParameters(_ command: ResolvedCommand) -> (own: [ParameterDeclaration], common: [ParameterDeclaration]) {
        var own = command.declaration.parameters
        if command.isCmdlet, let order = ParameterSourceOrder.byCommand[command.name.lowercased()] {
            let rank = Dictionary(order.enumerated().map { ($0.element.lowercased(), $0.offset) }, uniquingKeysWith: { a, _ in a })
            own = own.enumerated().sorted { x, y in
                let rx = rank[x.element.name.lowercased()] ?? order.count + x.offset
                let ry = rank[y.element.name.lowercased()] ?? order.count + y.offset
                return rx < ry
            }.map(\.element)
        }
        let existing = Set(own.map { $0.name.lowercased() })
        if command.declaration.supportsShouldProcess {
            own += CommandDeclaration.shouldProcessParameters.filter { !existing.contains($0.name.lowercased()) }
        }
        let common = command.takesCommonParameters
            ? CommandDeclaration.commonParameters.filter { !existing.contains($0.name.lowercased()) }
            : []
        return (own, common)
    }

    /// Finds the parameter a `-name` (full, prefix or alias) stands for.
    func parameter(named raw: String, of command: ResolvedCommand) -> ParameterDeclaration? {
        let all = orderedParameters(command)
        let params = all.own + all.common
        let n = raw.lowercased()
        if let exact = params.first(where: { $0.name.lowercased() == n || $0.aliases.contains { $0.lowercased() == n } }) { return exact }
        let prefixed = params.filter { $0.name.lowercased().hasPrefix(n) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// `-Fo<Tab>`: the parameters not yet given whose names (or, failing that, aliases) start
    /// with the word, among the parameter sets still possible.
    func parameters(_ word: String, elements: [CompletionAnalysis.Element]) -> [CompletionResult] {
        guard let command = resolve(elements[0].text) else { return [] }
        var typed = String(word.dropFirst())
        let withColon = typed.hasSuffix(":")
        if withColon { typed.removeLast() }
        let (own, common) = orderedParameters(command)
        var bound = Set<String>()
        var boundSets: Set<String>?
        for e in elements.dropFirst() where e.text.hasPrefix("-") && e.text.count > 1 {
            var n = String(e.text.dropFirst())
            if let colon = n.firstIndex(of: ":") { n = String(n[..<colon]) }
            guard let p = parameter(named: n, of: command) else { continue }
            bound.insert(p.name.lowercased())
            let sets = Set(p.sets.map(\.setName))
            if !sets.contains(ParameterSetMembership.allSets) {
                boundSets = boundSets.map { $0.intersection(sets) } ?? sets
            }
        }
        let pattern = WildcardPattern(typed + "*")
        let colon = withColon ? ":" : ""
        func inValidSet(_ p: ParameterDeclaration) -> Bool {
            guard let valid = boundSets else { return true }
            return p.sets.contains { $0.setName == ParameterSetMembership.allSets || valid.contains($0.setName) }
        }
        func results(_ list: [ParameterDeclaration]) -> [CompletionResult] {
            var out: [CompletionResult] = []
            for p in list where !bound.contains(p.name.lowercased()) && inValidSet(p) {
                let type = "[" + Completers.shortTypeName(p.typeName) + "] "
                if pattern.matches(p.name) {
                    out.append(CompletionResult("-" + p.name + colon, listItemText: p.name, type: .ParameterName, toolTip: type + p.name))
                } else if !typed.isEmpty {
                    for alias in p.aliases where pattern.matches(alias) {
                        out.append(CompletionResult("-" + alias + colon, listItemText: alias, type: .ParameterName, toolTip: type + alias))
                    }
                }
            }
            return out
        }
        return results(own) + results(common)
    }

    /// The type name as pwsh's tool tips show it (`string`, `switch`, `ActionPreference`).
    static func shortTypeName(_ full: String) -> String {
        if full == "System.Management.Automation.SwitchParameter" { return "switch" }
        return CommandCatalog.syntaxTypeName(full)
    }

    // MARK: - Arguments

    /// The value of a parameter: the command's registered completer, ValidateSet values, enum
    /// names, then file names.
    func arguments(_ word: String, elements: [CompletionAnalysis.Element]) -> [CompletionResult] {
        guard let command = resolve(elements[0].text) else { return paths(word) }
        guard let param = parameterForArgument(elements: elements, command: command) else { return paths(word) }
        if param.isSwitch { return paths(word) }
        let typed = CompletionAnalysis.unquote(word).text
        if let completer = ArgumentCompleterRegistry.of(context).completer(command: command.name, parameter: param.name) {
            let custom = completer(ArgumentCompletionRequest(context: context, commandName: command.name,
                                                             parameterName: param.name, wordToComplete: typed))
            if !custom.isEmpty { return custom }
        }
        if let values = param.validValues {
            return CompletionOrder.setValues(values, word: word, quoteWhenNeeded: true)
        }
        if let names = Completers.enumNames(param.typeName) {
            return CompletionOrder.setValues(names, word: word, quoteWhenNeeded: false)
        }
        return paths(word)
    }

    /// Which parameter the word is a value of: the `-Name` right before it, else the next
    /// positional parameter.
    func parameterForArgument(elements: [CompletionAnalysis.Element], command: ResolvedCommand) -> ParameterDeclaration? {
        let args = elements.dropFirst()
        if let last = args.last, last.text.hasPrefix("-"), last.text.count > 1, !last.text.hasSuffix(":") || true {
            var n = String(last.text.dropFirst())
            if n.hasSuffix(":") { n.removeLast() }
            if !n.contains(":"), let p = parameter(named: n, of: command), !p.isSwitch { return p }
        }
        // Count the positional arguments before the word.
        var position = 0
        var skipNext = false
        var named = Set<String>()
        for e in args {
            if skipNext { skipNext = false; continue }
            if e.text.hasPrefix("-"), e.text.count > 1, let p = parameter(named: String(e.text.dropFirst()).split(separator: ":").first.map(String.init) ?? "", of: command) {
                named.insert(p.name.lowercased())
                if !p.isSwitch && !e.text.contains(":") { skipNext = true }
                continue
            }
            position += 1
        }
        let defaultSet = command.declaration.defaultParameterSet
        let positional = command.declaration.parameters.compactMap { p -> (Int, ParameterDeclaration)? in
            guard !named.contains(p.name.lowercased()) else { return nil }
            let memberships = p.sets.filter { $0.setName == ParameterSetMembership.allSets || defaultSet == nil || $0.setName == defaultSet }
            guard let pos = (memberships.isEmpty ? p.sets : memberships).compactMap(\.position).min() else { return nil }
            return (pos, p)
        }.sorted { $0.0 < $1.0 }
        return positional.count > position ? positional[position].1 : nil
    }

    /// The member names of an enum type the runtime knows, if the type is one.
    static func enumNames(_ typeName: String) -> [String]? {
        var name = typeName
        if name.hasSuffix("[]") { name.removeLast(2) }
        if let t = TypeResolver.resolve(name: name), case .enumeration(let d) = t.kind { return d.members.map(\.name) }
        if name == "System.Management.Automation.ActionPreference" { return ActionPreference.allCases.map(\.rawValue) }
        return nil
    }

    // MARK: - Types

    /// `[pscustomobj<Tab>` / `[System.Collections.Generic.Li<Tab>`: accelerators and full names.
    func types(_ prefix: String) -> [CompletionResult] {
        guard !prefix.isEmpty else { return [] }
        let pattern = WildcardPattern(prefix + "*")
        var results: [(String, String)] = []
        var seen = Set<String>()
        if !prefix.contains(".") {
            for a in TypeCatalog.accelerators where pattern.matches(a.name) && seen.insert(a.name.lowercased()).inserted {
                results.append((a.name, a.fullName))
            }
            for t in context.userTypes.values where pattern.matches(t.name) && seen.insert(t.name.lowercased()).inserted {
                results.append((t.name, t.fullName))
            }
        }
        var names = TypeCatalog.fullNames
        if !prefix.lowercased().hasPrefix("system.") { names += TypeCatalog.fullNames.compactMap { $0.hasPrefix("System.") ? String($0.dropFirst(7)) : nil } }
        for n in names where pattern.matches(n) && seen.insert(n.lowercased()).inserted {
            results.append((n, n.hasPrefix("System.") ? n : "System." + n))
        }
        return results.sorted { $0.0.lowercased() < $1.0.lowercased() }.map { name, full in
            CompletionResult(name, listItemText: (name as NSString).pathExtension.isEmpty ? name : String(name.split(separator: ".").last ?? ""),
                             type: .Type, toolTip: full)
        }
    }

    // MARK: - Paths

    /// File and directory names (pwsh's `CompleteFilename`): relative words keep their form
    /// (`./pol` → `./policies`), bare names gain `./`; names needing quotes are quoted.
    func paths(_ word: String) -> [CompletionResult] {
        let (typed, quote) = CompletionAnalysis.unquote(word)
        var dirPart = ""
        var namePrefix = typed
        if let slash = typed.lastIndex(of: "/") {
            dirPart = String(typed[...slash])
            namePrefix = String(typed[typed.index(after: slash)...])
        }
        let directory = dirPart.isEmpty ? context.currentLocation : context.resolvePath(dirPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let pattern = WildcardPattern(namePrefix + "*")
        let shownDir = dirPart.isEmpty ? "./" : dirPart
        var results: [CompletionResult] = []
        for e in entries.sorted(by: { $0.lowercased() < $1.lowercased() }) where pattern.matches(e) {
            if e.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
            let full = (directory == "/" ? "" : directory) + "/" + e
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            let path = shownDir + e
            let needsQuotes = !quote.isEmpty || CompletionText.needsQuotes(path)
            let q = quote.isEmpty ? "'" : quote
            let text = needsQuotes ? q + (q == "'" ? path.replacingOccurrences(of: "'", with: "''") : path) + q : path
            results.append(CompletionResult(text, listItemText: e, type: isDir.boolValue ? .ProviderContainer : .ProviderItem, toolTip: full))
        }
        return results
    }
}
