/// The recursive-descent parser: one `parseXxx` function per production of
/// `grammar/powershell-subset.ebnf`, split by grammar area over `Parser+*.swift`.
/// It drives the `Lexer`, telling it the mode for each token (pwsh's tokenizer modes), and
/// re-scans from a token's start when the mode changes. It reports every error it finds and
/// recovers so that the rest of the text is still checked; it never executes anything.
public final class Parser {
    let source: SourceText
    let lexer: Lexer
    /// Offset where the next token is scanned.
    var pos: Int
    /// The mode the next token is scanned in.
    var mode: LexMode = .command
    private var cached: Token?
    private var cachedMode: LexMode = .command
    var errors: [ParseError] = []
    /// Errors pwsh finds in its semantic checks after parsing (an invalid assignment target):
    /// reported after the syntax errors, as pwsh does.
    var semanticErrors: [ParseError] = []
    private var errorKeys = Set<Int>()
    private var drained = 0
    /// Recursion depth; past `maxDepth` the parse stops with pwsh's ScriptTooComplicated.
    var depth = 0
    static let maxDepth = 400
    var aborted = false
    /// True while parsing the condition of a switch clause or other places where `,` does not
    /// make an array (pwsh's `_disableCommaOperator`).
    var disableCommaOperator = false
    /// The tokens consumed so far, when the caller asked for them; a resync drops those after
    /// the point it goes back to.
    var consumed: [Token]?

    init(source: SourceText, start: Int = 0, limit: Int? = nil) {
        self.source = source
        self.lexer = Lexer(source: source, limit: limit)
        self.pos = start
    }

    /// Parses a whole script (a file, `-Command` text or a REPL line). With `recordingTokens`
    /// the result also lists the tokens read, in order (pwsh's Parser.ParseInput `tokens`).
    public static func parse(_ source: SourceText, recordingTokens: Bool = false) -> ParseResult {
        let p = Parser(source: source)
        if recordingTokens { p.consumed = [] }
        let ast = p.parseScriptFile()
        p.checkFlowOutOfFinally(ast)
        p.checkTypeDefinitions(ast)
        var tokens = p.consumed ?? []
        if recordingTokens { tokens.append(Token(kind: .EndOfInput, start: p.lexer.limit, end: p.lexer.limit)) }
        return ParseResult(ast: ast, errors: p.allErrors(), tokens: tokens)
    }

    /// Parser and lexer errors in the order they were found (pwsh reports the first one).
    func allErrors() -> [ParseError] {
        drainLexerErrors()
        return errors + semanticErrors
    }

    /// Moves errors the lexer found while scanning into the parser's list, in order.
    func drainLexerErrors() {
        while drained < lexer.errors.count {
            appendError(lexer.errors[drained])
            drained += 1
        }
    }

    // MARK: - Tokens

    /// The next token in the current mode, without consuming it.
    func peek() -> Token {
        if aborted { return Token(kind: .EndOfInput, start: lexer.limit, end: lexer.limit) }
        if let c = cached, cachedMode == mode { return c }
        let t = lexer.scan(at: pos, mode: mode)
        if lexer.errors.count > drained { drainLexerErrors() }
        cached = t
        cachedMode = mode
        return t
    }

    /// Consumes and returns the next token.
    @discardableResult
    func advance() -> Token {
        // The token last peeked is consumed even if it was scanned in another mode (pwsh's
        // NextToken after PeekToken); otherwise scan one now.
        let t = cached ?? peek()
        if t.kind != .EndOfInput {
            pos = t.end
            consumed?.append(t)
        }
        cached = nil
        return t
    }

    /// Goes back so the next token is scanned from `offset` (pwsh's `Resync`).
    func resync(_ offset: Int) {
        pos = offset
        cached = nil
        if let last = consumed?.last, last.end > offset { consumed?.removeAll { $0.end > offset } }
    }

    func skipNewlines() {
        while peek().kind == .NewLine { advance() }
    }

    func skipNewlinesAndSemicolons() {
        while peek().kind == .NewLine || peek().kind == .Semi { advance() }
    }

    /// Runs `body` with the lexer in `newMode`, then restores the previous mode.
    func withMode<T>(_ newMode: LexMode, _ body: () -> T) -> T {
        let old = mode
        mode = newMode
        defer { mode = old }
        return body()
    }

