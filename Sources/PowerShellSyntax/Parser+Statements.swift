// MARK: - Script blocks and statement lists

extension Parser {
    // G script_block_body = { using_statement } [ param_block ] ( named_block_list | statement_list ) ;
    /// The inside of a script block or a whole file. `closing` is the `{` of a script block
    /// expression (nil for a file).
    func parseScriptBlockBody(startOffset: Int, closing: Token?) -> ScriptBlockAst {
        mode = .command
        var usings: [UsingStatementAst] = []
        skipNewlinesAndSemicolons()
        while peek().kind == .Using {
            if let u = parseUsingStatement() { usings.append(u) }
            skipNewlinesAndSemicolons()
        }
        let paramBlock = parseParamBlock()
        skipNewlinesAndSemicolons()
        var block = ScriptBlockAst(extent: extent(startOffset, pos), usingStatements: usings, paramBlock: paramBlock)
        if isNamedBlockKeyword(peek().kind) {
            parseNamedBlockList(into: &block)
        } else {
            let bodyStart = peek().start
            let (statements, traps) = parseStatementList()
            block.endBlock = NamedBlockAst(extent: extent(bodyStart, max(bodyStart, lastEnd(statements))), kind: .end, unnamed: true,
                                           statements: statements, traps: traps)
        }
        let end = closing == nil ? lexer.limit : pos
        let final = ScriptBlockAst(extent: extent(startOffset, end), usingStatements: block.usingStatements, requires: [],
                                   paramBlock: block.paramBlock, dynamicParamBlock: block.dynamicParamBlock,
                                   beginBlock: block.beginBlock, processBlock: block.processBlock,
                                   endBlock: block.endBlock, cleanBlock: block.cleanBlock)
        return final
    }

    func lastEnd(_ statements: [StatementAst]) -> Int { statements.last?.extent.end ?? 0 }

    func isNamedBlockKeyword(_ k: TokenKind) -> Bool {
        k == .Begin || k == .Process || k == .End || k == .Clean || k == .Dynamicparam
    }

    // G named_block_list = { ( 'begin' | 'process' | 'end' | 'clean' | 'dynamicparam' ) new_lines? statement_block } ;
    func parseNamedBlockList(into block: inout ScriptBlockAst) {
        while !aborted {
            skipNewlinesAndSemicolons()
            let t = peek()
            if t.kind == .RCurly || t.kind == .EndOfInput { return }
            guard isNamedBlockKeyword(t.kind) else {
                reportError("MissingNamedBlocks", text(t), extent: extent(t))
                // ErrorRecovery: skip to the end of the enclosing block.
                skipBalanced()
                return
            }
            advance()
            skipNewlines()
            let lCurly = peek()
            guard lCurly.kind == .LCurly else {
                // ErrorRecovery (pwsh's NamedBlockListRule): the block name is eaten and the
                // list goes on, as a valid block may follow.
                reportIncomplete("MissingNamedStatementBlock", text(t), extent: after(t), at: lCurly)
                continue
            }
            advance()
            let body = parseStatementBlock(lCurly: lCurly)
            let named = NamedBlockAst(extent: extent(t.start, body.extent.end), kind: namedBlockKind(t.kind), unnamed: false,
                                      statements: body.statements, traps: body.traps)
            switch t.kind {
            case .Begin: block.beginBlock = named
            case .Process: block.processBlock = named
            case .Clean: block.cleanBlock = named
            case .Dynamicparam: block.dynamicParamBlock = named
            default: block.endBlock = named
            }
        }
    }

    private func namedBlockKind(_ k: TokenKind) -> NamedBlockKind {
        switch k {
        case .Begin: return .begin
        case .Process: return .process
        case .Clean: return .clean
        case .Dynamicparam: return .dynamicparam
        default: return .end
        }
    }

    /// ErrorRecovery: skips tokens up to (not including) the `}` closing the current block.
    func skipBalanced() {
        var level = 0
        while !aborted {
            let t = peek()
            switch t.kind {
            case .EndOfInput: return
            case .LCurly, .AtCurly: level += 1
            case .RCurly:
                if level == 0 { return }
                level -= 1
            default: break
            }
            advance()
        }
    }

