import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// Text carrying note properties: what pwsh makes of a help node holding text and attributes
/// (a syntax parameter's `parameterValue` is `String` with `required = true`).
final class NotedText: PSNativeObject {
    let text: String
    let notes: [(String, Value)]

    init(_ text: String, _ notes: [(String, Value)]) {
        self.text = text
        self.notes = notes
    }

    override var typeFullName: String { "System.String" }
    override var propertyNames: [String] { ["Length"] + notes.map { $0.0 } }

    override func property(_ name: String) -> Value? {
        if name.caseInsensitiveCompare("Length") == .orderedSame { return .int(Int32(text.utf16.count)) }
        return notes.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    override func toPSString() -> String { text }
}

/// What Get-Help needs to know about one command.
struct HelpSubject {
    var name: String
    /// `Function`, `Filter`, `Cmdlet` or `ExternalScript`.
    var category: String
    var declaration: CommandDeclaration
    /// Advanced functions and cmdlets take the common parameters.
    var commonParameters: Bool
    var moduleName: String
    /// The `param` block of a script command (defaults and `[SupportsWildcards()]` come from it).
    var parameterAsts: [ParameterAst] = []
    /// `[OutputType()]` names.
    var outputTypes: [String] = []
}

/// Builds help topics as pwsh's help system does, as objects the help views print:
/// comment-based help becomes a MAML topic (HelpCommentsParser.BuildXmlFromComments read back
/// by MamlNode: nested objects with `MamlCommandHelpInfo#<node>` type names, text in
/// `MamlParaTextItem` objects); a command without help gets the generated topic of
/// DefaultCommandHelpObjectBuilder (`ExtendedCmdletHelpInfo`).
enum HelpObjects {
    static let mamlNamespaces: [(String, Value)] = [
        ("xmlns:maml", .string("http://schemas.microsoft.com/maml/2004/10")),
        ("xmlns:command", .string("http://schemas.microsoft.com/maml/dev/command/2004/10")),
        ("xmlns:dev", .string("http://schemas.microsoft.com/maml/dev/2004/10")),
    ]

    static func node(_ name: String, _ pairs: [(String, Value)]) -> Value {
        let o = PSCustomObject(pairs)
        o.extraTypeNames = ["MamlCommandHelpInfo#" + name]
        return .object(o)
    }

    /// A MAML node holding several children of one name becomes an array, one child stays
    /// itself (MamlNode.SimplifyProperties); text items always stay an array.
    static func simplified(_ items: [Value]) -> Value {
        items.count == 1 ? items[0] : .object(PSArray(items))
    }

    /// `maml:para` text items: all but the last non-empty one end with a new line.
    static func paras(_ texts: [String], trim: Bool = true) -> Value {
        let nonEmpty = texts.filter { !$0.trimmingWhitespace().isEmpty }.count
        var items: [Value] = []
        for (i, t) in texts.enumerated() {
            let text: String
            if i + 1 != nonEmpty && !t.trimmingWhitespace().isEmpty {
                text = t.trimmingWhitespace() + "\n"
            } else {
                text = trim ? t.trimmingWhitespace() : t
            }
            let o = PSCustomObject([("Text", .string(text))])
            o.extraTypeNames = ["MamlParaTextItem", "MamlTextItem"]
            items.append(.object(o))
        }
        return .object(PSArray(items))
    }

    // MARK: Comment-based help (MAML)

    /// The topic for comment-based help.
    static func maml(_ s: HelpSubject, _ help: CommentHelpInfo, context: ExecutionContext) -> PSCustomObject {
        var descriptions = help.parameters
        let declared = s.declaration.parameters
        for (i, p) in declared.enumerated() where descriptions[p.name.uppercased()] == nil && i < help.parameterComments.count {
            descriptions[p.name.uppercased()] = help.parameterComments[i]
        }
        func description(_ name: String) -> String? {
            guard let d = descriptions[name.uppercased()], !d.isEmpty else { return nil }
            return d
        }
        var details: [(String, Value)] = [("name", .string(s.name))]
        if let syn = help.synopsis, !syn.isEmpty { details.append(("description", paras([syn]))) }
        var pairs: [(String, Value)] = [("details", node("details", details))]

        var items: [Value] = []
        for set in CommandSyntax.setNames(s.declaration) {
            var item: [(String, Value)] = [("name", .string(s.name))]
            let params = CommandSyntax.parameters(s.declaration, in: set).map { p, m in
                mamlParameter(p, m, description: description(p.name), forSyntax: true, s, context)
            }
            if !params.isEmpty { item.append(("parameter", simplified(params))) }
            items.append(node("syntaxItem", item))
        }
        pairs.append(("syntax", node("syntax", [("syntaxItem", simplified(items))])))

        let all = CommandSyntax.allParameters(s.declaration)
        let parameters = all.map { p -> Value in
            let m = p.sets.first { $0.setName == ParameterSetMembership.allSets }
                ?? CommandSyntax.setNames(s.declaration).lazy.compactMap { set in p.sets.first { $0.setName == set } }.first
                ?? p.sets.first ?? ParameterSetMembership()
            return mamlParameter(p, m, description: description(p.name), forSyntax: false, s, context)
        }
        pairs.append(("parameters", parameters.isEmpty ? .string("") : node("parameters", [("parameter", simplified(parameters))])))
        if let d = help.description, !d.isEmpty { pairs.append(("description", paras([d]))) }
        if let n = help.notes, !n.isEmpty {
            pairs.append(("alertSet", node("alertSet", [("alert", paras([n]))])))
        }
        if !help.examples.isEmpty {
            let examples = help.examples.enumerated().map { i, e -> Value in
                let (prompt, code, remarks) = CommentHelpInfo.exampleSections(e)
                return node("example", [
                    ("title", .string("-------------------------- EXAMPLE \(i + 1) --------------------------")),
                    ("introduction", paras([prompt], trim: false)), ("code", .string(code)),
                    ("remarks", paras([remarks, "", "", "", ""])),
                ])
            }
            pairs.append(("examples", node("examples", [("example", simplified(examples))])))
        }
        if !help.inputs.isEmpty {
            let inputs = help.inputs.map { node("inputType", [("type", node("type", [("name", .string($0.trimmingWhitespace()))]))]) }
            pairs.append(("inputTypes", node("inputTypes", [("inputType", simplified(inputs))])))
        }
        let outputs = !help.outputs.isEmpty ? help.outputs.map { $0.trimmingWhitespace() } : s.outputTypes
        if !outputs.isEmpty {
            let values = outputs.map { node("returnValue", [("type", node("type", [("name", .string($0))]))]) }
            pairs.append(("returnValues", node("returnValues", [("returnValue", simplified(values))])))
        }
        var links = help.links.map { link in
            node("navigationLink", [(isAbsoluteUri(link) ? "uri" : "linkText", .string(link))])
        }
        let hasUri = help.links.contains(where: isAbsoluteUri)
        if !hasUri, let uri = s.declaration.helpUri, !uri.isEmpty {
            links.insert(node("navigationLink", [("uri", .string(uri))]), at: 0)
        }
        if !links.isEmpty { pairs.append(("relatedLinks", node("relatedLinks", [("navigationLink", simplified(links))]))) }
        pairs += mamlNamespaces
        let synopsis = help.synopsis?.trimmingWhitespace() ?? ""
        pairs += [
            ("Name", .string(s.name)), ("Category", .string(s.category)), ("Synopsis", .string(synopsis)),
            ("Component", help.component.map { .string($0) } ?? .null), ("Role", help.role.map { .string($0) } ?? .null),
            ("Functionality", help.functionality.map { .string($0) } ?? .null), ("ModuleName", .string(s.moduleName)),
        ]
        let topic = PSCustomObject(pairs)
        topic.extraTypeNames = ["MamlCommandHelpInfo", "HelpInfo"]
        return topic
    }

