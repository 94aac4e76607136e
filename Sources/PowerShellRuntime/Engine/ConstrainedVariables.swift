import PowerShellSyntax

/// Variables declared with a type or validation attributes (`[int]$n = …`,
/// `[ValidateRange(1, 5)][int]$n = 3`) and the errors pwsh raises for them.
///
/// pwsh's rule (VariableOps.SetVariableValue, PSVariable.SetValue, PSVariableAttributeCollection
/// and ArgumentTypeConverterAttribute at v7.6.5; the error id and reason are checked by
/// ActionPreference.Tests.ps1):
/// - the attributes on an assignment's left side apply innermost first: `[ValidateRange(1,5)][int]$n`
///   converts, then checks the range;
/// - a value that does not convert to the type raises ArgumentTransformationMetadataException with
///   the conversion's message, category MetadataError and error id `RuntimeException`, on the
///   declaration and on every later assignment;
/// - a value failing a validation attribute raises ValidationMetadataException (id
///   `ValidateSetFailure`, MetadataError): when the declaration creates the variable, "The attribute
///   cannot be added because variable n with value 10 would no longer be valid."; when the
///   variable exists (a later assignment, or a declaration in the same scope): "The variable
///   cannot be validated because the value 10 is not a valid value for the n variable.";
/// - a read-only or constant variable cannot be declared again (VariableNotWritable).
extension ExecutionContext {

    /// One attribute of a declaration: a type to convert to, or a rule to check.
    private enum DeclarationLayer {
        case type(PSType)
        case rule(ParameterValidation)
    }

    /// `[attributes…]$variable = value`; false when the innermost target is not a variable.
    func assignDeclaration(_ target: ExpressionAst, _ value: Value) throws -> Bool {
        var layers: [DeclarationLayer] = []
        var e = target
        walk: while true {
            switch e {
            case .convert(let c):
                layers.append(.type(try resolveType(c.type, extent: c.typeNameExtent)))
                e = c.child
            case .attributed(let a):
                if let rule = try validation(from: a.attribute) { layers.append(.rule(rule)) }
                e = a.child
            default:
                break walk
            }
        }
        guard case .variable(let v) = e else { return false }
        layers.reverse()
        let scope = try resolveScope(v.scope == "global" || v.scope == "script" ? v.scope : nil)
        var types: [PSType] = []
        var rules: [ParameterValidation] = []
        for layer in layers {
            switch layer {
            case .type(let t): types.append(t)
            case .rule(let r): rules.append(r)
            }
        }
        if let existing = scope.variables[v.foldedName] {
            if existing.isReadOnlyOrConstant { throw variableNotWritable(existing.name) }
            var converted = value
            for t in types { converted = try transform(converted, to: t) }
            if rules.contains(where: { $0.failure(converted, context: self) != nil }) {
                throw invalidVariableValue(existing.name, converted)
            }
            existing.value = converted
            existing.typeConstraint = types.last
            existing.validations = rules
            return true
        }
        var current = value
        for layer in layers {
            switch layer {
            case .type(let t):
                current = try transform(current, to: t)
            case .rule(let r):
                if r.failure(current, context: self) != nil {
                    throw RuntimeError(.validationMetadataException,
                                       "The attribute cannot be added because variable \(v.name) with value \(current.isNull ? "" : ExecutionContext.dotNetText(current)) would no longer be valid.",
                                       errorId: "ValidateSetFailure", category: .MetadataError)
                }
            }
        }
        let variable = PSVariable(name: v.name, value: current, typeConstraint: types.last)
        variable.validations = rules
        scope.variables[v.foldedName] = variable
        return true
    }

    /// A value converted for a typed variable: a failed conversion is the variable's
    /// ArgumentTransformationMetadataException, carrying the conversion's message.
    func transform(_ value: Value, to type: PSType) throws -> Value {
        do {
            return try Conversion.convert(value, to: type, hooks: hooks)
        } catch let e as RuntimeError {
            // The conversion's PSInvalidCastException, not the RuntimeException a statement
            // would have wrapped it in, is the inner exception.
            let failure = e.record.exception
            let cast = failure.isInstance(of: "System.InvalidCastException") ? failure : (failure.innerException ?? failure)
            let ex = PSExceptionObject(.argumentTransformationMetadataException, failure.message, inner: cast)
            throw RuntimeError(ErrorRecord(exception: ex, errorId: "RuntimeException", category: .MetadataError))
        }
    }

    /// pwsh's error for a value that fails a variable's validation attributes.
    func invalidVariableValue(_ name: String, _ value: Value) -> RuntimeError {
        RuntimeError(.validationMetadataException,
                     "The variable cannot be validated because the value \(ExecutionContext.dotNetText(value)) is not a valid value for the \(name) variable.",
                     errorId: "ValidateSetFailure", category: .MetadataError)
    }

    func variableNotWritable(_ name: String) -> RuntimeError {
        RuntimeError(.sessionStateUnauthorizedAccessException, "Cannot overwrite variable \(name) because it is read-only or constant.",
                     errorId: "VariableNotWritable", category: .WriteError, target: .string(name))
    }

    /// A value as .NET's ToString shows it in these messages (`System.Object[]` for an array,
    /// `$null` for nothing).
    static func dotNetText(_ v: Value) -> String {
        switch v {
        case .null: return "$null"
        case .object(let o) where o is PSArray: return "System.Object[]"
        default: return Conversion.toString(v)
        }
    }
}
