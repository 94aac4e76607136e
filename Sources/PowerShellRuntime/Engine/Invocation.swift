import Foundation
import PowerShellSyntax

/// Running script blocks and functions: the scope a call gets, its parameter variables, its
/// automatic variables, and the three ways in: a direct call of a simple function, a script
/// block invoked by a cmdlet or an operator, and a block run once per pipeline object.
/// (Functions in a pipeline run through `ScriptProcessor`, which uses the same pieces.)
extension ExecutionContext {

    // MARK: - Scopes

    /// A new child scope of `parent`, recycled when one is spare, its slots still to be laid out.
    @inline(__always)
    func takeCallScope(parent: Scope) -> Scope {
        if let scope = spareScopes.pop() {
            scope.reattach(to: parent)
            return scope
        }
        return Scope(parent: parent)
    }

    /// A new child scope of `parent` for code with `layout`, recycled when one is spare.
    @inline(__always)
    func makeCallScope(parent: Scope, layout: SlotLayout) -> Scope {
        let scope = takeCallScope(parent: parent)
        scope.variables.reset(to: layout)
        return scope
    }

    /// Takes back a call's scope once the call is over; one that something still holds (a
    /// closure, a variable's value) is left alone.
    @inline(__always)
    func retireCallScope(_ scope: inout Scope) {
        guard !spareScopes.isFull, scope.isRecyclable, isKnownUniquelyReferenced(&scope) else {
            // Something holds the scope (a closure, a variable's value): its call record must
            // hold what it names from now on.
            scope.call?.pin()
            return
        }
        scope.clearForReuse()
        spareScopes.push(scope)
    }

    /// The scope a script block's own scope hangs under: its closure's, its module's, or the
    /// caller's.
    @inline(__always)
    func parentScope(for sb: ScriptBlock) -> Scope {
        if sb.closureScope == nil && sb.moduleState == nil { return currentScope }
        return (sb.closureScope as? Scope) ?? moduleScope(for: sb) ?? currentScope
    }

    /// The scope a module's script block runs under, if it belongs to a module: pwsh runs a
    /// block in its session state's current scope, which is the caller's scope when the caller
    /// runs in that module (dynamic scoping inside a module) and the module scope otherwise.
    func moduleScope(for sb: ScriptBlock) -> Scope? {
        guard let module = sb.moduleState as? PSModuleInfo else { return nil }
        return currentScope.enclosingModule === module ? currentScope : module.scope
    }

    /// Counts one more nested call, failing as pwsh does past its limit.
    @inline(__always)
    func enterCall(_ extent: @autoclosure () -> SourceExtent?) throws {
        callDepth += 1
        if callDepth > ExecutionContext.maxCallDepth {
            callDepth -= 1
            throw ExecutionContext.callDepthOverflow(extent())
        }
    }

    /// pwsh's error past the call depth limit (the extent is worked out only then, so a call
    /// copies no extent on its way in).
    @inline(never)
    static func callDepthOverflow(_ extent: SourceExtent?) -> RuntimeError {
        RuntimeError(.scriptCallDepthException, "The script failed due to call depth overflow.",
                     errorId: "CallDepthOverflow", category: .InvalidOperation, extent: extent)
    }

    // MARK: - Parameters

    /// The value a parameter without an argument starts with: its default (evaluated in the
    /// call's scope, so it may read the parameters before it), else `$false` for a switch, the
    /// type's default for a typed parameter, else $null.
    func parameterDefault(_ index: Int, _ p: ParameterDeclaration, _ compiled: CompiledScriptBlock) throws -> Value {
        if index < compiled.defaults.count, let d = compiled.defaults[index] {
            let v = try d.run(self)
            if let t = p.resolvedType { return try Conversion.convert(v, to: t, hooks: hooks) }
            return v
        }
        if p.isSwitch { return .bool(false) }
        if let t = p.resolvedType { return ExecutionContext.defaultValue(for: t) }
        return .null
    }

