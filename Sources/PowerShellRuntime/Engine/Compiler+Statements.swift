import Foundation
import PowerShellSyntax

/// Statements: blocks with their traps, `if`, the loops, `switch`, `try`, flow statements,
/// definitions.
extension Compiler {

    // MARK: - Blocks

    func block(_ statements: [StatementAst], traps: [TrapStatementAst]) -> CompiledBlock {
        CompiledBlock(statements: ContiguousArray(statements.map { StatementCode(run: statement($0)) }),
                      sequencePoints: ContiguousArray(statements.map { ExecutionContext.sequencePoint(of: $0) }),
                      traps: traps.map { CompiledTrap(type: $0.trapType, body: trapBody($0)) })
    }

    /// A trap's body runs in a child scope of its own (pwsh analyses it separately), so its
    /// variables are found by name.
    private func trapBody(_ t: TrapStatementAst) -> CompiledBlock {
        Compiler(layout: .empty, inMethod: inMethod).block(t.body.statements, traps: t.body.traps)
    }

    func block(_ b: StatementBlockAst) -> CompiledBlock {
        block(b.statements, traps: b.traps)
    }

    // MARK: - Statements

    func statement(_ s: StatementAst) -> CompiledStatement {
        switch s {
        case .pipeline(let p):
            return pipelineStatement(p)
        case .assignment(let a):
            return assignmentStatement(a)
        case .ifStatement(let i):
            return ifStatement(i)
        case .foreachStatement(let f):
            return foreachStatement(f)
        case .forStatement(let f):
            return forStatement(f)
        case .whileStatement(let w):
            return whileStatement(w)
        case .doLoop(let d):
            return doLoop(d)
        case .switchStatement(let sw):
            return switchStatement(sw)
        case .flow(let f):
            return flow(f)
        case .trap:
            return { _, _ in .normal }
        case .using(let u):
            return { ctx, _ in
                ctx.addUsingNamespaces([u])
                return .normal
            }
        case .tryStatement(let t):
            return tryStatement(t)
        case .functionDefinition(let f):
            return { ctx, _ in
                try ctx.defineFunction(f)
                return .normal
            }
        case .typeDefinition(let t):
            return { ctx, _ in
                try ctx.defineType(t)
                return .normal
            }
        case .block(let b):
            let body = block(b)
            return { ctx, out in try body.run(ctx, out) }
        case .pipelineChain(let c):
            let left = statement(c.left)
            let right = pipelineStatement(c.right)
            let isAnd = c.isAnd
            let leftPoint = ExecutionContext.sequencePoint(of: c.left), rightPoint = c.right.extent
            return { ctx, out in
                let first = try ctx.atSequencePoint(leftPoint) { try left(ctx, out) }
                if case .normal = first {} else { return first }
                if ctx.lastStatementSucceeded == isAnd { return try ctx.atSequencePoint(rightPoint) { try right(ctx, out) } }
                return .normal
            }
        }
    }

    /// A statement's output as one value (the right side of `=`, a condition, `( … )`): a lone
    /// expression keeps its value (an array stays the same array object); anything else is
    /// collected (none → $null, one → itself, more → object[]).
    func statementValue(_ s: StatementAst) -> CompiledExpression {
        if case .pipeline(let p) = s, let value = loneExpression(p) { return value.run }
        if case .assignment(let a) = s { return assignmentValue(a) }
        let run = statement(s)
        let general: CompiledExpression = { ctx in
            var pipe = ctx.borrowCollector()
            defer { ctx.giveBack(&pipe) }
            try ctx.completeInExpression(try run(ctx, pipe))
            return pipe.result
        }
        if let call = directCallValue(s, general: general) { return call }
        return general
    }

