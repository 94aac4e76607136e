/// How the lexer reads the next token; the parser says which, as pwsh's tokenizer modes.
public enum LexMode {
    /// Operators and values: `-eq` is an operator, `a-b` is three tokens.
    case expression
    /// The start of a statement or a command name: keywords and labels are recognized, and a
    /// run of characters that does not end at a token boundary is one `Generic` token.
    case command
    /// Command arguments: like `command` without keywords, and `-5` is a number.
    case argument
}

/// The tokenizer. It works on the UTF-16 units of a `SourceText` and scans one token at a
/// given offset in a given mode, so the parser can re-scan from any token start when it
/// changes mode (pwsh's `Resync`). Errors found while scanning (an unterminated string) are
/// collected once per position.
public final class Lexer {
    public let source: SourceText
    let u: [UInt16]
    /// Offset where scanning stops (the end of the text, or of a `$( … )` being parsed).
    let limit: Int
    public private(set) var errors: [ParseError] = []
    private var errorKeys = Set<Int>()
    /// `#Requires` comments seen (each once): start and end offsets.
    private(set) var requiresComments: [(start: Int, end: Int)] = []
    private var requiresSeen = Set<Int>()
    /// Nesting of strings inside `$( )` inside strings, bounded to keep recursion shallow.
    var nesting = 0
    /// Where an expression must follow (after `?`, `:` or a unary operator) a number also ends
    /// at `?` and `:`, so `$c ?1:2` is a ternary (pwsh's ForceEndNumberOnTernaryOpChars).
    var endNumberOnTernaryChars = false
    static let maxNesting = 100

    public init(source: SourceText, limit: Int? = nil) {
        self.source = source
        self.u = source.units
        self.limit = min(limit ?? source.units.count, source.units.count)
    }

    /// All tokens of the text scanned in one mode, ending with `EndOfInput` (for tests and tools).
    public func tokenize(mode: LexMode = .expression, from start: Int = 0) -> [Token] {
        var tokens: [Token] = []
        var pos = start
        while true {
            let t = scan(at: pos, mode: mode)
            tokens.append(t)
            if t.kind == .EndOfInput || t.end <= pos && t.kind != .NewLine { break }
            pos = max(t.end, pos + 1)
        }
        return tokens
    }

    // MARK: - Characters

    @inline(__always) func at(_ i: Int) -> UInt16 { i < limit && i >= 0 ? u[i] : 0 }

    func report(_ id: String, _ args: String..., start: Int, end: Int, incomplete: Bool = false) {
        let key = start &* 64 &+ (id.utf8.count &+ Int(id.utf8.first ?? 0))
        if errorKeys.contains(key) { return }
        errorKeys.insert(key)
        errors.append(ParseError(id: id, message: ParserMessages.format(id, args),
                                 extent: SourceExtent(source: source, start: start, end: end), incompleteInput: incomplete))
    }

