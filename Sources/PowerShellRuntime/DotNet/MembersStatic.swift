import Foundation

/// Static members of types: `[int]::MaxValue`, `[string]::Join`, `[datetime]::Now`,
/// constructors (`::new`), and the static classes admin scripts use ([math], [IO.Path], …,
/// in MembersStaticClasses.swift).
enum StaticMembers {
    /// A static property or field (`name` lower-cased); nil when the type has none.
    static func get(_ type: PSType, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        switch type.kind {
        case .int32:
            if name == "maxvalue" { return .int(Int32.max) }
            if name == "minvalue" { return .int(Int32.min) }
        case .int64:
            if name == "maxvalue" { return .long(Int64.max) }
            if name == "minvalue" { return .long(Int64.min) }
        case .double:
            switch name {
            case "maxvalue": return .double(Double.greatestFiniteMagnitude)
            case "minvalue": return .double(-Double.greatestFiniteMagnitude)
            case "nan": return .double(Double.nan)
            case "positiveinfinity": return .double(Double.infinity)
            case "negativeinfinity": return .double(-Double.infinity)
            case "epsilon": return .double(Double.leastNonzeroMagnitude)
            default: break
            }
        case .decimal:
            switch name {
            case "maxvalue": return .decimal(.maxValue)
            case "minvalue": return .decimal(.minValue)
            case "zero": return .decimal(.zero)
            case "one": return .decimal(.one)
            case "minusone": return .decimal(.minusOne)
            default: break
            }
        case .sized(let k):
            let bounds: (Int64, Int64)?
            switch k {
            case .byte: bounds = (0, 255)
            case .sbyte: bounds = (-128, 127)
            case .int16: bounds = (Int64(Int16.min), Int64(Int16.max))
            case .uint16: bounds = (0, Int64(UInt16.max))
            case .uint32: bounds = (0, Int64(UInt32.max))
            default: bounds = nil
            }
            if let (lo, hi) = bounds {
                if name == "maxvalue" { return .sized(SizedNumber(kind: k, integer: hi)) }
                if name == "minvalue" { return .sized(SizedNumber(kind: k, integer: lo)) }
            }
            if k == .uint64 {
                if name == "maxvalue" { return .sized(SizedNumber(uint64: UInt64.max)) }
                if name == "minvalue" { return .sized(SizedNumber(uint64: 0)) }
            }
            if k == .single {
                if name == "maxvalue" { return .sized(SizedNumber(single: Float.greatestFiniteMagnitude)) }
                if name == "minvalue" { return .sized(SizedNumber(single: -Float.greatestFiniteMagnitude)) }
            }
        case .char:
            if name == "maxvalue" { return .char(UInt16.max) }
            if name == "minvalue" { return .char(0) }
        case .bool:
            if name == "truestring" { return .string("True") }
            if name == "falsestring" { return .string("False") }
        case .string:
            if name == "empty" { return .string("") }
        case .datetime:
            switch name {
            case "now": return .object(PSDateTime.now())
            case "utcnow": return .object(PSDateTime.utcNow())
            case "today":
                let n = PSDateTime.now()
                return .object(PSDateTime(ticks: n.dayNumber * Ticks.perDay, kind: .local))
            case "minvalue": return .object(PSDateTime(ticks: 0))
            case "maxvalue": return .object(PSDateTime(ticks: Ticks.max))
            case "unixepoch": return .object(PSDateTime(ticks: Ticks.unixEpoch, kind: .utc))
            default: break
            }
        case .timespan:
            switch name {
            case "zero": return .object(PSTimeSpan.zero)
            case "maxvalue": return .object(PSTimeSpan(ticks: Int64.max))
            case "minvalue": return .object(PSTimeSpan(ticks: Int64.min))
            case "ticksperday": return .long(Ticks.perDay)
            case "ticksperhour": return .long(Ticks.perHour)
            case "ticksperminute": return .long(Ticks.perMinute)
            case "tickspersecond": return .long(Ticks.perSecond)
            case "tickspermillisecond": return .long(Ticks.perMillisecond)
            default: break
            }
        case .guid:
            if name == "empty" { return .object(PSGuid.empty) }
        case .enumeration(let d):
            if let m = d.member(named: name) { return .object(PSEnumValue(d, m.value)) }
        case .psClass(let d):
            try hooks.initializeClass(d)
            var c: PSClassDefinition? = d
            while let def = c {
                if let v = def.staticValues[name] { return v }
                c = def.baseClass
            }
        default:
            break
        }
        return try StaticClasses.get(type.fullName.lowercased(), name, hooks: hooks)
    }

