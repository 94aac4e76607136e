/// Where a command argument stands: its rules differ a little (pwsh's `CommandArgumentContext`).
enum CommandArgumentContext {
    case commandName, commandNameAfterInvocationOperator, argument, switchCondition
}

// MARK: - Pipelines and commands

extension Parser {
    // G pipeline_chain = ( assignment | pipeline ) { ( '&&' | '||' ) new_lines? pipeline } [ '&' ] ;
    func parsePipelineChain() -> StatementAst? {
        guard enter() else { return nil }
        defer { leave() }
        let oldMode = mode
        defer { mode = oldMode }
        mode = .expression
        let expr = parseExpression()
        if let lhs = expr {
            let op = peek()
            if op.kind.isAssignmentOperator {
                advance()
                return parseAssignment(lhs, op)
            }
        }
        mode = oldMode
        var start = expr
        var chain: StatementAst?
        var chainOp: Token?
        while !aborted {
            let first = peek()
            let next = parsePipeline(startExpression: start, expressionTried: chainOp == nil)
            start = nil
            guard let pipeline = next else {
                guard let op = chainOp else { return chain }
                if first.kind == .EndOfInput {
                    reportIncomplete("EmptyPipelineChainElement", text(op), extent: after(op), at: first)
                } else if first.kind != .Dot && first.kind != .Ampersand {
                    reportError("EmptyPipelineChainElement", text(op), extent: extent(op.start, first.end))
                }
                return chain
            }
            var background = false
            var t = peek()
            if t.kind == .Ampersand {
                advance()
                let after2 = peek()
                if after2.kind == .AndAnd || after2.kind == .OrOr {
                    advance()
                    reportError("BackgroundOperatorInPipelineChain", extent: extent(after2))
                    return chain ?? .pipeline(pipeline)
                }
                background = true
                pipeline.background = true
                t = after2
            }
            if let left = chain, let op = chainOp {
                chain = .pipelineChain(PipelineChainAst(extent: left.extent.union(pipeline.extent), left: left,
                                                        isAnd: op.kind == .AndAnd, right: pipeline))
            } else {
                chain = .pipeline(pipeline)
            }
            if background || (t.kind != .AndAnd && t.kind != .OrOr) { return chain }
            advance()
            skipNewlines()
            chainOp = t
            if peek().kind == .EndOfInput {
                reportIncomplete("EmptyPipelineChainElement", text(t), extent: after(t), at: peek())
                return chain
            }
        }
        return chain
    }

    // G assignment = expression assignment_operator new_lines? statement ;
    /// The right side of `=` (a whole statement), and the check that the left side can be assigned.
    private func parseAssignment(_ lhs: ExpressionAst, _ op: Token) -> StatementAst {
        let opKind: AssignmentOperator
        switch op.kind {
        case .PlusEquals: opKind = .plusEquals
        case .MinusEquals: opKind = .minusEquals
        case .MultiplyEquals: opKind = .multiplyEquals
        case .DivideEquals: opKind = .divideEquals
        case .RemainderEquals: opKind = .remainderEquals
        case .QuestionQuestionEquals: opKind = .nullCoalesceEquals
        default: opKind = .equals
        }
        if !isAssignable(lhs, allowList: opKind == .equals) {
            semanticErrors.append(ParseError(id: "InvalidLeftHandSide", message: ParserMessages.format("InvalidLeftHandSide", []), extent: lhs.extent))
        }
        mode = .command
        skipNewlines()
        let right: StatementAst
        if let r = parseStatement() {
            right = r
        } else {
            reportIncomplete("ExpectedValueExpression", text(op), extent: after(op))
            right = emptyStatement(op.end)
        }
        return .assignment(AssignmentStatementAst(extent: lhs.extent.union(right.extent.end > op.end ? right.extent : extent(op)),
                                                  left: lhs, op: opKind, right: right, operatorExtent: extent(op)))
    }

