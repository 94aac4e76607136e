import Foundation
import PowerShellRuntime

/// `Get-Help [[-Name] <string>] [-Full] [-Detailed] [-Examples] [-Parameter <string[]>]`:
/// generated help for cmdlets (no help files are installed, as on a fresh pwsh) and
/// comment-based help for functions, laid out as pwsh's help views print them.
final class GetHelpCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let context = rt.context
        guard let name = rt.bound.string("Name"), !name.isEmpty else {
            try rt.writeObject(.string(HelpLookup.defaultTopic))
            return
        }
        // Topics and wildcards (HelpLookup): about_ topics print as their text; a pattern
        // lists what matches, or shows the one topic it names.
        if WildcardPattern.containsWildcard(name) {
            let found = HelpLookup.matches(WildcardPattern(name), context)
            if found.count == 1 { return try showOne(found[0].name, rt) }
            if found.isEmpty { return try rt.writeError(notFound(name, rt)) }
            for v in HelpLookup.listing(found) { try rt.writeObject(v) }
            return
        }
        try showOne(name, rt)
    }

    /// The help of one command or topic.
    private func showOne(_ name: String, _ rt: CommandRuntime) throws {
        let context = rt.context
        if name.lowercased().hasPrefix("about_") {
            guard let topic = AboutTopics.topic(named: name) else { return try rt.writeError(notFound(name, rt)) }
            return try rt.writeObject(.string(topic.text))
        }
        if let f = context.currentScope.lookupFunction(name.lowercased()) {
            try writeCommentHelp(rt, CommentHelp(f.helpText ?? ""), name: f.name, declaration: f.declaration,
                                 common: f.isAdvanced, category: "Function")
            return
        }
        var target = name
        if let alias = context.currentScope.lookupAlias(name.lowercased()) { target = alias.definition }
        // A command of an installed module that is not imported yet has its help too.
        guard let d = context.cmdlets[target.lowercased()]?.declaration ?? HelpLookup.availableCommand(target, context) else {
            try rt.writeError(notFound(name, rt))
            return
        }
        if let text = d.helpText {
            try writeCommentHelp(rt, CommentHelp(text), name: d.name, declaration: d, common: true, category: "Cmdlet")
            return
        }
        if let params = rt.bound.strings("Parameter") {
            var out: [String] = []
            for pn in params {
                let pattern = WildcardPattern(pn)
                for p in d.parameters where pattern.matches(p.name) { out += parameterHelp(p, d) }
            }
            try rt.writeObject(.string(out.joined(separator: "\n")))
            return
        }
        try rt.writeObject(.string(cmdletHelp(d, context).joined(separator: "\n") + "\n"))
    }

    /// Comment-based help (a function's, or the help a compiled command declares): the default
    /// view, `-Examples`, and `-Parameter` as pwsh's parameter objects.
    private func writeCommentHelp(_ rt: CommandRuntime, _ help: CommentHelp, name: String, declaration: CommandDeclaration,
                                  common: Bool, category: String) throws {
        if let params = rt.bound.strings("Parameter") {
            for pn in params {
                let pattern = WildcardPattern(pn)
                for p in declaration.parameters where pattern.matches(p.name) {
                    try rt.writeObject(commentParameterHelp(p, help))
                }
            }
            return
        }
        if rt.bound.isOn("Examples") {
            var lines = ["", "NAME", "    " + name, "    ", "SYNOPSIS", "    " + (help.synopsis ?? name), "    ", "    "]
            for (i, e) in help.examples.enumerated() {
                lines.append("    -------------------------- EXAMPLE \(i + 1) --------------------------")
                lines.append("    ")
                let exLines = e.components(separatedBy: "\n")
                lines.append("    PS > " + (exLines.first ?? ""))
                for l in exLines.dropFirst() { lines.append(l.isEmpty ? "    " : "    " + l) }
                lines += ["    ", "    ", "    ", "    "]
            }
            try rt.writeObject(.object(HelpInfo(text: lines.dropFirst().joined(separator: "\n") + "\n", view: "ExamplesView", [
                ("Name", .string(name)), ("Synopsis", .string(help.synopsis ?? "")), ("Category", .string(category)),
            ])))
            return
        }
        let lines = commentHelpLines(help, name: name, declaration: declaration, common: common)
        if !rt.bound.isOn("Full") && !rt.bound.isOn("Detailed") {
            let info = HelpInfo(text: lines.dropFirst().joined(separator: "\n"), [
                ("Name", .string(name)), ("Synopsis", .string(help.synopsis ?? "")),
                ("Description", help.description.map { .string($0) } ?? .null), ("Category", .string(category)),
            ])
            try rt.writeObject(.object(info))
            return
        }
        try rt.writeObject(.string(lines.joined(separator: "\n") + "\n"))
    }

    /// `Get-Help X -Parameter P` with comment-based help: one parameter object (pwsh's MAML
    /// parameter shape; `description` only when the help describes the parameter).
    private func commentParameterHelp(_ p: ParameterDeclaration, _ help: CommentHelp) -> Value {
        let shortType = p.isSwitch ? "SwitchParameter" : (p.typeName.split(separator: ".").last.map(String.init) ?? p.typeName)
        let byValue = p.sets.contains { $0.valueFromPipeline }, byName = p.sets.contains { $0.valueFromPipelineByPropertyName }
        var pipeline = "false"
        if byValue && byName { pipeline = "true (ByValue, ByPropertyName)" } else if byValue { pipeline = "true (ByValue)" } else if byName { pipeline = "true (ByPropertyName)" }
        var pairs: [(String, Value)] = [
            ("name", .string(p.name)), ("type", .object(PSCustomObject([("name", .string(shortType))]))),
            ("parameterValue", .string(shortType)), ("defaultValue", .string(p.isSwitch ? "False" : "")),
        ]
        if let text = help.parameters[p.name.lowercased()] ?? p.description {
            pairs.append(("description", .object(PSArray([.object(PSCustomObject([("Text", .string(text))]))]))))
        }
        let position = p.sets.compactMap { $0.position }.first.map { String($0 + 1) } ?? "named"
        pairs += [("required", .string(p.sets.contains { $0.mandatory } ? "true" : "false")), ("globbing", .string("false")),
                  ("pipelineInput", .string(pipeline)), ("position", .string(position))]
        return .object(PSCustomObject(pairs, typeName: "MamlCommandHelpInfo#parameter"))
    }

    func notFound(_ name: String, _ rt: CommandRuntime) -> ErrorRecord {
        rt.error("HelpNotFound",
                 "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116.",
                 .ResourceUnavailable, target: .string(name), type: .custom(["Microsoft.PowerShell.Commands.HelpNotFoundException", "System.SystemException", "System.Exception"]))
    }

    /// Word-wraps `text` into lines of at most `limit` characters after a 4-space indent
    /// (each wrapped line keeps its trailing space, as pwsh's help view does).
    /// Leading spaces of the text stay on its first line.
    static func wrap(_ text: String, limit: Int, indent: String = "    ") -> [String] {
        var lines: [String] = []
        let leading = text.prefix { $0 == " " }
        var current = String(leading)
        var started = false
        for word in text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            if !started {
                current += word
                started = true
            } else if current.count + 1 + word.count <= limit {
                current += " " + word
            } else {
                lines.append(indent + current + " ")
                current = String(word)
            }
        }
        lines.append(indent + current)
        return lines
    }

    /// The syntax lines of help: `Name [[-P] <Type>] -M <Type> [-S] [<CommonParameters>]`.
    static func syntaxLines(_ d: CommandDeclaration, typeName: (ParameterDeclaration) -> String, common: Bool) -> [String] {
        var sets = d.parameterSetNames
        if sets.isEmpty { sets = [ParameterSetMembership.allSets] }
        let recorded = recordedParameterOrders(d)
        var out: [String] = []
        for set in sets {
            var positional: [(Int, String)] = []
            var mandatoryNamed: [String] = []
            var named: [String] = []
            let members = d.parameters.compactMap { p in
                (p.sets.first(where: { $0.setName == set }) ?? p.sets.first(where: { $0.setName == ParameterSetMembership.allSets })).map { (p, $0) }
            }
            for (p, m) in displayOrder(members, recorded: recorded) {
                var typeText = ""
                if !p.isSwitch {
                    if let values = p.validValues ?? enumNames(p.typeName) {
                        typeText = " {" + values.joined(separator: " | ") + "}"
                    } else {
                        typeText = " <\(typeName(p))>"
                    }
                }
                if let pos = m.position, !p.isSwitch {
                    let core = "[-\(p.name)]\(typeText)"
                    positional.append((pos, m.mandatory ? core : "[\(core)]"))
                } else if m.mandatory {
                    mandatoryNamed.append("-\(p.name)\(typeText)")
                } else {
                    named.append("[-\(p.name)\(typeText)]")
                }
            }
            positional.sort { $0.0 < $1.0 }
            var parts = [d.name] + positional.map { $0.1 } + mandatoryNamed + named
            if d.supportsShouldProcess { parts += ["[-WhatIf]", "[-Confirm]"] }
            if common { parts.append("[<CommonParameters>]") }
            out += wrap(parts.joined(separator: " "), limit: 75)
            out.append("    ")
        }
        return out
    }

    /// The parameter names of each set in the order pwsh's own syntax text lists them (the
    /// order of the cmdlet's parameter metadata, which the declaration does not keep).
    private static func recordedParameterOrders(_ d: CommandDeclaration) -> [[String]] {
        guard let syntax = d.syntax else { return [] }
        return syntax.components(separatedBy: "\n\n").map { line in
            line.split(separator: " ").compactMap { token -> String? in
                let t = token.drop { $0 == "[" }
                guard t.hasPrefix("-") else { return nil }
                return String(t.dropFirst().prefix { $0 != "]" }).lowercased()
            }
        }
    }

    /// A set's parameters in the recorded order when one recorded set has exactly these
    /// parameters; otherwise in declaration order.
    private static func displayOrder(_ members: [(ParameterDeclaration, ParameterSetMembership)],
                                     recorded: [[String]]) -> [(ParameterDeclaration, ParameterSetMembership)] {
        let names = Set(members.map { $0.0.name.lowercased() })
        guard let order = recorded.first(where: { Set($0.filter { $0 != "whatif" && $0 != "confirm" }) == names }) else {
            return members
        }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return members.sorted { (rank[$0.0.name.lowercased()] ?? Int.max) < (rank[$1.0.name.lowercased()] ?? Int.max) }
    }

    /// The names of an enum-typed parameter's values in value order (help shows them as
    /// `{A | B | C}`), nil for other types.
    private static func enumNames(_ typeName: String) -> [String]? {
        let definition: PSEnumDefinition
        if typeName == DateCmdlets.displayHintType.fullName {
            definition = DateCmdlets.displayHintType
        } else if let t = TypeResolver.resolve(name: typeName), case .enumeration(let d) = t.kind {
            definition = d
        } else {
            return nil
        }
        return definition.members.sorted { $0.value < $1.value }.map(\.name)
    }

    private func cmdletHelp(_ d: CommandDeclaration, _ context: ExecutionContext) -> [String] {
        var lines = ["", "NAME", "    " + d.name, "    ", "SYNTAX"]
        lines += GetHelpCommand.syntaxLines(d, typeName: { CommandCatalog.syntaxTypeName($0.typeName) }, common: true)
        lines += ["", "ALIASES"]
        var aliases: [String] = []
        var s: Scope? = context.currentScope
        while let scope = s {
            for a in scope.aliases.values where a.definition.caseInsensitiveCompare(d.name) == .orderedSame { aliases.append(a.name) }
            s = scope.parent
        }
        aliases.sort { StringCompare.compare($0, $1, ignoreCase: true) < 0 }
        lines += aliases.isEmpty ? ["    None"] : aliases.map { "    " + $0 }
        lines += ["    ", "", "REMARKS"]
        lines += GetHelpCommand.wrap("Get-Help cannot find the Help files for this cmdlet on this computer. It is displaying only partial help.", limit: 73)
        lines += GetHelpCommand.wrap("    -- To download and install Help files for the module that includes this cmdlet, use Update-Help.", limit: 73)
        if let uri = d.helpUri {
            lines += GetHelpCommand.wrap("    -- To view the Help topic for this cmdlet online, type: \"Get-Help \(d.name) -Online\" or", limit: 73)
            lines.append("           go to \(uri).")
        }
        lines.append("")
        return lines
    }

    private func commentHelpLines(_ help: CommentHelp, name: String, declaration: CommandDeclaration, common: Bool) -> [String] {
        var lines = ["", "NAME", "    " + name, "    "]
        if let s = help.synopsis {
            lines += ["SYNOPSIS", "    " + s, "    ", "    "]
        }
        lines.append("SYNTAX")
        lines += GetHelpCommand.syntaxLines(declaration, typeName: { p in
            let full = p.typeName
            return full.split(separator: ".").last.map(String.init) ?? full
        }, common: common)
        lines.append("    ")
        if let desc = help.description {
            lines += ["DESCRIPTION"] + desc.components(separatedBy: "\n").map { "    " + $0 } + ["    ", ""]
        }
        lines += ["RELATED LINKS", "", "REMARKS"]
        lines.append("    To see the examples, type: \"Get-Help \(name) -Examples\"")
        lines.append("    For more information, type: \"Get-Help \(name) -Detailed\"")
        lines.append("    For technical information, type: \"Get-Help \(name) -Full\"")
        lines.append("")
        return lines
    }

    /// `-Parameter X` for a cmdlet without help files.
    private func parameterHelp(_ p: ParameterDeclaration, _ d: CommandDeclaration) -> [String] {
        let typeText = p.isSwitch ? "" : " <\(CommandCatalog.syntaxTypeName(p.typeName))>"
        let m = p.sets.first
        let required = p.sets.contains { $0.mandatory }
        let position = m?.position.map { String($0) } ?? "Named"
        var pipeline = "false"
        let byValue = p.sets.contains { $0.valueFromPipeline }, byName = p.sets.contains { $0.valueFromPipelineByPropertyName }
        if byValue && byName { pipeline = "true (ByValue, ByPropertyName)" } else if byValue { pipeline = "true (ByValue)" } else if byName { pipeline = "true (ByPropertyName)" }
        var setNames = p.sets.map { $0.setName == ParameterSetMembership.allSets ? "(All)" : $0.setName }
        if setNames.count > 1 && Set(setNames) == Set(d.parameterSetNames) { setNames = ["(All)"] }
        return ["", "-\(p.name)\(typeText)", "    ",
                "    Required?                    \(required)",
                "    Position?                    \(position)",
                "    Accept pipeline input?       \(pipeline)",
                "    Parameter set name           \(setNames.joined(separator: ", "))",
                "    Aliases                      \(p.aliases.isEmpty ? "None" : p.aliases.joined(separator: ", "))",
                "    Dynamic?                     false",
                "    Accept wildcard characters?  false",
                "    "]
    }
}

