import Foundation

/// Static methods of the value types and the .NET static classes admin scripts use.
enum StaticClasses {
    /// Canonical .NET spellings of static method names, for error messages.
    private static let canonical: [String: String] = {
        let names = ["Abs", "Acos", "Asin", "Atan", "Atan2", "Ceiling", "Clamp", "Cos", "Cosh", "DivRem", "Exp", "Floor",
                     "Log", "Log10", "Log2", "Max", "Min", "Pow", "Round", "Sign", "Sin", "Sinh", "Sqrt", "Tan", "Tanh",
                     "Truncate", "Cbrt", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Join", "Format", "Concat", "Compare",
                     "CompareOrdinal", "Equals", "Parse", "TryParse", "ParseExact", "TryParseExact", "IsDigit", "IsLetter",
                     "IsLetterOrDigit", "IsUpper", "IsLower", "IsWhiteSpace", "IsPunctuation", "IsNumber", "IsControl",
                     "IsSymbol", "IsSeparator", "ToUpper", "ToLower", "GetNumericValue", "ConvertFromUtf32", "IsNaN",
                     "IsInfinity", "IsPositiveInfinity", "IsNegativeInfinity", "IsFinite", "Combine", "GetFileName",
                     "GetExtension", "GetFileNameWithoutExtension", "GetDirectoryName", "GetTempPath", "GetTempFileName",
                     "GetFullPath", "IsPathRooted", "ChangeExtension", "HasExtension", "GetRandomFileName", "Exists",
                     "ReadAllText", "WriteAllText", "ReadAllLines", "WriteAllLines", "AppendAllText", "Delete",
                     "GetFiles", "GetDirectories", "CreateDirectory", "GetCurrentDirectory", "GetEnvironmentVariable",
                     "SetEnvironmentVariable", "GetEnvironmentVariables", "ToBase64String", "FromBase64String",
                     "ToInt32", "ToInt64", "ToString", "ToDouble", "ToBoolean", "ToByte", "ToHexString", "FromHexString",
                     "GetBytes", "GetString", "IndexOf", "LastIndexOf", "Reverse", "Sort", "Empty", "Clear", "Copy",
                     "GetNames", "GetValues", "IsDefined", "FromDays", "FromHours", "FromMinutes", "FromSeconds",
                     "FromMilliseconds", "FromTicks", "DaysInMonth", "IsLeapYear", "SpecifyKind", "NewGuid", "Escape",
                     "Unescape", "Match", "Matches", "IsMatch", "Replace", "Split", "EscapeDataString",
                     "UnescapeDataString", "UrlEncode", "UrlDecode", "HtmlEncode", "HtmlDecode", "Exit"]
        var map: [String: String] = [:]
        for n in names { map[n.lowercased()] = n }
        return map
    }()

    static func canonicalName(_ name: String) -> String { canonical[name.lowercased()] ?? name }

    // MARK: - Static properties of static classes

