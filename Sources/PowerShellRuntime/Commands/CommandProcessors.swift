import Foundation
import PowerShellSyntax

/// Runs a compiled-in cmdlet: binds its arguments once, pipeline input per object.
final class CmdletProcessor: CommandProcessor {
    let registration: CmdletRegistration
    let arguments: [CommandArgument]
    let invocation: InvocationInfo
    let commandAst: CommandAst
    var cmdlet: Cmdlet?
    var runtime: CommandRuntime?
    var binder: ParameterBinder
    var candidateSets: [String] = []
    /// Parameters bound from the command line; pipeline-bound ones are reset per object.
    var argumentNames: Set<String> = []
    /// When exactly one untyped parameter takes pipeline objects by value (ForEach-Object,
    /// Where-Object, Select-Object …), each object binds straight to it.
    var fastPipelineParameter: String?
    var fastPipelineParameterName = ""

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

    override func begin() throws {
        let result = try binder.bind(arguments, pipelineExpected: expectingInput)
        candidateSets = result.candidateSets
        argumentNames = Set(result.bound.order.map { $0.lowercased() })
        let rt = CommandRuntime(context: context, declaration: registration.declaration, bound: result.bound, invocation: invocation,
                                output: output, routing: routing)
        rt.expectingInput = expectingInput
        try context.prepareCommonParameters(rt)
        runtime = rt
        for w in result.warnings { try rt.writeWarning(w) }
        let c = registration.type.init()
        cmdlet = c
        if expectingInput, let direct = directPipelineParameter(bound: result.bound) {
            fastPipelineParameter = direct.folded
            fastPipelineParameterName = direct.name
        }
        try c.begin(rt)
    }

    /// The one parameter every pipeline object binds to unchanged, if the chosen parameter set
    /// has exactly one pipeline parameter, by value only, of type object/PSObject, and nothing
    /// else mandatory is missing.
    private func directPipelineParameter(bound: BoundParameters) -> (folded: String, name: String)? {
        guard candidateSets.count == 1, let set = candidateSets.first else { return nil }
        var found: ParameterDeclaration?
        for p in registration.declaration.parameters {
            guard let m = binder.membership(p, in: set) else { continue }
            if m.valueFromPipelineByPropertyName { return nil }
            if m.valueFromPipeline {
                if found != nil { return nil }
                found = p
            } else if m.mandatory && !bound.has(p.name) {
                return nil
            }
        }
        guard let p = found, !bound.has(p.name), p.validations.isEmpty,
              p.typeName == "System.Object" || p.typeName == "System.Management.Automation.PSObject" else { return nil }
        return (p.name.lowercased(), p.name)
    }

    override func processWithoutInput() throws {
        guard let c = cmdlet, let rt = runtime else { return }
        try c.process(rt)
    }

