import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// The PSReadLine module's cmdlets (PSReadLine 2.4.5, Cmdlets.cs): options and key bindings of
/// the interactive line editor.
enum PSReadLineCmdlets {
    static let moduleName = "PSReadLine"
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-PSReadLineOption", GetPSReadLineOptionCommand.self),
        ("Set-PSReadLineOption", SetPSReadLineOptionCommand.self),
        ("Get-PSReadLineKeyHandler", GetPSReadLineKeyHandlerCommand.self),
        ("Set-PSReadLineKeyHandler", SetPSReadLineKeyHandlerCommand.self),
        ("Remove-PSReadLineKeyHandler", RemovePSReadLineKeyHandlerCommand.self),
    ]

    /// ConsoleColor names as the escape sequences PSReadLine turns them into.
    static let consoleColors: [String: String] = [
        "black": "\u{1B}[30m", "darkred": "\u{1B}[31m", "darkgreen": "\u{1B}[32m", "darkyellow": "\u{1B}[33m",
        "darkblue": "\u{1B}[34m", "darkmagenta": "\u{1B}[35m", "darkcyan": "\u{1B}[36m", "gray": "\u{1B}[37m",
        "darkgray": "\u{1B}[90m", "red": "\u{1B}[91m", "green": "\u{1B}[92m", "yellow": "\u{1B}[93m",
        "blue": "\u{1B}[94m", "magenta": "\u{1B}[95m", "cyan": "\u{1B}[96m", "white": "\u{1B}[97m",
    ]

    /// The colour keys of `-Colors` and the option properties that show them, in the view's order.
    static let colorNames = ["Command", "Comment", "ContinuationPrompt", "Default", "Emphasis", "Error", "InlinePrediction", "Keyword",
                             "ListPrediction", "ListPredictionSelected", "ListPredictionTooltip", "Member", "Number", "Operator",
                             "Parameter", "Selection", "String", "Type", "Variable"]

    /// A colour as the options view shows it: its sequence with the escape written as `` `e ``.
    static func colorText(_ sequence: String) -> String { sequence.replacingOccurrences(of: "\u{1B}", with: "`e") }

    static var views: [FormatViewDefinition] {
        [
            FormatViewDefinition(name: "PSReadLine-KeyBindings", typeNames: ["Microsoft.PowerShell.KeyHandler"],
                                 control: .table(TableViewDefinition(columns: [.property("Key"), .property("Function"), .property("Description")], wrap: true)),
                                 groupBy: (.script(groupHeading), "Group"), groupByText: ""),
        ]
    }

    /// The heading of a key handler group, underlined (PSReadLine.format.ps1xml).
    private static func groupHeading(_ v: Value) -> Value {
        guard case .object(let o) = v, let r = o as? NativeRecord, let group = r.property("Group") else { return .null }
        let name = Conversion.toString(group)
        let heading = PSReadLineFunctions.groups.first { $0.name == name }?.heading ?? name
        return .string(heading + "\n" + String(repeating: "=", count: heading.count))
    }
}

