import PowerShellRuntime

/// The views of help objects, as pwsh's Help and HelpV3 format data define them (Help_format_ps1xml.cs
/// and HelpV3_format_ps1xml.cs at v7.6.5; texts from HelpDisplayStrings.resx):
/// - `MamlCommandHelpInfo` (help from comments or help files): the default, `#DetailedView`,
///   `#FullView` and `#ExamplesView` topics, and views for a topic's parts (`.Syntax`,
///   `.Examples`, …);
/// - `ExtendedCmdletHelpInfo` (a command without help: generated NAME, SYNTAX, ALIASES,
///   REMARKS) and its views, with `#parameter` for `Get-Help X -Parameter P`;
/// - `HelpInfoShort`: the table listing several topics.
/// Help objects are built by Get-Help (PowerShellCmdlets); every topic prints through these
/// views, wrapped at the output's width by the complex writer.
enum HelpViews {
    static var all: [FormatViewDefinition] {
        let m = Maml()
        let x = Extended()
        return [
            FormatViewDefinition(name: "help", typeNames: ["HelpInfoShort"], control: .table(TableViewDefinition(columns: [
                .property("Name", width: 33), .property("Category", width: 9),
                TableColumnDefinition(.script({ v in
                    let module = HelpViews.prop(v, "ModuleName") ?? .null
                    return module.isNull ? HelpViews.prop(v, "PSSnapIn") ?? .null : module
                }), label: "Module", width: 25),
                .property("Synopsis"),
            ]))),
            FormatViewDefinition(name: "CmdletHelp", typeNames: ["CmdletHelpInfo"], control: .customControl(CustomControl([
                .text("NAME"), .newline, .frame(left: 4, [.property("Name"), .newline, .newline]),
                .text("SYNTAX"), .newline, .frame(left: 4, [.property("Syntax"), .newline]),
            ]))),
            FormatViewDefinition(name: "DefaultCommandHelp", typeNames: ["MamlCommandHelpInfo"], control: .customControl(m.defaultView)),
            FormatViewDefinition(name: "VerboseCommandHelp", typeNames: ["MamlCommandHelpInfo#DetailedView"], control: .customControl(m.detailedView)),
            FormatViewDefinition(name: "ExampleCommandHelp", typeNames: ["MamlCommandHelpInfo#ExamplesView"], control: .customControl(m.examplesView)),
            FormatViewDefinition(name: "FullCommandHelp", typeNames: ["MamlCommandHelpInfo#FullView"], control: .customControl(m.fullView)),
            // A parameter object printed after a topic in the same output is not of the topic's
            // view, so it prints out of band, as a list (the oracle's h04); printed first, it
            // gets this view.
            FormatViewDefinition(name: "MamlCommandParameterView", typeNames: ["MamlCommandHelpInfo#Parameter"],
                                 control: .customControl(CustomControl([.control(m.fullParameter)]))),
            FormatViewDefinition(name: "MamlCommandExamples", typeNames: ["MamlCommandHelpInfo#Examples"],
                                 control: .customControl(CustomControl([.control(m.examples)]))),
            FormatViewDefinition(name: "MamlCommandExample", typeNames: ["MamlCommandHelpInfo#Example"], control: .customControl(CustomControl([
                .property("Title"), .newline, .newline,
                .property("Introduction", enumerate: true, control: m.textProperty), .property("Code", enumerate: true), .newline, .newline,
                .property("results"), .newline, .newline, .property("remarks", enumerate: true, control: m.shortDescription),
            ]))),
            FormatViewDefinition(name: "MamlCommandSyntax", typeNames: ["MamlCommandHelpInfo#Syntax"], control: .customControl(CustomControl([.control(m.syntax)]))),
            FormatViewDefinition(name: "MamlText", typeNames: ["MamlParaTextItem", "MamlOrderedListTextItem", "MamlUnorderedListTextItem", "MamlDefinitionTextItem"],
                                 control: .customControl(CustomControl([.control(m.description)]))),
            FormatViewDefinition(name: "MamlInputTypes", typeNames: ["MamlCommandHelpInfo#inputTypes"],
                                 control: .customControl(CustomControl([.property("InputType", enumerate: true, control: m.typeWithDescription)]))),
            FormatViewDefinition(name: "MamlRelatedLinks", typeNames: ["MamlCommandHelpInfo#relatedLinks"], control: .customControl(CustomControl([.control(m.relatedLinks)]))),
            FormatViewDefinition(name: "MamlReturnTypes", typeNames: ["MamlCommandHelpInfo#returnValues"],
                                 control: .customControl(CustomControl([.property("ReturnValue", enumerate: true, control: m.typeWithDescription)]))),
            FormatViewDefinition(name: "MamlAlertSet", typeNames: ["MamlCommandHelpInfo#alertSet"], control: .customControl(CustomControl([
                .property("title"), .newline, .newline, .frame(left: 4, [.property("alert", enumerate: true, control: m.alert)]),
            ]))),
            FormatViewDefinition(name: "MamlDetails", typeNames: ["MamlCommandHelpInfo#details"], control: .customControl(CustomControl([.control(m.details)]))),
            FormatViewDefinition(name: "ReducedDefaultCommandHelp", typeNames: ["ExtendedCmdletHelpInfo"], control: .customControl(x.defaultView)),
            FormatViewDefinition(name: "ReducedVerboseCommandHelp", typeNames: ["ExtendedCmdletHelpInfo#DetailedView"], control: .customControl(x.detailedView)),
            FormatViewDefinition(name: "ReducedFullCommandHelp", typeNames: ["ExtendedCmdletHelpInfo#FullView"], control: .customControl(x.fullView)),
            FormatViewDefinition(name: "ReducedExamplesCommandHelp", typeNames: ["ExtendedCmdletHelpInfo#ExamplesView"], control: .customControl(x.examplesView)),
            FormatViewDefinition(name: "ReducedCommandHelpParameterView", typeNames: ["ExtendedCmdletHelpInfo#parameter"],
                                 control: .customControl(CustomControl([.control(x.parameterDetail)]))),
        ]
    }

