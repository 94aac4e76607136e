import Foundation
import PowerShellSyntax

/// Statements: control flow, loops, try/catch/trap, function and type definitions.
extension ExecutionContext {

    // MARK: - Blocks

    /// Runs statements in order, honouring the block's traps.
    func executeStatements(_ statements: [StatementAst], traps: [TrapStatementAst], _ out: Pipe) throws {
        if traps.isEmpty {
            for s in statements {
                do {
                    try executeStatement(s, out)
                } catch let e as RuntimeError {
                    position(e, at: ExecutionContext.sequencePoint(of: s))
                    guard tryDepth == 0 && !e.record.terminatesScript else { throw e }
                    try handleStatementError(e)
                }
            }
            return
        }
        tryDepth += 1
        defer { tryDepth -= 1 }
        var i = 0
        while i < statements.count {
            let s = statements[i]
            i += 1
            do {
                try executeStatement(s, out)
            } catch let e as RuntimeError {
                position(e, at: ExecutionContext.sequencePoint(of: s))
                guard let trap = matchingTrap(traps, e.record) else { throw e }
                // A trap runs in a child scope with $_ set; `break` in it rethrows, `continue`
                // resumes after the failing statement; falling off the end reports the error
                // and continues.
                let result = try runTrap(trap, e.record, out)
                switch result {
                case .breakOut: throw e
                case .continueNext: continue
                case .reportAndContinue:
                    reportUnhandled(e.record)
                    continue
                }
            }
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

    enum TrapResult { case breakOut, continueNext, reportAndContinue }

    /// The trap that takes an error: chosen as a catch clause is (a trap of an inner
    /// exception's type takes a conversion error); a type that resolves to nothing never matches.
    func matchingTrap(_ traps: [TrapStatementAst], _ record: ErrorRecord) -> TrapStatementAst? {
        var candidates: [TrapStatementAst] = []
        var chains: [[String]?] = []
        for t in traps {
            if let tn = t.trapType {
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

    func runTrap(_ trap: TrapStatementAst, _ record: ErrorRecord, _ out: Pipe) throws -> TrapResult {
        let saved = currentScope
        let scope = Scope(parent: currentScope)
        scope.variables["_"] = PSVariable(name: "_", value: .object(record))
        scope.variables["psitem"] = PSVariable(name: "PSItem", value: .object(record))
        currentScope = scope
        defer { currentScope = saved }
        do {
            try executeStatements(trap.body.statements, traps: trap.body.traps, out)
        } catch is BreakSignal {
            recordError(record)
            return .breakOut
        } catch is ContinueSignal {
            return .continueNext
        }
        return .reportAndContinue
    }

    func executeBlock(_ block: StatementBlockAst, _ out: Pipe) throws {
        if try runBlock(block, out) == .returned { throw ReturnSignal.shared }
    }

    /// Runs a block, compiled when it has no traps; says whether a compiled `return` ended it.
    @inline(__always)
    func runBlock(_ block: StatementBlockAst, _ out: Pipe) throws -> Completion {
        if block.traps.isEmpty { return try run(compiledBlock(block), out) }
        try executeStatements(block.statements, traps: block.traps, out)
        return .normal
    }

    // MARK: - Statements

    func executeStatement(_ statement: StatementAst, _ out: Pipe) throws {
        switch statement {
        case .pipeline(let p):
            try executePipeline(p, out)
        case .assignment(let a):
            let v = try executeAssignment(a)
            _ = v
            if ExecutionContext.statementSetsSuccess(statement) { lastStatementSucceeded = true }
        case .ifStatement(let s):
            for clause in s.clauses {
                if Conversion.toBool(try evaluateCondition(clause.condition)) {
                    try executeBlock(clause.body, out)
                    return
                }
            }
            if let e = s.elseClause { try executeBlock(e, out) }
        case .foreachStatement(let s):
            try executeForeach(s, out)
        case .forStatement(let s):
            try executeFor(s, out)
        case .whileStatement(let s):
            try executeWhile(s, out)
        case .doLoop(let s):
            try executeDoLoop(s, out)
        case .switchStatement(let s):
            try executeSwitch(s, out)
        case .flow(let f):
            try executeFlow(f, out)
        case .trap:
            break
        case .tryStatement(let t):
            try executeTry(t, out)
        case .functionDefinition(let f):
            try defineFunction(f)
        case .typeDefinition(let t):
            try defineType(t)
        case .block(let b):
            try executeBlock(b, out)
        case .pipelineChain(let c):
            try executePipelineChain(c, out)
        case .using(let u):
            addUsingNamespaces([u])
        }
    }

    /// Evaluates an `if`/`while` condition: a pipeline whose collected output is tested.
    @inline(__always)
    func evaluateCondition(_ s: StatementAst) throws -> Value {
        try atSequencePoint(s) { try evaluateStatementValue(s) }
    }

    /// Runs a statement and collects its output as one value (assignment right-hand sides,
    /// conditions, `$( )`).
    func evaluateStatementValue(_ s: StatementAst) throws -> Value {
        if case .pipeline(let p) = s, let compiled = compiledLoneExpression(p) {
            // A lone expression keeps its value (an array stays the same array object).
            return try compiled.run(self)
        }
        let pipe = Pipe()
        try executeStatement(s, pipe)
        return pipe.result
    }

    func executePipelineChain(_ c: PipelineChainAst, _ out: Pipe) throws {
        try atSequencePoint(c.left) { try executeStatement(c.left, out) }
        let ok = lastStatementSucceeded
        if ok == c.isAnd {
            try atSequencePoint(c.right.extent) { try executePipeline(c.right, out) }
        }
    }

    // MARK: - Loops

    /// True when a break/continue label targets this loop.
    @inline(__always)
    func labelMatches(_ signalLabel: String?, _ loopLabel: String?) -> Bool {
        guard let l = signalLabel else { return true }
        guard let mine = loopLabel else { return false }
        return l.caseInsensitiveCompare(mine) == .orderedSame
    }

    /// Runs one pass of a loop body: false when a `break` for this loop ends the loop; a
    /// `continue` for it ends only the pass; signals for outer loops go on up.
    @inline(__always)
    func runLoopBody(_ body: StatementBlockAst, label: String?, _ out: Pipe) throws -> Bool {
        switch try runLoopPass({ ctx, out in try ctx.runBlock(body, out) }, label: label, out) {
        case .returned: throw ReturnSignal.shared
        case .broke: return false
        case .continued: return true
        }
    }

    func executeForeach(_ s: ForEachStatementAst, _ out: Pipe) throws {
        let collection = try atSequencePoint(s.collection) { try evaluateStatementValue(s.collection) }
        let items: [Value]
        if let enumerated = Conversion.enumerate(collection) {
            items = enumerated
        } else if collection.isNull {
            items = []
        } else {
            items = [collection]
        }
        let variable = s.variable
        for item in items {
            try PipelineStop.check()
            try assignToVariable(variable, item)
            if !(try runLoopBody(s.body, label: s.label, out)) { break }
        }
    }

    func executeFor(_ s: ForStatementAst, _ out: Pipe) throws {
        if let i = s.initializer { try atSequencePoint(i) { try executeStatement(i, discardPipe) } }
        while true {
            try PipelineStop.check()
            if let c = s.condition, !Conversion.toBool(try evaluateCondition(c)) { break }
            if !(try runLoopBody(s.body, label: s.label, out)) { break }
            if let it = s.iterator { try atSequencePoint(it) { try executeStatement(it, discardPipe) } }
        }
    }

    func executeWhile(_ s: WhileStatementAst, _ out: Pipe) throws {
        while Conversion.toBool(try evaluateCondition(s.condition)) {
            try PipelineStop.check()
            if !(try runLoopBody(s.body, label: s.label, out)) { break }
        }
    }

    func executeDoLoop(_ s: DoLoopStatementAst, _ out: Pipe) throws {
        while true {
            try PipelineStop.check()
            if !(try runLoopBody(s.body, label: s.label, out)) { break }
            let test = Conversion.toBool(try evaluateCondition(s.condition))
            if s.isUntil ? test : !test { break }
        }
    }

    // MARK: - Flow

    func executeFlow(_ f: FlowStatementAst, _ out: Pipe) throws {
        switch f.kind {
        case .breakFlow:
            let label = try flowLabel(f)
            throw label == nil ? BreakSignal.unlabelled : BreakSignal(label: label)
        case .continueFlow:
            let label = try flowLabel(f)
            throw label == nil ? ContinueSignal.unlabelled : ContinueSignal(label: label)
        case .returnFlow:
            if let v = f.operand { try atSequencePoint(v) { try executeStatement(v, methodReturnSink ?? out) } }
            throw ReturnSignal.shared
        case .exitFlow:
            var code: Int32 = 0
            if let v = f.operand {
                let value = try atSequencePoint(v) { try evaluateStatementValue(v) }
                code = Int32(truncatingIfNeeded: (try? Conversion.toInt64(value)) ?? 0)
            }
            throw ExitSignal(code: code)
        case .throwFlow:
            throw try makeThrowError(f)
        }
    }

    func flowLabel(_ f: FlowStatementAst) throws -> String? {
        if let l = f.label { return l }
        if let op = f.operand { return Conversion.toString(try atSequencePoint(op) { try evaluateStatementValue(op) }) }
        return nil
    }

    /// `throw x`: strings become RuntimeException with the text; ErrorRecords and exceptions
    /// are thrown as they are; other objects are wrapped with their string form as message.
    func makeThrowError(_ f: FlowStatementAst) throws -> RuntimeError {
        // A bare `throw` in a catch block rethrows the error being handled, as it is.
        if f.operand == nil, let handled = currentCatchRecord { return RuntimeError(handled) }
        let value: Value = try f.operand.map { operand in try atSequencePoint(operand) { try evaluateStatementValue(operand) } } ?? .null
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

    // MARK: - try / catch / finally

    func executeTry(_ t: TryStatementAst, _ out: Pipe) throws {
        var pending: Error?
        do {
            tryDepth += 1
            defer { tryDepth -= 1 }
            try executeBlock(t.body, out)
        } catch let e as RuntimeError {
            do {
                if let clause = try findCatch(t, e.record) {
                    // about_Try_Catch_Finally: the error is first saved to $Error.
                    if !(errorList.items.first.map { if case .object(let o) = $0 { return o === e.record }; return false } ?? false) {
                        recordError(e.record)
                        collectInErrorVariables(e.record)
                    }
                    try runCatch(clause, e.record, out)
                } else {
                    pending = e
                }
            } catch {
                pending = error
            }
        } catch {
            pending = error
        }
        if let f = t.finallyClause {
            // A `finally` block runs whole even when Ctrl+C stopped the `try` body.
            try PipelineStop.suspendingStop { try executeBlock(f, out) }
        }
        if let p = pending { throw p }
    }

    /// A caught error still counts for the -ErrorVariable of the commands running it.
    func collectInErrorVariables(_ record: ErrorRecord) {
        var target = streamRouting.error
        var depth = 0
        while case .command(let rt) = target, depth < 1000 {
            rt.errorVariableItems?.append(.object(record))
            target = rt.routing.error
            depth += 1
        }
    }

    /// The catch clause for an error, chosen as pwsh's ExceptionHandlingOps.FindMatchingHandler
    /// does: the thrown exception's inner exception is tried first, then the exception itself,
    /// then (for `-ErrorAction Stop`) the exception of the record the ActionPreferenceStopException
    /// carries; a more specific handler (one no other listed type derives from) wins over an
    /// earlier match, and a typed handler over the catch-all.
    private func findCatch(_ t: TryStatementAst, _ record: ErrorRecord) throws -> CatchClauseAst? {
        // Flattened handler types (nil: catch-all) and the clause each belongs to.
        var types: [(clause: Int, chain: [String]?)] = []
        for (ci, clause) in t.catchClauses.enumerated() {
            if clause.catchTypes.isEmpty { types.append((ci, nil)); continue }
            for ct in clause.catchTypes {
                guard let type = TypeResolver.resolve(ct.type, hooks: hooks) else {
                    throw RuntimeError(.runtimeException, "Unable to find type [\(ct.type)].", errorId: "TypeNotFound",
                                       category: .InvalidOperation, extent: ct.extent)
                }
                if case .exception(let e) = type.kind { types.append((ci, e.chain)) } else { types.append((ci, [type.fullName])) }
            }
        }
        return ExecutionContext.matchingHandler(types.map(\.chain), record).map { t.catchClauses[types[$0].clause] }
    }

    /// Which of the handler types (nil: catch-all) takes an error, by pwsh's
    /// ExceptionHandlingOps.FindMatchingHandler; catch clauses and traps share it.
    static func matchingHandler(_ handlerTypes: [[String]?], _ record: ErrorRecord) -> Int? {
        let types: [(clause: Int, chain: [String]?)] = handlerTypes.enumerated().map { ($0.offset, $0.element) }
        guard !types.isEmpty else { return nil }
        // A handler's rank: how many listed handlers derive from its type (0: most specific).
        var ranks = [Int](repeating: 0, count: types.count)
        for i in types.indices {
            guard let ci = types[i].chain else { ranks[i] = types.count - 1; continue }
            for j in types.indices where j > i {
                if let cj = types[j].chain?.first, ci.dropFirst().contains(where: { $0.caseInsensitiveCompare(cj) == .orderedSame }) { ranks[j] += 1 }
            }
        }
        func handler(for chain: [String]) -> Int? {
            let lowered = chain.map { $0.lowercased() } + ["system.object"]
            func head(_ c: [String]?) -> String? { c?.first?.lowercased() }
            if let i = types.firstIndex(where: { head($0.chain).map { lowered.first == $0 } ?? false }) { return i }
            if let i = types.firstIndex(where: { head($0.chain).map { lowered.dropFirst().contains($0) } ?? false }) { return i }
            return types.firstIndex { $0.chain == nil }
        }
        var best: (handler: Int, rank: Int)?
        func consider(_ chain: [String]) {
            guard let h = handler(for: chain) else { return }
            guard let current = best else {
                best = (h, ranks[h])
                return
            }
            if ranks[h] < current.rank || (ranks[h] == current.rank && types[current.handler].chain == nil) {
                best = (h, ranks[h])
            }
        }
        let runtimeChain = ExceptionType.runtimeException.chain
        let runtimeName = runtimeChain[0].lowercased()
        func isRuntimeException(_ e: PSExceptionObject) -> Bool { e.typeChain.contains { $0.lowercased() == runtimeName } }
        // The exception pwsh throws: the record's own when it is a RuntimeException, else a
        // RuntimeException wrapping it (ActionPreferenceStopException under -ErrorAction Stop).
        var outer: [String]
        var inner: PSExceptionObject?
        if record.stoppedByPreference {
            outer = ExceptionType.actionPreferenceStopException.chain
        } else if isRuntimeException(record.exception) {
            outer = record.exception.typeChain
            inner = record.exception.innerException
        } else {
            outer = runtimeChain
            inner = record.exception
        }
        if let i = inner { consider(i.typeChain) }
        if best.map({ $0.rank > 0 }) ?? true { consider(outer) }
        if record.stoppedByPreference, best.map({ $0.rank > 0 }) ?? true {
            let carried = record.exception
            if let i = carried.innerException, isRuntimeException(carried) { consider(i.typeChain) }
            if best.map({ $0.rank > 0 }) ?? true { consider(carried.typeChain) }
        }
        return best.map { types[$0.handler].clause }
    }

    private func runCatch(_ clause: CatchClauseAst, _ record: ErrorRecord, _ out: Pipe) throws {
        let saved = currentScope.variables["_"]
        let savedItem = currentScope.variables["psitem"]
        currentScope.variables["_"] = PSVariable(name: "_", value: .object(record))
        currentScope.variables["psitem"] = PSVariable(name: "PSItem", value: .object(record))
        let savedHandled = currentCatchRecord
        currentCatchRecord = record
        defer {
            currentScope.variables["_"] = saved
            currentScope.variables["psitem"] = savedItem
            currentCatchRecord = savedHandled
        }
        try executeBlock(clause.body, out)
    }

    // MARK: - Definitions

    func defineFunction(_ f: FunctionDefinitionAst) throws {
        let sb = ScriptBlock(ast: f.body, isFilter: f.isFilter)
        sb.definition = f
        let module = currentModule
        sb.moduleState = module
        let info = try makeFunctionInfo(name: f.name, scriptBlock: sb, isFilter: f.isFilter, extraParameters: f.parameters)
        info.moduleName = module?.name ?? ""
        var name = f.name
        var scope = currentScope
        if let colon = name.firstIndex(of: ":") {
            let prefix = name[..<colon].lowercased()
            let rest = String(name[name.index(after: colon)...])
            switch prefix {
            case "global": scope = globalScope; name = rest
            case "script": scope = currentScope.scriptScopeOrSelf; name = rest
            case "local", "private": name = rest
            default: break
            }
        }
        scope.functions[name.lowercased()] = FunctionInfo(name: name, scriptBlock: sb, isFilter: f.isFilter, declaration: info.declaration,
                                                          isAdvanced: info.isAdvanced, moduleName: info.moduleName)
        scope.functions[name.lowercased()]?.definition = f
        scope.functions[name.lowercased()]?.module = module
        commandTableGeneration += 1
    }
}