    // G statement_list = { statement statement_terminators? } ;
    func parseStatementList() -> ([StatementAst], [TrapStatementAst]) {
        var statements: [StatementAst] = []
        var traps: [TrapStatementAst] = []
        withMode(.command) { skipNewlinesAndSemicolons() }
        while !aborted {
            let before = pos
            guard let s = parseStatement() else { break }
            statements.append(s)
            if case .trap(let t) = s { traps.append(t) }
            withMode(.command) { skipNewlinesAndSemicolons() }
            let next = withMode(.command) { peek() }
            if next.kind == .RParen || next.kind == .RCurly || next.kind == .EndOfInput { break }
            if pos == before {
                // ErrorRecovery: a statement that consumed nothing; skip the token so parsing moves on.
                reportError("UnexpectedToken", text(next), extent: extent(next))
                advance()
            }
        }
        return (statements, traps)
    }

    // G statement_block = '{' statement_list '}' ;
    /// The `{` has been consumed.
    func parseStatementBlock(lCurly: Token) -> StatementBlockAst {
        let (statements, traps) = withMode(.command) { parseStatementList() }
        let r = withMode(.command) { peek() }
        var end = lastEnd(statements)
        if r.kind == .RCurly {
            advance()
            end = r.end
        } else {
            reportIncomplete("MissingEndCurlyBrace", extent: extent(lCurly), at: r)
        }
        return StatementBlockAst(extent: extent(lCurly.start, max(end, lCurly.end)), statements: statements, traps: traps)
    }

    /// Expects `{` (after newlines) and parses a statement block, or reports `id`.
    func expectStatementBlock(_ id: String, _ args: String..., errorAt: SourceExtent) -> StatementBlockAst? {
        withMode(.command) { skipNewlines() }
        let t = withMode(.command) { peek() }
        guard t.kind == .LCurly else {
            reportIncomplete(id, args.first ?? "", extent: errorAt, at: t)
            return nil
        }
        advance()
        return parseStatementBlock(lCurly: t)
    }

    // MARK: - Statement

    // G statement = attributed_statement | if_statement | [ label_token new_lines? ] labeled_statement
    // G           | function_statement | flow_statement | trap_statement | try_statement | data_statement
    // G           | class_definition | enum_definition | using_statement | pipeline_chain ;
    func parseStatement() -> StatementAst? {
        guard enter() else { return nil }
        defer { leave() }
        mode = .command
        let t = peek()
        if t.kind == .LBracket || (t.kind == .Generic && lexer.at(t.start) == 0x5B) {
            if let s = parseAttributedStatement(t) { return s }
        }
        switch t.kind {
        case .If: return parseIfStatement()
        case .Switch, .Foreach, .For, .While, .Do: return parseLabeledStatement(label: nil)
        case .Label:
            advance()
            skipNewlines()
            return parseLabeledStatement(label: t)
        case .Function, .Filter, .Workflow: return parseFunctionStatement()
        case .Return, .Throw, .Exit, .Break, .Continue: return parseFlowStatement()
        case .Trap: return parseTrapStatement()
        case .Try: return parseTryStatement()
        case .Data: return parseDataStatement()
        case .Class: return parseClassDefinition(attributes: [])
        case .Enum: return parseEnumDefinition(attributes: [])
        case .Using:
            guard let u = parseUsingStatement() else { return nil }
            reportError("UsingMustBeAtStartOfScript", extent: u.extent)
            return .using(u)
        case .From, .Define, .Var:
            advance()
            reportError("ReservedKeywordNotAllowed", text(t), extent: extent(t))
            return .pipeline(PipelineAst(extent: extent(t), elements: []))
        case .EndOfInput: return nil
        case .Else, .ElseIf, .Catch, .Until, .Finally:
            guard !errors.isEmpty else { return parsePipelineChain() }
            // ErrorRecovery: after an error, a stray keyword is eaten rather than run as a command.
            advance()
            skipNewlines()
            return parseStatement()
        default:
            return parsePipelineChain()
        }
    }

    // G attributed_statement = attribute_list new_lines? ( class_definition | enum_definition ) ;
    /// `[attr] class …` / `[attr] enum …`; nil when the brackets start
    /// an expression statement instead (`[int]$x = 1`), after going back to them.
    private func parseAttributedStatement(_ t: Token) -> StatementAst? {
        let save = t.start
        resync(save)
        let attrs = withMode(.expression) { parseAttributeList() }
        withMode(.command) { skipNewlines() }
        let next = withMode(.command) { peek() }
        let attributes = attrs.compactMap { if case .attribute(let a) = $0 { return a } else { return nil } }
        switch next.kind {
        case .Class where !attributes.isEmpty: return parseClassDefinition(attributes: attributes)
        case .Enum where !attributes.isEmpty: return parseEnumDefinition(attributes: attributes)
        default:
            resync(save)
            return nil
        }
    }

