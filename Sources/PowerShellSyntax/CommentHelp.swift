/// Comment-based help: finding the help comment of a function or script and reading its
/// sections, as pwsh's HelpCommentsParser does (`FunctionDefinitionAst.GetHelpContent()`).
///
/// The rules (pwsh's HelpCommentsParser.cs at v7.6.5, about_Comment_Based_Help):
/// - A comment *block* is a run of comments on consecutive lines (a `<# #>` comment may span
///   lines); a blank line or any other token ends it.
/// - A block is help when every non-blank line is a directive `.KEYWORD` (alone on its line,
///   or `.PARAMETER name`, `.FORWARDHELPTARGETNAME x`, `.FORWARDHELPCATEGORY x`,
///   `.REMOTEHELPRUNSPACE x`, `.EXTERNALHELP x`) or text inside a section, and at least one
///   directive is found. An unknown keyword, or a keyword with an argument it does not take
///   (`.SYNOPSIS text` on one line), makes the whole block not help.
/// - A function's help is, in order: the block ending at most one blank line before the
///   `function` keyword; the first help block inside the body (blocks separated by blank lines
///   are tried in turn until a non-comment token); the block just before the closing `}`.
/// - A script's help is the first help block of the file, unless the file starts with a
///   function whose keyword is at most two lines below the block (then the block is the
///   function's); else the block just before the end of the file.
/// - A section's text is its lines up to the next directive; blank lines before the text are
///   skipped and each line loses as much leading whitespace as the section's first line had.
/// - A parameter's description may also come from comments around it in the `param` block:
///   the block ending just before it (within one blank line), comments inside it, and comments
///   right after it; `.PARAMETER` wins over those.
public struct CommentHelpInfo {
    public var synopsis: String?
    public var description: String?
    public var notes: String?
    /// Section texts, each ending with a newline as pwsh collects them.
    public var examples: [String] = []
    public var inputs: [String] = []
    public var outputs: [String] = []
    /// `.LINK` texts, trimmed.
    public var links: [String] = []
    public var component: String?
    public var role: String?
    public var functionality: String?
    public var forwardHelpTargetName: String?
    public var forwardHelpCategory: String?
    public var remoteHelpRunspace: String?
    public var externalHelp: String?
    /// `.PARAMETER` sections by upper-cased parameter name, first one wins.
    public var parameters: [String: String] = [:]
    /// Descriptions from comments in the `param` block, one per declared parameter in order.
    public var parameterComments: [String] = []

    public init() {}

