import Foundation
import PowerShellRuntime
import PowerShellFormatting
import PowerShellSyntax

/// `Should` as Pester 4.10.1 has it: the operator forms (`Should -Be 1`, `Should -Not -Throw`),
/// whose positional arguments fill the operator's own parameters in order (`Should -Throw
/// 'msg' 'Id'`), and the legacy forms (`Should Be 1`, `Should Not Be 1`). Pipeline input is
/// collected: nothing piped asserts once on `$null`, operators that take arrays see the whole
/// input, the others test each object. Failure messages are Pester 4's.
final class Pester4ShouldCommand: Cmdlet {
    private var input: [Value] = []

    /// Each operator's parameters after ActualValue, in declaration order (where positional
    /// arguments go); Pester 4's assertion functions declare them so.
    static let operatorParameters: [String: [String]] = [
        "Be": ["ExpectedValue", "Because"], "BeExactly": ["ExpectedValue", "Because"],
        "BeGreaterThan": ["ExpectedValue", "Because"], "BeLessOrEqual": ["ExpectedValue", "Because"],
        "BeLessThan": ["ExpectedValue", "Because"], "BeGreaterOrEqual": ["ExpectedValue", "Because"],
        "BeIn": ["ExpectedValue", "Because"], "BeLike": ["ExpectedValue", "Because"], "BeLikeExactly": ["ExpectedValue", "Because"],
        "BeNullOrEmpty": ["Because"], "BeOfType": ["ExpectedType", "Because"], "BeTrue": ["Because"], "BeFalse": ["Because"],
        "Contain": ["ExpectedValue", "Because"], "Exist": ["Because"], "FileContentMatch": ["ExpectedContent", "Because"],
        "FileContentMatchExactly": ["ExpectedContent", "Because"], "FileContentMatchMultiline": ["ExpectedContent", "Because"],
        "HaveCount": ["ExpectedValue", "Because"], "Match": ["RegularExpression", "Because"],
        "MatchExactly": ["RegularExpression", "Because"], "Throw": ["ExpectedMessage", "ErrorId", "ExceptionType", "Because"],
    ]

    static let operators = ["Be", "BeExactly", "BeGreaterThan", "BeLessOrEqual", "BeIn", "BeLessThan", "BeGreaterOrEqual", "BeLike",
                            "BeLikeExactly", "BeNullOrEmpty", "BeOfType", "BeTrue", "BeFalse", "Contain", "Exist", "FileContentMatch",
                            "FileContentMatchExactly", "FileContentMatchMultiline", "HaveCount", "Match", "MatchExactly", "Throw"]
    static let aliases: [String: String] = ["EQ": "Be", "CEQ": "BeExactly", "GT": "BeGreaterThan", "LE": "BeLessOrEqual",
                                            "LT": "BeLessThan", "GE": "BeGreaterOrEqual", "HaveType": "BeOfType", "CMATCH": "MatchExactly"]
    static func declaration(_ p: (String, String, [String], Bool) -> ParameterDeclaration) -> [ParameterDeclaration] {
        var params = [
            p("ActualValue", "System.Object", [], true), p("Not", "System.Management.Automation.SwitchParameter", [], false),
            p("ExpectedValue", "System.Object", [], false), p("ExpectedType", "System.Object", [], false),
            p("RegularExpression", "System.Object", [], false), p("ExpectedMessage", "System.Object", [], false),
            p("ErrorId", "System.Object", [], false), p("ExceptionType", "System.Object", [], false),
            p("ExpectedContent", "System.Object", [], false), p("Because", "System.Object", [], false),
            p("PassThru", "System.Management.Automation.SwitchParameter", [], false),
        ]
        for op in operators {
            let aliases = Pester4ShouldCommand.aliases.filter { $0.value == op }.map(\.key).sorted()
            params.append(p(op, "System.Management.Automation.SwitchParameter", aliases, false))
        }
        return params
    }

    override func process(_ rt: CommandRuntime) throws {
        if rt.bound.has("ActualValue") { input.append(rt.bound["ActualValue"] ?? .null) }
    }

