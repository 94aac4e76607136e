// MARK: - Class and enum definitions

extension Parser {
    // G type_header = new_lines? identifier new_lines? [ ':' type_name { ',' type_name } ] ;
    /// The type name after `class`/`enum`, and the base list after `:`.
    private func parseTypeHeader(_ kw: Token) -> (name: String, nameEnd: Int, bases: [TypeName])? {
        skipNewlines()
        let nameToken = withMode(.expression) { peek() }
        guard nameToken.kind == .Identifier || nameToken.kind.isKeyword else {
            reportIncomplete("MissingNameAfterKeyword", text(kw), extent: after(kw), at: nameToken)
            return nil
        }
        advance()
        var bases: [TypeName] = []
        var end = nameToken.end
        skipNewlines()
        if withMode(.expression, { peek() }).kind == .Colon {
            advance()
            while !aborted {
                var i = pos
                while CharClass.isWhitespace(lexer.at(i)) || lexer.at(i) == 0x0A || lexer.at(i) == 0x0D { i += 1 }
                guard let (t, e) = parseTypeName(&i) else {
                    reportError("TypeNameExpected", extent: extent(i, i))
                    break
                }
                bases.append(t)
                end = e
                resync(i)
                skipNewlines()
                if withMode(.expression, { peek() }).kind == .Comma { advance() } else { break }
            }
        }
        return (nameToken.stringValue ?? text(nameToken), end, bases)
    }

    // G class_definition = 'class' type_header new_lines? '{' { class_member } '}' ;
    func parseClassDefinition(attributes: [AttributeAst]) -> StatementAst? {
        let kw = advance()
        guard let (name, nameEnd, bases) = parseTypeHeader(kw) else { return emptyStatement(kw.end) }
        skipNewlines()
        let lCurly = peek()
        guard lCurly.kind == .LCurly else {
            reportIncomplete("MissingTypeBody", text(kw), extent: extent(nameEnd, nameEnd), at: lCurly)
            return emptyStatement(nameEnd)
        }
        advance()
        var members: [MemberDefinitionAst] = []
        var end = lCurly.end
        while !aborted {
            withMode(.expression) { skipNewlinesAndSemicolons() }
            let t = withMode(.expression) { peek() }
            if t.kind == .RCurly { advance(); end = t.end; break }
            if t.kind == .EndOfInput {
                reportIncomplete("MissingEndCurlyBrace", extent: after(lCurly), at: t)
                end = t.start
                break
            }
            let before = pos
            if let m = parseClassMember(className: name) { members.append(m) }
            if pos == before { advance() }
        }
        let start = attributes.first?.extent.start ?? kw.start
        return .typeDefinition(TypeDefinitionAst(extent: extent(start, end), name: name, isEnum: false, attributes: attributes,
                                                 baseTypes: bases, members: members))
    }

    // G class_member = { attribute | 'static' | 'hidden' } ( variable_token [ '=' expression ]
    // G     | identifier '(' parameter_list [ ':' 'base' '(' base_arguments ] new_lines? '{' script_block_after_curly ) ;
    private func parseClassMember(className: String) -> MemberDefinitionAst? {
        withMode(.expression) {
            var attributes: [AttributeAst] = []
            var type: TypeName?
            var typeExtent: SourceExtent?
            var isStatic = false, isHidden = false
            let start = peek().start
            while !aborted {
                let t = peek()
                if t.kind == .LBracket {
                    for item in parseAttributeList(single: true) {
                        switch item {
                        case .attribute(let a): attributes.append(a)
                        case .type(let tn, let x):
                            // pwsh's ClassMemberRule: a member has at most one type.
                            if type != nil { reportError("TooManyTypes", extent: x) }
                            type = tn
                            typeExtent = x
                        }
                    }
                } else if t.kind == .Identifier, let w = t.stringValue?.lowercased(), w == "static" || w == "hidden" {
                    advance()
                    if (w == "static" && isStatic) || (w == "hidden" && isHidden) {
                        reportError("DuplicateQualifier", text(t), extent: extent(t))
                    }
                    if w == "static" { isStatic = true } else { isHidden = true }
                } else {
                    break
                }
                skipNewlines()
            }
            let t = peek()
            if t.kind == .Variable, case .variable(let name, _, _) = t.value {
                advance()
                var initial: ExpressionAst?
                var end = t.end
                if peek().kind == .Equals {
                    let eq = advance()
                    skipNewlines()
                    if let e = parseExpression() { initial = e; end = e.extent.end }
                    else { reportIncomplete("MissingExpressionAfterToken", "=", extent: after(eq), at: peek()) }
                }
                let term = peek()
                if term.kind != .NewLine && term.kind != .Semi && term.kind != .RCurly && term.kind != .EndOfInput {
                    reportError("MissingPropertyTerminator", extent: extent(term))
                }
                return .property(PropertyMemberAst(extent: extent(start, end), name: name, propertyType: type, isStatic: isStatic,
                                                   isHidden: isHidden, attributes: attributes, initialValue: initial))
            }
            guard t.kind == .Identifier || t.kind.isKeyword else {
                reportError("IncompleteMemberDefinition", extent: extent(t))
                return nil
            }
            advance()
            let name = t.stringValue ?? text(t)
            let lParen = peek()
            guard lParen.kind == .LParen, lParen.start == t.end || true else { return nil }
            if lParen.kind != .LParen {
                reportIncomplete("MissingMethodParameterList", extent: after(t), at: lParen)
                return nil
            }
            advance()
            let (parameters, paramEnd) = parseParameterList(lParen)
            var baseArguments: [ExpressionAst]?
            skipNewlines()
            if peek().kind == .Colon {
                let colon = advance()
                skipNewlines()
                let b = peek()
                if b.kind == .Identifier, b.stringValue?.lowercased() == "base" {
                    advance()
                    skipNewlines()
                    if peek().kind == .LParen {
                        let p = advance()
                        baseArguments = parseBaseArguments(p)
                    }
                } else {
                    reportError("MissingBaseCtorCall", extent: after(colon))
                }
                skipNewlines()
            }
            let lCurly = withMode(.command) { peek() }
            guard lCurly.kind == .LCurly else {
                reportIncomplete("MissingFunctionBody", extent: extent(paramEnd, paramEnd), at: lCurly)
                return nil
            }
            advance()
            let body = parseScriptBlockAfterCurly(lCurly)
            let isCtor = name.lowercased() == className.lowercased() && !isStatic
            if isCtor, let x = typeExtent {
                semanticErrors.append(ParseError(id: "ConstructorCantHaveReturnType",
                                                 message: ParserMessages.format("ConstructorCantHaveReturnType", []), extent: x))
            }
            // A constructor with a type has already been refused (ConstructorCantHaveReturnType).
            return .method(FunctionMemberAst(extent: extent(start, body.extent.end), name: name, returnType: type,
                                             isStatic: isStatic, isHidden: isHidden, isConstructor: isCtor,
                                             parameters: parameters, body: body, baseArguments: baseArguments, nameExtent: extent(t)))
        }
    }

