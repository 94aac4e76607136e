import Foundation
import PowerShellRuntime
import PowerShellCmdlets

/// The editing functions (PSReadLine's BasicEditing, Movement, Words, KillYank, UndoRedo and
/// History), each acting on the buffer and drawing the result.
extension LineEditor {
    // MARK: Basic editing

    func insert(_ chars: [Character]) {
        buffer.insert(contentsOf: chars, at: cursor)
        cursor += chars.count
        render()
    }

    func deleteChar() {
        guard cursor < buffer.count else { return }
        pushUndo()
        buffer.remove(at: cursor)
        render()
    }

    func moveTo(_ position: Int) {
        let p = max(0, min(buffer.count, position))
        guard p != cursor else { return }
        cursor = p
        render()
    }

    func lineStart(_ i: Int) -> Int {
        var s = min(i, buffer.count)
        while s > 0 && buffer[s - 1] != "\n" { s -= 1 }
        return s
    }

    func lineEnd(_ i: Int) -> Int {
        var e = i
        while e < buffer.count && buffer[e] != "\n" { e += 1 }
        return e
    }

    /// Enter: runs a whole input; an unfinished one (`if ($x) {`) gets a continuation line.
    func acceptLine() {
        let text = String(buffer)
        if !services.isComplete(text) {
            pushUndo()
            cursor = buffer.count
            insert(["\n"])
            return
        }
        cursor = buffer.count
        render(plain: true)
        // Input that ended exactly at the right edge already left the cursor on a new row.
        if !endsAtEdge { emit("\n") }
        flush()
        accepted = text
    }

    /// Ctrl+C: the input is abandoned, marked `^C` (in red, as PSReadLine's CancelLine writes it).
    func cancelLine() {
        cursor = buffer.count
        render(plain: true)
        emit(services.colorize() ? "\u{1B}[91m^C\u{1B}[0m\n" : "^C\n")
        flush()
        buffer = []
        accepted = ""
    }

    func swapCharacters() {
        guard buffer.count >= 2, cursor > 0 else { return }
        pushUndo()
        let i = cursor == buffer.count ? cursor - 1 : cursor
        buffer.swapAt(i - 1, i)
        cursor = min(buffer.count, i + 1)
        render()
    }

