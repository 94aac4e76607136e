// MARK: - Expressions

extension Parser {
    /// A placeholder where an expression was required but missing (an error has been reported).
    func errorExpression(_ x: SourceExtent) -> ExpressionAst {
        .stringConstant(StringConstantExpressionAst(extent: x, value: "", kind: .bareWord))
    }

    // G expression = binary_expression [ '?' new_lines? expression new_lines? ':' new_lines? expression ] ;
    func parseExpression() -> ExpressionAst? {
        guard enter() else { return nil }
        defer { leave() }
        guard let condition = parseBinaryExpression(minPrecedence: 1) else { return nil }
        let q = peek()
        guard q.kind == .QuestionMark else { return condition }
        advance()
        skipNewlines()
        guard let ifTrue = withTernaryNumbers({ parseExpression() }) else {
            reportIncomplete("ExpectedValueExpression", "?", extent: after(q), at: peek())
            return condition
        }
        skipNewlines()
        let colon = peek()
        guard colon.kind == .Colon else {
            reportIncomplete("MissingColonInTernaryExpression", extent: after(ifTrue.extent), at: colon)
            return .ternary(TernaryExpressionAst(extent: condition.extent.union(ifTrue.extent), condition: condition,
                                                 ifTrue: ifTrue, ifFalse: errorExpression(after(ifTrue.extent))))
        }
        advance()
        skipNewlines()
        guard let ifFalse = withTernaryNumbers({ parseExpression() }) else {
            reportIncomplete("ExpectedValueExpression", ":", extent: after(colon), at: peek())
            return .ternary(TernaryExpressionAst(extent: condition.extent.union(extent(colon)), condition: condition,
                                                 ifTrue: ifTrue, ifFalse: errorExpression(after(colon))))
        }
        return .ternary(TernaryExpressionAst(extent: condition.extent.union(ifFalse.extent), condition: condition, ifTrue: ifTrue, ifFalse: ifFalse))
    }

    // G binary_expression = array_literal_expression { binary_operator new_lines? array_literal_expression } ;
    /// Left-associative operators by pwsh's precedence: `-and -or -xor` < `-band -bor -bxor` <
    /// comparisons < `??` < `+ -` < `* / %` < `-f` < `..`.
    func parseBinaryExpression(minPrecedence: Int) -> ExpressionAst? {
        guard var left = parseArrayLiteralExpression() else { return nil }
        while !aborted {
            let op = peek()
            let precedence = op.kind.binaryPrecedence
            if precedence == 0 || precedence < minPrecedence { break }
            advance()
            skipNewlines()
            guard let right = parseBinaryExpression(minPrecedence: precedence + 1) else {
                reportIncomplete("ExpectedValueExpression", text(op), extent: after(op), at: peek())
                return left
            }
            left = .binary(BinaryExpressionAst(extent: left.extent.union(right.extent), op: binaryOperator(op), left: left,
                                               right: right, operatorExtent: extent(op)))
        }
        return left
    }

    private func binaryOperator(_ t: Token) -> BinaryOperator {
        switch t.kind {
        case .Plus: return .add
        case .Minus: return .subtract
        case .Multiply: return .multiply
        case .Divide: return .divide
        case .Rem: return .remainder
        case .DotDot: return .range
        case .QuestionQuestion: return .nullCoalesce
        default:
            var name = text(t).lowercased()
            if let f = name.first, f != "-" { _ = f } else { name.removeFirst() }
            // Dashes other than '-' (en dash, em dash) spell the same operator.
            return binaryOperatorTable[name] ?? .eq
        }
    }

    // G array_literal_expression = unary_expression { ',' new_lines? unary_expression } ;
    func parseArrayLiteralExpression() -> ExpressionAst? {
        guard let first = parseUnaryExpression() else { return nil }
        if disableCommaOperator || peek().kind != .Comma { return first }
        var elements = [first]
        while peek().kind == .Comma && !aborted {
            let comma = advance()
            skipNewlines()
            guard let next = parseUnaryExpression() else {
                reportIncomplete("MissingExpressionAfterToken", ",", extent: after(comma), at: peek())
                break
            }
            elements.append(next)
        }
        if elements.count == 1 { return first }
        return .arrayLiteral(ArrayLiteralAst(extent: first.extent.union(elements[elements.count - 1].extent), elements: elements))
    }

