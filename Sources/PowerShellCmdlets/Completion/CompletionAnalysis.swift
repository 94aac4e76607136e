import PowerShellRuntime

/// Where the cursor is in the input, as completion needs it (pwsh's `CompletionAnalysis`):
/// the word being completed, and the elements of the command it belongs to.
///
/// NOTE: pwsh parses the whole input and walks the AST around the cursor; this reads only the
/// text before the cursor with a small scanner that knows quotes, escapes, comments and the
/// characters that end a command (`|`, `;`, `{`, `(`, `=`, …). That covers what a person types
/// at a prompt; completion inside unusual constructs may differ.
struct CompletionAnalysis {
    /// One element of the current command: a bareword, quoted string, parameter or expression.
    struct Element {
        let start: Int
        let end: Int
        let text: String
    }

    /// The input as UTF-16 units (offsets are UTF-16, as pwsh's `cursorColumn`).
    let units: [UInt16]
    let cursor: Int
    /// The elements of the command the cursor is in, before the word being completed.
    let elements: [Element]
    /// The word at the cursor (empty when the cursor follows whitespace or a separator).
    let word: String
    /// Where the word starts.
    let wordStart: Int

    init(input: String, cursor requested: Int) {
        units = Array(input.utf16)
        cursor = max(0, min(requested, units.count))
        var found: [Element] = []
        var i = 0
        let u = units
        let end = cursor
        func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 }
        func endsCommand(_ c: UInt16) -> Bool {
            switch c {
            case 0x7C, 0x3B, 0x7B, 0x7D, 0x28, 0x29, 0x0A, 0x0D: return true // | ; { } ( ) newline
            default: return false
            }
        }
        while i < end {
            let c = u[i]
            if isSpace(c) { i += 1; continue }
            if endsCommand(c) { found = []; i += 1; continue }
            if c == 0x23 { // '#': a comment to the end of the line
                while i < end && u[i] != 0x0A { i += 1 }
                continue
            }
            let start = i
            while i < end {
                let ch = u[i]
                if ch == 0x27 { // '…' ('' doubles a quote)
                    i += 1
                    while i < end {
                        if u[i] == 0x27 {
                            if i + 1 < end && u[i + 1] == 0x27 { i += 2; continue }
                            break
                        }
                        i += 1
                    }
                    if i < end { i += 1 }
                } else if ch == 0x22 { // "…" (` escapes)
                    i += 1
                    while i < end && u[i] != 0x22 { i += u[i] == 0x60 ? 2 : 1 }
                    if i < end { i += 1 }
                } else if ch == 0x60 { // `x
                    i += 2
                } else if ch == 0x24 && i + 1 < end && u[i + 1] == 0x7B { // ${name with any characters}
                    i += 2
                    while i < end && u[i] != 0x7D { i += 1 }
                    if i < end { i += 1 }
                } else if ch == 0x5B && i == start { // [type
                    while i < end && u[i] != 0x5D { i += 1 }
                    if i < end { i += 1 }
                } else if ch == 0x28 && i > start && (u[i - 1] == 0x29 || u[i - 1] == 0x5D) {
                    // `$x.Method(` or `[t]::M(`: an argument list starts a new command-like context.
                    break
                } else if isSpace(ch) || endsCommand(ch) {
                    break
                } else {
                    i += 1
                }
            }
            i = min(i, end)
            if i == start { i += 1; continue }
            let text = String(decoding: u[start..<i], as: UTF16.self)
            // Assignments and the call/dot-source operators start a new command.
            if ["=", "+=", "-=", "*=", "/=", "%=", "??=", "&", "&&", "||", "!"].contains(text) || (text == "." && i < end) {
                found = []
                continue
            }
            found.append(Element(start: start, end: i, text: text))
        }
        if let last = found.last, last.end == cursor, cursor > 0, !isSpace(u[cursor - 1]) {
            found.removeLast()
            word = last.text
            wordStart = last.start
        } else {
            word = ""
            wordStart = cursor
        }
        elements = found
    }

    static func unquote(_ s: String) -> (text: String, quote: String) {
        guard let first = s.first, first == "'" || first == "\"" else { return (s, "") }
        var body = s.dropFirst()
        if body.last == first { body = body.dropLast() }
        return (String(body), String(first))
    }

    /// The names of the functions an input defines (`function Name`, `filter Name`), in order.
    static func definedFunctions(_ u: [UInt16]) -> [String] {
        var names: [String] = []
        let text = String(decoding: u, as: UTF16.self)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == ";" || $0 == "\r" || $0 == "{" })
        for (i, w) in words.enumerated() where i + 1 < words.count {
            let k = w.lowercased()
            if k == "function" || k == "filter" {
                let name = words[i + 1].prefix { $0 != "(" }
                if !name.isEmpty { names.append(String(name)) }
            }
        }
        return names
    }
}
