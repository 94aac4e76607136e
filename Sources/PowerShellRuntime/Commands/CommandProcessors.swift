import Foundation
import PowerShellSyntax

/// Runs a compiled-in cmdlet: binds its arguments once, pipeline input per object.
final class CmdletProcessor: CommandProcessor {
    let registration: CmdletRegistration
    let arguments: [CommandArgument]
    let invocation: InvocationInfo
    override var invocationInfo: InvocationInfo? { invocation }
    let commandAst: CommandAst
    var cmdlet: Cmdlet?
    var runtime: CommandRuntime?
    var binder: ParameterBinder
    var candidateSets: [String] = []
    /// Parameters bound from the command line (lower-cased); pipeline-bound ones are reset per
    /// object. The set is made only when an object comes that is bound parameter by parameter.
    var argumentKeys: [String] = []
    lazy var argumentNames: Set<String> = Set(argumentKeys)
    /// When exactly one untyped parameter takes pipeline objects by value (ForEach-Object,
    /// Where-Object, Select-Object …), each object binds straight to it.
    var fastPipelineParameter: String?
    var fastPipelineParameterName = ""
    /// The scope the pipeline was built in: the cmdlet runs there whoever sends it input, so a
    /// script block it runs (ForEach-Object, Where-Object) sees the caller's variables, not
    /// those of the upstream function that is writing (pwsh's CommandScope of a cmdlet).
    var executionScope: Scope?
    /// Delay-bind script blocks, run for each input object.
    var delayed: [ParameterBinder.DelayedScriptBlock] = []
    /// Puts back what `-PipelineVariable` hid, once the pipeline is over.
    var restorePipelineVariable: (() -> Void)?

    override func finish() {
        restorePipelineVariable?()
        restorePipelineVariable = nil
    }

    /// Runs a step of the cmdlet in its execution scope. An error that escapes the cmdlet,
    /// other than one a `throw` statement raised, is the cmdlet's: pwsh wraps it in a
    /// CmdletInvocationException carrying the cmdlet's InvocationInfo
    /// (CommandProcessorBase.ManageInvocationException), so without a position of its own it
    /// names and underlines the command, and unless an -ErrorAction Stop raised it
    /// (ActionPreferenceStopException, not rewrapped) its FullyQualifiedErrorId gets the
    /// cmdlet's type name.
    @inline(__always)
    private func inExecutionScope(_ body: () throws -> Void) throws {
        do {
            guard let s = executionScope, s !== context.currentScope else { return try body() }
            let previous = context.currentScope
            context.currentScope = s
            defer { context.currentScope = previous }
            try body()
        } catch let e as RuntimeError where !e.record.fromThrowStatement {
            ExecutionContext.position(e, invocation)
            if !e.record.stoppedByPreference && (e.record.errorIdSuffix ?? "").isEmpty {
                e.record.errorIdSuffix = registration.declaration.implementingTypeName
            }
            throw e
        }
    }

    override var hadErrors: Bool { runtime?.hadErrors ?? false }
    override var commandRuntime: CommandRuntime? { runtime }

    init(context: ExecutionContext, registration: CmdletRegistration, arguments: [CommandArgument], invocation: InvocationInfo,
         output: Pipe, commandAst: CommandAst) {
        self.registration = registration
        self.arguments = arguments
        self.invocation = invocation
        self.commandAst = commandAst
        binder = ParameterBinder(context: context, declaration: registration.declaration, isAdvanced: true, invocation: invocation,
                                 errorSuffix: registration.declaration.implementingTypeName ?? registration.declaration.name)
        super.init(context: context, output: output)
    }

    override func prepare() throws {
        executionScope = context.currentScope
        let result = try binder.bind(arguments, pipelineExpected: expectingInput)
        candidateSets = result.candidateSets
        argumentKeys = result.bound.foldedNames
        delayed = result.delayed
        if let (pipe, restore) = context.pipelineVariableOutput(result.bound, output) {
            output = pipe
            restorePipelineVariable = restore
        }
        let rt = CommandRuntime(context: context, declaration: registration.declaration, bound: result.bound, invocation: invocation,
                                output: output, routing: routing)
        rt.expectingInput = expectingInput
        try context.prepareCommonParameters(rt)
        runtime = rt
        for w in result.warnings { try rt.writeWarning(w) }
        cmdlet = registration.type.init()
        if expectingInput, delayed.isEmpty, let direct = directPipelineParameter(bound: result.bound) {
            fastPipelineParameter = direct.folded
            fastPipelineParameterName = direct.name
        }
    }

