import PowerShellRuntime
import PowerShellSyntax

/// ForEach-Object and Where-Object: script blocks run per pipeline object in the caller's
/// scope, plus the member-name and simplified comparison forms.
enum ForEachWhereCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("ForEach-Object", ForEachObjectCommand.self),
        ("Where-Object", WhereObjectCommand.self),
    ]
}

/// `ForEach-Object [-Process] <scriptblock[]> [-Begin …] [-End …] [-RemainingScripts …]`
/// and `ForEach-Object [-MemberName] <string> [-ArgumentList <Object[]>]`.
final class ForEachObjectCommand: Cmdlet {
    private var processScripts: [ScriptBlock?] = []
    private var endScript: ScriptBlock?
    private var memberName: String?
    private var arguments: [Value] = []
    private var out: Pipe?
    private var invoker: DollarUnderInvoker?
    private var parallel: ForEachParallel?

    override func begin(_ rt: CommandRuntime) throws {
        if rt.bound.parameterSetName == "ParallelParameterSet", let sb = block(rt.bound["Parallel"]) {
            parallel = try ForEachParallel(rt, block: sb)
            return
        }
        out = rt.outputPipe()
        invoker = DollarUnderInvoker(context: rt.context)
        if let name = rt.bound.string("MemberName") {
            memberName = name
            arguments = rt.bound.list("ArgumentList") ?? []
            return
        }
        // pwsh's rule: -Begin goes first in the list of blocks; with no -End, a list of three
        // or more ends with the end block; with two or more, the first is the begin block.
        var scripts: [ScriptBlock?] = []
        let hasBegin = rt.bound.has("Begin")
        if hasBegin { scripts.append(block(rt.bound["Begin"])) }
        for v in rt.bound.list("Process") ?? [] { scripts.append(block(v)) }
        for v in rt.bound.list("RemainingScripts") ?? [] { scripts.append(block(v)) }
        let start = scripts.count > 1 ? 1 : 0
        var end = scripts.count
        if rt.bound.has("End") {
            endScript = block(rt.bound["End"])
        } else if scripts.count > 2 {
            end = scripts.count - 1
            endScript = scripts[end]
        }
        if start == 1, let b = scripts[0], let o = out {
            try invoker?.invoke(b, .null, output: o)
        }
        processScripts = start < end ? Array(scripts[start..<end]) : []
    }

    private func block(_ v: Value?) -> ScriptBlock? {
        guard let v = v, case .object(let o) = v else { return nil }
        return o as? ScriptBlock
    }

    override func process(_ rt: CommandRuntime) throws {
        let input: Value = rt.bound[folded: "inputobject"] ?? .null
        if let parallel { return try parallel.process(input, rt) }
        guard let o = out, let invoker = invoker else { return }
        if let name = memberName {
            try invokeMember(name, on: input, rt)
            return
        }
        for case let sb? in processScripts {
            try invoker.invoke(sb, input, output: o)
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        if let parallel { return try parallel.end(rt) }
        if let e = endScript, let o = out {
            try invoker?.invoke(e, .null, output: o)
        }
    }

    /// `% Name`: a property's value, or a method's result (`% Split ','`), unrolled.
    private func invokeMember(_ name: String, on input: Value, _ rt: CommandRuntime) throws {
        if input.isNull { return }
        if arguments.isEmpty, !WildcardPattern.containsWildcard(name), let v = try rt.property(input, name) {
            try rt.writeObject(v, enumerate: true)
            return
        }
        if arguments.isEmpty, WildcardPattern.containsWildcard(name) {
            let pattern = WildcardPattern(name)
            let matches = Members.propertyNames(input).filter { pattern.matches($0) }
            if matches.count == 1, let v = try rt.property(input, matches[0]) {
                try rt.writeObject(v, enumerate: true)
                return
            }
            if matches.count > 1 {
                try rt.writeError(rt.error("AmbiguousPropertyOrMethodName",
                                           "The input name \"\(name)\" is ambiguous. It can be resolved to multiple matched members. Possible matches include: \(matches.joined(separator: " ")).",
                                           .InvalidArgument, target: input))
                return
            }
        }
        if Members.methodNames(input).contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            let result = try Members.invokeMethod(input, name, arguments, hooks: rt.hooks)
            if !result.isVoidResult { try rt.writeObject(result, enumerate: true) }
            return
        }
        if rt.context.currentScope.effectiveStrictMode >= 2 || !arguments.isEmpty {
            try rt.writeError(rt.error("MethodOrPropertyNotFound", "The input name \"\(name)\" cannot be resolved to a member.",
                                       .InvalidArgument, target: input))
        }
    }
}

