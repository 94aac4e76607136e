import PowerShellSyntax

/// Expressions compiled once into closures. A lone-expression pipeline (a condition, the
/// right side of an assignment, an expression statement) is compiled the first time it runs and
/// the closure tree is cached on its PipelineAst: running it again switches on no enums and
/// copies no syntax nodes. Node kinds the compiler does not handle fall back to `evaluate`, so
/// the results are the same either way.
typealias CompiledExpression = (ExecutionContext) throws -> Value

final class CompiledExpressionBox {
    let run: CompiledExpression
    /// `$i++` / `++$i` as a statement: evaluated for its effect, nothing output.
    let isStatementIncrement: Bool
    /// As a statement, sets `$?` to true after it (see `pureExpressionSetsSuccess`).
    let setsSuccess: Bool

    init(_ run: @escaping CompiledExpression, isStatementIncrement: Bool = false, setsSuccess: Bool = true) {
        self.run = run
        self.isStatementIncrement = isStatementIncrement
        self.setsSuccess = setsSuccess
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
        let box = CompiledExpressionBox(compile(e.expression), isStatementIncrement: increment,
                                        setsSuccess: ExecutionContext.pureExpressionSetsSuccess(e.expression))
        p.cache = box
        return box
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
            case .add, .subtract, .lt, .le, .gt, .ge, .eq, .ne, .ilt, .ile, .igt, .ige, .ieq, .ine:
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
        case .paren(let p):
            if case .pipeline(let inner) = p.pipeline, inner.elements.count == 1, case .expression(let x) = inner.elements[0], x.redirections.isEmpty {
                return compile(x.expression)
            }
            return { ctx in try ctx.evaluate(e) }
        default:
            return { ctx in try ctx.evaluate(e) }
        }
    }
}