/// Comment-based help (`.SYNOPSIS`, `.DESCRIPTION`, `.PARAMETER name`, `.EXAMPLE`, `.NOTES`).
struct CommentHelp {
    var synopsis: String?
    var description: String?
    var parameters: [String: String] = [:]
    var examples: [String] = []
    var notes: String?

    init(_ text: String) {
        var body = text
        if body.hasPrefix("<#") { body.removeFirst(2) }
        if body.hasSuffix("#>") { body.removeLast(2) }
        var section: String?
        var argument = ""
        var buffer: [String] = []
        func flush() {
            guard let s = section else { return }
            var lines = buffer
            while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            let value = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
            switch s {
            case "synopsis": synopsis = value
            case "description": description = value
            case "parameter": parameters[argument.lowercased()] = value
            case "example": examples.append(value)
            case "notes": notes = value
            default: break
            }
        }
        for raw in body.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
            if line.hasPrefix(".") {
                let parts = line.dropFirst().split(separator: " ", maxSplits: 1)
                let keyword = parts.first.map { $0.lowercased() } ?? ""
                if ["synopsis", "description", "parameter", "example", "notes", "inputs", "outputs", "link", "component", "role", "functionality"].contains(keyword) {
                    flush()
                    section = keyword
                    argument = parts.count > 1 ? String(parts[1]) : ""
                    buffer = []
                    continue
                }
            }
            buffer.append(line)
        }
        flush()
    }
}

/// A help object (`(Get-Help X).Synopsis`) that prints as its text.
final class HelpInfo: NativeRecord {
    let text: String

    /// `view`: the help view pwsh names in the first type name (`MamlCommandHelpInfo#ExamplesView`).
    init(text: String, view: String? = nil, _ pairs: [(String, Value)]) {
        self.text = text
        super.init(typeNames: (view.map { ["MamlCommandHelpInfo#" + $0] } ?? []) + ["MamlCommandHelpInfo", "HelpInfo"], pairs)
    }

    override func toPSString() -> String { text }
}
