import PowerShellRuntime

/// Declarations of commands the recorded reference (commands.json) does not list, made from the
/// sources: the PSReadLine cmdlets from PSReadLine 2.4.5's Cmdlets.cs, Clear-History from pwsh's
/// History.cs at v7.6.5.
enum PSReadLineDeclarations {
    private static let string = "System.String"
    private static let switchType = "System.Management.Automation.SwitchParameter"
    private static let int = "System.Int32"

    private static func p(_ name: String, _ type: String = string, aliases: [String] = [], _ sets: [ParameterSetMembership] = [ParameterSetMembership()],
                          _ validations: [ParameterValidation] = [], allowNull: Bool = false, allowEmptyString: Bool = false) -> ParameterDeclaration {
        ParameterDeclaration(name: name, typeName: type, aliases: aliases, sets: sets, validations: validations,
                             allowNull: allowNull, allowEmptyString: allowEmptyString)
    }

    private static func set(_ values: [String]) -> [ParameterValidation] { [.set(values, ignoreCase: true)] }

    /// A parameter of one of PSReadLine's enum types: it binds a member name (any case) or
    /// number, and anything else fails as pwsh's enum conversion does.
    private static func e(_ name: String, _ definition: PSEnumDefinition) -> ParameterDeclaration {
        var d = p(name, definition.fullName)
        d.resolvedType = PSType(kind: .enumeration(definition), fullName: definition.fullName)
        return d
    }

    static func declaration(named name: String) -> CommandDeclaration? {
        let module = PSReadLineCmdlets.moduleName
        switch name.lowercased() {
        case "get-psreadlineoption":
            return CommandDeclaration(name: "Get-PSReadLineOption", moduleName: module, outputTypes: ["Microsoft.PowerShell.PSConsoleReadLineOptions"],
                                      helpUri: "https://go.microsoft.com/fwlink/?LinkId=528808",
                                      implementingTypeName: "Microsoft.PowerShell.GetPSReadLineOption", commandType: "Cmdlet", version: "2.4.5")
        case "set-psreadlineoption":
            return CommandDeclaration(name: "Set-PSReadLineOption", moduleName: module, parameters: [
                e("EditMode", PSReadLineEnums.editMode),
                p("ContinuationPrompt", allowEmptyString: true),
                p("HistoryNoDuplicates", switchType),
                p("AddToHistoryHandler", "System.Func`2[System.String,System.Object]", allowNull: true),
                p("CommandValidationHandler", "System.Action`1[System.Management.Automation.Language.CommandAst]", allowNull: true),
                p("HistorySearchCursorMovesToEnd", switchType),
                p("MaximumHistoryCount", int, [ParameterSetMembership()], [.range(min: .int(1), max: .int(Int32.max))]),
                p("MaximumKillRingCount", int),
                p("ShowToolTips", switchType),
                p("ExtraPromptLineCount", int),
                p("DingTone", int),
                p("DingDuration", int),
                e("BellStyle", PSReadLineEnums.bellStyle),
                p("CompletionQueryItems", int),
                p("WordDelimiters"),
                p("HistorySearchCaseSensitive", switchType),
                e("HistorySaveStyle", PSReadLineEnums.historySaveStyle),
                p("HistorySavePath", string, [ParameterSetMembership()], [.notNullOrEmpty]),
                p("AnsiEscapeTimeout", int, [ParameterSetMembership()], [.range(min: .int(25), max: .int(1000))]),
                p("PromptText", "System.String[]", [ParameterSetMembership()], [.notNull]),
                e("ViModeIndicator", PSReadLineEnums.viModeStyle),
                p("ViModeChangeHandler", "System.Management.Automation.ScriptBlock"),
                e("PredictionSource", PSReadLineEnums.predictionSource),
                e("PredictionViewStyle", PSReadLineEnums.predictionViewStyle),
                p("Colors", "System.Collections.Hashtable"),
                p("TerminateOrphanedConsoleApps", switchType),
                p("EnableScreenReaderMode", switchType),
            ], helpUri: "https://go.microsoft.com/fwlink/?LinkId=528811", implementingTypeName: "Microsoft.PowerShell.SetPSReadLineOption",
               commandType: "Cmdlet", version: "2.4.5")
        case "get-psreadlinekeyhandler":
            return CommandDeclaration(name: "Get-PSReadLineKeyHandler", moduleName: module, parameters: [
                p("Bound", switchType, [ParameterSetMembership(setName: "FullListing")]),
                p("Unbound", switchType, [ParameterSetMembership(setName: "FullListing")]),
                p("Chord", "System.String[]", aliases: ["Key"], [ParameterSetMembership(setName: "SpecificBindings", position: 0, mandatory: true)], [.notNullOrEmpty]),
            ], defaultParameterSet: "FullListing", outputTypes: ["Microsoft.PowerShell.KeyHandler"], helpUri: "https://go.microsoft.com/fwlink/?LinkId=528807",
               implementingTypeName: "Microsoft.PowerShell.GetKeyHandlerCommand", commandType: "Cmdlet", version: "2.4.5")
        case "set-psreadlinekeyhandler":
            // -Function is PSReadLine's dynamic parameter (a ValidateSet of its bindable functions).
            return CommandDeclaration(name: "Set-PSReadLineKeyHandler", moduleName: module, parameters: [
                p("Chord", "System.String[]", aliases: ["Key"], [ParameterSetMembership(setName: "ScriptBlock", position: 0, mandatory: true),
                                                                 ParameterSetMembership(setName: "Function", position: 0, mandatory: true)], [.notNullOrEmpty]),
                p("ScriptBlock", "System.Management.Automation.ScriptBlock", [ParameterSetMembership(setName: "ScriptBlock", position: 1, mandatory: true)], [.notNull]),
                p("BriefDescription", string, [ParameterSetMembership(setName: "ScriptBlock")]),
                p("Description", string, aliases: ["LongDescription"], [ParameterSetMembership(setName: "ScriptBlock")]),
                p("Function", string, [ParameterSetMembership(setName: "Function", position: 1, mandatory: true)],
                  set(PSReadLineFunctions.all.map(\.name))),
                e("ViMode", PSReadLineEnums.viMode),
            ], defaultParameterSet: "ScriptBlock", helpUri: "https://go.microsoft.com/fwlink/?LinkId=528810",
               implementingTypeName: "Microsoft.PowerShell.SetPSReadLineKeyHandlerCommand", commandType: "Cmdlet", version: "2.4.5")
        case "remove-psreadlinekeyhandler":
            return CommandDeclaration(name: "Remove-PSReadLineKeyHandler", moduleName: module, parameters: [
                p("Chord", "System.String[]", aliases: ["Key"], [ParameterSetMembership(position: 0, mandatory: true)], [.notNullOrEmpty]),
                e("ViMode", PSReadLineEnums.viMode),
            ], helpUri: "https://go.microsoft.com/fwlink/?LinkId=528809", implementingTypeName: "Microsoft.PowerShell.RemoveKeyHandlerCommand",
               commandType: "Cmdlet", version: "2.4.5")
        case "clear-history":
            return CommandDeclaration(name: "Clear-History", moduleName: "Microsoft.PowerShell.Core", parameters: [
                p("Id", "System.Int32[]", [ParameterSetMembership(setName: "IDParameter", position: 0,
                                                                  helpMessage: "Specifies the ID of a command in the session history.Clear history clears only the specified command")],
                  [.range(min: .int(1), max: .int(Int32.max))]),
                p("CommandLine", "System.String[]", [ParameterSetMembership(setName: "CommandLineParameter",
                                                                            helpMessage: "Specifies the name of a command in the session history")], [.notNullOrEmpty]),
                p("Count", int, [ParameterSetMembership(position: 1, helpMessage: "Clears the specified number of history entries")],
                  [.range(min: .int(1), max: .int(Int32.max))]),
                p("Newest", switchType, [ParameterSetMembership(helpMessage: "Specifies whether new entries to be cleared or the default old ones.")]),
            ], defaultParameterSet: "IDParameter", supportsShouldProcess: true, helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096691",
               implementingTypeName: "Microsoft.PowerShell.Commands.ClearHistoryCommand", commandType: "Cmdlet", version: "7.6.0.500")
        default:
            return nil
        }
    }
}

