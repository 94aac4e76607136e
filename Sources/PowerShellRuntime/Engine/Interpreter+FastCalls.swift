import PowerShellSyntax

/// The fast path for the most common call: a simple function (no `[CmdletBinding()]`, no
/// begin/process blocks) called alone in its statement with positional arguments. It binds
/// straight into the new scope's variables and skips the pipeline machinery; anything else
/// takes the general path with identical results.
extension ExecutionContext {

    /// The function a command name resolves to, cached on the call site while the command
    /// table is unchanged and the function lives in the global or script scope.
    func cachedFunction(_ c: CommandAst) -> FunctionInfo? {
        if let cached = c.cache as? CallSiteCache, cached.generation == commandTableGeneration {
            return cached.function
        }
        guard let head = c.elements.first, case .argument(let e) = head, case .stringConstant(let s) = e, s.kind == .bareWord else {
            return nil
        }
        let folded = s.value.lowercased()
        if currentScope.lookupAlias(folded) != nil { return nil }
        var scope: Scope? = currentScope
        while let sc = scope {
            if let f = sc.functions[folded] {
                if sc.isGlobal || sc === sc.scriptScopeOrSelf {
                    c.cache = CallSiteCache(generation: commandTableGeneration, function: f)
                }
                return f
            }
            scope = sc.parent
        }
        return nil
    }

    /// The function a call site may take the fast path to, or nil for the general path.
    @inline(__always)
    func fastCallTarget(_ c: CommandAst, argumentCount: Int) -> (FunctionInfo, FastCallPlan)? {
        if let cached = c.cache as? CallSiteCache, cached.generation == commandTableGeneration {
            guard let plan = cached.plan, argumentCount <= plan.parameters.count || plan.usesArgs else { return nil }
            return (cached.function, plan)
        }
        guard let fn = cachedFunction(c), let plan = CallSiteCache.fastPlan(of: fn),
              argumentCount <= plan.parameters.count || plan.usesArgs else { return nil }
        return (fn, plan)
    }

    /// Runs `fn arg1 arg2` directly when it qualifies; returns false to take the general path.
    func tryFastCall(_ c: CommandAst, _ out: Pipe) throws -> Bool {
        guard c.redirections.isEmpty, c.invocationOperator == .none else { return false }
        var i = 1
        while i < c.elements.count {
            guard case .argument(let e) = c.elements[i] else { return false }
            if case .variable(let v) = e, v.splatted { return false }
            i += 1
        }
        guard let (fn, plan) = fastCallTarget(c, argumentCount: c.elements.count - 1) else { return false }
        try invokeFastCall(fn, plan, c, argumentCount: c.elements.count - 1, out) { index in
            guard case .argument(let e) = c.elements[index + 1] else { return .null }
            return try evaluateArgument(e)
        }
        return true
    }

    /// A call statement or `(call)` compiled once: a bare function name with positional
    /// arguments, each compiled. Whether the name is a simple function is decided at each run
    /// (the command table can change); anything else runs the pipeline the general way.
    func compiledCall(_ p: PipelineAst) -> ((ExecutionContext, Pipe) throws -> Void)? {
        guard p.elements.count == 1, !p.background, case .command(let c) = p.elements[0], c.redirections.isEmpty,
              c.invocationOperator == .none, let head = c.elements.first, case .argument(let name) = head,
              case .stringConstant(let s) = name, s.kind == .bareWord else { return nil }
        var arguments: [CompiledExpression] = []
        for element in c.elements.dropFirst() {
            guard case .argument(let e) = element else { return nil }
            if case .variable(let v) = e, v.splatted { return nil }
            arguments.append(compile(e))
        }
        let count = arguments.count
        return { ctx, out in
            guard let (fn, plan) = ctx.fastCallTarget(c, argumentCount: count) else {
                try ctx.executePipeline(p, out)
                return
            }
            try ctx.invokeFastCall(fn, plan, c, argumentCount: count, out) { index in try arguments[index](ctx) }
        }
    }