    override func process(_ input: Value) throws {
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
        if !(try binder.bindPipelineInput(input, into: rt.bound, sets: candidateSets)) {
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
        try c.end(rt)
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
    let commandAst: CommandAst?
    let isScriptFile: Bool
    var scope: Scope?
    var savedScope: Scope?
    var inputBuffer: [Value] = []
    var runtime: CommandRuntime?
    var candidateSets: [String] = []
    var binder: ParameterBinder?
    /// Parameters bound from the command line; pipeline-bound ones are rebound per object.
    var argumentNames: Set<String> = []
    /// The `$args` array registered in `argsParameterNames`, forgotten when the call ends.
    var argsKey: ObjectIdentifier?

    override var hadErrors: Bool { runtime?.hadErrors ?? false }

    /// Stopped by a later command (Select-Object -First): the end block never runs.
    override func abandon() {
        if !finished { context.callDepth -= 1 }
        finished = true
    }
    private var finished = false

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

    override func begin() throws {
        context.callDepth += 1
        if context.callDepth > ExecutionContext.maxCallDepth {
            context.callDepth -= 1
            throw RuntimeError(.scriptCallDepthException, "The script failed due to call depth overflow.",
                               errorId: "CallDepthOverflow", category: .InvalidOperation, extent: invocation.extent)
        }
        let info = try function.map { FunctionDeclarationBox(info: $0) } ?? FunctionDeclarationBox(scriptBlock: scriptBlock, context: context)
        let parent: Scope = (scriptBlock.closureScope as? Scope) ?? context.moduleScope(for: scriptBlock) ?? context.currentScope
        let newScope = dotSource ? context.currentScope : Scope(parent: parent, isScript: isScriptFile)
        let b = ParameterBinder(context: context, declaration: info.declaration, isAdvanced: info.isAdvanced, invocation: invocation,
                                errorSuffix: function?.name ?? (isScriptFile ? invocation.commandName : ""))
        binder = b
        let result = try b.bind(arguments, pipelineExpected: expectingInput)
        candidateSets = result.candidateSets
        argumentNames = Set(result.bound.order.map { $0.lowercased() })
        invocation.expectingInput = expectingInput
        // `-ErrorVariable` collects the errors of the commands the function runs too.
        let collectsErrors = info.isAdvanced && result.bound.has("ErrorVariable")
        if collectsErrors && scopedRouting == nil {
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
        runtime = rt
        for w in result.warnings { try rt.writeWarning(w) }
        var routingBefore: StreamRouting?
        if collectsErrors {
            var scoped = routing.inherited(output: output)
            scoped.error = .command(rt)
            scopedRouting = scoped
            routingBefore = context.streamRouting
            context.streamRouting = scoped
        }
        defer { if let r = routingBefore { context.streamRouting = r } }
        scope = newScope
        let previous = enter()
        defer { context.currentScope = previous }
        try context.initializeParameters(info.declaration, ast: ast, bound: result.bound, in: newScope)
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
        if isScriptFile {
            newScope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string((invocation.extent?.file).map { _ in ((ast.extent.file ?? "") as NSString).deletingLastPathComponent } ?? ""))
            newScope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(ast.extent.file ?? ""))
        }
        if let begin = ast.beginBlock {
            try runBlock(begin, dollarUnder: nil)
        }
    }

    /// Runs one named block; `return` ends the block.
    func runBlock(_ block: NamedBlockAst, dollarUnder: Value?) throws {
        let savedSink = context.methodReturnSink
        context.methodReturnSink = nil
        defer { context.methodReturnSink = savedSink }
        if let d = dollarUnder, let s = scope {
            if let v = s.variables["_"] { v.value = d } else { s.variables["_"] = PSVariable(name: "_", value: d) }
            if let v = s.variables["psitem"] { v.value = d } else { s.variables["psitem"] = PSVariable(name: "PSItem", value: d) }
        }
        do {
            try context.executeNamedBlock(block, output)
        } catch is ReturnSignal {
        }
    }

    var processBlock: NamedBlockAst? {
        if let p = ast.processBlock { return p }
        if function?.isFilter == true || scriptBlock.isFilter { return ast.endBlock }
        return nil
    }

    override func processWithoutInput() throws {
        guard let p = ast.processBlock else { return }
        let previous = enter()
        defer { context.currentScope = previous }
        try runBlock(p, dollarUnder: .null)
    }

    override func process(_ input: Value) throws {
        let previous = enter()
        defer { context.currentScope = previous }
        if let b = binder, b.isAdvanced, let rt = runtime {
            guard try bindInput(input, b, rt) else { return }
        }
        if let p = processBlock {
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
        guard try b.bindPipelineInput(input, into: rt.bound, sets: candidateSets) else {
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
            try context.initializeParameters(b.declaration, ast: ast, bound: rt.bound, in: s, onlyBound: !unbound)
        }
        return true
    }

    override func end() throws {
        defer {
            context.callDepth -= 1
            finished = true
            if let k = argsKey { context.argsParameterNames[k] = nil }
        }
        // -ErrorVariable/-OutVariable are set in the caller's scope, also when the end block fails.
        defer { if let rt = runtime { context.finishCommonParameters(rt) } }
        let previous = enter()
        defer { context.currentScope = previous }
        if let s = scope {
            s.variables["input"] = PSVariable(name: "input", value: .object(PSArray(inputBuffer)))
        }
        let endIsProcess = ast.processBlock == nil && processBlock != nil
        if !endIsProcess, let end = ast.endBlock {
            try runBlock(end, dollarUnder: nil)
        }
    }
}

/// The declaration of a script block or function, built once and cached on its syntax tree.
struct FunctionDeclarationBox {
    let declaration: CommandDeclaration
    let isAdvanced: Bool

    init(info: FunctionInfo) {
        declaration = info.declaration
        isAdvanced = info.isAdvanced
    }

    init(scriptBlock: ScriptBlock, context: ExecutionContext) throws {
        if let cached = scriptBlock.ast.cache as? DeclarationCache {
            declaration = cached.declaration
            isAdvanced = cached.isAdvanced
            return
        }
        let built = try context.buildDeclaration(name: "", ast: scriptBlock.ast, extraParameters: nil)
        scriptBlock.ast.cache = DeclarationCache(declaration: built.0, isAdvanced: built.1)
        declaration = built.0
        isAdvanced = built.1
    }
}

final class DeclarationCache {
    let declaration: CommandDeclaration
    let isAdvanced: Bool

    init(declaration: CommandDeclaration, isAdvanced: Bool) {
        self.declaration = declaration
        self.isAdvanced = isAdvanced
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
                guard !args.isEmpty else { throw MemberFailure.noOverload }
                let target = text(0)
                let action = args.count > 1 ? text(1) : runtime.invocation.commandName
                return .bool(try runtime.shouldProcess(target: target, action: action))
            case "shouldcontinue":
                return .bool(true)
            case "writeerror":
                guard case .object(let o)? = args.first, let record = o as? ErrorRecord else { throw MemberFailure.noOverload }
                attribute(record)
                try runtime.writeError(record)
                return .null
            case "throwterminatingerror":
                guard case .object(let o)? = args.first, let record = o as? ErrorRecord else { throw MemberFailure.noOverload }
                attribute(record)
                try runtime.throwTerminating(record)
            case "writeobject":
                guard let v = args.first else { throw MemberFailure.noOverload }
                let enumerate = args.count > 1 && Conversion.toBool(args[1])
                try runtime.writeObject(v, enumerate: enumerate)
                return .null
            case "writeverbose": try runtime.writeVerbose(text(0)); return .null
            case "writewarning": try runtime.writeWarning(text(0)); return .null
            case "writedebug": try runtime.writeDebug(text(0)); return .null
            default: return nil
            }
        } catch let e as RuntimeError where name == "shouldprocess" {
            throw MemberFailure.dotnet(.psInvalidOperationException, e.record.exception.message)
        }
    }
}
