import Foundation
import PowerShellSyntax
import TeamsTenant

/// Reads a Microsoft365DSC export, a DSC `Configuration` script, as data: the resource blocks
/// of its `Node` blocks, with their properties' values, without running anything (the file is
/// the admin's own, but it is data here: its credential and `$ConfigurationData` references stay
/// unresolved). Built on teamsh's lexer, which gives strings, numbers and comments exactly as
/// pwsh reads them; the shape is Microsoft365DSC's (M365DSCReverse.psm1 at eb886cac):
///
///     Configuration M365TenantConfig
///     {
///         param (…)
///         $OrganizationName = $ConfigurationData.NonNodeData.OrganizationName
///         Import-DscResource -ModuleName 'Microsoft365DSC' -ModuleVersion '1.24.1016.1'
///         Node localhost
///         {
///             TeamsMeetingPolicy "TeamsMeetingPolicy-Global"
///             {
///                 AllowMeetNow = $True;
///                 Identity     = "Global";
///                 PinnedAppBarApps = @("…","…");
///                 NormalizationRules = @(
///                     MSFT_TeamsVoiceNormalizationRule{ Pattern = '^(\d+)$'; Priority = 0 }
///                 );
///             }
///         }
///     }
///
/// Statements of the configuration other than `Node` blocks (param, variables, Import-DscResource,
/// `if` blocks) and everything outside the configuration are skipped. Anything else that is not
/// this shape is an `InputFileError` naming the file and the line.
struct Microsoft365DSCReader {
    let path: String
    let source: SourceText
    let lexer: Lexer
    private var offset = 0

    init(text: String, path: String) {
        self.path = path
        source = SourceText(text: text, path: path)
        lexer = Lexer(source: source)
    }

    /// The resource blocks of every `Node` of every `Configuration` in the text.
    static func read(_ text: String, path: String) throws -> [DscResource] {
        var reader = Microsoft365DSCReader(text: text, path: path)
        return try reader.readFile()
    }

    // MARK: Tokens

    private func peek() -> Token { lexer.scan(at: offset, mode: .expression) }

    @discardableResult
    private mutating func take() -> Token {
        let token = peek()
        offset = max(token.end, offset + (token.kind == .EndOfInput ? 0 : 1))
        return token
    }

    private func line(_ token: Token) -> Int { source.location(of: token.start).line }

    private func text(_ token: Token) -> String {
        let units = source.units
        let start = max(0, min(token.start, units.count)), end = max(start, min(token.end, units.count))
        return String(decoding: units[start..<end], as: UTF16.self)
    }

    private func fail(_ token: Token, _ message: String) -> InputFileError {
        // A lexer error (an unterminated string swallows the rest of the file) is the real problem.
        if let first = lexer.errors.first {
            return InputFileError(path: path, line: source.location(of: first.extent.start).line, message: first.message)
        }
        return InputFileError(path: path, line: line(token), message: message)
    }

    /// `token` as a bare word (`Configuration`, `Node`, a resource type), or nil.
    private func word(_ token: Token) -> String? {
        token.kind == .Identifier || token.kind == .Generic ? token.stringValue ?? text(token) : nil
    }

    private func isWord(_ token: Token, _ expected: String) -> Bool {
        word(token)?.lowercased() == expected
    }

    private mutating func skipNewlines() {
        while peek().kind == .NewLine { take() }
    }

    private mutating func skipSeparators() {
        while [.NewLine, .Semi].contains(peek().kind) { take() }
    }

    private mutating func expectOpeningCurly(after what: String) throws {
        skipNewlines()
        let token = take()
        guard token.kind == .LCurly else { throw fail(token, "'{' expected after \(what), found '\(text(token))'") }
    }

    /// Skips one statement: up to a newline or `;` outside brackets, or up to (not over) the `}`
    /// that closes the enclosing block.
    private mutating func skipStatement() throws {
        var depth = 0
        while true {
            let token = peek()
            switch token.kind {
            case .EndOfInput:
                if depth > 0 { throw fail(token, "the file ends inside an unclosed bracket") }
                return
            case .NewLine where depth == 0, .Semi where depth == 0:
                take()
                return
            case .RCurly where depth == 0:
                return
            case .LParen, .LCurly, .LBracket, .AtParen, .AtCurly, .DollarParen:
                depth += 1
            case .RParen, .RCurly, .RBracket:
                depth -= 1
            default:
                break
            }
            take()
        }
    }