    static func set(_ type: PSType, _ name: String, _ value: Value, hooks: RuntimeHooks) throws {
        let lname = name.lowercased()
        if case .psClass(let d) = type.kind {
            try hooks.initializeClass(d)
            var c: PSClassDefinition? = d
            while let def = c {
                if def.staticValues[lname] != nil || def.staticProperties.contains(where: { $0.name.lowercased() == lname }) {
                    // A class's static property is a .NET property: a value that does not
                    // convert fails as its setter would (ExceptionWhenSetting).
                    do {
                        def.staticValues[lname] = try def.propertyTypes[lname].map { try Conversion.convert(value, to: $0, hooks: hooks) } ?? value
                    } catch let e as RuntimeError {
                        let declared = def.staticProperties.first { $0.name.lowercased() == lname }?.name ?? name
                        throw MemberErrors.setValueInvocation(declared, e.record.exception)
                    }
                    return
                }
                c = def.baseClass
            }
        }
        if type.fullName.lowercased() == "system.environment" && lname == "currentdirectory" {
            _ = FileManager.default.changeCurrentDirectoryPath(Conversion.toString(value, hooks: hooks))
            return
        }
        if try get(type, lname, hooks: hooks) != nil { throw MemberErrors.readOnlyProperty(name) }
        throw MemberErrors.propertyNotFoundForSet(name)
    }

    /// A static method or constructor (`name` lower-cased); nil when the type has none.
    static func invoke(_ type: PSType, _ name: String, _ a: MethodArgs) throws -> Value? {
        if name == "new", let made = try construct(type, a) { return made }
        switch type.kind {
        case .string: return try StaticClasses.string(name, a)
        case .int32, .int64, .double, .decimal, .sized, .bool: return try StaticClasses.number(type, name, a)
        case .char: return try StaticClasses.char(name, a)
        case .datetime: return try StaticClasses.dateTime(name, a)
        case .timespan: return try StaticClasses.timeSpan(name, a)
        case .guid:
            switch name {
            case "newguid":
                try a.expect(0)
                return .object(PSGuid.newGuid())
            case "parse", "tryparse":
                try a.expect(name == "parse" ? 1...1 : 2...2)
                let g = PSGuid.parse(a.string(0))
                if name == "tryparse" { return tryParseResult(g.map { .object($0) }, .object(PSGuid.empty), a) }
                guard let guid = g else { throw MemberFailure.dotnet(.formatException, "Unrecognized Guid format.") }
                return .object(guid)
            default: return nil
            }
        case .version:
            switch name {
            case "parse":
                try a.expect(1)
                guard let v = PSVersion.parse(a.string(0)) else { throw versionFormat(a.string(0)) }
                return .object(v)
            case "tryparse":
                try a.expect(2)
                return tryParseResult(PSVersion.parse(a.string(0)).map { .object($0) }, .null, a)
            default: return nil
            }
        case .semanticVersion: return try PSSemanticVersion.invokeStatic(name, a)
        case .regex: return try RegexMembers.invokeStatic(name, a)
        case .psClass(let d):
            if ObjectMembers.classHasStaticMethod(d, name) { return try a.hooks.invokeClassMethod(d, nil, name, a.values) }
            return nil
        case .enumeration(let d):
            return try StaticClasses.enumeration(d, name, a)
        default:
            break
        }
        if case .object = type.kind, name == "referenceequals" {
            try a.expect(2)
            switch (a[0], a[1]) {
            case (.null, .null): return .bool(true)
            case (.object(let x), .object(let y)): return .bool(x === y)
            default: return .bool(false)   // value types are boxed apart
            }
        }
        if case .array = type.kind, type.fullName == "System.Array" { return try StaticClasses.array(name, a) }
        return try StaticClasses.invoke(type.fullName.lowercased(), name, a)
    }