    override func begin() throws {
        guard let c = cmdlet, let rt = runtime else { return }
        try inExecutionScope { try c.begin(rt) }
    }

    /// The one parameter every pipeline object binds to unchanged: every parameter set still
    /// possible (whose mandatory parameters outside the pipeline are all given) has exactly that
    /// one pipeline parameter, by value only, of type object/PSObject, and the set the binder
    /// picks is one of them. Binding each object then changes nothing but that value, so
    /// objects skip the binder (plain `Measure-Object`; `Sort-Object` beside its -Top/-Bottom sets).
    private func directPipelineParameter(bound: BoundParameters) -> (folded: String, name: String)? {
        var found: ParameterDeclaration?
        var viable: [String] = []
        sets: for set in candidateSets {
            var inSet: ParameterDeclaration?
            for p in registration.declaration.parameters {
                guard let m = binder.membership(p, in: set) else { continue }
                if m.valueFromPipelineByPropertyName { return nil }
                if m.valueFromPipeline {
                    if inSet != nil { return nil }
                    inSet = p
                } else if m.mandatory && !bound.has(p.name) {
                    continue sets
                }
            }
            guard let p = inSet, found == nil || found?.name == p.name else { return nil }
            found = p
            viable.append(set)
        }
        guard let p = found, !bound.has(p.name), p.validations.isEmpty,
              p.typeName == "System.Object" || p.typeName == "System.Management.Automation.PSObject",
              let chosen = binder.chooseSet(candidateSets), viable.contains(chosen) else { return nil }
        if candidateSets.count > 1 { bound.parameterSetName = chosen }
        return (p.name.lowercased(), p.name)
    }

    override func processWithoutInput() throws {
        guard let c = cmdlet, let rt = runtime else { return }
        try inExecutionScope { try c.process(rt) }
    }

    override func process(_ input: Value) throws {
        try inExecutionScope { try processInScope(input) }
    }

    private func processInScope(_ input: Value) throws {
        guard let c = cmdlet, let rt = runtime else { return }
        rt.currentInput = input
        if let folded = fastPipelineParameter {
            rt.bound.set(folded: folded, name: fastPipelineParameterName, input)
            try c.process(rt)
            return
        }
        for name in rt.bound.order where !argumentNames.contains(name.lowercased()) {
            rt.bound.remove(name)
        }
        if !delayed.isEmpty { try binder.bindDelayed(delayed, input: input, into: rt.bound) }
        if !(try binder.bindPipelineInput(input, into: rt.bound, sets: candidateSets)) && delayed.isEmpty {
            let record = rt.makeError(.parameterBindingException,
                                      "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
                                      errorId: "InputObjectNotBound", category: .InvalidArgument, target: input)
            try rt.writeError(record)
            return
        }
        var r = binder.bindResultForMandatoryCheck(rt.bound)
        try binder.checkMandatory(&r, sets: candidateSets)
        try c.process(rt)
    }

    override func end() throws {
        guard let c = cmdlet, let rt = runtime else { return }
        try inExecutionScope { try c.end(rt) }
        context.finishCommonParameters(rt)
    }
}

extension ParameterBinder {
    func bindResultForMandatoryCheck(_ bound: BoundParameters) -> Result {
        var r = Result()
        r.bound = bound
        return r
    }
}