    // G base_arguments = [ expression { ',' expression } ] ')' ;
    /// `base(args)`: the `(` has been consumed.
    private func parseBaseArguments(_ lParen: Token) -> [ExpressionAst] {
        let oldComma = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = oldComma }
        var args: [ExpressionAst] = []
        skipNewlines()
        if peek().kind == .RParen { advance(); return args }
        while !aborted {
            skipNewlines()
            guard let e = parseExpression() else { break }
            args.append(e)
            skipNewlines()
            let t = peek()
            if t.kind == .Comma { advance(); continue }
            if t.kind == .RParen { advance(); return args }
            break
        }
        reportIncomplete("MissingEndParenthesisInMethodCall", extent: after(args.last?.extent ?? extent(lParen)), at: peek())
        return args
    }

    // G enum_definition = 'enum' type_header new_lines? '{' { identifier [ '=' expression ] statement_terminators } '}' ;
    func parseEnumDefinition(attributes: [AttributeAst]) -> StatementAst? {
        let kw = advance()
        guard let (name, nameEnd, bases) = parseTypeHeader(kw) else { return emptyStatement(kw.end) }
        skipNewlines()
        let lCurly = peek()
        guard lCurly.kind == .LCurly else {
            reportIncomplete("MissingTypeBody", text(kw), extent: extent(nameEnd, nameEnd), at: lCurly)
            return emptyStatement(nameEnd)
        }
        advance()
        var members: [MemberDefinitionAst] = []
        var end = lCurly.end
        withMode(.expression) {
            while !aborted {
                skipNewlinesAndSemicolons()
                let t = peek()
                if t.kind == .RCurly { advance(); end = t.end; break }
                if t.kind == .EndOfInput {
                    reportIncomplete("MissingEndCurlyBrace", extent: after(lCurly), at: t)
                    end = t.start
                    break
                }
                guard t.kind == .Identifier || t.kind.isKeyword else {
                    reportError("IncompleteMemberDefinition", extent: extent(t))
                    advance()
                    continue
                }
                advance()
                var value: ExpressionAst?
                var mEnd = t.end
                if peek().kind == .Equals {
                    let eq = advance()
                    skipNewlines()
                    if let e = parseExpression() { value = e; mEnd = e.extent.end }
                    else { reportIncomplete("MissingExpressionAfterToken", "=", extent: after(eq), at: peek()) }
                }
                members.append(.property(PropertyMemberAst(extent: extent(t.start, mEnd), name: t.stringValue ?? text(t), propertyType: nil,
                                                           isStatic: false, isHidden: false, attributes: [], initialValue: value)))
            }
        }
        let start = attributes.first?.extent.start ?? kw.start
        return .typeDefinition(TypeDefinitionAst(extent: extent(start, end), name: name, isEnum: true, attributes: attributes,
                                                 baseTypes: bases, members: members))
    }
}
