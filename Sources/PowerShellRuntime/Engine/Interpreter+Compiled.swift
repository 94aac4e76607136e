import PowerShellSyntax

/// Expressions compiled once into closures. A lone-expression pipeline (a condition, the
/// right side of an assignment, an expression statement) is compiled the first time it runs and
/// the closure tree is cached on its PipelineAst: running it again switches on no enums and
/// copies no syntax nodes. Node kinds the compiler does not handle fall back to `evaluate`, so
/// the results are the same either way.
typealias CompiledExpression = (ExecutionContext) throws -> Value

final class CompiledExpressionBox {
    /// The expression's value.
    let run: CompiledExpression
    /// The expression as output: the same, except that a void method call or a `[void]` cast
    /// gives `Value.voidResult`, which writing to a pipe drops.
    let output: CompiledExpression
    /// `$i++` / `++$i` as a statement: evaluated for its effect, nothing output.
    let isStatementIncrement: Bool
    /// As a statement, sets `$?` to true after it (see `pureExpressionSetsSuccess`).
    let setsSuccess: Bool

    init(_ run: @escaping CompiledExpression, output: CompiledExpression? = nil, isStatementIncrement: Bool = false, setsSuccess: Bool = true) {
        self.run = run
        self.output = output ?? run
        self.isStatementIncrement = isStatementIncrement
        self.setsSuccess = setsSuccess
    }
}

/// How a compiled statement ended. `return` travels back through compiled code as this value:
/// thrown, it would box an error and dynamically cast it at every level it passes. Where
/// compiled code hands over to the tree walker, `.returned` becomes a thrown ReturnSignal again.
enum Completion {
    case normal
    case returned
}

typealias CompiledStatement = (ExecutionContext, Pipe) throws -> Completion

final class CompiledBlockBox {
    let statements: [CompiledStatement]
    /// Each statement's sequence point (see ErrorPosition.swift), for the errors it lets out.
    let sequencePoints: [SourceExtent?]

    init(_ statements: [CompiledStatement], sequencePoints: [SourceExtent?]) {
        self.statements = statements
        self.sequencePoints = sequencePoints
    }
}

extension ExecutionContext {

    /// The compiled form of a pipeline that is one expression without redirections, or nil.
    @inline(__always)
    func compiledLoneExpression(_ p: PipelineAst) -> CompiledExpressionBox? {
        if let box = p.cache as? CompiledExpressionBox { return box }
        guard p.elements.count == 1, case .expression(let e) = p.elements[0], e.redirections.isEmpty else { return nil }
        var increment = false
        if case .unary(let u) = e.expression {
            increment = u.op == .postIncrement || u.op == .preIncrement || u.op == .postDecrement || u.op == .preDecrement
        }
        var output: CompiledExpression?
        if let form = ExecutionContext.voidCapableOutput(e.expression) {
            output = { ctx in try ctx.outputValue(form) }
        }
        let box = CompiledExpressionBox(compile(e.expression), output: output, isStatementIncrement: increment,
                                        setsSuccess: ExecutionContext.pureExpressionSetsSuccess(e.expression))
        p.cache = box
        return box
    }

    /// The compiled statements of a block without traps, made on first run.
    @inline(__always)
    func compiledBlock(_ block: StatementBlockAst) -> CompiledBlockBox {
        compiledStatements(block.statements, cache: &block.cache)
    }

    /// The compiled statements of a named block without traps, made on first run.
    @inline(__always)
    func compiledNamedBlock(_ block: NamedBlockAst) -> CompiledBlockBox {
        compiledStatements(block.statements, cache: &block.cache)
    }

    @inline(__always)
    private func compiledStatements(_ statements: [StatementAst], cache: inout AnyObject?) -> CompiledBlockBox {
        if let box = cache as? CompiledBlockBox { return box }
        let box = CompiledBlockBox(statements.map { compileStatement($0) },
                                   sequencePoints: statements.map { ExecutionContext.sequencePoint(of: $0) })
        cache = box
        return box
    }

    /// Runs the statements of a named block (a function's or script block's `end`, `process` …);
    /// a `return` in it is thrown as a ReturnSignal, for callers that catch it.
    @inline(__always)
    func executeNamedBlock(_ block: NamedBlockAst, _ out: Pipe) throws {
        if try runNamedBlock(block, out) == .returned { throw ReturnSignal.shared }
    }