    // MARK: Reading help objects

    /// A property of a help object (note properties are case-insensitive).
    static func prop(_ v: Value, _ name: String) -> Value? {
        guard case .object(let o) = v else { return nil }
        if let c = o as? PSCustomObject { return c.get(name) }
        if let n = o as? PSNativeObject { return n.property(name) }
        return nil
    }

    static func string(_ v: Value?) -> String? {
        guard let v = v, !v.isNull else { return nil }
        switch v {
        case .string(let s): return s
        case .object(let o as PSNativeObject): return o.toPSString()
        case .bool(let b): return b ? "True" : "False"
        default: return nil
        }
    }

    /// `$_.Details.Name`.
    static func commandName(_ v: Value) -> String {
        string(prop(v, "Details").flatMap { prop($0, "Name") }) ?? ""
    }

    /// The text of one syntax parameter (the MamlParameterControl script of both format files):
    /// `[[-Name] <T>] `, `[-Name <T>] `, `[-Name] <T> ` or `-Name <T> `, with `{A | B}` for a
    /// value group and nothing after a switch.
    static func syntaxParameter(_ p: Value) -> String {
        let optional = string(prop(p, "required")) != "true"
        var positional = false
        if let pos = string(prop(p, "position")), !pos.isEmpty, pos.range(of: "named", options: .caseInsensitive) == nil, Int(pos) != nil {
            positional = true
        }
        var value = ""
        if let group = prop(p, "parameterValueGroup") {
            let items = prop(group, "parameterValue").map { Conversion.enumerate($0) ?? [$0] } ?? []
            value = " {" + items.map { string($0) ?? "" }.joined(separator: " | ") + "}"
        } else if let pv = prop(p, "parameterValue") {
            value = " <" + (string(pv) ?? "") + ">"
        }
        let name = string(prop(p, "name")) ?? ""
        if optional && positional { return "[[-\(name)]\(value)] " }
        if optional { return "[-\(name)\(value)] " }
        if positional { return "[-\(name)]\(value) " }
        return "-\(name)\(value) "
    }

    static let commonParametersText = "<CommonParameters>"
    static let baseCmdletInformation = "    This cmdlet supports the common parameters: Verbose, Debug,\n    ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n    OutBuffer, PipelineVariable, and OutVariable. For more information, see\n    about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216). "