    override func end(_ rt: CommandRuntime) throws {
        let positional = rt.bound.list("__Arguments") ?? []
        var values: [String: Value] = [:]
        for name in ["ExpectedValue", "ExpectedType", "RegularExpression", "ExpectedMessage", "ErrorId", "ExceptionType", "ExpectedContent", "Because"] {
            if rt.bound.has(name) { values[name] = rt.bound[name] ?? .null }
        }
        var negate = rt.bound.isOn("Not")
        var op = Pester4ShouldCommand.operators.first { rt.bound.isOn($0) }
        if op == nil {
            // Legacy: `Should [Not] Operator [expected]`.
            var args = positional
            if let first = args.first, Conversion.toString(first).caseInsensitiveCompare("not") == .orderedSame {
                negate = true
                args.removeFirst()
            }
            guard let name = args.first.map({ Conversion.toString($0) }) else {
                throw RuntimeError(.runtimeException, "You cannot call Should without specifying an assertion method.",
                                   errorId: "You cannot call Should without specifying an assertion method.", category: .OperationStopped)
            }
            guard let found = Pester4ShouldCommand.operators.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame })
                    ?? Pester4ShouldCommand.aliases.first(where: { $0.key.caseInsensitiveCompare(name) == .orderedSame })?.value else {
                let message = "'\(name)' is not a valid Should operator."
                throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
            }
            op = found
            if args.count > 1, let first = Pester4ShouldCommand.operatorParameters[found]?.first, first != "Because" {
                values[first] = args[1]
            }
        } else if let op, let names = Pester4ShouldCommand.operatorParameters[op] {
            var free = names.filter { values[$0] == nil }
            for v in positional {
                guard !free.isEmpty else {
                    throw RuntimeError(rt.makeError(.parameterBindingException, "A positional parameter cannot be found that accepts argument '\(Conversion.toString(v))'.",
                                                    errorId: "PositionalParameterNotFound", category: .InvalidArgument))
                }
                values[free.removeFirst()] = v
            }
        }
        guard let op else { return }
        let assertion = Pester4Assertion(rt: rt, negate: negate, values: values)
        if input.isEmpty {
            try assertion.check(op, .null)
        } else if ShouldCommand.arrayOperators.contains(op) {
            try assertion.check(op, .object(PSArray(input)))
        } else {
            for v in input { try assertion.check(op, v) }
        }
    }
}

/// One Pester 4 assertion: the operators whose texts Pester 5 kept are ShouldAssertion's; these
/// are Pester 4's own: Format-Nicely, the string difference excerpt, BeNullOrEmpty's message
/// and Throw (a substring match on message and error id, its own wording).
final class Pester4Assertion: ShouldAssertion {
    let values: [String: Value]

    init(rt: CommandRuntime, negate: Bool, values: [String: Value]) {
        self.values = values
        super.init(rt: rt, negate: negate)
    }

    override var because: String { PesterFormat.because(values["Because"].map { Conversion.toString($0) }) }

    /// The operator's expected value, under whichever name the operator gives it.
    override var expected: Value {
        values["ExpectedValue"] ?? values["RegularExpression"] ?? values["ExpectedType"] ?? values["ExpectedContent"] ?? .null
    }

    override func nicely(_ v: Value) -> String { Pester4Assertion.nicely(v, hooks: hooks) }

    override func typeNotFound(_ name: String) -> String {
        // Pester 4 names the type it failed to make, which is always nothing.
        "Could not find type []. Make sure that the assembly that contains that type is loaded."
    }

    override func failure(_ name: String, _ actual: Value) throws -> String? {
        switch name {
        case "BeNullOrEmpty":
            let items = objectArray(actual)
            var ok: Bool
            if items.isEmpty {
                ok = true
            } else if items.count == 1 {
                if let h = items[0].hashtable, !h.isOrdered { ok = h.count == 0 } else { ok = items[0].isNull || Conversion.toString(items[0], hooks: hooks).isEmpty }
            } else {
                ok = false
            }
            if negate { ok.toggle() }
            if ok { return nil }
            // The value is shown as the [object[]] the operator received.
            return negate ? "Expected a value,\(because) but got $null or empty."
                : "Expected $null or empty,\(because) but got \(nicely(.object(PSArray(items))))."
        case "Throw":
            return try throwFailure4(actual)
        default:
            return try super.failure(name, actual)
        }
    }

    // MARK: Strings

    /// Get-CompareStringMessage: where two strings first differ, with a short excerpt of each.
    override func compareStrings(expected: String, actual: String, caseSensitive: Bool) -> String? {
        let e = Array(expected.utf16), a = Array(actual.utf16)
        var index: Int?
        for i in 0..<max(e.count, a.count) {
            guard i < e.count, i < a.count else { index = i; break }
            let x = String(decoding: [e[i]], as: UTF16.self), y = String(decoding: [a[i]], as: UTF16.self)
            if (caseSensitive && x != y) || !StringCompare.equalsIgnoreCase(x, y) { index = i; break }
        }
        guard let index else { return "" }
        var lines = ["Expected strings to be the same,\(because) but they were different."]
        if e.count != a.count {
            lines += ["Expected length: \(e.count)", "Actual length:   \(a.count)", "Strings differ at index \(index)."]
        } else {
            lines += ["String lengths are both \(e.count).", "Strings differ at index \(index)."]
        }
        lines.append("Expected: '\(Pester4Assertion.expandSpecial(Pester4Assertion.excerpt(e, from: index)))'")
        lines.append("But was:  '\(Pester4Assertion.expandSpecial(Pester4Assertion.excerpt(a, from: index)))'")
        return lines.joined(separator: "\n")
    }

    /// Format-AsExcerpt: strings of 40 or more characters show ten characters from five
    /// before the difference, with `...` where text was cut.
    static func excerpt(_ input: [UInt16], from start: Int) -> String {
        let size = 5, marker = "..."
        var offset = start - size
        var length = min(input.count - offset, size * 2)
        let endMarker = offset + length < input.count ? marker : ""
        if offset < 0 { offset = 0 }
        guard input.count >= 40 else { return String(decoding: input, as: UTF16.self) }
        length = max(0, min(length, input.count - offset))
        let lead = offset != 0 ? marker : ""
        return lead + String(decoding: input[offset..<(offset + length)], as: UTF16.self) + endMarker
    }