    /// A parameter's variable holding its value.
    @inline(__always)
    static func parameterVariable(_ p: ParameterDeclaration, _ value: Value) -> PSVariable {
        if p.isSwitch { return PSVariable(name: p.name, value: .object(SwitchParameterValue(Conversion.toBool(value)))) }
        let variable = PSVariable(name: p.name, value: value, typeConstraint: p.resolvedType)
        if !p.validations.isEmpty { variable.validations = p.validations }
        return variable
    }

    /// Creates the parameter variables of a call in `scope` (the current scope): bound values,
    /// else defaults. With `onlyBound`, only the bound ones (a pipeline object rebinding).
    func initializeParameters(_ decl: CommandDeclaration, _ compiled: CompiledScriptBlock, ast: ScriptBlockAst, bound: BoundParameters,
                              in scope: Scope, onlyBound: Bool = false) throws {
        let params = ast.paramBlock?.parameters ?? []
        for (i, p) in params.enumerated() {
            let pd = i < decl.parameters.count ? decl.parameters[i] : ParameterDeclaration(name: p.name)
            let value: Value
            if let v = bound[p.name] {
                value = v
            } else {
                if onlyBound { continue }
                value = try parameterDefault(i, pd, compiled)
            }
            scope.variables[p.name.lowercased()] = ExecutionContext.parameterVariable(pd, value)
        }
    }

    /// The value an unbound typed parameter starts with: the type's .NET default, but `""`
    /// for `[string]` (pwsh converts the $null to a string).
    static func defaultValue(for t: PSType) -> Value {
        if case .string = t.kind { return .string("") }
        return CollectionMembers.defaultValue(t)
    }

    // MARK: - Direct calls

    /// The function a call site may call directly, or nil for the pipeline path. The function
    /// is cached on the call site while the command table and every scope's functions and
    /// aliases are unchanged, the function lives in the global or script scope, the call runs
    /// under the same script scope (a script file's functions end with it, and another script
    /// or module may define the name too) and no function scope holds functions or aliases.
    @inline(__always)
    func directCallTarget(_ site: CallSite) -> DirectCallPlan? {
        let scriptScope = currentScope.scriptScopeOrSelf.id
        let stamp = commandTablesStamp
        if site.stamp == stamp && site.scriptScope == scriptScope && Scope.localCommandScopes == 0 {
            return site.plan
        }
        guard let (fn, cacheable) = resolveFunction(site.ast) else { return nil }
        guard let plan = fn.directCallPlan else { return nil }
        if cacheable {
            site.stamp = stamp
            site.scriptScope = scriptScope
            site.function = fn
            site.plan = plan
        }
        return plan
    }

    /// The function a bare command name resolves to, if it is a function (an alias of the same
    /// name wins, as in `lookupCommand`), and whether it lives in the global or script scope.
    private func resolveFunction(_ c: CommandAst) -> (FunctionInfo, Bool)? {
        guard let head = c.elements.first, case .argument(let e) = head, case .stringConstant(let s) = e, s.kind == .bareWord else {
            return nil
        }
        let folded = s.value.lowercased()
        if currentScope.lookupAlias(folded) != nil { return nil }
        var scope: Scope? = currentScope
        while let sc = scope {
            if let f = sc.functions[folded] { return (f, sc.isGlobal || sc === sc.scriptScopeOrSelf) }
            scope = sc.parent
        }
        return nil
    }

