import Foundation
import PowerShellRuntime

/// PSReadLine's settings, key bindings and history for the process (PSReadLine 2.4.5 keeps
/// them in a singleton too): Set-PSReadLineOption and Set-PSReadLineKeyHandler change them, the
/// interactive line editor reads them.
public final class PSReadLineState {
    public static let shared = PSReadLineState()

    public enum EditMode: String, CaseIterable { case Windows, Emacs, Vi }

    // MARK: Options (PSConsoleReadLineOptions, with PSReadLine's defaults on Linux)

    public var editMode = EditMode.Emacs {
        didSet { bindings = PSReadLineState.defaultBindings(editMode) }
    }
    public var continuationPrompt = ">> "
    public var historyNoDuplicates = true
    public var historySearchCursorMovesToEnd = false
    /// 0 until set: then the session's `$MaximumHistoryCount` applies (4096).
    public var maximumHistoryCount = 4096
    public var maximumKillRingCount = 10
    public var showToolTips = true
    public var extraPromptLineCount = 0
    public var dingTone = 1221
    public var dingDuration = 50
    public var bellStyle = "Audible"
    public var completionQueryItems = 100
    public var wordDelimiters = ";:,.[]{}()/\\|!?^&*-=+'\"\u{2013}\u{2014}\u{2015}"
    public var historySearchCaseSensitive = false
    public var historySaveStyle = "SaveIncrementally"
    public var historySavePath: String = PSReadLineState.defaultHistoryPath()
    public var ansiEscapeTimeout = 100
    public var promptText = ["> "]
    public var predictionSource = "HistoryAndPlugin"
    public var predictionViewStyle = "InlineView"
    /// `-AddToHistoryHandler`: decides whether (and where) a line goes to the history.
    public var addToHistoryHandler: ScriptBlock?
    /// Token colours (PSReadLine's defaults), by token kind.
    public var colors: [String: String] = PSReadLineState.defaultColors

    static let defaultColors: [String: String] = [
        "ContinuationPrompt": "\u{1B}[37m", "Emphasis": "\u{1B}[96m", "Error": "\u{1B}[91m", "Selection": "\u{1B}[30;47m",
        "Default": "\u{1B}[37m", "Comment": "\u{1B}[32m", "Keyword": "\u{1B}[92m", "String": "\u{1B}[36m",
        "Operator": "\u{1B}[90m", "Variable": "\u{1B}[92m", "Command": "\u{1B}[93m", "Parameter": "\u{1B}[90m",
        "Type": "\u{1B}[37m", "Number": "\u{1B}[97m", "Member": "\u{1B}[37m", "InlinePrediction": "\u{1B}[97;2;3m",
        "ListPrediction": "\u{1B}[33m", "ListPredictionSelected": "\u{1B}[48;5;238m", "ListPredictionTooltip": "\u{1B}[97;2;3m",
    ]