    /// A statement run for its effect only, its output discarded (a `for` loop's initializer
    /// and iterator); a flow statement in it leaves as a thrown signal.
    func effect(_ s: StatementAst) -> (ExecutionContext) throws -> Void {
        let point = ExecutionContext.sequencePoint(of: s)
        if case .pipeline(let p) = s, let value = loneExpression(p) {
            let run = value.run
            let setsSuccess = value.setsSuccess
            return { ctx in
                _ = try ctx.atSequencePoint(point) { try run(ctx) }
                if setsSuccess { ctx.lastStatementSucceeded = true }
            }
        }
        if case .assignment(let a) = s {
            let run = assignmentStatement(a)
            return { ctx in _ = try ctx.atSequencePoint(point) { try run(ctx, ctx.discardPipe) } }
        }
        let run = statement(s)
        return { ctx in try ctx.completeInExpression(try ctx.atSequencePoint(point) { try run(ctx, ctx.discardPipe) }) }
    }

    // MARK: - if

    private func ifStatement(_ s: IfStatementAst) -> CompiledStatement {
        /// A clause in a struct keeps its condition's own calling convention (see `ExpressionCode`).
        struct Clause {
            let condition: (ExecutionContext) throws -> Bool
            let body: CompiledBlock
        }
        if s.clauses.count == 1, let only = s.clauses.first {
            // `if (…) { … }` with or without `else`, the common shapes, without the loop.
            let condition = self.condition(only.condition), body = block(only.body)
            guard let elseBody = s.elseClause.map({ block($0) }) else {
                return { ctx, out in try condition(ctx) ? body.run(ctx, out) : .normal }
            }
            return { ctx, out in try condition(ctx) ? body.run(ctx, out) : elseBody.run(ctx, out) }
        }
        let clauses = s.clauses.map { Clause(condition: condition($0.condition), body: block($0.body)) }
        let elseBody = s.elseClause.map { block($0) }
        return { ctx, out in
            for clause in clauses where try clause.condition(ctx) {
                return try clause.body.run(ctx, out)
            }
            if let e = elseBody { return try e.run(ctx, out) }
            return .normal
        }
    }

    /// A condition (`if`, `while`, `for`, `do`): its value as a Boolean. A comparison of two
    /// numbers gives its answer without making a Boolean value first.
    func condition(_ s: StatementAst) -> (ExecutionContext) throws -> Bool {
        let point = ExecutionContext.sequencePoint(of: s)
        if case .pipeline(let p) = s, p.elements.count == 1, case .expression(let e) = p.elements[0], e.redirections.isEmpty,
           case .binary(let b) = e.expression, ExecutionContext.isComparison(b.op) {
            let left = expression(b.left)
            let right = expression(b.right)
            let op = b.op
            if let r = Compiler.constantValue(b.right) {
                // `$n -lt 2`: a literal right operand is its value, with nothing to run.
                return { ctx in
                    try ctx.atSequencePoint(point) {
                        let l = try left(ctx)
                        if let fast = ExecutionContext.fastCompare(op, l, r) { return fast }
                        return Conversion.toBool(try ctx.applyBinary(b, l, r))
                    }
                }
            }
            return { ctx in
                try ctx.atSequencePoint(point) {
                    let l = try left(ctx)
                    let r = try right(ctx)
                    if let fast = ExecutionContext.fastCompare(op, l, r) { return fast }
                    return Conversion.toBool(try ctx.applyBinary(b, l, r))
                }
            }
        }
        let value = statementValue(s)
        return { ctx in try ctx.atSequencePoint(point) { Conversion.toBool(try value(ctx)) } }
    }

    /// A statement's value where the statement is a sequence point of its own (a `foreach`
    /// collection, a `switch` value, a flow statement's operand).
    func pointValue(_ s: StatementAst) -> CompiledExpression {
        let value = statementValue(s)
        let point = ExecutionContext.sequencePoint(of: s)
        return { ctx in try ctx.atSequencePoint(point) { try value(ctx) } }
    }

    // MARK: - Loops

    private func foreachStatement(_ s: ForEachStatementAst) -> CompiledStatement {
        let collection = pointValue(s.collection)
        let assign = variableWrite(s.variable)
        let body = block(s.body)
        let label = s.label
        return { ctx, out in
            let value = try collection(ctx)
            let items: [Value]
            if let enumerated = Conversion.enumerate(value) {
                items = enumerated
            } else if value.isNull {
                items = []
            } else {
                items = [value]
            }
            for item in items {
                try PipelineStop.check()
                try assign(ctx, item)
                switch try ctx.loopPass(body, label: label, out) {
                case .next, .skip: continue
                case .stop: return .normal
                case .leave(let c): return c
                }
            }
            return .normal
        }
    }