    /// Sets the `[ref]` out-argument of a TryParse and returns whether parsing worked.
    static func tryParseResult(_ parsed: Value?, _ failed: Value, _ a: MethodArgs) -> Value {
        if case .object(let o) = a[a.count - 1], let r = o as? PSReference { r.value = parsed ?? failed }
        return .bool(parsed != nil)
    }

    static func versionFormat(_ s: String) -> MemberFailure {
        s.isEmpty || !s.contains(".")
            ? .dotnet(.argumentException, "Version string portion was too short or too long. (Parameter 'input')")
            : .dotnet(.formatException, "The input string '\(s)' was not in a correct format.")
    }

    // MARK: - Constructors

    private static func construct(_ type: PSType, _ a: MethodArgs) throws -> Value? {
        if type.genericArguments.count == 2, type.fullName.hasPrefix("System.Collections.Generic.Dictionary`2") {
            return try CollectionMembers.newDictionary(type, a)
        }
        if let c = try PSGenericCollection.construct(type, a) { return c }
        if !type.genericArguments.isEmpty, type.fullName.hasPrefix("System.Tuple`") || type.fullName.hasPrefix("System.ValueTuple`") {
            // `[tuple[string,int]]::new('a', 1)`: one argument per item, each converted.
            guard a.count == type.genericArguments.count else { throw MemberFailure.noOverload }
            var items: [Value] = []
            for (i, t) in type.genericArguments.enumerated() {
                items.append(try CollectionMembers.dictionaryArgument(a[i], t, "item\(i + 1)", a))
            }
            return .object(PSTupleObject(items, types: type.genericArguments, isValueTuple: type.fullName.hasPrefix("System.ValueTuple")))
        }
        switch type.kind {
        case .semanticVersion:
            return .object(try PSSemanticVersion.construct(a))
        case .stringBuilder:
            try a.expect(0...2)
            if a.count == 0 { return .object(PSStringBuilder()) }
            if case .int(let cap) = a[0] {
                if cap < 0 { throw StringMembers.negative("capacity", Int(cap)) }
                return .object(PSStringBuilder("", capacity: Int(cap)))
            }
            return .object(PSStringBuilder(a.string(0), capacity: a.count == 2 ? try a.int(1, "capacity") : 16))
        case .version:
            try a.expect(0...4)
            if a.count == 0 { return .object(PSVersion(0, 0)) }
            if a.count == 1 {
                guard let v = PSVersion.parse(a.string(0)) else { throw versionFormat(a.string(0)) }
                return .object(v)
            }
            var parts: [Int32] = []
            let names = ["major", "minor", "build", "revision"]
            for i in 0..<a.count {
                let n = try a.int(i, names[i])
                if n < 0 { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Version's parameters must be greater than or equal to zero. (Parameter '\(names[i])')") }
                parts.append(Int32(n))
            }
            return .object(PSVersion(parts[0], parts[1], parts.count > 2 ? parts[2] : -1, parts.count > 3 ? parts[3] : -1))
        case .guid:
            try a.expect(0...1)
            if a.count == 0 { return .object(PSGuid.empty) }
            if let bytes = a[0].array {
                let b = bytes.items.compactMap { v -> UInt8? in
                    if case .sized(let n) = v { return UInt8(truncatingIfNeeded: n.integer) }
                    if case .int(let i) = v { return UInt8(truncatingIfNeeded: i) }
                    return nil
                }
                guard b.count == 16 else { throw MemberFailure.dotnet(.argumentException, "Byte array for Guid must be exactly 16 bytes long. (Parameter 'b')") }
                return .object(PSGuid(bytes: [b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6]] + Array(b[8...])))
            }
            guard let g = PSGuid.parse(a.string(0)) else { throw MemberFailure.dotnet(.formatException, "Unrecognized Guid format.") }
            return .object(g)
        case .datetime:
            // DateTime(ticks[, kind]), (y, m, d), (y, m, d, h, mi, s[, ms][, kind]): a last
            // argument that is a DateTimeKind picks the overload that takes one.
            var count = a.count
            var kind = PSDateTime.Kind.unspecified
            let namesKind: Bool = {
                guard case .string(let t) = a[count - 1] else { return false }
                return DotNetEnums.dateTimeKind.member(named: t.trimmingCharacters(in: .whitespaces)) != nil
            }()
            if count == 2 || count == 8 || (count == 7 && (a.isEnum(6, DotNetEnums.dateTimeKind) || namesKind)) {
                kind = PSDateTime.Kind(rawValue: Int(try a.enumValue(count - 1, DotNetEnums.dateTimeKind, "kind"))) ?? .unspecified
                count -= 1
            }
            if count == 1 { return .object(PSDateTime(ticks: try a.long(0, "ticks"), kind: kind)) }
            guard [0, 3, 6, 7].contains(count) else { throw MemberFailure.noOverload }
            if count == 0 { return .object(PSDateTime(ticks: 0)) }
            let names = ["year", "month", "day", "hour", "minute", "second", "millisecond"]
            var p: [Int] = []
            for i in 0..<count { p.append(try a.int(i, names[i])) }
            while p.count < 7 { p.append(0) }
            guard let d = PSDateTime.make(p[0], p[1], p[2], p[3], p[4], p[5], p[6], kind: kind) else {
                throw MemberFailure.dotnet(.argumentOutOfRangeException, "Year, Month, and Day parameters describe an un-representable DateTime.")
            }
            return .object(d)
        case .timespan:
            switch a.count {
            case 0: return .object(PSTimeSpan.zero)
            case 1: return .object(PSTimeSpan(ticks: try a.long(0, "ticks")))
            case 3, 4, 5:
                var p: [Int64] = []
                for i in 0..<a.count { p.append(try a.long(i, ["days", "hours", "minutes", "seconds", "milliseconds"][i])) }
                if a.count == 3 { p.insert(0, at: 0) }
                let ms = p.count == 5 ? p[4] : 0
                let total = (((p[0] * 24 + p[1]) * 60 + p[2]) * 60 + p[3]) * 1000 + ms
                return .object(PSTimeSpan(ticks: total * Ticks.perMillisecond))
            default: throw MemberFailure.noOverload
            }
        case .regex: return try RegexMembers.construct(a)
        case .hashtable, .ordered:
            // Built with `new`, .NET's default comparer applies: keys are case-sensitive unless an
            // IgnoreCase comparer is passed (about_Case-Sensitivity); `@{}` literals differ.
            try a.expect(0...2)
            let ignoreCase = a.values.contains { CollectionMembers.isIgnoreCaseComparer($0) }
            if case .ordered = type.kind { return .object(PSHashtable(ordered: true, caseInsensitive: ignoreCase)) }
            return .object(PSHashtable(caseInsensitive: ignoreCase))
        case .arrayList, .list:
            try a.expect(0...1)
            let kind: PSArray.Kind
            if case .list(let e) = type.kind { kind = .genericList(elementType: e.fullName) } else { kind = .arrayList }
            let list = PSArray([], kind: kind)
            if a.count == 1 {
                if case .int(let cap) = a[0] {
                    if cap < 0 { throw StringMembers.negative("capacity", Int(cap)) }
                    list.items.reserveCapacity(Int(cap))
                } else {
                    if a[0].isNull { throw StringMembers.nullArgument("collection") }
                    if case .list(let e) = type.kind {
                        list.items = try a.items(0).map { try Conversion.convert($0, to: e, hooks: a.hooks) }
                    } else {
                        list.items = a.items(0)
                    }
                }
            }
            return .object(list)
        case .pscustomobject, .psobject:
            try a.expect(0...1)
            return a.count == 0 ? .object(PSCustomObject()) : a[0]
        case .object:
            try a.expect(0)
            return .object(PSCustomObject())
        case .securestring:
            try a.expect(0)
            return .object(PSSecureString())
        case .pscredential:
            try a.expect(2)
            guard case .object(let o) = a[1], let pw = o as? PSSecureString else {
                throw MemberFailure.conversion(parameter: "password", value: a[1], type: "System.Security.SecureString",
                                               message: "Cannot convert the \"\(a.string(1))\" value of type \"\(Members.typeFullName(a[1]))\" to type \"System.Security.SecureString\".")
            }
            return .object(PSCredentialObject(userName: a.string(0), password: pw))
        case .exception(let e):
            return .object(try exception(e, a))
        case .errorRecord:
            return try errorRecord(a)
        case .psClass(let d):
            return try a.hooks.constructClass(d, a.values)
        case .string:
            try a.expect(1...3)
            if a.count == 2, a.isCharLike(0) || a[0].stringValue != nil {
                let c = try a.char(0, "c"), n = try a.int(1, "count")
                if n < 0 { throw StringMembers.negative("count", n) }
                if n > Operators.maxStringLength { throw StringMembers.tooLong() }
                return .string(String(decoding: [UInt16](repeating: c, count: n), as: UTF16.self))
            }
            return .string(String(decoding: try a.chars(0, "value"), as: UTF16.self))
        case .int32, .int64, .double, .decimal, .bool, .char, .sized:
            try a.expect(0)
            return CollectionMembers.defaultValue(type)
        case .array(let e):
            // One length per dimension: `[string[,]]::new(3, 2)`.
            try a.expect(type.rank)
            var lengths: [Int] = []
            for i in 0..<type.rank {
                let n = try a.int(i, "length")
                if n < 0 { throw MemberFailure.dotnet(.overflowException, "Arithmetic operation resulted in an overflow.") }
                lengths.append(n)
            }
            let total = lengths.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
            guard total <= 1 << 28 else { throw MemberFailure.dotnet(.outOfMemoryException, "Array dimensions exceeded supported range.") }
            let array = PSArray([Value](repeating: CollectionMembers.defaultValue(e), count: total),
                                kind: .array(elementType: e.fullName == "System.Object" ? nil : e.fullName))
            if type.rank > 1 { array.dimensions = lengths }
            return .object(array)
        default:
            return try StaticClasses.construct(type.fullName.lowercased(), a)
        }
    }