    // G labeled_statement = switch_statement | foreach_statement | for_statement | while_statement | do_statement ;
    func parseLabeledStatement(label: Token?) -> StatementAst? {
        let name = label.flatMap { $0.stringValue }
        let t = peek()
        switch t.kind {
        case .Switch: return parseSwitchStatement(label: name)
        case .Foreach: return parseForeachStatement(label: name)
        case .For: return parseForStatement(label: name)
        case .While: return parseWhileStatement(label: name)
        case .Do: return parseDoStatement(label: name)
        default:
            // NOTE: pwsh runs a label before a non-loop statement as if it were absent.
            return parsePipelineChain()
        }
    }

    // G if_statement = 'if' new_lines? '(' new_lines? pipeline_chain new_lines? ')' statement_block
    // G                { new_lines? 'elseif' new_lines? '(' new_lines? pipeline_chain new_lines? ')' statement_block }
    // G                [ new_lines? 'else' statement_block ] ;
    func parseIfStatement() -> StatementAst? {
        let ifToken = advance()
        var keyword = ifToken
        var clauses: [(condition: StatementAst, body: StatementBlockAst)] = []
        var elseClause: StatementBlockAst?
        var end = ifToken.end
        loop: while true {
            skipNewlines()
            let lParen = peek()
            guard lParen.kind == .LParen else {
                reportIncomplete("MissingOpenParenthesisInIfStatement", text(keyword), extent: after(keyword), at: lParen)
                break
            }
            advance()
            skipNewlines()
            guard let condition = parsePipelineChain() else {
                reportIncomplete("IfStatementMissingCondition", text(keyword), extent: after(lParen), at: peek())
                break
            }
            skipNewlines()
            let rParen = withMode(.command) { peek() }
            guard rParen.kind == .RParen else {
                reportIncomplete("MissingEndParenthesisAfterStatement", text(keyword), extent: extent(rParen), at: rParen)
                break
            }
            advance()
            guard let body = expectStatementBlock("MissingStatementBlock", text(keyword), errorAt: after(rParen)) else { break }
            clauses.append((condition, body))
            end = body.extent.end
            let save = pos
            skipNewlines()
            let next = peek()
            switch next.kind {
            case .ElseIf:
                keyword = advance()
                continue loop
            case .Else:
                advance()
                guard let e = expectStatementBlock("MissingStatementBlockAfterElse", errorAt: after(next)) else { break loop }
                elseClause = e
                end = e.extent.end
                break loop
            default:
                resync(save)
                break loop
            }
        }
        return .ifStatement(IfStatementAst(extent: extent(ifToken.start, end), clauses: clauses, elseClause: elseClause))
    }