    // G unary_expression = primary_expression [ '++' | '--' ]
    // G                  | ( ',' | '-not' | '!' | '-bnot' | '+' | '-' | '++' | '--' | '-split' | '-join' ) new_lines? unary_expression
    // G                  | type_or_attributed_expression ;
    func parseUnaryExpression() -> ExpressionAst? {
        guard enter() else { return nil }
        defer { leave() }
        let t = peek()
        var expr: ExpressionAst?
        switch t.kind {
        case .Minus, .Plus:
            // `-5` right after the sign is a negative number constant, as pwsh's AllowSignedNumbers.
            let next = lexer.at(t.end)
            if CharClass.isDigit(next) || (next == 0x2E && CharClass.isDigit(lexer.at(t.end + 1))) {
                let n = lexer.scanNumber(t.start, mode: .expression)
                if n.kind == .Number, case .number(let value) = n.value {
                    resync(n.end)
                    expr = .constant(ConstantExpressionAst(extent: extent(n), value: value))
                    break
                }
            }
            fallthrough
        case .Comma where !disableCommaOperator, .Not, .Exclaim, .Bnot, .PlusPlus, .MinusMinus, .Isplit, .Csplit, .Join:
            advance()
            skipNewlines()
            guard let operand = withTernaryNumbers({ parseUnaryExpression() }) else {
                reportIncomplete("MissingExpressionAfterOperator", text(t), extent: after(t), at: peek())
                return errorExpression(extent(t))
            }
            expr = .unary(UnaryExpressionAst(extent: extent(t).union(operand.extent), op: unaryOperator(t), operand: operand))
        case .LBracket:
            expr = parseTypeOrAttributedExpression()
        default:
            expr = parsePrimaryExpression(withMemberAccess: true)
        }
        guard let e = expr else { return nil }
        let post = peek()
        if (post.kind == .PlusPlus || post.kind == .MinusMinus) && mode == .expression {
            advance()
            return .unary(UnaryExpressionAst(extent: e.extent.union(extent(post)), op: post.kind == .PlusPlus ? .postIncrement : .postDecrement, operand: e))
        }
        return e
    }

    private func unaryOperator(_ t: Token) -> UnaryOperator {
        switch t.kind {
        case .Minus: return .negate
        case .Plus: return .plus
        case .Comma: return .comma
        case .Not, .Exclaim: return .not
        case .Bnot: return .bnot
        case .PlusPlus: return .preIncrement
        case .MinusMinus: return .preDecrement
        case .Join: return .join
        default: return .split
        }
    }

    // G type_or_attributed_expression = attribute_list ( postfix_operators | [ unary_expression ] ) ;
    /// `[type]`, `[type]::Member`, `[type]expr`, `[Attribute()]expr`.
    private func parseTypeOrAttributedExpression() -> ExpressionAst? {
        let attrs = parseAttributeList()
        guard let last = attrs.last else { return nil }
        var expr: ExpressionAst
        switch last {
        case .attribute(let a):
            skipNewlines()
            guard let child = parseUnaryExpression() else {
                reportIncomplete("UnexpectedAttribute", a.typeName.description, extent: a.extent, at: peek())
                return errorExpression(a.extent)
            }
            expr = .attributed(AttributedExpressionAst(extent: a.extent.union(child.extent), attribute: a, child: child))
        case .type(let tn, let x):
            let c0 = charAtPos(), c1 = charAtPos(1)
            if (c0 == 0x3A && c1 == 0x3A) || (c0 == 0x2E && c1 != 0x2E) {
                expr = parsePostfixOperators(.typeLiteral(TypeExpressionAst(extent: x, type: tn)))
            } else {
                let next = peek()
                if next.kind != .NewLine && next.kind != .Comma, let child = parseUnaryExpression() {
                    expr = .convert(ConvertExpressionAst(extent: x.union(child.extent), type: tn, typeExtent: x, child: child))
                } else {
                    expr = .typeLiteral(TypeExpressionAst(extent: x, type: tn))
                }
            }
        }
        for item in attrs.dropLast().reversed() {
            switch item {
            case .attribute(let a): expr = .attributed(AttributedExpressionAst(extent: a.extent.union(expr.extent), attribute: a, child: expr))
            case .type(let tn, let x): expr = .convert(ConvertExpressionAst(extent: x.union(expr.extent), type: tn, typeExtent: x, child: expr))
            }
        }
        return expr
    }

