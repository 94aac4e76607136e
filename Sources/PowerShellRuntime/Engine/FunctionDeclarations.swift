import Foundation
import PowerShellSyntax

/// Functions as declared: `function`/`filter` definitions, the binder's declaration built
/// from a param block (attribute arguments evaluated then), and comment-based help.
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
    func buildDeclaration(name: String, ast: ScriptBlockAst, extraParameters: [ParameterAst]?) throws -> (CommandDeclaration, Bool) {
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
                    pd.validations.append(.set(values, ignoreCase: ignoreCase))
                case "validaterange":
                    let args = try attr.positionalArguments.map { try evaluate($0) }
                    if args.count >= 2 { pd.validations.append(.range(min: args[0], max: args[1])) }
                case "validatelength":
                    let args = try attr.positionalArguments.map { Int(try Conversion.toInt64(try evaluate($0))) }
                    if args.count >= 2 { pd.validations.append(.length(min: args[0], max: args[1])) }
                case "validatecount":
                    let args = try attr.positionalArguments.map { Int(try Conversion.toInt64(try evaluate($0))) }
                    if args.count >= 2 { pd.validations.append(.count(min: args[0], max: args[1])) }
                case "validatepattern":
                    if let a = attr.positionalArguments.first {
                        pd.validations.append(.pattern(Conversion.toString(try evaluate(a)), errorMessage: try attributeErrorMessage(attr)))
                    }
                case "validatenotnull": pd.validations.append(.notNull)
                case "validatenotnullorempty": pd.validations.append(.notNullOrEmpty)
                case "validatenotnullorwhitespace": pd.validations.append(.notNullOrWhiteSpace)
                case "validatescript":
                    if let a = attr.positionalArguments.first, case .object(let o) = try evaluate(a), let sb = o as? ScriptBlock {
                        pd.validations.append(.script(sb, errorMessage: try attributeErrorMessage(attr)))
                    }
                case "allownull": pd.allowNull = true
                case "allowemptystring": pd.allowEmptyString = true
                case "allowemptycollection": pd.allowEmptyCollection = true
                default: break
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
        return (decl, advanced)
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
        let sb = ScriptBlock(ast: f.body, isFilter: f.isFilter)
        sb.moduleState = currentModule
        let info = try makeFunctionInfo(name: f.name, scriptBlock: sb, isFilter: f.isFilter, extraParameters: f.parameters)
        info.moduleName = currentModule?.name ?? ""
        info.helpText = commentHelp(before: f)
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
        scope.functions[name.lowercased()]?.helpText = info.helpText
        commandTableGeneration += 1
    }

    /// The comment-based help written just before or at the start of a function.
    func commentHelp(before f: FunctionDefinitionAst) -> String? {
        let src = f.extent.source
        let start = f.extent.start
        // Look backwards over whitespace for a block comment ending right before the function.
        let units = src.units
        var i = start - 1
        while i >= 0, units[i] == 0x20 || units[i] == 0x0A || units[i] == 0x0D || units[i] == 0x09 { i -= 1 }
        if i >= 1, units[i] == 0x3E, units[i - 1] == 0x23 {
            var j = i - 1
            while j >= 1 {
                if units[j] == 0x23 && units[j - 1] == 0x3C { return src.slice(j - 1, i + 1) }
                j -= 1
            }
        }
        // Or the first comment inside the body.
        let bodyText = f.body.extent.text
        if let r = bodyText.range(of: "<#"), let e = bodyText.range(of: "#>", range: r.upperBound..<bodyText.endIndex) {
            let before = bodyText[bodyText.startIndex..<r.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if before == "{" || before.isEmpty { return String(bodyText[r.lowerBound..<e.upperBound]) }
        }
        return nil
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
