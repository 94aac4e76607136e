import Foundation

/// The validation attributes (`[ValidateRange]`, `[ValidateCount]`, …) as pwsh's Attributes.cs
/// has them: how each is built from its arguments (a bad argument makes the attribute itself an
/// error, raised when the command is bound) and how each judges a value. A failure carries the
/// ValidationMetadataException's error id and message (Metadata.resx); the binder wraps it as
/// the inner exception of ParameterArgumentValidationError, as pwsh does.

/// Why a value fails a validation attribute.
public struct ValidationFailure: Error {
    public let id: String
    public let message: String
}

/// `[ValidateRange('Positive')]`: the ValidateRangeKind values.
public enum ValidateRangeKind: String, CaseIterable {
    case positive = "Positive", nonNegative = "NonNegative", negative = "Negative", nonPositive = "NonPositive"
}

extension ParameterValidation {
    // MARK: Building from an attribute's arguments

    /// `[ValidateRange(min, max)]`: min and max of one type (or numbers with a common type),
    /// min not above max.
    public static func makeRange(_ min: Value, _ max: Value) throws -> ParameterValidation {
        if min.isNull || max.isNull {
            throw constructionError("ValidateRange", .argumentNullException, argumentNull(min.isNull ? "minRange" : "maxRange"))
        }
        let minType = Conversion.typeOf(min), maxType = Conversion.typeOf(max)
        if minType.fullName != maxType.fullName && commonType(min, max) == nil {
            throw ValidationFailure(id: "MinRangeNotTheSameTypeOfMaxRange",
                                    message: "The specified minimum range (\(minType.name)) cannot be accepted because it is not the same type as the specified maximum range (\(maxType.name)). Update the ValidateRange attribute for the parameter.").asError
        }
        if let c = try? Operators.compare(min, max, caseSensitive: false), c > 0 {
            throw ValidationFailure(id: "MaxRangeSmallerThanMinRange",
                                    message: "The specified maximum range cannot be accepted because it is less than the specified minimum range. Update the ValidateRange attribute for the parameter.").asError
        }
        return .range(min: min, max: max)
    }

    /// `[ValidateRange('Positive')]`: the argument converted to ValidateRangeKind.
    public static func makeRangeKind(_ v: Value) throws -> ParameterValidation {
        let text = Conversion.toString(v)
        guard let kind = ValidateRangeKind.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else {
            let names = ValidateRangeKind.allCases.map(\.rawValue).joined(separator: ", ")
            let inner = PSExceptionObject(.psInvalidCastException, "Cannot convert value \"\(text)\" to type \"System.Management.Automation.ValidateRangeKind\". Error: \"Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names)\"")
            inner.recordTemplate = ("SubstringDisambiguationEnumParseThrewAnException", .InvalidArgument)
            throw constructionError("ValidateRange", inner)
        }
        return .rangeKind(kind)
    }

    /// `[ValidateCount(min, max)]` and `[ValidateLength(min, max)]`: min ≥ 0, max > 0, max ≥ min.
    public static func makeCountOrLength(_ attribute: String, _ min: Int, _ max: Int) throws -> ParameterValidation {
        let isCount = attribute == "ValidateCount"
        if min < 0 { throw constructionError(attribute, .argumentOutOfRangeException, argumentOutOfRange("minLength")) }
        if max <= 0 { throw constructionError(attribute, .argumentOutOfRangeException, argumentOutOfRange("maxLength")) }
        if max < min {
            let message = isCount
                ? "The specified maximum number of arguments for a parameter is fewer than the specified minimum number of arguments. Update the ValidateCount attribute for the parameter."
                : "The specified maximum character length of the argument is shorter than the specified minimum argument character length. Update the ValidateLength attribute for the parameter."
            throw ValidationFailure(id: isCount ? "ValidateRangeMaxLengthSmallerThanMinLength" : "ValidateLengthMaxLengthSmallerThanMinLength",
                                    message: message).asError
        }
        return isCount ? .count(min: min, max: max) : .length(min: min, max: max)
    }

    private static func argumentNull(_ name: String) -> String {
        "Cannot process argument because the value of argument \"\(name)\" is null. Change the value of argument \"\(name)\" to a non-null value."
    }

