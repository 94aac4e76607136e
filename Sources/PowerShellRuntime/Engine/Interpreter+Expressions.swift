import Foundation
import PowerShellSyntax

/// Expressions: literals, variables, operators, member access, indexing, collections.
extension ExecutionContext {

    func evaluate(_ e: ExpressionAst) throws -> Value {
        switch e {
        case .constant(let c):
            return ExecutionContext.literalValue(c.value)
        case .stringConstant(let s):
            return .string(s.value)
        case .expandableString(let s):
            return .string(try expandString(s))
        case .variable(let v):
            return try readVariable(v)
        case .binary(let b):
            return try evaluateBinary(b)
        case .unary(let u):
            return try evaluateUnary(u)
        case .convert(let c):
            return try evaluateConvert(c)
        case .typeLiteral(let t):
            return .object(PSTypeObject(try resolveType(t.type, extent: t.extent)))
        case .member(let m):
            return try evaluateMember(m)
        case .invokeMember(let m):
            return try evaluateInvokeMember(m)
        case .index(let i):
            return try evaluateIndex(i)
        case .arrayLiteral(let a):
            var items: [Value] = []
            items.reserveCapacity(a.elements.count)
            for el in a.elements { items.append(try evaluate(el)) }
            return .object(PSArray(items))
        case .arrayExpression(let s):
            let pipe = Pipe()
            try executeBlock(s.statements, pipe)
            completedNestedStatements(s.statements.statements)
            return .object(PSArray(pipe.items))
        case .subExpression(let s):
            let pipe = Pipe()
            try executeBlock(s.statements, pipe)
            completedNestedStatements(s.statements.statements)
            return pipe.result
        case .paren(let p):
            if case .assignment(let a) = p.pipeline {
                return try executeAssignment(a)
            }
            return try evaluateStatementValue(p.pipeline)
        case .hashtable(let h):
            return .object(try buildHashtable(h, ordered: false))
        case .scriptBlock(let s):
            let sb = ScriptBlock(ast: s.scriptBlock)
            sb.moduleState = currentModule
            return .object(sb)
        case .ternary(let t):
            return try Conversion.toBool(evaluate(t.condition)) ? evaluate(t.ifTrue) : evaluate(t.ifFalse)
        case .attributed(let a):
            return try evaluate(a.child)
        case .using(let u):
            if let values = usingValues, let v = values[u.variable.foldedName] { return v }
            return try readVariable(u.variable)
        }
    }

    static func literalValue(_ n: NumberLiteral) -> Value {
        switch n {
        case .int32(let i): return .int(i)
        case .int64(let l): return .long(l)
        case .double(let d): return .double(d)
        case .decimal(let text): return .decimal(PSDecimal.parse(text) ?? .zero)
        case .byte(let b): return .sized(SizedNumber(kind: .byte, integer: Int64(b)))
        case .sbyte(let b): return .sized(SizedNumber(kind: .sbyte, integer: Int64(b)))
        case .int16(let b): return .sized(SizedNumber(kind: .int16, integer: Int64(b)))
        case .uint16(let b): return .sized(SizedNumber(kind: .uint16, integer: Int64(b)))
        case .uint32(let b): return .sized(SizedNumber(kind: .uint32, integer: Int64(b)))
        case .uint64(let b): return .sized(SizedNumber(uint64: b))
        case .bigInteger(let t): return .sized(SizedNumber(bigDigits: t, approximate: Double(t) ?? 0))
        }
    }

    // MARK: - Strings

    func expandString(_ s: ExpandableStringExpressionAst) throws -> String {
        var result = ""
        for part in s.parts {
            switch part {
            case .literal(let t): result += t
            case .variable(let v): result += Conversion.toString(try readVariable(v), hooks: hooks)
            case .subExpression(let sub):
                let pipe = Pipe()
                try executeBlock(sub.statements, pipe)
                completedNestedStatements(sub.statements.statements)
                result += Conversion.toString(pipe.result, hooks: hooks)
            }
        }
        return result
    }

    // MARK: - Variables