    // G switch_statement = 'switch' new_lines? { parameter_token }
    // G     ( '(' new_lines? pipeline_chain new_lines? ')' | '-file' new_lines? command_argument ) new_lines?
    // G     '{' { ( 'default' | command_argument ) new_lines? statement_block statement_terminators? } '}' ;
    /// Errors are reported as pwsh's SwitchStatementRule reports them: each after the last
    /// part read, and none about a missing `)` or `{` once an earlier error said the input
    /// ended too early.
    func parseSwitchStatement(label: String?) -> StatementAst? {
        let switchToken = advance()
        var flags: SwitchFlags = []
        var condition: StatementAst?
        var end = switchToken.end
        var incomplete = false
        skipNewlines()
        while true {
            let t = withMode(.argument) { peek() }
            guard t.kind == .Parameter, case .parameter(let rawName, _) = t.value else { break }
            advance()
            end = t.end
            let name = rawName.lowercased()
            if !name.isEmpty && "regex".hasPrefix(name) { flags.insert(.regex) }
            else if !name.isEmpty && "wildcard".hasPrefix(name) { flags.insert(.wildcard) }
            else if !name.isEmpty && "exact".hasPrefix(name) { flags.insert(.exact) }
            else if !name.isEmpty && "casesensitive".hasPrefix(name) { flags.insert(.caseSensitive) }
            else if !name.isEmpty && "parallel".hasPrefix(name) { flags.insert(.parallel) }
            else if !name.isEmpty && "file".hasPrefix(name) {
                flags.insert(.file)
                skipNewlines()
                if let arg = withMode(.argument, { parseCommandArgument(context: .argument, allowComma: false) }) {
                    condition = .pipeline(PipelineAst(extent: arg.extent, elements: [.expression(CommandExpressionAst(extent: arg.extent, expression: arg, redirections: []))]))
                    end = arg.extent.end
                } else {
                    incomplete = reportIncomplete("MissingFilenameOption", extent: after(t), at: peek())
                }
            } else {
                reportError("InvalidSwitchFlag", text(t), extent: extent(t))
            }
            skipNewlines()
        }
        let lParen = peek()
        if lParen.kind == .LParen {
            advance()
            end = lParen.end
            if flags.contains(.file) { reportError("PipelineValueRequired", extent: extent(lParen)) }
            skipNewlines()
            if let c = parsePipelineChain() {
                condition = c
                end = c.extent.end
            } else {
                incomplete = reportIncomplete("PipelineValueRequired", extent: after(lParen), at: peek())
            }
            skipNewlines()
            let r = peek()
            if r.kind == .RParen {
                advance()
                end = r.end
            } else if !incomplete {
                incomplete = reportIncomplete("MissingEndParenthesisInSwitchStatement", extent: extent(end, end), at: r)
            }
        } else if condition == nil && !flags.contains(.file) {
            incomplete = reportIncomplete("PipelineValueRequired", extent: extent(end, end), at: lParen)
        }
        skipNewlines()
        let lCurly = peek()
        var clauses: [(test: ExpressionAst, body: StatementBlockAst)] = []
        var defaultClause: StatementBlockAst?
        if lCurly.kind != .LCurly {
            if !incomplete { reportIncomplete("MissingCurlyBraceInSwitchStatement", extent: extent(end, end), at: lCurly) }
        } else {
            advance()
            end = lCurly.end
            skipNewlines()
            while !aborted {
                let t = peek()
                var test: ExpressionAst?
                var isDefault = false
                if t.kind == .Default {
                    advance()
                    isDefault = true
                } else {
                    test = withMode(.argument) { parseCommandArgument(context: .switchCondition, allowComma: false) }
                    if test == nil {
                        reportIncomplete("MissingSwitchConditionExpression", extent: extent(end, end), at: t)
                        if t.kind == .RCurly { advance(); end = t.end }
                        break
                    }
                }
                end = test?.extent.end ?? t.end
                if let body = expectStatementBlock("MissingSwitchStatementClause", errorAt: extent(end, end)) {
                    end = body.extent.end
                    if isDefault {
                        if defaultClause != nil { reportError("MultipleSwitchDefaultClauses", extent: extent(t)) }
                        defaultClause = body
                    } else if let test = test {
                        clauses.append((test, body))
                    }
                } else {
                    incomplete = isAtEndOfScript(end)
                }
                skipNewlinesAndSemicolons()
                let next = peek()
                if next.kind == .RCurly { advance(); end = next.end; break }
                if next.kind == .EndOfInput {
                    if !incomplete { reportIncomplete("MissingEndCurlyBrace", extent: extent(lCurly), at: next) }
                    break
                }
            }
        }
        return .switchStatement(SwitchStatementAst(extent: extent(switchToken.start, end), label: label, flags: flags,
                                                   condition: condition ?? emptyStatement(end), clauses: clauses, defaultClause: defaultClause))
    }

    func emptyStatement(_ at: Int) -> StatementAst { .pipeline(PipelineAst(extent: extent(at, at), elements: [])) }

    // G foreach_statement = 'foreach' new_lines? { parameter_token [ command_argument ] } '(' new_lines? variable_token new_lines? 'in' new_lines?
    // G                     pipeline_chain new_lines? ')' statement_block ;
    func parseForeachStatement(label: String?) -> StatementAst? {
        let kw = advance()
        skipNewlines()
        // `-Parallel` / `-ThrottleLimit n` are accepted and ignored.
        while true {
            let t = withMode(.argument) { peek() }
            guard t.kind == .Parameter else { break }
            advance()
            if case .parameter(let n, _) = t.value, n.lowercased() == "throttlelimit" {
                _ = withMode(.argument) { parseCommandArgument(context: .argument, allowComma: false) }
            }
            skipNewlines()
        }
        let lParen = peek()
        guard lParen.kind == .LParen else {
            reportIncomplete("MissingOpenParenthesisAfterKeyword", text(kw), extent: after(kw), at: lParen)
            return emptyStatement(kw.end)
        }
        advance()
        skipNewlines()
        let v = withMode(.expression) { peek() }
        guard v.kind == .Variable, case .variable(let name, let scope, _) = v.value else {
            reportIncomplete("MissingVariableNameAfterForeach", extent: after(lParen), at: v)
            return emptyStatement(lParen.end)
        }
        advance()
        let variable = VariableExpressionAst(extent: extent(v), name: name, scope: scope, splatted: false)
        skipNewlines()
        let inToken = peek()
        guard inToken.kind == .In else {
            reportIncomplete("MissingInInForeach", extent: after(v), at: inToken)
            return emptyStatement(v.end)
        }
        advance()
        skipNewlines()
        guard let collection = parsePipelineChain() else {
            reportIncomplete("MissingForeachExpression", extent: after(inToken), at: peek())
            return emptyStatement(inToken.end)
        }
        skipNewlines()
        let rParen = peek()
        guard rParen.kind == .RParen else {
            reportIncomplete("MissingEndParenthesisAfterForeach", extent: extent(rParen), at: rParen)
            return emptyStatement(collection.extent.end)
        }
        advance()
        guard let body = expectStatementBlock("MissingForeachStatement", errorAt: after(rParen)) else { return emptyStatement(rParen.end) }
        return .foreachStatement(ForEachStatementAst(extent: extent(kw.start, body.extent.end), label: label, variable: variable,
                                                     collection: collection, body: body))
    }