    private func forStatement(_ f: ForStatementAst) -> CompiledStatement {
        let initializer = f.initializer.map { effect($0) } ?? { _ in }
        let condition = f.condition.map { self.condition($0) } ?? { _ in true }
        let iterator = f.iterator.map { effect($0) } ?? { _ in }
        let body = block(f.body)
        let label = f.label
        return { ctx, out in
            try initializer(ctx)
            while try condition(ctx) {
                try PipelineStop.check()
                switch try ctx.loopPass(body, label: label, out) {
                case .next, .skip: break
                case .stop: return .normal
                case .leave(let c): return c
                }
                try iterator(ctx)
            }
            return .normal
        }
    }

    private func whileStatement(_ w: WhileStatementAst) -> CompiledStatement {
        let condition = self.condition(w.condition)
        let body = block(w.body)
        let label = w.label
        return { ctx, out in
            while try condition(ctx) {
                try PipelineStop.check()
                switch try ctx.loopPass(body, label: label, out) {
                case .next, .skip: continue
                case .stop: return .normal
                case .leave(let c): return c
                }
            }
            return .normal
        }
    }

    private func doLoop(_ d: DoLoopStatementAst) -> CompiledStatement {
        let condition = self.condition(d.condition)
        let body = block(d.body)
        let label = d.label
        let isUntil = d.isUntil
        return { ctx, out in
            while true {
                try PipelineStop.check()
                switch try ctx.loopPass(body, label: label, out) {
                case .next, .skip: break
                case .stop: return .normal
                case .leave(let c): return c
                }
                let test = try condition(ctx)
                if isUntil ? test : !test { return .normal }
            }
        }
    }

    // MARK: - switch

    private func switchStatement(_ s: SwitchStatementAst) -> CompiledStatement {
        let condition = pointValue(s.condition)
        struct Clause {
            let test: (ExecutionContext, Value) throws -> Bool
            let body: CompiledBlock
        }
        let clauses = s.clauses.map { Clause(test: switchTest($0.test, flags: s.flags), body: block($0.body)) }
        let defaultBody = s.defaultClause.map { block($0) }
        let label = s.label
        let isFile = s.flags.contains(.file)
        let conditionExtent = s.condition.extent
        return { ctx, out in
            let value = try condition(ctx)
            let items = try ctx.switchItems(value, isFile: isFile, extent: conditionExtent)
            let savedDollar = ctx.currentScope.variables["_"]
            defer { ctx.currentScope.variables["_"] = savedDollar }
            items: for item in items {
                ctx.setDollarUnder(item)
                var matched = false
                for clause in clauses where try clause.test(ctx, item) {
                    matched = true
                    ctx.setDollarUnder(item)
                    switch try ctx.loopPass(clause.body, label: label, out) {
                    case .next: continue
                    case .skip: continue items
                    case .stop: return .normal
                    case .leave(let c): return c
                    }
                }
                if !matched, let d = defaultBody {
                    ctx.setDollarUnder(item)
                    switch try ctx.loopPass(d, label: label, out) {
                    case .next, .skip: continue
                    case .stop: return .normal
                    case .leave(let c): return c
                    }
                }
            }
            return .normal
        }
    }

    /// One clause's test: a script block run with `$_`, else a comparison chosen by the flags.
    private func switchTest(_ test: ExpressionAst, flags: SwitchFlags) -> (ExecutionContext, Value) throws -> Bool {
        let point = test.extent
        if case .scriptBlock(let sbe) = test {
            let ast = sbe.scriptBlock
            return { ctx, item in
                try ctx.atSequencePoint(point) {
                    let result = try ctx.invokeScriptBlock(ScriptBlock(ast: ast), args: [], dollarUnder: item, dotSource: false)
                    return Conversion.toBool(ctx.collapse(result))
                }
            }
        }
        let value = argument(test)
        return { ctx, item in try ctx.atSequencePoint(point) { try ctx.switchClauseMatches(try value(ctx), item, flags: flags) } }
    }

    // MARK: - Flow