    /// Runs the statements of a named block, compiled when it has no traps; says whether a
    /// compiled `return` ended it.
    @inline(__always)
    func runNamedBlock(_ block: NamedBlockAst, _ out: Pipe) throws -> Completion {
        if !block.traps.isEmpty {
            try executeStatements(block.statements, traps: block.traps, out)
            return .normal
        }
        return try run(compiledNamedBlock(block), out)
    }

    /// Runs a compiled block as `executeStatements` runs its statements: a statement-terminating
    /// error is reported and the block goes on, unless a try, a trap or Stop takes it.
    @inline(__always)
    func run(_ box: CompiledBlockBox, _ out: Pipe) throws -> Completion {
        let statements = box.statements
        for i in statements.indices {
            do {
                if case .returned = try statements[i](self, out) { return .returned }
            } catch let e as RuntimeError {
                position(e, at: box.sequencePoints[i])
                guard tryDepth == 0 && !e.record.terminatesScript else { throw e }
                try handleStatementError(e)
            }
        }
        return .normal
    }

    func compileStatement(_ s: StatementAst) -> CompiledStatement {
        switch s {
        case .pipeline(let p):
            if let compiled = compiledLoneExpression(p) {
                return { ctx, out in
                    let v = try compiled.output(ctx)
                    if !compiled.isStatementIncrement { try out.writeEnumerated(v) }
                    if compiled.setsSuccess { ctx.lastStatementSucceeded = true }
                    return .normal
                }
            }
            if let call = compiledCall(p) {
                return { ctx, out in
                    try call(ctx, out)
                    return .normal
                }
            }
            return { ctx, out in
                try ctx.executePipeline(p, out)
                return .normal
            }
        case .assignment(let a):
            if a.op == .equals, case .variable(let v) = a.left, v.scope == nil, !v.splatted,
               case .pipeline(let p) = a.right, let right = compiledLoneExpression(p) {
                return { ctx, _ in
                    try ctx.assignToVariable(v, try right.run(ctx))
                    if right.setsSuccess { ctx.lastStatementSucceeded = true }
                    return .normal
                }
            }
            if a.op == .equals, case .index(let ix) = a.left, case .pipeline(let p) = a.right, let right = compiledLoneExpression(p) {
                let target = compile(ix.target)
                let index = compile(ix.index)
                return { ctx, _ in
                    let v = try right.run(ctx)
                    let obj = try target(ctx)
                    let idx = try index(ctx)
                    try ctx.assignIndex(obj, idx, v, extent: a.extent)
                    if right.setsSuccess { ctx.lastStatementSucceeded = true }
                    return .normal
                }
            }
            if a.op == .plusEquals || a.op == .minusEquals, case .variable(let v) = a.left, v.scope == nil, !v.splatted,
               case .pipeline(let p) = a.right, let right = compiledLoneExpression(p) {
                let op: BinaryOperator = a.op == .plusEquals ? .add : .subtract
                return { ctx, _ in
                    let r = try right.run(ctx)
                    if let variable = ctx.localVariable(v), variable.typeConstraint == nil, !variable.isReadOnlyOrConstant,
                       variable.validations.isEmpty, let fast = ExecutionContext.fastBinary(op, variable.value, r) {
                        variable.value = fast
                    } else {
                        try ctx.completeCompoundAssignment(a, right: r)
                    }
                    if right.setsSuccess { ctx.lastStatementSucceeded = true }
                    return .normal
                }
            }
            let setsSuccess = ExecutionContext.statementSetsSuccess(s)
            return { ctx, _ in
                try ctx.executeAssignment(a)
                if setsSuccess { ctx.lastStatementSucceeded = true }
                return .normal
            }
        case .ifStatement(let statement):
            let clauses: [(condition: CompiledExpression, body: CompiledStatement)] = statement.clauses.map { clause in
                (compileCondition(clause.condition), compileBody(clause.body))
            }
            let elseBody = statement.elseClause.map { compileBody($0) }
            if clauses.count == 1, let only = clauses.first {
                // `if (…) { … }` with or without `else`, the common shape, without the loop.
                let condition = only.condition, body = only.body
                return { ctx, out in
                    if Conversion.toBool(try condition(ctx)) { return try body(ctx, out) }
                    if let e = elseBody { return try e(ctx, out) }
                    return .normal
                }
            }
            return { ctx, out in
                for clause in clauses where Conversion.toBool(try clause.condition(ctx)) {
                    return try clause.body(ctx, out)
                }
                if let e = elseBody { return try e(ctx, out) }
                return .normal
            }
        case .forStatement(let f):
            let initializer = f.initializer.map { compileSequencePoint($0) }
            let condition = f.condition.map { compileCondition($0) }
            let iterator = f.iterator.map { compileSequencePoint($0) }
            let body = compileBody(f.body)
            let label = f.label
            return { ctx, out in
                if let i = initializer { _ = try i(ctx, ctx.discardPipe) }
                while true {
                    try PipelineStop.check()
                    if let c = condition, !Conversion.toBool(try c(ctx)) { break }
                    switch try ctx.runLoopPass(body, label: label, out) {
                    case .returned: return .returned
                    case .broke: return .normal
                    case .continued: break
                    }
                    if let it = iterator { _ = try it(ctx, ctx.discardPipe) }
                }
                return .normal
            }
        case .whileStatement(let w):
            let condition = compileCondition(w.condition)
            let body = compileBody(w.body)
            let label = w.label
            return { ctx, out in
                while Conversion.toBool(try condition(ctx)) {
                    try PipelineStop.check()
                    switch try ctx.runLoopPass(body, label: label, out) {
                    case .returned: return .returned
                    case .broke: return .normal
                    case .continued: break
                    }
                }
                return .normal
            }
        case .flow(let f) where f.kind == .returnFlow:
            if let operand = f.operand, case .pipeline(let p) = operand, let compiled = compiledLoneExpression(p), !compiled.isStatementIncrement {
                let extent = p.extent
                return { ctx, out in
                    let v = try ctx.atSequencePoint(extent) { try compiled.output(ctx) }
                    try (ctx.methodReturnSink ?? out).writeEnumerated(v)
                    if compiled.setsSuccess { ctx.lastStatementSucceeded = true }
                    return .returned
                }
            }
            if f.operand == nil {
                return { _, _ in .returned }
            }
            return { ctx, out in
                try ctx.executeStatement(s, out)
                return .normal
            }
        default:
            return { ctx, out in
                try ctx.executeStatement(s, out)
                return .normal
            }
        }
    }

