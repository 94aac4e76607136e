import Foundation
import PowerShellSyntax

/// The `switch` statement: each input item is tested against every clause in order; all
/// matching clauses run; `break` leaves the switch, `continue` goes to the next item.
extension ExecutionContext {

    func executeSwitch(_ s: SwitchStatementAst, _ out: Pipe) throws {
        let items = try switchItems(s)
        let savedDollar = currentScope.variables["_"]
        defer { currentScope.variables["_"] = savedDollar }
        let caseSensitive = s.flags.contains(.caseSensitive)
        items: for item in items {
            setDollarUnder(item)
            var matched = false
            do {
                for clause in s.clauses {
                    if try atSequencePoint(clause.test.extent, { try clauseMatches(clause.test, item, flags: s.flags, caseSensitive: caseSensitive) }) {
                        matched = true
                        setDollarUnder(item)
                        try executeBlock(clause.body, out)
                    }
                }
                if !matched, let d = s.defaultClause {
                    setDollarUnder(item)
                    try executeBlock(d, out)
                }
            } catch let b as BreakSignal {
                if labelMatches(b.label, s.label) { break items }
                throw b
            } catch let c as ContinueSignal {
                if labelMatches(c.label, s.label) { continue items }
                throw c
            }
        }
    }

    private func setDollarUnder(_ v: Value) {
        if let existing = currentScope.variables["_"] { existing.value = v } else { currentScope.variables["_"] = PSVariable(name: "_", value: v) }
    }

    private func switchItems(_ s: SwitchStatementAst) throws -> [Value] {
        if s.flags.contains(.file) {
            let pathValue = try atSequencePoint(s.condition) { try evaluateStatementValue(s.condition) }
            let path = resolvePath(Conversion.toString(pathValue, hooks: hooks))
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuntimeError(.itemNotFoundException, "Cannot find path '\(path)' because it does not exist.",
                                   errorId: "PathNotFound", category: .ObjectNotFound, extent: s.condition.extent, target: .string(path))
            }
            return ExecutionContext.splitLines(String(decoding: data, as: UTF8.self)).map { .string($0) }
        }
        let v = try atSequencePoint(s.condition) { try evaluateStatementValue(s.condition) }
        if let items = Conversion.enumerate(v) { return items }
        return [v]
    }

    private func clauseMatches(_ test: ExpressionAst, _ item: Value, flags: SwitchFlags, caseSensitive: Bool) throws -> Bool {
        if case .scriptBlock(let sbe) = test {
            let sb = ScriptBlock(ast: sbe.scriptBlock)
            let result = try invokeScriptBlock(sb, args: [], dollarUnder: item, dotSource: false)
            return Conversion.toBool(collapse(result))
        }
        let testValue = try evaluateArgument(test)
        if flags.contains(.regex) {
            let op: BinaryOperator = caseSensitive ? .cmatch : .imatch
            let r = try Operators.binary(op, .string(Conversion.toString(item, hooks: hooks)), testValue, hooks: hooks)
            if let m = hooks.lastMatches {
                hooks.lastMatches = nil
                try assignVariable(in: currentScope, folded: "matches", name: "Matches", value: .object(m))
            }
            return Conversion.toBool(r)
        }
        if flags.contains(.wildcard) {
            let op: BinaryOperator = caseSensitive ? .clike : .ilike
            return Conversion.toBool(try Operators.binary(op, .string(Conversion.toString(item, hooks: hooks)), testValue, hooks: hooks))
        }
        // Plain and -Exact: numbers (and Booleans) compare by value; anything else compares as
        // text, so an enum item matches its name, not its number, and a hashtable matches
        // 'System.Collections.Hashtable' (about_Switch).
        if isNumberLike(item) && isNumberLike(testValue) {
            let op: BinaryOperator = caseSensitive ? .ceq : .ieq
            return Conversion.toBool((try? Operators.binary(op, item, testValue, hooks: hooks)) ?? .bool(false))
        }
        let s = Conversion.toString(item, hooks: hooks)
        let t = Conversion.toString(testValue, hooks: hooks)
        return caseSensitive ? s == t : StringCompare.equalsIgnoreCase(s, t)
    }

    private func isNumberLike(_ v: Value) -> Bool {
        switch v {
        case .int, .long, .double, .decimal, .sized, .bool: return true
        default: return false
        }
    }
}
