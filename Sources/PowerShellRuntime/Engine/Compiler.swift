import PowerShellSyntax

/// The evaluator. A script block is compiled once, the first time it runs, into a tree of
/// closures cached on its syntax tree; running it again switches on no syntax enums and
/// looks no names up that a slot can hold. This is the only way code runs: top-level scripts,
/// function bodies, script blocks, traps, default values and attribute arguments all go
/// through it (pwsh's Compiler.cs plays the same part, and its evaluation order is followed).
///
/// The pieces, by file:
/// - `Compiler.swift`: the compiled forms, blocks and their statement-error handling.
/// - `Compiler+Statements.swift`: control flow (if, loops, switch, try, trap, flow).
/// - `Compiler+Expressions.swift`: operators, members, indexing, literals, strings.
/// - `Compiler+Variables.swift`: variable reads and writes, slots and scope qualifiers.
/// - `Compiler+Assignment.swift`: `=`, compound operators and assignable targets.
/// - `Compiler+Pipelines.swift`: pipelines, command arguments and direct function calls.
/// - `VariableAnalysis.swift`: which variables a script block keeps in slots.
typealias CompiledExpression = (ExecutionContext) throws -> Value

/// A compiled expression kept in an array. A closure stored in a generic container (an
/// array, a tuple in an array, or passed through `??`) is kept in the most general calling
/// convention and every call goes through conversion thunks; a struct's field keeps its own.
struct ExpressionCode {
    let run: CompiledExpression
}

/// A compiled statement kept in an array (see `ExpressionCode`).
struct StatementCode {
    let run: CompiledStatement
}

/// A compiled statement writes its output to the pipe and says how it ended.
typealias CompiledStatement = (ExecutionContext, Pipe) throws -> Completion

/// How a statement ended. `return`, `break` and `continue` travel back through compiled code
/// as this value: thrown, they would box an error and dynamically cast it at every level they
/// pass. Only where a `break` or `continue` leaves the script block it was written in (a
/// function called from a loop, a ForEach-Object block) is it thrown, as a BreakSignal or
/// ContinueSignal, which loops catch as pwsh's do.
enum Completion {
    case normal
    case returned
    /// `break` with its label (nil: the innermost loop or switch).
    case broke(String?)
    /// `continue` with its label.
    case continued(String?)
}

/// Compiles syntax trees for one script block: `layout` says which of its variables live in
/// slots of the scope the block runs in.
struct Compiler {
    let layout: SlotLayout
    /// Compiling a class method's body: `return` gives the method's result, which goes to the
    /// method's return sink rather than the output (which a method drops).
    let inMethod: Bool

    init(layout: SlotLayout, inMethod: Bool = false) {
        self.layout = layout
        self.inMethod = inMethod
    }

    /// For code evaluated on its own (a default value, an attribute argument): every variable
    /// is found by name.
    static let standalone = Compiler(layout: .empty)
}

/// A script block compiled: its slot layout and named blocks, made on first use and cached on
/// its syntax tree.
final class CompiledScriptBlock {
    let layout: SlotLayout
    let begin: CompiledBlock?
    let process: CompiledBlock?
    let end: CompiledBlock?
    let clean: CompiledBlock?
    /// The end block when it is one expression statement that outputs its value
    /// (`{ $_ % 3 -eq 0 }`), which per-object calls run without an output pipe, and that
    /// statement's extent, where its errors point.
    let loneExpression: CompiledValue?
    let loneExpressionExtent: SourceExtent?
    /// Each parameter's default value, compiled (nil: none).
    let defaults: [ExpressionCode?]
    /// The block's own code reads `$args`.
    let readsArgs: Bool
    /// Only statements (no param block, no begin, process or clean block) and no `$args`:
    /// ForEach-Object and Where-Object may run it in the caller's scope (see
    /// `ScriptBlock.runsInCallerScope`).
    let isPlainStatements: Bool
    /// The binder's declaration, built on first use (attribute arguments evaluate then).
    var declaration: CommandDeclaration?
    var isAdvanced = false

    init(_ ast: ScriptBlockAst, isMethod: Bool = false) {
        let layout = VariableAnalysis.layout(of: ast)
        self.layout = layout
        let compiler = Compiler(layout: layout, inMethod: isMethod)
        begin = ast.beginBlock.map { compiler.block($0.statements, traps: $0.traps) }
        process = ast.processBlock.map { compiler.block($0.statements, traps: $0.traps) }
        end = ast.endBlock.map { compiler.block($0.statements, traps: $0.traps) }
        clean = ast.cleanBlock.map { compiler.block($0.statements, traps: $0.traps) }
        defaults = (ast.paramBlock?.parameters ?? []).map { p in p.defaultValue.map { ExpressionCode(run: compiler.expression($0)) } }
        readsArgs = VariableAnalysis.readsArgs(ast)
        isPlainStatements = ast.paramBlock == nil && ast.beginBlock == nil && ast.processBlock == nil && ast.cleanBlock == nil
            && !readsArgs
        if let e = ast.endBlock, e.traps.isEmpty, e.statements.count == 1, case .pipeline(let p) = e.statements[0],
           let value = compiler.loneExpression(p), !value.isStatementIncrement {
            loneExpression = value
            loneExpressionExtent = p.extent
        } else {
            loneExpression = nil
            loneExpressionExtent = nil
        }
    }
}

/// A lone expression compiled (a condition, the right side of an assignment, an expression
/// statement), with what running it as a statement needs to know.
final class CompiledValue {
    /// The expression's value.
    let run: CompiledExpression
    /// The expression as output: the same, except that a void method call or a `[void]` cast
    /// gives `Value.voidResult`, which writing to a pipe drops (pwsh's AutomationNull).
    let output: CompiledExpression
    /// `$i++` / `++$i` as a statement: evaluated for its effect, nothing output.
    let isStatementIncrement: Bool
    /// As a statement, sets `$?` to true after it (see `pureExpressionSetsSuccess`).
    let setsSuccess: Bool
    /// Whether `output` differs from `run`.
    let mayOutputNothing: Bool

