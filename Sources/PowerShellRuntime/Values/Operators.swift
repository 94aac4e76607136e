import Foundation
import PowerShellSyntax

/// PowerShell's operators. The left operand decides the operation: a number does arithmetic
/// (the right converts to a number), a string concatenates or repeats, an array appends,
/// filters or repeats, a hashtable merges. `-and`/`-or` short-circuit in the interpreter;
/// everything else is here.
public enum Operators {
    // MARK: Dispatch

    public static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, hooks: RuntimeHooks) throws -> Value {
        switch op {
        case .add: return try add(left, right, hooks: hooks)
        case .subtract: return try arithmetic(.sub, left, right, hooks: hooks)
        case .multiply: return try multiply(left, right, hooks: hooks)
        case .divide: return try arithmetic(.div, left, right, hooks: hooks)
        case .remainder: return try arithmetic(.rem, left, right, hooks: hooks)
        case .and: return .bool(Conversion.toBool(left) && Conversion.toBool(right))
        case .or: return .bool(Conversion.toBool(left) || Conversion.toBool(right))
        case .xor: return .bool(Conversion.toBool(left) != Conversion.toBool(right))
        case .band: return try bitwise(.and, left, right, hooks: hooks)
        case .bor: return try bitwise(.or, left, right, hooks: hooks)
        case .bxor: return try bitwise(.xor, left, right, hooks: hooks)
        case .shl: return try shift(left: true, left, right, hooks: hooks)
        case .shr: return try shift(left: false, left, right, hooks: hooks)
        case .range: return try range(left, right, hooks: hooks)
        case .format: return .string(try format(left, right, hooks: hooks))
        case .join: return .string(join(left, right, hooks: hooks))
        case .split, .isplit: return try split(left, right, caseSensitive: false, hooks: hooks)
        case .csplit: return try split(left, right, caseSensitive: true, hooks: hooks)
        case .replace, .ireplace: return try replace(left, right, caseSensitive: false, hooks: hooks)
        case .creplace: return try replace(left, right, caseSensitive: true, hooks: hooks)
        case .isType: return .bool(Conversion.isInstance(left, of: try typeOperand(right, "-is", hooks: hooks)))
        case .isNotType: return .bool(!Conversion.isInstance(left, of: try typeOperand(right, "-isnot", hooks: hooks)))
        case .asType: return Conversion.tryConvert(left, to: try typeOperand(right, "-as", hooks: hooks), hooks: hooks) ?? .null
        case .nullCoalesce: return left.isNull ? right : left
        case .eq, .ieq: return try comparison(.eq, left, right, caseSensitive: false, hooks: hooks)
        case .ceq: return try comparison(.eq, left, right, caseSensitive: true, hooks: hooks)
        case .ne, .ine: return try comparison(.ne, left, right, caseSensitive: false, hooks: hooks)
        case .cne: return try comparison(.ne, left, right, caseSensitive: true, hooks: hooks)
        case .gt, .igt: return try comparison(.gt, left, right, caseSensitive: false, hooks: hooks)
        case .cgt: return try comparison(.gt, left, right, caseSensitive: true, hooks: hooks)
        case .ge, .ige: return try comparison(.ge, left, right, caseSensitive: false, hooks: hooks)
        case .cge: return try comparison(.ge, left, right, caseSensitive: true, hooks: hooks)
        case .lt, .ilt: return try comparison(.lt, left, right, caseSensitive: false, hooks: hooks)
        case .clt: return try comparison(.lt, left, right, caseSensitive: true, hooks: hooks)
        case .le, .ile: return try comparison(.le, left, right, caseSensitive: false, hooks: hooks)
        case .cle: return try comparison(.le, left, right, caseSensitive: true, hooks: hooks)
        case .like, .ilike: return try like(left, right, caseSensitive: false, negate: false, hooks: hooks)
        case .clike: return try like(left, right, caseSensitive: true, negate: false, hooks: hooks)
        case .notlike, .inotlike: return try like(left, right, caseSensitive: false, negate: true, hooks: hooks)
        case .cnotlike: return try like(left, right, caseSensitive: true, negate: true, hooks: hooks)
        case .match, .imatch: return try match(left, right, caseSensitive: false, negate: false, hooks: hooks)
        case .cmatch: return try match(left, right, caseSensitive: true, negate: false, hooks: hooks)
        case .notmatch, .inotmatch: return try match(left, right, caseSensitive: false, negate: true, hooks: hooks)
        case .cnotmatch: return try match(left, right, caseSensitive: true, negate: true, hooks: hooks)
        case .contains, .icontains: return .bool(contains(left, right, caseSensitive: false, hooks: hooks))
        case .ccontains: return .bool(contains(left, right, caseSensitive: true, hooks: hooks))
        case .notcontains, .inotcontains: return .bool(!contains(left, right, caseSensitive: false, hooks: hooks))
        case .cnotcontains: return .bool(!contains(left, right, caseSensitive: true, hooks: hooks))
        case .inOp, .iin: return .bool(contains(right, left, caseSensitive: false, hooks: hooks))
        case .cin: return .bool(contains(right, left, caseSensitive: true, hooks: hooks))
        case .notin, .inotin: return .bool(!contains(right, left, caseSensitive: false, hooks: hooks))
        case .cnotin: return .bool(!contains(right, left, caseSensitive: true, hooks: hooks))
        }
    }

    public static func unary(_ op: UnaryOperator, _ operand: Value, hooks: RuntimeHooks) throws -> Value {
        switch op {
        case .not: return .bool(!Conversion.toBool(operand))
        case .negate:
            if case .int(let i) = operand, i != Int32.min { return .int(-i) }
            if case .double(let d) = operand { return .double(-d) }
            return try arithmetic(.sub, .int(0), operand, hooks: hooks)
        case .plus:
            if case .string(let s) = operand { return try numberFromString(s, hooks: hooks) }
            return try add(.int(0), operand, hooks: hooks)
        case .bnot: return try bitwiseNot(operand, hooks: hooks)
        case .split: return unarySplit(operand, hooks: hooks)
        case .join: return .string(join(operand, .string(""), hooks: hooks))
        case .comma: return .object(PSArray([operand]))
        case .preIncrement, .postIncrement: return try increment(operand, by: 1)
        case .preDecrement, .postDecrement: return try increment(operand, by: -1)
        }
    }

    /// `++`/`--`: null becomes ±1; only numbers otherwise.
    public static func increment(_ v: Value, by: Int) throws -> Value {
        switch v {
        case .int(let i):
            let r = i.addingReportingOverflow(Int32(clamping: by))
            return r.overflow ? .double(Double(i) + Double(by)) : .int(r.partialValue)
        case .null: return .int(Int32(clamping: by))
        case .long, .double, .decimal, .sized:
            return try add(v, .int(Int32(clamping: by)), hooks: RuntimeHooks())
        default:
            let opText = by >= 0 ? "++" : "--"
            throw RuntimeError(.runtimeException,
                               "The '\(opText)' operator works only on numbers. The operand is a '\(Conversion.typeOf(v).fullName)'.",
                               errorId: "OperatorRequiresNumber", category: .InvalidOperation)
        }
    }

    // MARK: Errors

    static func divideByZero() -> RuntimeError {
        let inner = PSExceptionObject(.divideByZeroException, "Attempted to divide by zero.")
        let ex = PSExceptionObject(.runtimeException, "Attempted to divide by zero.", inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "RuntimeException", category: .NotSpecified))
    }

    static func decimalOverflow() -> RuntimeError {
        let msg = "Value was either too large or too small for a Decimal."
        let inner = PSExceptionObject(.overflowException, msg)
        let ex = PSExceptionObject(.runtimeException, msg, inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "RuntimeException", category: .NotSpecified))
    }

    static func methodNotFound(_ v: Value, _ method: String) -> RuntimeError {
        var name = Conversion.typeOf(v).fullName
        if v.reference is PSCustomObject { name = "System.Management.Automation.PSObject" }
        return RuntimeError(.methodException, "Method invocation failed because [\(name)] does not contain a method named '\(method)'.",
                            errorId: "MethodNotFound", category: .InvalidOperation, target: v)
    }

    // MARK: Type operands

    static func typeOperand(_ r: Value, _ op: String, hooks: RuntimeHooks) throws -> PSType {
        if case .object(let o) = r, let t = o as? PSTypeObject { return t.type }
        if case .string(let s) = r {
            if let t = TypeResolver.resolve(name: s, hooks: hooks) { return t }
            // A string that names no type fails as a conversion to System.Type (pwsh reports
            // RuntimeException; `[foo]` written as a type literal is the interpreter's TypeNotFound).
            throw RuntimeError(.runtimeException, "Cannot convert the \"\(s)\" value of type \"System.String\" to type \"System.Type\".",
                               errorId: "RuntimeException", category: .InvalidArgument, target: r)
        }
        let id = op == "-as" ? "AsOperatorRequiresType" : "IsOperatorRequiresType"
        throw RuntimeError(.runtimeException, "The right operand of '\(op == "-isnot" ? "-is" : op)' must be a type.",
                           errorId: id, category: .InvalidOperation)
    }
}