    /// Calls a simple function: its arguments are evaluated in the caller's scope, in order,
    /// then bound by position (by the binder's rules and errors), then the body runs in a new
    /// scope whose automatic variables are made only if read.
    func callDirect(_ plan: DirectCallPlan, at callSite: CallSite, _ out: Pipe) throws {
        let site = callSite.ast
        let argumentCount = callSite.arguments.count
        var scope = plan.runsInCallerScope ? takeCallScope(parent: currentScope)
            : takeCallScope(parent: parentScope(for: plan.function.scriptBlock))
        defer { retireCallScope(&scope) }
        // The scope holds its table and call record while the call runs.
        let (record, tableRef) = scope.beginDirectCall(plan, site: site)
        try record._withUnsafeGuaranteedRef { call in
            var i = 0
            while i < argumentCount {
                call.append(try callSite.arguments[i].run(self))
                i += 1
            }
        }
        let bound = min(argumentCount, plan.positionalCount)
        try record._withUnsafeGuaranteedRef { call in
            try tableRef._withUnsafeGuaranteedRef { table in
                var k = 0
                while k < bound {
                    let p = plan.positionalParameter(k)
                    if p.bindsAsIs(call[k]) {
                        p.store(call[k], in: table)
                    } else {
                        let value = try p.bind(call[k], k, site: site, plan: plan, context: self)
                        call[k] = value
                        p.store(value, in: table)
                    }
                    k += 1
                }
                call.boundCount = bound
            }
        }
        try enterCall(site.extent)
        defer { callDepth -= 1 }
        enterFrame(CallFrame(plan, site: site, scope: scope, boundCount: bound))
        let saved = Unmanaged.passUnretained(currentScope)
        defer { currentScope = saved.takeUnretainedValue() }
        currentScope = scope
        if bound < plan.parameterCount {
            // Parameters left without an argument take their defaults, which may read the ones before.
            let table = tableRef.takeUnretainedValue()
            for p in plan.parameters where table.slotIsEmpty(p.index) {
                p.store(try parameterDefault(p.index, p.declaration, plan.compiled), in: table)
            }
        }
        if let end = plan.body {
            do {
                try runBody(end, out)
            } catch is ReturnSignal {
            }
        }
        lastStatementSucceeded = true
    }

    // MARK: - Script blocks

    /// Runs a script block in a child scope with `$_` and `$args`, collecting its output.
    public func invokeScriptBlock(_ sb: ScriptBlock, args: [Value], dollarUnder: Value?, this: Value? = nil, dotSource: Bool = false) throws -> [Value] {
        let pipe = Pipe()
        try invokeScriptBlock(sb, args: args, dollarUnder: dollarUnder, this: this, dotSource: dotSource, output: pipe)
        return pipe.items
    }

    /// Runs a script block streaming its output into `output`.
    public func invokeScriptBlock(_ sb: ScriptBlock, args: [Value], dollarUnder: Value?, this: Value? = nil, dotSource: Bool = false, output: Pipe) throws {
        var usingModules: UsingModuleScope?
        if !sb.ast.usingStatements.isEmpty {
            addUsingNamespaces(sb.ast.usingStatements)
            usingModules = try enterUsingModules(sb.ast)
        }
        defer { leaveUsingModules(usingModules) }
        try enterCall(sb.ast.extent)
        defer { callDepth -= 1 }
        enterFrame(.scriptBlock(scope: nil))
        let compiled = self.compiled(sb.ast)
        let saved = currentScope
        var scope = dotSource ? currentScope : makeCallScope(parent: parentScope(for: sb), layout: compiled.layout)
        defer { if !dotSource { retireCallScope(&scope) } }
        setFrameScope(scope)
        currentScope = scope
        defer { currentScope = saved }
        if let d = dollarUnder {
            // Reusing the variables keeps the lookup caches valid when a block runs once per
            // pipeline object in the same scope (ForEach-Object, Where-Object).
            ExecutionContext.setLocal(scope, "_", "_", d)
            ExecutionContext.setLocal(scope, "psitem", "PSItem", d)
        }
        if let t = this { scope.variables["this"] = PSVariable(name: "this", value: t) }
        if sb.ast.paramBlock != nil {
            let declaration = try self.declaration(of: sb)
            let binder = ParameterBinder(context: self, declaration: declaration.declaration, isAdvanced: declaration.isAdvanced,
                                         invocation: InvocationInfo(commandName: "", extent: sb.ast.extent), errorSuffix: "")
            let result = try binder.bind(args.map { .positional($0, extent: sb.ast.extent) }, pipelineExpected: false)
            try initializeParameters(declaration.declaration, compiled, ast: sb.ast, bound: result.bound, in: scope)
            scope.variables["args"] = PSVariable(name: "args", value: .object(PSArray(result.unbound)))
        } else if dotSource {
            if !args.isEmpty || compiled.readsArgs {
                scope.variables["args"] = PSVariable(name: "args", value: .object(PSArray(args)))
            }
        } else {
            // `$args` is made when read.
            let call = scope.startCall(nil, site: nil)
            call.append(contentsOf: args)
        }
        do {
            if let b = compiled.begin { try runBody(b, output) }
            if let p = compiled.process { try runBody(p, output) }
            if let e = compiled.end { try runBody(e, output) }
        } catch is ReturnSignal {
        }
    }

