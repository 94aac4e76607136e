/// One bracketed item before an expression or parameter: an attribute (`[Alias('x')]`,
/// `[CmdletBinding()]`) or a type constraint (`[string]`).
enum AttributeOrType {
    case attribute(AttributeAst)
    case type(TypeName, SourceExtent)
}

// MARK: - Attributes and type names

extension Parser {
    // G attribute_list = attribute { attribute } ;
    /// Brackets right after one another (spaces allowed, not newlines) in expression mode.
    func parseAttributeList(single: Bool = false) -> [AttributeOrType] {
        var items: [AttributeOrType] = []
        while !aborted && peek().kind == .LBracket {
            guard let item = parseAttribute() else { break }
            items.append(item)
            if single { break }
        }
        return items
    }

    // G attribute = '[' type_name [ '(' attribute_arguments ] ']' ;
    func parseAttribute() -> AttributeOrType? {
        let lBracket = advance()
        var i = lBracket.end
        guard let (type, typeEnd) = parseTypeName(&i) else {
            reportIncomplete("MissingTypename", extent: after(lBracket), at: peekAt(i))
            resync(i)
            return nil
        }
        skipSpaces(&i)
        if lexer.at(i) == 0x2C, let specEnd = assemblyNameSpecEnd(from: i + 1) {
            // `[System.Collections.Generic.List[string], System.Private.CoreLib]`: as pwsh's
            // FinishTypeNameRule, an assembly name may follow the outermost type; types resolve
            // by name, so the assembly is read and dropped.
            i = specEnd
        }
        if lexer.at(i) == 0x28 { // '('
            resync(i)
            let lParen = advance()
            var positional: [ExpressionAst] = []
            var named: [(name: String, value: ExpressionAst?)] = []
            let closeEnd = parseAttributeArguments(lParen, &positional, &named)
            let r = peek()
            var end = closeEnd
            if r.kind == .RBracket {
                advance()
                end = r.end
            } else {
                reportIncomplete("EndSquareBracketExpectedAtEndOfAttribute", extent: extent(closeEnd, closeEnd), at: r)
            }
            return .attribute(AttributeAst(extent: extent(lBracket.start, end), typeName: type, positionalArguments: positional, namedArguments: named))
        }
        if lexer.at(i) == 0x5D { // ']'
            resync(i + 1)
            return .type(type, extent(lBracket.start, i + 1))
        }
        reportIncomplete("EndSquareBracketExpectedAtEndOfType", extent: extent(typeEnd, typeEnd), at: peekAt(i))
        resync(i)
        return .type(type, extent(lBracket.start, typeEnd))
    }

    private func peekAt(_ i: Int) -> Token { lexer.scan(at: i, mode: .expression) }

    /// Where an assembly name after a type name's comma ends (at the closing `]`, as pwsh's
    /// tokenizer GetAssemblyNameSpec reads it); nil when there is no name before the `]`.
    func assemblyNameSpecEnd(from start: Int) -> Int? {
        var k = start
        while lexer.at(k) != 0, lexer.at(k) != 0x5D, lexer.at(k) != 0x5B, lexer.at(k) != 0x0A { k += 1 }
        let spec = lexer.text(start, k)
        return spec.allSatisfy { $0 == " " || $0 == "\t" } ? nil : k
    }

    func skipSpaces(_ i: inout Int) {
        while lexer.at(i) == 0x20 || lexer.at(i) == 0x09 { i += 1 }
    }

    private func isTypeNameChar(_ c: UInt16) -> Bool {
        CharClass.isIdentifierFollow(c) || c == 0x2E || c == 0x60 || c == 0x2B || c == 0x5C || c == 0x23
    }