    /// Reads a help comment block given as its lines (comment markers already removed);
    /// nil when the block is not help.
    public init?(lines: [String]) {
        var info = CommentHelpInfo()
        var found = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard let (keyword, argument) = CommentHelpInfo.directive(line) else {
                if !CommentHelpInfo.isBlank(line) { return nil }
                i += 1
                continue
            }
            found = true
            let key = keyword.uppercased()
            if let arg = argument {
                switch key {
                case "PARAMETER":
                    let name = arg.uppercased().trimmingWhitespace()
                    let section = CommentHelpInfo.section(lines, &i)
                    if info.parameters[name] == nil { info.parameters[name] = section }
                case "FORWARDHELPTARGETNAME": info.forwardHelpTargetName = arg.trimmingWhitespace()
                case "FORWARDHELPCATEGORY": info.forwardHelpCategory = arg.trimmingWhitespace()
                case "REMOTEHELPRUNSPACE": info.remoteHelpRunspace = arg.trimmingWhitespace()
                case "EXTERNALHELP": info.externalHelp = arg.trimmingWhitespace()
                default: return nil
                }
            } else {
                switch key {
                case "SYNOPSIS": info.synopsis = CommentHelpInfo.section(lines, &i)
                case "DESCRIPTION": info.description = CommentHelpInfo.section(lines, &i)
                case "NOTES": info.notes = CommentHelpInfo.section(lines, &i)
                case "LINK": info.links.append(CommentHelpInfo.section(lines, &i).trimmingWhitespace())
                case "EXAMPLE": info.examples.append(CommentHelpInfo.section(lines, &i))
                case "INPUTS": info.inputs.append(CommentHelpInfo.section(lines, &i))
                case "OUTPUTS": info.outputs.append(CommentHelpInfo.section(lines, &i))
                case "COMPONENT": info.component = CommentHelpInfo.section(lines, &i).trimmingWhitespace()
                case "ROLE": info.role = CommentHelpInfo.section(lines, &i).trimmingWhitespace()
                case "FUNCTIONALITY": info.functionality = CommentHelpInfo.section(lines, &i).trimmingWhitespace()
                default: return nil
                }
            }
            i += 1
        }
        guard found else { return nil }
        self = info
    }

    /// Reads help written as comment text, as a compiled command declares it: a `<# … #>`
    /// comment, `#` lines, or the bare lines of such a comment; nil when it is not help.
    public init?(commentText: String) {
        let trimmed = commentText.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<#") {
            self.init(lines: CommentHelpInfo.commentLines(String(trimmed)))
            return
        }
        let lines = commentText.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var l = line.hasSuffix("\r") ? line.dropLast() : line
            while l.first == "#" { l.removeFirst() }
            return String(l)
        }
        self.init(lines: lines)
    }

    // MARK: Lines and sections

    /// `^\s*\.(\w+)(\s+(\S.*))?\s*$`: the keyword and its argument (with any trailing spaces).
    static func directive(_ line: String) -> (String, String?)? {
        var chars = Substring(line)
        while let c = chars.first, c.isWhitespace { chars.removeFirst() }
        guard chars.first == "." else { return nil }
        chars.removeFirst()
        let keyword = chars.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !keyword.isEmpty else { return nil }
        var rest = chars.dropFirst(keyword.count)
        if rest.allSatisfy({ $0.isWhitespace }) { return (String(keyword), nil) }
        guard rest.first?.isWhitespace == true else { return nil }
        while let c = rest.first, c.isWhitespace { rest.removeFirst() }
        return (String(keyword), String(rest))
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0.isWhitespace } }

    /// The text of the section whose directive is at `lines[i]`; leaves `i` on its last line.
    static func section(_ lines: [String], _ i: inout Int) -> String {
        var capturing = false
        var indent = 0
        var text = ""
        i += 1
        while i < lines.count {
            let line = lines[i]
            if !capturing && isBlank(line) {
                i += 1
                continue
            }
            if directive(line) != nil {
                i -= 1
                break
            }
            let units = Array(line.utf16)
            if !capturing {
                while indent < units.count && isIndent(units[indent]) { indent += 1 }
            }
            capturing = true
            var start = 0
            while start < units.count && start < indent && isIndent(units[start]) { start += 1 }
            text += String(decoding: units[start...], as: UTF16.self) + "\n"
            i += 1
        }
        if i >= lines.count { i = lines.count - 1 }
        return text
    }

    /// Space, tab and no-break space: what a section's first line sets as its indentation.
    private static func isIndent(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0xA0 }

    /// The lines of one comment: a `<# #>` comment split at its line breaks (markers removed),
    /// a `#` comment without its leading `#` characters.
    public static func commentLines(_ text: String) -> [String] {
        let units = Array(text.utf16)
        guard units.count >= 2, units[0] == 0x3C, units[1] == 0x23 else {
            var i = 0
            while i < units.count && units[i] == 0x23 { i += 1 }
            return [String(decoding: units[i...], as: UTF16.self)]
        }
        var lines: [String] = []
        let end = units.count >= 4 && units[units.count - 2] == 0x23 && units[units.count - 1] == 0x3E ? units.count - 2 : units.count
        var start = 2
        var i = 2
        while i < end {
            if units[i] == 0x0A || units[i] == 0x0D {
                lines.append(String(decoding: units[start..<i], as: UTF16.self))
                if units[i] == 0x0D && i + 1 < end && units[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(String(decoding: units[min(start, end)..<end], as: UTF16.self))
        return lines
    }

    // MARK: Examples

    /// An example's prompt (everything up to the first `>` of its first line, or `PS > `),
    /// its code (up to the first blank line, trimmed) and its remarks (the rest).
    public static func exampleSections(_ content: String) -> (prompt: String, code: String, remarks: String) {
        var body = content
        var prompt = "PS > "
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        if let gt = firstLine.firstIndex(of: ">") {
            prompt = String(body[body.startIndex...gt])
            body = String(body[body.index(after: gt)...])
        }
        let units = Array(body.utf16)
        var i = 0
        while i < units.count {
            if units[i] == 0x0A || (units[i] == 0x0D && i + 1 < units.count && units[i + 1] == 0x0A) {
                var j = units[i] == 0x0D ? i + 2 : i + 1
                if j < units.count && units[j] == 0x0D { j += 1 }
                if j < units.count && units[j] == 0x0A {
                    let code = String(decoding: units[..<i], as: UTF16.self).trimmingWhitespace()
                    return (prompt, code, String(decoding: units[(j + 1)...], as: UTF16.self))
                }
            }
            i += 1
        }
        return (prompt, body.trimmingWhitespace(), "")
    }
}

extension String {
    /// .NET `String.Trim()`: leading and trailing white space removed.
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