    func readVariable(_ v: VariableExpressionAst) throws -> Value {
        if let scope = v.scope {
            switch scope {
            case "env":
                guard let raw = getenv(v.name) else { return .null }
                return .string(String(cString: raw))
            case "global":
                return try globalScope.variables[v.foldedName]?.value ?? undefinedVariable(v)
            case "script":
                return try currentScope.scriptScopeOrSelf.lookup(v.foldedName)?.value ?? undefinedVariable(v)
            case "local", "private":
                return try currentScope.variables[v.foldedName]?.value ?? undefinedVariable(v)
            case "using":
                // `"$using:x"` in a string of a parallel task's block.
                if let values = usingValues, let value = values[v.foldedName] { return value }
            case "variable":
                break
            case "function":
                if let f = currentScope.lookupFunction(v.foldedName) { return .object(f.scriptBlock) }
                return .null
            case "alias":
                // The Alias provider's content of an item is its definition's text.
                if let a = currentScope.lookupAlias(v.foldedName) { return .string(a.definition) }
                return .null
            default:
                return .null
            }
        }
        if v.foldedName == "myinvocation", let inv = lazyInvocation() { return inv }
        if let variable = cachedLookup(v) { return variable.value }
        return try automaticOrUndefined(v)
    }

    /// Looks a plain variable up, reusing the last answer while the scope and the set of
    /// variables are unchanged (the common case inside loops).
    @inline(__always)
    func cachedLookup(_ v: VariableExpressionAst) -> PSVariable? {
        if v.lookupScopeID == currentScope.id, v.lookupGeneration == Scope.generation, let found = v.lookupVariable {
            return unsafeDowncast(found, to: PSVariable.self)
        }
        // A call's first parameter costs no more to find than the cache costs to check; in
        // recursion every call has a new scope, so caching it would only be rewritten.
        if let first = currentScope.variables.firstVariable(named: v.foldedName) { return first }
        let found: PSVariable
        let local: Bool
        if let here = currentScope.variables[v.foldedName] {
            found = here
            local = true
        } else {
            guard let outer = currentScope.lookup(v.foldedName) else { return nil }
            found = outer
            local = false
        }
        v.lookupScopeID = currentScope.id
        v.lookupGeneration = Scope.generation
        v.lookupVariable = found
        v.lookupIsLocal = local
        return found
    }

    /// Variables computed on read (`$PWD`, `$?`) and the undefined-variable rule.
    func automaticOrUndefined(_ v: VariableExpressionAst) throws -> Value {
        switch v.foldedName {
        case "?": return .bool(lastStatementSucceeded)
        case "pwd": return .object(PathInfo(currentLocation))
        case "lastexitcode": return try lastExitCode.map { .int($0) } ?? undefinedVariable(v)
        case "input": return .object(PSArray([]))
        case "myinvocation": if let v = lazyInvocation() { return v }; return try undefinedVariable(v)
        default: return try undefinedVariable(v)
        }
    }

    func undefinedVariable(_ v: VariableExpressionAst) throws -> Value {
        if currentScope.effectiveStrictMode >= 1 {
            throw RuntimeError(.runtimeException, "The variable '$\(v.name)' cannot be retrieved because it has not been set.",
                               errorId: "VariableIsUndefined", category: .InvalidOperation, extent: v.extent, target: .string(v.name))
        }
        return .null
    }

    /// Assigns to a variable expression (honouring scope qualifiers and `$env:`).
    func assignToVariable(_ v: VariableExpressionAst, _ value: Value) throws {
        if v.foldedName == "null" && v.scope == nil { return }
        if let scope = v.scope {
            switch scope {
            case "env":
                let text = Conversion.toString(value, hooks: hooks)
                if value.isNull || text.isEmpty { unsetenv(v.name) } else { setenv(v.name, text, 1) }
                return
            case "global":
                try assignVariable(in: globalScope, folded: v.foldedName, name: v.name, value: value)
                return
            case "script":
                try assignVariable(in: currentScope.scriptScopeOrSelf, folded: v.foldedName, name: v.name, value: value)
                return
            case "private":
                try assignVariable(in: currentScope, folded: v.foldedName, name: v.name, value: value, privateVar: true)
                return
            case "function":
                // `$function:f = { … }` defines f (a string is parsed; $null removes it).
                try setFunctionItem(v.name, value)
                return
            case "alias":
                setAliasItem(v.name, value)
                return
            default:
                break
            }
        }
        if let existing = localVariable(v), existing.typeConstraint == nil, !existing.isReadOnlyOrConstant, existing.validations.isEmpty {
            existing.value = value
            return
        }
        if let allScope = currentScope.lookup(v.foldedName), allScope.options.contains(.allScope) {
            // An AllScope variable is the same variable in every scope below the one that
            // made it: assigning anywhere sets it there.
            var owner: Scope? = currentScope
            while let s = owner, s.variables[v.foldedName] !== allScope { owner = s.parent }
            try assignVariable(in: owner ?? globalScope, folded: v.foldedName, name: v.name, value: value)
            return
        }
        try assignVariable(in: currentScope, folded: v.foldedName, name: v.name, value: value)
    }