    // G type_name = type_identifier [ '[' ( type_name | '[' type_name ']' ) { ',' ( type_name | '[' type_name ']' ) } ']' ] { '[' { ',' } ']' } ;
    /// Reads a type name from the characters at `i` (no tokens: `List[string]` has no spaces
    /// rules of its own). Returns the type and where its name ended.
    func parseTypeName(_ i: inout Int) -> (TypeName, Int)? {
        guard enter() else { return nil }
        defer { leave() }
        skipSpaces(&i)
        let start = i
        while isTypeNameChar(lexer.at(i)) { i += 1 }
        if i == start { return nil }
        let name = lexer.text(start, i)
        var type = TypeName.simple(name)
        var end = i
        while lexer.at(i) == 0x5B {
            var j = i + 1
            skipSpaces(&j)
            let c = lexer.at(j)
            if c == 0x5D || c == 0x2C {
                var rank = 1
                while lexer.at(j) == 0x2C || lexer.at(j) == 0x20 {
                    if lexer.at(j) == 0x2C { rank += 1 }
                    j += 1
                }
                guard lexer.at(j) == 0x5D else { break }
                type = .array(type, rank: rank)
                i = j + 1
                end = i
                continue
            }
            // Generic arguments: `[T1, T2]` or `[[T1], [T2]]`.
            var args: [TypeName] = []
            var k = i + 1
            var ok = true
            while true {
                skipSpaces(&k)
                var bracketed = false
                if lexer.at(k) == 0x5B { bracketed = true; k += 1 }
                guard let (arg, _) = parseTypeName(&k) else { ok = false; break }
                skipSpaces(&k)
                if bracketed {
                    // `[[System.String, mscorlib], …]`: a bracketed argument may name its
                    // assembly after a comma (pwsh's GetAssemblyNameSpec reads to the `]`);
                    // types resolve by name, so the assembly is read and dropped.
                    if lexer.at(k) == 0x2C {
                        guard let specEnd = assemblyNameSpecEnd(from: k + 1) else { ok = false; break }
                        k = specEnd
                    }
                    guard lexer.at(k) == 0x5D else { ok = false; break }
                    k += 1
                    skipSpaces(&k)
                }
                args.append(arg)
                if lexer.at(k) == 0x2C { k += 1; continue }
                if lexer.at(k) == 0x5D { k += 1; break }
                ok = false
                break
            }
            if !ok || args.isEmpty { break }
            if case .simple(let n) = type { type = .generic(n, args) } else { break }
            i = k
            end = i
        }
        return (type, end)
    }

    // G generic_method_arguments = '[' type_name { ',' type_name } ']' ;
    /// `.Method[T1, T2](…)` (pwsh 7.3): from just after the `[`, the type arguments and the offset
    /// after the `]`, when each argument is a plain type name (`[T]` is not allowed there) and the
    /// `]` closes the list; nil otherwise, and the `[` starts an index.
    func parseGenericMethodArguments(from start: Int) -> (types: [TypeName], end: Int)? {
        var i = start
        var types: [TypeName] = []
        while true {
            while lexer.at(i) == 0x20 || lexer.at(i) == 0x09 || lexer.at(i) == 0x0A || lexer.at(i) == 0x0D { i += 1 }
            guard CharClass.isIdentifierStart(lexer.at(i)), let (t, _) = parseTypeName(&i) else { return nil }
            types.append(t)
            while lexer.at(i) == 0x20 || lexer.at(i) == 0x09 || lexer.at(i) == 0x0A || lexer.at(i) == 0x0D { i += 1 }
            if lexer.at(i) == 0x2C { i += 1; continue }
            if lexer.at(i) == 0x5D { return (types, i + 1) }
            return nil
        }
    }