/// Runs a function, filter, script block or script file.
final class ScriptProcessor: CommandProcessor {
    let scriptBlock: ScriptBlock
    let function: FunctionInfo?
    let arguments: [CommandArgument]
    let dotSource: Bool
    let invocation: InvocationInfo
    override var invocationInfo: InvocationInfo? { invocation }
    let commandAst: CommandAst?
    let isScriptFile: Bool
    var scope: Scope?
    var compiled: CompiledScriptBlock?
    var inputBuffer: [Value] = []
    var runtime: CommandRuntime?
    var candidateSets: [String] = []
    var binder: ParameterBinder?
    /// Parameters bound from the command line; pipeline-bound ones are rebound per object.
    var argumentNames: Set<String> = []
    /// The `$args` array registered in `argsParameterNames`, forgotten when the call ends.
    var argsKey: ObjectIdentifier?
    /// Puts back what `-PipelineVariable` hid, once the pipeline is over.
    var restorePipelineVariable: (() -> Void)?
    /// Delay-bind script blocks, run for each input object.
    var delayed: [ParameterBinder.DelayedScriptBlock] = []
    /// The caller's `$PSScriptRoot`, `$PSCommandPath` and `$MyInvocation` while a dot-sourced
    /// script runs in its scope, put back when it ends.
    var hiddenByDotSource: [(String, PSVariable?)] = []

    override var hadErrors: Bool { runtime?.hadErrors ?? false }

    /// The pipeline is over: the clean block runs if a named block ran, the common
    /// parameter variables are set, and the call stops counting towards the call depth.
    override func finish() {
        guard !finished else { return }
        finished = true
        runCleanBlock()
        if let rt = runtime { context.finishCommonParameters(rt) }
        restorePipelineVariable?()
        restorePipelineVariable = nil
        if let s = scope {
            for (name, variable) in hiddenByDotSource { s.variables[name] = variable }
        }
        hiddenByDotSource = []
        if counted { context.callDepth -= 1 }
        context.leaveUsingModules(usingModules)
        usingModules = nil
        if let k = argsKey { context.argsParameterNames[k] = nil }
    }
    private var finished = false
    /// Whether `prepare` counted this call in the call depth.
    private var counted = false
    /// The names and the scope its call stack frame shows (the frame records them unretained;
    /// the scope is held here from the moment the frame names it, binding included).
    private var callFrame: CommandFrame?
    private var callFrameScope: Scope?
    /// The script file's `using module` types, while it runs.
    private var usingModules: UsingModuleScope?
    /// Whether the begin, process or end block ran (a clean block runs only then).
    private var ranNamedBlock = false

    /// `clean { }`: output is dropped; errors are reported and go no further, so every
    /// command's clean block runs (pwsh's PipelineProcessor.Clean).
    private func runCleanBlock() {
        guard ranNamedBlock, let block = compiled?.clean, let s = scope else { return }
        let previous = context.currentScope
        context.currentScope = s
        defer { context.currentScope = previous }
        let savedRouting = context.streamRouting
        if let scoped = scopedRouting { context.streamRouting = scoped }
        defer { context.streamRouting = savedRouting }
        do {
            try context.runBody(block, Pipe({ _ in }))
        } catch let e as RuntimeError {
            context.recordError(e.record)
            if let rt = runtime { try? context.route(e.record, to: rt.routing.error, output: context.discardPipe) } else { context.reportUnhandled(e.record, record: false) }
        } catch {
        }
    }

    init(context: ExecutionContext, scriptBlock: ScriptBlock, function: FunctionInfo?, arguments: [CommandArgument], dotSource: Bool,
         invocation: InvocationInfo, output: Pipe, commandAst: CommandAst?, isScriptFile: Bool = false) {
        self.scriptBlock = scriptBlock
        self.function = function
        self.arguments = arguments
        self.dotSource = dotSource
        self.invocation = invocation
        self.commandAst = commandAst
        self.isScriptFile = isScriptFile
        super.init(context: context, output: output)
    }

    var ast: ScriptBlockAst { scriptBlock.ast }

    /// Enters this command's scope; returns the scope to restore.
    @inline(__always)
    func enter() -> Scope {
        let previous = context.currentScope
        if let s = scope { context.currentScope = s }
        return previous
    }

