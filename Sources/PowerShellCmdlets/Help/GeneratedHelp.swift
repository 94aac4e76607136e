import PowerShellRuntime

/// The topic of a command without help (pwsh's DefaultCommandHelpObjectBuilder): its syntax
/// in display order (ValidateSet values and enum names as `{A | B}`, 0-based positions), its
/// parameters sorted by name, the types it takes from the pipeline, its output types, its
/// aliases, and the REMARKS that say no help files were found (cmdlets of modules that offer
/// updatable help) or `None`.
extension HelpObjects {
    static let extendedTypeName = "ExtendedCmdletHelpInfo"

    static func extendedNode(_ name: String, _ pairs: [(String, Value)]) -> Value {
        let o = PSCustomObject(pairs)
        o.extraTypeNames = [extendedTypeName + "#" + name]
        return .object(o)
    }

    static func generated(_ s: HelpSubject, context: ExecutionContext) -> PSCustomObject {
        let d = s.declaration
        let common = s.commonParameters
        let isCmdlet = s.category == "Cmdlet"
        var pairs: [(String, Value)] = [("CommonParameters", .bool(common))]
        let (verb, noun) = isCmdlet ? verbNoun(s.name) : ("", "")
        pairs.append(("details", extendedNode("details", [("name", .string(s.name)), ("noun", .string(noun)), ("verb", .string(verb))])))

        let items = CommandSyntax.setNames(d).map { set -> Value in
            let params = CommandSyntax.displayOrder(d, in: set).map { p, m in extendedParameter(p, m, sets: [set], d) }
            return extendedNode("syntaxItem", [
                ("name", .string(s.name)), ("CommonParameters", .bool(common)), ("parameter", .object(PSArray(params))),
            ])
        }
        pairs.append(("Syntax", extendedNode("syntax", [("syntaxItem", .object(PSArray(items)))])))

        let all = CommandSyntax.allParameters(d)
        let sorted = all.sorted { Array($0.name.utf16).lexicographicallyPrecedes(Array($1.name.utf16)) }
        let parameters = sorted.map { p in extendedParameter(p, p.sets.first ?? ParameterSetMembership(), sets: nil, d) }
        pairs.append(("parameters", extendedNode("parameters", [("parameter", .object(PSArray(parameters)))])))

        var inputs: [String] = []
        for p in all where p.sets.contains(where: { $0.valueFromPipeline || $0.valueFromPipelineByPropertyName }) {
            if !inputs.contains(p.typeName) { inputs.append(p.typeName) }
        }
        if inputs.isEmpty { inputs = ["None"] }
        pairs.append(("inputTypes", extendedNode("inputTypes", [("inputType", extendedNode("inputType", [
            ("type", extendedNode("type", [("name", .string(inputs.map { $0 + "\n" }.joined()))])),
        ]))])))
        if let uri = d.helpUri, !uri.isEmpty {
            pairs.append(("relatedLinks", extendedNode("relatedLinks", [
                ("navigationLink", .object(PSArray([extendedNode("navigationLinks", [("uri", .string(uri))])]))),
            ])))
        }
        let outputs = s.outputTypes.isEmpty ? "System.Object" : s.outputTypes.map { $0 + "\n" }.joined()
        pairs.append(("returnValues", extendedNode("returnValues", [("returnValue", extendedNode("returnValue", [
            ("type", extendedNode("type", [("name", .string(outputs))])),
        ]))])))
        let aliases = aliasNames(of: s.name, context)
        pairs.append(("aliases", .string((aliases.isEmpty ? ["None"] : aliases).map { $0 + "\n" }.joined())))
        pairs.append(("remarks", .string(remarks(s))))
        if isCmdlet { pairs.append(("PSSnapIn", .null)) }
        pairs += [
            ("alertSet", .null), ("description", .null), ("examples", .null),
            ("Synopsis", .string(functionSyntax(s))), ("ModuleName", .string(s.moduleName)), ("nonTerminatingErrors", .string("")),
            ("xmlns:command", mamlNamespaces[1].1), ("xmlns:dev", mamlNamespaces[2].1), ("xmlns:maml", mamlNamespaces[0].1),
            ("Name", .string(s.name)), ("Category", .string(s.category)), ("Component", .null), ("Role", .null), ("Functionality", .null),
        ]
        let topic = PSCustomObject(pairs)
        topic.extraTypeNames = [extendedTypeName, "CmdletHelpInfo", "HelpInfo"]
        return topic
    }

