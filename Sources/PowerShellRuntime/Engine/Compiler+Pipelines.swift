import PowerShellSyntax

/// Pipelines and commands: a lone expression statement, a call of a simple function (made
/// directly, without the pipeline machinery), and the general pipeline. As in pwsh, the
/// pipeline's input expression is evaluated first, then each command's name and arguments from
/// left to right, and only then do the commands run.
extension Compiler {

    /// A pipeline as a statement.
    func pipelineStatement(_ p: PipelineAst) -> CompiledStatement {
        if let value = loneExpression(p) {
            if !value.isStatementIncrement {
                let run = value.output
                let setsSuccess = value.setsSuccess
                return { ctx, out in
                    try out.writeEnumerated(try run(ctx))
                    if setsSuccess { ctx.lastStatementSucceeded = true }
                    return .normal
                }
            }
            return { ctx, out in
                if let v = try value.statementOutput(ctx) { try out.writeEnumerated(v) }
                if value.setsSuccess { ctx.lastStatementSucceeded = true }
                return .normal
            }
        }
        let pipeline = self.pipeline(p)
        if let call = directCall(p, fallback: pipeline) { return call }
        return { ctx, out in
            try ctx.run(pipeline, out)
            return .normal
        }
    }

    /// The compiled form of a pipeline that is one expression without redirections, or nil.
    func loneExpression(_ p: PipelineAst) -> CompiledValue? {
        guard p.elements.count == 1, case .expression(let e) = p.elements[0], e.redirections.isEmpty else { return nil }
        var increment = false
        if case .unary(let u) = e.expression {
            increment = u.op == .postIncrement || u.op == .preIncrement || u.op == .postDecrement || u.op == .preDecrement
        }
        return CompiledValue(expression(e.expression), output: output(e.expression), isStatementIncrement: increment,
                             setsSuccess: ExecutionContext.pureExpressionSetsSuccess(e.expression))
    }

    // MARK: - Commands

    func pipeline(_ p: PipelineAst) -> CompiledPipeline {
        let elements: [CompiledPipeline.Element] = p.elements.enumerated().map { i, element in
            switch element {
            case .expression(let e):
                var range: CompiledPipeline.Range?
                if i == 0, case .binary(let b) = e.expression, b.op == .range {
                    range = (expression(b.left), expression(b.right), b)
                }
                // As output: a void method call at the head of a pipeline writes nothing.
                let run: CompiledExpression
                if let output = output(e.expression) { run = output } else { run = expression(e.expression) }
                return .expression(run, range: range, e.expression,
                                   redirections: redirections(e.redirections))
            case .command(let c):
                return .command(command(c), redirections: redirections(c.redirections))
            }
        }
        return CompiledPipeline(ast: p, elements: elements)
    }

    private func redirections(_ rs: [RedirectionAst]) -> [CompiledRedirection] {
        rs.map { r in
            switch r {
            case .merge(let from, _, _):
                return .merge(from)
            case .file(let from, let target, let append, _):
                if case .variable(let v) = target, v.foldedName == "null", v.scope == nil {
                    return .null(from)
                }
                return .file(from, expression(target), append: append)
            }
        }
    }

    func command(_ c: CommandAst) -> CompiledCommand {
        var name = CompiledCommand.Name.text("")
        if let head = c.elements.first {
            switch head {
            case .argument(let e):
                if case .stringConstant(let s) = e, s.kind == .bareWord {
                    name = .text(s.value)
                } else {
                    name = .expression(expression(e), e.extent)
                }
            case .parameter(let p):
                name = .text("-" + p.name)
            case .stopParsing(let t, _):
                name = .text(t)
            }
        }
        let arguments: [CompiledArgument] = c.elements.dropFirst().map { element in
            switch element {
            case .parameter(let p):
                return .named(p.name, p.argument.map { argument($0) }, hasColon: p.hasColon, p.extent)
            case .argument(let e):
                if case .variable(let v) = e, v.splatted { return .splat(variableRead(v), e.extent) }
                return .positional(argument(e), e.extent)
            case .stopParsing(let text, let x):
                return .positional({ _ in .string(text) }, x)
            }
        }
        return CompiledCommand(ast: c, name: name, arguments: arguments)
    }

    /// A command argument's value: barewords are strings; everything else evaluates.
    func argument(_ e: ExpressionAst) -> CompiledExpression {
        if case .stringConstant(let s) = e {
            let v = Value.string(s.value)
            return { _ in v }
        }
        return expression(e)
    }

    // MARK: - Direct calls

    /// `name arg1 arg2 …` alone in its statement: when `name` is a simple function (see
    /// `DirectCallPlan`) it is called straight, binding the arguments by position; otherwise the
    /// compiled pipeline runs. Which it is is decided at each run: the command table can change.
    private func directCall(_ p: PipelineAst, fallback: CompiledPipeline) -> CompiledStatement? {
        guard let site = directCallSite(p) else { return nil }
        return { ctx, out in
            guard let plan = ctx.directCallTarget(site) else {
                try ctx.run(fallback, out)
                return .normal
            }
            try ctx.callDirect(plan, at: site, out)
            return .normal
        }
    }

