import Foundation
import PowerShellSyntax
import PowerShellCmdlets

/// Drawing the input: after the prompt (which the shell wrote once, as PowerShell's host does
/// before PSReadLine takes over), wrapped at the terminal's current width, continuation lines
/// after `>> `, tokens in PSReadLine's colours, and a status line (searches) under it.
extension LineEditor {
    func emit(_ s: String) { out += s }

    func flush() {
        guard !out.isEmpty else { return }
        let data = Array(out.utf8)
        out = ""
        var written = 0
        while written < data.count {
            let n = data[written...].withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            written += n
        }
    }

    /// Redraws the input (and a status line under it), leaving the terminal cursor at the
    /// editing position. `plain`: without token colours (the final drawing of an accepted
    /// line keeps them too, as PSReadLine's does, unless colours are off).
    func render(status: String? = nil, plain: Bool = false) {
        let width = max(1, TerminalMode.width())
        let start = startColumn % width
        emit("\r")
        if cursorRow > 0 { emit("\u{1B}[\(cursorRow)A") }
        if start > 0 { emit("\u{1B}[\(start)C") }
        emit("\u{1B}[J")
        let colorize = services.colorize()
        let colors = colorize ? SyntaxColoring.colors(for: buffer, options: options) : []
        var current: String?
        var row = 0
        var col = start
        var cursorPos = (row: 0, col: start)
        func place(_ width: Int) -> (Int, Int) { col >= width ? (row + 1, 0) : (row, col) }
        for (i, ch) in buffer.enumerated() {
            if i == cursor { cursorPos = place(width) }
            if ch == "\n" {
                if current != nil { emit("\u{1B}[0m"); current = nil }
                emit("\n")
                row += 1
                col = 0
                let prompt = options.continuationPrompt
                if colorize, let c = options.colors["ContinuationPrompt"] { emit(c + prompt + "\u{1B}[0m") } else { emit(prompt) }
                col = LineEditor.displayWidth(prompt)
                while col > width { row += 1; col -= width }
                continue
            }
            let w = LineEditor.charWidth(ch)
            if col + w > width {
                row += 1
                col = 0
            }
            if colorize, i < colors.count, colors[i] != current {
                emit(colors[i] ?? "\u{1B}[0m")
                current = colors[i]
            }
            emit(String(ch))
            col += w
        }
        if current != nil { emit("\u{1B}[0m") }
        if cursor >= buffer.count { cursorPos = place(width) }
        endsAtEdge = false
        if col >= width && !buffer.isEmpty {
            // The terminal waits to wrap; make it wrap so positions stay exact.
            emit("\n")
            row += 1
            col = 0
            endsAtEdge = true
        }
        if let status {
            emit("\n" + status)
            row += 1 + max(0, LineEditor.displayWidth(status) - 1) / width
            col = LineEditor.displayWidth(status) % width
            if col == 0 && !status.isEmpty { emit("\n"); row += 1 }
        }
        if row > cursorPos.row { emit("\u{1B}[\(row - cursorPos.row)A") }
        emit("\r")
        if cursorPos.col > 0 { emit("\u{1B}[\(cursorPos.col)C") }
        cursorRow = cursorPos.row
        flush()
    }

    /// The choices in columns, filled down then across, as wide as the longest plus two,
    /// then the prompt and input again below them.
    func listChoices(_ items: [String]) {
        let width = TerminalMode.width()
        let columnWidth = (items.map { LineEditor.displayWidth($0) }.max() ?? 0) + 2
        let columns = max(1, width / columnWidth)
        let rows = (items.count + columns - 1) / columns
        let saved = cursor
        cursor = buffer.count
        render(plain: true)
        if !endsAtEdge { emit("\n") }
        for row in 0..<rows {
            var line = ""
            for col in 0..<columns {
                let i = row + rows * col
                guard i < items.count else { break }
                let item = items[i]
                line += item + String(repeating: " ", count: max(0, columnWidth - LineEditor.displayWidth(item)))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            emit(line + "\n")
        }
        let prompt = services.prompt()
        emit(prompt)
        startColumn = LineEditor.displayWidth(prompt.components(separatedBy: "\n").last ?? "")
        cursor = saved
        cursorRow = 0
        render()
    }

    /// Columns a character takes (East Asian wide characters two, combining marks none).
    static func charWidth(_ c: Character) -> Int {
        guard let s = c.unicodeScalars.first else { return 1 }
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        case 0x0300...0x036F, 0x200B...0x200F:
            return 0
        default:
            return 1
        }
    }