    /// `[System.ArgumentException]::new('m', 'p')` and friends, with .NET's default messages.
    /// `[System.Management.Automation.ErrorRecord]::new(exception, errorId, category, target)`
    /// (a string converts to an Exception with that message, as through Exception's
    /// constructor), and `::new(errorRecord, exception)`, which copies the record with the
    /// new exception. The category info's target name and type come from the target object.
    private static func errorRecord(_ a: MethodArgs) throws -> Value {
        func exceptionArgument(_ v: Value, _ name: String) throws -> PSExceptionObject {
            switch v {
            case .object(let o as PSExceptionObject): return o
            case .string(let s): return PSExceptionObject(.exception, s)
            case .null: throw StringMembers.nullArgument(name)
            default:
                throw MemberFailure.conversion(parameter: name, value: v, type: "System.Exception",
                                               message: "Cannot convert the \"\(Conversion.toString(v, hooks: a.hooks))\" value of type \"\(Members.typeFullName(v))\" to type \"System.Exception\".")
            }
        }
        if a.count == 2, case .object(let o as ErrorRecord) = a[0] {
            let copy = ErrorRecord(exception: try exceptionArgument(a[1], "replaceParentContainsErrorRecordException"), errorId: o.errorId,
                                   category: o.category, targetObject: o.targetObject, invocationInfo: o.invocationInfo,
                                   errorIdSuffix: o.errorIdSuffix)
            copy.targetDescription = o.targetDescription
            copy.targetTypeName = o.targetTypeName
            return .object(copy)
        }
        try a.expect(4)
        let exception = try exceptionArgument(a[0], "exception")
        let category = a[2].isNull ? .NotSpecified
            : ErrorCategory(rawValue: Int(try a.enumValue(2, DotNetEnums.definition(TypeResolver.errorCategory), "errorCategory"))) ?? .NotSpecified
        let record = ErrorRecord(exception: exception, errorId: a[1].isNull ? "" : a.string(1), category: category, targetObject: a[3])
        if !a[3].isNull {
            // ErrorCategoryInfo.TargetName: the target's .NET ToString (a PSObject's own text).
            if case .object(let o) = a[3], o is PSCustomObject {
                record.targetDescription = Conversion.toString(a[3], hooks: a.hooks)
            } else {
                record.targetDescription = Members.dotnetToString(a[3], hooks: a.hooks)
            }
            record.targetTypeName = Members.typeFullName(a[3]).split(separator: ".").last.map(String.init) ?? ""
        }
        return .object(record)
    }

