import PowerShellRuntime

/// The orderings and text rules pwsh's completers share (CompletionCompleters.cs at v7.6.5).
public enum CompletionOrder {
    /// `StringComparer.OrdinalIgnoreCase`: UTF-16 units compared after upper-casing, so `_`
    /// sorts after letters (command names, variable names).
    public static func ordinalIgnoreCase(_ a: String, _ b: String) -> Int {
        var ia = a.utf16.makeIterator()
        var ib = b.utf16.makeIterator()
        while true {
            let x = ia.next(), y = ib.next()
            guard let cx = x, let cy = y else { return x == nil ? (y == nil ? 0 : -1) : 1 }
            let ux = upper(cx), uy = upper(cy)
            if ux != uy { return ux < uy ? -1 : 1 }
        }
    }

    private static func upper(_ c: UInt16) -> UInt16 {
        if c < 0x80 { return (c >= 0x61 && c <= 0x7A) ? c - 0x20 : c }
        guard let s = Unicode.Scalar(c) else { return c }
        let u = s.properties.uppercaseMapping.utf16
        return u.count == 1 ? (u.first ?? c) : c
    }

    /// pwsh's ContainsCharactersRequiringQuotes: a member or variable name with one of these
    /// needs quotes (members) or braces (variables).
    static func needsQuotes(_ s: String) -> Bool {
        s.unicodeScalars.contains { "-`&@'\"#{}()$,;|<> .\\/\t^".unicodeScalars.contains($0) }
    }

    /// ValidateSet values or enum names for a parameter value: an exact match (ignoring case)
    /// first, then the other matches sorted as `List<string>.Sort()` sorts (culture order);
    /// empty values are never offered. ValidateSet values are quoted when they need it.
    static func setValues(_ values: [String], word: String, quoteWhenNeeded: Bool) -> [CompletionResult] {
        let (typed, quote) = CompletionAnalysis.unquote(word)
        let pattern = WildcardPattern(typed + "*")
        var exact: String?
        var others: [String] = []
        for v in values where !v.isEmpty {
            if StringCompare.equalsIgnoreCase(v, typed) {
                exact = v
            } else if pattern.matches(v) {
                others.append(v)
            }
        }
        others.sort { StringCompare.compare($0, $1, ignoreCase: false) < 0 }
        func text(_ v: String) -> String {
            if !quote.isEmpty { return quote + v + quote }
            return quoteWhenNeeded ? CompletionText.quotedIfNeeded(v) : v
        }
        return (exact.map { [$0] } ?? []).map { CompletionResult(quote.isEmpty ? $0 : quote + $0 + quote, listItemText: $0, type: .ParameterValue, toolTip: $0) }
            + others.map { CompletionResult(text($0), listItemText: $0, type: .ParameterValue, toolTip: $0) }
    }

    /// Members sorted as pwsh's `Sort-Object MemberType, Name` sorts them (stable).
    static func sortedMembers(_ members: [Completers.MemberEntry]) -> [Completers.MemberEntry] {
        members.enumerated().sorted { a, b in
            if a.element.kind != b.element.kind { return a.element.kind < b.element.kind }
            let c = StringCompare.compare(a.element.name, b.element.name, ignoreCase: true)
            return c != 0 ? c < 0 : a.offset < b.offset
        }.map(\.element)
    }

    /// Variables the input assigns before the cursor (`$name = value`, `[type]$name = …`,
    /// `foreach ($name in …)`), in order, with pwsh's tool tip: `[type]$name` when the value's
    /// type is evident (a number, a string, a hashtable, an array, a cast), else the name.
    static func assignedVariables(_ u: [UInt16], before limit: Int) -> [(String, String)] {
        var out: [(String, String)] = []
        var seen = Set<String>()
        var i = 0
        while i < limit {
            guard u[i] == 0x24 else { i += 1; continue } // '$'
            var j = i + 1
            while j < limit, let s = Unicode.Scalar(u[j]), CharacterSetLite.isNameChar(s) { j += 1 }
            let name = String(decoding: u[(i + 1)..<j], as: UTF16.self)
            var k = j
            while k < limit && (u[k] == 0x20 || u[k] == 0x09) { k += 1 }
            let assigned = k < limit && u[k] == 0x3D && !(k + 1 < u.count && u[k + 1] == 0x3D)
            let inForeach = k + 1 < limit && (u[k] == 0x69 || u[k] == 0x49) && (u[k + 1] == 0x6E || u[k + 1] == 0x4E)
            if !name.isEmpty, !name.contains(":"), assigned || inForeach, seen.insert(name.lowercased()).inserted {
                var tip = name
                if assigned {
                    var v = k + 1
                    while v < limit && (u[v] == 0x20 || u[v] == 0x09) { v += 1 }
                    if let t = evidentType(u, v, limit, castBefore: castBefore(u, i)) { tip = "[" + t + "]$" + name }
                } else if let t = castBefore(u, i) {
                    tip = "[" + t + "]$" + name
                }
                out.append((name, tip))
            }
            i = max(j, i + 1)
        }
        return out
    }

