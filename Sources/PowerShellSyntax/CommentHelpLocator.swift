/// Finds the help comment of a function or a script among the comments the lexer recorded,
/// walking the text as pwsh walks its token list (comments, new lines, anything else). See
/// `CommentHelpInfo` for the rules.
public enum CommentHelpLocator {
    /// The help of a function, or nil when it has none.
    public static func help(for function: FunctionDefinitionAst) -> CommentHelpInfo? {
        let walker = TriviaWalker(function.extent.source)
        let parameters = function.body.paramBlock?.parameters ?? function.parameters ?? []
        if let info = helpInfo(walker.precedingBlock(before: function.extent.start, proximity: 2), parameters, walker) { return info }
        return help(inBody: function.body, parameters, walker)
    }

    /// The help written inside a script block that is not a whole file (a function made with
    /// `Set-Item function:f { … }`), or nil when it has none.
    public static func help(forScriptBlock body: ScriptBlockAst) -> CommentHelpInfo? {
        help(inBody: body, body.paramBlock?.parameters ?? [], TriviaWalker(body.extent.source))
    }

    /// The first help block after the body's `{`, else the block before its `}`.
    private static func help(inBody body: ScriptBlockAst, _ parameters: [ParameterAst], _ walker: TriviaWalker) -> CommentHelpInfo? {
        let extent = body.extent
        var position = extent.start + 1
        while true {
            let block = walker.followingBlock(from: &position, limit: extent.end)
            if block.isEmpty { break }
            if let info = helpInfo(block, parameters, walker) { return info }
        }
        return helpInfo(walker.precedingBlock(before: max(extent.start, extent.end - 1), proximity: nil), parameters, walker)
    }

    /// The help a block holds, with the parameters' comment descriptions.
    private static func helpInfo(_ block: [Comment], _ parameters: [ParameterAst], _ walker: TriviaWalker) -> CommentHelpInfo? {
        guard !block.isEmpty, var info = CommentHelpInfo(lines: walker.lines(of: block)) else { return nil }
        info.parameterComments = parameterComments(parameters, walker)
        return info
    }

    /// The help of a script file (its root script block), or nil when it has none.
    public static func help(forScript script: ScriptBlockAst) -> CommentHelpInfo? {
        let walker = TriviaWalker(script.extent.source)
        let parameters = script.paramBlock?.parameters ?? []
        var position = script.extent.start
        while true {
            let block = walker.followingBlock(from: &position, limit: script.extent.end)
            if block.isEmpty { break }
            guard let info = helpInfo(block, parameters, walker) else { continue }
            // A block right above the file's first statement, when that is a function, is the
            // function's help.
            if let end = script.endBlock, end.unnamed, case .functionDefinition(let f)? = end.statements.first,
               let last = block.last {
                if f.extent.startLine - walker.source.location(of: last.end).line > 2 { return info }
                break
            }
            return info
        }
        return helpInfo(walker.precedingBlock(before: script.extent.end, proximity: nil), parameters, walker)
    }

    /// Each parameter's description from the comments around it (empty when none).
    static func parameterComments(_ parameters: [ParameterAst], _ walker: TriviaWalker) -> [String] {
        parameters.map { p in
            var lines: [String] = []
            lines += walker.lines(of: walker.precedingBlock(before: p.extent.start, proximity: 2))
            lines += walker.lines(of: walker.comments(inside: p.extent.start, p.extent.end))
            var after = p.extent.end
            lines += walker.lines(of: walker.followingBlock(from: &after, limit: walker.source.units.count))
            var i = -1
            return CommentHelpInfo.section(lines, &i)
        }
    }
}

/// One recorded comment.
struct Comment {
    let start: Int
    let end: Int
}

/// Walks the trivia of a text: comments (recorded by the lexer), new lines, and where the
/// next other token starts.
struct TriviaWalker {
    let source: SourceText
    private let units: [UInt16]

    init(_ source: SourceText) {
        self.source = source
        self.units = source.units
    }

    func lines(of block: [Comment]) -> [String] {
        block.flatMap { CommentHelpInfo.commentLines(source.slice($0.start, $0.end)) }
    }

    private func line(_ offset: Int) -> Int { source.location(of: offset).line }

    private func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0B || u == 0x0C || u == 0xA0 }

    /// The comments ending before `offset`, nearest first reversed to text order: each must end
    /// on or after the line `proximity` lines above the token (nil: any distance), the next one
    /// on the line above the previous one's start, with only white space and new lines between.
    func precedingBlock(before offset: Int, proximity: Int?) -> [Comment] {
        var result: [Comment] = []
        var minEndLine = proximity.map { line(offset) - $0 } ?? Int.min
        var i = offset
        while i > 0 {
            let u = units[i - 1]
            if isSpace(u) || u == 0x0A || u == 0x0D {
                i -= 1
                continue
            }
            guard let start = source.commentStarts[i] else { break }
            if line(i) < minEndLine { break }
            result.append(Comment(start: start, end: i))
            minEndLine = line(start) - 1
            i = start
        }
        return result.reversed()
    }

    /// The comment block starting at `position` (white space and new lines before it are
    /// skipped; a comment starting more than one line below the previous one ends the block).
    /// `position` moves to where the next block may start; an empty result means a token that
    /// is not a comment (or the limit) came first.
    func followingBlock(from position: inout Int, limit: Int) -> [Comment] {
        var result: [Comment] = []
        var maxStartLine = Int.max
        var i = position
        while i < limit {
            let u = units[i]
            if isSpace(u) {
                i += 1
                continue
            }
            if u == 0x0A || u == 0x0D {
                if line(i) > maxStartLine { break }
                i += 1
                continue
            }
            guard let end = source.comments[i], line(i) <= maxStartLine else { break }
            result.append(Comment(start: i, end: end))
            maxStartLine = line(end) + 1
            i = end
        }
        position = i
        return result
    }

    /// The comments inside a range (those inside a parameter's declaration).
    func comments(inside start: Int, _ end: Int) -> [Comment] {
        source.comments.filter { $0.key >= start && $0.value <= end }.map { Comment(start: $0.key, end: $0.value) }.sorted { $0.start < $1.start }
    }
}