    // G for_statement = 'for' new_lines? '(' new_lines? [ pipeline_chain ] ( ';' | new_lines ) [ pipeline_chain ] ( ';' | new_lines )
    // G                 [ pipeline_chain ] new_lines? ')' statement_block ;
    func parseForStatement(label: String?) -> StatementAst? {
        let kw = advance()
        skipNewlines()
        let lParen = peek()
        guard lParen.kind == .LParen else {
            reportIncomplete("MissingOpenParenthesisAfterKeyword", text(kw), extent: after(kw), at: lParen)
            return emptyStatement(kw.end)
        }
        advance()
        var parts: [StatementAst?] = []
        for i in 0..<3 {
            skipNewlines()
            let t = peek()
            if t.kind == .Semi || t.kind == .RParen {
                parts.append(nil)
            } else {
                parts.append(parsePipelineChain())
            }
            if i < 2 {
                let sep = peek()
                if sep.kind == .Semi || sep.kind == .NewLine { advance() }
            }
        }
        skipNewlines()
        let rParen = peek()
        guard rParen.kind == .RParen else {
            reportIncomplete("MissingEndParenthesisAfterStatement", text(kw), extent: extent(rParen), at: rParen)
            return emptyStatement(rParen.start)
        }
        advance()
        guard let body = expectStatementBlock("MissingLoopStatement", text(kw), errorAt: after(rParen)) else { return emptyStatement(rParen.end) }
        return .forStatement(ForStatementAst(extent: extent(kw.start, body.extent.end), label: label, initializer: parts[0],
                                             condition: parts[1], iterator: parts[2], body: body))
    }

    // G loop_condition = new_lines? '(' new_lines? pipeline_chain new_lines? ')' ;
    /// `( pipeline_chain )` after `while` / `until`; nil after reporting an error.
    private func parseLoopCondition(_ kw: Token) -> (StatementAst, Token)? {
        skipNewlines()
        let lParen = peek()
        guard lParen.kind == .LParen else {
            reportIncomplete("MissingOpenParenthesisAfterKeyword", text(kw), extent: after(kw), at: lParen)
            return nil
        }
        advance()
        skipNewlines()
        guard let cond = parsePipelineChain() else {
            reportIncomplete("MissingExpressionAfterKeyword", text(kw), extent: after(lParen), at: peek())
            return nil
        }
        skipNewlines()
        let rParen = peek()
        guard rParen.kind == .RParen else {
            reportIncomplete("MissingEndParenthesisAfterStatement", text(kw), extent: extent(rParen), at: rParen)
            return nil
        }
        advance()
        return (cond, rParen)
    }

    // G while_statement = 'while' loop_condition statement_block ;
    func parseWhileStatement(label: String?) -> StatementAst? {
        let kw = advance()
        guard let (cond, rParen) = parseLoopCondition(kw) else { return emptyStatement(kw.end) }
        guard let body = expectStatementBlock("MissingLoopStatement", text(kw), errorAt: after(rParen)) else { return emptyStatement(rParen.end) }
        return .whileStatement(WhileStatementAst(extent: extent(kw.start, body.extent.end), label: label, condition: cond, body: body))
    }

    // G do_statement = 'do' statement_block new_lines? ( 'while' | 'until' ) loop_condition ;
    func parseDoStatement(label: String?) -> StatementAst? {
        let kw = advance()
        guard let body = expectStatementBlock("MissingLoopStatement", text(kw), errorAt: after(kw)) else { return emptyStatement(kw.end) }
        skipNewlines()
        let w = peek()
        guard w.kind == .While || w.kind == .Until else {
            reportIncomplete("MissingWhileOrUntilInDoWhile", extent: after(body.extent), at: w)
            return emptyStatement(body.extent.end)
        }
        advance()
        guard let (cond, rParen) = parseLoopCondition(w) else { return emptyStatement(w.end) }
        return .doLoop(DoLoopStatementAst(extent: extent(kw.start, rParen.end), label: label, body: body, condition: cond,
                                          isUntil: w.kind == .Until))
    }