    /// `[int]$x`: the type constraint written right before a variable.
    private static func castBefore(_ u: [UInt16], _ dollar: Int) -> String? {
        guard dollar > 0, u[dollar - 1] == 0x5D else { return nil }
        var s = dollar - 2
        while s >= 0 && u[s] != 0x5B { s -= 1 }
        guard s >= 0 else { return nil }
        let name = String(decoding: u[(s + 1)..<(dollar - 1)], as: UTF16.self)
        return TypeResolver.resolve(name: name).map { CommandCatalog.syntaxTypeName($0.fullName) } ?? name
    }

    /// The type pwsh's type inference gives a simple assigned value.
    private static func evidentType(_ u: [UInt16], _ v: Int, _ limit: Int, castBefore: String?) -> String? {
        if let c = castBefore { return c }
        guard v < limit else { return nil }
        let c = u[v]
        if c == 0x27 || c == 0x22 { return "string" }
        if c == 0x40, v + 1 < limit { return u[v + 1] == 0x7B ? "hashtable" : (u[v + 1] == 0x28 ? "Object[]" : nil) }
        if c == 0x5B {
            var e = v + 1
            while e < limit && u[e] != 0x5D { e += 1 }
            let name = String(decoding: u[(v + 1)..<min(e, limit)], as: UTF16.self)
            return TypeResolver.resolve(name: name).map { CommandCatalog.syntaxTypeName($0.fullName) }
        }
        if c >= 0x30 && c <= 0x39 {
            var e = v
            var isDouble = false
            while e < limit, (u[e] >= 0x30 && u[e] <= 0x39) || u[e] == 0x2E {
                if u[e] == 0x2E { isDouble = true }
                e += 1
            }
            return isDouble ? "double" : "int"
        }
        return nil
    }
}

/// Character classes for variable names.
enum CharacterSetLite {
    static func isNameChar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "?" || s == ":"
    }
}

/// Static members of the .NET types the runtime models, for `[type]::<Tab>` (what .NET's
/// reflection lists for them; every type also has the static `Equals` and `ReferenceEquals`,
/// and `new` when it has public constructors). Definitions are given where the value is known.
enum StaticMemberCatalog {
    static func members(of type: PSType) -> [Completers.MemberEntry] {
        var out: [Completers.MemberEntry] = []
        let (fields, methods, constructible) = table[type.fullName] ?? ([], [], false)
        for (name, definition) in fields { out.append(Completers.MemberEntry(name: name, kind: 4, definition: definition)) }
        var methodNames = methods + ["Equals", "ReferenceEquals"]
        if constructible { methodNames.append("new") }
        for name in methodNames { out.append(Completers.MemberEntry(name: name, kind: 64, definition: name)) }
        return out
    }

    private static let table: [String: (fields: [(String, String)], methods: [String], constructible: Bool)] = [
        "System.Math": ([("E", "static double E {get;}"), ("PI", "static double PI {get;}"), ("Tau", "static double Tau {get;}")], [
            "Abs", "Acos", "Acosh", "Asin", "Asinh", "Atan", "Atan2", "Atanh", "BigMul", "BitDecrement", "BitIncrement", "Cbrt", "Ceiling",
            "Clamp", "CopySign", "Cos", "Cosh", "DivRem", "Exp", "Floor", "FusedMultiplyAdd", "IEEERemainder", "ILogB", "Log", "Log10",
            "Log2", "Max", "MaxMagnitude", "Min", "MinMagnitude", "Pow", "ReciprocalEstimate", "ReciprocalSqrtEstimate", "Round", "ScaleB",
            "Sign", "Sin", "SinCos", "Sinh", "Sqrt", "Tan", "Tanh", "Truncate",
        ], false),
        "System.String": ([("Empty", "static string Empty {get;}")], [
            "Compare", "CompareOrdinal", "Concat", "Copy", "Create", "Format", "Intern", "IsInterned", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Join",
        ], true),
        "System.DateTime": ([("MaxValue", "static datetime MaxValue {get;}"), ("MinValue", "static datetime MinValue {get;}"),
                             ("Now", "static datetime Now {get;}"), ("Today", "static datetime Today {get;}"),
                             ("UnixEpoch", "static datetime UnixEpoch {get;}"), ("UtcNow", "static datetime UtcNow {get;}")], [
            "Compare", "DaysInMonth", "FromBinary", "FromFileTime", "FromFileTimeUtc", "FromOADate", "IsLeapYear", "Parse", "ParseExact",
            "SpecifyKind", "TryParse", "TryParseExact",
        ], true),
        "System.Int32": ([("MaxValue", "static int MaxValue {get;}"), ("MinValue", "static int MinValue {get;}")], ["Parse", "TryParse"], false),
        "System.Guid": ([("Empty", "static guid Empty {get;}")], ["NewGuid", "Parse", "ParseExact", "TryParse", "TryParseExact"], true),
    ]
}