    /// Alt+U, Alt+L, Alt+C: the next word from the cursor in upper, lower or capitalized case.
    func changeCase(_ function: String) {
        let end = forwardWordPoint(options.wordDelimiters)
        guard end > cursor else { return }
        pushUndo()
        var start = cursor
        while start < end && !inWord(start, options.wordDelimiters) { start += 1 }
        let word = String(buffer[start..<end])
        let changed: String
        switch function {
        case "UpcaseWord": changed = word.uppercased()
        case "DowncaseWord": changed = word.lowercased()
        default: changed = word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        buffer.replaceSubrange(start..<end, with: Array(changed))
        cursor = start + changed.count
        render()
    }

    // MARK: Words (PSReadLine's Words.cs: a word is a run of characters that are neither
    // white space nor word delimiters)

    func inWord(_ i: Int, _ delimiters: String) -> Bool {
        let c = buffer[i]
        return !c.isWhitespace && !delimiters.contains(c)
    }

    /// The start of the current or previous word (BackwardWord).
    func backwardWordPoint(_ delimiters: String) -> Int {
        var i = cursor - 1
        if i < 0 { return 0 }
        if !inWord(i, delimiters) {
            while i > 0 && !inWord(i, delimiters) { i -= 1 }
        }
        while i > 0 {
            if !inWord(i, delimiters) { return i + 1 }
            i -= 1
        }
        return 0
    }

    /// The end of the current word, or of the next one between words (ForwardWord).
    func forwardWordPoint(_ delimiters: String) -> Int {
        var i = cursor
        if i >= buffer.count { return buffer.count }
        if !inWord(i, delimiters) {
            while i < buffer.count && !inWord(i, delimiters) { i += 1 }
        }
        while i < buffer.count && inWord(i, delimiters) { i += 1 }
        return i
    }

    /// The start of the next word (NextWord, Windows mode's Ctrl+RightArrow).
    func nextWordPoint(_ delimiters: String) -> Int {
        var i = cursor
        if i >= buffer.count { return buffer.count }
        if inWord(i, delimiters) {
            while i < buffer.count && inWord(i, delimiters) { i += 1 }
        }
        while i < buffer.count && !inWord(i, delimiters) { i += 1 }
        return i
    }

    // MARK: Kill ring (KillYank.cs)

    /// Removes text into the kill ring; consecutive kills add to the same entry (before it for
    /// backward kills). `ring: false` only deletes.
    func kill(_ start: Int, _ length: Int, prepend: Bool, ring: Bool) {
        guard length > 0, start >= 0, start + length <= buffer.count else { return }
        pushUndo()
        let text = String(buffer[start..<(start + length)])
        if ring {
            let continuing = ["KillLine", "BackwardKillInput", "BackwardKillLine", "KillWord", "BackwardKillWord",
                              "UnixWordRubout", "ShellKillWord", "ShellBackwardKillWord"].contains(lastFunction)
            if continuing, !killRing.isEmpty {
                killRing[killIndex] = prepend ? text + killRing[killIndex] : killRing[killIndex] + text
            } else if killRing.count < max(1, options.maximumKillRingCount) {
                killRing.append(text)
                killIndex = killRing.count - 1
            } else {
                killIndex = (killIndex + 1) % killRing.count
                killRing[killIndex] = text
            }
        }
        buffer.removeSubrange(start..<(start + length))
        cursor = start
        render()
    }

    func yank() {
        guard !killRing.isEmpty else { return }
        pushUndo()
        yankStart = cursor
        let text = Array(killRing[killIndex])
        yankLength = text.count
        insert(text)
    }

    /// Alt+Y right after a yank: the yanked text becomes the previous kill ring entry.
    func yankPop() {
        guard lastFunction == "Yank" || lastFunction == "YankPop", killRing.count > 1 else { return }
        pushUndo()
        killIndex = (killIndex - 1 + killRing.count) % killRing.count
        let text = Array(killRing[killIndex])
        buffer.replaceSubrange(yankStart..<min(buffer.count, yankStart + yankLength), with: text)
        yankLength = text.count
        cursor = yankStart + text.count
        render()
    }

    /// Alt+.: the last argument of the previous command line (again: of the one before).
    func yankLastArg() {
        var index = history.count - 1
        if lastFunction == "YankLastArg" {
            index = max(0, historyIndex) - 1
            buffer.removeSubrange(yankStart..<min(buffer.count, yankStart + yankLength))
            cursor = yankStart
        } else {
            historyIndex = history.count
            pushUndo()
        }
        guard index >= 0, index < history.count else { render(); return }
        historyIndex = index
        let words = history[index].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard let last = words.last else { render(); return }
        yankStart = cursor
        yankLength = last.count
        insert(Array(last))
    }

    // MARK: Undo (UndoRedo.cs: each edit is undone on its own)

    func pushUndo() {
        undoStack.append((buffer, cursor))
        if undoStack.count > 1000 { undoStack.removeFirst() }
    }

    func undo() {
        guard let last = undoStack.popLast() else { return }
        buffer = last.buffer
        cursor = min(last.cursor, buffer.count)
        render()
    }

    // MARK: History

    func moveInHistory(to target: Int) {
        guard target >= 0, target <= history.count, target != historyIndex else { return }
        if historyIndex == history.count { savedLine = buffer }
        historyIndex = target
        buffer = target == history.count ? savedLine : Array(history[target])
        cursor = buffer.count
        undoStack = []
        render()
    }

    /// Ctrl+R / Ctrl+S: `bck-i-search: ` (`fwd-i-search: `) under the input. Each character
    /// narrows the search; the key again finds the next match; Enter runs the match; another
    /// editing key ends the search with the match in the buffer.
    func incrementalSearch(backward: Bool) {
        var query = ""
        var index = backward ? history.count : -1
        var failed = false
        var direction = backward
        func show() {
            let name = direction ? "bck-i-search: " : "fwd-i-search: "
            render(status: (failed ? "failed-" : "") + name + query + "_")
        }
        func search(from start: Int) {
            guard !query.isEmpty else { return }
            var i = direction ? start - 1 : start + 1
            let caseOption: String.CompareOptions = options.historySearchCaseSensitive ? [] : .caseInsensitive
            while i >= 0 && i < history.count {
                if let r = history[i].range(of: query, options: caseOption) {
                    index = i
                    buffer = Array(history[i])
                    cursor = history[i].distance(from: history[i].startIndex, to: r.lowerBound)
                    failed = false
                    return
                }
                i += direction ? -1 : 1
            }
            failed = true
        }
        show()
        while true {
            guard case .key(let key) = keys.next() else { render(); return }
            let function = options.binding(for: key.chord)?.function
            if let c = key.character {
                query.append(c)
                search(from: direction ? min(index + 1, history.count) : max(index - 1, -1))
                show()
            } else if key.chord == "Backspace" {
                if !query.isEmpty { query.removeLast() }
                failed = false
                if query.isEmpty { index = direction ? history.count : -1 } else { search(from: direction ? history.count : -1) }
                show()
            } else if function == "ReverseSearchHistory" || function == "ForwardSearchHistory" {
                direction = function == "ReverseSearchHistory"
                search(from: index)
                show()
            } else if key.chord == "Enter" {
                historyIndex = index
                acceptLine()
                return
            } else if key.chord == "Ctrl+g" || key.chord == "Escape" || key.chord == "Ctrl+c" {
                render()
                return
            } else {
                historyIndex = max(0, min(index, history.count))
                render()
                dispatch(key)
                return
            }
        }
    }

    // MARK: Completion (Tab)

    /// PSReadLine's `Complete`: one match replaces the word; several insert their common
    /// prefix; a second Tab in a row lists them in columns under the input.
    func complete(second: Bool) {
        let text = String(buffer)
        let cursorUTF16 = String(buffer[..<cursor]).utf16.count
        let result = services.complete(text, cursorUTF16)
        guard !result.matches.isEmpty else { return }
        if second && result.matches.count > 1 {
            listChoices(result.matches.map(\.listText))
            return
        }
        let replacement: String
        if result.matches.count == 1 {
            replacement = result.matches[0].text
        } else {
            replacement = LineEditor.commonPrefix(result.matches.map(\.text))
            let current = utf16Slice(text, result.index, result.length)
            if replacement.utf16.count <= current.utf16.count { return }
        }
        pushUndo()
        replace(utf16Start: result.index, length: result.length, with: replacement)
    }

    func utf16Slice(_ s: String, _ start: Int, _ length: Int) -> String {
        let u = Array(s.utf16)
        guard start >= 0, start + length <= u.count else { return "" }
        return String(decoding: u[start..<(start + length)], as: UTF16.self)
    }

    func replace(utf16Start: Int, length: Int, with replacement: String) {
        var offset = 0
        var startIndex = buffer.count
        var endIndex = buffer.count
        for (i, ch) in buffer.enumerated() {
            if offset == utf16Start { startIndex = i }
            if offset == utf16Start + length { endIndex = i; break }
            offset += ch.utf16.count
        }
        if startIndex > endIndex { endIndex = startIndex }
        let chars = Array(replacement)
        buffer.replaceSubrange(startIndex..<endIndex, with: chars)
        cursor = startIndex + chars.count
        render()
    }

    /// The longest prefix all texts share (case-insensitively, spelled as the first one).
    static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first.map(Array.init) else { return "" }
        for t in texts.dropFirst() {
            let other = Array(t)
            var n = 0
            while n < prefix.count && n < other.count && String(prefix[n]).lowercased() == String(other[n]).lowercased() { n += 1 }
            prefix = Array(prefix[..<n])
        }
        return String(prefix)
    }