    /// The REMARKS lines of the MAML topics: how to see the other views.
    static func remarksItems() -> [CustomItem] {
        func line(_ lead: String, _ view: String) -> [CustomItem] {
            [.text(lead), .text("\""), .script({ v in .string("Get-Help " + commandName(v) + " -" + view) }), .text("\""), .newline]
        }
        return line("To see the examples, type: ", "Examples") + line("For more information, type: ", "Detailed")
            + line("For technical information, type: ", "Full")
    }
}

/// The controls of pwsh's Help format data (MAML topics).
private struct Maml {
    let textProperty = CustomControl([.property("Text")])
    let shortDescription = CustomControl([
        CustomControl.Entry(selectedBy: ["MamlParaTextItem"], [.property("Text"), .newline]),
        CustomControl.Entry([.text(" ")]),
    ])
    let description = CustomControl([
        CustomControl.Entry(selectedBy: ["MamlParaTextItem"], [.property("Text"), .newline]),
        CustomControl.Entry(selectedBy: ["MamlOrderedListTextItem"], [.frame(hanging: 4, [.property("Tag"), .property("Text"), .newline])]),
        CustomControl.Entry(selectedBy: ["MamlUnorderedListTextItem"], [.frame(hanging: 2, [.property("Tag"), .property("Text"), .newline])]),
        CustomControl.Entry(selectedBy: ["MamlDefinitionTextItem"], [.property("Term"), .newline, .frame(left: 4, [.property("Definition"), .newline])]),
        CustomControl.Entry([.text(" ")]),
    ])
    let parameter = CustomControl([.script { v in .string(HelpViews.syntaxParameter(v)) }])
    let parameterValue = CustomControl([.script { v in
        let text = HelpViews.string(v) ?? ""
        return .string(HelpViews.string(HelpViews.prop(v, "required")) != "true" ? " [<\(text)>]" : " <\(text)>")
    }])
    /// `true`/`false` (MamlTrueFalseShortControl).
    let trueFalse = CustomControl([
        .script({ _ in nil }, control: CustomControl([.text("true")]), when: { HelpViews.string($0)?.lowercased() == "true" }),
        .script({ _ in nil }, control: CustomControl([.text("false")]), when: { HelpViews.string($0)?.lowercased() == "false" }),
    ])
    let alert = CustomControl([.property("Text"), .newline])
    let relatedLinksHelpInfo = CustomControl([.frame(left: 4, [.script { v in
        guard let links = HelpViews.prop(v, "relatedLinks"), !links.isNull, let nav = HelpViews.prop(links, "navigationLink"), !nav.isNull,
              (Conversion.enumerate(nav)?.count ?? 1) != 0 else { return nil }
        return .string("    For online help, type: \"Get-Help \(HelpViews.commandName(v)) -Online\"")
    }])])
    let navigationLink = CustomControl([
        .property("linkText"),
        .script({ _ in .string(" ") }, when: { !(HelpViews.string(HelpViews.prop($0, "linkText")) ?? "").isEmpty }),
        .property("uri"), .newline,
    ])
    var relatedLinks: CustomControl { CustomControl([.property("navigationLink", enumerate: true, control: navigationLink)]) }

    var details: CustomControl {
        CustomControl([
            .text("NAME"), .newline, .frame(left: 4, [.property("Name"), .newline, .newline]),
            .text("SYNOPSIS"), .newline,
            .frame(left: 4, [.property("Description", enumerate: true, control: shortDescription), .newline, .newline]),
        ])
    }

    var example: CustomControl {
        CustomControl([
            .property("Title"), .newline, .newline,
            .property("Introduction", enumerate: true, control: textProperty), .property("Code", enumerate: true), .newline,
            .property("results"), .newline,
            .property("remarks", enumerate: true, control: shortDescription),
        ])
    }

    var examples: CustomControl { CustomControl([.property("Example", enumerate: true, control: example)]) }