    /// Runs a block once per pipeline object in the current scope with `$_` set (ForEach-Object,
    /// Where-Object, `.ForEach{}`): a plain block reuses the `$_` variables between objects;
    /// anything else goes through `invokeScriptBlock`.
    public func invokePerObject(_ sb: ScriptBlock, dollarUnder: Value, output: Pipe) throws {
        let compiled = sb.compiled
        guard sb.runsInCallerScope(compiled) else {
            try invokeScriptBlock(sb, args: [], dollarUnder: dollarUnder, dotSource: true, output: output)
            return
        }
        if let expression = compiled.loneExpression {
            if let v = try perObjectValue(sb, expression, compiled, dollarUnder) { try output.writeEnumerated(v) }
            return
        }
        guard let end = compiled.end else { return }
        try enterPerObject(sb, dollarUnder)
        defer { callDepth -= 1 }
        do {
            try runBody(end, output)
        } catch is ReturnSignal {
        }
    }

    /// Runs a per-object block and says whether its output counts as true, as Where-Object
    /// tests it: no output is false, one object is tested, more than one is true.
    public func perObjectTest(_ sb: ScriptBlock, dollarUnder: Value) throws -> Bool {
        let compiled = sb.compiled
        if let expression = compiled.loneExpression, sb.runsInCallerScope(compiled) {
            guard let v = try perObjectValue(sb, expression, compiled, dollarUnder) else { return false }
            guard case .object = v else { return Conversion.toBool(v) }
            let pipe = Pipe()
            try pipe.writeEnumerated(v)
            return pipe.items.count > 1 || (pipe.items.first.map { Conversion.toBool($0) } ?? false)
        }
        let pipe = Pipe()
        try invokePerObject(sb, dollarUnder: dollarUnder, output: pipe)
        return pipe.items.count > 1 || (pipe.items.first.map { Conversion.toBool($0) } ?? false)
    }

    /// The block's one expression for one object; nil when it wrote nothing (a void method) or
    /// failed and the error was reported, as a failing statement of a block is, so the next
    /// object still runs.
    private func perObjectValue(_ sb: ScriptBlock, _ expression: CompiledValue, _ compiled: CompiledScriptBlock,
                                _ dollarUnder: Value) throws -> Value? {
        try enterPerObject(sb, dollarUnder)
        defer { callDepth -= 1 }
        let v: Value?
        do {
            v = try expression.statementOutput(self)
        } catch let e as RuntimeError {
            position(e, at: compiled.loneExpressionExtent)
            guard tryDepth == 0 && !e.record.terminatesScript else { throw e }
            try handleStatementError(e)
            return nil
        }
        if expression.setsSuccess { lastStatementSucceeded = true }
        return v
    }

    /// Counts the call (the caller undoes it) and sets `$_` and `$PSItem` in the current scope,
    /// reusing the variables found last time while the scope and the variable set are the same.
    private func enterPerObject(_ sb: ScriptBlock, _ dollarUnder: Value) throws {
        try enterCall(sb.ast.extent)
        enterFrame(.scriptBlock(scope: nil))
        let scope = currentScope
        if sb.perObjectScopeID == scope.id, sb.perObjectGeneration == Scope.generation,
           let d = sb.dollarUnderVariable, let p = sb.psItemVariable {
            d.value = dollarUnder
            p.value = dollarUnder
        } else {
            ExecutionContext.setLocal(scope, "_", "_", dollarUnder)
            ExecutionContext.setLocal(scope, "psitem", "PSItem", dollarUnder)
            sb.dollarUnderVariable = scope.variables["_"]
            sb.psItemVariable = scope.variables["psitem"]
            sb.perObjectScopeID = scope.id
            sb.perObjectGeneration = Scope.generation
        }
    }

