import Foundation

/// A line editor in the manner of PSReadLine 2.4.5 with its Linux defaults (Emacs mode):
/// insert and delete, cursor motion, Ctrl+A/E/K/U/W, history with Up/Down and Ctrl+R
/// (`bck-i-search: `), `>> ` continuation lines while the input is unfinished, and Tab
/// completion: the common prefix first, the choices in columns on a second Tab.
final class LineEditor {
    /// What the editor needs from the shell.
    struct Services {
        /// Whether the text is a whole input (false: Enter adds a continuation line).
        var isComplete: (String) -> Bool
        /// Completions for the text at a UTF-16 cursor offset: the replacement range and the
        /// matches (completion text, list text).
        var complete: (String, Int) -> (index: Int, length: Int, matches: [(text: String, listText: String)])
    }

    enum Outcome {
        case line(String)
        /// Ctrl+D on an empty line.
        case endOfInput
    }

    static let continuationPrompt = ">> "

    private let services: Services
    private(set) var history: [String] = []

    // Editing state of the line being read.
    private var buffer: [Character] = []
    private var cursor = 0
    private var prompt = ""
    /// Which row of the rendered input the terminal cursor is on (0: the prompt's row).
    private var cursorRow = 0
    private var historyIndex = 0
    /// The text typed before moving into history, restored when moving past the newest entry.
    private var savedLine: [Character] = []
    /// Whether the previous key was Tab (a second Tab lists the choices).
    private var lastWasTab = false
    private var out = ""

    init(services: Services) {
        self.services = services
    }

    /// Reads one input. The terminal must be in raw mode.
    func readInput(prompt: String) -> Outcome {
        self.prompt = prompt
        buffer = []
        cursor = 0
        cursorRow = 0
        historyIndex = history.count
        savedLine = []
        lastWasTab = false
        render()
        var keys = KeyReader()
        while let key = keys.next() {
            let wasTab = lastWasTab
            lastWasTab = false
            switch key {
            case .char(let c):
                insert([c])
            case .enter:
                let text = String(buffer)
                if !services.isComplete(text) {
                    cursor = buffer.count
                    insert(["\n"])
                    continue
                }
                cursor = buffer.count
                render()
                emit("\n")
                flush()
                addHistory(text)
                return .line(text)
            case .ctrl("c"):
                cursor = buffer.count
                render()
                emit("\n")
                buffer = []
                cursor = 0
                cursorRow = 0
                historyIndex = history.count
                render()
            case .ctrl("d"):
                if buffer.isEmpty {
                    emit("\n")
                    flush()
                    return .endOfInput
                }
                deleteForward()
            case .backspace:
                if cursor > 0 {
                    buffer.remove(at: cursor - 1)
                    cursor -= 1
                    render()
                }
            case .delete:
                deleteForward()
            case .left, .ctrl("b"):
                if cursor > 0 { cursor -= 1; render() }
            case .right, .ctrl("f"):
                if cursor < buffer.count { cursor += 1; render() }
            case .home, .ctrl("a"):
                cursor = lineStart(cursor)
                render()
            case .end, .ctrl("e"):
                cursor = lineEnd(cursor)
                render()
            case .ctrl("k"):
                buffer.removeSubrange(cursor..<lineEnd(cursor))
                render()
            case .ctrl("u"):
                let start = lineStart(cursor)
                buffer.removeSubrange(start..<cursor)
                cursor = start
                render()
            case .ctrl("w"):
                var start = cursor
                while start > 0 && buffer[start - 1].isWhitespace { start -= 1 }
                while start > 0 && !buffer[start - 1].isWhitespace { start -= 1 }
                buffer.removeSubrange(start..<cursor)
                cursor = start
                render()
            case .ctrl("l"):
                emit("\u{1B}[H\u{1B}[2J")
                cursorRow = 0
                render()
            case .up, .ctrl("p"):
                moveInHistory(by: -1)
            case .down, .ctrl("n"):
                moveInHistory(by: 1)
            case .ctrl("r"):
                if case .accept(let text) = reverseSearch(&keys) {
                    addHistory(text)
                    return .line(text)
                }
            case .tab:
                complete(second: wasTab)
                lastWasTab = true
            default:
                break
            }
        }
        return .endOfInput
    }