    // MARK: - Operators

    func evaluateBinary(_ b: BinaryExpressionAst) throws -> Value {
        switch b.op {
        case .and:
            if !Conversion.toBool(try evaluate(b.left)) { return .bool(false) }
            return .bool(Conversion.toBool(try evaluate(b.right)))
        case .or:
            if Conversion.toBool(try evaluate(b.left)) { return .bool(true) }
            return .bool(Conversion.toBool(try evaluate(b.right)))
        case .nullCoalesce:
            let l = try evaluate(b.left)
            return try l.isNull ? evaluate(b.right) : l
        default:
            break
        }
        let l = try evaluate(b.left)
        let r = try evaluate(b.right)
        if let fast = ExecutionContext.fastBinary(b.op, l, r) { return fast }
        return try applyBinary(b, l, r)
    }

    /// A binary operator on evaluated operands (not the short-circuit ones), through the
    /// general operator code; sets `$Matches` after a successful `-match`.
    func applyBinary(_ b: BinaryExpressionAst, _ l: Value, _ r: Value) throws -> Value {
        let result: Value
        do {
            result = try Operators.binary(b.op, l, r, hooks: hooks)
        } catch let e as RuntimeError {
            if ExecutionContext.errorsAtOperator.contains(e.record.errorId), e.record.invocationInfo == nil {
                e.record.invocationInfo = InvocationInfo(commandName: "", extent: b.operatorExtent)
            }
            throw e
        }
        if let m = hooks.lastMatches {
            hooks.lastMatches = nil
            try assignVariable(in: currentScope, folded: "matches", name: "Matches", value: .object(m))
        }
        return result
    }

    /// The hot numeric cases of `+ - -lt -le -gt -ge -eq -ne` on Int32/Int64/Double, computed
    /// without the general operator machinery; nil when the general path must decide
    /// (overflow, other types, other operators).
    @inline(__always)
    static func fastBinary(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Value? {
        let x: Int64, y: Int64
        switch (l, r) {
        case (.int(let a), .int(let b)):
            switch op {
            case .add:
                let (s, o) = a.addingReportingOverflow(b)
                return o ? nil : .int(s)
            case .subtract:
                let (s, o) = a.subtractingReportingOverflow(b)
                return o ? nil : .int(s)
            case .multiply:
                let (s, o) = a.multipliedReportingOverflow(by: b)
                return o ? nil : .int(s)
            case .remainder:
                // pwsh's % on Int32: the sign follows the dividend (as Swift's); division by
                // zero and Int32.min % -1 take the general path.
                if b == 0 || (a == Int32.min && b == -1) { return nil }
                return .int(a % b)
            default:
                x = Int64(a); y = Int64(b)
            }
        case (.long(let a), .long(let b)): x = a; y = b
        case (.long(let a), .int(let b)): x = a; y = Int64(b)
        case (.int(let a), .long(let b)): x = Int64(a); y = b
        case (.double, .double), (.double, .int), (.int, .double), (.double, .long), (.long, .double):
            let a: Double, b: Double
            switch l {
            case .double(let d): a = d
            case .int(let i): a = Double(i)
            case .long(let i): a = Double(i)
            default: return nil
            }
            switch r {
            case .double(let d): b = d
            case .int(let i): b = Double(i)
            case .long(let i): b = Double(i)
            default: return nil
            }
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .lt, .ilt, .clt: return .bool(a < b)
            case .le, .ile, .cle: return .bool(a <= b)
            case .gt, .igt, .cgt: return .bool(a > b)
            case .ge, .ige, .cge: return .bool(a >= b)
            default: return nil
            }
        default:
            return nil
        }
        switch op {
        case .add:
            let (s, o) = x.addingReportingOverflow(y)
            return o ? nil : .long(s)
        case .subtract:
            let (s, o) = x.subtractingReportingOverflow(y)
            return o ? nil : .long(s)
        case .lt, .ilt, .clt: return .bool(x < y)
        case .le, .ile, .cle: return .bool(x <= y)
        case .gt, .igt, .cgt: return .bool(x > y)
        case .ge, .ige, .cge: return .bool(x >= y)
        case .eq, .ieq, .ceq: return .bool(x == y)
        case .ne, .ine, .cne: return .bool(x != y)
        default: return nil
        }
    }