    private func flow(_ f: FlowStatementAst) -> CompiledStatement {
        switch f.kind {
        case .breakFlow, .continueFlow:
            let isBreak = f.kind == .breakFlow
            if let l = f.label {
                return { _, _ in isBreak ? .broke(l) : .continued(l) }
            }
            if let operand = f.operand {
                let label = pointValue(operand)
                return { ctx, _ in
                    let l = Conversion.toString(try label(ctx))
                    return isBreak ? .broke(l) : .continued(l)
                }
            }
            return { _, _ in isBreak ? .broke(nil) : .continued(nil) }
        case .returnFlow:
            guard let operand = f.operand else { return { _, _ in .returned } }
            let run = statement(operand)
            let point = ExecutionContext.sequencePoint(of: operand)
            if inMethod {
                return { ctx, out in
                    _ = try ctx.atSequencePoint(point) { try run(ctx, ctx.methodReturnSink ?? out) }
                    return .returned
                }
            }
            return { ctx, out in
                _ = try ctx.atSequencePoint(point) { try run(ctx, out) }
                return .returned
            }
        case .exitFlow:
            let operand = f.operand.map { pointValue($0) }
            return { ctx, _ in
                var code: Int32 = 0
                if let v = operand {
                    code = Int32(truncatingIfNeeded: (try? Conversion.toInt64(try v(ctx))) ?? 0)
                }
                throw ExitSignal(code: code)
            }
        case .throwFlow:
            let operand = f.operand.map { pointValue($0) }
            return { ctx, _ in throw try ctx.makeThrowError(f, operand) }
        }
    }

    // MARK: - try / catch / finally

    private func tryStatement(_ t: TryStatementAst) -> CompiledStatement {
        let body = block(t.body)
        let catches = t.catchClauses.map { block($0.body) }
        let finally = t.finallyClause.map { block($0) }
        return { ctx, out in
            var pending: Error?
            var completion = Completion.normal
            do {
                ctx.tryDepth += 1
                defer { ctx.tryDepth -= 1 }
                completion = try body.run(ctx, out)
            } catch let e as RuntimeError {
                do {
                    if let index = try ctx.findCatch(t, e.record) {
                        // about_Try_Catch_Finally: the error is first saved to $Error.
                        if !(ctx.errorList.items.first.map { if case .object(let o) = $0 { return o === e.record }; return false } ?? false) {
                            ctx.recordError(e.record)
                            ctx.collectInErrorVariables(e.record)
                        }
                        completion = try ctx.runCatch(catches[index], e.record, out)
                    } else {
                        pending = e
                    }
                } catch {
                    pending = error
                }
            } catch {
                pending = error
            }
            if let f = finally {
                // A `finally` block runs whole even when Ctrl+C stopped the `try` body.
                let after = try PipelineStop.suspendingStop { try f.run(ctx, out) }
                if case .normal = after {} else { completion = after }
            }
            if let p = pending { throw p }
            return completion
        }
    }
}

/// A `trap` compiled: the type it handles (nil: every error) and its body.
struct CompiledTrap {
    let type: TypeName?
    let body: CompiledBlock
}

/// What one pass of a loop body (or a switch clause) leaves the loop to do.
enum LoopPass {
    /// The body ran to its end: go on with the next pass (a switch tests the next clause).
    case next
    /// A `continue` for this loop: the next pass (a switch goes to its next item).
    case skip
    /// A `break` for this loop: the loop ends normally.
    case stop
    /// A `return`, or a `break`/`continue` for an outer loop: the loop ends with it.
    case leave(Completion)
}

extension CompiledBlock {
    /// Runs statements under traps: an error goes to the matching trap, whose `break` rethrows
    /// it, `continue` resumes after the failing statement, and falling off the end reports the
    /// error and resumes.
    func runTrapped(_ ctx: ExecutionContext, _ out: Pipe, flushEach: Bool) throws -> Completion {
        ctx.tryDepth += 1
        defer { ctx.tryDepth -= 1 }
        for statement in statements {
            do {
                let c = try statement.run(ctx, out)
                if case .normal = c {} else { return c }
            } catch let e as RuntimeError {
                guard let trap = ctx.matchingTrap(traps, e.record) else { throw e }
                switch try ctx.runTrap(trap, e.record, out) {
                case .breakOut: throw e
                case .continueNext: break
                case .reportAndContinue: ctx.reportUnhandled(e.record)
                case .leave(let c): return c
                }
            }
            if flushEach { ctx.outDefaultFlush() }
        }
        return .normal
    }
}