/// `Get-PSReadLineOption`: the options object (PSConsoleReadLineOptions).
final class GetPSReadLineOptionCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let s = PSReadLineState.shared
        var pairs: [(String, Value)] = [
            ("EditMode", PSReadLineEnums.value(PSReadLineEnums.editMode, s.editMode.rawValue)),
            ("AddToHistoryHandler", s.addToHistoryHandler.map { .object($0) } ?? .string("System.Func`2[System.String,System.Object]")),
            ("HistoryNoDuplicates", .bool(s.historyNoDuplicates)), ("HistorySavePath", .string(s.historySavePath)),
            ("HistorySaveStyle", PSReadLineEnums.value(PSReadLineEnums.historySaveStyle, s.historySaveStyle)), ("HistorySearchCaseSensitive", .bool(s.historySearchCaseSensitive)),
            ("HistorySearchCursorMovesToEnd", .bool(s.historySearchCursorMovesToEnd)), ("MaximumHistoryCount", .int(Int32(clamping: s.maximumHistoryCount))),
            ("ContinuationPrompt", .string(s.continuationPrompt)), ("ExtraPromptLineCount", .int(Int32(clamping: s.extraPromptLineCount))),
            ("PromptText", .object(PSArray(s.promptText.map { .string($0) }))), ("BellStyle", PSReadLineEnums.value(PSReadLineEnums.bellStyle, s.bellStyle)),
            ("DingDuration", .int(Int32(clamping: s.dingDuration))), ("DingTone", .int(Int32(clamping: s.dingTone))),
            ("CommandsToValidateScriptBlockArguments", .string("{ForEach-Object, %, Invoke-Command, icm…}")), ("CommandValidationHandler", .null),
            ("CompletionQueryItems", .int(Int32(clamping: s.completionQueryItems))), ("MaximumKillRingCount", .int(Int32(clamping: s.maximumKillRingCount))),
            ("ShowToolTips", .bool(s.showToolTips)), ("ScreenReaderModeEnabled", .bool(false)), ("ViModeIndicator", PSReadLineEnums.value(PSReadLineEnums.viModeStyle, "None")),
            ("ViModeChangeHandler", .null), ("WordDelimiters", .string(s.wordDelimiters)), ("AnsiEscapeTimeout", .int(Int32(clamping: s.ansiEscapeTimeout))),
            ("PredictionSource", PSReadLineEnums.value(PSReadLineEnums.predictionSource, s.predictionSource)), ("PredictionViewStyle", PSReadLineEnums.value(PSReadLineEnums.predictionViewStyle, s.predictionViewStyle)),
            ("TerminateOrphanedConsoleApps", .bool(false)),
        ]
        for name in PSReadLineCmdlets.colorNames {
            pairs.append((name == "Default" ? "DefaultTokenColor" : name + "Color", .string(PSReadLineCmdlets.colorText(s.colors[name] ?? ""))))
        }
        try rt.writeObject(.object(NativeRecord(typeNames: ["Microsoft.PowerShell.PSConsoleReadLineOptions"], pairs)))
    }
}

/// `Set-PSReadLineOption`: each parameter given changes that option.
final class SetPSReadLineOptionCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let s = PSReadLineState.shared
        let b = rt.bound
        if let mode = b.string("EditMode"), let m = PSReadLineState.EditMode.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(mode) == .orderedSame }) {
            s.editMode = m
        }
        if b.has("ContinuationPrompt") { s.continuationPrompt = b.string("ContinuationPrompt") ?? "" }
        if b.has("HistoryNoDuplicates") { s.historyNoDuplicates = b.isOn("HistoryNoDuplicates") }
        if b.has("HistorySearchCursorMovesToEnd") { s.historySearchCursorMovesToEnd = b.isOn("HistorySearchCursorMovesToEnd") }
        if b.has("HistorySearchCaseSensitive") { s.historySearchCaseSensitive = b.isOn("HistorySearchCaseSensitive") }
        if b.has("ShowToolTips") { s.showToolTips = b.isOn("ShowToolTips") }
        if let n = b.int("MaximumHistoryCount") { s.maximumHistoryCount = n }
        if let n = b.int("MaximumKillRingCount") { s.maximumKillRingCount = n }
        if let n = b.int("ExtraPromptLineCount") { s.extraPromptLineCount = n }
        if let n = b.int("DingTone") { s.dingTone = n }
        if let n = b.int("DingDuration") { s.dingDuration = n }
        if let n = b.int("CompletionQueryItems") { s.completionQueryItems = n }
        if let n = b.int("AnsiEscapeTimeout") { s.ansiEscapeTimeout = n }
        if let v = b.string("BellStyle") { s.bellStyle = v }
        if let v = b.string("WordDelimiters") { s.wordDelimiters = v }
        if let v = b.string("HistorySaveStyle") { s.historySaveStyle = v }
        if let v = b.string("HistorySavePath") { s.historySavePath = rt.context.resolvePath(v) }
        if let v = b.string("PredictionSource") { s.predictionSource = v }
        if let v = b.string("PredictionViewStyle") { s.predictionViewStyle = v }
        if let v = b.strings("PromptText") { s.promptText = v }
        if b.has("AddToHistoryHandler") { s.addToHistoryHandler = b["AddToHistoryHandler"]?.reference as? ScriptBlock }
        if let colors = b["Colors"]?.hashtable {
            for (k, v) in zip(colors.keys, colors.values) {
                var key = Conversion.toString(k)
                if key.lowercased().hasSuffix("color") { key.removeLast(5) }
                if key.caseInsensitiveCompare("DefaultToken") == .orderedSame { key = "Default" }
                guard let name = PSReadLineCmdlets.colorNames.first(where: { $0.caseInsensitiveCompare(key) == .orderedSame }) else {
                    try rt.writeError(rt.error("InvalidColorProperty", "Invalid color property: \(Conversion.toString(k))", .InvalidArgument, target: k))
                    continue
                }
                let text = Conversion.toString(v)
                s.colors[name] = PSReadLineCmdlets.consoleColors[text.lowercased()] ?? text
            }
        }
    }
}