    /// Runs `body` with numbers ending at `?` and `:` (where an expression must follow).
    func withTernaryNumbers<T>(_ body: () -> T) -> T {
        let old = lexer.endNumberOnTernaryChars
        if !old { lexer.endNumberOnTernaryChars = true; cached = nil }
        defer { if !old { lexer.endNumberOnTernaryChars = false; cached = nil } }
        return body()
    }

    /// The unit right at the current offset (no whitespace skipped), for `.member` and `[index]`
    /// which must follow their target directly.
    func charAtPos(_ offset: Int = 0) -> UInt16 { lexer.at(pos + offset) }

    func text(_ t: Token) -> String { lexer.text(t.start, t.end) }

    func extent(_ start: Int, _ end: Int) -> SourceExtent { SourceExtent(source: source, start: start, end: end) }
    func extent(_ t: Token) -> SourceExtent { extent(t.start, t.end) }
    /// An empty extent just after a token (pwsh's `After`).
    func after(_ t: Token) -> SourceExtent { extent(t.end, t.end) }
    func after(_ x: SourceExtent) -> SourceExtent { extent(x.end, x.end) }

    // MARK: - Errors

    private func key(_ id: String, _ start: Int) -> Int { start &* 64 &+ (id.utf8.count &+ Int(id.utf8.first ?? 0)) }

    func reportError(_ id: String, _ args: String..., extent x: SourceExtent, incomplete: Bool = false) {
        let k = key(id, x.start)
        if errorKeys.contains(k) { return }
        errorKeys.insert(k)
        errors.append(ParseError(id: id, message: ParserMessages.format(id, args), extent: x, incompleteInput: incomplete))
    }

    /// Adds an error found by a nested parser (a `$( )` inside a string).
    func appendError(_ e: ParseError) {
        let k = key(e.id, e.extent.start)
        if errorKeys.contains(k) { return }
        errorKeys.insert(k)
        errors.append(e)
    }

    /// An error that only means "the text ended too early" when `at` is the end of the input
    /// (pwsh's `ReportIncompleteInput`).
    /// Returns whether the error only says the input ended too early (pwsh's
    /// ReportIncompleteInput result, which later checks use to stay quiet).
    @discardableResult
    func reportIncomplete(_ id: String, _ args: String..., extent x: SourceExtent, at token: Token? = nil) -> Bool {
        let incomplete: Bool
        if let t = token { incomplete = t.kind == .EndOfInput } else { incomplete = isAtEndOfScript(x.end) }
        let k = key(id, x.start)
        if errorKeys.contains(k) { return incomplete }
        errorKeys.insert(k)
        errors.append(ParseError(id: id, message: ParserMessages.format(id, args), extent: x, incompleteInput: incomplete))
        return incomplete
    }

    /// Only whitespace, comments and newlines follow `offset`.
    func isAtEndOfScript(_ offset: Int) -> Bool {
        var i = offset
        while true {
            let t = lexer.scan(at: i, mode: .expression)
            if t.kind == .EndOfInput { return true }
            if t.kind != .NewLine { return false }
            i = t.end
        }
    }

    /// Counts one level of nesting; false (after reporting once) when the text nests too deeply.
    func enter() -> Bool {
        depth += 1
        if depth > Parser.maxDepth {
            if !aborted {
                let t = peek()
                reportError("ScriptTooComplicated", extent: extent(t))
                aborted = true
            }
            return false
        }
        return true
    }

    func leave() { depth -= 1 }

    // MARK: - Script

    // G script_file = script_block_body { unexpected_token script_block_body } ;
    /// A whole text: `using` statements, `param()`, named blocks or plain statements.
    func parseScriptFile() -> ScriptBlockAst {
        let block = parseScriptBlockBody(startOffset: pos, closing: nil)
        // ErrorRecovery: text after the end (a stray `}` or `)`) is reported and skipped.
        while !aborted {
            let t = withMode(.command) { peek() }
            if t.kind == .EndOfInput { break }
            reportError("UnexpectedToken", text(t), extent: extent(t))
            advance()
            let more = parseScriptBlockBody(startOffset: pos, closing: nil)
            if let extra = more.endBlock?.statements { block.endBlock?.statements.append(contentsOf: extra) }
        }
        block.requires = lexer.requiresComments.flatMap { parseRequiresComment(start: $0.start, end: $0.end) }
        return block
    }
}