    /// A command's `Syntax` (what such a topic's Synopsis holds): each set on its own line
    /// after an empty one.
    static func functionSyntax(_ s: HelpSubject) -> String {
        CommandSyntax.setNames(s.declaration).map { set in
            "\n" + s.name + " " + CommandSyntax.parameterText(s.declaration, in: set, common: s.commonParameters) + "\n"
        }.joined()
    }

    /// Cmdlets of modules with updatable help (pwsh's own modules) say their help files are
    /// missing; other commands have no remarks.
    private static func remarks(_ s: HelpSubject) -> String {
        guard s.category == "Cmdlet", s.moduleName.hasPrefix("Microsoft.PowerShell.") || s.moduleName == "PSReadLine" else { return "None" }
        var text = "Get-Help cannot find the Help files for this cmdlet on this computer. It is displaying only partial help.\n"
            + "    -- To download and install Help files for the module that includes this cmdlet, use Update-Help."
        if let uri = s.declaration.helpUri, !uri.isEmpty {
            text += "\n    -- To view the Help topic for this cmdlet online, type: \"Get-Help \(s.name) -Online\" or\n       go to \(uri)."
        }
        return text
    }

    private static func verbNoun(_ name: String) -> (String, String) {
        guard let dash = name.firstIndex(of: "-") else { return ("", "") }
        return (String(name[..<dash]), String(name[name.index(after: dash)...]))
    }

    /// The aliases that name a command, sorted.
    static func aliasNames(of name: String, _ context: ExecutionContext) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        var s: Scope? = context.currentScope
        while let scope = s {
            for (k, a) in scope.aliases where seen.insert(k).inserted && a.definition.caseInsensitiveCompare(name) == .orderedSame {
                names.append(a.name)
            }
            s = scope.parent
        }
        return names.sorted { StringCompare.compare($0, $1, ignoreCase: true) < 0 }
    }

    /// One parameter of a generated topic: `sets` nil for the parameter list (its first
    /// parameter attribute and every set it is in), else the set of a syntax line.
    private static func extendedParameter(_ p: ParameterDeclaration, _ m: ParameterSetMembership, sets: [String]?,
                                          _ d: CommandDeclaration) -> Value {
        var pairs: [(String, Value)] = [
            ("name", .string(p.name)), ("required", .string(m.mandatory ? "true" : "false")),
            ("pipelineInput", .string(pipelineInput(m, remaining: true))), ("isDynamic", .string("false")),
            ("globbing", .string("false")),
        ]
        var setNames = p.sets.map { $0.setName == ParameterSetMembership.allSets ? "(All)" : $0.setName }
        if setNames.count > 1 && Set(setNames) == Set(d.parameterSetNames) { setNames = ["(All)"] }
        if m.setName == ParameterSetMembership.allSets { setNames = ["(All)"] }
        pairs.append(("parameterSetName", .string(setNames.joined(separator: ", "))))
        if let message = m.helpMessage { pairs.append(("description", .string(message + "\n"))) }
        let typeText = CommandCatalog.syntaxTypeName(p.typeName)
        if !p.isSwitch {
            pairs.append(("parameterValue", .object(NotedText(typeText, [
                ("variableLength", .bool(p.typeName.hasSuffix("[]"))), ("required", .string("true")),
            ]))))
        }
        pairs.append(("type", extendedNode("type", [("name", .string(typeText))])))
        pairs.append(("position", .string(m.position.map { String($0) } ?? "Named")))
        pairs.append(("aliases", .string(p.aliases.isEmpty ? "None" : p.aliases.joined(separator: ", "))))
        if let values = p.validValues ?? enumNames(p.typeName) {
            pairs.append(("parameterValueGroup", extendedNode("parameterValueGroup", [
                ("parameterValue", .object(PSArray(values.map { .string($0) }))),
            ])))
        }
        let o = PSCustomObject(pairs)
        o.extraTypeNames = [extendedTypeName + "#parameter"]
        return .object(o)
    }
}