    // MARK: Structure

    // G file := { statement } — one or more `Configuration Name { configurationBody }` among them
    private mutating func readFile() throws -> [DscResource] {
        var resources: [DscResource] = []
        var configurations = 0
        while true {
            skipSeparators()
            let token = peek()
            if token.kind == .EndOfInput { break }
            if isWord(token, "configuration") {
                take()
                let name = take()
                guard word(name) != nil else { throw fail(name, "a configuration name is expected after 'Configuration'") }
                try expectOpeningCurly(after: "Configuration \(text(name))")
                resources += try readConfigurationBody(opening: token)
                configurations += 1
            } else {
                try skipStatement()
                if peek().kind == .RCurly { throw fail(peek(), "'}' closes no block") }
            }
        }
        if let first = lexer.errors.first {
            throw InputFileError(path: path, line: source.location(of: first.extent.start).line, message: first.message)
        }
        guard configurations > 0 else {
            throw InputFileError(path: path, line: 0,
                                 message: "not a Microsoft365DSC export: it has no 'Configuration Name { Node … { … } }' block")
        }
        return resources
    }

    // G configurationBody := { 'Node' names '{' nodeBody '}' | statement } '}'
    private mutating func readConfigurationBody(opening: Token) throws -> [DscResource] {
        var resources: [DscResource] = []
        while true {
            skipSeparators()
            let token = peek()
            switch token.kind {
            case .RCurly:
                take()
                return resources
            case .EndOfInput:
                throw fail(opening, "the Configuration block is not closed with '}'")
            default:
                if isWord(token, "node") {
                    take()
                    // The node's names (localhost, $AllNodes.NodeName, @('a', 'b')) up to its '{'.
                    while ![.LCurly, .EndOfInput, .NewLine].contains(peek().kind) { take() }
                    try expectOpeningCurly(after: "Node")
                    resources += try readNodeBody(opening: token)
                } else {
                    try skipStatement()
                }
            }
        }
    }

    // G nodeBody := { resourceType resourceName '{' properties '}' } '}'
    private mutating func readNodeBody(opening: Token) throws -> [DscResource] {
        var resources: [DscResource] = []
        while true {
            skipSeparators()
            let token = take()
            if token.kind == .RCurly { return resources }
            if token.kind == .EndOfInput { throw fail(opening, "the Node block is not closed with '}'") }
            guard let type = word(token) else {
                throw fail(token, "a resource block (Type 'Name' { … }) is expected, found '\(text(token))'")
            }
            let nameToken = take()
            let name: String
            switch nameToken.kind {
            case .StringLiteral, .StringExpandable, .Identifier, .Generic, .Number:
                name = nameToken.stringValue ?? text(nameToken)
            default:
                throw fail(nameToken, "the \(type) block needs a name after '\(type)'")
            }
            try expectOpeningCurly(after: "\(type) '\(name)'")
            let properties = try readProperties(of: "the \(type) block", opening: token)
            resources.append(DscResource(type: type, name: name, line: line(token), properties: properties))
        }
    }

    // G properties := { name '=' value ( newline | ';' ) } '}'
    private mutating func readProperties(of what: String, opening: Token) throws -> [DscProperty] {
        var properties: [DscProperty] = []
        while true {
            skipSeparators()
            let token = take()
            if token.kind == .RCurly { return properties }
            if token.kind == .EndOfInput { throw fail(opening, "\(what) is not closed with '}'") }
            let name: String
            if let bare = word(token) {
                name = bare
            } else if token.kind == .StringLiteral, let quoted = token.stringValue {
                name = quoted
            } else {
                throw fail(token, "a property (Name = value) is expected in \(what), found '\(text(token))'")
            }
            let equals = take()
            guard equals.kind == .Equals else { throw fail(equals, "'=' expected after '\(name)' in \(what)") }
            let value = try readValue(for: name)
            let next = peek()
            guard [.NewLine, .Semi, .RCurly, .EndOfInput].contains(next.kind) else {
                throw fail(next, "unexpected '\(text(next))' after the value of \(name)")
            }
            properties.append(DscProperty(name: name, value: value, line: line(token)))
        }
    }

    // MARK: Values