    // G flow_statement = ( 'break' | 'continue' ) [ generic_token | unary_expression ] | ( 'return' | 'throw' | 'exit' ) [ pipeline_chain ] ;
    func parseFlowStatement() -> StatementAst? {
        let kw = advance()
        let kind: FlowKind
        switch kw.kind {
        case .Break: kind = .breakFlow
        case .Continue: kind = .continueFlow
        case .Return: kind = .returnFlow
        case .Exit: kind = .exitFlow
        default: kind = .throwFlow
        }
        let next = withMode(.argument) { peek() }
        let ends: Set<TokenKind> = [.NewLine, .Semi, .RCurly, .RParen, .EndOfInput, .Pipe, .AndAnd, .OrOr, .Ampersand]
        if ends.contains(next.kind) {
            return .flow(FlowStatementAst(extent: extent(kw), kind: kind, operand: nil, label: nil))
        }
        if kind == .breakFlow || kind == .continueFlow {
            if next.kind == .Generic, case .text(let name) = next.value {
                advance()
                return .flow(FlowStatementAst(extent: extent(kw.start, next.end), kind: kind, operand: nil, label: name))
            }
            guard let e = withMode(.expression, { parseUnaryExpression() }) else {
                return .flow(FlowStatementAst(extent: extent(kw), kind: kind, operand: nil, label: nil))
            }
            let op = StatementAst.pipeline(PipelineAst(extent: e.extent, elements: [.expression(CommandExpressionAst(extent: e.extent, expression: e, redirections: []))]))
            return .flow(FlowStatementAst(extent: extent(kw.start, e.extent.end), kind: kind, operand: op, label: nil))
        }
        guard let operand = parsePipelineChain() else {
            return .flow(FlowStatementAst(extent: extent(kw), kind: kind, operand: nil, label: nil))
        }
        return .flow(FlowStatementAst(extent: extent(kw.start, operand.extent.end), kind: kind, operand: operand, label: nil))
    }

    // G trap_statement = 'trap' new_lines? [ attribute new_lines? ] statement_block ;
    func parseTrapStatement() -> StatementAst? {
        let kw = advance()
        skipNewlines()
        var trapType: TypeName?
        if withMode(.expression, { peek() }).kind == .LBracket {
            let attrs = withMode(.expression) { parseAttributeList() }
            if case .type(let t, _)? = attrs.last { trapType = t }
        }
        guard let body = expectStatementBlock("MissingTrapStatement", errorAt: after(kw)) else { return emptyStatement(kw.end) }
        return .trap(TrapStatementAst(extent: extent(kw.start, body.extent.end), trapType: trapType, body: body))
    }

    // G try_statement = 'try' statement_block
    // G     { new_lines? 'catch' new_lines? [ attribute { ',' new_lines? attribute } ] statement_block }
    // G     [ new_lines? 'finally' statement_block ] ;
    func parseTryStatement() -> StatementAst? {
        let kw = advance()
        guard let body = expectStatementBlock("MissingTryStatementBlock", errorAt: after(kw)) else { return emptyStatement(kw.end) }
        var catches: [CatchClauseAst] = []
        var finallyBlock: StatementBlockAst?
        var end = body.extent.end
        while !aborted {
            let save = pos
            skipNewlines()
            let t = peek()
            if t.kind == .Catch {
                advance()
                skipNewlines()
                var types: [(type: TypeName, extent: SourceExtent)] = []
                while withMode(.expression, { peek() }).kind == .LBracket {
                    let attrs = withMode(.expression) { parseAttributeList(single: true) }
                    if case .type(let tn, let x)? = attrs.last { types.append((tn, x)) }
                    skipNewlines()
                    if withMode(.expression, { peek() }).kind == .Comma {
                        advance()
                        skipNewlines()
                    } else {
                        break
                    }
                }
                guard let cb = expectStatementBlock("MissingCatchHandlerBlock", errorAt: after(extent(t))) else { return emptyStatement(t.end) }
                catches.append(CatchClauseAst(extent: extent(t.start, cb.extent.end), catchTypes: types, body: cb))
                end = cb.extent.end
            } else if t.kind == .Finally {
                advance()
                guard let fb = expectStatementBlock("MissingFinallyStatementBlock", errorAt: after(t)) else { return emptyStatement(t.end) }
                finallyBlock = fb
                end = fb.extent.end
                break
            } else {
                resync(save)
                break
            }
        }
        if catches.isEmpty && finallyBlock == nil {
            reportIncomplete("MissingCatchOrFinally", extent: after(body.extent), at: withMode(.command) { peekPastNewlines() })
        }
        return .tryStatement(TryStatementAst(extent: extent(kw.start, end), body: body, catchClauses: catches, finallyClause: finallyBlock))
    }