    /// The fast call itself: arguments are evaluated in the caller's scope, in order, then bound
    /// (the first that cannot be converted is reported, as the binder would), then the body runs
    /// in a new scope whose parameters are its only variables.
    func invokeFastCall(_ fn: FunctionInfo, _ plan: FastCallPlan, _ c: CommandAst, argumentCount: Int, _ out: Pipe,
                        argument: (Int) throws -> Value) throws {
        var scope = makeCallScope()
        defer { retireCallScope(&scope) }
        var bindingError: RuntimeError?
        var extra: [Value] = []
        var index = 0
        while index < argumentCount {
            let raw = try argument(index)
            if index < plan.parameters.count {
                let p = plan.parameters[index]
                var value = raw
                if p.isInt32, case .int = raw {
                    // Already what `[int]` converts it to.
                } else if let t = p.type, bindingError == nil {
                    do {
                        var given = raw
                        if index + 1 < c.elements.count, case .argument(let e) = c.elements[index + 1] {
                            given = ExecutionContext.numberArgumentAsTyped(raw, e.extent, typeName: t.fullName)
                        }
                        value = try Conversion.convert(given, to: t, hooks: hooks)
                    } catch let e as RuntimeError {
                        bindingError = fastCallTransformationError(fn, p, raw, e, c, argumentIndex: index)
                    }
                }
                let variable: PSVariable
                if index == 0, let spare = scope.takeSpareVariable(named: p.name) {
                    spare.reset(value: value, typeConstraint: p.type)
                    variable = spare
                } else {
                    variable = PSVariable(name: p.name, value: value, typeConstraint: p.type)
                }
                scope.variables.defineInNewScope(p.folded, variable)
            } else {
                extra.append(raw)
            }
            index += 1
        }
        if let e = bindingError { throw e }
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > ExecutionContext.maxCallDepth {
            throw RuntimeError(.scriptCallDepthException, "The script failed due to call depth overflow.",
                               errorId: "CallDepthOverflow", category: .InvalidOperation, extent: c.extent)
        }
        enterFrame(CallFrame(command: fn.name, functionName: fn.name, callSite: c.extent, scope: scope,
                             parameterNames: plan.parameterNames, boundCount: min(argumentCount, plan.parameters.count)))
        let saved = currentScope
        // Only a class method's body sets a return sink; a function called from it must not
        // write its `return` values there.
        let savedSink = methodReturnSink
        if savedSink != nil { methodReturnSink = nil }
        defer {
            currentScope = saved
            if savedSink != nil { methodReturnSink = savedSink }
        }
        currentScope = scope
        // Parameters left without an argument take their defaults, which may read the ones before.
        while index < plan.parameters.count {
            let p = plan.parameters[index]
            var value: Value
            if let d = p.defaultValue {
                value = try evaluate(d)
                if let t = p.type { value = try Conversion.convert(value, to: t, hooks: hooks) }
            } else if let t = p.type {
                value = ExecutionContext.defaultValue(for: t)
            } else {
                value = .null
            }
            scope.variables[p.folded] = PSVariable(name: p.name, value: value, typeConstraint: p.type)
            index += 1
        }
        if plan.usesArgs {
            scope.variables["args"] = PSVariable(name: "args", value: .object(PSArray(extra)))
        }
        scope.invocationFunction = fn
        scope.invocationSite = c
        if let body = plan.body(self) {
            do {
                _ = try run(body, out)
            } catch is ReturnSignal {
            }
        } else if let end = fn.scriptBlock.ast.endBlock {
            do {
                _ = try runNamedBlock(end, out)
            } catch is ReturnSignal {
            }
        }
        lastStatementSucceeded = true
    }

    /// The binder's error for an argument that does not convert: it points at the argument,
    /// as pwsh's binder does (the argument's extent, see ParameterBinder.bindingError).
    private func fastCallTransformationError(_ fn: FunctionInfo, _ p: FastCallPlan.Parameter, _ value: Value, _ e: RuntimeError,
                                             _ c: CommandAst, argumentIndex: Int) -> RuntimeError {
        let message = "Cannot process argument transformation on parameter '\(p.name)'. \(e.record.exception.message)"
        var extent = c.extent
        if argumentIndex + 1 < c.elements.count, case .argument(let a) = c.elements[argumentIndex + 1] { extent = a.extent }
        let record = ErrorRecord(exception: PSExceptionObject(.parameterBindingArgumentTransformationException, message),
                                 errorId: "ParameterArgumentTransformationError", category: .InvalidData, targetObject: value,
                                 invocationInfo: InvocationInfo(commandName: fn.name, extent: extent), errorIdSuffix: fn.name)
        return RuntimeError(record)
    }
}