    private static func exception(_ e: ExceptionType, _ a: MethodArgs) throws -> PSExceptionObject {
        try a.expect(0...3)
        let typeName = e.chain.first ?? "System.Exception"
        var inner: PSExceptionObject?
        if a.count >= 2, case .object(let o) = a[a.count - 1], let ex = o as? PSExceptionObject { inner = ex }
        let message: String
        var extra: [(String, Value)] = []
        switch typeName {
        case "System.ArgumentNullException", "System.ArgumentOutOfRangeException":
            let isNull = typeName == "System.ArgumentNullException"
            let fallback = isNull ? "Value cannot be null." : "Specified argument was out of the range of valid values."
            if a.count == 0 {
                message = fallback
            } else if inner != nil {
                message = a.string(0)
            } else {
                let param = a.string(0)
                let text = a.count >= 2 ? a.string(a.count - 1) : fallback
                message = param.isEmpty ? text : "\(text) (Parameter '\(param)')"
                extra.append(("ParamName", .string(param)))
                if a.count == 3 { extra.append(("ActualValue", a[1])) }
            }
        case "System.ArgumentException":
            if a.count == 0 {
                message = "Value does not fall within the expected range."
            } else if a.count >= 2 && inner == nil {
                let param = a.string(1)
                message = param.isEmpty ? a.string(0) : "\(a.string(0)) (Parameter '\(param)')"
                extra.append(("ParamName", .string(param)))
            } else {
                message = a.string(0)
            }
        default:
            message = a.count == 0 || a[0].isNull ? defaultExceptionMessage(typeName) : a.string(0)
        }
        let ex = PSExceptionObject(typeChain: e.chain, message: message, inner: inner)
        ex.extraProperties = extra
        return ex
    }