    override func prepare() throws {
        if isScriptFile, !scriptBlock.ast.usingStatements.isEmpty {
            context.addUsingNamespaces(scriptBlock.ast.usingStatements)
            usingModules = try context.enterUsingModules(scriptBlock.ast)
        }
        context.callDepth += 1
        if context.callDepth > ExecutionContext.maxCallDepth {
            context.callDepth -= 1
            throw RuntimeError(.scriptCallDepthException, "The script failed due to call depth overflow.",
                               errorId: "CallDepthOverflow", category: .InvalidOperation, extent: invocation.extent)
        }
        counted = true
        let frameName = function?.name ?? (isScriptFile ? invocation.commandName : "<ScriptBlock>")
        let frame = CommandFrame(command: frameName, functionName: function?.name ?? "<ScriptBlock>", callSite: invocation.extent)
        callFrame = frame
        context.enterFrame(.command(Unmanaged.passUnretained(frame), scope: nil))
        let info = try function.map { FunctionDeclarationBox(info: $0) } ?? FunctionDeclarationBox(scriptBlock: scriptBlock, context: context)
        let compiled = context.compiled(ast)
        self.compiled = compiled
        let newScope = dotSource ? context.currentScope : Scope(parent: context.parentScope(for: scriptBlock), isScript: isScriptFile)
        if !dotSource { newScope.variables.adopt(compiled.layout) }
        callFrameScope = newScope
        context.setFrameScope(newScope)
        let b = ParameterBinder(context: context, declaration: info.declaration, isAdvanced: info.isAdvanced, invocation: invocation,
                                errorSuffix: function?.name ?? (isScriptFile ? invocation.commandName : ""))
        binder = b
        let result = try b.bind(arguments, pipelineExpected: expectingInput)
        candidateSets = result.candidateSets
        argumentNames = Set(result.bound.order.map { $0.lowercased() })
        delayed = result.delayed
        invocation.expectingInput = expectingInput
        // `-ErrorVariable`, `-WarningVariable` and `-InformationVariable` collect the records
        // of the commands the function runs too; `-OutVariable` all that the function outputs.
        let collectsErrors = info.isAdvanced && result.bound.has("ErrorVariable")
        let collectsWarnings = info.isAdvanced && result.bound.has("WarningVariable")
        let collectsInformation = info.isAdvanced && result.bound.has("InformationVariable")
        let collectsRecords = collectsErrors || collectsWarnings || collectsInformation
        if info.isAdvanced, let (pipe, restore) = context.pipelineVariableOutput(result.bound, output) {
            output = pipe
            restorePipelineVariable = restore
        }
        if info.isAdvanced && result.bound.has("OutVariable") {
            let downstream = output
            output = Pipe({ [unowned self] v in
                self.runtime?.outVariableItems?.append(v)
                try downstream.write(v)
            })
        }
        if collectsRecords && scopedRouting == nil {
            let downstream = output
            let around = context.streamRouting
            output = Pipe({ [unowned context] v in
                let inner = context.streamRouting
                context.streamRouting = around
                defer { context.streamRouting = inner }
                try downstream.write(v)
            })
        }
        let rt = CommandRuntime(context: context, declaration: info.declaration, bound: result.bound, invocation: invocation,
                                output: output, routing: routing)
        rt.outputCollectedAtPipe = true
        runtime = rt
        for w in result.warnings { try rt.writeWarning(w) }
        var routingBefore: StreamRouting?
        if collectsRecords {
            var scoped = routing.inherited(output: output)
            if collectsErrors { scoped.error = .command(rt) }
            if collectsWarnings { scoped.warning = .command(rt) }
            if collectsInformation { scoped.information = .command(rt) }
            scopedRouting = scoped
            routingBefore = context.streamRouting
            context.streamRouting = scoped
        }
        defer { if let r = routingBefore { context.streamRouting = r } }
        scope = newScope
        let previous = enter()
        defer { context.currentScope = previous }
        if isScriptFile {
            // Set before the parameters, whose defaults may use them (`param($Root =
            // $PSScriptRoot)`). A dot-sourced script sees its own; the caller's come back
            // when it ends (pwsh's dotted locals).
            let file = ast.extent.file ?? ""
            if dotSource {
                hiddenByDotSource = ["psscriptroot", "pscommandpath", "myinvocation"].map { ($0, newScope.variables[$0]) }
            }
            newScope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string((file as NSString).deletingLastPathComponent))
            newScope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(file))
        }
        try context.initializeParameters(info.declaration, compiled, ast: ast, bound: result.bound, in: newScope)
        let argsArray = PSArray(result.unbound)
        newScope.variables["args"] = PSVariable(name: "args", value: .object(argsArray))
        if !result.unboundParameterNames.isEmpty {
            argsKey = ObjectIdentifier(argsArray)
            context.argsParameterNames[ObjectIdentifier(argsArray)] = result.unboundParameterNames
        }
        newScope.variables["psboundparameters"] = PSVariable(name: "PSBoundParameters", value: .object(result.bound.asHashtable()))
        newScope.variables["myinvocation"] = PSVariable(name: "MyInvocation", value: .object(invocation))
        if info.isAdvanced {
            newScope.variables["pscmdlet"] = PSVariable(name: "PSCmdlet", value: .object(PSCmdletObject(runtime: rt)))
            try context.prepareCommonParameters(rt)
            context.applyCommonParameterPreferences(rt.bound, in: newScope)
        }
    }

    override func begin() throws {
        guard let begin = compiled?.begin else { return }
        let previous = enter()
        defer { context.currentScope = previous }
        setInput([])
        try runBlock(begin, dollarUnder: nil)
    }

    /// `$input` in begin and process blocks: what this call of the block has of the
    /// pipeline (nothing, or the current object), an ArrayList; in the end block it is
    /// all the input not taken by a process block, an object[] (AutomaticVariables.Tests.ps1).
    private func setInput(_ items: [Value]) {
        guard !dotSource, let s = scope else { return }
        s.variables["input"] = PSVariable(name: "input", value: .object(PSArray(items, kind: .arrayList)))
    }

    /// Whether `exit` ended this script file (its remaining blocks do not run).
    private var exitCalled = false

    /// Runs one named block; `return` ends the block. `exit` in a script file ends the script
    /// and sets `$LASTEXITCODE`, not the session (pwsh's DlrScriptCommandProcessor for a
    /// command from a script file).
    func runBlock(_ block: CompiledBlock, dollarUnder: Value?) throws {
        if exitCalled { return }
        ranNamedBlock = true
        let savedSink = context.methodReturnSink
        context.methodReturnSink = nil
        defer { context.methodReturnSink = savedSink }
        if let d = dollarUnder, let s = scope {
            if let v = s.variables["_"] { v.value = d } else { s.variables["_"] = PSVariable(name: "_", value: d) }
            if let v = s.variables["psitem"] { v.value = d } else { s.variables["psitem"] = PSVariable(name: "PSItem", value: d) }
        }
        do {
            try context.runBody(block, output)
        } catch is ReturnSignal {
        } catch let e as ExitSignal where isScriptFile {
            exitCalled = true
            try context.setLastExitCode(e.code)
            if e.code != 0 { context.lastStatementSucceeded = false }
        }
    }

    var processBlock: CompiledBlock? {
        if let p = compiled?.process { return p }
        if function?.isFilter == true || scriptBlock.isFilter { return compiled?.end }
        return nil
    }

    override func processWithoutInput() throws {
        guard let p = compiled?.process else { return }
        let previous = enter()
        defer { context.currentScope = previous }
        setInput([])
        try runBlock(p, dollarUnder: .null)
    }

    override func process(_ input: Value) throws {
        let previous = enter()
        defer { context.currentScope = previous }
        if let b = binder, b.isAdvanced, let rt = runtime {
            guard try bindInput(input, b, rt) else { return }
        }
        if let p = processBlock {
            if ast.processBlock != nil { setInput([input]) }
            try runBlock(p, dollarUnder: input)
        } else {
            inputBuffer.append(input)
        }
    }

    /// Binds one input object to the parameters that take pipeline input (rebinding them for
    /// every object); false after reporting InputObjectNotBound when none can take it.
    private func bindInput(_ input: Value, _ b: ParameterBinder, _ rt: CommandRuntime) throws -> Bool {
        var unbound = false
        for name in rt.bound.order where !argumentNames.contains(name.lowercased()) {
            rt.bound.remove(name)
            unbound = true
        }
        if !delayed.isEmpty { try b.bindDelayed(delayed, input: input, into: rt.bound) }
        guard try b.bindPipelineInput(input, into: rt.bound, sets: candidateSets) || !delayed.isEmpty else {
            let record = rt.makeError(.parameterBindingException,
                                      "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
                                      errorId: "InputObjectNotBound", category: .InvalidArgument, target: input)
            try rt.writeError(record)
            return false
        }
        var r = b.bindResultForMandatoryCheck(rt.bound)
        try b.checkMandatory(&r, sets: candidateSets)
        if let s = scope {
            // A parameter the previous object bound and this one does not gets its default back.
            if let c = compiled {
                try context.initializeParameters(b.declaration, c, ast: ast, bound: rt.bound, in: s, onlyBound: !unbound)
            }
        }
        return true
    }

    override func end() throws {
        let previous = enter()
        defer { context.currentScope = previous }
        if let s = scope {
            s.variables["input"] = PSVariable(name: "input", value: .object(PSArray(inputBuffer)))
        }
        let endIsProcess = ast.processBlock == nil && processBlock != nil
        if !endIsProcess, let end = compiled?.end {
            try runBlock(end, dollarUnder: nil)
        }
    }
}

