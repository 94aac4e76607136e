import Foundation

/// The `.Where({…})` and `.ForEach(…)` methods pwsh gives every value.
enum Intrinsics {
    /// The items the intrinsic methods walk: a collection's elements, or the value alone.
    static func items(_ v: Value) -> [Value] {
        if let a = v.array { return a.items }
        if v.isNull { return [] }
        if let e = Members.enumeratedItems(v) { return e }
        return [v]
    }

    static func invoke(_ target: Value, _ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        name == "where" ? try whereMethod(target, args, hooks: hooks) : try forEachMethod(target, args, hooks: hooks)
    }

    private static func truth(_ out: [Value]) -> Bool {
        switch out.count {
        case 0: return false
        case 1: return Conversion.toBool(out[0])
        default: return true
        }
    }

    /// `.Where(expression[, mode[, numberToReturn]])`.
    static func whereMethod(_ target: Value, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        let a = MethodArgs(args, hooks)
        guard (1...3).contains(args.count) else { throw MemberErrors.noOverload("Where", args.count) }
        guard case .object(let o) = args[0], let block = o as? ScriptBlock else {
            throw MemberErrors.argumentConversion("Where", parameter: "expression", value: Conversion.toString(args[0], hooks: hooks),
                                                  type: "System.Management.Automation.ScriptBlock",
                                                  message: "Cannot convert the \"\(Conversion.toString(args[0], hooks: hooks))\" value of type \"\(Members.typeFullName(args[0]))\" to type \"System.Management.Automation.ScriptBlock\".")
        }
        var mode: Int64 = 0
        var limit = 0
        do {
            if args.count >= 2 { mode = try a.enumValue(1, DotNetEnums.whereOperatorSelectionMode, "mode") }
            if args.count == 3 { limit = try a.int(2, "numberToReturn") }
        } catch {
            throw MemberErrors.wrap(error, method: "Where", argCount: args.count, hooks: hooks)
        }
        if limit < 0 {
            throw MemberErrors.invocation("Where", args.count, PSExceptionObject(.argumentOutOfRangeException, "The specified number of elements to return must be non-negative. (Parameter 'numberToReturn')"))
        }
        let source = items(target)
        var matched: [Value] = []
        var rest: [Value] = []
        switch mode {
        case 1: // First
            let want = limit == 0 ? 1 : limit
            for item in source where matched.count < want {
                if truth(try hooks.invokeInCallerScope(block, item, [])) { matched.append(item) }
            }
        case 2: // Last
            let want = limit == 0 ? 1 : limit
            for item in source where truth(try hooks.invokeInCallerScope(block, item, [])) { matched.append(item) }
            if matched.count > want { matched.removeFirst(matched.count - want) }
        case 3, 4: // SkipUntil, Until
            var found = false
            for item in source {
                if !found, truth(try hooks.invokeInCallerScope(block, item, [])) { found = true }
                if found == (mode == 3) {
                    if limit == 0 || matched.count < limit { matched.append(item) }
                }
                if mode == 4 && found { break }
            }
        case 5: // Split
            for item in source {
                if limit == 0 || matched.count < limit, truth(try hooks.invokeInCallerScope(block, item, [])) {
                    matched.append(item)
                } else {
                    rest.append(item)
                }
            }
            return .object(PSArray([.object(PSArray(matched)), .object(PSArray(rest))]))
        default:
            for item in source where truth(try hooks.invokeInCallerScope(block, item, [])) {
                matched.append(item)
                if limit > 0 && matched.count == limit { break }
            }
        }
        // NOTE: pwsh returns a Collection`1[PSObject]; it prints and enumerates like an array.
        return .object(PSArray(matched))
    }

    /// `.ForEach(scriptblock, args…)`, `.ForEach('Property')`, `.ForEach('Property', value)`,
    /// `.ForEach('Method', args…)`, `.ForEach([type])`.
    static func forEachMethod(_ target: Value, _ args: [Value], hooks: RuntimeHooks) throws -> Value {
        guard let first = args.first else { throw MemberErrors.noOverload("ForEach", 0) }
        let rest = Array(args.dropFirst())
        var results: [Value] = []
        let source = items(target)
        if case .object(let o) = first, let block = o as? ScriptBlock {
            for item in source { results.append(contentsOf: try hooks.invokeInCallerScope(block, item, rest)) }
        } else if case .object(let o) = first, let t = o as? PSTypeObject {
            for item in source { results.append(try Conversion.convert(item, to: t.type, hooks: hooks)) }
        } else {
            // A property or method name (EnumerableOps.ForEach): a property's value is added as
            // it is (an array property stays one item); a missing member adds $null.
            let name = Conversion.toString(first, hooks: hooks)
            for item in source {
                if let h = item.hashtable {
                    switch rest.count {
                    case 0: results.append(h[.string(name)] ?? .null)
                    case 1: h.set(.string(name), rest[0])
                    default: h.set(.string(name), .object(PSArray(rest)))
                    }
                    continue
                }
                if item.isNull {
                    if rest.isEmpty { results.append(.null); continue }
                    throw MemberErrors.invocation(name, rest.count, PSExceptionObject(.nullReferenceException, "Object reference not set to an instance of an object."))
                }
                if let v = try Members.adaptedProperty(item, name, hooks: hooks) {
                    switch rest.count {
                    case 0: results.append(v)
                    case 1: try Members.setProperty(item, name, rest[0], hooks: hooks)
                    default: try Members.setProperty(item, name, .object(PSArray(rest)), hooks: hooks)
                    }
                    continue
                }
                do {
                    let r = try Members.invokeMethod(item, name, rest, hooks: hooks)
                    if !r.isNull && !r.isVoidResult { results.append(r) }
                } catch let e as RuntimeError where e.record.errorId == "MethodNotFound" {
                    if rest.isEmpty { results.append(.null); continue }
                    throw RuntimeError(.nullReferenceException, "The member '\(name)' was not found for the specified object.",
                                       errorId: "ForEachNonexistentMemberReference", category: .InvalidOperation)
                }
            }
        }
        return .object(PSArray(results))
    }
}
