import Foundation
import PowerShellSyntax

/// Functions and script blocks: declarations from `param()`, parameter variables, invocation.
extension ExecutionContext {

    // MARK: - Declarations

    func makeFunctionInfo(name: String, scriptBlock: ScriptBlock, isFilter: Bool, extraParameters: [ParameterAst]?) throws -> FunctionInfo {
        if let extra = extraParameters, scriptBlock.ast.paramBlock == nil {
            // `function f($a, $b) {}` means the same as a param block.
            scriptBlock.ast.paramBlock = ParamBlockAst(extent: scriptBlock.ast.extent, attributes: [], parameters: extra)
        }
        let (decl, advanced) = try buildDeclaration(name: name, ast: scriptBlock.ast, extraParameters: extraParameters)
        scriptBlock.ast.cache = DeclarationCache(declaration: decl, isAdvanced: advanced)
        return FunctionInfo(name: name, scriptBlock: scriptBlock, isFilter: isFilter, declaration: decl, isAdvanced: advanced)
    }

    /// Builds the binder's declaration from a param block (or `function f($a, $b)` parameters).
    public func buildDeclaration(name: String, ast: ScriptBlockAst, extraParameters: [ParameterAst]?) throws -> (CommandDeclaration, Bool) {
        let params = ast.paramBlock?.parameters ?? extraParameters ?? []
        var advanced = false
        var decl = CommandDeclaration(name: name)
        for attr in ast.paramBlock?.attributes ?? [] {
            let an = attr.typeName.description.lowercased()
            if an == "cmdletbinding" || an == "system.management.automation.cmdletbindingattribute" {
                advanced = true
                for (n, v) in attr.namedArguments {
                    let value = try v.map { try evaluate($0) } ?? .bool(true)
                    switch n.lowercased() {
                    case "supportsshouldprocess": decl.supportsShouldProcess = Conversion.toBool(value)
                    case "defaultparametersetname": decl.defaultParameterSet = Conversion.toString(value)
                    case "confirmimpact": decl.confirmImpact = Conversion.toString(value)
                    case "positionalbinding": decl.positionalBinding = Conversion.toBool(value)
                    case "helpuri": decl.helpUri = Conversion.toString(value)
                    default: break
                    }
                }
            }
        }
        var implicitPosition = 0
        // Parameters are positional in declaration order only when none declares a Position
        // (ParameterBinding.Tests.ps1: `param([Parameter(Position=1)]$a, [Parameter(
        // ValueFromRemainingArguments)]$foo)` leaves $foo named-only).
        let anyExplicitPosition = params.contains { p in
            p.attributes.contains { attr in
                attr.typeName.description.lowercased() == "parameter" && attr.namedArguments.contains { $0.0.lowercased() == "position" }
            }
        }
        for p in params {
            var pd = ParameterDeclaration(name: p.name)
            if let t = p.typeConstraints.last {
                if let resolved = TypeResolver.resolve(t, hooks: hooks) {
                    pd.typeName = resolved.fullName
                    pd.resolvedType = resolved
                } else {
                    pd.typeName = t.description
                }
            }
            var memberships: [ParameterSetMembership] = []
            for attr in p.attributes {
                let an = attr.typeName.description.lowercased()
                switch an {
                case "parameter":
                    advanced = true
                    var m = ParameterSetMembership()
                    for (n, v) in attr.namedArguments {
                        let value = try v.map { try evaluate($0) } ?? .bool(true)
                        switch n.lowercased() {
                        case "mandatory": m.mandatory = Conversion.toBool(value)
                        case "position": m.position = Int((try? Conversion.toInt64(value)) ?? 0)
                        case "valuefrompipeline": m.valueFromPipeline = Conversion.toBool(value)
                        case "valuefrompipelinebypropertyname": m.valueFromPipelineByPropertyName = Conversion.toBool(value)
                        case "valuefromremainingarguments": m.valueFromRemainingArguments = Conversion.toBool(value)
                        case "parametersetname": m.setName = Conversion.toString(value)
                        case "helpmessage": m.helpMessage = Conversion.toString(value)
                        default: break
                        }
                    }
                    memberships.append(m)
                case "alias":
                    for a in attr.positionalArguments {
                        let v = try evaluate(a)
                        pd.aliases += (Conversion.enumerate(v) ?? [v]).map { Conversion.toString($0) }
                    }
                case "allownull": pd.allowNull = true
                case "allowemptystring": pd.allowEmptyString = true
                case "allowemptycollection": pd.allowEmptyCollection = true
                case "pstypename", "pstypenameattribute":
                    if let a = attr.positionalArguments.first { pd.psTypeName = Conversion.toString(try evaluate(a), hooks: hooks) }
                default:
                    // An attribute argument refused (`[ValidateRange(5, 1)]`) is the command's
                    // error when it is bound, not when it is declared.
                    do {
                        if let rule = try validation(from: attr) { pd.validations.append(rule) }
                    } catch let e as RuntimeError where an == "validaterange" || an == "validatelength" || an == "validatecount" {
                        if decl.metadataError == nil {
                            e.record.invocationInfo = InvocationInfo(commandName: "", extent: attr.extent)
                            decl.metadataError = e
                        }
                    }
                }
            }
            if memberships.isEmpty { memberships = [ParameterSetMembership()] }
            if !anyExplicitPosition {
                // Without explicit positions, parameters are positional in declaration order
                // (unless PositionalBinding is off); switches never are.
                if decl.positionalBinding && !pd.isSwitch {
                    for i in memberships.indices where memberships[i].position == nil { memberships[i].position = implicitPosition }
                    implicitPosition += 1
                }
            }
            pd.sets = memberships
            decl.parameters.append(pd)
        }
        decl.supportsCommonParameters = advanced
        // A parameter set is a bit of a 32-bit mask in pwsh (MergedCommandParameterMetadata):
        // a 33rd set name makes the command unusable.
        var setNames = Set(decl.parameters.flatMap { $0.sets.map { $0.setName } }.filter { $0 != ParameterSetMembership.allSets })
        if let d = decl.defaultParameterSet { setNames.insert(d) }
        if setNames.count > 32, decl.metadataError == nil {
            let sma = "System.Management.Automation."
            decl.metadataError = RuntimeError(.custom([sma + "ParsingMetadataException", sma + "MetadataException", sma + "RuntimeException",
                                                       "System.SystemException", "System.Exception"]),
                                              "Cannot get or run the command. The maximum number of parameter sets for this command has been exceeded.",
                                              errorId: "ParsingTooManyParameterSets", category: .MetadataError)
        }
        return (decl, advanced)
    }