    static func get(_ type: String, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        if type == "system.console" { return ConsoleMembers.get(name, hooks: hooks) }
        switch (type, name) {
        case ("system.math", "pi"): return .double(Double.pi)
        case ("system.math", "e"): return .double(M_E)
        case ("system.math", "tau"): return .double(2 * Double.pi)
        case ("system.gc", "maxgeneration"): return .int(2)
        case ("system.environment", "newline"): return .string("\n")
        case ("system.environment", "machinename"): return .string(ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost")
        case ("system.environment", "username"): return .string(ProcessInfo.processInfo.environment["USER"] ?? NSUserName())
        case ("system.environment", "userdomainname"): return .string(ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost")
        case ("system.environment", "processorcount"): return .int(Int32(clamping: ProcessInfo.processInfo.activeProcessorCount))
        case ("system.environment", "currentdirectory"): return .string(FileManager.default.currentDirectoryPath)
        case ("system.environment", "is64bitprocess"), ("system.environment", "is64bitoperatingsystem"): return .bool(true)
        case ("system.environment", "processid"): return .int(ProcessInfo.processInfo.processIdentifier)
        case ("system.environment", "processpath"): return .string(ExecutionContext.processPath)
        case ("system.environment", "tickcount"): return .int(Int32(truncatingIfNeeded: Int64(ProcessInfo.processInfo.systemUptime * 1000)))
        case ("system.environment", "tickcount64"): return .long(Int64(ProcessInfo.processInfo.systemUptime * 1000))
        case ("system.environment", "systemdirectory"): return .string("")
        case ("system.io.path", "directoryseparatorchar"), ("system.io.path", "altdirectoryseparatorchar"): return .char(0x2F)
        case ("system.io.path", "pathseparator"): return .char(0x3A)
        case ("system.io.path", "volumeseparatorchar"): return .char(0x2F)
        case ("system.text.encoding", "utf8"): return .object(PSEncoding(.utf8))
        case ("system.text.encoding", "ascii"): return .object(PSEncoding(.ascii))
        case ("system.text.encoding", "unicode"): return .object(PSEncoding(.utf16LE))
        case ("system.text.encoding", "bigendianunicode"): return .object(PSEncoding(.utf16BE))
        case ("system.text.encoding", "utf32"): return .object(PSEncoding(.utf32LE))
        case ("system.text.encoding", "default"): return .object(PSEncoding(.utf8))
        case ("system.text.encoding", "latin1"): return .object(PSEncoding(.latin1))
        case ("system.string", "empty"): return .string("")
        case ("system.dbnull", "value"): return .null
        case ("system.stringcomparer", let n) where PSStringComparer.kinds.contains(n):
            return .object(PSStringComparer(n))
        default: return nil
        }
    }

    // MARK: - System.String

    static func string(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "isnullorempty":
            try a.expect(1)
            return .bool(a[0].isNull || a.string(0).isEmpty)
        case "isnullorwhitespace":
            try a.expect(1)
            return .bool(a[0].isNull || a.string(0).utf16.allSatisfy(StringMembers.isWhiteSpace))
        case "join":
            guard a.count >= 2 else { throw MemberFailure.noOverload }
            let sep = a.string(0)
            var items = Array(a.values.dropFirst())
            if items.count == 1, let arr = items[0].array { items = arr.items }
            if a.count == 4, let arr = a[1].array {
                let start = try a.int(2, "startIndex"), n = try a.int(3, "count")
                guard start >= 0, n >= 0, start <= arr.count - n else { throw StringMembers.outOfRange("startIndex") }
                items = Array(arr.items[start..<(start + n)])
            }
            return .string(items.map { Members.dotnetToString($0, hooks: a.hooks) }.joined(separator: sep))
        case "concat":
            var items = a.values
            if items.count == 1, let arr = items[0].array { items = arr.items }
            return .string(items.map { Members.dotnetToString($0, hooks: a.hooks) }.joined())
        case "format":
            guard a.count >= 1 else { throw MemberFailure.noOverload }
            var rest = Array(a.values.dropFirst())
            if rest.count == 1, let arr = rest[0].array { rest = arr.items }
            let template = a.string(0)
            do {
                return .string(try CompositeFormat.format(template, rest, hooks: a.hooks))
            } catch let e as RuntimeError {
                throw MemberFailure.dotnet(.formatException, e.record.exception.innerException?.message ?? e.record.exception.message)
            }
        case "compare":
            try a.expect(2...3)
            if a[0].isNull || a[1].isNull { return .int(a[0].isNull ? (a[1].isNull ? 0 : -1) : 1) }
            var ignore = false
            if a.count == 3 { ignore = try StringMembers.ignoreCase(a, 2) }
            let ordinal: Bool = {
                guard a.count == 3, let v = DotNetEnums.value(of: a[2], in: DotNetEnums.stringComparison) else { return false }
                return v >= 4
            }()
            if ordinal {
                let x = ignore ? a.string(0).uppercased() : a.string(0), y = ignore ? a.string(1).uppercased() : a.string(1)
                return .int(Int32(ordinalCompare(x, y)))
            }
            return .int(Int32(StringMembers.cultureCompare(a.string(0), a.string(1), ignoreCase: ignore)))
        case "compareordinal":
            try a.expect(2)
            return .int(Int32(ordinalCompare(a.string(0), a.string(1))))
        case "equals":
            try a.expect(2...3)
            if a[0].isNull || a[1].isNull { return .bool(a[0].isNull && a[1].isNull) }
            if a.count == 3, try StringMembers.ignoreCase(a, 2) { return .bool(a.string(0).lowercased() == a.string(1).lowercased()) }
            return .bool(a.string(0) == a.string(1))
        default:
            return nil
        }
    }

    /// String.CompareOrdinal: the difference of the first differing UTF-16 units (sign only matters).
    private static func ordinalCompare(_ x: String, _ y: String) -> Int {
        for (p, q) in zip(x.utf16, y.utf16) where p != q { return Int(p) - Int(q) }
        return x.utf16.count - y.utf16.count
    }

    // MARK: - Numbers

    static func number(_ type: PSType, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "parse", "tryparse":
            let isTry = name == "tryparse"
            guard isTry ? a.count >= 2 : a.count >= 1 else { throw MemberFailure.noOverload }
            let parsed = parseNumber(type, a.string(0))
            if isTry { return StaticMembers.tryParseResult(try? parsed.get(), CollectionMembers.defaultValue(type), a) }
            return try parsed.get()
        case "isnan", "isinfinity", "ispositiveinfinity", "isnegativeinfinity", "isfinite":
            guard type.fullName == "System.Double" || type.fullName == "System.Single" else { return nil }
            try a.expect(1)
            let d = try a.double(0, "d")
            switch name {
            case "isnan": return .bool(d.isNaN)
            case "isinfinity": return .bool(d.isInfinite)
            case "ispositiveinfinity": return .bool(d == .infinity)
            case "isnegativeinfinity": return .bool(d == -.infinity)
            default: return .bool(d.isFinite)
            }
        case "add", "subtract", "multiply", "divide", "remainder", "negate", "compare",
             "round", "truncate", "floor", "ceiling":
            guard case .decimal = type.kind else { return nil }
            return try decimalMethod(name, a)
        default:
            return nil
        }
    }