    // G value := item { ',' item }
    private mutating func readValue(for name: String) throws -> DscValue {
        let first = try readItem(for: name)
        guard peek().kind == .Comma else { return first }
        var items = [first]
        while peek().kind == .Comma {
            take()
            skipNewlines()
            items.append(try readItem(for: name))
        }
        return .list(items)
    }

    // G item := string | number | '-' number | variable | '@(' items ')' | '(' value ')' | '@{' properties '}'
    //         | cimClass '{' properties '}'
    private mutating func readItem(for name: String) throws -> DscValue {
        skipNewlines()
        let token = take()
        switch token.kind {
        case .StringLiteral, .HereStringLiteral:
            return .string(token.stringValue ?? "")
        case .StringExpandable, .HereStringExpandable:
            if case .expandable(let expanded, let parts) = token.value {
                let literal = parts.allSatisfy { if case .literal = $0 { return true } else { return false } }
                return literal ? .string(expanded) : .unresolved(text(token))
            }
            return .string(token.stringValue ?? "")
        case .Number:
            return try number(token, negative: false)
        case .Minus:
            let digits = take()
            guard digits.kind == .Number else { throw fail(digits, "a number is expected after '-' in the value of \(name)") }
            return try number(digits, negative: true)
        case .Variable:
            if case .variable(let variable, nil, _) = token.value {
                switch variable.lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                default: break
                }
            }
            try skipMemberAccess()
            return .unresolved(text(token))
        case .AtParen:
            var items: [DscValue] = []
            while true {
                skipSeparators()
                if peek().kind == .RParen {
                    take()
                    return .list(items)
                }
                if peek().kind == .EndOfInput { throw fail(token, "'@(' in the value of \(name) is not closed with ')'") }
                // @( ) unrolls what it holds, as PowerShell's array subexpression does.
                let value = try readValue(for: name)
                if case .list(let inner) = value { items += inner } else { items.append(value) }
            }
        case .LParen:
            let value = try readValue(for: name)
            skipNewlines()
            let closing = take()
            guard closing.kind == .RParen else { throw fail(closing, "')' expected in the value of \(name)") }
            return value
        case .AtCurly:
            return .instance(type: "", properties: try readProperties(of: "the hashtable of \(name)", opening: token))
        case .Identifier, .Generic:
            let type = word(token) ?? text(token)
            try expectOpeningCurly(after: type)
            return .instance(type: type, properties: try readProperties(of: "the \(type) instance", opening: token))
        default:
            throw fail(token, "a value is expected after '\(name) =', found '\(text(token))'")
        }
    }

    /// A number token's value; whole numbers stay whole.
    private func number(_ token: Token, negative: Bool) throws -> DscValue {
        guard case .number(let literal) = token.value else { throw fail(token, "'\(text(token))' is not a number") }
        let sign = negative ? -1 : 1
        switch literal {
        case .int32(let n): return .int(sign * Int(n))
        case .int64(let n): return .int(sign * Int(n))
        case .byte(let n): return .int(sign * Int(n))
        case .sbyte(let n): return .int(sign * Int(n))
        case .int16(let n): return .int(sign * Int(n))
        case .uint16(let n): return .int(sign * Int(n))
        case .uint32(let n): return .int(sign * Int(n))
        case .uint64(let n):
            guard let whole = Int(exactly: n) else { throw fail(token, "\(n) is too large") }
            return .int(sign * whole)
        case .double(let d): return .double(negative ? -d : d)
        case .decimal(let text), .bigInteger(let text):
            guard let d = Double(text) else { throw fail(token, "'\(text)' is not a number teamsh reads") }
            return .double(negative ? -d : d)
        }
    }

    /// `.Member`, `[index]` and `(arguments)` right after a variable
    /// (`$ConfigurationData.NonNodeData.ApplicationId`, `$Credential.UserName.Split('@')[1]`).
    private mutating func skipMemberAccess() throws {
        while true {
            let token = peek()
            guard !token.precededBySpace else { return }
            switch token.kind {
            case .Dot:
                take()
                take()
            case .LBracket, .LParen:
                let closing: TokenKind = token.kind == .LBracket ? .RBracket : .RParen
                var depth = 0
                repeat {
                    let inner = take()
                    if inner.kind == .EndOfInput { throw fail(token, "'\(text(token))' is not closed") }
                    if inner.kind == token.kind { depth += 1 }
                    if inner.kind == closing { depth -= 1 }
                } while depth > 0
            default:
                return
            }
        }
    }
}
