import Foundation
import PowerShellRuntime
import PowerShellFormatting
import PowerShellSyntax

/// `Should`: Pester 5's assertion operators with their exact failure messages. Operators that
/// take array input (Be, BeExactly, BeNullOrEmpty, Contain, HaveCount) see the whole pipeline
/// input; the others test each object.
final class ShouldCommand: Cmdlet {
    private var input: [Value] = []
    private var sawInput = false

    static let arrayOperators: Set<String> = ["Be", "BeExactly", "BeNullOrEmpty", "Contain", "HaveCount"]

    override func process(_ rt: CommandRuntime) throws {
        if let v = rt.bound["ActualValue"] {
            input.append(v)
            sawInput = true
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        guard let op = ShouldCommand.operatorName(rt.bound) else {
            try rt.throwTerminating(rt.makeError(.runtimeException, "Could not find any assertion operator. Use one of the operators, for example: Should -Be.",
                                                 errorId: "ShouldOperatorMissing", category: .InvalidArgument))
        }
        let negate = rt.bound.isOn("Not")
        let assertion = ShouldAssertion(rt: rt, negate: negate)
        if op == "Invoke" {
            try PesterMockCommands.shouldInvoke(rt, negate: negate)
            return
        }
        if !sawInput {
            try assertion.check(op, .null)
        } else if ShouldCommand.arrayOperators.contains(op) {
            try assertion.check(op, .object(PSArray(input)))
        } else {
            for v in input { try assertion.check(op, v) }
        }
    }

    static let operatorAliases: [String: String] = ["EQ": "Be", "CEQ": "BeExactly", "GT": "BeGreaterThan", "LE": "BeLessOrEqual",
                                                    "LT": "BeLessThan", "GE": "BeGreaterOrEqual", "HaveType": "BeOfType", "CMATCH": "MatchExactly"]

    static let operators = ["Be", "BeExactly", "BeGreaterThan", "BeLessOrEqual", "BeIn", "BeLessThan", "BeGreaterOrEqual", "BeLike",
                            "BeLikeExactly", "BeNullOrEmpty", "BeOfType", "BeTrue", "BeFalse", "Contain", "Exist", "FileContentMatch",
                            "FileContentMatchExactly", "FileContentMatchMultiline", "FileContentMatchMultilineExactly", "HaveCount",
                            "HaveParameter", "Match", "MatchExactly", "Throw", "Invoke", "InvokeVerifiable"]

    static func operatorName(_ bound: BoundParameters) -> String? {
        for op in operators where bound.isOn(op) { return op }
        for (alias, op) in operatorAliases where bound.isOn(alias) { return op }
        return nil
    }
}

/// One assertion of a Should call: evaluates an operator and throws Pester's error on failure.
/// Pester 4's assertions (Pester4Assertion) share the operators whose texts did not change.
class ShouldAssertion {
    let rt: CommandRuntime
    let negate: Bool
    var lastThrown: ErrorRecord?

    init(rt: CommandRuntime, negate: Bool) {
        self.rt = rt
        self.negate = negate
    }

    var hooks: RuntimeHooks { rt.context.hooks }
    var because: String { PesterFormat.because(rt.bound.string("Because")) }
    var expected: Value { rt.bound["ExpectedValue"] ?? .null }

    /// Format-Nicely of this Pester version.
    func nicely(_ v: Value) -> String { PesterFormat.nicely(v, hooks: hooks) }

    func op(_ o: BinaryOperator, _ l: Value, _ r: Value) throws -> Bool {
        Conversion.toBool(try Operators.binary(o, l, r, hooks: hooks))
    }

    func check(_ name: String, _ actual: Value) throws {
        if let message = try failure(name, actual) {
            throw RuntimeError(ShouldAssertion.errorRecord(message, rt: rt))
        }
        if name == "Throw", rt.bound.isOn("PassThru"), let record = lastThrown {
            try rt.writeObject(.object(record))
        }
    }