    /// System.Decimal's static arithmetic (Add, Multiply, Round, …) with its scale rules; the
    /// arguments convert to Decimal as .NET's binder does.
    private static func decimalMethod(_ name: String, _ a: MethodArgs) throws -> Value {
        func arg(_ i: Int, _ parameter: String) throws -> PSDecimal {
            if case .decimal(let d) = a[i] { return d }
            guard case .decimal(let d) = try Conversion.convert(a[i], to: TypeResolver.decimal, hooks: a.hooks) else { throw MemberFailure.noOverload }
            return d
        }
        switch name {
        case "negate":
            try a.expect(1)
            return .decimal(-(try arg(0, "d")))
        case "compare":
            try a.expect(2)
            let x = try arg(0, "d1"), y = try arg(1, "d2")
            return .int(x < y ? -1 : (x == y ? 0 : 1))
        case "round", "truncate", "floor", "ceiling":
            // Math's decimal overloads, with the value as a Decimal.
            guard a.count >= 1 else { throw MemberFailure.noOverload }
            var values = a.values
            values[0] = .decimal(try arg(0, "d"))
            return try MathMembers.invoke(name, MethodArgs(values, a.hooks)) ?? .null
        default:
            try a.expect(2)
            let x = try arg(0, "d1"), y = try arg(1, "d2")
            let op: Operators.ArithOp = ["add": .add, "subtract": .sub, "multiply": .mul, "divide": .div][name] ?? .rem
            if (op == .div || op == .rem) && y.isZero {
                throw MemberFailure.dotnet(.divideByZeroException, "Attempted to divide by zero.")
            }
            guard let r = try? Operators.decimalOp(op, x, y) else {
                throw MemberFailure.dotnet(.overflowException, "Value was either too large or too small for a Decimal.")
            }
            return .decimal(r)
        }
    }