    /// The rule of a validation attribute (`[ValidateSet(…)]`, `[ValidateRange(…)]`, …), on a
    /// parameter or a variable; nil for other attributes. An argument the attribute refuses
    /// raises pwsh's error for it (Attributes.cs at v7.6.5): for a variable when it is declared,
    /// for a parameter when the command is bound (`decl.metadataError`).
    func validation(from attr: AttributeAst) throws -> ParameterValidation? {
        let name = attr.typeName.description.lowercased()
        switch name {
        case "validateset":
            var values: [String] = []
            for a in attr.positionalArguments {
                let v = try evaluate(a)
                values += (Conversion.enumerate(v) ?? [v]).map { Conversion.toString($0) }
            }
            var ignoreCase = true
            for (n, v) in attr.namedArguments where n.lowercased() == "ignorecase" {
                ignoreCase = Conversion.toBool(try v.map { try evaluate($0) } ?? .bool(true))
            }
            return .set(values, ignoreCase: ignoreCase, errorMessage: try attributeErrorMessage(attr))
        case "validaterange", "validatelength", "validatecount":
            let args = try attr.positionalArguments.map { try evaluate($0) }
            switch (name, args.count) {
            case ("validaterange", 1): return try .makeRangeKind(args[0])
            case ("validaterange", 2): return try .makeRange(args[0], args[1])
            case ("validatelength", 2), ("validatecount", 2):
                let display = name == "validatelength" ? "ValidateLength" : "ValidateCount"
                return try .makeCountOrLength(display, Int(try Conversion.toInt64(args[0])), Int(try Conversion.toInt64(args[1])))
            default: return nil
            }
        case "validatepattern":
            guard let a = attr.positionalArguments.first else { return nil }
            return .pattern(Conversion.toString(try evaluate(a)), errorMessage: try attributeErrorMessage(attr))
        case "validatenotnull": return .notNull
        case "validatenotnullorempty": return .notNullOrEmpty
        case "validatenotnullorwhitespace": return .notNullOrWhiteSpace
        case "validatescript":
            guard let a = attr.positionalArguments.first, case .object(let o) = try evaluate(a), let sb = o as? ScriptBlock else { return nil }
            return .script(sb, errorMessage: try attributeErrorMessage(attr))
        default:
            return nil
        }
    }