    /// The ErrorRecord Pester throws for a failed assertion (PesterAssertionFailed, with the
    /// failure's place in TargetObject).
    static func errorRecord(_ message: String, rt: CommandRuntime) -> ErrorRecord {
        let x = rt.invocation.extent
        let target = PSHashtable()
        target.set(.string("Message"), .string(message))
        target.set(.string("File"), .string(x?.file ?? ""))
        target.set(.string("Line"), .string(String(x?.startLine ?? 0)))
        target.set(.string("LineText"), .string(x.map { $0.source.lineText($0.startLine) } ?? ""))
        target.set(.string("Terminating"), .bool(true))
        let record = ErrorRecord(exception: PSExceptionObject(.exception, message), errorId: "PesterAssertionFailed", category: .InvalidResult,
                                 targetObject: .object(target), invocationInfo: rt.invocation)
        record.terminatesScript = true
        return record
    }


    /// The failure message, or nil when the assertion holds.
    func failure(_ name: String, _ actual: Value) throws -> String? {
        switch name {
        case "Be", "BeExactly":
            let cs = name == "BeExactly"
            var ok = try arraysAreEqual(actual, expected, caseSensitive: cs, depth: 0)
            if negate { ok.toggle() }
            if ok { return nil }
            if negate {
                return "Expected \(nicely(expected)) to be different from the actual value,\(because) but got \(cs ? "exactly " : "")the same value."
            }
            let a = unroll(actual), e = unroll(expected)
            if case .string(let sa) = a, case .string(let se) = e {
                return compareStrings(expected: se, actual: sa, caseSensitive: cs)
            }
            return "Expected \(cs ? "exactly " : "")\(nicely(e)),\(because) but got \(nicely(a))."
        case "BeNullOrEmpty":
            var ok: Bool
            var shown = actual
            let items = actual.array?.items ?? (actual.isNull ? [] : [actual])
            if items.isEmpty {
                ok = true
            } else if items.count == 1 {
                shown = items[0]
                if let h = items[0].hashtable { ok = h.count == 0 } else { ok = items[0].isNull || Conversion.toString(items[0], hooks: hooks).isEmpty }
            } else {
                ok = false
            }
            if negate { ok.toggle() }
            if ok { return nil }
            return negate ? "Expected a value,\(because) but got $null or empty." : "Expected $null or empty,\(because) but got \(nicely(shown))."
        case "BeTrue", "BeFalse":
            let wantTrue = (name == "BeTrue") != negate
            let truthy = Conversion.toBool(actual)
            if truthy == wantTrue { return nil }
            return "Expected \(wantTrue ? "$true" : "$false"),\(because) but got \(nicely(actual))."
        case "BeGreaterThan", "BeLessOrEqual", "BeLessThan", "BeGreaterOrEqual":
            var kind = name
            if negate {
                kind = ["BeGreaterThan": "BeLessOrEqual", "BeLessOrEqual": "BeGreaterThan", "BeLessThan": "BeGreaterOrEqual", "BeGreaterOrEqual": "BeLessThan"][name]!
            }
            let (failOp, text): (BinaryOperator, String) = {
                switch kind {
                case "BeGreaterThan": return (.le, "greater than")
                case "BeLessOrEqual": return (.gt, "less than or equal to")
                case "BeLessThan": return (.ge, "less than")
                default: return (.lt, "greater than or equal to")
                }
            }()
            if try !op(failOp, actual, expected) { return nil }
            return "Expected the actual value to be \(text) \(nicely(expected)),\(because) but got \(nicely(actual))."
        case "BeIn":
            var ok = try op(.contains, expected, actual)
            if negate { ok.toggle() }
            if ok { return nil }
            return "Expected collection \(nicely(expected)) to \(negate ? "not " : "")contain \(nicely(actual)),\(because) but it was \(negate ? "" : "not ")found."
        case "BeLike", "BeLikeExactly":
            var ok = try op(name == "BeLike" ? .like : .clike, actual, expected)
            if negate { ok.toggle() }
            if ok { return nil }
            let cs = name == "BeLikeExactly" ? "case sensitive " : ""
            return "Expected \(cs)like wildcard \(nicely(expected)) to \(negate ? "not " : "")match \(nicely(actual)),\(because) but it did \(negate ? "" : "not ")match."
        case "Match", "MatchExactly":
            var ok = try op(name == "Match" ? .match : .cmatch, actual, expected)
            if negate { ok.toggle() }
            if ok { return nil }
            let cs = name == "MatchExactly" ? "case sensitively " : ""
            return "Expected regular expression \(nicely(expected)) to \(negate ? "not " : "")\(cs)match \(nicely(actual)),\(because) but it did \(negate ? "" : "not ")match."
        case "Contain":
            var ok = try op(.contains, actual, expected)
            if negate { ok.toggle() }
            if ok { return nil }
            return "Expected \(nicely(expected)) to \(negate ? "not " : "")be found in collection \(nicely(actual)),\(because) but it was \(negate ? "" : "not ")found."
        case "Exist":
            let path = rt.context.resolvePath(Conversion.toString(actual, hooks: hooks))
            var ok = !Conversion.toString(actual).isEmpty && FileManager.default.fileExists(atPath: path)
            if negate { ok.toggle() }
            if ok { return nil }
            return "Expected path \(nicely(actual)) to \(negate ? "not " : "")exist,\(because) but it did \(negate ? "" : "not ")exist."
        case "HaveCount":
            let want = Int((try? Conversion.toInt64(expected)) ?? 0)
            if want < 0 {
                throw RuntimeError(.argumentException, "Excpected collection size must be greater than or equal to 0.", errorId: "ArgumentException", category: .InvalidArgument)
            }
            let count = actual.isNull ? 0 : (actual.array?.count ?? 1)
            var ok = count == want
            if negate { ok.toggle() }
            if ok { return nil }
            let emptyWanted = want == 0
            if negate {
                let expect = emptyWanted ? "Expected a non-empty collection" : "Expected a collection with size different from \(want)"
                let but = count != 0 ? "but got collection with that size \(nicely(actual))." : "but got an empty collection."
                return "\(expect),\(because) \(but)"
            }
            let expect = emptyWanted ? "Expected an empty collection" : "Expected a collection with size \(want)"
            let but = count != 0 ? "but got collection with size \(count) \(nicely(actual))." : "but got an empty collection."
            return "\(expect),\(because) \(but)"
        case "BeOfType":
            var typeValue = expected
            if case .string(let s) = expected {
                let trimmed = s.hasPrefix("[") && s.hasSuffix("]") ? String(s.dropFirst().dropLast()) : s
                guard let t = TypeResolver.resolve(name: trimmed, hooks: hooks) else {
                    throw RuntimeError(.argumentException, typeNotFound(trimmed), errorId: "ArgumentException", category: .InvalidArgument)
                }
                typeValue = .object(PSTypeObject(t))
            }
            var ok = try op(.isType, actual, typeValue)
            if negate { ok.toggle() }
            if ok { return nil }
            let actualType = actual.isNull ? "$null" : "[" + PesterFormat.typeText(PesterFormat.typeName(of: actual)) + "]"
            return "Expected the value to \(negate ? "not " : "")have type \(nicely(typeValue)) or any of its subtypes,\(because) but got \(nicely(actual)) with type \(actualType)."
        case "Throw":
            return try throwFailure(actual)
        default:
            throw RuntimeError(.notSupportedException, "Should -\(name) is not supported by teamsh's Pester.", errorId: "ShouldOperatorNotSupported", category: .NotImplemented)
        }
    }