    /// The message .NET gives an exception constructed without one.
    static func defaultExceptionMessage(_ typeName: String) -> String {
        switch typeName {
        case "System.FormatException": return "One of the identified items was in an invalid format."
        case "System.InvalidOperationException": return "Operation is not valid due to the current state of the object."
        case "System.DivideByZeroException": return "Attempted to divide by zero."
        case "System.NullReferenceException": return "Object reference not set to an instance of an object."
        case "System.IndexOutOfRangeException": return "Index was outside the bounds of the array."
        case "System.InvalidCastException": return "Specified cast is not valid."
        case "System.NotSupportedException": return "Specified method is not supported."
        case "System.NotImplementedException": return "The method or operation is not implemented."
        case "System.OverflowException": return "Arithmetic operation resulted in an overflow."
        case "System.ArithmeticException": return "Overflow or underflow in the arithmetic operation."
        case "System.Collections.Generic.KeyNotFoundException": return "The given key was not present in the dictionary."
        case "System.IO.IOException": return "I/O error occurred."
        case "System.IO.FileNotFoundException": return "Unable to find the specified file."
        case "System.IO.DirectoryNotFoundException": return "Attempted to access a path that is not on the disk."
        case "System.UnauthorizedAccessException": return "Attempted to perform an unauthorized operation."
        case "System.TimeoutException": return "The operation has timed out."
        case "System.OperationCanceledException": return "The operation was canceled."
        case "System.OutOfMemoryException": return "Insufficient memory to continue the execution of the program."
        case "System.SystemException": return "System error."
        default: return "Exception of type '\(typeName)' was thrown."
        }
    }

    /// The .NET name of a static method for error messages (`Round`, `Join`).
    static func canonicalName(_ type: PSType, _ name: String) -> String {
        name.lowercased() == "new" ? "new" : StaticClasses.canonicalName(name)
    }
}