    /// A validation attribute's `ErrorMessage = '…'` named argument.
    func attributeErrorMessage(_ attr: AttributeAst) throws -> String? {
        guard let (_, v) = attr.namedArguments.first(where: { $0.0.lowercased() == "errormessage" }), let e = v else { return nil }
        return Conversion.toString(try evaluate(e), hooks: hooks)
    }

    /// Creates the parameter variables of a function call: bound values, else defaults.
    func initializeParameters(_ decl: CommandDeclaration, ast: ScriptBlockAst, bound: BoundParameters, in scope: Scope, onlyBound: Bool = false) throws {
        let params = ast.paramBlock?.parameters ?? []
        for (i, p) in params.enumerated() {
            let pd = i < decl.parameters.count ? decl.parameters[i] : ParameterDeclaration(name: p.name)
            let folded = p.name.lowercased()
            var value: Value
            if let v = bound[p.name] {
                value = v
            } else {
                if onlyBound { continue }
                if let d = p.defaultValue {
                    value = try evaluate(d)
                    if let t = pd.resolvedType { value = try Conversion.convert(value, to: t, hooks: hooks) }
                } else if pd.isSwitch {
                    value = .bool(false)
                } else if let t = pd.resolvedType {
                    value = ExecutionContext.defaultValue(for: t)
                } else {
                    value = .null
                }
            }
            if pd.isSwitch { value = .object(SwitchParameterValue(Conversion.toBool(value))) }
            let variable = PSVariable(name: p.name, value: value, typeConstraint: pd.isSwitch ? nil : pd.resolvedType)
            variable.validations = pd.validations
            scope.variables[folded] = variable
        }
    }

    /// The value an unbound typed parameter starts with (`[int]` → 0, `[string]` → "").
    static func defaultValue(for t: PSType) -> Value {
        switch t.kind {
        case .int32: return .int(0)
        case .int64: return .long(0)
        case .double: return .double(0)
        case .decimal: return .decimal(.zero)
        case .bool: return .bool(false)
        case .string: return .string("")
        case .char: return .char(0)
        case .sized(let k): return .sized(SizedNumber(kind: k, integer: 0))
        default: return .null
        }
    }

    // MARK: - Invoking script blocks

    /// Runs a script block in a child scope with `$_` and `$args`, collecting its output.
    public func invokeScriptBlock(_ sb: ScriptBlock, args: [Value], dollarUnder: Value?, this: Value? = nil, dotSource: Bool = false) throws -> [Value] {
        let pipe = Pipe()
        try invokeScriptBlock(sb, args: args, dollarUnder: dollarUnder, this: this, dotSource: dotSource, output: pipe)
        return pipe.items
    }

    /// Runs a script block streaming its output into `output`.
    public func invokeScriptBlock(_ sb: ScriptBlock, args: [Value], dollarUnder: Value?, this: Value? = nil, dotSource: Bool = false, output: Pipe) throws {
        if !sb.ast.usingStatements.isEmpty { addUsingNamespaces(sb.ast.usingStatements) }
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > ExecutionContext.maxCallDepth {
            throw RuntimeError(.scriptCallDepthException, "The script failed due to call depth overflow.",
                               errorId: "CallDepthOverflow", category: .InvalidOperation, extent: sb.ast.extent)
        }
        enterFrame(CallFrame(command: "<ScriptBlock>", functionName: "<ScriptBlock>", callSite: nil))
        let saved = currentScope
        let savedSink = methodReturnSink
        methodReturnSink = nil
        defer { methodReturnSink = savedSink }
        let parent = (sb.closureScope as? Scope) ?? moduleScope(for: sb) ?? currentScope
        let scope = dotSource ? currentScope : Scope(parent: parent)
        currentScope = scope
        defer { currentScope = saved }
        if let d = dollarUnder {
            // Reusing the variables keeps the lookup caches valid when a block runs once per
            // pipeline object in the same scope (ForEach-Object, Where-Object).
            ExecutionContext.setLocal(scope, "_", "_", d)
            ExecutionContext.setLocal(scope, "psitem", "PSItem", d)
        }
        if let t = this { scope.variables["this"] = PSVariable(name: "this", value: t) }
        if sb.ast.paramBlock == nil && args.isEmpty && !sb.mentionsArgs {
            // Nothing can read $args: leave it out.
        } else if sb.ast.paramBlock != nil {
            let box = try FunctionDeclarationBox(scriptBlock: sb, context: self)
            let binder = ParameterBinder(context: self, declaration: box.declaration, isAdvanced: box.isAdvanced,
                                         invocation: InvocationInfo(commandName: "", extent: sb.ast.extent), errorSuffix: "")
            let result = try binder.bind(args.map { .positional($0, extent: sb.ast.extent) }, pipelineExpected: false)
            try initializeParameters(box.declaration, ast: sb.ast, bound: result.bound, in: scope)
            scope.variables["args"] = PSVariable(name: "args", value: .object(PSArray(result.unbound)))
        } else {
            scope.variables["args"] = PSVariable(name: "args", value: .object(PSArray(args)))
        }
        do {
            if let b = sb.ast.beginBlock { try executeNamedBlock(b, output) }
            if let p = sb.ast.processBlock { try executeNamedBlock(p, output) }
            if let e = sb.ast.endBlock { try executeNamedBlock(e, output) }
        } catch is ReturnSignal {
        }
    }