/// A call site's resolved function, and how to call it fast if it can be.
final class CallSiteCache {
    let generation: Int
    let function: FunctionInfo
    let plan: FastCallPlan?

    init(generation: Int, function: FunctionInfo) {
        self.generation = generation
        self.function = function
        self.plan = CallSiteCache.fastPlan(of: function)
    }

    /// The function's fast-call plan, unless it belongs to a module or a closure: those run in
    /// their own session state, which the general path sets up.
    static func fastPlan(of fn: FunctionInfo) -> FastCallPlan? {
        guard fn.scriptBlock.moduleState == nil, fn.scriptBlock.closureScope == nil else { return nil }
        return fn.fastCallPlan
    }
}

/// What the fast path needs to call a simple function, worked out once per definition.
public final class FastCallPlan {
    /// A class, so reading one per call costs one reference count, not one per field.
    final class Parameter {
        let name: String
        let folded: String
        let type: PSType?
        let defaultValue: ExpressionAst?
        /// `[int]`, which an Int32 argument passes unconverted.
        let isInt32: Bool

        init(name: String, type: PSType?, defaultValue: ExpressionAst?) {
            self.name = name
            self.folded = name.lowercased()
            self.type = type
            self.defaultValue = defaultValue
            if let t = type, case .int32 = t.kind { isInt32 = true } else { isInt32 = false }
        }
    }

    let parameters: [Parameter]
    /// The parameters' names, for the call stack's Arguments.
    let parameterNames: [String]
    /// The body mentions `$args` (a conservative text check).
    let usesArgs: Bool
    private let endBlock: NamedBlockAst?
    private var compiledBody: CompiledBlockBox?

    init(parameters: [Parameter], usesArgs: Bool, endBlock: NamedBlockAst?) {
        self.parameters = parameters
        self.parameterNames = parameters.map { $0.name }
        self.usesArgs = usesArgs
        self.endBlock = endBlock
    }

    /// The end block's compiled statements, made on the first call; nil when the block has traps
    /// (the tree walker handles those) or there is no end block.
    @inline(__always)
    func body(_ context: ExecutionContext) -> CompiledBlockBox? {
        if let b = compiledBody { return b }
        guard let end = endBlock, end.traps.isEmpty else { return nil }
        let b = context.compiledNamedBlock(end)
        compiledBody = b
        return b
    }

    /// A plan for a function that qualifies: not advanced, only an end block, parameters
    /// without attributes or switches, and no automatic variables the fast path leaves out.
    static func make(_ f: FunctionInfo) -> FastCallPlan? {
        let ast = f.scriptBlock.ast
        guard !f.isAdvanced, !f.isFilter, ast.beginBlock == nil, ast.processBlock == nil, ast.cleanBlock == nil,
              ast.dynamicParamBlock == nil else { return nil }
        let text = ast.extent.text.lowercased()
        if text.contains("psboundparameters") || text.contains("input") || text.contains("pscmdlet") { return nil }
        var params: [Parameter] = []
        for (i, p) in (ast.paramBlock?.parameters ?? []).enumerated() {
            guard p.attributes.isEmpty, i < f.declaration.parameters.count else { return nil }
            let decl = f.declaration.parameters[i]
            if decl.isSwitch || !decl.validations.isEmpty { return nil }
            if let t = decl.resolvedType, case .bool = t.kind { return nil }
            if decl.resolvedType == nil && decl.typeName != "System.Object" { return nil }
            params.append(Parameter(name: p.name, type: decl.resolvedType.flatMap { t in
                if case .object = t.kind { return nil }
                return t
            }, defaultValue: p.defaultValue))
        }
        return FastCallPlan(parameters: params, usesArgs: text.contains("args"), endBlock: ast.endBlock)
    }
}
