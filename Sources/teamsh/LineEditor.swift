import Foundation
import PowerShellRuntime
import PowerShellCmdlets

/// A line editor in the manner of PSReadLine 2.4.5 on Linux: keys dispatch through the
/// bindings of `PSReadLineState` (Emacs mode by default, changed with Set-PSReadLineKeyHandler
/// and Set-PSReadLineOption) to PSReadLine's functions: editing, word motion and word kills,
/// the kill ring (Ctrl+Y, Alt+Y), undo (Ctrl+_), history (Up/Down, Ctrl+R, the file kept
/// across sessions), completion (Tab), and script-block key handlers. The input is drawn after
/// the prompt the shell wrote, coloured by token kind unless colours are off.
final class LineEditor: ReadLineEditing {
    /// What the editor needs from the shell.
    struct Services {
        /// Whether the text is a whole input (false: Enter adds a continuation line).
        var isComplete: (String) -> Bool
        /// Completions for the text at a UTF-16 cursor offset: the replacement range and the
        /// matches (completion text, list text).
        var complete: (String, Int) -> (index: Int, length: Int, matches: [(text: String, listText: String)])
        /// Runs a key handler's script block in the session.
        var runHandler: (ScriptBlock) -> Void
        /// Whether the input is drawn in colour.
        var colorize: () -> Bool
        /// The prompt to write again after Ctrl+L.
        var prompt: () -> String
    }

    enum Outcome {
        case line(String)
        /// Ctrl+D on an empty line.
        case endOfInput
    }

    let services: Services
    let options = PSReadLineState.shared

    // The line being edited.
    var buffer: [Character] = []
    var cursor = 0
    /// The column the input starts at (after the prompt, which the shell wrote).
    var startColumn = 0
    /// Which row of the drawn input the terminal cursor is on (0: the first).
    var cursorRow = 0
    /// Whether the drawn input ends exactly at the right edge, so the cursor sits on a fresh row.
    var endsAtEdge = false
    var historyIndex = 0
    /// The text typed before moving into history, restored past the newest entry.
    var savedLine: [Character] = []
    /// History entries this session accepted, for AcceptAndGetNext.
    var nextHistoryLine: Int?
    var lastFunction = ""
    var lastWasTab = false
    var out = ""
    var accepted: String?
    var exitRequested = false
    var mark = 0

    // Kill ring and undo.
    var killRing: [String] = []
    var killIndex = 0
    var yankStart = 0
    var yankLength = 0
    var undoStack: [(buffer: [Character], cursor: Int)] = []

    var keys = KeyReader()

    init(services: Services) {
        self.services = services
    }

    var history: [String] { options.history }

    /// Reads one input. The terminal must be in raw mode and the prompt already written;
    /// `startColumn` is where the prompt left the cursor.
    func readInput(startColumn: Int) -> Outcome {
        self.startColumn = startColumn
        buffer = []
        cursor = 0
        cursorRow = 0
        endsAtEdge = false
        historyIndex = history.count
        if let next = nextHistoryLine, next < history.count {
            historyIndex = next
            buffer = Array(history[next])
            cursor = buffer.count
        }
        nextHistoryLine = nil
        savedLine = []
        lastWasTab = false
        lastFunction = ""
        accepted = nil
        exitRequested = false
        undoStack = []
        mark = 0
        keys.escapeTimeout = Int32(options.ansiEscapeTimeout)
        ReadLineBridge.current = self
        defer { ReadLineBridge.current = nil }
        render()
        while accepted == nil && !exitRequested {
            switch keys.next() {
            case .endOfInput:
                return .endOfInput
            case .interrupted:
                // A window resize: draw again at the new width.
                if TerminalMode.takeResize() { render() }
            case .paste(let text):
                pushUndo()
                insert(Array(text))
                lastFunction = "SelfInsert"
            case .key(let key):
                dispatch(key)
            }
        }
        if exitRequested { return .endOfInput }
        let text = accepted ?? ""
        return .line(text)
    }

    /// Runs what the key is bound to; an unbound printable key inserts itself.
    func dispatch(_ key: Key) {
        let wasTab = lastWasTab
        lastWasTab = false
        if let binding = options.binding(for: key.chord) {
            if let sb = binding.scriptBlock {
                services.runHandler(sb)
                lastFunction = binding.function
                if accepted == nil { render() }
                return
            }
            perform(binding.function, key: key, secondTab: wasTab)
            lastWasTab = binding.function == "Complete"
            return
        }
        if key.character != nil {
            perform("SelfInsert", key: key, secondTab: false)
        } else if key.chord.hasPrefix("Ctrl+x") || key.chord == "Escape" {
            // The first key of a chord (Ctrl+x,…): look up the second.
            if case .key(let second) = keys.next(), let binding = options.binding(for: key.chord + "," + second.chord) {
                perform(binding.function, key: second, secondTab: false)
            }
        }
    }