    static func expandSpecial(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\0", with: "\\0").replacingOccurrences(of: "\u{8}", with: "\\b")
    }

    // MARK: Throw

    func throwFailure4(_ actual: Value) throws -> String? {
        let message = "Scriptblock not found. Input to 'Throw' and 'Not Throw' must be enclosed in curly braces. (Parameter 'ActualValue')"
        let notABlock = RuntimeError(.argumentNullException, message, errorId: "ArgumentNullException", category: .InvalidArgument)
        let thrown: ErrorRecord?, line: String
        switch try startThrow(actual, notABlock: notABlock) {
        case .decided(let message): return message
        case .thrown(let t, let l): (thrown, line) = (t, l)
        }
        var filters: [String] = [], buts: [String] = []
        if let typeValue = values["ExceptionType"], !typeValue.isNull {
            var fullName = Conversion.toString(typeValue)
            if case .object(let t) = typeValue, let type = t as? PSTypeObject { fullName = type.type.fullName }
            filters.append("with type [\(PesterFormat.typeText(fullName))]")
            if let t = thrown, !t.exception.isInstance(of: fullName) {
                buts.append("the exception type was [\(PesterFormat.typeText(t.exception.typeFullName))]")
            }
        }
        if let m = values["ExpectedMessage"].map({ Conversion.toString($0) }), m.contains(where: { !$0.isWhitespace }) {
            filters.append("with message \(nicely(.string(m)))")
            if let t = thrown, !Pester4Assertion.contains(t.exception.message, m) {
                buts.append("the message was \(nicely(.string(t.exception.message)))")
            }
        }
        if let id = values["ErrorId"].map({ Conversion.toString($0) }), id.contains(where: { !$0.isWhitespace }) {
            filters.append("with FullyQualifiedErrorId \(nicely(.string(id)))")
            if let t = thrown, !Pester4Assertion.contains(t.fullyQualifiedErrorId, id) {
                buts.append("the FullyQualifiedErrorId was \(nicely(.string(t.fullyQualifiedErrorId)))")
            }
        }
        if thrown == nil { buts.append("no exception was thrown") }
        if buts.isEmpty {
            lastThrown = thrown
            return nil
        }
        let filter = Pester4Assertion.joinAnd(filters, threshold: 3)
        let but = Pester4Assertion.joinAnd(buts, threshold: 2)
        return "Expected an exception,\(filter.isEmpty ? "" : " " + filter) to be thrown,\(because) but \(but). \(line)"
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Get-DoValuesMatch: a case-insensitive substring test.
    static func contains(_ text: String, _ part: String) -> Bool {
        part.isEmpty || text.range(of: part, options: [.caseInsensitive]) != nil
    }

    static func joinAnd(_ items: [String], threshold: Int) -> String {
        if items.count < threshold { return items.joined(separator: ", ") }
        return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }

    // MARK: Format-Nicely

    /// Pester 4's Format-Nicely: `$null`, `$true`, `'text'`, `<empty>`, `[type]`, numbers and
    /// other values as text, `{script}`, collections as `@(a, b)` (the first ten items; a
    /// collection of one value shows as that value's text).
    static func nicely(_ v: Value, hooks: RuntimeHooks) -> String {
        switch v {
        case .null: return "$null"
        case .bool(let b): return b ? "$true" : "$false"
        case .string(let s): return s.isEmpty ? "<empty>" : "'\(s)'"
        case .int, .long, .double, .decimal, .sized, .char: return Conversion.toString(v, hooks: hooks)
        case .object(let o):
            if let t = o as? PSTypeObject { return "[" + PesterFormat.typeText(t.type.fullName) + "]" }
            if let sb = o as? ScriptBlock { return "{" + sb.text + "}" }
            if o is PSHashtable { return Conversion.toString(v, hooks: hooks) }
            if let a = o as? PSArray {
                if a.items.count == 1, isValue(a.items[0]) { return Conversion.toString(v, hooks: hooks) }
                return "@(" + a.items.prefix(10).map { nicely($0, hooks: hooks) }.joined(separator: ", ") + ")"
            }
            if let d = o as? PSNativeObject, d.typeFullName == "System.DateTime", let text = d.toString(format: "o") { return text }
            return Conversion.toString(v, hooks: hooks)
        }
    }

    /// Value types, strings and script blocks (Pester's Is-Value).
    static func isValue(_ v: Value) -> Bool {
        switch v {
        case .null: return false
        case .object(let o):
            if o is ScriptBlock { return true }
            return ["System.DateTime", "System.TimeSpan", "System.Guid", "System.Management.Automation.SwitchParameter"].contains(o.typeFullName)
                || o.typeHierarchy.contains("System.Enum") || o.typeHierarchy.contains("System.ValueType")
        default: return true
        }
    }
}