/// `Get-PSReadLineKeyHandler [-Bound] [-Unbound] | [-Chord] <string[]>`: one object per key,
/// grouped as PSReadLine groups them, by function within a group.
final class GetPSReadLineKeyHandlerCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let s = PSReadLineState.shared
        var rows: [(key: String, function: String, description: String, group: String)] = []
        func describe(_ chord: String, _ binding: PSReadLineState.Binding) -> (String, String, String, String) {
            if binding.scriptBlock != nil {
                return (chord, binding.briefDescription ?? binding.function, binding.description ?? "", "Custom")
            }
            let info = PSReadLineFunctions.all.first { $0.name == binding.function }
            return (chord, binding.function, info?.description ?? "", info?.group ?? "Custom")
        }
        if let chords = rt.bound.strings("Chord") {
            for text in chords {
                guard let chord = PSReadLineState.canonicalChord(text), let binding = s.binding(for: chord) else { continue }
                rows.append(describe(chord, binding))
            }
        } else {
            let bound = rt.bound.has("Bound") ? rt.bound.isOn("Bound") : !rt.bound.isOn("Unbound")
            let unbound = rt.bound.isOn("Unbound")
            if bound {
                for chord in s.boundChords { if let b = s.binding(for: chord) { rows.append(describe(chord, b)) } }
            }
            if unbound {
                let used = Set(s.boundChords.compactMap { s.binding(for: $0)?.function })
                for f in PSReadLineFunctions.all where !used.contains(f.name) { rows.append(("Unbound", f.name, f.description, f.group)) }
            }
        }
        let groupOrder = PSReadLineFunctions.groups.map(\.name)
        rows.sort {
            let g0 = groupOrder.firstIndex(of: $0.group) ?? 99, g1 = groupOrder.firstIndex(of: $1.group) ?? 99
            return g0 != g1 ? g0 < g1 : $0.function.lowercased() < $1.function.lowercased()
        }
        for r in rows {
            try rt.writeObject(.object(NativeRecord(typeNames: ["Microsoft.PowerShell.KeyHandler"], [
                ("Key", .string(r.key)), ("Function", .string(r.function)), ("Description", .string(r.description)), ("Group", .string(r.group)),
            ])))
        }
    }
}

/// `Set-PSReadLineKeyHandler [-Chord] <string[]> [-Function] <string> | [-ScriptBlock] <scriptblock>
/// [-BriefDescription <string>] [-Description <string>]`
final class SetPSReadLineKeyHandlerCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let s = PSReadLineState.shared
        var binding: PSReadLineState.Binding
        if let sb = rt.bound["ScriptBlock"]?.reference as? ScriptBlock {
            binding = PSReadLineState.Binding(function: rt.bound.string("BriefDescription") ?? "CustomAction", scriptBlock: sb,
                                              briefDescription: rt.bound.string("BriefDescription"), description: rt.bound.string("Description"))
        } else {
            let name = rt.bound.string("Function") ?? ""
            guard let f = PSReadLineFunctions.all.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
                try rt.throwTerminating(rt.error("ParameterArgumentValidationError",
                    "Cannot validate argument on parameter 'Function'. The argument \"\(name)\" does not belong to the set of PSReadLine functions. Supply an argument that is in the set and then try the command again.",
                    .InvalidData, target: .string(name)))
            }
            binding = PSReadLineState.Binding(function: f.name)
        }
        for text in rt.bound.strings("Chord") ?? [] {
            guard let chord = PSReadLineState.canonicalChord(text) else {
                try rt.writeError(rt.error("InvalidChord", "Unrecognized key '\(text)'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration.",
                                           .InvalidArgument, target: .string(text)))
                continue
            }
            s.bind(chord, binding)
        }
    }
}

/// `Remove-PSReadLineKeyHandler [-Chord] <string[]>`
final class RemovePSReadLineKeyHandlerCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        for text in rt.bound.strings("Chord") ?? [] {
            if let chord = PSReadLineState.canonicalChord(text) { PSReadLineState.shared.unbind(chord) }
        }
    }
}