    // G primary_expression = ( paren_expression | sub_expression | script_block_expression | hash_literal_expression
    // G                      | string_token | expandable_string_token | number_token | variable_token ) [ postfix_operators ] ;
    func parsePrimaryExpression(withMemberAccess: Bool) -> ExpressionAst? {
        guard enter() else { return nil }
        defer { leave() }
        let t = peek()
        var expr: ExpressionAst
        switch t.kind {
        case .Variable, .SplattedVariable:
            advance()
            expr = variableExpression(t)
        case .Number:
            advance()
            if case .number(let v) = t.value { expr = .constant(ConstantExpressionAst(extent: extent(t), value: v)) }
            else { expr = errorExpression(extent(t)) }
        case .StringLiteral, .HereStringLiteral:
            advance()
            expr = .stringConstant(StringConstantExpressionAst(extent: extent(t), value: t.stringValue ?? "",
                                                               kind: t.kind == .StringLiteral ? .singleQuoted : .singleQuotedHereString))
        case .StringExpandable, .HereStringExpandable:
            advance()
            let kind: StringConstantKind = t.kind == .StringExpandable ? .doubleQuoted : .doubleQuotedHereString
            if case .expandable(let value, let parts) = t.value {
                expr = expandableString(t, value: value, parts: parts, kind: kind)
            } else {
                expr = .stringConstant(StringConstantExpressionAst(extent: extent(t), value: t.stringValue ?? "", kind: kind))
            }
        case .LParen: expr = parseParenExpression()
        case .DollarParen, .AtParen: expr = parseSubExpression()
        case .AtCurly: expr = parseHashLiteralExpression()
        case .LCurly: expr = parseScriptBlockExpression()
        default: return nil
        }
        return withMemberAccess ? parsePostfixOperators(expr) : expr
    }

    func variableExpression(_ t: Token) -> ExpressionAst {
        guard case .variable(let name, let scope, _) = t.value else { return errorExpression(extent(t)) }
        if scope?.lowercased() == "using" {
            return .using(UsingExpressionAst(extent: extent(t), variable: VariableExpressionAst(extent: extent(t), name: name, scope: nil,
                                                                                               splatted: t.kind == .SplattedVariable)))
        }
        return .variable(VariableExpressionAst(extent: extent(t), name: name, scope: scope, splatted: t.kind == .SplattedVariable))
    }

    /// Turns the lexer's pieces into an expandable string (or a constant when nothing expands).
    func expandableString(_ t: Token, value: String, parts: [LexedStringPart], kind: StringConstantKind) -> ExpressionAst {
        if parts.isEmpty { return .stringConstant(StringConstantExpressionAst(extent: extent(t), value: value, kind: kind)) }
        var out: [ExpandablePart] = []
        for p in parts {
            switch p {
            case .literal(let s): out.append(.literal(s))
            case .variable(let name, let scope, let s, let e):
                out.append(.variable(VariableExpressionAst(extent: extent(s, e), name: name, scope: scope, splatted: false)))
            case .subExpression(let s, let e):
                out.append(.subExpression(buildNestedSubExpression(s, e)))
            }
        }
        return .expandableString(ExpandableStringExpressionAst(extent: extent(t), parts: out, kind: kind))
    }

    /// `$( … )` inside a string: parsed by a parser limited to the text between the parentheses.
    private func buildNestedSubExpression(_ start: Int, _ end: Int) -> SubExpressionAst {
        let closed = end - 1 >= start + 2 && lexer.at(end - 1) == 0x29
        let inner = Parser(source: source, start: start + 2, limit: closed ? end - 1 : end)
        inner.depth = depth + 1
        inner.mode = .command
        let (statements, traps) = inner.parseStatementList()
        // ErrorRecovery: anything left inside the parentheses is unexpected.
        let rest = inner.withMode(.command) { inner.peek() }
        if rest.kind != .EndOfInput { inner.reportError("UnexpectedToken", inner.text(rest), extent: inner.extent(rest)) }
        inner.drainLexerErrors()
        for e in inner.errors { appendError(e) }
        semanticErrors.append(contentsOf: inner.semanticErrors)
        if inner.aborted { aborted = true }
        let blockExtent = extent(start + 2, closed ? end - 1 : end)
        return SubExpressionAst(extent: extent(start, end), statements: StatementBlockAst(extent: blockExtent, statements: statements, traps: traps))
    }