    func evaluateUnary(_ u: UnaryExpressionAst) throws -> Value {
        switch u.op {
        case .preIncrement, .preDecrement, .postIncrement, .postDecrement:
            let isInc = u.op == .preIncrement || u.op == .postIncrement
            let old = try evaluate(u.operand)
            let new = try Operators.increment(old.isNull ? .int(0) : old, by: isInc ? 1 : -1)
            try assign(to: u.operand, new, extent: u.extent)
            return (u.op == .preIncrement || u.op == .preDecrement) ? new : (old.isNull ? .int(0) : old)
        default:
            let v = try evaluate(u.operand)
            return try Operators.unary(u.op, v, hooks: hooks)
        }
    }

    func resolveType(_ t: TypeName, extent: SourceExtent) throws -> PSType {
        if let type = TypeResolver.resolve(t, hooks: hooks) { return type }
        throw RuntimeError(.runtimeException, "Unable to find type [\(t)].", errorId: "TypeNotFound",
                           category: .InvalidOperation, extent: extent, target: .string(t.description))
    }

    func evaluateConvert(_ c: ConvertExpressionAst) throws -> Value {
        if case .simple(let n) = c.type, n.lowercased() == "ordered", case .hashtable(let h) = c.child {
            return .object(try buildHashtable(h, ordered: true))
        }
        let type = try resolveType(c.type, extent: c.typeNameExtent)
        if type.fullName == "System.Management.Automation.PSReference", case .variable(let variable) = c.child {
            // `[ref]$x`: a reference to the variable itself, which outlives the scope it was
            // made in (a function may return it).
            if variable.scope == nil, !variable.splatted, let pv = cachedLookup(variable) {
                let hooks = self.hooks
                return .object(PSReference(get: { pv.value }, set: { v in
                    guard !pv.isReadOnlyOrConstant else { return }
                    if let t = pv.typeConstraint, let converted = try? Conversion.convert(v, to: t, hooks: hooks) {
                        pv.value = converted
                    } else if pv.typeConstraint == nil {
                        pv.value = v
                    }
                }))
            }
            return .object(PSReference(get: { [unowned self] in (try? self.readVariable(variable)) ?? .null },
                                       set: { [unowned self] v in try? self.assignToVariable(variable, v) }))
        }
        let v = try evaluate(c.child)
        if case .pscustomobject = type.kind, let h = v.hashtable {
            let o = PSCustomObject()
            for (k, val) in zip(h.keys, h.values) {
                let name = Conversion.toString(k)
                if name.caseInsensitiveCompare("PSTypeName") == .orderedSame {
                    o.extraTypeNames.insert(Conversion.toString(val), at: 0)
                } else {
                    o.set(name, val)
                }
            }
            return .object(o)
        }
        return try Conversion.convert(v, to: type, hooks: hooks)
    }

    func buildHashtable(_ h: HashtableAst, ordered: Bool) throws -> PSHashtable {
        let table = PSHashtable(ordered: ordered)
        for pair in h.pairs {
            let key = try evaluate(pair.key)
            let value = try atSequencePoint(pair.value) { try evaluateStatementValue(pair.value) }
            completedNestedStatements([pair.value])
            if key.isNull {
                throw RuntimeError(.runtimeException, "A null key is not allowed in a hash literal.", errorId: "InvalidNullKey",
                                   category: .InvalidOperation, extent: pair.key.extent)
            }
            if !table.add(key, value) {
                throw RuntimeError(.runtimeException, "Duplicate keys '\(Conversion.toString(key))' are not allowed in hash literals.",
                                   errorId: "DuplicateKeyInHashLiteral", category: .InvalidOperation, extent: pair.key.extent)
            }
        }
        return table
    }