    /// Should -BeOfType's error for a type name that resolves to nothing.
    func typeNotFound(_ name: String) -> String {
        "Could not find type [\(name)]. Make sure that the assembly that contains that type is loaded."
    }

    /// `$($x)`: a one-element array becomes its element, an empty one $null.
    func unroll(_ v: Value) -> Value {
        guard let a = v.array else { return v }
        if a.items.isEmpty { return .null }
        if a.items.count == 1 { return a.items[0] }
        return v
    }

    func objectArray(_ v: Value) -> [Value] {
        if let a = v.array { return a.items }
        return [v]
    }

    func arraysAreEqual(_ first: Value, _ second: Value, caseSensitive: Bool, depth: Int) throws -> Bool {
        if depth > 100 { return false }
        func nullOrEmpty(_ v: Value) -> Bool {
            if v.isNull { return true }
            let items = objectArray(v)
            return items.isEmpty || (items.count == 1 && items[0].isNull)
        }
        let a = nullOrEmpty(first), b = nullOrEmpty(second)
        if a || b { return a && b }
        let f = objectArray(first), s = objectArray(second)
        if f.count != s.count { return false }
        for i in f.indices {
            if f[i].array != nil || s[i].array != nil {
                if try !arraysAreEqual(f[i], s[i], caseSensitive: caseSensitive, depth: depth + 1) { return false }
            } else if try !op(caseSensitive ? .ceq : .eq, s[i], f[i]) {
                return false
            }
        }
        return true
    }