    /// Runs a PSReadLine function by name.
    func perform(_ function: String, key: Key, secondTab: Bool) {
        defer { lastFunction = function }
        switch function {
        case "SelfInsert":
            guard let c = key.character else { return }
            pushUndo()
            insert([c])
        case "AcceptLine", "ValidateAndAcceptLine": acceptLine()
        case "AcceptAndGetNext":
            acceptLine()
            if accepted != nil, historyIndex < history.count { nextHistoryLine = historyIndex + 1 }
        case "AddLine", "InsertLineBelow":
            pushUndo()
            insert(["\n"])
        case "CopyOrCancelLine", "CancelLine": cancelLine()
        case "DeleteCharOrExit":
            if buffer.isEmpty {
                emit("\n")
                flush()
                exitRequested = true
            } else {
                deleteChar()
            }
        case "DeleteChar": deleteChar()
        case "BackwardDeleteChar":
            guard cursor > 0 else { return }
            pushUndo()
            buffer.remove(at: cursor - 1)
            cursor -= 1
            render()
        case "BackwardChar": moveTo(cursor - 1)
        case "ForwardChar": moveTo(cursor + 1)
        case "BeginningOfLine": moveTo(lineStart(cursor))
        case "EndOfLine": moveTo(lineEnd(cursor))
        case "BackwardWord", "ShellBackwardWord": moveTo(backwardWordPoint(options.wordDelimiters))
        case "ForwardWord", "ShellForwardWord": moveTo(forwardWordPoint(options.wordDelimiters))
        case "NextWord", "ShellNextWord": moveTo(nextWordPoint(options.wordDelimiters))
        case "KillLine", "ForwardDeleteInput": kill(cursor, buffer.count - cursor, prepend: false, ring: function == "KillLine")
        case "BackwardKillInput", "BackwardDeleteInput": kill(0, cursor, prepend: true, ring: function == "BackwardKillInput")
        case "BackwardKillLine", "BackwardDeleteLine":
            let s = lineStart(cursor)
            kill(s, cursor - s, prepend: true, ring: function == "BackwardKillLine")
        case "KillWord", "ShellKillWord": kill(cursor, forwardWordPoint(options.wordDelimiters) - cursor, prepend: false, ring: true)
        case "BackwardKillWord", "ShellBackwardKillWord", "BackwardDeleteWord":
            let s = backwardWordPoint(options.wordDelimiters)
            kill(s, cursor - s, prepend: true, ring: function != "BackwardDeleteWord")
        case "UnixWordRubout":
            let s = backwardWordPoint("")
            kill(s, cursor - s, prepend: true, ring: true)
        case "Yank": yank()
        case "YankPop": yankPop()
        case "YankLastArg": yankLastArg()
        case "Undo": undo()
        case "RevertLine":
            guard !buffer.isEmpty else { return }
            pushUndo()
            buffer = []
            cursor = 0
            render()
        case "SwapCharacters": swapCharacters()
        case "UpcaseWord", "DowncaseWord", "CapitalizeWord": changeCase(function)
        case "PreviousHistory": moveInHistory(to: historyIndex - 1)
        case "NextHistory": moveInHistory(to: historyIndex + 1)
        case "BeginningOfHistory": moveInHistory(to: 0)
        case "EndOfHistory": moveInHistory(to: history.count)
        case "ReverseSearchHistory": incrementalSearch(backward: true)
        case "ForwardSearchHistory": incrementalSearch(backward: false)
        case "Complete", "TabCompleteNext", "MenuComplete": complete(second: secondTab)
        case "PossibleCompletions": complete(second: true)
        case "ClearScreen":
            emit("\u{1B}[H\u{1B}[2J\u{1B}[3J" + services.prompt())
            startColumn = LineEditor.displayWidth(services.prompt().components(separatedBy: "\n").last ?? "")
            cursorRow = 0
            render()
        case "SetMark": mark = cursor
        case "ExchangePointAndMark":
            let m = mark
            mark = cursor
            moveTo(m)
        case "CharacterSearch", "CharacterSearchBackward":
            guard case .key(let target) = keys.next(), let c = target.character else { return }
            if function == "CharacterSearch" {
                if let i = buffer[min(cursor + 1, buffer.count)...].firstIndex(of: c) { moveTo(i) }
            } else if cursor > 0, let i = buffer[..<cursor].lastIndex(of: c) {
                moveTo(i)
            }
        case "WhatIsKey":
            guard case .key(let next) = keys.next() else { return }
            let b = options.binding(for: next.chord)
            let name = b?.scriptBlock != nil ? (b?.briefDescription ?? "CustomAction") : (b?.function ?? (next.character != nil ? "SelfInsert" : "Key is unbound"))
            let description = PSReadLineFunctions.all.first { $0.name == name }?.description ?? ""
            render(status: next.chord + ": " + name + (description.isEmpty ? "" : " - " + description))
        case "Abort":
            render()
        default:
            // A PSReadLine function teamsh does not implement (selection, Vi, predictions, …).
            render()
        }
    }
}