    private static func argumentOutOfRange(_ name: String) -> String {
        "Cannot process argument because the value of argument \"\(name)\" is out of range. Change argument \"\(name)\" to a value that is within range."
    }

    /// ExceptionConstructingAttribute: an attribute whose constructor threw something other
    /// than a PowerShell error.
    static func constructionError(_ attribute: String, _ type: ExceptionType, _ message: String) -> RuntimeError {
        constructionError(attribute, PSExceptionObject(type, message))
    }

    static func constructionError(_ attribute: String, _ inner: PSExceptionObject) -> RuntimeError {
        let ex = PSExceptionObject(.metadataException, "The following exception occurred while constructing the attribute \"\(attribute)\": \"\(inner.message)\"", inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "ExceptionConstructingAttribute", category: .InvalidOperation))
    }

    // MARK: Judging a value

    /// ValidateNotNullOrAttributeBase on a collection: empty, a null element, or a blank string
    /// element fails. Only a collection of strings holds strings to judge: the elements of a
    /// PSObject[] or object[] parameter are wrapped objects, which pwsh does not look into.
    static func collectionFailure(_ a: PSArray, blankId: String, isBlank: (String) -> Bool, message: String) -> ValidationFailure? {
        if a.items.isEmpty { return ValidationFailure(id: "ArgumentIsEmpty", message: message) }
        let ofStrings = holdsStrings(a)
        for item in a.items {
            if item.isNull { return ValidationFailure(id: "ArgumentIsNull", message: message) }
            if ofStrings, case .string(let s) = item, isBlank(s) { return ValidationFailure(id: blankId, message: message) }
        }
        return nil
    }

    /// Whether a bound collection is one of strings (`string[]`, `List[string]`).
    static func holdsStrings(_ a: PSArray) -> Bool {
        switch a.kind {
        case .array(let element): return element == "System.String"
        case .genericList(let element): return element == "System.String"
        default: return false
        }
    }

    /// The failure of `value` under this rule, nil when it passes.
    public func failure(_ value: Value, context: ExecutionContext) -> ValidationFailure? {
        let items = Conversion.enumerate(value) ?? [value]
        switch self {
        case .set(let allowed, let ignoreCase, let errorMessage):
            for item in items {
                let s = Conversion.toString(item, hooks: context.hooks)
                if !allowed.contains(where: { ignoreCase ? $0.caseInsensitiveCompare(s) == .orderedSame : $0 == s }) {
                    // The set joined with the culture's list separator ("," for en-US).
                    let set = allowed.joined(separator: ",")
                    let custom = errorMessage.flatMap { try? CompositeFormat.format($0, [item, .string(set)], hooks: context.hooks) }
                    return ValidationFailure(id: "ValidateSetFailure", message: custom ?? "The argument \"\(s)\" does not belong to the set \"\(set)\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.")
                }
            }
        case .range(let lo, let hi):
            for item in items {
                if let f = ParameterValidation.rangeFailure(item, lo, hi) { return f }
            }
        case .rangeKind(let kind):
            for item in items {
                if let f = ParameterValidation.rangeKindFailure(item, kind) { return f }
            }
        case .length(let lo, let hi):
            for item in items {
                guard case .string(let s) = item else {
                    return ValidationFailure(id: "ValidateLengthNotString", message: "The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.")
                }
                let n = s.utf16.count
                if n < lo { return ValidationFailure(id: "ValidateLengthMinLengthFailure", message: "The character length (\(n)) of the argument is too short. Specify an argument with a length that is greater than or equal to \"\(lo)\", and then try the command again.") }
                if n > hi { return ValidationFailure(id: "ValidateLengthMaxLengthFailure", message: "The character length of the \(n) argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"\(hi)\" characters, and then try the command again.") }
            }
        case .count(let lo, let hi):
            let n = value.isNull ? 0 : items.count
            if lo == hi && n != hi {
                return ValidationFailure(id: "ValidateCountExactFailure", message: "The parameter requires exactly \(hi) value(s) - \(n) value(s) were provided.")
            }
            if n < lo || n > hi {
                return ValidationFailure(id: "ValidateCountMinMaxFailure", message: "The parameter requires at least \(lo) value(s) and no more than \(hi) value(s) - \(n) value(s) were provided.")
            }
        case .pattern(let pattern, let errorMessage):
            for item in items {
                let s = Conversion.toString(item, hooks: context.hooks)
                let matched = (try? Operators.binary(.match, .string(s), .string(pattern), hooks: RuntimeHooks())).map { Conversion.toBool($0) } ?? false
                if !matched {
                    let custom = errorMessage.flatMap { try? CompositeFormat.format($0, [item, .string(pattern)], hooks: context.hooks) }
                    return ValidationFailure(id: "ValidatePatternFailure", message: custom ?? "The argument \"\(s)\" does not match the \"\(pattern)\" pattern. Supply an argument that matches \"\(pattern)\" and try the command again.")
                }
            }
        case .notNull:
            if value.isNull { return ValidationFailure(id: "ArgumentIsNull", message: "The argument is null. Provide a valid value for the argument, and then try running the command again.") }
        case .notNullOrEmpty:
            let message = "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
            if value.isNull { return ValidationFailure(id: "ArgumentIsNullOrEmpty", message: message) }
            if case .string(let s) = value, s.isEmpty { return ValidationFailure(id: "ArgumentIsEmpty", message: message) }
            if let a = value.array {
                return ParameterValidation.collectionFailure(a, blankId: "ArgumentCollectionContainsEmpty", isBlank: { $0.isEmpty },
                    message: "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.")
            }
        case .notNullOrWhiteSpace:
            if let a = value.array {
                return ParameterValidation.collectionFailure(a, blankId: "ArgumentCollectionContainsEmptyOrWhiteSpace",
                    isBlank: { $0.trimmingCharacters(in: .whitespaces).isEmpty },
                    message: "An element of the argument collection is null, empty, or consists of only white-space characters. Supply a collection that does not contain any those values and then try the command again.")
            } else if value.isNull || Conversion.toString(value).trimmingCharacters(in: .whitespaces).isEmpty {
                return ValidationFailure(id: "ArgumentIsNullOrWhiteSpace", message: "The argument is null, empty, or consists of only white-space characters. Provide an argument that contains non white-space characters, and then try the command again.")
            }
        case .check(let refusal):
            // NOTE: pwsh's cmdlet-defined validators set no error id of their own; the id here
            // names the exception.
            for item in items { if let message = refusal(item) { return ValidationFailure(id: "ValidationMetadataException", message: message) } }
        case .script(let sb, let errorMessage):
            for item in items {
                let out = (try? context.invokeScriptBlock(sb, args: [], dollarUnder: item)) ?? []
                if !Conversion.toBool(context.collapse(out)) {
                    let custom = errorMessage.flatMap { try? CompositeFormat.format($0, [item, .string(sb.text)], hooks: context.hooks) }
                    return ValidationFailure(id: "ValidateScriptFailure", message: custom ?? "The \"\(sb.text)\" validation script for the argument with value \"\(Conversion.toString(item))\" did not return a result of True. Determine why the validation script failed, and then try the command again.")
                }
            }
        }
        return nil
    }

    /// ValidateRange(min, max) on one element: converted to the limits' type first.
    private static func rangeFailure(_ item: Value, _ lo: Value, _ hi: Value) -> ValidationFailure? {
        var element = item
        let type = commonType(lo, hi) ?? Conversion.typeOf(lo)
        if Conversion.typeOf(item).fullName != type.fullName {
            guard let converted = Conversion.tryConvert(item, to: type) else {
                return elementTypeFailure(item, Conversion.typeOf(lo).name)
            }
            element = converted
        }
        if let c = try? Operators.compare(element, lo, caseSensitive: false), c < 0 {
            return ValidationFailure(id: "ValidateRangeTooSmall", message: "The \(Conversion.toString(element)) argument is less than the minimum allowed range of \(Conversion.toString(lo)). Supply an argument that is greater than or equal to \(Conversion.toString(lo)) and then try the command again.")
        }
        if let c = try? Operators.compare(element, hi, caseSensitive: false), c > 0 {
            return ValidationFailure(id: "ValidateRangeTooBig", message: "The \(Conversion.toString(element)) argument is greater than the maximum allowed range of \(Conversion.toString(hi)). Supply an argument that is less than or equal to \(Conversion.toString(hi)) and then try the command again.")
        }
        return nil
    }

    /// ValidateRange(kind) on one element: compared with zero of its common type with Int32.
    private static func rangeKindFailure(_ item: Value, _ kind: ValidateRangeKind) -> ValidationFailure? {
        if item.isNull { return ValidationFailure(id: "ArgumentIsEmpty", message: "The argument is null. Provide a valid value for the argument, and then try running the command again.") }
        let c: Int
        let text: String
        if case .object(let o) = item, let span = o as? PSTimeSpan {
            // A TimeSpan is judged against TimeSpan.Zero (ValidateRangeAttribute.ValidateTimeSpanRange).
            c = span.ticks > 0 ? -1 : (span.ticks < 0 ? 1 : 0)
            text = Conversion.toString(item)
        } else {
            guard let type = commonType(.int(0), item) else { return elementTypeFailure(item, "Int32") }
            guard let element = Conversion.tryConvert(item, to: type), let zero = Conversion.tryConvert(.int(0), to: type),
                  let order = try? Operators.compare(zero, element, caseSensitive: false) else {
                return elementTypeFailure(item, type.name)
            }
            c = order
            text = Conversion.toString(element)
        }
        switch kind {
        case .positive where c >= 0:
            return ValidationFailure(id: "ValidateRangePositiveFailure", message: "The argument \"\(text)\" cannot be validated because its value is not greater than zero.")
        case .nonNegative where c > 0:
            return ValidationFailure(id: "ValidateRangeNonNegativeFailure", message: "The argument \"\(text)\" cannot be validated because its value is not greater than or equal to zero.")
        case .negative where c <= 0:
            return ValidationFailure(id: "ValidateRangeNegativeFailure", message: "The argument \"\(text)\" cannot be validated because its value is not less than zero.")
        case .nonPositive where c < 0:
            return ValidationFailure(id: "ValidateRangeNonPositiveFailure", message: "The argument \"\(text)\" cannot be validated because its value is not less than or equal to zero.")
        default:
            return nil
        }
    }

    private static func elementTypeFailure(_ item: Value, _ typeName: String) -> ValidationFailure {
        let actual = Conversion.typeOf(item).name
        return ValidationFailure(id: "ValidationRangeElementType", message: "The argument cannot be validated because its type \"\(actual)\" is not the same type (\(typeName)) as the maximum and minimum limits of the parameter. Make sure the argument is of type \(typeName) and then try the command again.")
    }

    /// ValidateRangeAttribute.GetCommonType: the type two numbers compare in (by .NET type
    /// code: up to Int32 → Int32, UInt32 → UInt32 or Double when one is signed, Int64,
    /// UInt64 likewise, Decimal, Single/Double → Double); nil for anything else.
    static func commonType(_ a: Value, _ b: Value) -> PSType? {
        func code(_ v: Value) -> Int? {
            switch v {
            case .bool: return 3
            case .char: return 4
            case .int: return 9
            case .long: return 11
            case .double: return 14
            case .decimal: return 15
            case .sized(let n):
                switch n.kind {
                case .sbyte: return 5
                case .byte: return 6
                case .int16: return 7
                case .uint16: return 8
                case .uint32: return 10
                case .uint64: return 12
                case .single: return 13
                case .bigInteger: return nil
                }
            default: return nil
            }
        }
        guard let ca = code(a), let cb = code(b) else { return nil }
        let signed: (Int) -> Bool = { [5, 7, 9, 11].contains($0) }
        let top = Swift.max(ca, cb)
        if top <= 9 { return TypeResolver.int32 }
        if top <= 10 { return signed(ca) || signed(cb) ? TypeResolver.double : TypeResolver.uint32 }
        if top <= 11 { return TypeResolver.int64 }
        if top <= 12 { return signed(ca) || signed(cb) ? TypeResolver.double : TypeResolver.uint64 }
        if top == 15 { return TypeResolver.decimal }
        return TypeResolver.double
    }
}

extension ValidationFailure {
    /// A failure raised where no parameter is being bound (an attribute's own arguments):
    /// ValidationMetadataException with this id.
    var asError: RuntimeError {
        RuntimeError(ErrorRecord(exception: PSExceptionObject(.validationMetadataException, message), errorId: id, category: .MetadataError))
    }
}