    /// Runs a block once per pipeline object in the current scope with `$_` set (ForEach-Object,
    /// Where-Object, `.ForEach{}`): the plain-block case reuses the `$_` variables between
    /// objects; anything else goes through `invokeScriptBlock`.
    public func invokePerObject(_ sb: ScriptBlock, dollarUnder: Value, output: Pipe) throws {
        let end: NamedBlockAst
        switch perObjectPlan(sb) {
        case .expression(let expression, let extent):
            if let v = try perObjectValue(sb, expression, extent, dollarUnder) { try output.writeEnumerated(v) }
            return
        case .statements:
            guard let block = sb.ast.endBlock else { return }
            end = block
        case .general, .unknown:
            try invokeScriptBlock(sb, args: [], dollarUnder: dollarUnder, dotSource: true, output: output)
            return
        }
        try enterPerObject(sb, dollarUnder)
        defer { callDepth -= 1 }
        let savedSink = methodReturnSink
        methodReturnSink = nil
        defer { methodReturnSink = savedSink }
        do {
            try executeNamedBlock(end, output)
        } catch is ReturnSignal {
        }
    }

    /// Runs a per-object block and says whether its output counts as true, as Where-Object
    /// tests it: no output is false, one object is tested, more than one is true.
    public func perObjectTest(_ sb: ScriptBlock, dollarUnder: Value) throws -> Bool {
        if case .expression(let expression, let extent) = perObjectPlan(sb) {
            guard let v = try perObjectValue(sb, expression, extent, dollarUnder) else { return false }
            guard case .object = v else { return Conversion.toBool(v) }
            let pipe = Pipe()
            try pipe.writeEnumerated(v)
            return pipe.items.count > 1 || (pipe.items.first.map { Conversion.toBool($0) } ?? false)
        }
        let pipe = Pipe()
        try invokePerObject(sb, dollarUnder: dollarUnder, output: pipe)
        return pipe.items.count > 1 || (pipe.items.first.map { Conversion.toBool($0) } ?? false)
    }

    /// How a block runs per object, worked out once: a block whose body is one expression
    /// statement that outputs its value (`{ $_ % 3 -eq 0 }`, `{ $_ * 2 }`) needs no output pipe.
    @inline(__always)
    private func perObjectPlan(_ sb: ScriptBlock) -> ScriptBlock.PerObjectPlan {
        if case .unknown = sb.perObjectPlan {
            sb.perObjectPlan = makePerObjectPlan(sb)
        }
        return sb.perObjectPlan
    }

    private func makePerObjectPlan(_ sb: ScriptBlock) -> ScriptBlock.PerObjectPlan {
        guard sb.isPlainBlock, !sb.mentionsArgs, let end = sb.ast.endBlock else { return .general }
        if end.traps.isEmpty, end.statements.count == 1, case .pipeline(let p) = end.statements[0],
           let box = compiledLoneExpression(p), !box.isStatementIncrement {
            return .expression(box, p.extent)
        }
        return .statements
    }