    // G postfix_operators = { ( '.' | '::' | '?.' ) member_access | ( '[' | '?[' ) element_access } ;
    /// `.Name`, `::Name`, `.Method(…)`, `[index]` written right after the target (no space).
    func parsePostfixOperators(_ target: ExpressionAst) -> ExpressionAst {
        var expr = target
        while !aborted {
            let c0 = charAtPos(), c1 = charAtPos(1)
            if c0 == 0x2E && c1 != 0x2E {
                resync(pos + 1)
                expr = parseMemberAccess(expr, opStart: pos - 1, isStatic: false, nullConditional: false)
            } else if c0 == 0x3A && c1 == 0x3A {
                resync(pos + 2)
                expr = parseMemberAccess(expr, opStart: pos - 2, isStatic: true, nullConditional: false)
            } else if c0 == 0x3F && c1 == 0x2E {
                resync(pos + 2)
                expr = parseMemberAccess(expr, opStart: pos - 2, isStatic: false, nullConditional: true)
            } else if c0 == 0x5B {
                resync(pos + 1)
                expr = parseElementAccess(expr, opStart: pos - 1, nullConditional: false)
            } else if c0 == 0x3F && c1 == 0x5B {
                resync(pos + 2)
                expr = parseElementAccess(expr, opStart: pos - 2, nullConditional: true)
            } else {
                break
            }
        }
        return expr
    }

    // G member_access = new_lines? ( identifier | keyword | primary_expression ) [ '(' invoke_arguments | script_block_expression ] ;
    private func parseMemberAccess(_ target: ExpressionAst, opStart: Int, isStatic: Bool, nullConditional: Bool) -> ExpressionAst {
        let member: ExpressionAst? = withMode(.expression) {
            skipNewlines()
            let t = peek()
            switch t.kind {
            case .Identifier, .Generic:
                advance()
                return .stringConstant(StringConstantExpressionAst(extent: extent(t), value: t.stringValue ?? text(t), kind: .bareWord))
            default:
                if t.kind.isKeyword || t.kind.binaryPrecedence > 0, CharClass.isIdentifierStart(lexer.at(t.start)) {
                    advance()
                    return .stringConstant(StringConstantExpressionAst(extent: extent(t), value: text(t), kind: .bareWord))
                }
                return parsePrimaryExpression(withMemberAccess: false)
            }
        }
        guard let name = member else {
            reportIncomplete("MissingPropertyName", extent: extent(opStart, pos), at: peek())
            return target
        }
        // `.Method[T](…)`: generic type arguments, then the call at once.
        var genericArguments: [TypeName] = []
        if charAtPos() == 0x5B, let (types, after) = parseGenericMethodArguments(from: pos + 1),
           lexer.at(after) == 0x28 || lexer.at(after) == 0x7B {
            genericArguments = types
            resync(after)
        }
        // `.ForEach{ … }`: a script block right after the name is the only argument.
        if charAtPos() == 0x7B {
            let block = withMode(.expression) { parseScriptBlockExpression() }
            return .invokeMember(InvokeMemberExpressionAst(extent: extent(target.extent.start, block.extent.end), target: target, member: name,
                                                           arguments: [block], isStatic: isStatic, nullConditional: nullConditional,
                                                           genericArguments: genericArguments))
        }
        // A method call needs `(` right after the name.
        if charAtPos() == 0x28 {
            let lParen = withMode(.expression) { advance() }
            let (args, end) = parseInvokeArguments(lParen)
            return .invokeMember(InvokeMemberExpressionAst(extent: extent(target.extent.start, end), target: target, member: name,
                                                           arguments: args, isStatic: isStatic, nullConditional: nullConditional,
                                                           genericArguments: genericArguments))
        }
        return .member(MemberExpressionAst(extent: target.extent.union(name.extent), target: target, member: name,
                                           isStatic: isStatic, nullConditional: nullConditional))
    }