    /// Sets a variable of this very scope, creating it only when it does not exist yet.
    @inline(__always)
    static func setLocal(_ scope: Scope, _ folded: String, _ name: String, _ value: Value) {
        if let v = scope.variables[folded], !v.isReadOnlyOrConstant {
            v.value = value
        } else {
            scope.variables[folded] = PSVariable(name: name, value: value)
        }
    }

    /// `GetNewClosure()`: a copy of the block bound to a snapshot of the current variables.
    func makeClosure(_ sb: ScriptBlock) -> ScriptBlock {
        let copy = ScriptBlock(ast: sb.ast, isFilter: sb.isFilter)
        copy.moduleState = sb.moduleState
        let captured = Scope(parent: globalScope)
        var s: Scope? = currentScope
        while let scope = s {
            for (k, v) in scope.allVariables where captured.variables[k] == nil && !v.isReadOnlyOrConstant {
                captured.variables[k] = PSVariable(name: v.name, value: v.value)
            }
            s = scope.parent
        }
        copy.closureScope = captured
        return copy
    }

    // MARK: - Script files

    /// Parses a script file once per path (parse errors become a terminating error).
    func loadScriptFile(_ path: String) throws -> ScriptBlock {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeError(.itemNotFoundException, "Cannot find path '\(path)' because it does not exist.",
                               errorId: "PathNotFound", category: .ObjectNotFound, target: .string(path))
        }
        return try ExecutionContext.parseScriptFile(data, path: path)
    }

    /// A script file's contents (UTF-8, a byte-order mark skipped) parsed into a script block;
    /// the first parse error becomes a terminating ParseException. Module and test files load
    /// through here too, each with its own not-found error.
    public static func parseScriptFile(_ data: Data, path: String) throws -> ScriptBlock {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let result = Parser.parse(SourceText(text: text, path: path))
        if let first = result.errors.first {
            let ex = PSExceptionObject(.parseException, first.message)
            let record = ErrorRecord(exception: ex, errorId: first.id, category: .ParserError, targetObject: .null,
                                     invocationInfo: InvocationInfo(commandName: "", extent: first.extent))
            record.isParseError = true
            throw RuntimeError(record)
        }
        return ScriptBlock(ast: result.ast)
    }
}

/// A command call site's cached resolution: the function's direct-call plan, valid while the
/// command table is at `generation`.
final class CallSite {
    let ast: CommandAst
    /// The compiled positional arguments, in order.
    let arguments: ContiguousArray<ExpressionCode>
    /// The command tables the cached function was found in.
    var stamp = CommandTablesStamp.never
    /// The id of the script scope the cached function was found under.
    var scriptScope: UInt64 = 0
    /// Held here so the plan's (unowned) function stays alive as long as the cache names it.
    var function: FunctionInfo?
    var plan: DirectCallPlan?

    init(_ ast: CommandAst, arguments: ContiguousArray<ExpressionCode>) {
        self.ast = ast
        self.arguments = arguments
    }
}

/// How a simple function is called without the pipeline machinery, worked out once per
/// definition: a function that is not advanced (so it binds arguments by position, in
/// declaration order, extra ones going to `$args`) and has only an end block. Everything else
/// about the call is the same as the pipeline path's: the binder's conversion, validation and
/// errors, the same parameter variables and defaults.
public final class DirectCallPlan {
    /// The function this plan calls (which holds the plan; a call site caching the plan holds
    /// the function, and a call holds it while it runs).
    unowned(unsafe) let function: FunctionInfo
    let compiled: CompiledScriptBlock
    let layout: SlotLayout
    let body: CompiledBlock?
    /// The function has no module or closure scope: its calls' scopes hang under the caller's.
    let runsInCallerScope: Bool
    /// The parameters in declaration order (parameter `i` lives in slot `i`).
    let parameters: ContiguousArray<PlanParameter>
    /// The parameters positional arguments bind to, in position order.
    private let positional: ContiguousArray<PlanParameter>
    let parameterCount: Int
    let positionalCount: Int

