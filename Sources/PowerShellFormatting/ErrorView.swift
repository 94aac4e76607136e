import PowerShellRuntime
import PowerShellSyntax

/// How pwsh shows errors on stderr: the ConciseView (`$ErrorView` default), following the
/// ErrorRecord view script of PowerShellCore.format.ps1xml.
///
/// ```
/// Get-Item: /tmp/case/x.ps1:3          ← reason: source file:line
/// Line |
///    3 |  Get-Item ./nope              ← the source line (cut with … past 69 columns)
///      |  ~~~~~~~~~~~~~~~              ← the error's extent
///      | Cannot find path …            ← the message, wrapped at the width
/// ```
/// Errors without a script position (`-Command` text, the REPL) print as `Reason: message`.
public enum ErrorView {
    /// The ConciseView lines of an error record. The reason before the colon is, in order:
    /// `Exception` for `throw` (`fromThrowStatement`), the invoked command's name
    /// (`invocationInfo.commandName`), the category's activity, the category name (unless
    /// NotSpecified), the exception's short type name.
    public static func concise(_ r: ErrorRecord, width: Int = 80, source: FormatValueSource = .basic) -> [String] {
        if r.fullyQualifiedErrorId == "NativeCommandErrorMessage" || r.fullyQualifiedErrorId == "NativeCommandError" {
            return TextLines.split(r.exception.message)
        }
        let inv = r.invocationInfo
        let scriptName = inv?.extent?.file ?? ""
        let lineNumber = inv?.extent?.startLine ?? 0
        let isParseError = r.isParseError || r.category == .ParserError

        // Pester's Should puts the failing line in the target object.
        var targetPosition: (file: String, line: Int, text: String, start: Int?, end: Int?)?
        if let h = r.targetObject.hashtable, let line = h.get("Line"), let lineText = h.get("LineText") {
            let start = h.get("StartColumn").flatMap { intValue($0) }
            let end = h.get("EndColumn").flatMap { intValue($0) }
            targetPosition = (h.get("File").map { source.toString($0) } ?? "", intValue(line) ?? 0, source.toString(lineText), start, end)
        }
        let isMultiLineOrExternal = !scriptName.isEmpty || lineNumber > 1
        let showDetail = (isParseError || isMultiLineOrExternal) && !scriptName.lowercased().hasSuffix(".psm1")

        var block = Block()
        if let t = targetPosition {
            block = lineBlock(header: t.file, lineNumber: t.line, position: targetHighlight(t.text, t.start, t.end))
        } else if showDetail, let extent = inv?.extent {
            let header = scriptName.isEmpty ? "" : "\(scriptName):\(lineNumber)"
            block = lineBlock(header: header, lineNumber: lineNumber, position: positionLines(extent))
        }
        let wrap = !scriptName.isEmpty || isParseError
        let reason = reasonText(r)
        return assemble(reason: reason, block: block, message: r.message, wrap: wrap, width: width)
    }

    /// A parse error as pwsh reports a script that does not parse: pwsh shows the first error
    /// of the file (`ParserError: file:line` + the line block).
    public static func parseErrors(_ errors: [ParseError], width: Int = 80) -> [String] {
        guard let e = errors.first else { return [] }
        return parseError(e, width: width)
    }

    /// One parse error in the ConciseView.
    public static func parseError(_ e: ParseError, width: Int = 80) -> [String] {
        let x = e.extent
        let header = x.file.map { "\($0):\(x.startLine)" } ?? ""
        let block = lineBlock(header: header, lineNumber: x.startLine, position: positionLines(x))
        return assemble(reason: "ParserError", block: block, message: e.message, wrap: true, width: width)
    }

    /// The prefixes pwsh puts before warning, verbose and debug messages.
    public enum StreamPrefix: String {
        case warning = "WARNING: "
        case verbose = "VERBOSE: "
        case debug = "DEBUG: "
    }

    // MARK: Parts

    /// The `Line |` block: header line text and the lines under it, plus the prefix for the
    /// message lines.
    private struct Block {
        var lines: [String] = []
        var header: String?
        var prefix = ""
    }

    private static func lineBlock(header: String, lineNumber: Int, position: (line: String, highlight: String)) -> Block {
        let digits = String(lineNumber).count
        let headerWhitespace = digits > 4 ? DisplayCells.spaces(digits - 4) : ""
        let lineWhitespace = digits < 4 ? DisplayCells.spaces(4 - digits) : ""
        var b = Block()
        b.header = header
        b.lines.append("\(headerWhitespace)Line |")
        b.lines.append("\(lineWhitespace)\(lineNumber) | \(position.line)")
        b.prefix = "\(headerWhitespace)     | "
        if !position.highlight.isEmpty { b.lines.append(b.prefix + position.highlight) }
        return b
    }

    private static func assemble(reason: String, block: Block, message: String, wrap: Bool, width: Int) -> [String] {
        var out: [String] = []
        var msg = block.prefix + message
        if wrap {
            msg = msg.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
            let messageLines = wrapMessage(msg, prefix: block.prefix, width: width)
            if let h = block.header {
                out.append("\(reason): \(h)")
                out += block.lines
                out += messageLines
            } else {
                var first = messageLines
                if !first.isEmpty { first[0] = "\(reason): " + first[0] }
                out += first
            }
            return out
        }
        if let h = block.header {
            out.append("\(reason): \(h)")
            out += block.lines
            out += TextLines.split(msg)
        } else {
            var lines = TextLines.split(msg)
            if !lines.isEmpty { lines[0] = "\(reason): " + lines[0] }
            out += lines
        }
        return out
    }