    // MARK: Strings

    func compareStrings(expected: String, actual: String, caseSensitive: Bool) -> String? {
        let e = Array(expected.utf16), a = Array(actual.utf16)
        func differ(_ x: [UInt16], _ y: [UInt16]) -> Int? {
            for i in 0..<max(x.count, y.count) {
                if i >= x.count || i >= y.count { return i }
                if caseSensitive ? x[i] != y[i] : !StringCompare.equalsIgnoreCase(String(decoding: [x[i]], as: UTF16.self), String(decoding: [y[i]], as: UTF16.self)) { return i }
            }
            return nil
        }
        guard let index = differ(e, a) else { return nil }
        var lines = ["Expected strings to be the same,\(because) but they were different."]
        if e.count != a.count {
            lines += ["Expected length: \(e.count)", "Actual length:   \(a.count)", "Strings differ at index \(index)."]
        } else {
            lines += ["String lengths are both \(e.count).", "Strings differ at index \(index)."]
        }
        func expand(_ s: String) -> String {
            s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\0", with: "\\0").replacingOccurrences(of: "\u{8}", with: "\\b")
        }
        let ee = Array(expand(expected).utf16), ae = Array(expand(actual).utf16)
        let diff = differ(ee, ae) ?? 0
        let maxLine = 80
        let context = Int((Double(maxLine) / 7).rounded(.toNearestOrEven))
        let surround = 12
        let sideOffset = (PesterSession.of(rt.context).currentTest?.path.count ?? 1) + 3
        let lineLength = maxLine - surround - sideOffset
        let ex = excerpt(ee, diff, lineLength, context)
        let ax = excerpt(ae, diff, lineLength, context)
        lines.append("Expected: '\(ex.line)'")
        lines.append("But was:  '\(ax.line)'")
        lines.append(String(repeating: " ", count: surround - 1) + String(repeating: "-", count: max(0, ax.index)) + "^")
        return lines.joined(separator: "\n")
    }

    func excerpt(_ input: [UInt16], _ diff: Int, _ lineLength: Int, _ context: Int) -> (line: String, index: Int) {
        let marker: [UInt16] = Array("...".utf16)
        let minimum = context + 3 + 1 + 3 + context
        if lineLength < minimum || input.count <= lineLength {
            return (String(decoding: input, as: UTF16.self), diff)
        }
        var shift = diff - (lineLength - 1 - context - 3)
        if shift < 0 { shift = 0 }
        var shifted = Array(input[min(shift, input.count)...])
        if shifted.count < input.count { shifted = marker + Array(shifted.dropFirst(3)) }
        if shifted.count > lineLength { shifted = Array(shifted.prefix(lineLength - 3)) + marker }
        return (String(decoding: shifted, as: UTF16.self), diff - shift)
    }

    // MARK: Throw

    /// How Should -Throw begins: `.decided` with -Not (the failure message, nil when no error
    /// came), else `.thrown` with the error (if any) and its position text.
    enum ThrowStart {
        case decided(String?)
        case thrown(ErrorRecord?, line: String)
    }