    init?(_ f: FunctionInfo, compiled: CompiledScriptBlock) {
        let ast = f.scriptBlock.ast
        // A declaration that cannot be used (`metadataError`) raises its error through the binder.
        guard !f.isAdvanced, !f.isFilter, f.declaration.metadataError == nil, ast.beginBlock == nil, ast.processBlock == nil, ast.cleanBlock == nil,
              ast.dynamicParamBlock == nil, (ast.paramBlock?.parameters.count ?? 0) == f.declaration.parameters.count else { return nil }
        function = f
        self.compiled = compiled
        layout = compiled.layout
        body = compiled.end
        runsInCallerScope = f.scriptBlock.closureScope == nil && f.scriptBlock.moduleState == nil
        let parameters = ContiguousArray(f.declaration.parameters.enumerated().map { PlanParameter($1, index: $0) })
        self.parameters = parameters
        positional = ContiguousArray(parameters.filter { $0.declaration.sets.first?.position != nil }.sorted {
            ($0.declaration.sets.first?.position ?? 0) < ($1.declaration.sets.first?.position ?? 0)
        })
        parameterCount = parameters.count
        positionalCount = positional.count
    }

    /// The parameter positional argument `k` binds to.
    @inline(__always)
    func positionalParameter(_ k: Int) -> PlanParameter {
        positional[k]
    }
}

/// One parameter of a direct-call plan, with what binding it needs worked out once.
final class PlanParameter {
    let declaration: ParameterDeclaration
    /// Its slot (its index in the declaration).
    let index: Int
    let name: String
    let type: PSType?
    let validations: [ParameterValidation]
    let isSwitch: Bool
    /// What its argument needs: nothing (an untyped parameter without validation), nothing if
    /// it is an Int32 (`[int]`), or the binder.
    private enum Binding { case asIs, int32, binder }
    private let binding: Binding

    init(_ p: ParameterDeclaration, index: Int) {
        declaration = p
        self.index = index
        name = p.name
        type = p.resolvedType
        validations = p.validations
        isSwitch = p.isSwitch
        if !p.validations.isEmpty || p.isSwitch || p.psTypeName != nil {
            binding = .binder
        } else if p.typeName == "System.Object" {
            binding = .asIs
        } else if let t = p.resolvedType, case .int32 = t.kind {
            binding = .int32
        } else {
            binding = .binder
        }
    }

    /// Whether `value` binds to this parameter as it is (the common case, checked without
    /// the binder).
    @inline(__always)
    func bindsAsIs(_ value: Value) -> Bool {
        switch binding {
        case .asIs: return true
        case .int32: if case .int = value { return true }
        case .binder: break
        }
        return false
    }

    /// The value positional argument `k` gives this parameter.
    @inline(__always)
    func bind(_ value: Value, _ k: Int, site: CommandAst, plan: DirectCallPlan, context: ExecutionContext) throws -> Value {
        switch binding {
        case .asIs: return value
        case .int32: if case .int = value { return value }
        case .binder: break
        }
        let fn = plan.function
        let extent = k + 1 < site.elements.count ? site.elements[k + 1].extent : site.extent
        let invocation = InvocationInfo(commandName: fn.name, extent: site.extent)
        let binder = ParameterBinder(context: context, declaration: fn.declaration, isAdvanced: false, invocation: invocation, errorSuffix: fn.name)
        return try binder.bindPositional(value, to: declaration, extent: extent)
    }

