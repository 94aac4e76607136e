/// Checks pwsh makes once a script is parsed (SemanticChecks.cs) that depend on where a
/// statement stands rather than on its own text.
extension Parser {
    /// What encloses a statement, innermost last, as far as flow out of `finally` goes.
    private enum FlowContext {
        case finallyBlock
        /// A loop or switch, with its label.
        case loop(String?)
    }

    /// `break`, `continue` and `return` may not leave a finally block (ControlLeavingFinally):
    /// allowed only when a loop (or switch) inside the finally takes the break or continue.
    /// A script block, function or trap starts afresh.
    func checkFlowOutOfFinally(_ block: ScriptBlockAst) {
        for named in [block.beginBlock, block.processBlock, block.endBlock, block.cleanBlock].compactMap({ $0 }) {
            checkFlow(named.statements, [])
        }
    }

    private func checkFlow(_ statements: [StatementAst], _ stack: [FlowContext]) {
        for s in statements { checkFlow(s, stack) }
    }

    private func checkFlow(_ statement: StatementAst, _ stack: [FlowContext]) {
        switch statement {
        case .flow(let f):
            guard f.kind == .breakFlow || f.kind == .continueFlow || f.kind == .returnFlow else { return }
            // A return never stops at a loop; a break or continue stops at the first loop its
            // label matches (no label matches any).
            let label: String? = f.kind == .returnFlow ? nil : (f.label ?? "")
            for context in stack.reversed() {
                switch context {
                case .loop(let loopLabel):
                    if let l = label, l.isEmpty || l.caseInsensitiveCompare(loopLabel ?? "") == .orderedSame { return }
                case .finallyBlock:
                    semanticErrors.append(ParseError(id: "ControlLeavingFinally", message: ParserMessages.format("ControlLeavingFinally", []),
                                                     extent: f.extent))
                    return
                }
            }
        case .ifStatement(let i):
            for clause in i.clauses { checkFlow(clause.body.statements, stack) }
            if let e = i.elseClause { checkFlow(e.statements, stack) }
        case .switchStatement(let s):
            for clause in s.clauses { checkFlow(clause.body.statements, stack + [.loop(s.label)]) }
            if let d = s.defaultClause { checkFlow(d.statements, stack + [.loop(s.label)]) }
        case .foreachStatement(let f): checkFlow(f.body.statements, stack + [.loop(f.label)])
        case .forStatement(let f): checkFlow(f.body.statements, stack + [.loop(f.label)])
        case .whileStatement(let w): checkFlow(w.body.statements, stack + [.loop(w.label)])
        case .doLoop(let d): checkFlow(d.body.statements, stack + [.loop(d.label)])
        case .tryStatement(let t):
            checkFlow(t.body.statements, stack)
            for c in t.catchClauses { checkFlow(c.body.statements, stack) }
            if let f = t.finallyClause { checkFlow(f.statements, stack + [.finallyBlock]) }
        case .block(let b): checkFlow(b.statements, stack)
        case .trap(let t): checkFlow(t.body.statements, [])
        case .functionDefinition(let f): checkFlowOutOfFinally(f.body)
        case .typeDefinition(let t):
            for case .method(let m) in t.members { checkFlowOutOfFinally(m.body) }
        case .pipeline, .pipelineChain, .assignment, .using: break
        }
    }
}