    /// Columns a text takes on the terminal, escape sequences not counted.
    static func displayWidth(_ s: String) -> Int {
        var width = 0
        var inEscape = false
        for c in s {
            if inEscape {
                if let a = c.asciiValue, (0x40...0x7E).contains(a), c != "[" { inEscape = false }
                continue
            }
            if c == "\u{1B}" { inEscape = true; continue }
            width += charWidth(c)
        }
        return width
    }
}

/// PSReadLine's token colours for the input: commands, parameters, strings, variables,
/// numbers, operators, keywords, comments, types and members, from the tokens of the text.
enum SyntaxColoring {
    /// The colour sequence of each character of `buffer` (nil: the default colour).
    static func colors(for buffer: [Character], options: PSReadLineState) -> [String?] {
        let text = String(buffer)
        let source = SourceText(text: text)
        let lexer = Lexer(source: source)
        var perUnit = [String?](repeating: nil, count: source.units.count)
        var pos = 0
        var mode = LexMode.command
        var expectCommand = true
        var afterDot = false
        var inType = false
        while pos < source.units.count {
            let t = lexer.scan(at: pos, mode: mode)
            if t.kind == .EndOfInput || t.end <= pos { break }
            var color: String?
            switch t.kind {
            case .Comment: color = options.colors["Comment"]
            case .StringLiteral, .StringExpandable, .HereStringLiteral, .HereStringExpandable: color = options.colors["String"]
            case .Variable, .SplattedVariable: color = options.colors["Variable"]
            case .Number: color = options.colors[afterDot ? "Member" : "Number"]
            case .Parameter: color = options.colors["Parameter"]
            case .Generic, .Identifier:
                if inType { color = options.colors["Type"] }
                else if afterDot { color = options.colors["Member"] }
                else if expectCommand { color = options.colors["Command"] }
            default:
                if t.kind.isKeyword { color = options.colors["Keyword"] }
                else if t.kind.binaryPrecedence > 0 || t.kind.isAssignmentOperator
                            || [.Pipe, .Redirection, .AndAnd, .OrOr, .Not, .Exclaim, .Comma, .Ampersand].contains(t.kind) {
                    color = options.colors["Operator"]
                }
            }
            for i in t.start..<min(t.end, perUnit.count) { perUnit[i] = color }
            // What comes next: a command after a statement separator, an expression after an
            // operator or the start of a value, arguments after a command name.
            switch t.kind {
            case .NewLine, .Semi, .Pipe, .LCurly, .AndAnd, .OrOr, .LParen, .DollarParen, .AtParen, .Ampersand:
                mode = .command
                expectCommand = true
            case .Equals, .PlusEquals, .MinusEquals, .MultiplyEquals, .DivideEquals, .RemainderEquals, .QuestionQuestionEquals:
                mode = .command
                expectCommand = true
            case .Generic, .Identifier:
                if expectCommand && !inType && !afterDot {
                    mode = .argument
                }
                expectCommand = false
            case .Parameter:
                expectCommand = false
            default:
                if t.kind.isKeyword {
                    expectCommand = !(t.kind == .Function || t.kind == .Filter || t.kind == .Foreach)
                    mode = .command
                } else if t.kind != .Comment {
                    if expectCommand { mode = .expression }
                    expectCommand = false
                }
            }
            afterDot = t.kind == .Dot || t.kind == .ColonColon
            if t.kind == .LBracket && mode != .argument { inType = true } else if t.kind == .RBracket || t.kind == .Comma { inType = false }
            pos = max(t.end, pos + 1)
            while pos < source.units.count, source.units[pos] == 0x20 || source.units[pos] == 0x09 { pos += 1 }
        }
        // UTF-16 units to characters.
        var result: [String?] = []
        result.reserveCapacity(buffer.count)
        var unit = 0
        for ch in buffer {
            result.append(unit < perUnit.count ? perUnit[unit] : nil)
            unit += ch.utf16.count
        }
        return result
    }
}
