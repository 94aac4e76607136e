/// A parse error as pwsh reports it: its ParserStrings id (`MissingEndParenthesisInExpression`),
/// the message text and where it is. Errors are values; the formatting target renders them.
public struct ParseError: Error {
    /// pwsh's error id, e.g. `MissingEndCurlyBrace`, `UnexpectedToken`.
    public let id: String
    public let message: String
    /// Where the error is reported (pwsh marks this span with `~` in its ConciseView).
    public let extent: SourceExtent
    /// True when the input merely stopped too early (an unclosed `{`, `(`, string, here-string):
    /// a REPL asks for another line instead of reporting it (pwsh's IncompleteParseException).
    public let incompleteInput: Bool

    public init(id: String, message: String, extent: SourceExtent, incompleteInput: Bool = false) {
        self.id = id
        self.message = message
        self.extent = extent
        self.incompleteInput = incompleteInput
    }
}

/// What parsing a whole text gives: the tree (possibly partial) and every error found.
public struct ParseResult {
    public let ast: ScriptBlockAst
    public let errors: [ParseError]

    public init(ast: ScriptBlockAst, errors: [ParseError]) {
        self.ast = ast
        self.errors = errors
    }

    /// True when every error only says the input is unfinished.
    public var isIncomplete: Bool { !errors.isEmpty && errors.contains { $0.incompleteInput } }
}