extension ExecutionContext {

    /// One pass of a loop body: `break` for this loop ends the loop, `continue` for it ends
    /// the pass, a `return` or a signal for an outer loop leaves the loop. Signals thrown by
    /// code this block called (a `break` in a function) count the same.
    @inline(__always)
    func loopPass(_ body: CompiledBlock, label: String?, _ out: Pipe) throws -> LoopPass {
        do {
            let c = try body.run(self, out)
            switch c {
            case .normal: return .next
            case .returned: return .leave(c)
            case .broke(let l): return labelMatches(l, label) ? .stop : .leave(c)
            case .continued(let l): return labelMatches(l, label) ? .skip : .leave(c)
            }
        } catch let b as BreakSignal {
            if labelMatches(b.label, label) { return .stop }
            throw b
        } catch let c as ContinueSignal {
            if labelMatches(c.label, label) { return .skip }
            throw c
        }
    }

    /// True when a break/continue label targets this loop.
    @inline(__always)
    func labelMatches(_ signalLabel: String?, _ loopLabel: String?) -> Bool {
        guard let l = signalLabel else { return true }
        guard let mine = loopLabel else { return false }
        return l.caseInsensitiveCompare(mine) == .orderedSame
    }

    /// A statement run for its value or effect only (a `for` initializer, `$( … )`): a flow
    /// statement in it leaves as a thrown signal.
    @inline(__always)
    func completeInExpression(_ c: Completion) throws {
        switch c {
        case .normal: return
        case .returned: throw ReturnSignal.shared
        case .broke(let label): throw label == nil ? BreakSignal.unlabelled : BreakSignal(label: label)
        case .continued(let label): throw label == nil ? ContinueSignal.unlabelled : ContinueSignal(label: label)
        }
    }

    // MARK: - Traps

    enum TrapResult {
        case breakOut, continueNext, reportAndContinue
        /// A `return` (or a flow statement for an outer loop) in the trap's body.
        case leave(Completion)
    }

    /// The trap that takes an error: chosen as a catch clause is (a trap of an inner
    /// exception's type takes a conversion error); a type that resolves to nothing never matches.
    func matchingTrap(_ traps: [CompiledTrap], _ record: ErrorRecord) -> CompiledTrap? {
        var candidates: [CompiledTrap] = []
        var chains: [[String]?] = []
        for t in traps {
            if let tn = t.type {
                guard let type = TypeResolver.resolve(tn, hooks: hooks) else { continue }
                candidates.append(t)
                if case .exception(let e) = type.kind { chains.append(e.chain) } else { chains.append([type.fullName]) }
            } else {
                candidates.append(t)
                chains.append(nil)
            }
        }
        return ExecutionContext.matchingHandler(chains, record).map { candidates[$0] }
    }

    /// A trap runs in a child scope with `$_` set to the error.
    func runTrap(_ trap: CompiledTrap, _ record: ErrorRecord, _ out: Pipe) throws -> TrapResult {
        let saved = currentScope
        let scope = Scope(parent: currentScope)
        scope.variables["_"] = PSVariable(name: "_", value: .object(record))
        scope.variables["psitem"] = PSVariable(name: "PSItem", value: .object(record))
        currentScope = scope
        defer { currentScope = saved }
        let c: Completion
        do {
            c = try trap.body.run(self, out)
        } catch is BreakSignal {
            recordError(record)
            return .breakOut
        } catch is ContinueSignal {
            return .continueNext
        }
        switch c {
        case .normal: return .reportAndContinue
        case .broke:
            recordError(record)
            return .breakOut
        case .continued: return .continueNext
        case .returned: return .leave(c)
        }
    }

    // MARK: - Flow