    /// The next non-newline token, without consuming anything.
    func peekPastNewlines() -> Token {
        let save = pos
        skipNewlines()
        let t = peek()
        resync(save)
        return t
    }

    // G data_statement = 'data' [ generic_token ] statement_block ;
    /// `data [name] [-SupportedCommand cmd, …] { … }`, read and checked as pwsh's
    /// DataStatementRule: an unknown parameter, a missing command after `-SupportedCommand` or a
    /// comma, a missing block (after the name, the last command, or the keyword).
    func parseDataStatement() -> StatementAst? {
        let kw = advance()
        skipNewlines()
        var lastEnd = kw.end
        if withMode(.argument, { peek() }).kind == .Generic { lastEnd = advance().end; skipNewlines() }
        var failed = false
        let parameter = withMode(.command) { peek() }
        if parameter.kind == .Parameter, case .parameter(let name, _) = parameter.value {
            advance()
            if name.isEmpty || !"supportedcommand".hasPrefix(name.lowercased()) {
                reportError("InvalidParameterForDataSectionStatement", name, extent: extent(parameter))
                failed = true
            }
            var comma: Token?
            while !aborted {
                withMode(.command) { skipNewlines() }
                guard let command = withMode(.argument, { parseCommandArgument(context: .commandName, allowComma: false) }) else {
                    if !failed {
                        let after = comma ?? parameter
                        reportIncomplete("MissingValueForSupportedCommandInDataSectionStatement", extent: self.after(after),
                                         at: withMode(.command) { peek() })
                    }
                    failed = true
                    break
                }
                lastEnd = command.extent.end
                let next = withMode(.command) { peek() }
                guard next.kind == .Comma else { break }
                comma = advance()
            }
        }
        if failed { return emptyStatement(lastEnd) }
        guard let body = expectStatementBlock("MissingStatementBlockForDataSection", errorAt: extent(lastEnd, lastEnd)) else {
            return emptyStatement(lastEnd)
        }
        return .block(body)
    }

    // G using_statement = 'using' ( 'namespace' | 'module' | 'assembly' ) ( generic_token | string_token | hash_literal_expression ) ;
    func parseUsingStatement() -> UsingStatementAst? {
        let kw = advance()
        let kindToken = peek()
        let kind: String
        switch kindToken.kind {
        case .Namespace: kind = "namespace"
        case .Module: kind = "module"
        case .Assembly: kind = "assembly"
        default:
            reportIncomplete("MissingUsingStatementDirective", extent: after(kw), at: kindToken)
            return UsingStatementAst(extent: extent(kw), kind: "", name: "")
        }
        advance()
        let nameToken = withMode(.argument) { peek() }
        switch nameToken.kind {
        case .Generic, .StringLiteral, .StringExpandable: break
        case .AtCurly where kind == "module":
            return usingModuleSpecification(kw)
        case .EndOfInput, .NewLine, .Semi, .Comma:
            // `using module ,X`: the comma is taken (pwsh does not read a unary array here).
            if nameToken.kind == .Comma { advance() }
            reportIncomplete("MissingUsingItemName", extent: after(kindToken), at: nameToken)
            return UsingStatementAst(extent: extent(kw.start, kindToken.end), kind: kind, name: "")
        default:
            // Anything but a name (`)`, a number): the rest of the line is skipped.
            reportError("InvalidValueForUsingItemName", text(nameToken), extent: extent(nameToken))
            withMode(.argument) {
                while ![.NewLine, .Semi, .EndOfInput].contains(peek().kind) { advance() }
            }
            return UsingStatementAst(extent: extent(kw.start, nameToken.end), kind: kind, name: "")
        }
        advance()
        let name = nameToken.stringValue ?? text(nameToken)
        var end = nameToken.end
        if kind == "module", Parser.hasWildcard(name) {
            reportError("WildCardModuleNameError", extent: extent(kw.start, end))
        }
        // `using namespace A = B` parses (an alias) but is not supported (SemanticChecks.cs
        // VisitUsingStatement), for the whole statement.
        if peek().kind == .Equals {
            advance()
            let aliased = withMode(.argument) { peek() }
            if aliased.kind == .Generic || aliased.kind == .StringLiteral || aliased.kind == .StringExpandable {
                advance()
                end = aliased.end
            }
            reportError("UsingStatementNotSupported", extent: extent(kw.start, end))
        } else if kind == "namespace" && !Parser.isNamespaceName(name) {
            reportError("InvalidNamespaceValue", extent: extent(nameToken.start, nameToken.end))
        }
        return UsingStatementAst(extent: extent(kw.start, end), kind: kind, name: name)
    }