    /// Int32.Parse / Double.Parse / Boolean.Parse … with .NET's exceptions.
    private static func parseNumber(_ type: PSType, _ s: String) -> Result<Value, MemberFailure> {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        let bad = MemberFailure.dotnet(.formatException, "The input string '\(s)' was not in a correct format.")
        func overflow() -> MemberFailure { .dotnet(.overflowException, "Value was either too large or too small for \(type.name == "Int32" ? "an Int32" : (type.name == "Int64" ? "an Int64" : "a \(type.name)")).") }
        let isInteger = !t.isEmpty && t.allSatisfy { $0.isASCII && $0.isNumber } || ((t.first == "-" || t.first == "+") && t.count > 1 && t.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
        switch type.kind {
        case .int32:
            guard isInteger else { return .failure(bad) }
            guard let v = Int32(t.hasPrefix("+") ? String(t.dropFirst()) : t) else { return .failure(overflow()) }
            return .success(.int(v))
        case .int64:
            guard isInteger else { return .failure(bad) }
            guard let v = Int64(t.hasPrefix("+") ? String(t.dropFirst()) : t) else { return .failure(overflow()) }
            return .success(.long(v))
        case .sized(let k) where k != .single && k != .bigInteger:
            guard isInteger else { return .failure(bad) }
            let body = t.hasPrefix("+") ? String(t.dropFirst()) : t
            if k == .uint64 {
                guard let v = UInt64(body) else { return .failure(overflow()) }
                return .success(.sized(SizedNumber(uint64: v)))
            }
            guard let v = Int64(body), let r = try? Conversion.convert(.long(v), to: type) else { return .failure(overflow()) }
            return .success(r)
        case .double, .sized(.single):
            guard let d = Conversion.parseDotNetDouble(t) else { return .failure(bad) }
            return .success(type.fullName == "System.Double" ? .double(d) : .sized(SizedNumber(single: Float(d))))
        case .decimal:
            // Decimal.Parse keeps the written scale: [decimal]::Parse('1.50') is 1.50.
            guard Conversion.parseDotNetDouble(t) != nil, let d = PSDecimal.parse(t.replacingOccurrences(of: ",", with: "")) else { return .failure(bad) }
            return .success(.decimal(d))
        case .bool:
            switch t.lowercased() {
            case "true": return .success(.bool(true))
            case "false": return .success(.bool(false))
            default: return .failure(.dotnet(.formatException, "String '\(s)' was not recognized as a valid Boolean."))
            }
        default:
            guard let r = try? Conversion.convert(.string(t), to: type) else { return .failure(bad) }
            return .success(r)
        }
    }

    // MARK: - System.Char

    static func char(_ name: String, _ a: MethodArgs) throws -> Value? {
        let predicates: [String: (Unicode.Scalar) -> Bool] = [
            "isdigit": { $0.properties.generalCategory == .decimalNumber },
            "isletter": { isLetter($0) },
            "isletterordigit": { isLetter($0) || $0.properties.generalCategory == .decimalNumber },
            "isupper": { $0.properties.generalCategory == .uppercaseLetter },
            "islower": { $0.properties.generalCategory == .lowercaseLetter },
            "isnumber": { [.decimalNumber, .letterNumber, .otherNumber].contains($0.properties.generalCategory) },
            "ispunctuation": {
                [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation].contains($0.properties.generalCategory)
            },
            "iscontrol": { $0.properties.generalCategory == .control },
            "issymbol": { [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol].contains($0.properties.generalCategory) },
            "isseparator": { [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) },
        ]
        switch name {
        case "iswhitespace":
            try a.expect(1...2)
            return .bool(StringMembers.isWhiteSpace(try charArg(a)))
        case "toupper", "tolower", "toupperinvariant", "tolowerinvariant":
            try a.expect(1...2)
            let c = try a.char(0, "c")
            let s = String(decoding: [c], as: UTF16.self)
            let r = Array((name.hasPrefix("toupper") ? s.uppercased() : s.lowercased()).utf16)
            return .char(r.count == 1 ? r[0] : c)
        case "getnumericvalue":
            try a.expect(1...2)
            let c = try charArg(a)
            guard let scalar = Unicode.Scalar(c), let v = scalar.properties.numericValue else { return .double(-1) }
            return .double(v)
        case "convertfromutf32":
            try a.expect(1)
            let n = try a.int(0, "utf32")
            guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, n))) else {
                throw MemberFailure.dotnet(.argumentOutOfRangeException, "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff). (Parameter 'utf32')")
            }
            return .string(String(Character(scalar)))
        case "parse":
            try a.expect(1)
            let s = a.string(0)
            guard s.utf16.count == 1, let c = s.utf16.first else { throw MemberFailure.dotnet(.formatException, "String must be exactly one character long.") }
            return .char(c)
        default:
            guard let test = predicates[name] else { return nil }
            try a.expect(1...2)
            let c = try charArg(a)
            guard let scalar = Unicode.Scalar(c) else { return .bool(false) }
            return .bool(test(scalar))
        }
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(c.properties.generalCategory)
    }

    /// `IsDigit(c)` or `IsDigit(s, index)`.
    private static func charArg(_ a: MethodArgs) throws -> UInt16 {
        if a.count == 2 {
            let u = Array(a.string(0).utf16), i = try a.int(1, "index")
            guard i >= 0 && i < u.count else { throw StringMembers.outOfRange("index") }
            return u[i]
        }
        return try a.char(0, "c")
    }

    // MARK: - DateTime and TimeSpan

    static func dateTime(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "parse", "tryparse":
            let isTry = name == "tryparse"
            guard isTry ? a.count >= 2 : (1...3).contains(a.count) else { throw MemberFailure.noOverload }
            let s = a.string(0)
            let d = PSDateTime.parse(s)
            if isTry { return StaticMembers.tryParseResult(d.map { .object($0) }, .object(PSDateTime(ticks: 0)), a) }
            guard let date = d else { throw MemberFailure.dotnet(.formatException, "String '\(s)' was not recognized as a valid DateTime.") }
            return .object(date)
        case "parseexact", "tryparseexact":
            let isTry = name == "tryparseexact"
            guard (isTry ? 4...5 : 2...4).contains(a.count) else { throw MemberFailure.noOverload }
            let s = a.string(0)
            let formats = a.strings(1)
            let d = PSDateTime.parseExact(s, formats: formats)
            if isTry { return StaticMembers.tryParseResult(d.map { .object($0) }, .object(PSDateTime(ticks: 0)), a) }
            guard let date = d else { throw MemberFailure.dotnet(.formatException, "String '\(s)' was not recognized as a valid DateTime.") }
            return .object(date)
        case "daysinmonth":
            try a.expect(2)
            let y = try a.int(0, "year"), m = try a.int(1, "month")
            guard (1...12).contains(m) else { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Month must be between one and twelve. (Parameter 'month')") }
            guard (1...9999).contains(y) else { throw StringMembers.outOfRange("year") }
            return .int(Int32(Ticks.daysInMonth(y, m)))
        case "isleapyear":
            try a.expect(1)
            let y = try a.int(0, "year")
            guard (1...9999).contains(y) else { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Year must be between 1 and 9999. (Parameter 'year')") }
            return .bool(Ticks.isLeap(y))
        case "specifykind":
            try a.expect(2)
            guard case .object(let o) = a[0], let d = o as? PSDateTime else { throw MemberFailure.noOverload }
            let k = try a.enumValue(1, DotNetEnums.dateTimeKind, "kind")
            return .object(PSDateTime(ticks: d.ticks, kind: PSDateTime.Kind(rawValue: Int(k)) ?? .unspecified))
        case "compare":
            try a.expect(2)
            guard case .object(let x) = a[0], let d = x as? PSDateTime, case .object(let y) = a[1] else { throw MemberFailure.noOverload }
            return .int(Int32(d.order(y) ?? 0))
        default:
            return nil
        }
    }

    static func timeSpan(_ name: String, _ a: MethodArgs) throws -> Value? {
        let per: Int64
        switch name {
        case "fromdays": per = Ticks.perDay
        case "fromhours": per = Ticks.perHour
        case "fromminutes": per = Ticks.perMinute
        case "fromseconds": per = Ticks.perSecond
        case "frommilliseconds": per = Ticks.perMillisecond
        case "fromticks":
            try a.expect(1)
            return .object(PSTimeSpan(ticks: try a.long(0, "value")))
        case "parse", "tryparse":
            let isTry = name == "tryparse"
            guard isTry ? a.count >= 2 : (1...2).contains(a.count) else { throw MemberFailure.noOverload }
            let s = a.string(0)
            let t = PSTimeSpan.parse(s)
            if isTry { return StaticMembers.tryParseResult(t.map { .object($0) }, .object(PSTimeSpan.zero), a) }
            guard let span = t else { throw MemberFailure.dotnet(.formatException, "String '\(s)' was not recognized as a valid TimeSpan.") }
            return .object(span)
        case "compare":
            try a.expect(2)
            let x = try PSTimeSpan.ticks(of: a[0], a, "t1"), y = try PSTimeSpan.ticks(of: a[1], a, "t2")
            return .int(x < y ? -1 : (x > y ? 1 : 0))
        default:
            return nil
        }
        try a.expect(1)
        let v = try a.double(0, "value")
        let ticks = v * Double(per)
        guard v.isFinite, abs(ticks) < 9.2e18 else {
            if v.isNaN { throw MemberFailure.dotnet(.argumentException, "TimeSpan does not accept floating point Not-a-Number values.") }
            throw MemberFailure.dotnet(.overflowException, "TimeSpan overflowed because the duration is too long.")
        }
        return .object(PSTimeSpan(ticks: Int64(ticks.rounded(.towardZero))))
    }

    // MARK: - System.Array and enums

    static func array(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "indexof", "lastindexof", "reverse", "sort", "clear":
            guard a.count >= 1, let arr = a[0].array else {
                if a.count >= 1 && a[0].isNull { throw StringMembers.nullArgument("array") }
                throw MemberFailure.noOverload
            }
            if name == "sort" {
                try a.expect(1)
                try CollectionMembers.sortDefault(&arr.items)
                return .voidResult
            }
            if name == "reverse" && a.count == 1 {
                arr.items.reverse()
                return .voidResult
            }
            if name == "clear" && a.count == 1 {
                _ = try CollectionMembers.invokeArray(arr, "clear", MethodArgs([], a.hooks))
                return .voidResult
            }
            if name == "clear" {
                try a.expect(3)
                let i = try a.int(1, "index"), n = try a.int(2, "length")
                guard i >= 0, n >= 0, i <= arr.count - n else { throw MemberFailure.dotnet(.indexOutOfRangeException, "Index was outside the bounds of the array.") }
                for k in i..<(i + n) { arr.items[k] = .null }
                return .voidResult
            }
            return try CollectionMembers.invokeArray(arr, name, MethodArgs(Array(a.values.dropFirst()), a.hooks))
        case "empty":
            try a.expect(0)
            return .object(PSArray([]))
        case "exists", "find", "findall", "findindex", "trueforall":
            try a.expect(2)
            guard let arr = a[0].array else { throw StringMembers.nullArgument("array") }
            let list = PSArray(arr.items, kind: .genericList(elementType: "System.Object"))
            let r = try CollectionMembers.invokeArray(list, name, MethodArgs([a[1]], a.hooks))
            if name == "findall", let found = r?.array { return .object(PSArray(found.items)) }
            return r
        default:
            return nil
        }
    }

    static func enumeration(_ d: PSEnumDefinition, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "getnames":
            try a.expect(0)
            return StringMembers.stringArray(d.members.sorted { $0.value < $1.value }.map { .string($0.name) })
        case "getvalues":
            try a.expect(0)
            return .object(PSArray(d.members.sorted { $0.value < $1.value }.map { .object(PSEnumValue(d, $0.value)) }, kind: .array(elementType: d.fullName)))
        case "parse":
            try a.expect(1...2)
            let ignore = a.count == 2 ? a.bool(1) : false
            let s = a.string(0)
            if !ignore, let m = d.members.first(where: { $0.name == s.trimmingCharacters(in: .whitespaces) }) { return .object(PSEnumValue(d, m.value)) }
            guard ignore, let v = DotNetEnums.value(of: .string(s), in: d) else {
                throw MemberFailure.dotnet(.argumentException, "Requested value '\(s)' was not found.")
            }
            return .object(PSEnumValue(d, v))
        case "getunderlyingtype":
            try a.expect(0)
            return .object(PSTypeObject(d.underlyingType))
        case "isdefined":
            try a.expect(1)
            if case .string(let s) = a[0] { return .bool(d.members.contains { $0.name == s }) }
            guard let v = DotNetEnums.value(of: a[0], in: d) else { return .bool(false) }
            return .bool(d.members.contains { $0.value == v })
        default:
            return nil
        }
    }

    /// `[enum]::GetNames([SomeEnum])` and friends on System.Enum.
    private static func systemEnum(_ name: String, _ a: MethodArgs) throws -> Value? {
        guard a.count >= 1 else { return nil }
        var type: PSType?
        if case .object(let o) = a[0], let t = o as? PSTypeObject { type = t.type }
        // A type name converts to the Type argument, as pwsh converts a string to a Type.
        if case .string(let s) = a[0] { type = TypeResolver.resolve(name: s, hooks: a.hooks) }
        guard let t = type, case .enumeration(let d) = t.kind else {
            return nil
        }
        return try enumeration(d, name, MethodArgs(Array(a.values.dropFirst()), a.hooks))
    }

    // MARK: - Static classes by full name

    static func invoke(_ type: String, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch type {
        case "system.math": return try MathMembers.invoke(name, a)
        case "system.tuple", "system.valuetuple":
            // Tuple.Create(a, b, …): the item types are the arguments' own.
            guard name == "create", (1...8).contains(a.count) else { return nil }
            return .object(PSTupleObject(a.values, types: a.values.map { Conversion.typeOf($0) }, isValueTuple: type == "system.valuetuple"))
        case "system.io.path": return try SystemIO.path(name, a)
        case "system.io.file": return try SystemIO.file(name, a)
        case "system.io.directory": return try SystemIO.directory(name, a)
        case "system.environment": return try SystemIO.environment(name, a)
        case "system.console": return try ConsoleMembers.invoke(name, a)
        case "microsoft.powershell.psconsolereadline":
            // The line editor's API for key handler script blocks; none outside the prompt.
            guard let editor = ReadLineBridge.current else {
                throw MemberFailure.dotnet(.invalidOperationException, "PSConsoleReadLine is not reading a line.")
            }
            return try editor.invoke(name, a.values)
        case "system.diagnostics.stopwatch":
            guard name == "startnew" || name == "new" else { return nil }
            try a.expect(0)
            let watch = PSStopwatch()
            if name == "startnew" { watch.start() }
            return .object(watch)
        case "system.collections.hashtable", "system.collections.arraylist":
            // `[hashtable]::Synchronized(@{})`, the usual way to share a table with ForEach-Object
            // -Parallel tasks. NOTE: the same table, not a wrapper type (SyncHashtable): teamsh's
            // tasks take turns (InterpreterLock), so every table is safe to share.
            guard name == "synchronized" else { return nil }
            try a.expect(1)
            guard case .object(let o) = a[0], o is PSHashtable || o is PSArray else { throw MemberFailure.noOverload }
            return a[0]
        case "system.gc": return try garbageCollector(name, a)
        case "system.convert": return try ConvertMembers.invoke(name, a)
        case "system.bitconverter":
            guard name == "tostring" else { return nil }
            try a.expect(1)
            return .string(try ConvertMembers.bytes(a, 0).map { String(format: "%02X", $0) }.joined(separator: "-"))
        case "system.text.encoding":
            guard name == "getencoding" else { return nil }
            try a.expect(1)
            guard let e = PSEncoding.named(a.string(0)) else {
                throw MemberFailure.dotnet(.argumentException, "'\(a.string(0))' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')")
            }
            return .object(e)
        case "system.uri", "system.net.webutility":
            return try ConvertMembers.uri(name, a)
        case "system.web.httputility":
            // HttpUtility encodes as WebUtility does, with lower-case hex digits (`%c3%a9`).
            guard ["urlencode", "urldecode", "htmlencode", "htmldecode"].contains(name) else { return nil }
            let result = try ConvertMembers.uri(name, a)
            guard name == "urlencode", case .string(let text)? = result else { return result }
            var out = ""
            var hexLeft = 0
            for ch in text {
                if ch == "%" { hexLeft = 2; out.append(ch); continue }
                if hexLeft > 0 { hexLeft -= 1; out += ch.lowercased(); continue }
                out.append(ch)
            }
            return .string(out)
        case "system.enum":
            return try systemEnum(name, a)
        case "system.management.automation.languageprimitives":
            return try languagePrimitives(name, a)
        case "system.string":
            return try string(name, a)
        case "system.management.automation.wildcardpattern":
            // The static helpers of WildcardPattern (regex.cs): escape, unescape, test.
            switch name {
            case "escape":
                try a.expect(1)
                return .string(WildcardPattern.escape(a.string(0)))
            case "unescape":
                try a.expect(1)
                return .string(WildcardPattern.unescapeWildcards(a.string(0)))
            case "containswildcardcharacters":
                try a.expect(1)
                return .bool(WildcardPattern.containsWildcard(a.string(0)))
            default:
                return nil
            }
        case "system.management.automation.language.parser": return try LanguageParserMembers.invoke(name, a)
        case "system.management.automation.runspaces.runspacefactory":
            guard name == "createrunspace" else { return nil }
            return a.hooks.createRunspace()
        case let other where StaticClassRegistry.methods[other] != nil:
            guard let method = StaticClassRegistry.methods[other] else { return nil }
            return try method(name, a.values, a.hooks)
        case "system.management.automation.internal.internaltesthooks":
            // SetTestHook(name, value) sets the engine's static test field of that name by
            // reflection and does nothing when there is none (InternalTestHooks in
            // engine/Utils.cs). NOTE: teamsh has none of those fields, so every hook name is one
            // pwsh would ignore too; the call is accepted so the CI helper module
            // (HelpersCommon.psm1) and the tests that toggle a hook can run.
            guard name == "settesthook" else { return nil }
            try a.expect(2)
            return .voidResult
        case "system.management.automation.powershell":
            guard name == "create" else { return nil }
            try a.expect(0...1)
            return a.hooks.createPowerShell()
        default:
            return nil
        }
    }

    /// `[GC]`: scripts call Collect and WaitForPendingFinalizers after freeing something large,
    /// and read GetTotalMemory to watch their memory. Swift frees objects as their last reference
    /// goes, so there is nothing to collect or finalize.
    private static func residentBytes() -> Int64 {
        // /proc/self/statm: sizes in pages, the second is what is resident.
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func garbageCollector(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "collect":
            // Collect(), Collect(generation), Collect(generation, mode[, blocking[, compacting]]).
            guard a.count <= 4 else { throw MemberFailure.noOverload }
            if a.count >= 1, try a.int(0, "generation") < 0 {
                throw MemberFailure.dotnet(.argumentOutOfRangeException, "The generation number must be non-negative. (Parameter 'generation')")
            }
            return .voidResult
        case "waitforpendingfinalizers":
            try a.expect(0)
            return .voidResult
        case "gettotalmemory":
            try a.expect(1)
            // NOTE: the process's resident memory stands for the managed heap's size.
            return .long(residentBytes())
        case "collectioncount":
            try a.expect(1)
            return .int(0)
        default:
            return nil
        }
    }

    static func construct(_ type: String, _ a: MethodArgs) throws -> Value? {
        switch type {
        case "system.text.utf8encoding":
            try a.expect(0...2)
            return .object(PSEncoding(.utf8, emitsBOM: a.count >= 1 && a.bool(0)))
        case "system.object":
            try a.expect(0)
            return .object(PSCustomObject())
        case "system.management.automation.orderedhashtable":
            // OrderedHashtable(), (int capacity), (IDictionary): an OrderedDictionary inside, so
            // keys compare case-sensitively as .NET's default comparer does.
            try a.expect(0...1)
            let table = PSHashtable(ordered: true, caseInsensitive: false)
            table.isOrderedHashtable = true
            if a.count == 1 {
                if case .object(let o) = a[0], let source = o as? PSHashtable {
                    for key in source.keys { table.set(key, source[key] ?? .null) }
                } else if a[0].isNull {
                    throw StringMembers.nullArgument("dictionary")
                } else if try a.int(0, "capacity") < 0 {
                    throw StringMembers.negative("capacity", try a.int(0, "capacity"))
                }
            }
            return .object(table)
        default:
            return nil
        }
    }
}