    func startThrow(_ actual: Value, notABlock: RuntimeError) throws -> ThrowStart {
        guard case .object(let o) = actual, let sb = o as? ScriptBlock else { throw notABlock }
        let thrown = try errorThrown(by: sb)
        let line = thrown.map { ShouldAssertion.exceptionLine($0).replacingOccurrences(of: "\n", with: "\n    ") } ?? ""
        guard negate else { return .thrown(thrown, line: line) }
        guard let t = thrown else { return .decided(nil) }
        return .decided("Expected no exception to be thrown,\(because) but an exception \"\(t.exception.message)\" was thrown \(line).")
    }

    func throwFailure(_ actual: Value) throws -> String? {
        let notABlock = RuntimeError(.argumentException, "Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.",
                                     errorId: "ArgumentException", category: .InvalidArgument)
        let thrown: ErrorRecord?, line: String
        switch try startThrow(actual, notABlock: notABlock) {
        case .decided(let message): return message
        case .thrown(let t, let l): (thrown, line) = (t, l)
        }
        var filters: [String] = [], buts: [String] = []
        var expectedMessage = rt.bound.string("ExpectedMessage")
        if expectedMessage == nil, let v = rt.bound["ExpectedValue"], !v.isNull { expectedMessage = Conversion.toString(v) }
        if let typeValue = rt.bound["ExceptionType"], !typeValue.isNull {
            var fullName = Conversion.toString(typeValue)
            if case .object(let t) = typeValue, let type = t as? PSTypeObject { fullName = type.type.fullName }
            filters.append("type [\(PesterFormat.typeText(fullName))]")
            if let t = thrown, !t.exception.isInstance(of: fullName) {
                buts.append("the exception type was [\(PesterFormat.typeText(t.exception.typeFullName))]")
            }
        }
        if let m = expectedMessage, !m.trimmingCharacters(in: .whitespaces).isEmpty {
            filters.append("message like \(nicely(.string(WildcardPattern.unescape(m))))")
            if let t = thrown, !WildcardPattern(m).matches(t.exception.message) {
                buts.append("the message was \(nicely(.string(t.exception.message)))")
            }
        }
        if let id = rt.bound.string("ErrorId"), !id.trimmingCharacters(in: .whitespaces).isEmpty {
            filters.append("FullyQualifiedErrorId \(nicely(.string(id)))")
            if let t = thrown, !WildcardPattern(id).matches(t.fullyQualifiedErrorId) {
                buts.append("the FullyQualifiedErrorId was \(nicely(.string(t.fullyQualifiedErrorId)))")
            }
        }
        if thrown == nil { buts.append("no exception was thrown") }
        if buts.isEmpty {
            lastThrown = thrown
            return nil
        }
        let filter = joinAnd(filters), but = joinAnd(buts)
        return "Expected an exception\(filter.isEmpty ? "" : " with \(filter)") to be thrown,\(because) but \(but). \(line)".trimmingCharacters(in: .whitespaces)
    }

    /// Runs Should -Throw's block as Pester does (`do { $null = & $ActualValue } until ($true)`
    /// inside `try`): the error it ended with, or nil.
    func errorThrown(by sb: ScriptBlock) throws -> ErrorRecord? {
        do {
            try rt.context.runAsInsideTry {
                try rt.context.runAsLoopBody {
                    try rt.context.invokeCommand(sb, arguments: [], output: Pipe({ _ in }))
                }
            }
        } catch let e as RuntimeError {
            // Pester catches it in PowerShell, which records it in $Error.
            rt.context.recordError(e.record)
            return e.record
        }
        return nil
    }

    func joinAnd(_ items: [String]) -> String {
        if items.count < 2 { return items.joined(separator: ", ") }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Get-ExceptionLineInfo: the error's position message with `At` replaced by `from`.
    static func exceptionLine(_ record: ErrorRecord) -> String {
        guard let x = record.invocationInfo?.extent else { return "" }
        let place = x.file.map { "\($0):\(x.startLine) char:\(x.startColumn)" } ?? "line:\(x.startLine) char:\(x.startColumn)"
        let (line, highlight) = ErrorView.positionLines(x)
        return "from \(place)\n+\(line)\n+\(highlight)"
    }
}