    // MARK: - Members

    func memberName(_ e: ExpressionAst) throws -> String {
        if case .stringConstant(let s) = e { return s.value }
        return Conversion.toString(try evaluate(e), hooks: hooks)
    }

    func evaluateMember(_ m: MemberExpressionAst) throws -> Value {
        let name = try memberName(m.member)
        if m.isStatic {
            let target = try evaluate(m.target)
            guard case .object(let o) = target, let t = o as? PSTypeObject else { return .null }
            if case .psClass(let def) = t.type.kind {
                try initializeType(def)
                if let v = def.staticValues[name.lowercased()] { return v }
            }
            if case .enumeration(let def) = t.type.kind {
                if let member = def.member(named: name) { return .object(PSEnumValue(def, member.value)) }
            }
            return try Members.getStatic(t.type, name, hooks: hooks) ?? .null
        }
        let target = try evaluate(m.target)
        if target.isNull {
            if m.nullConditional { return .null }
            if currentScope.effectiveStrictMode >= 2 {
                throw RuntimeError(.propertyNotFoundException, "The property '\(name)' cannot be found on this object. Verify that the property exists.",
                                   errorId: "PropertyNotFoundStrict", category: .NotSpecified)
            }
        }
        if case .object(let o) = target, let inst = o as? PSClassInstance, let v = inst.properties.get(name) { return v }
        // `$hash.1`: a numeric member name looks up the number key.
        if case .constant = m.member, let h = target.hashtable, let v = h[try evaluate(m.member)] { return v }
        if let v = try Members.getProperty(target, name, hooks: hooks) { return v }
        if currentScope.effectiveStrictMode >= 2 {
            throw RuntimeError(.propertyNotFoundException, "The property '\(name)' cannot be found on this object. Verify that the property exists.",
                               errorId: "PropertyNotFoundStrict", category: .NotSpecified)
        }
        return .null
    }