    var typeControl: CustomControl {
        CustomControl([
            .property("name", enumerate: true),
            .control(CustomControl([.newline, .frame(left: 4, [.property("uri"), .newline])]),
                     when: { !(HelpViews.string(HelpViews.prop($0, "uri")) ?? "").isEmpty }),
            .control(CustomControl([.frame(left: 4, [.property("description", enumerate: true, control: shortDescription)])]),
                     when: { HelpViews.prop($0, "description").map { !$0.isNull } ?? false }),
        ])
    }

    var typeWithDescription: CustomControl {
        CustomControl([
            .property("type", control: typeControl), .newline,
            .frame(left: 4, [.property("description", enumerate: true, control: shortDescription)]), .newline,
        ])
    }

    var indentedDescription: CustomControl {
        CustomControl([.text("DESCRIPTION"), .newline, .frame(left: 4, [.property("description", enumerate: true, control: description), .newline]), .newline])
    }

    var syntax: CustomControl {
        CustomControl([.property("SyntaxItem", enumerate: true, control: CustomControl([
            .property("name"), .text(" "), .property("Parameter", enumerate: true, control: parameter),
            .text("[" + HelpViews.commonParametersText + "]"), .newline(2),
        ]))])
    }

    var indentedSyntax: CustomControl {
        CustomControl([.text("SYNTAX"), .newline, .frame(left: 4, [.property("Syntax", control: syntax), .newline])])
    }

    var possibleValues: CustomControl {
        CustomControl([.property("possibleValues", control: CustomControl([.property("possibleValue", enumerate: true, control: CustomControl([
            .property("Value"), .newline, .frame(left: 4, [.property("Description", enumerate: true, control: shortDescription)]), .newline,
        ]))]))])
    }

    /// One parameter of the full view (MamlFullParameterControl).
    var fullParameter: CustomControl {
        CustomControl([
            .text("-"), .property("name"), .property("ParameterValue", control: parameterValue), .newline,
            .frame(left: 4, [
                .property("Description", enumerate: true, control: description), .newline,
                .control(possibleValues, when: { HelpViews.prop($0, "possibleValues").map { !$0.isNull } ?? false }),
                .text("Required?                    "), .property("required", control: trueFalse), .newline,
                .text("Position?                    "),
                .script({ _ in .string(" ") }, control: CustomControl([.text("Named")]), when: { (HelpViews.string(HelpViews.prop($0, "position")) ?? "").isEmpty }),
                .script({ v in HelpViews.prop(v, "position") ?? .null }, when: { HelpViews.prop($0, "position").map { !$0.isNull } ?? false }),
                .newline,
                .text("Default value                "), .property("defaultValue"), .newline,
                .text("Accept pipeline input?       "), .property("pipelineInput"), .newline,
                .text("Aliases                      "), .property("aliases"), .newline,
                .text("Accept wildcard characters?  "), .property("globbing", control: trueFalse), .newline,
                .newline,
            ]),
        ])
    }

    /// The PARAMETERS section of the full view: each parameter, then the common parameters.
    var fullParameters: CustomControl {
        CustomControl([
            .control(CustomControl([.property("Parameter", enumerate: true, control: fullParameter)])),
            .text(HelpViews.commonParametersText), .newline,
            .frame(left: 4, [.text(HelpViews.baseCmdletInformation)]), .newline, .newline,
        ])
    }

    var remarks: [CustomItem] {
        [.text("REMARKS"), .newline, .frame(left: 4, HelpViews.remarksItems() + [.control(relatedLinksHelpInfo)])]
    }

    var defaultView: CustomControl {
        CustomControl([
            .property("Details", control: details), .control(indentedSyntax), .control(indentedDescription),
            .text("RELATED LINKS"), .newline, .frame(left: 4, [.property("relatedLinks", control: relatedLinks)]), .newline,
        ] + remarks)
    }

    var detailedView: CustomControl {
        let parameterControl = CustomControl([
            .text("-"), .property("name"), .property("ParameterValue", control: parameterValue), .newline,
            .frame(left: 4, [.property("Description", enumerate: true, control: description), .newline]),
        ])
        return CustomControl([
            .property("Details", control: details), .control(indentedSyntax), .control(indentedDescription),
            .text("PARAMETERS"), .newline,
            .frame(left: 4, [
                .property("Parameters", control: CustomControl([.property("Parameter", enumerate: true, control: parameterControl)])),
                .text(HelpViews.commonParametersText), .newline, .frame(left: 4, [.text(HelpViews.baseCmdletInformation)]), .newline, .newline,
            ]),
            .frame(left: 4, [.property("Examples", control: examples)]),
        ] + remarks)
    }

