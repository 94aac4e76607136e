/// The text of one script (a file, a `-Command` string, a REPL line) kept once and shared by
/// every extent that points into it. Positions are UTF-16 offsets; line and column are computed
/// only when an error is shown.
public final class SourceText {
    /// The path shown in messages (`/tmp/case/x.ps1`), or nil for command text.
    public let path: String?
    public let text: String
    /// The text as UTF-16 units, the unit PowerShell counts in.
    public let units: [UInt16]
    private var lineStartCache: [Int]?
    /// The comments the lexer skipped, by start offset (end offset as value): help comments
    /// and parameter descriptions are found among them (pwsh keeps comment tokens for this).
    public private(set) var comments: [Int: Int] = [:]
    /// The same comments by end offset, for scanning backwards from a token.
    public private(set) var commentStarts: [Int: Int] = [:]

    public init(text: String, path: String? = nil) {
        self.text = text
        self.path = path
        self.units = Array(text.utf16)
    }

    /// Offsets at which each line starts (line 1 starts at 0).
    public var lineStarts: [Int] {
        if let cached = lineStartCache { return cached }
        var starts = [0]
        var i = 0
        while i < units.count {
            let u = units[i]
            if u == 0x0A {
                starts.append(i + 1)
            } else if u == 0x0D {
                if i + 1 < units.count && units[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStartCache = starts
        return starts
    }

    /// Records a comment the lexer skipped (`#…` or `<#…#>`); a re-scan records it once.
    func recordComment(start: Int, end: Int) {
        guard comments[start] == nil else { return }
        comments[start] = end
        commentStarts[end] = start
    }

    /// 1-based line and column of an offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let starts = lineStarts
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - starts[lo] + 1)
    }

    /// The text of a 1-based line, without its line terminator.
    public func lineText(_ line: Int) -> String {
        let starts = lineStarts
        guard line >= 1 && line <= starts.count else { return "" }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] : units.count
        while end > start && (units[end - 1] == 0x0A || units[end - 1] == 0x0D) { end -= 1 }
        return slice(start, end)
    }

    /// The text between two offsets (clamped to the text).
    public func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, units.count)), e = max(s, min(end, units.count))
        return String(decoding: units[s..<e], as: UTF16.self)
    }
}

/// Where a token or syntax node sits in its source: a half-open range of UTF-16 offsets.
public struct SourceExtent {
    public let source: SourceText
    public let start: Int
    public let end: Int

    public init(source: SourceText, start: Int, end: Int) {
        self.source = source
        self.start = start
        self.end = max(start, end)
    }

    public var text: String { source.slice(start, end) }
    public var startLine: Int { source.location(of: start).line }
    public var startColumn: Int { source.location(of: start).column }
    public var endLine: Int { source.location(of: end).line }
    public var endColumn: Int { source.location(of: end).column }
    public var file: String? { source.path }

    /// The smallest extent covering both.
    public func union(_ other: SourceExtent) -> SourceExtent {
        SourceExtent(source: source, start: min(start, other.start), end: max(end, other.end))
    }

    /// An empty extent used for synthesized nodes.
    public static func empty(_ source: SourceText) -> SourceExtent {
        SourceExtent(source: source, start: 0, end: 0)
    }
}