    /// The value of a statement that may be a direct call (`(f $x)`, `$y = f $x`): the call's
    /// output collected (none → $null, one → itself, more → object[]), as `general` collects
    /// the statement's, without running the statement's closure around the call. Nil when
    /// the statement is no candidate for a direct call.
    func directCallValue(_ s: StatementAst, general: @escaping CompiledExpression) -> CompiledExpression? {
        guard case .pipeline(let p) = s, let site = directCallSite(p) else { return nil }
        return { ctx in
            guard let plan = ctx.directCallTarget(site) else { return try general(ctx) }
            var pipe = ctx.borrowCollector()
            defer { ctx.giveBack(&pipe) }
            try ctx.callDirect(plan, at: site, pipe)
            return pipe.result
        }
    }

    /// A pipeline that is one command named by a bare word, with only positional arguments
    /// (no splatting, redirection or invocation operator): its call site, with the compiled
    /// arguments and the cache of what the name resolves to.
    private func directCallSite(_ p: PipelineAst) -> CallSite? {
        guard p.elements.count == 1, !p.background, case .command(let c) = p.elements[0], c.redirections.isEmpty,
              c.invocationOperator == .none, let head = c.elements.first, case .argument(let name) = head,
              case .stringConstant(let s) = name, s.kind == .bareWord else { return nil }
        var arguments: ContiguousArray<ExpressionCode> = []
        for element in c.elements.dropFirst() {
            guard case .argument(let e) = element else { return nil }
            if case .variable(let v) = e, v.splatted { return nil }
            arguments.append(ExpressionCode(run: argument(e)))
        }
        return CallSite(c, arguments: arguments)
    }
}

extension Compiler {
    /// The output of an expression that can output nothing at all (pwsh's AutomationNull): a
    /// method call (`$list.Clear()`, void) and a `[void]` cast, also in parentheses; it gives
    /// `Value.voidResult` for nothing. Nil for any other expression (its output is its value).
    func output(_ e: ExpressionAst) -> CompiledExpression? {
        switch e {
        case .invokeMember(let m):
            return invokeMemberOutput(m)
        case .convert(let c):
            let name = c.type.description.lowercased()
            guard name == "void" || name == "system.void" else { return nil }
            let child = expression(c.child)
            return { ctx in
                _ = try child(ctx)
                return .voidResult
            }
        case .paren(let p):
            guard case .pipeline(let inner) = p.pipeline, inner.elements.count == 1, case .expression(let x) = inner.elements[0],
                  x.redirections.isEmpty else { return nil }
            return output(x.expression)
        default:
            return nil
        }
    }
}

/// A pipeline compiled: its elements in order.
final class CompiledPipeline {
    /// `a..b`'s two sides.
    typealias Range = (low: CompiledExpression, high: CompiledExpression, ast: BinaryExpressionAst)

    enum Element {
        /// An expression (the first element); `range` when it is `a..b`, which streams.
        case expression(CompiledExpression, range: Range?, ExpressionAst, redirections: [CompiledRedirection])
        case command(CompiledCommand, redirections: [CompiledRedirection])

        var redirections: [CompiledRedirection] {
            switch self {
            case .expression(_, _, _, let r), .command(_, let r): return r
            }
        }
    }

    let ast: PipelineAst
    let elements: [Element]

    init(ast: PipelineAst, elements: [Element]) {
        self.ast = ast
        self.elements = elements
    }
}

/// A command compiled: how to get its name and its arguments.
final class CompiledCommand {
    enum Name {
        case text(String)
        /// `& $sb`, `& 'name'`, `. ./file.ps1`.
        case expression(CompiledExpression, SourceExtent)
    }

    let ast: CommandAst
    let name: Name
    let arguments: [CompiledArgument]

    init(ast: CommandAst, name: Name, arguments: [CompiledArgument]) {
        self.ast = ast
        self.name = name
        self.arguments = arguments
    }
}

/// One command argument compiled.
enum CompiledArgument {
    /// `-Name`, `-Name:value`.
    case named(String, CompiledExpression?, hasColon: Bool, SourceExtent)
    case positional(CompiledExpression, SourceExtent)
    /// `@name`: a hashtable's pairs as named arguments, an array's items as positional ones.
    case splat(CompiledExpression, SourceExtent)
}

/// A redirection compiled.
enum CompiledRedirection {
    /// `2>&1`, `*>&1`: the stream into the output.
    case merge(RedirectionStream)
    /// `> $null`, `2> $null`.
    case null(RedirectionStream)
    /// `> file`, `2>> file`.
    case file(RedirectionStream, CompiledExpression, append: Bool)
}