/// `Where-Object [-FilterScript] <scriptblock>` and the simplified forms
/// `Where-Object [-Property] <string> [[-Value] <Object>] -EQ|-GT|-Like|…` and `Where-Object -Not Name`.
final class WhereObjectCommand: Cmdlet {
    private var filter: ScriptBlock?
    private var propertyName: String?
    private var op: BinaryOperator?
    private var negate = false
    private var compareValue: Value = .null

    /// The switch parameters of the simplified syntax and the operator each means.
    private static let operators: [(String, BinaryOperator)] = [
        ("EQ", .ieq), ("CEQ", .ceq), ("NE", .ine), ("CNE", .cne), ("GT", .igt), ("CGT", .cgt), ("LT", .ilt), ("CLT", .clt),
        ("GE", .ige), ("CGE", .cge), ("LE", .ile), ("CLE", .cle), ("Like", .ilike), ("CLike", .clike),
        ("NotLike", .inotlike), ("CNotLike", .cnotlike), ("Match", .imatch), ("CMatch", .cmatch),
        ("NotMatch", .inotmatch), ("CNotMatch", .cnotmatch), ("Contains", .icontains), ("CContains", .ccontains),
        ("NotContains", .inotcontains), ("CNotContains", .cnotcontains), ("In", .iin), ("CIn", .cin),
        ("NotIn", .inotin), ("CNotIn", .cnotin), ("Is", .isType), ("IsNot", .isNotType),
    ]

    override func begin(_ rt: CommandRuntime) throws {
        if let v = rt.bound["FilterScript"], case .object(let o) = v, let sb = o as? ScriptBlock {
            filter = sb
            return
        }
        propertyName = rt.bound.string("Property")
        negate = rt.bound.isOn("Not")
        for (name, binary) in WhereObjectCommand.operators where rt.bound.isOn(name) {
            op = binary
            break
        }
        compareValue = rt.bound["Value"] ?? .null
        if op == nil && rt.bound.has("Value") { op = .ieq }
    }

    override func process(_ rt: CommandRuntime) throws {
        let input: Value = rt.bound[folded: "inputobject"] ?? .null
        if let sb = filter {
            if try rt.context.perObjectTest(sb, dollarUnder: input) { try rt.writeObject(input) }
            return
        }
        guard let name = propertyName else { return }
        let value = try propertyValue(input, name, rt)
        let keep: Bool
        if let binary = op {
            keep = Conversion.toBool(try Operators.binary(binary, value, compareValue, hooks: rt.hooks))
        } else {
            keep = negate ? !Conversion.toBool(value) : Conversion.toBool(value)
        }
        if keep { try rt.writeObject(input) }
    }

    private func propertyValue(_ input: Value, _ name: String, _ rt: CommandRuntime) throws -> Value {
        if input.isNull { return .null }
        if let v = try rt.property(input, name) { return v }
        if rt.context.currentScope.effectiveStrictMode >= 2 {
            throw RuntimeError(rt.error("PropertyNotFoundStrict", "The property '\(name)' cannot be found on this object. Verify that the property exists.",
                                        .InvalidOperation, target: input, type: .propertyNotFoundException))
        }
        return .null
    }

    /// pwsh's truth of a script block's output: nothing is false, one value is its truth,
    /// several are true.
}