    /// One `command:parameter` node: in syntax (no type, default or value for a switch) or in
    /// the parameter list.
    private static func mamlParameter(_ p: ParameterDeclaration, _ m: ParameterSetMembership, description: String?, forSyntax: Bool,
                                      _ s: HelpSubject, _ context: ExecutionContext) -> Value {
        let ast = s.parameterAsts.first { $0.name.caseInsensitiveCompare(p.name) == .orderedSame }
        let typeName = dotNetName(p.typeName)
        var pairs: [(String, Value)] = [("name", .string(p.name))]
        if !forSyntax { pairs.append(("type", node("type", [("name", .string(typeName))]))) }
        if let values = enumNames(p.typeName) {
            let group = values.map { Value.object(NotedText($0, [("required", .string("false"))])) }
            pairs.append(("parameterValueGroup", node("parameterValueGroup", [("parameterValue", simplified(group))])))
        } else if !forSyntax || !p.isSwitch {
            pairs.append(("parameterValue", .object(NotedText(typeName, [("required", .string(p.isSwitch ? "false" : "true"))]))))
        }
        if !forSyntax {
            let defaultText = ast.map { context.helpDefaultValue(of: $0, declaration: p) } ?? (p.isSwitch ? "False" : "")
            pairs.append(("defaultValue", .string(defaultText)))
        }
        if let d = description { pairs.append(("description", paras([d]))) }
        let wildcards = ast?.attributes.contains { ["supportswildcards", "supportswildcardsattribute"].contains($0.typeName.description.lowercased()) } ?? false
        pairs += [
            ("required", .string(m.mandatory ? "true" : "false")), ("globbing", .string(wildcards ? "true" : "false")),
            ("pipelineInput", .string(pipelineInput(m, remaining: false))),
            ("position", .string(m.position.map { String($0 + 1) } ?? "named")),
        ]
        return node("parameter", pairs)
    }

    /// `Uri.IsWellFormedUriString(link, UriKind.Absolute)`: a scheme, and no spaces.
    static func isAbsoluteUri(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex, !s.contains(where: { $0.isWhitespace }) else { return false }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return false }
        return URL(string: s) != nil && s.count > scheme.count + 1
    }

    /// .NET's `Type.Name`: the name without its namespace (`String`, `Int32[]`, `SwitchParameter`).
    static func dotNetName(_ full: String) -> String {
        let base = full.split(separator: "[", maxSplits: 1).first.map(String.init) ?? full
        let short = base.split(separator: ".").last.map(String.init) ?? base
        return short + full.dropFirst(base.count)
    }

    /// The value names of an enum type (or array of one), in value order.
    static func enumNames(_ typeName: String) -> [String]? {
        var t = typeName
        while t.hasSuffix("[]") { t.removeLast(2) }
        if t == DateCmdlets.displayHintType.fullName {
            return DateCmdlets.displayHintType.members.sorted { $0.value < $1.value }.map(\.name)
        }
        guard let resolved = TypeResolver.resolve(name: t), case .enumeration(let d) = resolved.kind else { return nil }
        return d.members.sorted { $0.value < $1.value }.map(\.name)
    }

    static func pipelineInput(_ m: ParameterSetMembership, remaining: Bool) -> String {
        var kinds: [String] = []
        if m.valueFromPipeline { kinds.append("ByValue") }
        if m.valueFromPipelineByPropertyName { kinds.append("ByPropertyName") }
        if remaining && m.valueFromRemainingArguments { kinds.append("FromRemainingArguments") }
        return kinds.isEmpty ? "false" : "true (" + kinds.joined(separator: ", ") + ")"
    }
}