    /// An `if`/`for`/`while` condition: compiled when it is a lone expression.
    func compileCondition(_ condition: StatementAst) -> CompiledExpression {
        if case .pipeline(let p) = condition, let compiled = compiledLoneExpression(p) {
            let run = compiled.run, extent = p.extent
            return { ctx in try ctx.atSequencePoint(extent) { try run(ctx) } }
        }
        return { ctx in try ctx.evaluateCondition(condition) }
    }

    /// A statement run on its own as a sequence point (a `for` initializer or iterator).
    func compileSequencePoint(_ s: StatementAst) -> CompiledStatement {
        let statement = compileStatement(s)
        let extent = ExecutionContext.sequencePoint(of: s)
        return { ctx, out in try ctx.atSequencePoint(extent) { try statement(ctx, out) } }
    }

    enum LoopPass { case continued, broke, returned }

    /// One pass of a compiled loop body: `break` for this loop ends the loop, `continue` for it
    /// ends the pass, signals for outer loops go on up, and a `return` is handed back.
    @inline(__always)
    func runLoopPass(_ body: CompiledStatement, label: String?, _ out: Pipe) throws -> LoopPass {
        do {
            if case .returned = try body(self, out) { return .returned }
        } catch let b as BreakSignal {
            if labelMatches(b.label, label) { return .broke }
            throw b
        } catch let c as ContinueSignal {
            if !labelMatches(c.label, label) { throw c }
        }
        return .continued
    }

    /// A statement block as one compiled statement, its statements compiled now; a block with
    /// traps runs through `runBlock`.
    func compileBody(_ block: StatementBlockAst) -> CompiledStatement {
        guard block.traps.isEmpty else { return { ctx, out in try ctx.runBlock(block, out) } }
        let box = compiledBlock(block)
        if box.statements.count == 1, let only = box.statements.first {
            let extent = box.sequencePoints[0]
            return { ctx, out in
                do {
                    return try only(ctx, out)
                } catch let e as RuntimeError {
                    ctx.position(e, at: extent)
                    guard ctx.tryDepth == 0 && !e.record.terminatesScript else { throw e }
                    try ctx.handleStatementError(e)
                    return .normal
                }
            }
        }
        return { ctx, out in try ctx.run(box, out) }
    }