    /// Creates the parameter's variable in its slot: the value itself (converted by later
    /// stores when the parameter is typed), or, with validation attributes, a variable object
    /// that checks them.
    @inline(__always)
    func store(_ value: Value, in table: VariableTable) {
        if isSwitch {
            table.fillSlot(index, .object(SwitchParameterValue(Conversion.toBool(value))))
        } else if validations.isEmpty {
            table.fillSlot(index, value, type: type)
        } else {
            table[declaration.name.lowercased()] = ExecutionContext.parameterVariable(declaration, value)
        }
    }
}

extension FunctionInfo {
    /// The function's direct-call plan, if it qualifies (see `DirectCallPlan`).
    var directCallPlan: DirectCallPlan? {
        if let known = directCallState { return known as? DirectCallPlan }
        let plan = DirectCallPlan(self, compiled: ExecutionContext.compiledForm(scriptBlock.ast))
        directCallState = plan ?? NSNull()
        return plan
    }
}

extension ScriptBlock {
    /// Whether ForEach-Object and Where-Object may run the block's statements straight in the
    /// caller's scope: a block with only statements, no captured state, and not reading `$args`.
    @inline(__always)
    func runsInCallerScope(_ compiled: CompiledScriptBlock) -> Bool {
        compiled.isPlainStatements && closureScope == nil && moduleState == nil
    }

    /// The block's compiled form, kept on the block object too (reading it there needs no
    /// dynamic cast).
    var compiled: CompiledScriptBlock {
        @inline(__always)
        get {
            if let c = compiledForm { return c }
            let c = ExecutionContext.compiledForm(ast)
            compiledForm = c
            return c
        }
    }
}

/// What a call's automatic variables (`$args`, `$input`, `$PSBoundParameters`,
/// `$MyInvocation`) are made from when first read: the function, the call site, the values
/// bound to its first parameters and the arguments left over. Kept by its scope and reused
/// when the scope is recycled.
final class DirectCall {
    /// The function called (nil for a script block: only `$args` is made) and the call site,
    /// alive while the call runs (the call holds them); `pin` makes the record hold them when
    /// the scope outlives the call.
    unowned(unsafe) var function: FunctionInfo?
    unowned(unsafe) var site: CommandAst?
    private var pinned: (FunctionInfo?, CommandAst?)?
    /// The values bound to the positional parameters, then the arguments left for `$args`.
    private var values = EngineBuffer<Value>(capacity: 4)
    var count: Int { values.count }
    var boundCount = 0
    static let automaticNames = ["args", "input", "psboundparameters", "myinvocation"]

    init() {}

    deinit { values.free() }

    @inline(__always)
    func append(_ v: Value) { values.append(v) }

    func append(contentsOf items: [Value]) {
        for v in items { append(v) }
    }

    @inline(__always)
    subscript(i: Int) -> Value {
        get { values[i] }
        set { values[i] = newValue }
    }

    func reset() {
        function = nil
        site = nil
        if pinned != nil { pinned = nil }
        values.removeAll()
        boundCount = 0
    }

    /// Holds the function and the call site from now on (the scope outlives the call).
    func pin() {
        if pinned == nil { pinned = (function, site) }
    }

    func materialize(_ folded: String, in scope: Scope) -> PSVariable? {
        let variable: PSVariable
        switch folded {
        case "args":
            variable = PSVariable(name: "args", value: .object(PSArray((boundCount..<count).map { values[$0] })))
        case "input" where function != nil:
            variable = PSVariable(name: "input", value: .object(PSArray([])))
        case "psboundparameters" where function != nil:
            let table = PSHashtable(ordered: true)
            if let f = function, let plan = f.directCallPlan {
                for k in 0..<boundCount { table.set(.string(plan.positionalParameter(k).name), values[k]) }
            }
            variable = PSVariable(name: "PSBoundParameters", value: .object(table))
        case "myinvocation":
            guard let f = function else { return nil }
            let invocation = InvocationInfo(commandName: f.name, extent: site?.extent)
            invocation.myCommand = .object(ExecutionContext.commandInfo(of: f))
            variable = PSVariable(name: "MyInvocation", value: .object(invocation))
        default:
            return nil
        }
        scope.variables[folded] = variable
        return variable
    }
}