    func text(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, limit)), e = max(s, min(end, limit))
        return String(decoding: u[s..<e], as: UTF16.self)
    }

    // MARK: - Trivia

    /// Skips whitespace, comments and line continuations; returns the offset of the next token.
    func skipTrivia(_ start: Int) -> Int {
        var i = start
        while i < limit {
            let c = u[i]
            if c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C || (c >= 0x80 && CharClass.isWhitespace(c)) {
                i += 1
            } else if c == 0x23 { // '#'
                i = skipLineComment(i)
            } else if c == 0x3C && at(i + 1) == 0x23 { // '<#'
                i = skipBlockComment(i)
            } else if c == 0x60 { // '`'
                let n = at(i + 1)
                if n == 0x0D { i += at(i + 2) == 0x0A ? 3 : 2 }
                else if n == 0x0A || n == 0x20 || n == 0x09 { i += 2 }
                else if i + 1 >= limit {
                    report("IncompleteString", start: i + 1, end: i + 1, incomplete: true)
                    return limit
                } else { return i }
            } else {
                return i
            }
        }
        return i
    }

    private func skipLineComment(_ start: Int) -> Int {
        var i = start + 1
        while i < limit && u[i] != 0x0A && u[i] != 0x0D { i += 1 }
        checkRequires(start, i)
        source.recordComment(start: start, end: i)
        return i
    }

    private func skipBlockComment(_ start: Int) -> Int {
        var i = start + 2
        while i < limit {
            if u[i] == 0x23 && at(i + 1) == 0x3E {
                source.recordComment(start: start, end: i + 2)
                return i + 2
            }
            i += 1
        }
        report("MissingTerminatorMultiLineComment", start: start, end: limit, incomplete: true)
        return limit
    }

    /// A `#Requires …` comment: recorded (once) for the parser, which reads it as a command.
    private func checkRequires(_ start: Int, _ end: Int) {
        guard end - start > 9, !requiresSeen.contains(start) else { return }
        let head = text(start + 1, start + 9).lowercased()
        guard head == "requires", CharClass.isWhitespace(at(start + 9)) || start + 9 == end else { return }
        requiresSeen.insert(start)
        requiresComments.append((start, end))
    }

    // MARK: - Scanning

    /// Scans the token that starts at or after `offset` (after trivia) in `mode`.
    public func scan(at offset: Int, mode: LexMode) -> Token {
        let start = skipTrivia(offset)
        let spaced = start > offset
        func tok(_ k: TokenKind, _ len: Int, _ v: TokenValue = .none) -> Token {
            Token(kind: k, start: start, end: start + len, value: v, precededBySpace: spaced)
        }
        if start >= limit { return Token(kind: .EndOfInput, start: limit, end: limit, precededBySpace: spaced) }
        let c = u[start], c1 = at(start + 1)
        let cmd = mode != .expression
        switch c {
        case 0x0A: return tok(.NewLine, 1)
        case 0x0D: return tok(.NewLine, c1 == 0x0A ? 2 : 1)
        case 0x27, 0x2018, 0x2019, 0x201A, 0x201B: return withSpace(scanStringLiteral(start), spaced)
        case 0x22, 0x201C, 0x201D, 0x201E: return withSpace(scanStringExpandable(start), spaced)
        case 0x40: // '@'
            if c1 == 0x7B { return tok(.AtCurly, 2) }
            if c1 == 0x28 { return tok(.AtParen, 2) }
            if CharClass.isSingleQuote(c1) { return withSpace(scanHereString(start, expandable: false), spaced) }
            if CharClass.isDoubleQuote(c1) { return withSpace(scanHereString(start, expandable: true), spaced) }
            if CharClass.isVariableStart(c1) || c1 == 0x7B { return withSpace(scanVariable(start, splat: true, mode: mode), spaced) }
            if cmd && !CharClass.forceStartNewToken(c1) { return withSpace(scanGeneric(start, start, mode: mode), spaced) }
            report("UnrecognizedToken", start: start, end: start + 1)
            return tok(.Unknown, 1)
        case 0x60: // '`' escaping a character starts a generic token
            return withSpace(scanGeneric(start, start, mode: mode), spaced)
        case 0x3D: return commandOperator(.Equals, start, 1, mode, spaced)
        case 0x2B: // '+'
            if c1 == 0x2B { return commandOperator(.PlusPlus, start, 2, mode, spaced) }
            if c1 == 0x3D { return commandOperator(.PlusEquals, start, 2, mode, spaced) }
            if mode == .argument && (CharClass.isDigit(c1) || c1 == 0x2E) { return withSpace(scanNumber(start, mode: mode), spaced) }
            return commandOperator(.Plus, start, 1, mode, spaced)
        case 0x2D, 0x2013, 0x2014, 0x2015: // dashes
            if CharClass.isDash(c1) {
                if cmd && at(start + 2) == 0x25 && CharClass.forceStartNewToken(at(start + 3)) {
                    return tok(.Generic, 3, .text("--%"))
                }
                return commandOperator(.MinusMinus, start, 2, mode, spaced)
            }
            if c1 == 0x3D { return commandOperator(.MinusEquals, start, 2, mode, spaced) }
            if CharClass.isLetter(c1) || c1 == 0x5F || c1 == 0x3F { return withSpace(scanParameter(start, mode: mode), spaced) }
            if mode == .argument && (CharClass.isDigit(c1) || c1 == 0x2E) { return withSpace(scanNumber(start, mode: mode), spaced) }
            return commandOperator(.Minus, start, 1, mode, spaced)
        case 0x2A: // '*'
            if c1 == 0x3D { return commandOperator(.MultiplyEquals, start, 2, mode, spaced) }
            if c1 == 0x3E {
                if at(start + 2) == 0x3E { return tok(.Redirection, 3, .redirection(from: .all, mergeTo: nil, append: true)) }
                if at(start + 2) == 0x26 && at(start + 3) == 0x31 { return tok(.Redirection, 4, .redirection(from: .all, mergeTo: .output, append: false)) }
                return tok(.Redirection, 2, .redirection(from: .all, mergeTo: nil, append: false))
            }
            return commandOperator(.Multiply, start, 1, mode, spaced)
        case 0x2F: return c1 == 0x3D ? commandOperator(.DivideEquals, start, 2, mode, spaced) : commandOperator(.Divide, start, 1, mode, spaced)
        case 0x25: return c1 == 0x3D ? commandOperator(.RemainderEquals, start, 2, mode, spaced) : commandOperator(.Rem, start, 1, mode, spaced)
        case 0x24: // '$'
            if c1 == 0x28 { return tok(.DollarParen, 2) }
            return withSpace(scanVariable(start, splat: false, mode: mode), spaced)
        case 0x3C: return tok(.RedirectInStd, 1)
        case 0x3E:
            if c1 == 0x3E { return tok(.Redirection, 2, .redirection(from: .output, mergeTo: nil, append: true)) }
            return tok(.Redirection, 1, .redirection(from: .output, mergeTo: nil, append: false))
        case 0x28: return tok(.LParen, 1)
        case 0x29: return tok(.RParen, 1)
        case 0x7B: return tok(.LCurly, 1)
        case 0x7D: return tok(.RCurly, 1)
        case 0x5B:
            if cmd && !CharClass.forceStartNewToken(c1) { return withSpace(scanGeneric(start, start, mode: mode), spaced) }
            return tok(.LBracket, 1)
        case 0x5D: return tok(.RBracket, 1)
        case 0x3B: return tok(.Semi, 1)
        case 0x2C: return tok(.Comma, 1)
        case 0x2E: return withSpace(scanDot(start, mode: mode), spaced)
        case 0x26: return c1 == 0x26 ? tok(.AndAnd, 2) : tok(.Ampersand, 1)
        case 0x7C: return c1 == 0x7C ? tok(.OrOr, 2) : tok(.Pipe, 1)
        case 0x21: // '!'
            if (cmd && !CharClass.forceStartNewToken(c1)) { return withSpace(scanGeneric(start, start, mode: mode), spaced) }
            return tok(.Exclaim, 1)
        case 0x3A: // ':'
            if c1 == 0x3A {
                if cmd && !CharClass.forceStartNewToken(at(start + 2)) { return withSpace(scanGeneric(start, start, mode: mode), spaced) }
                return tok(.ColonColon, 2)
            }
            if mode == .command && CharClass.isIdentifierStart(c1) {
                var i = start + 2
                while CharClass.isIdentifierFollow(at(i)) { i += 1 }
                if CharClass.forceStartNewToken(at(i)) { return tok(.Label, i - start, .text(text(start + 1, i))) }
                return withSpace(scanGeneric(start, start, mode: mode), spaced)
            }
            if cmd && !CharClass.forceStartNewToken(c1) { return withSpace(scanGeneric(start, start, mode: mode), spaced) }
            return tok(.Colon, 1)
        case 0x3F where mode == .expression: // '?'
            if c1 == 0x3F { return at(start + 2) == 0x3D ? tok(.QuestionQuestionEquals, 3) : tok(.QuestionQuestion, 2) }
            return tok(.QuestionMark, 1)
        case 0x30...0x39:
            if c >= 0x31 && c <= 0x36 && c1 == 0x3E {
                let stream = RedirectionStream(rawValue: Int(c - 0x30)) ?? .output
                if at(start + 2) == 0x26 && (at(start + 3) == 0x31 || at(start + 3) == 0x32) {
                    let to = RedirectionStream(rawValue: Int(at(start + 3) - 0x30)) ?? .output
                    return tok(.Redirection, 4, .redirection(from: stream, mergeTo: to, append: false))
                }
                // As pwsh's tokenizer: where an operand is expected (`1..3>file`, `$a + 2>>f`) the
                // digit is a number and `>` redirects the output stream; merging (`2>&1`) is always
                // a redirection.
                if mode == .expression { return withSpace(scanNumber(start, mode: mode), spaced) }
                if at(start + 2) == 0x3E { return tok(.Redirection, 3, .redirection(from: stream, mergeTo: nil, append: true)) }
                return tok(.Redirection, 2, .redirection(from: stream, mergeTo: nil, append: false))
            }
            return withSpace(scanNumber(start, mode: mode), spaced)
        default:
            if CharClass.isIdentifierStart(c) { return withSpace(scanIdentifier(start, mode: mode), spaced) }
            return withSpace(scanGeneric(start, start, mode: mode), spaced)
        }
    }

    func withSpace(_ t: Token, _ spaced: Bool) -> Token {
        spaced ? Token(kind: t.kind, start: t.start, end: t.end, value: t.value, precededBySpace: true) : t
    }

    /// pwsh's `CheckOperatorInCommandMode`: in command mode `=x` or `+x` is one bareword.
    private func commandOperator(_ kind: TokenKind, _ start: Int, _ len: Int, _ mode: LexMode, _ spaced: Bool) -> Token {
        if mode != .expression && !CharClass.forceStartNewToken(at(start + len)) {
            return withSpace(scanGeneric(start, start, mode: mode), spaced)
        }
        return Token(kind: kind, start: start, end: start + len, precededBySpace: spaced)
    }

    private func scanDot(_ start: Int, mode: LexMode) -> Token {
        let c1 = at(start + 1)
        if c1 == 0x2E {
            if mode != .expression && !CharClass.forceStartNewToken(at(start + 2)) { return scanGeneric(start, start, mode: mode) }
            return Token(kind: .DotDot, start: start, end: start + 2)
        }
        if CharClass.isDigit(c1) { return scanNumber(start, mode: mode) }
        if mode != .expression && !CharClass.forceStartNewToken(c1) && c1 != 0x24 && !CharClass.isQuote(c1) {
            return scanGeneric(start, start, mode: mode)
        }
        return Token(kind: .Dot, start: start, end: start + 1)
    }

    private func scanIdentifier(_ start: Int, mode: LexMode) -> Token {
        var i = start + 1
        while i < limit && CharClass.isIdentifierFollow(u[i]) { i += 1 }
        if mode != .expression && !CharClass.forceStartNewToken(at(i)) {
            return scanGeneric(start, start, mode: mode)
        }
        let word = text(start, i)
        if mode == .command, let kw = keywordTable[word.lowercased()] {
            return Token(kind: kw, start: start, end: i, value: .text(word))
        }
        return Token(kind: mode == .expression ? .Identifier : .Generic, start: start, end: i, value: .text(word))
    }

    /// `-Name`, `-Name:` or, in expression mode, an operator such as `-eq`.
    private func scanParameter(_ start: Int, mode: LexMode) -> Token {
        var i = start + 1
        var colon = false
        scanning: while i < limit {
            let c = u[i]
            if CharClass.isWhitespace(c) { break }
            switch c {
            case 0x7B, 0x7D, 0x28, 0x29, 0x3B, 0x2C, 0x7C, 0x26, 0x2E, 0x5B, 0x0D, 0x0A: break scanning
            case 0x3A:
                colon = true
                if mode != .expression { i += 1 }
                break scanning
            default:
                if CharClass.isASCIILetter(c) { i += 1; continue }
                if CharClass.isQuote(c) {
                    if mode != .expression { return scanGeneric(start, start, mode: mode) }
                    break scanning
                }
                if mode != .expression { i += 1 } else { break scanning }
            }
        }
        let nameEnd = colon && mode != .expression ? i - 1 : i
        let name = text(start + 1, nameEnd)
        if mode == .expression, let op = operatorTable[name.lowercased()] {
            return Token(kind: op, start: start, end: nameEnd)
        }
        if name.isEmpty { return Token(kind: .Minus, start: start, end: start + 1) }
        return Token(kind: .Parameter, start: start, end: i, value: .parameter(name: name, colon: colon && mode != .expression))
    }

    // MARK: - Variables

    /// `$name`, `$scope:name`, `${any}`, `$$`, `$?`, `$^`, `@name`.
    func scanVariable(_ start: Int, splat: Bool, mode: LexMode) -> Token {
        let kind: TokenKind = splat ? .SplattedVariable : .Variable
        let t: Token
        if at(start + 1) == 0x7B {
            t = scanBracedVariable(start, kind: kind)
        } else if let (name, scope, end) = scanVariableName(start + 1, inString: false) {
            t = Token(kind: kind, start: start, end: end, value: .variable(name: name, scope: scope, braced: false))
        } else {
            // pwsh's ScanVariable: a `$` that no name follows is the start of a generic token
            // (`$ x` runs a command named `$`), in either mode.
            return scanGeneric(start, start, mode: mode)
        }
        // In command mode `$x-y` is one expandable bareword; `.` and `[` still access members
        // and `=` assigns (`$h=@"…"@`), as pwsh's ScanVariable ends the name there.
        let next = at(t.end)
        if mode != .expression && !CharClass.forceStartNewToken(next) && next != 0x2E && next != 0x5B && next != 0x3D {
            return scanGeneric(start, start, mode: mode)
        }
        return t
    }

    /// The name after `$` (at `i`): nil when no name follows. Stops before `::` and at the
    /// first character that cannot be in a name.
    func scanVariableName(_ i0: Int, inString: Bool) -> (String, String?, Int)? {
        let c = at(i0)
        guard i0 < limit, CharClass.isVariableStart(c) else { return nil }
        if c == 0x24 || c == 0x3F || c == 0x5E { return (text(i0, i0 + 1), nil, i0 + 1) }
        var i = i0
        var scope: String?
        var nameStart = i0
        while i < limit {
            let ch = u[i]
            if CharClass.isIdentifierFollow(ch) || ch == 0x3F {
                i += 1
            } else if ch == 0x3A && scope == nil && at(i + 1) != 0x3A && i > nameStart {
                let next = at(i + 1)
                if CharClass.isIdentifierFollow(next) || next == 0x3F || next == 0x7B {
                    scope = text(nameStart, i)
                    i += 1
                    nameStart = i
                } else {
                    report("InvalidVariableReferenceWithDrive", start: i0 - 1, end: i + 1)
                    return (text(nameStart, i), nil, i)
                }
            } else {
                break
            }
        }
        if i == nameStart { return nil }
        return (text(nameStart, i), scope, i)
    }

    /// `${name}` with backtick escapes; `${scope:name}` splits off the scope.
    func scanBracedVariable(_ start: Int, kind: TokenKind) -> Token {
        var i = start + 2
        var name: [UInt16] = []
        while i < limit && u[i] != 0x7D {
            if u[i] == 0x60 && i + 1 < limit {
                let (units, next) = decodeEscape(i + 1)
                name.append(contentsOf: units)
                i = next
                continue
            }
            name.append(u[i])
            i += 1
        }
        if i >= limit {
            report("IncompleteDollarVariableReference", start: start, end: limit, incomplete: true)
            return Token(kind: kind, start: start, end: limit, value: .variable(name: String(decoding: name, as: UTF16.self), scope: nil, braced: true))
        }
        if name.isEmpty { report("EmptyVariableReference", start: start, end: i + 1) }
        var full = String(decoding: name, as: UTF16.self)
        var scope: String?
        if let colon = name.firstIndex(of: 0x3A), colon > 0, colon + 1 < name.count,
           name[0..<colon].allSatisfy({ CharClass.isIdentifierFollow($0) }) {
            scope = String(decoding: name[0..<colon], as: UTF16.self)
            full = String(decoding: name[(colon + 1)...], as: UTF16.self)
        }
        return Token(kind: kind, start: start, end: i + 1, value: .variable(name: full, scope: scope, braced: true))
    }

    // MARK: - Generic tokens (barewords)

    /// A bareword from `start`; characters before `from` are taken as they are. Quotes inside
    /// the word are removed, backticks escape, and `$var` / `$( )` make it expandable.
    func scanGeneric(_ start: Int, _ from: Int, mode: LexMode) -> Token {
        var b = StringPieces()
        var i = start
        while i < limit {
            let c = u[i]
            if i > start && CharClass.forceStartNewToken(c) { break }
            if c == 0x60 { // '`'
                if i + 1 < limit {
                    let (units, next) = decodeEscape(i + 1)
                    b.append(units)
                    i = next
                    continue
                }
                b.append(c); i += 1; continue
            }
            if CharClass.isSingleQuote(c) && i > start {
                i = scanSingleQuotedContent(i, into: &b.literal)
                continue
            }
            if CharClass.isDoubleQuote(c) && i > start {
                i = scanDoubleQuotedContent(i, into: &b)
                continue
            }
            if c == 0x24, let next = scanDollarInString(i, into: &b) {
                i = next
                continue
            }
            b.append(c)
            i += 1
        }
        let end = max(i, start + 1)
        if b.parts.isEmpty {
            return Token(kind: .Generic, start: start, end: end, value: .text(b.literal.string))
        }
        return Token(kind: .Generic, start: start, end: end, value: b.finish())
    }
}

/// Accumulates the decoded text and the expansion pieces of a string being scanned.
struct StringPieces {
    var literal = UnitBuffer()
    /// Literal text since the last expansion.
    var pending = UnitBuffer()
    var parts: [LexedStringPart] = []

    mutating func append(_ c: UInt16) { literal.units.append(c); pending.units.append(c) }
    mutating func append(_ cs: [UInt16]) { literal.units.append(contentsOf: cs); pending.units.append(contentsOf: cs) }

    mutating func addPart(_ p: LexedStringPart, raw: [UInt16]) {
        if !pending.units.isEmpty { parts.append(.literal(pending.string)); pending.units.removeAll() }
        parts.append(p)
        literal.units.append(contentsOf: raw)
    }

    func finish() -> TokenValue {
        if parts.isEmpty { return .expandable(literal.string, []) }
        var ps = parts
        if !pending.units.isEmpty { ps.append(.literal(pending.string)) }
        return .expandable(literal.string, ps)
    }
}

/// A growable UTF-16 buffer turned into a String once.
struct UnitBuffer {
    var units: [UInt16] = []
    var string: String { String(decoding: units, as: UTF16.self) }
}