    /// PSReadLine's HistorySavePath on Linux: `$XDG_DATA_HOME` or `~/.local/share`, then
    /// `powershell/PSReadLine/ConsoleHost_history.txt`; /dev/null without a home.
    static func defaultHistoryPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/powershell/PSReadLine/ConsoleHost_history.txt" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/powershell/PSReadLine/ConsoleHost_history.txt" }
        return "/dev/null"
    }

    // MARK: Key bindings

    /// A binding: a PSReadLine function by name, or a script block (a user-defined handler).
    public struct Binding {
        public var function: String
        public var scriptBlock: ScriptBlock?
        public var briefDescription: String?
        public var description: String?
    }

    /// Bindings by canonical chord text (`Ctrl+a`, `Alt+b`, `LeftArrow`, `Ctrl+x,Ctrl+u`).
    public private(set) var bindings: [String: Binding] = PSReadLineState.defaultBindings(.Emacs)
    /// The order chords were bound in (for listings).
    public var boundChords: [String] { bindings.keys.sorted() }

    public func binding(for chord: String) -> Binding? { bindings[chord] }

    public func bind(_ chord: String, _ binding: Binding) { bindings[chord] = binding }

    public func unbind(_ chord: String) { bindings[chord] = nil }

    /// PSReadLine's default tables (KeyBindings.cs at v2.4.5): Emacs on Linux; Windows mode
    /// for `-EditMode Windows`. NOTE: Vi mode is accepted but edits as Emacs does.
    static func defaultBindings(_ mode: EditMode) -> [String: Binding] {
        var table: [String: Binding] = [:]
        let pairs: [(String, String)] = mode == .Windows ? windowsTable : emacsTable
        for (key, function) in pairs { table[key] = Binding(function: function) }
        return table
    }

    static let emacsTable: [(String, String)] = [
        ("Backspace", "BackwardDeleteChar"), ("Enter", "AcceptLine"), ("Shift+Enter", "AddLine"), ("LeftArrow", "BackwardChar"),
        ("RightArrow", "ForwardChar"), ("Shift+LeftArrow", "SelectBackwardChar"), ("Shift+RightArrow", "SelectForwardChar"),
        ("UpArrow", "PreviousHistory"), ("DownArrow", "NextHistory"), ("Alt+<", "BeginningOfHistory"), ("Alt+>", "EndOfHistory"),
        ("Home", "BeginningOfLine"), ("End", "EndOfLine"), ("Shift+Home", "SelectBackwardsLine"), ("Shift+End", "SelectLine"),
        ("Delete", "DeleteChar"), ("Tab", "Complete"), ("Ctrl+a", "BeginningOfLine"), ("Ctrl+b", "BackwardChar"),
        ("Ctrl+c", "CopyOrCancelLine"), ("Ctrl+d", "DeleteCharOrExit"), ("Ctrl+e", "EndOfLine"), ("Ctrl+f", "ForwardChar"),
        ("Ctrl+g", "Abort"), ("Ctrl+l", "ClearScreen"), ("Ctrl+k", "KillLine"), ("Ctrl+m", "ValidateAndAcceptLine"),
        ("Ctrl+n", "NextHistory"), ("Ctrl+o", "AcceptAndGetNext"), ("Ctrl+p", "PreviousHistory"), ("Ctrl+r", "ReverseSearchHistory"),
        ("Ctrl+s", "ForwardSearchHistory"), ("Ctrl+t", "SwapCharacters"), ("Ctrl+u", "BackwardKillInput"), ("Ctrl+w", "UnixWordRubout"),
        ("Ctrl+y", "Yank"), ("Ctrl+@", "SetMark"), ("Ctrl+Backspace", "BackwardDeleteChar"), ("Ctrl+_", "Undo"),
        ("Ctrl+]", "CharacterSearch"), ("Ctrl+Alt+]", "CharacterSearchBackward"), ("Alt+0", "DigitArgument"), ("Alt+1", "DigitArgument"),
        ("Alt+2", "DigitArgument"), ("Alt+3", "DigitArgument"), ("Alt+4", "DigitArgument"), ("Alt+5", "DigitArgument"),
        ("Alt+6", "DigitArgument"), ("Alt+7", "DigitArgument"), ("Alt+8", "DigitArgument"), ("Alt+9", "DigitArgument"),
        ("Alt+-", "DigitArgument"), ("Alt+b", "BackwardWord"), ("Alt+B", "SelectBackwardWord"), ("Alt+d", "KillWord"),
        ("Alt+f", "ForwardWord"), ("Alt+F", "SelectForwardWord"), ("Alt+r", "RevertLine"), ("Alt+y", "YankPop"),
        ("Alt+Backspace", "BackwardKillWord"), ("Alt+=", "PossibleCompletions"), ("Ctrl+Alt+?", "ShowKeyBindings"),
        ("Alt+?", "WhatIsKey"), ("Alt+.", "YankLastArg"), ("Alt+_", "YankLastArg"), ("Ctrl+Alt+y", "YankNthArg"),
        ("Alt+a", "SelectCommandArgument"), ("Alt+h", "ShowParameterHelp"), ("F1", "ShowCommandHelp"), ("F2", "SwitchPredictionView"),
        ("F4", "ShowFullPredictionTooltip"), ("Alt+u", "UpcaseWord"), ("Alt+l", "DowncaseWord"), ("Alt+c", "CapitalizeWord"),
        ("Alt+Spacebar", "SetMark"), ("Ctrl+x,Backspace", "BackwardKillInput"), ("Ctrl+x,Ctrl+u", "Undo"),
        ("Ctrl+x,Ctrl+x", "ExchangePointAndMark"),
    ]

    /// The Windows mode's keys that differ in kind from Emacs (KeyBindings.cs SetDefaultWindowsBindings).
    static let windowsTable: [(String, String)] = [
        ("Enter", "AcceptLine"), ("Shift+Enter", "AddLine"), ("Escape", "RevertLine"), ("LeftArrow", "BackwardChar"),
        ("RightArrow", "ForwardChar"), ("Ctrl+LeftArrow", "BackwardWord"), ("Ctrl+RightArrow", "NextWord"),
        ("UpArrow", "PreviousHistory"), ("DownArrow", "NextHistory"), ("Home", "BeginningOfLine"), ("End", "EndOfLine"),
        ("Delete", "DeleteChar"), ("Backspace", "BackwardDeleteChar"), ("Ctrl+Backspace", "BackwardKillWord"),
        ("Ctrl+Delete", "KillWord"), ("Ctrl+End", "ForwardDeleteInput"), ("Ctrl+Home", "BackwardDeleteInput"), ("Tab", "TabCompleteNext"),
        ("Shift+Tab", "TabCompletePrevious"), ("Ctrl+a", "SelectAll"), ("Ctrl+c", "CopyOrCancelLine"), ("Ctrl+l", "ClearScreen"),
        ("Ctrl+r", "ReverseSearchHistory"), ("Ctrl+s", "ForwardSearchHistory"), ("Ctrl+v", "Paste"), ("Ctrl+y", "Redo"),
        ("Ctrl+z", "Undo"), ("Ctrl+Spacebar", "MenuComplete"), ("Alt+?", "WhatIsKey"), ("F1", "ShowCommandHelp"),
        ("F8", "HistorySearchBackward"), ("Shift+F8", "HistorySearchForward"),
    ]

    /// A chord as a user writes it (`ctrl+A`, `Alt+b`, `Ctrl+LeftArrow`, `"Ctrl+x,Ctrl+u"`) in
    /// canonical form: modifiers in Ctrl, Alt, Shift order; a letter lower-cased unless Shift
    /// applies (`Alt+B`); key names in PSReadLine's spelling.
    public static func canonicalChord(_ text: String) -> String? {
        var parts: [String] = []
        for piece in text.split(separator: ",") {
            var tokens = piece.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
            // `Ctrl++` names the plus key.
            if piece.hasSuffix("++") { tokens = Array(tokens.dropLast(2)) + ["+"] }
            guard let keyName = tokens.last, !keyName.isEmpty else { return nil }
            var ctrl = false, alt = false, shift = false
            for m in tokens.dropLast() {
                switch m.lowercased() {
                case "ctrl", "control": ctrl = true
                case "alt": alt = true
                case "shift": shift = true
                default: return nil
                }
            }
            var key = keyName
            if key.count == 1, let c = key.first, c.isLetter {
                // Shift makes the letter upper case; Ctrl letters ignore case; `Alt+B` means
                // Alt with the upper-case B.
                if shift {
                    key = key.uppercased()
                    shift = false
                } else if ctrl {
                    key = key.lowercased()
                }
            } else if let named = keyNames.first(where: { $0.caseInsensitiveCompare(key) == .orderedSame }) {
                key = named
            } else if key.count != 1 {
                return nil
            }
            var chord = ""
            if ctrl { chord += "Ctrl+" }
            if alt { chord += "Alt+" }
            if shift { chord += "Shift+" }
            parts.append(chord + key)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ",")
    }

    static let keyNames = ["Backspace", "Enter", "Tab", "Escape", "Spacebar", "Delete", "Insert", "Home", "End", "PageUp", "PageDown",
                           "LeftArrow", "RightArrow", "UpArrow", "DownArrow"] + (1...12).map { "F\($0)" }

    // MARK: History (PSReadLine's, which the file keeps across sessions)

    public private(set) var history: [String] = []
    private var loaded = false

    /// Reads the history file once (multi-line entries are saved with a backtick before each
    /// line break, as PSReadLine writes them).
    public func loadHistory() {
        guard !loaded else { return }
        loaded = true
        guard let data = FileManager.default.contents(atPath: historySavePath) else { return }
        var pending = ""
        for line in String(decoding: data, as: UTF8.self).components(separatedBy: "\n") {
            if line.hasSuffix("`") {
                pending += line.dropLast() + "\n"
            } else if !pending.isEmpty {
                appendToMemory(pending + line)
                pending = ""
            } else if !line.isEmpty {
                appendToMemory(line)
            }
        }
    }

    private func appendToMemory(_ line: String) {
        if historyNoDuplicates { history.removeAll { $0 == line } }
        history.append(line)
        if history.count > maximumHistoryCount { history.removeFirst(history.count - maximumHistoryCount) }
    }

    /// Adds an accepted line: to the history and, unless it looks sensitive (PSReadLine's
    /// default AddToHistoryHandler: password, asplaintext, token, apikey, secret) or the save
    /// style says otherwise, to the end of the history file.
    public func add(_ line: String, context: ExecutionContext) {
        guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        var toFile = historySaveStyle != "SaveNothing"
        var toMemory = true
        if let handler = addToHistoryHandler {
            let output = (try? context.invokeScriptBlock(handler, args: [.string(line)], dollarUnder: nil)) ?? []
            let result = output.count == 1 ? output[0] : .object(PSArray(output))
            switch Conversion.toString(result).lowercased() {
            case "skipadding", "false": return
            case "memoryonly": toFile = false
            case "memoryanddisk", "true": break
            default: toMemory = Conversion.toBool(result)
            }
            if !toMemory { return }
        } else if PSReadLineState.looksSensitive(line) {
            toFile = false
        }
        appendToMemory(line)
        guard toFile, historySaveStyle == "SaveIncrementally" else { return }
        appendToFile([line])
    }

    /// Writes lines at the end of the history file, creating its folder when needed.
    public func appendToFile(_ lines: [String]) {
        let text = lines.map { $0.replacingOccurrences(of: "\n", with: "`\n") + "\n" }.joined()
        let folder = (historySavePath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(historySavePath, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// PSReadLine's default test for lines kept out of the history file.
    static func looksSensitive(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["password", "asplaintext", "token", "apikey", "secret"].contains { lower.contains($0) }
    }
}