    // MARK: - Editing

    private func insert(_ chars: [Character]) {
        buffer.insert(contentsOf: chars, at: cursor)
        cursor += chars.count
        render()
    }

    private func deleteForward() {
        guard cursor < buffer.count else { return }
        buffer.remove(at: cursor)
        render()
    }

    private func lineStart(_ i: Int) -> Int {
        var s = i
        while s > 0 && buffer[s - 1] != "\n" { s -= 1 }
        return s
    }

    private func lineEnd(_ i: Int) -> Int {
        var e = i
        while e < buffer.count && buffer[e] != "\n" { e += 1 }
        return e
    }

    private func addHistory(_ text: String) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        if history.last != text { history.append(text) }
    }

    private func moveInHistory(by delta: Int) {
        let target = historyIndex + delta
        guard target >= 0, target <= history.count, target != historyIndex else { return }
        if historyIndex == history.count { savedLine = buffer }
        historyIndex = target
        buffer = target == history.count ? savedLine : Array(history[target])
        cursor = buffer.count
        render()
    }

    // MARK: - Reverse search (Ctrl+R)

    private enum SearchOutcome {
        case accept(String)
        case keepEditing
    }

    /// `bck-i-search: ` under the input: each typed character narrows the search to older
    /// entries holding the text; Ctrl+R finds the next older one; Enter runs the match; other
    /// editing keys end the search and keep the match in the buffer.
    private func reverseSearch(_ keys: inout KeyReader) -> SearchOutcome {
        var query = ""
        var index = history.count
        var failed = false
        func show() {
            render(status: (failed ? "failed-bck-i-search: " : "bck-i-search: ") + query + "_")
        }
        func search(from start: Int) {
            guard !query.isEmpty else { return }
            var i = start - 1
            while i >= 0 {
                if let r = history[i].range(of: query, options: .caseInsensitive) {
                    index = i
                    buffer = Array(history[i])
                    cursor = history[i].distance(from: history[i].startIndex, to: r.lowerBound)
                    failed = false
                    return
                }
                i -= 1
            }
            failed = true
        }
        show()
        while let key = keys.next() {
            switch key {
            case .char(let c):
                query.append(c)
                search(from: min(index + 1, history.count))
                show()
            case .backspace:
                if !query.isEmpty { query.removeLast() }
                failed = false
                if query.isEmpty { index = history.count } else { search(from: history.count) }
                show()
            case .ctrl("r"):
                search(from: index)
                show()
            case .enter:
                cursor = buffer.count
                render()
                emit("\n")
                flush()
                return .accept(String(buffer))
            case .ctrl("c"), .ctrl("g"), .escape:
                render()
                return .keepEditing
            default:
                historyIndex = index
                render()
                return .keepEditing
            }
        }
        return .keepEditing
    }

    // MARK: - Completion (Tab)

    /// PSReadLine's `Complete`: one match replaces the word; several insert their common
    /// prefix; a second Tab in a row lists them in columns under the input.
    private func complete(second: Bool) {
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
        replace(utf16Start: result.index, length: result.length, with: replacement)
    }

    private func utf16Slice(_ s: String, _ start: Int, _ length: Int) -> String {
        let u = Array(s.utf16)
        guard start >= 0, start + length <= u.count else { return "" }
        return String(decoding: u[start..<(start + length)], as: UTF16.self)
    }

    private func replace(utf16Start: Int, length: Int, with replacement: String) {
        // Character offsets of the UTF-16 range.
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

    /// The choices in columns, filled down then across, as wide as the longest plus two,
    /// then the prompt and input again below them.
    private func listChoices(_ items: [String]) {
        let width = TerminalMode.width()
        let columnWidth = (items.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / columnWidth)
        let rows = (items.count + columns - 1) / columns
        let saved = cursor
        cursor = buffer.count
        render()
        emit("\n")
        for row in 0..<rows {
            var line = ""
            for col in 0..<columns {
                let i = row + rows * col
                guard i < items.count else { break }
                let item = items[i]
                line += item + String(repeating: " ", count: max(0, columnWidth - item.count))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            emit(line + "\n")
        }
        cursor = saved
        cursorRow = 0
        render()
    }

    // MARK: - Rendering

    private func emit(_ s: String) { out += s }

    private func flush() {
        guard !out.isEmpty else { return }
        let data = Array(out.utf8)
        out = ""
        var written = 0
        while written < data.count {
            let n = data[written...].withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
    }

    /// Redraws the prompt and input (and a status line under them, for searches), leaving
    /// the terminal cursor at the editing position.
    private func render(status: String? = nil) {
        let width = max(1, TerminalMode.width())
        // Back to the start of the prompt's row, and clear everything below.
        emit("\r")
        if cursorRow > 0 { emit("\u{1B}[\(cursorRow)A") }
        emit("\u{1B}[J")
        var text = prompt
        var cursorPos: (row: Int, col: Int) = (0, 0)
        var row = 0
        var col = 0
        func advance(_ s: String) {
            for ch in s {
                if col == width { row += 1; col = 0 }
                col += 1
                text.append(ch)
            }
        }
        text = ""
        advance(prompt)
        for (i, ch) in buffer.enumerated() {
            if i == cursor { cursorPos = col == width ? (row + 1, 0) : (row, col) }
            if ch == "\n" {
                text += "\n"
                row += 1
                col = 0
                advance(LineEditor.continuationPrompt)
            } else {
                advance(String(ch))
            }
        }
        if cursor >= buffer.count { cursorPos = col == width ? (row + 1, 0) : (row, col) }
        emit(text)
        if col == width {
            // The terminal waits to wrap; make the wrap happen so positions stay exact.
            emit("\n")
            row += 1
            col = 0
        }
        if let status {
            emit("\n" + status)
            row += 1 + (status.count - 1) / width
            col = status.count % width
            if col == 0 && !status.isEmpty { col = width }
            if col == width { emit("\n"); row += 1; col = 0 }
        }
        if row > cursorPos.row { emit("\u{1B}[\(row - cursorPos.row)A") }
        emit("\r")
        if cursorPos.col > 0 { emit("\u{1B}[\(cursorPos.col)C") }
        cursorRow = cursorPos.row
        flush()
    }
}

/// Keys decoded from the terminal's bytes (UTF-8 text, control keys, VT escape sequences).
struct KeyReader {
    enum Key: Equatable {
        case char(Character)
        case ctrl(Character)
        case enter, tab, backspace, delete, escape
        case up, down, left, right, home, end
        case unknown
    }

    private var pending: [UInt8] = []

    private mutating func byte() -> UInt8? {
        if !pending.isEmpty { return pending.removeFirst() }
        var b: UInt8 = 0
        while true {
            let n = read(0, &b, 1)
            if n == 1 { return b }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Whether another byte is ready within a short time (to tell Escape from a sequence).
    private func ready() -> Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 30) > 0
    }

    mutating func next() -> Key? {
        guard let b = byte() else { return nil }
        switch b {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B: return escapeSequence()
        case 0x01...0x1A: return .ctrl(Character(UnicodeScalar(b + 0x60)))
        case 0x00...0x1F: return .unknown
        default: break
        }
        // UTF-8: the lead byte says how many continuation bytes follow.
        var bytes = [b]
        let extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
        for _ in 0..<extra {
            guard let c = byte() else { break }
            bytes.append(c)
        }
        guard let s = String(bytes: bytes, encoding: .utf8), let ch = s.first else { return .unknown }
        return .char(ch)
    }

    private mutating func escapeSequence() -> Key {
        guard ready(), let b = byte() else { return .escape }
        guard b == 0x5B || b == 0x4F else { return .unknown } // ESC [ or ESC O
        var params = ""
        while let c = byte() {
            if (0x30...0x3F).contains(c) {
                params.append(Character(UnicodeScalar(c)))
                continue
            }
            switch c {
            case 0x41: return .up
            case 0x42: return .down
            case 0x43: return .right
            case 0x44: return .left
            case 0x48: return .home
            case 0x46: return .end
            case 0x7E:
                switch params {
                case "1", "7": return .home
                case "4", "8": return .end
                case "3": return .delete
                default: return .unknown
                }
            default: return .unknown
            }
        }
        return .unknown
    }
}
