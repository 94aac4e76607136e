import Foundation
import PowerShellSyntax

/// Functions as declared: `function`/`filter` definitions, the binder's declaration built
/// from a param block (attribute arguments evaluated then), validation attributes, and the
/// default values Get-Help shows.
extension ExecutionContext {

    // MARK: - Declarations

    func makeFunctionInfo(name: String, scriptBlock: ScriptBlock, isFilter: Bool, extraParameters: [ParameterAst]?) throws -> FunctionInfo {
        if let extra = extraParameters, scriptBlock.ast.paramBlock == nil {
            // `function f($a, $b) {}` means the same as a param block.
            scriptBlock.ast.paramBlock = ParamBlockAst(extent: scriptBlock.ast.extent, attributes: [], parameters: extra)
        }
        let (decl, advanced) = try buildDeclaration(name: name, ast: scriptBlock.ast, extraParameters: extraParameters)
        let c = compiled(scriptBlock.ast)
        c.declaration = decl
        c.isAdvanced = advanced
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

    /// The declaration of a script block (its param block), built once and kept with its
    /// compiled form.
    func declaration(of sb: ScriptBlock) throws -> (declaration: CommandDeclaration, isAdvanced: Bool) {
        let c = compiled(sb.ast)
        if let d = c.declaration { return (d, c.isAdvanced) }
        let built = try buildDeclaration(name: "", ast: sb.ast, extraParameters: nil)
        c.declaration = built.0
        c.isAdvanced = built.1
        return built
    }

    // MARK: - Definitions

    func defineFunction(_ f: FunctionDefinitionAst) throws {
        let module = currentModule
        let parts = try functionParts(f)
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
        let info = FunctionInfo(name: name, parts: parts, moduleName: module?.name ?? "")
        info.module = module
        scope.functions[name.lowercased()] = info
        commandTableGeneration += 1
    }

    /// The script block and declaration of a `function` statement, declared in the current
    /// scope and module.
    func functionParts(_ f: FunctionDefinitionAst) throws -> FunctionInfo.Parts {
        let sb = ScriptBlock(ast: f.body, isFilter: f.isFilter)
        sb.definition = f
        sb.moduleState = currentModule
        let info = try makeFunctionInfo(name: f.name, scriptBlock: sb, isFilter: f.isFilter, extraParameters: f.parameters)
        return FunctionInfo.Parts(scriptBlock: sb, isFilter: f.isFilter, declaration: info.declaration, isAdvanced: info.isAdvanced,
                                  definition: f)
    }

    /// Defines the functions a session starts with (pwsh's `prompt`, `help`, …) in the global
    /// scope: `text` holds their `function` statements, `names` their names. The text is parsed
    /// the first time one of them is used, listed or read, and each is declared then as
    /// `defineFunction` declares it at the start of the session: parsing them all was a fifth of
    /// teamsh's start-up.
    public func defineDeferredFunctions(named names: [String], text: String) {
        let deferred = FunctionInfo.Deferred(text: text, context: self)
        for name in names {
            globalScope.functions[name.lowercased()] = FunctionInfo(name: name, deferred: deferred)
        }
        commandTableGeneration += 1
    }

    /// A deferred function's parts: its `function` statement declared in the global scope,
    /// outside any module, whatever runs when it is first read. A name the text does not define
    /// (a mistake in teamsh, which its tests catch) gives an empty function.
    func deferredFunctionParts(name: String, from deferred: FunctionInfo.Deferred) -> FunctionInfo.Parts {
        let statements: [StatementAst]
        if let parsed = deferred.statements {
            statements = parsed
        } else {
            let result = Parser.parse(SourceText(text: deferred.text))
            statements = result.errors.isEmpty ? result.ast.endBlock?.statements ?? [] : []
            deferred.statements = statements
        }
        let savedScope = currentScope, savedLoading = loadingModule
        currentScope = globalScope
        loadingModule = nil
        defer {
            currentScope = savedScope
            loadingModule = savedLoading
        }
        for statement in statements {
            if case .functionDefinition(let f) = statement, f.name.caseInsensitiveCompare(name) == .orderedSame,
               let parts = try? functionParts(f) {
                return parts
            }
        }
        assertionFailure("no start-up function \(name) in its text")
        let empty = ScriptBlock(ast: Parser.parse(SourceText(text: "")).ast)
        return FunctionInfo.Parts(scriptBlock: empty, isFilter: false, declaration: CommandDeclaration(name: name), isAdvanced: false,
                                  definition: nil)
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