    var examplesView: CustomControl {
        CustomControl([.property("Details", control: details), .frame(left: 4, [.property("Examples", control: examples)])])
    }

    var fullView: CustomControl {
        let isSet: (String) -> (Value) -> Bool = { name in { HelpViews.prop($0, name).map { !$0.isNull } ?? false } }
        return CustomControl([
            .property("Details", control: details), .control(indentedSyntax), .control(indentedDescription),
            .text("PARAMETERS"), .newline, .frame(left: 4, [.property("Parameters", control: fullParameters)]),
            .text("INPUTS"), .newline,
            .frame(left: 4, [.property("InputTypes", control: CustomControl([.property("InputType", enumerate: true, control: typeWithDescription)])), .newline]),
            .text("OUTPUTS"), .newline,
            .frame(left: 4, [.property("ReturnValues", control: CustomControl([.property("ReturnValue", enumerate: true, control: typeWithDescription)])), .newline]),
            .property("alertSet", control: CustomControl([.text("NOTES"), .newline]), when: isSet("alertSet")),
            .property("alertSet", enumerate: true, control: CustomControl([.frame(left: 4, [
                .property("title"), .newline, .newline, .frame(left: 4, [.property("alert", enumerate: true, control: alert)]), .newline,
            ])]), when: isSet("alertSet")),
            .frame(left: 4, [.property("Examples", control: examples), .newline]),
            .text("RELATED LINKS"), .newline, .frame(left: 4, [.property("relatedLinks", control: relatedLinks)]),
        ])
    }
}

/// The controls of pwsh's HelpV3 format data (commands without help).
private struct Extended {
    let parameter = CustomControl([.script { v in .string(HelpViews.syntaxParameter(v)) }])
    /// ` <T>` or ` [<T>]` (HelpV3's MamlParameterValueControl).
    let parameterValue = CustomControl([
        .text(" "),
        .script({ _ in .string("[") }, when: { HelpViews.string(HelpViews.prop($0, "required")) != "true" }),
        .script { v in .string("<" + (HelpViews.string(v) ?? "") + ">") },
        .script({ _ in .string("]") }, when: { HelpViews.string(HelpViews.prop($0, "required")) != "true" }),
    ])
    let possibleValues = CustomControl([.property("possibleValues", control: CustomControl([
        .property("possibleValue", enumerate: true, control: CustomControl([.property("Value"), .newline])),
    ]))])
    let typeName = CustomControl([.property("name", enumerate: true)])

    var name: CustomControl {
        CustomControl([.text("NAME"), .newline, .frame(left: 4, [.property("Name"), .newline, .newline])])
    }

    var syntax: CustomControl {
        CustomControl([.property("SyntaxItem", enumerate: true, control: CustomControl([
            .property("name"), .text(" "), .property("Parameter", enumerate: true, control: parameter),
            .script({ _ in .string(" ") }, control: CustomControl([.text("[" + HelpViews.commonParametersText + "]")]), when: Extended.hasCommon),
            .newline, .newline,
        ]))])
    }

    static func hasCommon(_ v: Value) -> Bool {
        if case .bool(let b)? = HelpViews.prop(v, "CommonParameters") { return b }
        return false
    }

    var aliasesAndRemarks: [CustomItem] {
        [
            .text("ALIASES"), .newline, .frame(left: 4, [.property("Aliases"), .newline]), .newline,
            .text("REMARKS"), .newline, .frame(left: 4, [.property("Remarks"), .newline]),
        ]
    }

    var commonParameters: CustomControl {
        CustomControl([.text(HelpViews.commonParametersText), .newline, .frame(left: 4, [.text(HelpViews.baseCmdletInformation)]), .newline, .newline])
    }