    init(_ run: @escaping CompiledExpression, output: CompiledExpression?, isStatementIncrement: Bool, setsSuccess: Bool) {
        self.run = run
        if let output {
            self.output = output
        } else {
            self.output = run
        }
        self.mayOutputNothing = output != nil
        self.isStatementIncrement = isStatementIncrement
        self.setsSuccess = setsSuccess
    }

    /// Runs the expression as a statement: what it outputs (`Value.voidResult` for nothing), or
    /// nil for `$i++`.
    @inline(__always)
    func statementOutput(_ ctx: ExecutionContext) throws -> Value? {
        if isStatementIncrement {
            _ = try run(ctx)
            return nil
        }
        return try output(ctx)
    }
}

/// The statements of a block and its traps.
final class CompiledBlock {
    let statements: ContiguousArray<StatementCode>
    /// Each statement's sequence point (see ErrorPosition.swift): where an error it lets out
    /// without a position of its own points.
    let sequencePoints: ContiguousArray<SourceExtent?>
    let traps: [CompiledTrap]

    init(statements: ContiguousArray<StatementCode>, sequencePoints: ContiguousArray<SourceExtent?>, traps: [CompiledTrap]) {
        self.statements = statements
        self.sequencePoints = sequencePoints
        self.traps = traps
    }

    /// Runs the statements in order. A statement-terminating error is reported and the block
    /// goes on, unless a try, a trap or the Stop preference takes it; with traps, the matching
    /// trap decides (see `runTrapped`).
    @inline(__always)
    func run(_ ctx: ExecutionContext, _ out: Pipe) throws -> Completion {
        if !traps.isEmpty { return try runTrapped(ctx, out, flushEach: false) }
        var i = 0
        let count = statements.count
        while i < count {
            let c = try runStatement(i, ctx, out)
            if case .normal = c {} else { return c }
            i += 1
        }
        return .normal
    }

    /// One statement: an error it raises is positioned at its sequence point and, outside `try`
    /// and unless it ends the script, reported so that the next statement runs.
    @inline(__always)
    private func runStatement(_ i: Int, _ ctx: ExecutionContext, _ out: Pipe) throws -> Completion {
        do {
            return try statements[i].run(ctx, out)
        } catch let e as RuntimeError {
            ctx.position(e, at: sequencePoints[i])
            guard ctx.tryDepth == 0 && !e.record.terminatesScript else { throw e }
            try ctx.handleStatementError(e)
            return .normal
        }
    }

    /// Runs a top-level block: each statement's output goes through Out-Default before the
    /// next statement runs, so a failing statement still shows what came before it.
    func runTopLevel(_ ctx: ExecutionContext, _ out: Pipe) throws -> Completion {
        if !traps.isEmpty {
            defer { ctx.modules?.topLevelStatementCompleted() }
            return try runTrapped(ctx, out, flushEach: true)
        }
        for i in statements.indices {
            defer { ctx.modules?.topLevelStatementCompleted() }
            let c = try runStatement(i, ctx, out)
            if case .normal = c {} else { return c }
            ctx.outDefaultFlush()
        }
        return .normal
    }
}

extension ExecutionContext {

    /// The compiled form of a script block's syntax tree, made on first use.
    @inline(__always)
    func compiled(_ ast: ScriptBlockAst) -> CompiledScriptBlock {
        ExecutionContext.compiledForm(ast)
    }

    @inline(__always)
    static func compiledForm(_ ast: ScriptBlockAst) -> CompiledScriptBlock {
        if let c = ast.cache as? CompiledScriptBlock { return c }
        let c = CompiledScriptBlock(ast)
        ast.cache = c
        return c
    }

    /// The compiled form of a class method's body (see `Compiler.inMethod`).
    static func compiledMethod(_ ast: ScriptBlockAst) -> CompiledScriptBlock {
        if let c = ast.cache as? CompiledScriptBlock { return c }
        let c = CompiledScriptBlock(ast, isMethod: true)
        ast.cache = c
        return c
    }

    /// Evaluates an expression that runs on its own, outside any compiled block (attribute
    /// arguments, class property initializers): compiled each time, variables found by name.
    func evaluate(_ e: ExpressionAst) throws -> Value {
        try Compiler.standalone.expression(e)(self)
    }

    /// Runs a compiled block as the body of a script block: a `return` ends it; a `break` or
    /// `continue` that no loop inside took leaves it as a thrown signal.
    @inline(__always)
    func runBody(_ block: CompiledBlock, _ out: Pipe) throws {
        switch try block.run(self, out) {
        case .normal, .returned: return
        case .broke(let label): throw label == nil ? BreakSignal.unlabelled : BreakSignal(label: label)
        case .continued(let label): throw label == nil ? ContinueSignal.unlabelled : ContinueSignal(label: label)
        }
    }

    /// An error that ends only its statement: reported, and the block goes on — unless the
    /// error preference is Stop, which makes it end the script.
    func handleStatementError(_ e: RuntimeError) throws {
        if preference("ErrorActionPreference", default: .Continue) == .Stop {
            e.record.terminatesScript = true
            throw e
        }
        lastStatementSucceeded = false
        if case .host = streamRouting.error {
            reportUnhandled(e.record)
        } else {
            // Inside a command whose errors are redirected (`f 2>&1`, `f 2>$null`).
            recordError(e.record)
            try route(e.record, to: streamRouting.error, output: discardPipe)
        }
    }
}