    /// The block's one expression for one object; nil when it failed and the error was
    /// reported, as a failing statement of a block is, so the next object still runs.
    private func perObjectValue(_ sb: ScriptBlock, _ expression: CompiledExpressionBox, _ extent: SourceExtent,
                                _ dollarUnder: Value) throws -> Value? {
        try enterPerObject(sb, dollarUnder)
        defer { callDepth -= 1 }
        let v: Value
        do {
            v = try expression.output(self)
        } catch let e as RuntimeError {
            position(e, at: extent)
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
        callDepth += 1
        if callDepth > ExecutionContext.maxCallDepth {
            callDepth -= 1
            throw RuntimeError(.scriptCallDepthException, "The script failed due to call depth overflow.",
                               errorId: "CallDepthOverflow", category: .InvalidOperation, extent: sb.ast.extent)
        }
        enterFrame(CallFrame(command: "<ScriptBlock>", functionName: "<ScriptBlock>", callSite: nil))
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
            for (k, v) in scope.variables where captured.variables[k] == nil && !v.isReadOnlyOrConstant {
                captured.variables[k] = PSVariable(name: v.name, value: v.value)
            }
            s = scope.parent
        }
        copy.closureScope = captured
        return copy
    }

    /// The scope a module's script block runs under, if it belongs to a module: pwsh runs a
    /// block in its session state's current scope, which is the caller's scope when the caller
    /// runs in that module (dynamic scoping inside a module) and the module scope otherwise.
    func moduleScope(for sb: ScriptBlock) -> Scope? {
        guard let module = sb.moduleState as? PSModuleInfo else { return nil }
        return currentScope.enclosingModule === module ? currentScope : module.scope
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

/// `[switch]` values inside a function: `$Force.IsPresent`, and `if ($Force)`.
public final class SwitchParameterValue: PSNativeObject {
    public let isPresent: Bool

    public init(_ isPresent: Bool) {
        self.isPresent = isPresent
    }

    public override var typeFullName: String { "System.Management.Automation.SwitchParameter" }
    public override var propertyNames: [String] { ["IsPresent"] }

    public override func property(_ name: String) -> Value? {
        name.lowercased() == "ispresent" ? .bool(isPresent) : nil
    }

    public override func toPSString() -> String { isPresent ? "True" : "False" }
}

// MARK: - Parameter defaults as help shows them

extension ExecutionContext {
    /// A parameter's default value as Get-Help shows it (pwsh's HelpCommentsParser): the text
    /// of `[PSDefaultValue(Help = '…')]`, else its `Value`; else a constant default's value as
    /// text (`'A'` → `A`, `42`, `$true` → `True`); else the default expression as written
    /// (`(Get-Date)`, `@(1, 2)`); else, without a default, what the type starts with
    /// (`False` for a switch or bool, `0` for numbers, nothing otherwise).
    public func helpDefaultValue(of p: ParameterAst, declaration pd: ParameterDeclaration) -> String {
        for attr in p.attributes where ["psdefaultvalue", "psdefaultvalueattribute", "system.management.automation.psdefaultvalueattribute"]
            .contains(attr.typeName.description.lowercased()) {
            var valueText: String?
            for (name, arg) in attr.namedArguments {
                guard let arg = arg, let v = try? evaluate(arg) else { continue }
                switch name.lowercased() {
                case "help":
                    let s = Conversion.toString(v, hooks: hooks)
                    if !s.isEmpty { return s }
                case "value": valueText = Conversion.toString(v, hooks: hooks)
                default: break
                }
            }
            if let s = valueText { return s }
        }
        guard let d = p.defaultValue else {
            if pd.isSwitch || pd.typeName == "System.Boolean" { return "False" }
            if let t = pd.resolvedType {
                switch t.kind {
                case .int32, .int64, .double, .decimal, .sized: return "0"
                default: return ""
                }
            }
            return ""
        }
        if ExecutionContext.isConstant(d), let v = try? evaluate(d) { return v.isNull ? "" : Conversion.toString(v, hooks: hooks) }
        return d.extent.text
    }

    /// pwsh's IsConstantValueVisitor for default values: literals, `$true`/`$false`/`$null`,
    /// and operators, parentheses and primitive casts over them (arrays are not constant).
    static func isConstant(_ e: ExpressionAst) -> Bool {
        switch e {
        case .constant, .stringConstant: return true
        case .variable(let v): return v.scope == nil && ["true", "false", "null"].contains(v.foldedName)
        case .unary(let u): return [.negate, .plus, .not, .bnot].contains(u.op) && isConstant(u.operand)
        case .binary(let b): return isConstant(b.left) && isConstant(b.right)
        case .convert(let c):
            guard let t = TypeResolver.resolve(c.type) else { return false }
            if case .named = t.kind { return false }
            return isConstant(c.child)
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let x) = pl.elements[0] { return isConstant(x.expression) }
            return false
        default: return false
        }
    }
}