    /// Variables, members, indexes, typed variables and (for `=`) lists of them.
    func isAssignable(_ e: ExpressionAst, allowList: Bool) -> Bool {
        switch e {
        case .variable(let v): return !v.splatted
        // `$x?.p = v` and `$x?[0] = v` are not assignment targets (Parsing.Tests.ps1 at v7.6.5).
        case .member(let m): return !m.nullConditional
        case .index(let i): return !i.nullConditional
        case .invokeMember: return true
        case .convert(let c): return isAssignable(c.child, allowList: false)
        case .attributed(let a): return isAssignable(a.child, allowList: false)
        case .arrayLiteral(let a): return allowList && a.elements.allSatisfy { isAssignable($0, allowList: false) }
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let ce) = pl.elements[0] {
                return isAssignable(ce.expression, allowList: allowList)
            }
            return false
        default: return false
        }
    }

    // G pipeline = ( expression { redirection } | command ) { new_lines? '|' new_lines? command } ;
    /// `expressionTried`: the caller already tried (and failed or succeeded) to read the first
    /// element as an expression, so it is not tried twice.
    func parsePipeline(startExpression: ExpressionAst?, expressionTried: Bool) -> PipelineAst? {
        var elements: [CommandBaseAst] = []
        var pipeToken: Token?
        var expr = startExpression
        var first = true
        while !aborted {
            if expr == nil && !(first && expressionTried) {
                expr = withMode(.expression) { parseExpression() }
            }
            first = false
            var element: CommandBaseAst?
            if let e = expr {
                if !elements.isEmpty { reportError("ExpressionsMustBeFirstInPipeline", extent: e.extent) }
                var redirections: [RedirectionAst] = []
                var end = e.extent.end
                // After the expression the statement's command mode is back (pwsh's PipelineRule
                // restores it), so `$x 2>> log` redirects while `1..3>log` keeps 3 as an operand.
                while case let r = withMode(.command, { peek() }), r.kind == .Redirection || r.kind == .RedirectInStd {
                    advance()
                    if let red = parseRedirection(r) {
                        redirections.append(red)
                        end = redirectionExtent(red).end
                    } else {
                        end = r.end
                    }
                }
                element = .expression(CommandExpressionAst(extent: extent(e.extent.start, end), expression: e, redirections: redirections))
            } else if let c = parseCommand() {
                element = .command(c)
            }
            expr = nil
            if let el = element {
                elements.append(el)
            } else if !elements.isEmpty || peek().kind == .Pipe {
                reportIncomplete("EmptyPipeElement", extent: pipeToken.map { after($0) } ?? extent(peek()))
            }
            var next = peek()
            if next.kind == .NewLine && isPipeContinuation(next) {
                skipNewlines()
                next = peek()
            }
            switch next.kind {
            case .Semi, .NewLine, .RParen, .RCurly, .EndOfInput, .AndAnd, .OrOr, .Ampersand:
                break
            case .Pipe:
                advance()
                skipNewlines()
                pipeToken = next
                if peek().kind == .EndOfInput {
                    reportIncomplete("EmptyPipeElement", extent: after(next), at: peek())
                    break
                }
                continue
            default:
                // ErrorRecovery: leave the token for the enclosing rule, as pwsh does.
                reportError("UnexpectedToken", text(next), extent: extent(next))
            }
            break
        }
        guard let firstElement = elements.first, let last = elements.last else { return nil }
        return PipelineAst(extent: firstElement.extent.union(last.extent), elements: elements)
    }

    /// A newline followed by `|` (whitespace and comments between them allowed) continues the
    /// pipeline; a blank or whitespace-only line between them does not (pwsh's tokenizer,
    /// ContinuationAfterExtent).
    private func isPipeContinuation(_ newline: Token) -> Bool {
        var i = newline.end
        var lastNonWhitespaceIsNewline = true
        while i < lexer.limit {
            let c = lexer.at(i)
            if CharClass.isWhitespace(c) {
                i += 1
            } else if c == 0x0A || c == 0x0D {
                if lastNonWhitespaceIsNewline { return false }
                lastNonWhitespaceIsNewline = true
                i += c == 0x0D && lexer.at(i + 1) == 0x0A ? 2 : 1
            } else if c == 0x23 {
                lastNonWhitespaceIsNewline = false
                while i < lexer.limit && lexer.at(i) != 0x0A && lexer.at(i) != 0x0D { i += 1 }
            } else if c == 0x3C && lexer.at(i + 1) == 0x23 {
                lastNonWhitespaceIsNewline = false
                i += 2
                while i < lexer.limit && !(lexer.at(i) == 0x23 && lexer.at(i + 1) == 0x3E) { i += 1 }
                i += 2
            } else {
                return c == 0x7C
            }
        }
        return false
    }

    func redirectionExtent(_ r: RedirectionAst) -> SourceExtent {
        switch r {
        case .merge(_, _, let x): return x
        case .file(_, _, _, let x): return x
        }
    }

    // G redirection = merging_redirection_token | file_redirection_token command_argument ;
    /// The operator token has been consumed.
    func parseRedirection(_ t: Token) -> RedirectionAst? {
        if t.kind == .RedirectInStd {
            reportError("RedirectionNotSupported", text(t), extent: extent(t))
            _ = withMode(.argument) { parseCommandArgument(context: .argument, allowComma: false) }
            return nil
        }
        guard case .redirection(let from, let mergeTo, let append) = t.value else { return nil }
        if let to = mergeTo { return .merge(from: from, to: to, extent: extent(t)) }
        guard let target = withMode(.argument, { parseCommandArgument(context: .argument, allowComma: false) }) else {
            reportIncomplete("MissingFileSpecification", extent: after(t), at: withMode(.argument) { peek() })
            return nil
        }
        return .file(from: from, target: target, append: append, extent: extent(t.start, target.extent.end))
    }

    // G command = [ '&' | '.' ] command_argument { parameter_token | command_argument | redirection | '--' | '--%' verbatim_text } ;
    func parseCommand() -> CommandAst? {
        let oldMode = mode
        defer { mode = oldMode }
        mode = .command
        let firstToken = peek()
        var invocation = InvocationOperator.none
        var context = CommandArgumentContext.commandName
        if firstToken.kind == .Dot || firstToken.kind == .Ampersand {
            advance()
            invocation = firstToken.kind == .Dot ? .dot : .ampersand
            context = .commandNameAfterInvocationOperator
        }
        var elements: [CommandElementAst] = []
        var redirections: [RedirectionAst] = []
        var end = firstToken.end
        var sawDashDash = false
        scanning: while !aborted {
            mode = context == .argument ? .argument : .command
            let t = peek()
            switch t.kind {
            case .Pipe, .RCurly, .RParen, .EndOfInput, .NewLine, .Semi, .AndAnd, .OrOr, .Ampersand:
                break scanning
            case .MinusMinus:
                advance()
                end = t.end
                if sawDashDash {
                    elements.append(.argument(.stringConstant(StringConstantExpressionAst(extent: extent(t), value: "--", kind: .bareWord))))
                } else {
                    elements.append(.parameter(CommandParameterAst(extent: extent(t), name: "-", argument: nil, hasColon: false)))
                }
                sawDashDash = true
            case .Comma:
                advance()
                end = t.end
                reportError("MissingArgument", extent: extent(t))
                skipNewlines()
            case .Parameter:
                guard context == .argument && !sawDashDash, case .parameter(let name, let colon) = t.value else {
                    advance()
                    end = t.end
                    elements.append(.argument(.stringConstant(StringConstantExpressionAst(extent: extent(t), value: text(t), kind: .bareWord))))
                    break
                }
                advance()
                var argument: ExpressionAst?
                var x = extent(t)
                if colon && peek().kind != .Comma {
                    argument = parseCommandArgument(context: .argument, allowComma: true)
                    if let a = argument { x = extent(t.start, a.extent.end) }
                    else { reportError("ParameterRequiresArgument", text(t), extent: after(t)) }
                }
                end = x.end
                elements.append(.parameter(CommandParameterAst(extent: x, name: name, argument: argument, hasColon: colon)))
            case .Redirection, .RedirectInStd:
                advance()
                if context == .commandName || context == .commandNameAfterInvocationOperator {
                    end = t.end
                    elements.append(.argument(.stringConstant(StringConstantExpressionAst(extent: extent(t), value: text(t), kind: .bareWord))))
                } else if let r = parseRedirection(t) {
                    redirections.append(r)
                    end = redirectionExtent(r).end
                } else {
                    end = t.end
                }
            default:
                if t.kind == .Generic, case .text(let s) = t.value, s == "--%", context == .argument {
                    advance()
                    let verbatim = readVerbatimArgument(t)
                    elements.append(verbatim)
                    end = verbatim.extent.end
                    break scanning
                }
                guard let arg = parseCommandArgument(context: context, allowComma: context == .argument) else {
                    break scanning
                }
                end = arg.extent.end
                elements.append(.argument(arg))
            }
            context = .argument
        }
        if elements.isEmpty {
            if invocation != .none {
                reportError("MissingExpression", text(firstToken), extent: extent(firstToken))
            }
            return nil
        }
        return CommandAst(extent: extent(firstToken.start, end), elements: elements, invocationOperator: invocation, redirections: redirections)
    }

    /// After `--%`: the rest of the line up to a newline or `|`, as written.
    private func readVerbatimArgument(_ marker: Token) -> CommandElementAst {
        var i = marker.end
        while i < lexer.limit && (lexer.at(i) == 0x20 || lexer.at(i) == 0x09) { i += 1 }
        let start = i
        while i < lexer.limit, lexer.at(i) != 0x0A, lexer.at(i) != 0x0D, lexer.at(i) != 0x7C { i += 1 }
        var end = i
        while end > start && (lexer.at(end - 1) == 0x20 || lexer.at(end - 1) == 0x09) { end -= 1 }
        resync(i)
        return .stopParsing(lexer.text(start, end), extent(marker.start, max(end, marker.end)))
    }

    // G command_argument = ( primary_expression | generic_token ) { ',' new_lines? ( primary_expression | generic_token ) } ;
    /// One argument (with `a,b,c` lists when `allowComma`); nil when the next token cannot be one.
    func parseCommandArgument(context: CommandArgumentContext, allowComma: Bool) -> ExpressionAst? {
        var items: [ExpressionAst] = []
        var comma: Token?
        while !aborted {
            let t = peek()
            var item: ExpressionAst?
            switch t.kind {
            case .Pipe, .RCurly, .RParen, .EndOfInput, .NewLine, .Semi, .Redirection, .RedirectInStd, .AndAnd, .OrOr,
                 .Ampersand, .MinusMinus, .Comma:
                guard let c = comma else { return nil }
                reportIncomplete("MissingExpression", ",", extent: after(c), at: t)
                return items.count == 1 ? items[0] : .arrayLiteral(ArrayLiteralAst(extent: items[0].extent.union(extent(c)), elements: items))
            case .Number where comma != nil && text(t).hasPrefix("-"):
                // pwsh: after a comma in a command argument, `-3` is a bare word (the string
                // '-3'), not a number (`It 'x' -ForEach 1, 2, -3` passes '-3').
                advance()
                item = .stringConstant(StringConstantExpressionAst(extent: extent(t), value: text(t), kind: .bareWord))
            case .Variable, .SplattedVariable, .Number, .StringLiteral, .StringExpandable, .HereStringLiteral,
                 .HereStringExpandable, .LParen, .DollarParen, .AtParen, .AtCurly, .LCurly:
                item = parsePrimaryExpression(withMemberAccess: true)
            case .Generic:
                advance()
                if case .expandable(let value, let parts) = t.value, context != .commandName {
                    item = expandableString(t, value: value, parts: parts, kind: .bareWord)
                } else {
                    item = .stringConstant(StringConstantExpressionAst(extent: extent(t), value: t.stringValue ?? text(t), kind: .bareWord))
                }
            default:
                advance()
                item = .stringConstant(StringConstantExpressionAst(extent: extent(t), value: text(t), kind: .bareWord))
            }
            guard let value = item else { return nil }
            items.append(value)
            if !allowComma || context != .argument { break }
            let c = peek()
            if c.kind != .Comma { break }
            advance()
            skipNewlines()
            comma = c
        }
        if items.count <= 1 { return items.first }
        return .arrayLiteral(ArrayLiteralAst(extent: items[0].extent.union(items[items.count - 1].extent), elements: items))
    }
}