    /// The view's wrapping: cut at the last whitespace before the width, continue with the prefix.
    static func wrapMessage(_ message: String, prefix: String, width: Int) -> [String] {
        let units = Array(message.utf16)
        let prefixLength = prefix.utf16.count
        guard width > 0, units.count > width else { return [message] }
        var lines: [String] = []
        let first = truncatedAtWhitespace(units[...], length: width)
        lines.append(DisplayCells.string(first))
        var remaining = trim(units[first.count...])
        while remaining.count + prefixLength > width {
            let sub = Array(prefix.utf16) + remaining
            let cut = truncatedAtWhitespace(sub[...], length: width)
            if cut.count - prefixLength > 0 {
                lines.append(DisplayCells.string(cut))
                remaining = trim(remaining[(cut.count - prefixLength)...])
            } else {
                break
            }
        }
        lines.append(prefix + DisplayCells.string(trim(remaining[...])[...]))
        return lines
    }

    /// `($s.Substring(0, $length) -split '\s', -2)[0]`: the text before the last whitespace of
    /// the first `length` units (all of them when there is none).
    private static func truncatedAtWhitespace(_ s: ArraySlice<UInt16>, length: Int) -> ArraySlice<UInt16> {
        if s.count <= length { return s }
        let head = s.prefix(length)
        if let ws = head.lastIndex(where: { isWhitespace($0) }) { return head[head.startIndex..<ws] }
        return head
    }

    private static func isWhitespace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x0B || u == 0x0C || u == 0xA0 || u == 0x85
            || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F || u == 0x3000
    }

    private static func trim(_ s: ArraySlice<UInt16>) -> [UInt16] {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi && isWhitespace(s[lo]) { lo += 1 }
        while hi > lo && isWhitespace(s[hi - 1]) { hi -= 1 }
        return Array(s[lo..<hi])
    }

    private static func reasonText(_ r: ErrorRecord) -> String {
        if r.fromThrowStatement { return "Exception" }
        if let name = r.invocationInfo?.commandName, !name.isEmpty { return name }
        let info = r.categoryInfo
        if !info.activity.isEmpty { return info.activity }
        if r.category != .NotSpecified { return r.category.name }
        if !info.reason.isEmpty { return info.reason }
        return "Error"
    }

    private static func intValue(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return Int(i)
        case .long(let l): return Int(exactly: l)
        case .double(let d): return d.isFinite && abs(d) < 1e15 ? Int(d) : nil
        case .string(let s): return Int(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    private static func targetHighlight(_ text: String, _ start: Int?, _ end: Int?) -> (line: String, highlight: String) {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let len = line.utf16.count
        guard let s = start, s > 0, s <= len else { return (line, "") }
        var e = end ?? (len + 1)
        if !(e > s && e <= len + 1) { e = len + 1 }
        return (line, DisplayCells.spaces(s - 1) + String(repeating: "~", count: e - s))
    }

    /// The source line and underline pwsh's position message gives for an extent: lines longer
    /// than 69 columns are cut around the error with `…`; the highlight is at least one `~`.
    /// Both start with the space that follows pwsh's `+`.
    public static func positionLines(_ x: SourceExtent) -> (line: String, highlight: String) {
        var source = Array(x.source.lineText(x.startLine).utf16)
        while let last = source.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { source.removeLast() }
        if source.isEmpty { return (" ", " ") }
        var before = max(0, x.startColumn - 1)
        var errorLength: Int
        if x.startLine == x.endLine && x.endColumn <= source.count + 1 {
            errorLength = x.endColumn - x.startColumn
        } else {
            errorLength = source.count - x.startColumn + 1
        }
        before = min(before, source.count)
        errorLength = max(0, min(errorLength, source.count - before))
        if source.contains(0x09) {
            let tab: [UInt16] = [0x20, 0x20, 0x20, 0x20]
            func expand(_ s: ArraySlice<UInt16>) -> [UInt16] { s.flatMap { $0 == 0x09 ? tab : [$0] } }
            let b = expand(source[..<before])
            let e = expand(source[before..<(before + errorLength)])
            let rest = expand(source[(before + errorLength)...])
            before = b.count
            errorLength = e.count
            source = b + e + rest
        }
        let maxLineLength = 69
        var prefixDots = false, suffixDots = false
        if source.count > maxLineLength {
            let totalPrefix = before
            var prefix = min(totalPrefix, 12)
            let totalSuffix = source.count - errorLength - before
            var suffix = min(totalSuffix, 8)
            var candidate = prefix + errorLength + suffix
            if candidate >= maxLineLength {
                if prefix + errorLength >= maxLineLength { errorLength = maxLineLength - prefix }
                suffixDots = true
            } else {
                let prefixAvailable = totalPrefix - prefix
                if prefixAvailable > 0 {
                    prefix += min(prefixAvailable, maxLineLength - candidate)
                    candidate = prefix + errorLength + suffix
                }
                if candidate < maxLineLength && totalSuffix > 0 {
                    suffix += min(totalSuffix, maxLineLength - candidate)
                }
                suffixDots = suffix < totalSuffix
            }
            prefixDots = prefix < totalPrefix
            let startIndex = max(before - prefix, 0)
            let endIndex = min(startIndex + maxLineLength, source.count)
            source = Array(source[startIndex..<endIndex])
            before = min(before, prefix)
            errorLength = min(errorLength, maxLineLength - before)
        }
        var line = " "
        if prefixDots { line += "\u{2026} " }
        line += String(decoding: source, as: UTF16.self)
        if suffixDots { line += " \u{2026}" }
        let highlight = " " + DisplayCells.spaces(before + (prefixDots ? 2 : 0)) + String(repeating: "~", count: errorLength > 0 ? errorLength : 1)
        return (line, highlight)
    }
}