    // MARK: [Microsoft.PowerShell.PSConsoleReadLine] for key handler script blocks

    func invoke(_ name: String, _ args: [Value]) throws -> Value? {
        func int(_ i: Int) -> Int { i < args.count ? Int((try? Conversion.toInt64(args[i])) ?? 0) : 0 }
        func text(_ i: Int) -> String { i < args.count ? Conversion.toString(args[i]) : "" }
        switch name {
        case "insert":
            pushUndo()
            buffer.insert(contentsOf: Array(text(0)), at: cursor)
            cursor += text(0).count
        case "delete":
            let start = max(0, min(int(0), buffer.count)), end = max(start, min(start + int(1), buffer.count))
            pushUndo()
            buffer.removeSubrange(start..<end)
            cursor = min(cursor, buffer.count)
        case "replace":
            let start = max(0, min(int(0), buffer.count)), end = max(start, min(start + int(1), buffer.count))
            pushUndo()
            buffer.replaceSubrange(start..<end, with: Array(text(2)))
            cursor = start + text(2).count
        case "getbufferstate":
            if args.count >= 2, case .object(let l) = args[0], let line = l as? PSReference, case .object(let c) = args[1],
               let position = c as? PSReference {
                line.value = .string(String(buffer))
                position.value = .int(Int32(clamping: cursor))
            }
        case "setcursorposition":
            cursor = max(0, min(int(0), buffer.count))
        default:
            guard let f = PSReadLineFunctions.all.first(where: { $0.name.lowercased() == name }) else { return nil }
            perform(f.name, key: .named(""), secondTab: false)
        }
        return .null
    }
}