    func evaluateArguments(_ args: [ExpressionAst]) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(args.count)
        for a in args { values.append(try evaluate(a)) }
        return values
    }

    /// A method call's value: a void method's result is $null.
    func evaluateInvokeMember(_ m: InvokeMemberExpressionAst) throws -> Value {
        let v = try invokeMemberValue(m)
        return v.isVoidResult ? .null : v
    }

    /// Expressions whose output can be nothing at all (pwsh's AutomationNull): a method call
    /// (`$list.Clear()`, void) and a `[void]` cast, also in parentheses.
    enum VoidCapableOutput {
        case methodCall(InvokeMemberExpressionAst)
        case voidCast(ExpressionAst)
    }

    static func voidCapableOutput(_ e: ExpressionAst) -> VoidCapableOutput? {
        switch e {
        case .invokeMember(let m): return .methodCall(m)
        case .convert(let c):
            let name = c.type.description.lowercased()
            return name == "void" || name == "system.void" ? .voidCast(c.child) : nil
        case .paren(let p):
            guard case .pipeline(let inner) = p.pipeline, inner.elements.count == 1, case .expression(let x) = inner.elements[0],
                  x.redirections.isEmpty else { return nil }
            return voidCapableOutput(x.expression)
        default: return nil
        }
    }

    /// Such an expression's output: `Value.voidResult` (which a pipe drops) for nothing.
    func outputValue(_ form: VoidCapableOutput) throws -> Value {
        switch form {
        case .methodCall(let m): return try invokeMemberValue(m)
        case .voidCast(let child):
            _ = try evaluate(child)
            return .voidResult
        }
    }

    /// A method call's result, `Value.voidResult` for a void method.
    func invokeMemberValue(_ m: InvokeMemberExpressionAst) throws -> Value {
        let name = try memberName(m.member)
        let target = try evaluate(m.target)
        let args = try evaluateArguments(m.arguments)
        return try invokeMember(m, target, name, args)
    }

    private func invokeMember(_ m: InvokeMemberExpressionAst, _ target: Value, _ name: String, _ args: [Value]) throws -> Value {
        if !m.genericArguments.isEmpty {
            // `.Method[T](…)`: each type argument must resolve (pwsh's Compiler resolves them
            // with the type's extent). The methods modelled here infer their types from the
            // arguments, except Array.Empty[T](), which makes a T[].
            let types = try m.genericArguments.map { try resolveType($0, extent: m.member.extent) }
            if m.isStatic, name.lowercased() == "empty", args.isEmpty, types.count == 1, case .object(let o) = target,
               let t = o as? PSTypeObject, t.type.fullName == "System.Array" {
                return .object(PSArray([], kind: .array(elementType: types[0] === TypeResolver.object ? nil : types[0].fullName)))
            }
        }
        if m.isStatic {
            guard case .object(let o) = target, let t = o as? PSTypeObject else {
                throw RuntimeError(.runtimeException, "Method invocation failed because [\(Conversion.typeOf(target).fullName)] does not contain a method named '\(name)'.",
                                   errorId: "MethodNotFound", category: .InvalidOperation)
            }
            if case .psClass(let def) = t.type.kind {
                if name.lowercased() == "new" { return try hooks.constructClass(def, args) }
                return try hooks.invokeClassMethod(def, nil, name, args)
            }
            if case .scriptblock = t.type.kind, name.lowercased() == "create", args.count == 1 {
                do {
                    return .object(try parseScriptBlock(Conversion.toString(args[0], hooks: hooks)))
                } catch let e as RuntimeError {
                    // A .NET method that threw: wrapped, the id its exception's type name.
                    e.record.exception.recordTemplate = (e.record.errorId, e.record.category)
                    throw MemberErrors.invocation("Create", 1, e.record.exception)
                }
            }
            return try Members.invokeStatic(t.type, name, args, hooks: hooks)
        }
        if target.isNull {
            if m.nullConditional { return .null }
            throw RuntimeError(.runtimeException, "You cannot call a method on a null-valued expression.",
                               errorId: "InvokeMethodOnNull", category: .InvalidOperation)
        }
        if case .object(let o) = target, let inst = o as? PSClassInstance {
            let start = baseClassOfCast(m.target, inst) ?? inst.definition
            if classHasMethod(start, name) { return try hooks.invokeClassMethod(start, inst, name, args) }
        }
        if case .object(let o) = target, let sb = o as? ScriptBlock {
            switch name.lowercased() {
            case "invoke":
                return collapse(try invokeScriptBlock(sb, args: args, dollarUnder: nil))
            case "invokereturnasis":
                return collapse(try invokeScriptBlock(sb, args: args, dollarUnder: nil))
            case "getnewclosure":
                return .object(makeClosure(sb))
            case "getsteppablepipeline":
                do {
                    return .object(try PSSteppablePipeline(context: self, scriptBlock: sb))
                } catch {
                    throw MemberErrors.wrap(error, method: "GetSteppablePipeline", argCount: args.count, hooks: hooks)
                }
            default: break
            }
        }
        return try Members.invokeMethod(target, name, args, hooks: hooks)
    }

    func classHasMethod(_ def: PSClassDefinition, _ name: String) -> Bool {
        var d: PSClassDefinition? = def
        let key = name.lowercased()
        while let c = d {
            if c.methods[key] != nil { return true }
            d = c.baseClass
        }
        return false
    }

    /// Output of a call as a value: nothing → $null, one → itself, more → object[].
    func collapse(_ items: [Value]) -> Value {
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: return .object(PSArray(items))
        }
    }

    // MARK: - Indexing

    func evaluateIndex(_ i: IndexExpressionAst) throws -> Value {
        try indexWith(i, target: evaluate(i.target), index: { try self.evaluate(i.index) })
    }

    /// `target[index]` once the target is known; the index is evaluated only when needed.
    func indexWith(_ i: IndexExpressionAst, target: Value, index indexValueOf: () throws -> Value) throws -> Value {
        if target.isNull {
            if i.nullConditional { return .null }
            throw RuntimeError(.runtimeException, "Cannot index into a null array.", errorId: "NullArray",
                               category: .InvalidOperation)
        }
        let index = try indexValueOf()
        if index.isNull {
            // pwsh's GetIndex binder: `$a[$null]` is an error whatever `$a` is (a slice of
            // nulls, `$a[$null, $null]`, is not).
            throw RuntimeError(.runtimeException, "Index operation failed; the array index evaluated to null.", errorId: "NullArrayIndex",
                               category: .InvalidOperation)
        }
        if case .int(let n) = index, let h = target.hashtable, h.isOrderedDictionary, !isObjectCast(i.index) {
            // OrderedDictionary's this[int] indexer wins for an Int32 index: `$d[1]` is the
            // second value, `$d[[object]1]` the value of key 1 (about_Hash_Tables).
            // NOTE: pwsh throws ArgumentOutOfRangeException past the end; this gives $null.
            return n >= 0 && Int(n) < h.count ? h.values[Int(n)] : .null
        }
        return try indexValue(target, index)
    }

    /// True for `[object]expr`: the argument is passed as an object (no int overload).
    private func isObjectCast(_ e: ExpressionAst) -> Bool {
        guard case .convert(let c) = e, let t = TypeResolver.resolve(c.type, hooks: hooks), case .object = t.kind else { return false }
        return true
    }

    /// `$a[i]`, `$a[-1]`, `$a[1,2]`, `$a[0..2]`, `$h['k']`, `$s[0]`.
    func indexValue(_ target: Value, _ index: Value) throws -> Value {
        switch target {
        case .object(let o):
            if let a = o as? PSArray {
                if a.dimensions != nil {
                    return try indexMultidimensional(a, index)
                }
                if let many = index.array {
                    var out: [Value] = []
                    for ix in many.items {
                        let v = try indexArray(a, ix)
                        if let v = v { out.append(v) }
                    }
                    return .object(PSArray(out))
                }
                return try indexArray(a, index) ?? .null
            }
            if let h = o as? PSHashtable {
                if let many = index.array {
                    return .object(PSArray(many.items.map { h[$0] ?? .null }))
                }
                return h[index] ?? .null
            }
            if let t = o as? PSTupleObject {
                // A Tuple or ValueTuple (ITuple) indexes like an array of its items: negative
                // from the end, several indices give several items.
                return try indexValue(.object(PSArray(t.items)), index)
            }
            return try Members.invokeMethod(target, "get_Item", [index], hooks: hooks)
        case .string(let s):
            let units = Array(s.utf16)
            func one(_ ix: Value) throws -> Value? {
                var n = Int(try Conversion.toInt64(ix))
                if n < 0 { n += units.count }
                guard n >= 0 && n < units.count else { return nil }
                return .char(units[n])
            }
            if let many = index.array {
                return .object(PSArray(try many.items.compactMap { try one($0) }))
            }
            return try one(index) ?? .null
        default:
            // Scalars index as a one-element collection.
            if let n = try? Conversion.toInt64(index), n == 0 || n == -1 { return target }
            return .null
        }
    }

    /// `$a[1,1]` on a multidimensional array: one index per dimension names one element; a
    /// list of such index lists gives their elements. Outside the bounds gives nothing.
    func indexMultidimensional(_ a: PSArray, _ index: Value) throws -> Value {
        func coordinates(_ v: Value) throws -> [Int]? {
            guard let parts = v.array?.items else { return nil }
            return try parts.map { Int(try Conversion.toInt64($0)) }
        }
        if let indices = try coordinates(index) {
            return a.offset(of: indices).map { a.items[$0] } ?? .null
        }
        if let lists = index.array?.items, lists.allSatisfy({ $0.array != nil }) {
            var out: [Value] = []
            for list in lists {
                if let c = try coordinates(list), let at = a.offset(of: c) { out.append(a.items[at]) }
            }
            return .object(PSArray(out))
        }
        return .null
    }

    func indexArray(_ a: PSArray, _ index: Value) throws -> Value? {
        var n = Int(try Conversion.toInt64(index))
        if n < 0 { n += a.items.count }
        guard n >= 0 && n < a.items.count else {
            if currentScope.effectiveStrictMode >= 3 {
                throw RuntimeError(.indexOutOfRangeException, "Index was outside the bounds of the array.", errorId: "IndexOutOfRange", category: .NotSpecified)
            }
            return nil
        }
        return a.items[n]
    }
}