    /// `$i++`, `$i--`, `++$i`, `--$i` on a plain variable holding an Int32: no general operator
    /// code; anything else goes through `evaluate`.
    func compileIncrement(_ u: UnaryExpressionAst, _ v: VariableExpressionAst) -> CompiledExpression {
        let delta: Int32 = (u.op == .postIncrement || u.op == .preIncrement) ? 1 : -1
        let isPost = u.op == .postIncrement || u.op == .postDecrement
        let whole = ExpressionAst.unary(u)
        return { ctx in
            if let variable = ctx.localVariable(v), variable.typeConstraint == nil, !variable.isReadOnlyOrConstant,
               variable.validations.isEmpty, case .int(let old) = variable.value {
                let (new, overflow) = old.addingReportingOverflow(delta)
                if !overflow {
                    variable.value = .int(new)
                    return .int(isPost ? old : new)
                }
            }
            return try ctx.evaluate(whole)
        }
    }

    /// Variables whose reads need more than a lookup (`$?`, `$PWD`, `$MyInvocation`, …).
    private static let computedVariables: Set<String> = ["?", "pwd", "lastexitcode", "input", "myinvocation", "null", "true", "false"]

    func compile(_ e: ExpressionAst) -> CompiledExpression {
        switch e {
        case .constant(let c):
            let v = ExecutionContext.literalValue(c.value)
            return { _ in v }
        case .stringConstant(let s):
            let v = Value.string(s.value)
            return { _ in v }
        case .variable(let v) where v.scope == nil && !v.splatted && !ExecutionContext.computedVariables.contains(v.foldedName):
            return { ctx in
                if let found = ctx.cachedLookup(v) { return found.value }
                return try ctx.automaticOrUndefined(v)
            }
        case .binary(let b):
            switch b.op {
            case .add, .subtract, .multiply, .remainder, .lt, .le, .gt, .ge, .eq, .ne, .ilt, .ile, .igt, .ige, .ieq, .ine:
                let left = compile(b.left)
                let right = compile(b.right)
                let op = b.op
                return { ctx in
                    let l = try left(ctx)
                    let r = try right(ctx)
                    if let fast = ExecutionContext.fastBinary(op, l, r) { return fast }
                    return try ctx.applyBinary(b, l, r)
                }
            default:
                return { ctx in try ctx.evaluate(e) }
            }
        case .unary(let u) where u.op == .postIncrement || u.op == .preIncrement || u.op == .postDecrement || u.op == .preDecrement:
            if case .variable(let v) = u.operand, v.scope == nil, !v.splatted, !ExecutionContext.computedVariables.contains(v.foldedName) {
                return compileIncrement(u, v)
            }
            return { ctx in try ctx.evaluate(e) }
        case .index(let i):
            let target = compile(i.target)
            let index = compile(i.index)
            return { ctx in try ctx.indexWith(i, target: target(ctx), index: { try index(ctx) }) }
        case .expandableString(let str):
            var pieces: [(String?, CompiledExpression?, ExpressionAst?)] = []
            for part in str.parts {
                switch part {
                case .literal(let t): pieces.append((t, nil, nil))
                case .variable(let v): pieces.append((nil, compile(.variable(v)), nil))
                case .subExpression(let sub): pieces.append((nil, nil, .subExpression(sub)))
                }
            }
            return { ctx in
                var result = ""
                for piece in pieces {
                    if let literal = piece.0 {
                        result += literal
                    } else if let run = piece.1 {
                        let v = try run(ctx)
                        if case .string(let text) = v { result += text } else { result += Conversion.toString(v, hooks: ctx.hooks) }
                    } else if let sub = piece.2 {
                        result += Conversion.toString(try ctx.evaluate(sub), hooks: ctx.hooks)
                    }
                }
                return .string(result)
            }
        case .paren(let p):
            if case .pipeline(let inner) = p.pipeline, inner.elements.count == 1, case .expression(let x) = inner.elements[0], x.redirections.isEmpty {
                return compile(x.expression)
            }
            if case .pipeline(let inner) = p.pipeline, let call = compiledCall(inner) {
                return { ctx in
                    var pipe = ctx.borrowCollector()
                    defer { ctx.giveBack(&pipe) }
                    try call(ctx, pipe)
                    return pipe.result
                }
            }
            if case .pipeline(let inner) = p.pipeline, inner.elements.count == 1, case .command = inner.elements[0] {
                // `(f $x)`: the command's output collected, without the statement layers.
                return { ctx in
                    let pipe = Pipe()
                    try ctx.executePipeline(inner, pipe)
                    return pipe.result
                }
            }
            return { ctx in try ctx.evaluate(e) }
        default:
            return { ctx in try ctx.evaluate(e) }
        }
    }
}