/// The declaration of a script block or function (built once, kept with its compiled form).
struct FunctionDeclarationBox {
    let declaration: CommandDeclaration
    let isAdvanced: Bool

    init(info: FunctionInfo) {
        declaration = info.declaration
        isAdvanced = info.isAdvanced
    }

    init(scriptBlock: ScriptBlock, context: ExecutionContext) throws {
        (declaration, isAdvanced) = try context.declaration(of: scriptBlock)
    }
}

/// `$PSCmdlet` in an advanced function: ShouldProcess, WriteError, ThrowTerminatingError …
final class PSCmdletObject: PSDotNetObject {
    let runtime: CommandRuntime

    init(runtime: CommandRuntime) {
        self.runtime = runtime
    }

    override var typeFullName: String { "System.Management.Automation.PSScriptCmdlet" }
    override var propertyNames: [String] { ["ParameterSetName", "MyInvocation", "SessionState", "CommandRuntime"] }
    override var methodNames: [String] {
        ["ShouldProcess", "ShouldContinue", "WriteError", "ThrowTerminatingError", "WriteObject", "WriteVerbose", "WriteWarning", "WriteDebug"]
    }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "parametersetname": return .string(runtime.bound.parameterSetName)
        case "myinvocation": return .object(runtime.invocation)
        default: return nil
        }
    }

    /// pwsh's ErrorRecord.SetInvocationInfo when the function writes a record it made: the
    /// FullyQualifiedErrorId gains the function's name (`My.Id,Get-Widget`).
    private func attribute(_ record: ErrorRecord) {
        if record.errorIdSuffix == nil { record.errorIdSuffix = runtime.invocation.commandName }
    }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        func text(_ i: Int) -> String { i < args.count ? Conversion.toString(args[i], hooks: hooks) : "" }
        do {
            switch name {
            case "shouldprocess":
                switch args.count {
                case 1, 2:
                    let action = args.count > 1 ? text(1) : runtime.invocation.commandName
                    return .bool(try runtime.shouldProcess(target: text(0), action: action))
                case 3:
                    // ShouldProcess(verboseDescription, verboseWarning, caption).
                    return .bool(try runtime.shouldProcess(description: text(0), warning: text(1), caption: text(2)))
                default:
                    throw MemberFailure.noOverload
                }
            case "shouldcontinue":
                guard args.count == 2 else { throw MemberFailure.noOverload }
                return .bool(try runtime.shouldContinue(query: text(0), caption: text(1)))
            case "writeerror":
                guard case .object(let o)? = args.first, let record = o as? ErrorRecord else { throw MemberFailure.noOverload }
                attribute(record)
                try runtime.writeError(record)
                return .voidResult
            case "throwterminatingerror":
                guard case .object(let o)? = args.first, let record = o as? ErrorRecord else { throw MemberFailure.noOverload }
                attribute(record)
                try runtime.throwTerminating(record)
            case "writeobject":
                guard let v = args.first else { throw MemberFailure.noOverload }
                let enumerate = args.count > 1 && Conversion.toBool(args[1])
                try runtime.writeObject(v, enumerate: enumerate)
                return .voidResult
            case "writeverbose": try runtime.writeVerbose(text(0)); return .voidResult
            case "writewarning": try runtime.writeWarning(text(0)); return .voidResult
            case "writedebug": try runtime.writeDebug(text(0)); return .voidResult
            default: return nil
            }
        } catch let e as RuntimeError where name == "shouldprocess" || name == "shouldcontinue" {
            throw MemberFailure.dotnet(.psInvalidOperationException, e.record.exception.message)
        }
    }
}