    // G invoke_arguments = [ new_lines? expression { new_lines? ',' new_lines? expression } ] new_lines? ')' ;
    /// The `(` has been consumed; returns the arguments and the end offset.
    private func parseInvokeArguments(_ lParen: Token) -> ([ExpressionAst], Int) {
        let oldComma = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = oldComma }
        return withMode(.expression) {
            var args: [ExpressionAst] = []
            skipNewlines()
            if peek().kind == .RParen { return (args, advance().end) }
            while !aborted {
                skipNewlines()
                guard let a = parseExpression() else {
                    let t = peek()
                    if t.kind == .RParen && args.isEmpty { return (args, advance().end) }
                    reportIncomplete("MissingExpressionAfterToken", args.isEmpty ? "(" : ",", extent: after(args.last?.extent ?? extent(lParen)), at: t)
                    break
                }
                args.append(a)
                skipNewlines()
                let t = peek()
                if t.kind == .Comma { advance(); continue }
                if t.kind == .RParen { return (args, advance().end) }
                reportIncomplete("MissingEndParenthesisInMethodCall", extent: after(a.extent), at: t)
                break
            }
            return (args, args.last?.extent.end ?? lParen.end)
        }
    }

    // G element_access = new_lines? expression new_lines? ']' ;
    private func parseElementAccess(_ target: ExpressionAst, opStart: Int, nullConditional: Bool) -> ExpressionAst {
        withMode(.expression) {
            let oldComma = disableCommaOperator
            disableCommaOperator = false
            defer { disableCommaOperator = oldComma }
            skipNewlines()
            guard let index = parseExpression() else {
                let t = peek()
                reportIncomplete("MissingArrayIndexExpression", extent: extent(opStart, opStart + 1), at: t)
                if t.kind == .RBracket { advance() }
                return target
            }
            skipNewlines()
            let r = peek()
            var end = index.extent.end
            if r.kind == .RBracket {
                advance()
                end = r.end
            } else {
                reportIncomplete("MissingEndSquareBracket", extent: after(index.extent), at: r)
            }
            return .index(IndexExpressionAst(extent: extent(target.extent.start, end), target: target, index: index, nullConditional: nullConditional))
        }
    }

    // G paren_expression = '(' new_lines? pipeline_chain new_lines? ')' ;
    func parseParenExpression() -> ExpressionAst {
        let lParen = advance()
        let oldComma = disableCommaOperator
        disableCommaOperator = false
        defer { disableCommaOperator = oldComma }
        return withMode(.command) {
            skipNewlines()
            let pipeline: StatementAst
            if let p = parsePipelineChain() {
                pipeline = p
            } else {
                reportIncomplete("ExpectedExpression", extent: after(lParen), at: peek())
                pipeline = emptyStatement(lParen.end)
            }
            skipNewlines()
            let r = peek()
            var end = max(pipeline.extent.end, lParen.end)
            if r.kind == .RParen {
                advance()
                end = r.end
            } else {
                reportIncomplete("MissingEndParenthesisInExpression", extent: extent(end, end))
            }
            return .paren(ParenExpressionAst(extent: extent(lParen.start, end), pipeline: pipeline))
        }
    }

    // G sub_expression = ( '$(' | '@(' ) statement_list new_lines? ')' ;
    func parseSubExpression() -> ExpressionAst {
        let first = advance()
        let oldComma = disableCommaOperator
        disableCommaOperator = false
        defer { disableCommaOperator = oldComma }
        return withMode(.command) {
            let (statements, traps) = parseStatementList()
            skipNewlines()
            let r = peek()
            var end = max(lastEnd(statements), first.end)
            if r.kind == .RParen {
                advance()
                end = r.end
            } else {
                reportIncomplete("MissingEndParenthesisInSubexpression", extent: extent(r), at: r)
            }
            let blockStart = statements.first?.extent.start ?? first.end
            let block = StatementBlockAst(extent: extent(blockStart, max(blockStart, lastEnd(statements))), statements: statements, traps: traps)
            let sub = SubExpressionAst(extent: extent(first.start, end), statements: block)
            return first.kind == .DollarParen ? .subExpression(sub) : .arrayExpression(sub)
        }
    }

    // G hash_literal_expression = '@{' new_lines? [ hash_key '=' new_lines? statement
    // G     { statement_terminators hash_key '=' new_lines? statement } ] statement_terminators? '}' ;
    func parseHashLiteralExpression() -> ExpressionAst {
        let atCurly = advance()
        let oldComma = disableCommaOperator
        disableCommaOperator = false
        defer { disableCommaOperator = oldComma }
        var pairs: [(key: ExpressionAst, value: StatementAst)] = []
        withMode(.expression) { skipNewlinesAndSemicolons() }
        while !aborted {
            guard let key = withMode(.expression, { parseHashKey() }) else { break }
            let eq = withMode(.expression) { peek() }
            if eq.kind != .Equals {
                reportError("MissingEqualsInHashLiteral", extent: after(key.extent))
                // ErrorRecovery: skip to the end of the entry.
                withMode(.expression) {
                    while true {
                        let k = peek().kind
                        if k == .RCurly || k == .Semi || k == .NewLine || k == .EndOfInput { break }
                        advance()
                    }
                }
                pairs.append((key, emptyStatement(key.extent.end)))
            } else {
                advance()
                let value: StatementAst? = withMode(.command) {
                    skipNewlines()
                    return parseStatement()
                }
                if let v = value {
                    pairs.append((key, v))
                } else {
                    reportIncomplete("MissingStatementInHashLiteral", extent: after(eq))
                    pairs.append((key, emptyStatement(eq.end)))
                }
            }
            let t = withMode(.expression) { peek() }
            if t.kind != .NewLine && t.kind != .Semi { break }
            withMode(.expression) { skipNewlinesAndSemicolons() }
        }
        let r = withMode(.expression) { peek() }
        var end = r.start
        if r.kind == .RCurly {
            advance()
            end = r.end
        } else {
            reportIncomplete("MissingEndCurlyBrace", extent: after(atCurly), at: r)
        }
        checkDuplicateKeys(pairs.map { $0.key })
        return .hashtable(HashtableAst(extent: extent(atCurly.start, max(end, atCurly.end)), pairs: pairs))
    }

    /// pwsh's semantic check (SemanticChecks.VisitHashtable): two constant keys whose text is
    /// the same ignoring case make the script fail to parse, at the second key. Keys computed at
    /// run time are checked when the literal is built.
    private func checkDuplicateKeys(_ keys: [ExpressionAst]) {
        var seen = Set<String>()
        for key in keys {
            guard let text = constantKeyText(key) else { continue }
            if !seen.insert(text.lowercased()).inserted {
                semanticErrors.append(ParseError(id: "DuplicateKeyInHashLiteral",
                                                 message: ParserMessages.format("DuplicateKeyInHashLiteral", [text]), extent: key.extent))
            }
        }
    }

    /// The text of a key that is a constant to pwsh's parser (a bare word, a quoted string with
    /// nothing to expand, a whole number), or nil.
    private func constantKeyText(_ key: ExpressionAst) -> String? {
        switch key {
        case .stringConstant(let s):
            return s.value
        case .expandableString(let s):
            var literal = ""
            for part in s.parts {
                guard case .literal(let t) = part else { return nil }
                literal += t
            }
            return literal
        case .constant(let c):
            switch c.value {
            case .int32(let i): return String(i)
            case .int64(let l): return String(l)
            case .double(let d) where d.rounded() == d && abs(d) < 1e15: return String(Int64(d))
            default: return nil
            }
        default:
            return nil
        }
    }

    // G hash_key = identifier | keyword | unary_expression ;
    private func parseHashKey() -> ExpressionAst? {
        let t = peek()
        if t.kind == .Identifier || t.kind == .Generic || (t.kind.isKeyword && CharClass.isIdentifierStart(lexer.at(t.start))) {
            advance()
            return .stringConstant(StringConstantExpressionAst(extent: extent(t), value: t.stringValue ?? text(t), kind: .bareWord))
        }
        if t.kind == .RCurly || t.kind == .EndOfInput { return nil }
        if let e = parseUnaryExpression() { return e }
        return nil
    }

    // G script_block_expression = '{' new_lines? script_block_body new_lines? '}' ;
    func parseScriptBlockExpression() -> ExpressionAst {
        let lCurly = advance()
        let oldComma = disableCommaOperator
        disableCommaOperator = false
        defer { disableCommaOperator = oldComma }
        return withMode(.command) {
            let body = parseScriptBlockBody(startOffset: lCurly.start, closing: lCurly)
            let r = peek()
            var end = pos
            if r.kind == .RCurly {
                advance()
                end = r.end
            } else {
                reportIncomplete("MissingEndCurlyBrace", extent: extent(lCurly), at: r)
            }
            let sb = ScriptBlockAst(extent: extent(lCurly.start, end), usingStatements: body.usingStatements, paramBlock: body.paramBlock,
                                    dynamicParamBlock: body.dynamicParamBlock, beginBlock: body.beginBlock,
                                    processBlock: body.processBlock, endBlock: body.endBlock, cleanBlock: body.cleanBlock)
            return .scriptBlock(ScriptBlockExpressionAst(extent: sb.extent, scriptBlock: sb))
        }
    }
}