    /// No parameters at all: `None` (when the command has no common parameters either).
    var noParameters: CustomItem {
        .script({ _ in .string(" ") }, control: CustomControl([.text("None"), .newline, .newline]), when: { v in
            guard !Extended.hasCommon(v) else { return false }
            let list = HelpViews.prop(v, "parameters").flatMap { HelpViews.prop($0, "parameter") } ?? .null
            return (Conversion.enumerate(list)?.count ?? (list.isNull ? 0 : 1)) == 0
        })
    }

    /// One parameter of the detailed and full views, and of `-Parameter` (ReducedCommandHelpParameterView).
    var parameterDetail: CustomControl {
        CustomControl([
            .text("-"), .property("name"), .property("ParameterValue", control: parameterValue), .newline,
            .frame(left: 4, [
                .property("description", when: { HelpViews.prop($0, "description").map { !$0.isNull } ?? false }),
                .control(possibleValues, when: { HelpViews.prop($0, "possibleValues").map { !$0.isNull } ?? false }),
                .newline,
                .text("Required?                    "),
                .script({ _ in .string(" ") }, control: CustomControl([.text("true")]), when: { HelpViews.string(HelpViews.prop($0, "required"))?.lowercased() == "true" }),
                .script({ _ in .string(" ") }, control: CustomControl([.text("false")]), when: { HelpViews.string(HelpViews.prop($0, "required"))?.lowercased() == "false" }),
                .newline,
                .text("Position?                    "),
                .script({ _ in .string(" ") }, control: CustomControl([.text("Named")]), when: { (HelpViews.string(HelpViews.prop($0, "position")) ?? "").isEmpty }),
                .script({ v in HelpViews.prop(v, "position") ?? .null }, when: { HelpViews.prop($0, "position").map { !$0.isNull } ?? false }),
                .newline,
                .text("Accept pipeline input?       "), .property("pipelineInput"), .newline,
                .text("Parameter set name           "), .property("parameterSetName"), .newline,
                .text("Aliases                      "), .property("aliases"), .newline,
                .text("Dynamic?                     "), .property("isDynamic"), .newline,
                .text("Accept wildcard characters?  "), .property("globbing"), .newline,
                .newline,
            ]),
        ])
    }

    var defaultView: CustomControl {
        CustomControl([
            .property("Details", control: name), .text("SYNTAX"), .newline, .frame(left: 4, [.property("Syntax", control: syntax)]), .newline,
        ] + aliasesAndRemarks)
    }

    var detailedView: CustomControl {
        CustomControl([
            .property("Details", control: name), .text("SYNTAX"), .newline, .frame(left: 4, [.property("Syntax", control: syntax), .newline]),
            .text("PARAMETERS"), .newline,
            .frame(left: 4, [
                .property("Parameters", control: CustomControl([.property("Parameter", enumerate: true, control: CustomControl([
                    .text("-"), .property("name"), .property("ParameterValue", control: parameterValue), .newline, .newline,
                ]))])),
                .script({ _ in .string(" ") }, control: commonParameters, when: Extended.hasCommon),
                noParameters,
            ]),
            .newline,
        ] + aliasesAndRemarks)
    }

    var fullView: CustomControl {
        let typeLine = CustomControl([.property("type", control: typeName), .newline])
        return CustomControl([
            .property("Details", control: name), .text("SYNTAX"), .newline, .frame(left: 4, [.property("Syntax", control: syntax), .newline]),
            .text("PARAMETERS"), .newline,
            .frame(left: 4, [
                .property("Parameters", control: CustomControl([.property("Parameter", enumerate: true, control: parameterDetail)])),
                .script({ _ in .string(" ") }, control: commonParameters, when: Extended.hasCommon),
                noParameters,
                .newline,
            ]),
            .text("INPUTS"), .newline,
            .frame(left: 4, [.property("InputTypes", control: CustomControl([.property("InputType", enumerate: true, control: typeLine)])), .newline]),
            .text("OUTPUTS"), .newline,
            .frame(left: 4, [.property("ReturnValues", control: CustomControl([.property("ReturnValue", enumerate: true, control: typeLine)])), .newline]),
        ] + aliasesAndRemarks)
    }

    var examplesView: CustomControl {
        CustomControl([
            .property("Details", control: CustomControl([.text("NAME"), .newline, .frame(left: 4, [.property("Name"), .newline])])), .newline,
        ] + aliasesAndRemarks)
    }
}
