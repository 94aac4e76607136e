import PowerShellSyntax

/// Which variables a script block keeps in slots, worked out from its syntax tree before it
/// first runs, as pwsh's VariableAnalysis does: its parameters (in declaration order, so slot
/// `i` is parameter `i`), then every variable its own code assigns, unqualified or `$local:`
/// (`$x = …`, `$x += …`, `[int]$x = …`, `$a, $b = …`, `foreach ($x in …)`, `$x++`).
/// Nested script blocks, functions, classes and traps are left out: they run in scopes of
/// their own. A slot is only a faster way to the same variable: code finds it by name too,
/// and code running in a scope that another layout owns uses names.
enum VariableAnalysis {

    static func layout(of ast: ScriptBlockAst) -> SlotLayout {
        var names: [String] = []
        var displayNames: [String] = []
        var seen: Set<String> = []
        for p in ast.paramBlock?.parameters ?? [] {
            let folded = p.name.lowercased()
            names.append(folded)
            displayNames.append(p.name)
            seen.insert(folded)
        }
        let parameterCount = names.count
        var visitor = AssignedVariables()
        for block in [ast.dynamicParamBlock, ast.beginBlock, ast.processBlock, ast.endBlock, ast.cleanBlock].compactMap({ $0 }) {
            visitor.statements(block.statements)
        }
        for v in visitor.variables where seen.insert(v.foldedName).inserted {
            names.append(v.foldedName)
            displayNames.append(v.name)
        }
        if names.isEmpty { return .empty }
        return SlotLayout(names: names, displayNames: displayNames, parameterCount: parameterCount)
    }

    /// Whether the script block's own code reads `$args` (a nested block has its own).
    static func readsArgs(_ ast: ScriptBlockAst) -> Bool {
        var visitor = AssignedVariables()
        for block in [ast.beginBlock, ast.processBlock, ast.endBlock, ast.cleanBlock].compactMap({ $0 }) {
            visitor.statements(block.statements)
        }
        return visitor.readsArgs
    }
}

/// Walks one script block's own statements collecting the variables they assign.
private struct AssignedVariables {
    private(set) var variables: [VariableExpressionAst] = []
    private(set) var readsArgs = false

    mutating func note(_ v: VariableExpressionAst) {
        guard !v.splatted, v.scope == nil || v.scope == "local" else { return }
        variables.append(v)
    }

    mutating func statements(_ list: [StatementAst]) {
        for s in list { statement(s) }
    }

    mutating func block(_ b: StatementBlockAst) {
        statements(b.statements)
    }

    mutating func statement(_ s: StatementAst) {
        switch s {
        case .pipeline(let p):
            pipeline(p)
        case .pipelineChain(let c):
            statement(c.left)
            pipeline(c.right)
        case .assignment(let a):
            assigned(a.left)
            expression(a.left)
            statement(a.right)
        case .ifStatement(let i):
            for clause in i.clauses {
                statement(clause.condition)
                block(clause.body)
            }
            if let e = i.elseClause { block(e) }
        case .switchStatement(let sw):
            statement(sw.condition)
            for clause in sw.clauses {
                expression(clause.test)
                block(clause.body)
            }
            if let d = sw.defaultClause { block(d) }
        case .foreachStatement(let f):
            note(f.variable)
            statement(f.collection)
            block(f.body)
        case .forStatement(let f):
            if let i = f.initializer { statement(i) }
            if let c = f.condition { statement(c) }
            if let it = f.iterator { statement(it) }
            block(f.body)
        case .whileStatement(let w):
            statement(w.condition)
            block(w.body)
        case .doLoop(let d):
            block(d.body)
            statement(d.condition)
        case .flow(let f):
            if let o = f.operand { statement(o) }
        case .tryStatement(let t):
            block(t.body)
            for c in t.catchClauses { block(c.body) }
            if let f = t.finallyClause { block(f) }
        case .block(let b):
            block(b)
        case .trap, .functionDefinition, .typeDefinition, .using:
            break
        }
    }

    mutating func pipeline(_ p: PipelineAst) {
        for element in p.elements {
            switch element {
            case .expression(let e):
                expression(e.expression)
            case .command(let c):
                for el in c.elements {
                    switch el {
                    case .argument(let e): expression(e)
                    case .parameter(let p): if let a = p.argument { expression(a) }
                    case .stopParsing: break
                    }
                }
            }
        }
    }

    /// The variables an assignment target stores into.
    mutating func assigned(_ e: ExpressionAst) {
        switch e {
        case .variable(let v): note(v)
        case .convert(let c): assigned(c.child)
        case .arrayLiteral(let a): for el in a.elements { assigned(el) }
        case .attributed(let a): assigned(a.child)
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let x) = pl.elements[0] {
                assigned(x.expression)
            }
        default: break
        }
    }

    mutating func expression(_ e: ExpressionAst) {
        switch e {
        case .constant, .stringConstant, .typeLiteral, .scriptBlock:
            break
        case .expandableString(let s):
            for part in s.parts {
                switch part {
                case .literal: break
                case .variable(let v): expression(.variable(v))
                case .subExpression(let sub): block(sub.statements)
                }
            }
        case .variable(let v):
            if v.foldedName == "args", v.scope == nil { readsArgs = true }
        case .binary(let b):
            expression(b.left)
            expression(b.right)
        case .unary(let u):
            switch u.op {
            case .preIncrement, .preDecrement, .postIncrement, .postDecrement: assigned(u.operand)
            default: break
            }
            expression(u.operand)
        case .convert(let c):
            expression(c.child)
        case .member(let m):
            expression(m.target)
            expression(m.member)
        case .invokeMember(let m):
            expression(m.target)
            expression(m.member)
            for a in m.arguments { expression(a) }
        case .index(let i):
            expression(i.target)
            expression(i.index)
        case .arrayLiteral(let a):
            for el in a.elements { expression(el) }
        case .arrayExpression(let s), .subExpression(let s):
            block(s.statements)
        case .paren(let p):
            statement(p.pipeline)
        case .hashtable(let h):
            for pair in h.pairs {
                expression(pair.key)
                statement(pair.value)
            }
        case .ternary(let t):
            expression(t.condition)
            expression(t.ifTrue)
            expression(t.ifFalse)
        case .attributed(let a):
            expression(a.child)
        case .using(let u):
            expression(.variable(u.variable))
        }
    }
}