extension StaticClasses {
    /// LanguagePrimitives' public helpers (LanguagePrimitives.cs): ConvertTo and TryConvertTo run
    /// the same conversion a cast does; IsTrue is the language's truth test.
    static func languagePrimitives(_ name: String, _ a: MethodArgs) throws -> Value? {
        func targetType(_ i: Int) throws -> PSType {
            guard case .object(let o) = a[i], let t = o as? PSTypeObject else { throw MemberFailure.noOverload }
            return t.type
        }
        switch name {
        case "convertto":
            // (value, type) and (value, type, IFormatProvider): teamsh converts invariantly.
            try a.expect(2...3)
            do {
                return try Conversion.convert(a[0], to: try targetType(1), hooks: a.hooks)
            } catch let e as RuntimeError {
                // A method's exception: pwsh reports it as `Exception calling "ConvertTo" …`.
                throw MemberFailure.dotnet(.psInvalidCastException, e.record.exception.message)
            }
        case "tryconvertto":
            // (value, type, [ref] result) and (value, type, IFormatProvider, [ref] result).
            try a.expect(3...4)
            guard case .object(let o) = a[a.count - 1], let result = o as? PSReference else { throw MemberFailure.noOverload }
            let type = try targetType(1)
            do {
                result.value = try Conversion.convert(a[0], to: type, hooks: a.hooks)
                return .bool(true)
            } catch is RuntimeError {
                result.value = .null
                return .bool(false)
            }
        case "istrue":
            try a.expect(1)
            return .bool(Conversion.toBool(a[0]))
        default:
            return nil
        }
    }
}


/// Static classes whose methods live above the runtime (PSSerializer's, on the CLIXML code of
/// the cmdlets): the session registers them at start-up, by lower-cased full type name. A
/// method returns nil when the class has no method of that name (lower-cased).
public enum StaticClassRegistry {
    public typealias Method = (_ name: String, _ arguments: [Value], _ hooks: RuntimeHooks) throws -> Value?
    nonisolated(unsafe) public static var methods: [String: Method] = [:]

    public static func register(_ fullName: String, _ method: @escaping Method) {
        methods[fullName.lowercased()] = method
    }

    /// What a method throws when no overload takes the arguments given.
    public static func noOverload() -> Error { MemberFailure.noOverload }

    /// What a method throws for a .NET exception it raises (reported as "Exception calling …").
    public static func exception(_ type: ExceptionType, _ message: String) -> Error { MemberFailure.dotnet(type, message) }
}