    // G attribute_arguments = [ ( identifier [ '=' new_lines? expression ] | expression )
    // G     { ',' new_lines? ( identifier [ '=' new_lines? expression ] | expression ) } ] ')' ;
    /// The `(` has been consumed; returns the end offset of the `)`.
    private func parseAttributeArguments(_ lParen: Token, _ positional: inout [ExpressionAst],
                                         _ named: inout [(name: String, value: ExpressionAst?)]) -> Int {
        let oldComma = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = oldComma }
        skipNewlines()
        if peek().kind == .RParen { return advance().end }
        while !aborted {
            skipNewlines()
            let t = peek()
            if t.kind == .Identifier {
                advance()
                skipNewlines()
                if peek().kind == .Equals {
                    let eq = advance()
                    skipNewlines()
                    if let v = parseExpression() {
                        named.append((t.stringValue ?? text(t), v))
                    } else {
                        reportIncomplete("MissingExpressionInNamedArgument", extent: after(eq), at: peek())
                        named.append((t.stringValue ?? text(t), nil))
                    }
                } else {
                    named.append((t.stringValue ?? text(t), nil))
                }
            } else if let e = parseExpression() {
                positional.append(e)
            } else {
                reportIncomplete("MissingExpressionAfterToken", ",", extent: extent(t), at: t)
                return t.start
            }
            skipNewlines()
            let sep = peek()
            if sep.kind == .Comma { advance(); continue }
            if sep.kind == .RParen { return advance().end }
            reportIncomplete("MissingEndParenthesisInExpression", extent: extent(sep), at: sep)
            return sep.start
        }
        return pos
    }

    // MARK: - Parameters

    // G param_block = [ attribute_list new_lines? ] 'param' new_lines? '(' parameter_list ')' ;
    /// The `param()` at the top of a script block, with its attributes; nil (having read
    /// nothing) when there is none.
    func parseParamBlock() -> ParamBlockAst? {
        let save = pos
        var attributes: [AttributeAst] = []
        let first = peek()
        if first.kind == .LBracket || (first.kind == .Generic && lexer.at(first.start) == 0x5B) {
            resync(first.start)
            withMode(.expression) {
                while peek().kind == .LBracket {
                    for item in parseAttributeList(single: true) {
                        if case .attribute(let a) = item { attributes.append(a) }
                    }
                    skipNewlines()
                }
            }
            skipNewlines()
        }
        let kw = peek()
        guard kw.kind == .Param else { resync(save); return nil }
        let afterKw = kw.end
        advance()
        skipNewlines()
        let lParen = peek()
        guard lParen.kind == .LParen else { resync(save); _ = afterKw; return nil }
        advance()
        let (parameters, end) = parseParameterList(lParen)
        let start = attributes.first?.extent.start ?? kw.start
        return ParamBlockAst(extent: extent(start, end), attributes: attributes, parameters: parameters)
    }

    // G parameter_list = [ { attribute new_lines? } variable_token [ '=' new_lines? expression ]
    // G     { ',' new_lines? { attribute new_lines? } variable_token [ '=' new_lines? expression ] } ] new_lines? ')' ;
    /// The `(` has been consumed; returns the parameters and the end offset of `)`.
    func parseParameterList(_ lParen: Token) -> ([ParameterAst], Int) {
        let oldComma = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = oldComma }
        return withMode(.expression) {
            var params: [ParameterAst] = []
            var names = Set<String>()
            skipNewlines()
            if peek().kind == .RParen { return (params, advance().end) }
            while !aborted {
                skipNewlines()
                var attrs: [AttributeAst] = []
                var types: [TypeName] = []
                let start = peek().start
                while peek().kind == .LBracket {
                    for item in parseAttributeList(single: true) {
                        switch item {
                        case .attribute(let a): attrs.append(a)
                        case .type(let t, _): types.append(t)
                        }
                    }
                    skipNewlines()
                }
                let v = peek()
                guard v.kind == .Variable, case .variable(let name, _, _) = v.value else {
                    reportIncomplete("InvalidFunctionParameter", extent: extent(v), at: v)
                    // ErrorRecovery: skip to the closing parenthesis.
                    while true {
                        let k = peek().kind
                        if k == .RParen { return (params, advance().end) }
                        if k == .EndOfInput || k == .LCurly || k == .RCurly { return (params, v.start) }
                        advance()
                    }
                }
                advance()
                // SemanticChecks.CheckForDuplicateParameters: a name used twice (any case).
                if !names.insert(name.lowercased()).inserted {
                    semanticErrors.append(ParseError(id: "DuplicateFormalParameter", message: ParserMessages.format("DuplicateFormalParameter", [name]),
                                                     extent: extent(v)))
                }
                var defaultValue: ExpressionAst?
                var end = v.end
                skipNewlines()
                if peek().kind == .Equals {
                    let eq = advance()
                    skipNewlines()
                    if let d = parseExpression() {
                        defaultValue = d
                        end = d.extent.end
                    } else {
                        reportIncomplete("MissingExpressionAfterToken", "=", extent: after(eq), at: peek())
                    }
                }
                params.append(ParameterAst(extent: extent(start, end), name: name, attributes: attrs, typeConstraints: types, defaultValue: defaultValue))
                skipNewlines()
                let sep = peek()
                if sep.kind == .Comma { advance(); continue }
                if sep.kind == .RParen { return (params, advance().end) }
                reportIncomplete("MissingEndParenthesisInFunctionParameterList", extent: after(extent(start, end)), at: sep)
                return (params, end)
            }
            return (params, pos)
        }
    }

    // MARK: - Functions

    // G function_statement = ( 'function' | 'filter' | 'workflow' ) new_lines? generic_token
    // G                      [ '(' parameter_list ] new_lines? '{' script_block_after_curly ;
    func parseFunctionStatement() -> StatementAst? {
        let kw = advance()
        skipNewlines()
        let nameToken = withMode(.command) { peek() }
        switch nameToken.kind {
        case .EndOfInput, .NewLine, .LCurly, .RCurly, .LParen, .RParen, .Semi:
            reportIncomplete("MissingNameAfterKeyword", text(kw), extent: after(kw), at: nameToken)
            return emptyStatement(kw.end)
        default: break
        }
        advance()
        let name = nameToken.kind == .Generic || nameToken.kind == .StringLiteral ? (nameToken.stringValue ?? text(nameToken)) : text(nameToken)
        var last = nameToken.end
        var parameters: [ParameterAst]?
        skipNewlines()
        if peek().kind == .LParen {
            let lParen = advance()
            let (ps, end) = parseParameterList(lParen)
            parameters = ps
            last = end
            skipNewlines()
        }
        let lCurly = peek()
        guard lCurly.kind == .LCurly else {
            reportIncomplete("MissingFunctionBody", extent: extent(last, last), at: lCurly)
            return emptyStatement(last)
        }
        advance()
        let body = parseScriptBlockAfterCurly(lCurly)
        if let ps = parameters {
            if body.paramBlock != nil {
                reportError("OnlyOneParameterListAllowed", extent: body.paramBlock?.extent ?? extent(lCurly))
            } else {
                let first = ps.first?.extent ?? extent(last, last)
                body.paramBlock = ParamBlockAst(extent: first.union(ps.last?.extent ?? first), attributes: [], parameters: ps)
            }
        }
        return .functionDefinition(FunctionDefinitionAst(extent: extent(kw.start, body.extent.end), name: name,
                                                         isFilter: kw.kind == .Filter, parameters: parameters, body: body))
    }

    // G script_block_after_curly = script_block_body '}' ;
    /// A script block whose `{` has been consumed, through its `}`.
    func parseScriptBlockAfterCurly(_ lCurly: Token) -> ScriptBlockAst {
        withMode(.command) {
            let body = parseScriptBlockBody(startOffset: lCurly.start, closing: lCurly)
            let r = peek()
            var end = pos
            if r.kind == .RCurly {
                advance()
                end = r.end
            } else {
                reportIncomplete("MissingEndCurlyBrace", extent: extent(lCurly), at: r)
            }
            return ScriptBlockAst(extent: extent(lCurly.start, end), usingStatements: body.usingStatements, paramBlock: body.paramBlock,
                                  dynamicParamBlock: body.dynamicParamBlock, beginBlock: body.beginBlock,
                                  processBlock: body.processBlock, endBlock: body.endBlock, cleanBlock: body.cleanBlock)
        }
    }
}