/// PSReadLine 2.4.5's enums (Cmdlets.cs), for its cmdlets' parameters and the options object.
enum PSReadLineEnums {
    private static func define(_ name: String, _ names: [String], values: [Int64]? = nil) -> PSEnumDefinition {
        PSEnumDefinition(name: name, fullName: "Microsoft.PowerShell." + name,
                         members: zip(names, values ?? names.indices.map { Int64($0) }).map { (name: $0, value: $1) })
    }

    static let editMode = define("EditMode", ["Windows", "Emacs", "Vi"])
    static let bellStyle = define("BellStyle", ["None", "Visual", "Audible"])
    static let viModeStyle = define("ViModeStyle", ["None", "Prompt", "Cursor", "Script"])
    static let viMode = define("ViMode", ["Insert", "Command"])
    static let historySaveStyle = define("HistorySaveStyle", ["SaveIncrementally", "SaveAtExit", "SaveNothing"])
    static let predictionSource = define("PredictionSource", ["None", "History", "Plugin", "HistoryAndPlugin"], values: [1, 2, 4, 6])
    static let predictionViewStyle = define("PredictionViewStyle", ["InlineView", "ListView"])

    /// The member of `definition` named `name` as a value (the name as text when unknown).
    static func value(_ definition: PSEnumDefinition, _ name: String) -> Value {
        guard let m = definition.member(named: name) else { return .string(name) }
        return .object(PSEnumValue(definition, m.value))
    }
}