    /// `throw x`: strings become RuntimeException with the text; ErrorRecords and exceptions
    /// are thrown as they are; other objects are wrapped with their string form as message.
    func makeThrowError(_ f: FlowStatementAst, _ operand: CompiledExpression?) throws -> RuntimeError {
        // A bare `throw` in a catch block rethrows the error being handled, as it is.
        if operand == nil, let handled = currentCatchRecord { return RuntimeError(handled) }
        let value: Value = try operand.map { try $0(self) } ?? .null
        let info = InvocationInfo(commandName: "", extent: f.extent)
        var record: ErrorRecord
        switch value {
        case .object(let o as ErrorRecord):
            record = o
        case .object(let ex as PSExceptionObject):
            record = ex.errorRecord ?? ErrorRecord(exception: ex, errorId: ex.typeName, category: .OperationStopped, targetObject: .null, invocationInfo: info)
            if record.invocationInfo == nil { record.invocationInfo = info }
            // An exception object shows as `OperationStopped:`, not `Exception:`.
            record.terminatesScript = true
            return RuntimeError(record)
        case .null:
            let ex = PSExceptionObject(.runtimeException, "ScriptHalted")
            record = ErrorRecord(exception: ex, errorId: "ScriptHalted", category: .OperationStopped, targetObject: .null, invocationInfo: info)
        default:
            let message = Conversion.toString(value, hooks: hooks)
            let ex = PSExceptionObject(.runtimeException, message)
            record = ErrorRecord(exception: ex, errorId: message, category: .OperationStopped, targetObject: value, invocationInfo: info)
        }
        record.fromThrowStatement = true
        record.terminatesScript = true
        return RuntimeError(record)
    }

    // MARK: - switch

    func setDollarUnder(_ v: Value) {
        if let existing = currentScope.variables["_"] { existing.value = v } else { currentScope.variables["_"] = PSVariable(name: "_", value: v) }
    }

    func switchItems(_ value: Value, isFile: Bool, extent: SourceExtent) throws -> [Value] {
        if isFile {
            let path = resolvePath(Conversion.toString(value, hooks: hooks))
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuntimeError(.itemNotFoundException, "Cannot find path '\(path)' because it does not exist.",
                                   errorId: "PathNotFound", category: .ObjectNotFound, extent: extent, target: .string(path))
            }
            return ExecutionContext.splitLines(String(decoding: data, as: UTF8.self)).map { .string($0) }
        }
        if let items = Conversion.enumerate(value) { return items }
        return [value]
    }

    func switchClauseMatches(_ testValue: Value, _ item: Value, flags: SwitchFlags) throws -> Bool {
        let caseSensitive = flags.contains(.caseSensitive)
        if flags.contains(.regex) {
            let op: BinaryOperator = caseSensitive ? .cmatch : .imatch
            let r = try Operators.binary(op, .string(Conversion.toString(item, hooks: hooks)), testValue, hooks: hooks)
            if let m = hooks.lastMatches {
                hooks.lastMatches = nil
                try assignVariable(in: currentScope, folded: "matches", name: "Matches", value: .object(m))
            }
            return Conversion.toBool(r)
        }
        if flags.contains(.wildcard) {
            let op: BinaryOperator = caseSensitive ? .clike : .ilike
            return Conversion.toBool(try Operators.binary(op, .string(Conversion.toString(item, hooks: hooks)), testValue, hooks: hooks))
        }
        // Plain and -Exact: numbers (and Booleans) compare by value; anything else compares as
        // text, so an enum item matches its name, not its number, and a hashtable matches
        // 'System.Collections.Hashtable' (about_Switch).
        if isNumberLike(item) && isNumberLike(testValue) {
            let op: BinaryOperator = caseSensitive ? .ceq : .ieq
            return Conversion.toBool((try? Operators.binary(op, item, testValue, hooks: hooks)) ?? .bool(false))
        }
        let s = Conversion.toString(item, hooks: hooks)
        let t = Conversion.toString(testValue, hooks: hooks)
        return caseSensitive ? s == t : StringCompare.equalsIgnoreCase(s, t)
    }

    private func isNumberLike(_ v: Value) -> Bool {
        switch v {
        case .int, .long, .double, .decimal, .sized, .bool: return true
        default: return false
        }
    }
}