    /// `using module @{ … }`: the hashtable must be constant and a valid module specification
    /// (ModuleSpecification.ModuleSpecificationInitHelper's rules, reported as
    /// RequiresModuleInvalid by SymbolResolver.VisitUsingStatement).
    private func usingModuleSpecification(_ kw: Token) -> UsingStatementAst {
        let table = withMode(.expression) { parseHashLiteralExpression() }
        guard case .hashtable(let h) = table else { return UsingStatementAst(extent: extent(kw.start, pos), kind: "module", name: "") }
        let whole = extent(kw.start, h.extent.end)
        var spec = ModuleSpecificationAst(name: "")
        var badKeys: [String] = []
        var failure: String?
        for pair in h.pairs {
            guard let key = RequiresConstant(pair.key), case .pipeline(let pl) = pair.value, pl.elements.count == 1,
                  case .expression(let x) = pl.elements[0], let value = RequiresConstant(x.expression) else {
                reportError("RequiresArgumentMustBeConstant", extent: whole)
                return UsingStatementAst(extent: whole, kind: "module", name: "")
            }
            let keyText: String
            switch key {
            case .string(let s), .number(let s): keyText = s
            default: keyText = pair.key.extent.text
            }
            let valueText: String
            switch value {
            case .string(let s): valueText = s
            // A number converts to its invariant text first (`1.` is 1, no version).
            case .number: valueText = Parser.numberText(x.expression) ?? x.expression.extent.text
            default: valueText = x.expression.extent.text
            }
            // NOTE: the conversion failure is worded as LanguagePrimitives words a failed
            // string-to-[version] conversion (System.Version.Parse's message).
            func version() -> String? {
                if RequiresConstant.version(valueText) != nil, valueText.contains(".") { return valueText }
                failure = failure ?? "Cannot convert value \"\(valueText)\" to type \"System.Version\". Error: \"Version string portion was too short or too long. (Parameter 'input')\""
                return nil
            }
            switch keyText.lowercased() {
            case "modulename": spec.name = valueText
            case "moduleversion": spec.version = version()
            case "requiredversion": spec.requiredVersion = version()
            case "maximumversion": spec.maximumVersion = valueText
            case "guid": spec.guid = valueText
            default: badKeys.append("'\(keyText)'")
            }
        }
        // NOTE: the message texts are Modules.resx's (InvalidModuleSpecificationMember,
        // RequiredModuleMissingModuleName, RequiredModuleMissingModuleVersion).
        if failure == nil, !badKeys.isEmpty {
            failure = "The hashtable describing a module contains one or more invalid members. The valid members are (ModuleName, ModuleVersion, RequiredVersion, GUID). Remove the members that are not valid (\(badKeys.joined(separator: ", "))), then try the command again."
        }
        if failure == nil, spec.name.isEmpty { failure = "Required members 'ModuleName' and 'ModuleVersion' or 'RequiredVersion' are missing." }
        if failure == nil, spec.version == nil, spec.requiredVersion == nil, spec.maximumVersion == nil {
            failure = "Required members 'ModuleName' and 'ModuleVersion' or 'RequiredVersion' are missing."
        }
        if let failure {
            reportError("RequiresModuleInvalid", failure, extent: whole)
        } else if Parser.hasWildcard(spec.name) {
            reportError("WildCardModuleNameError", extent: whole)
        }
        return UsingStatementAst(extent: whole, kind: "module", name: spec.name, moduleSpecification: spec)
    }

    /// WildcardPattern.ContainsWildcardCharacters: `*`, `?` or `[` not escaped by a backtick.
    static func hasWildcard(_ s: String) -> Bool {
        var escaped = false
        for c in s {
            if escaped { escaped = false; continue }
            if c == "`" { escaped = true; continue }
            if c == "*" || c == "?" || c == "[" { return true }
        }
        return false
    }

    /// A number constant's invariant text (`1.` is `1`), for conversions through a string.
    static func numberText(_ e: ExpressionAst) -> String? {
        guard case .constant(let c) = e else { return nil }
        switch c.value {
        case .int32(let i): return String(i)
        case .int64(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        default: return nil
        }
    }

    /// A C# namespace: identifiers (a letter or `_`, then letters, digits and `_`) joined by
    /// dots (SemanticChecks.NamespacePattern).
    static func isNamespaceName(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return !s.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }
}
