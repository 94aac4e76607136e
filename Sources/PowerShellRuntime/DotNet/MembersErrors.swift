import Foundation

/// What a .NET member implementation throws: a .NET exception (wrapped by the dispatcher into
/// pwsh's MethodInvocationException, "Exception calling …"), or an overload that does not fit.
/// Implementations never build the wrapped record themselves, so the method name and argument
/// count in the message always come from the one place that knows them.
enum MemberFailure: Error {
    /// A .NET exception thrown by the method, e.g. ArgumentOutOfRangeException.
    case dotnet(ExceptionType, String)
    /// No overload takes this many (or these) arguments: MethodCountCouldNotFindBest.
    case noOverload
    /// An argument could not be converted to the parameter type.
    case conversion(parameter: String, value: Value, type: String, message: String)
}

/// The errors member access raises, with pwsh's texts (ParserStrings.resx and
/// ExtendedTypeSystem.resx) and error ids.
public enum MemberErrors {
    /// `Method invocation failed because [System.String] does not contain a method named 'Foo'.`
    public static func methodNotFound(_ typeFullName: String, _ method: String) -> RuntimeError {
        RuntimeError(.runtimeException,
                     "Method invocation failed because [\(typeFullName)] does not contain a method named '\(method)'.",
                     errorId: "MethodNotFound", category: .InvalidOperation)
    }

    /// `$null.Foo()`.
    public static func invokeMethodOnNull() -> RuntimeError {
        RuntimeError(.runtimeException, "You cannot call a method on a null-valued expression.",
                     errorId: "InvokeMethodOnNull", category: .InvalidOperation)
    }

    /// `Cannot find an overload for "Substring" and the argument count: "3".`
    public static func noOverload(_ method: String, _ count: Int) -> RuntimeError {
        RuntimeError(.methodException,
                     "Cannot find an overload for \"\(method)\" and the argument count: \"\(count)\".",
                     errorId: "MethodCountCouldNotFindBest", category: .NotSpecified)
    }

    /// `Exception calling "Substring" with "1" argument(s): "…"`: errorId is the inner
    /// exception's short type name, as pwsh's ConvertToMethodInvocationException does.
    public static func invocation(_ method: String, _ count: Int, _ inner: PSExceptionObject) -> RuntimeError {
        let ex = PSExceptionObject(.methodInvocationException,
                                   "Exception calling \"\(method)\" with \"\(count)\" argument(s): \"\(inner.message)\"",
                                   inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: inner.typeName, category: .NotSpecified))
    }

    /// `Cannot convert argument "startIndex", with value: "x", for "Substring" to type "System.Int32": "…"`
    public static func argumentConversion(_ method: String, parameter: String, value: String, type: String, message: String) -> RuntimeError {
        RuntimeError(.methodException,
                     "Cannot convert argument \"\(parameter)\", with value: \"\(value)\", for \"\(method)\" to type \"\(type)\": \"\(message)\"",
                     errorId: "MethodArgumentConversionInvalidCastArgument", category: .NotSpecified)
    }

    /// Assigning a property that does not exist: errorId PropertyAssignmentException
    /// (PropertyNotFound when the target is $null).
    public static func propertyNotFoundForSet(_ name: String, targetIsNull: Bool = false) -> RuntimeError {
        RuntimeError(.runtimeException,
                     "The property '\(name)' cannot be found on this object. Verify that the property exists and can be set.",
                     errorId: targetIsNull ? "PropertyNotFound" : "PropertyAssignmentException", category: .InvalidOperation)
    }

    /// `'Length' is a ReadOnly property.`
    public static func readOnlyProperty(_ name: String) -> RuntimeError {
        RuntimeError(.runtimeException, "'\(name)' is a ReadOnly property.",
                     errorId: "PropertyAssignmentException", category: .InvalidOperation)
    }

    /// `Exception setting "X": "…"` (a setter that threw).
    public static func setValueInvocation(_ name: String, _ inner: PSExceptionObject) -> RuntimeError {
        let ex = PSExceptionObject(.setValueInvocationException, "Exception setting \"\(name)\": \"\(inner.message)\"", inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "ExceptionWhenSetting", category: .NotSpecified))
    }

    /// Turns what an implementation threw into the error pwsh reports for the call.
    static func wrap(_ error: Error, method: String, argCount: Int, hooks: RuntimeHooks) -> Error {
        guard let failure = error as? MemberFailure else { return error }
        switch failure {
        case .dotnet(let type, let message):
            return invocation(method, argCount, PSExceptionObject(type, message))
        case .noOverload:
            return noOverload(method, argCount)
        case .conversion(let parameter, let value, let type, let message):
            return argumentConversion(method, parameter: parameter, value: Conversion.toString(value, hooks: hooks), type: type, message: message)
        }
    }
}
