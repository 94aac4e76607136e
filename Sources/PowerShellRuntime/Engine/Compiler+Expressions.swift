import Foundation
import PowerShellSyntax

/// Expressions: literals, strings, operators, conversions, members, indexing, collections.
/// Operands are evaluated left to right, a member's or index's target before its name,
/// arguments or index, as pwsh's compiler orders them.
extension Compiler {

    func expression(_ e: ExpressionAst) -> CompiledExpression {
        switch e {
        case .constant(let c):
            let v = ExecutionContext.literalValue(c.value)
            return { _ in v }
        case .stringConstant(let s):
            let v = Value.string(s.value)
            return { _ in v }
        case .expandableString(let s):
            return expandableString(s)
        case .variable(let v):
            return variableRead(v)
        case .binary(let b):
            return binary(b)
        case .unary(let u):
            return unary(u)
        case .convert(let c):
            return convert(c)
        case .typeLiteral(let t):
            let type = TypeSite(t.type, extent: t.extent)
            return { ctx in .object(PSTypeObject(try type.resolve(ctx))) }
        case .member(let m):
            return member(m)
        case .invokeMember(let m):
            return invokeMember(m)
        case .index(let i):
            let target = expression(i.target)
            let index = expression(i.index)
            let objectCast = Compiler.isObjectCast(i.index)
            return { ctx in try ctx.index(i, try target(ctx), objectCast: objectCast) { try index(ctx) } }
        case .arrayLiteral(let a):
            let elements = a.elements.map { expression($0) }
            return { ctx in
                var items: [Value] = []
                items.reserveCapacity(elements.count)
                for el in elements { items.append(try el(ctx)) }
                return .object(PSArray(items))
            }
        case .arrayExpression(let s):
            let run = nestedStatements(s.statements)
            return { ctx in .object(PSArray(try run(ctx).items)) }
        case .subExpression(let s):
            let run = nestedStatements(s.statements)
            return { ctx in try run(ctx).result }
        case .paren(let p):
            return paren(p)
        case .hashtable(let h):
            return hashtable(h, ordered: false)
        case .scriptBlock(let s):
            let ast = s.scriptBlock
            return { ctx in
                let sb = ScriptBlock(ast: ast)
                sb.moduleState = ctx.currentModule
                return .object(sb)
            }
        case .ternary(let t):
            let condition = expression(t.condition)
            let ifTrue = expression(t.ifTrue)
            let ifFalse = expression(t.ifFalse)
            return { ctx in try Conversion.toBool(condition(ctx)) ? ifTrue(ctx) : ifFalse(ctx) }
        case .attributed(let a):
            return expression(a.child)
        case .using(let u):
            // In a ForEach-Object -Parallel task, `$using:x` is the value the caller had.
            let read = variableRead(u.variable)
            let folded = u.variable.foldedName
            return { ctx in
                if let values = ctx.usingValues, let v = values[folded] { return v }
                return try read(ctx)
            }
        }
    }

    // MARK: - Strings

    /// `"text $x $($y)"`: the literal parts and the values' string forms, in order.
    /// The statements of `@( )` and `$( )`: run into a pipe of their own, the last statement's
    /// sequence point completed, what they wrote handed back for the caller to shape.
    private func nestedStatements(_ statements: StatementBlockAst) -> (ExecutionContext) throws -> Pipe {
        let body = block(statements)
        let last = statements.statements.last.flatMap { ExecutionContext.sequencePoint(of: $0) }
        return { ctx in
            let pipe = Pipe()
            try ctx.runInExpression(body, pipe)
            ctx.completedNested(last)
            return pipe
        }
    }

    private func expandableString(_ s: ExpandableStringExpressionAst) -> CompiledExpression {
        enum Piece {
            case literal(String)
            case value(CompiledExpression)
        }
        let pieces: [Piece] = s.parts.map { part in
            switch part {
            case .literal(let t): return .literal(t)
            case .variable(let v): return .value(variableRead(v))
            case .subExpression(let sub): return .value(expression(.subExpression(sub)))
            }
        }
        return { ctx in
            var result = ""
            for piece in pieces {
                switch piece {
                case .literal(let t):
                    result += t
                case .value(let run):
                    let v = try run(ctx)
                    if case .string(let text) = v { result += text } else { result += Conversion.toString(v, hooks: ctx.hooks) }
                }
            }
            return .string(result)
        }
    }

    // MARK: - Operators

    private func binary(_ b: BinaryExpressionAst) -> CompiledExpression {
        let left = expression(b.left)
        let right = expression(b.right)
        switch b.op {
        case .and:
            return { ctx in
                if !Conversion.toBool(try left(ctx)) { return .bool(false) }
                return .bool(Conversion.toBool(try right(ctx)))
            }
        case .or:
            return { ctx in
                if Conversion.toBool(try left(ctx)) { return .bool(true) }
                return .bool(Conversion.toBool(try right(ctx)))
            }
        case .nullCoalesce:
            return { ctx in
                let l = try left(ctx)
                return try l.isNull ? right(ctx) : l
            }
        default:
            let op = b.op
            if let r = Compiler.constantValue(b.right) {
                // `$n - 1`, `$_ % 3`: a literal right operand is its value, with nothing to run.
                return { ctx in
                    let l = try left(ctx)
                    if let fast = ExecutionContext.fastBinary(op, l, r) { return fast }
                    return try ctx.applyBinary(b, l, r)
                }
            }
            return { ctx in
                let l = try left(ctx)
                let r = try right(ctx)
                if let fast = ExecutionContext.fastBinary(op, l, r) { return fast }
                return try ctx.applyBinary(b, l, r)
            }
        }
    }

    /// The value of a literal number (what `expression` gives for it, worked out once), or nil
    /// for any other expression.
    static func constantValue(_ e: ExpressionAst) -> Value? {
        guard case .constant(let c) = e else { return nil }
        return ExecutionContext.literalValue(c.value)
    }

    private func unary(_ u: UnaryExpressionAst) -> CompiledExpression {
        switch u.op {
        case .preIncrement, .preDecrement, .postIncrement, .postDecrement:
            return increment(u)
        default:
            let operand = expression(u.operand)
            let op = u.op
            return { ctx in try Operators.unary(op, try operand(ctx), hooks: ctx.hooks) }
        }
    }

    /// `[type]expr`: `[ordered]@{}`, `[ref]$x`, `[pscustomobject]@{}` and plain conversions.
    private func convert(_ c: ConvertExpressionAst) -> CompiledExpression {
        if case .simple(let n) = c.type, n.lowercased() == "ordered", case .hashtable(let h) = c.child {
            return hashtable(h, ordered: true)
        }
        let type = TypeSite(c.type, extent: c.typeNameExtent)
        let child = expression(c.child)
        var reference: ((ExecutionContext) -> Value)?
        if case .variable(let variable) = c.child {
            reference = { ctx in ctx.reference(to: variable) }
        }
        return { ctx in
            let t = try type.resolve(ctx)
            if let makeReference = reference, t.fullName == "System.Management.Automation.PSReference" {
                return makeReference(ctx)
            }
            let v = try child(ctx)
            if case .pscustomobject = t.kind, let h = v.hashtable {
                return .object(ctx.customObject(from: h))
            }
            return try Conversion.convert(v, to: t, hooks: ctx.hooks)
        }
    }

    /// `@{ k = v; … }`: keys and values in order (a value is a statement, collected).
    private func hashtable(_ h: HashtableAst, ordered: Bool) -> CompiledExpression {
        let pairs = h.pairs.map { (key: expression($0.key), value: pointValue($0.value), extent: $0.key.extent,
                                   point: ExecutionContext.sequencePoint(of: $0.value)) }
        return { ctx in
            let table = PSHashtable(ordered: ordered)
            for pair in pairs {
                let key = try pair.key(ctx)
                let value = try pair.value(ctx)
                ctx.completedNested(pair.point)
                if key.isNull {
                    throw RuntimeError(.runtimeException, "A null key is not allowed in a hash literal.", errorId: "InvalidNullKey",
                                       category: .InvalidOperation, extent: pair.extent)
                }
                if !table.add(key, value) {
                    throw RuntimeError(.runtimeException, "Duplicate keys '\(Conversion.toString(key))' are not allowed in hash literals.",
                                       errorId: "DuplicateKeyInHashLiteral", category: .InvalidOperation, extent: pair.extent)
                }
            }
            return .object(table)
        }
    }

    /// `( … )`: an assignment yields its value; a lone expression is itself; anything else is
    /// the statement's output collected.
    private func paren(_ p: ParenExpressionAst) -> CompiledExpression {
        if case .assignment(let a) = p.pipeline { return assignmentValue(a) }
        if case .pipeline(let inner) = p.pipeline, inner.elements.count == 1, case .expression(let x) = inner.elements[0],
           x.redirections.isEmpty {
            return expression(x.expression)
        }
        return statementValue(p.pipeline)
    }

    // MARK: - Members

    /// The member name: a constant, or an expression's string form.
    private func memberName(_ e: ExpressionAst) -> (ExecutionContext) throws -> String {
        if case .stringConstant(let s) = e {
            let name = s.value
            return { _ in name }
        }
        let run = expression(e)
        return { ctx in Conversion.toString(try run(ctx), hooks: ctx.hooks) }
    }

    private func member(_ m: MemberExpressionAst) -> CompiledExpression {
        let target = expression(m.target)
        let name = memberName(m.member)
        let numericKey: CompiledExpression?
        if case .constant = m.member { numericKey = expression(m.member) } else { numericKey = nil }
        return { ctx in
            let t = try target(ctx)
            return try ctx.memberValue(t, name: try name(ctx), m, numericKey: numericKey)
        }
    }

    /// A method call's value: a void method's result is $null.
    private func invokeMember(_ m: InvokeMemberExpressionAst) -> CompiledExpression {
        let call = invokeMemberOutput(m)
        return { ctx in
            let v = try call(ctx)
            return v.isVoidResult ? .null : v
        }
    }

    /// A method call's result, `Value.voidResult` for a void method.
    func invokeMemberOutput(_ m: InvokeMemberExpressionAst) -> CompiledExpression {
        let target = expression(m.target)
        let name = memberName(m.member)
        let arguments = m.arguments.map { expression($0) }
        return { ctx in
            let t = try target(ctx)
            let n = try name(ctx)
            var args: [Value] = []
            args.reserveCapacity(arguments.count)
            for a in arguments { args.append(try a(ctx)) }
            return try ctx.invokeMember(t, name: n, args, m)
        }
    }

    /// True for `[object]expr`: the argument is passed as an object (no int overload).
    static func isObjectCast(_ e: ExpressionAst) -> Bool {
        guard case .convert(let c) = e, case .simple(let n) = c.type else { return false }
        let lower = n.lowercased()
        return lower == "object" || lower == "system.object"
    }
}

/// A type written in the source, resolved when first needed and again only after a script
/// defines a class or enum (which may shadow it).
final class TypeSite {
    let name: TypeName
    let extent: SourceExtent
    private var resolved: PSType?
    private var generation = -1

    init(_ name: TypeName, extent: SourceExtent) {
        self.name = name
        self.extent = extent
    }

    @inline(__always)
    func resolve(_ ctx: ExecutionContext) throws -> PSType {
        if let t = resolved, generation == ctx.typeTableGeneration { return t }
        let t = try ctx.resolveType(name, extent: extent)
        resolved = t
        generation = ctx.typeTableGeneration
        return t
    }
}

extension ExecutionContext {

    /// Runs a block inside an expression (`$( )`, `@( )`): a `return`, `break` or `continue`
    /// in it leaves the expression as a thrown signal.
    @inline(__always)
    func runInExpression(_ block: CompiledBlock, _ out: Pipe) throws {
        switch try block.run(self, out) {
        case .normal: return
        case .returned: throw ReturnSignal.shared
        case .broke(let label): throw label == nil ? BreakSignal.unlabelled : BreakSignal(label: label)
        case .continued(let label): throw label == nil ? ContinueSignal.unlabelled : ContinueSignal(label: label)
        }
    }

    /// `[pscustomobject]@{ … }`: the pairs as properties in order; a `PSTypeName` key names
    /// the object's type instead.
    func customObject(from h: PSHashtable) -> PSCustomObject {
        let o = PSCustomObject()
        for (k, val) in zip(h.keys, h.values) {
            let name = Conversion.toString(k)
            if name.caseInsensitiveCompare("PSTypeName") == .orderedSame {
                o.extraTypeNames.insert(Conversion.toString(val), at: 0)
            } else {
                o.set(name, val)
            }
        }
        return o
    }

    /// Records that a nested statement block (`$( )`, `@( )`, a hashtable value) completed at
    /// this sequence point (see `completedNestedStatements`).
    @inline(__always)
    func completedNested(_ point: SourceExtent?) {
        if let x = point { lastNestedSequencePoint = x }
    }

    /// `[ref]$x`: a reference to the variable itself, which outlives the scope it was made in
    /// (a function may return it).
    func reference(to variable: VariableExpressionAst) -> Value {
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
        let read = Compiler.standalone.variableRead(variable)
        return .object(PSReference(get: { [unowned self] in (try? read(self)) ?? .null },
                                   set: { [unowned self] v in try? self.assign(v, toVariable: variable) }))
    }

    /// `target.Name` once the target is known.
    func memberValue(_ target: Value, name: String, _ m: MemberExpressionAst, numericKey: CompiledExpression?) throws -> Value {
        if m.isStatic {
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
        if target.isNull {
            if m.nullConditional { return .null }
            if currentScope.effectiveStrictMode >= 2 {
                throw RuntimeError(.propertyNotFoundException, "The property '\(name)' cannot be found on this object. Verify that the property exists.",
                                   errorId: "PropertyNotFoundStrict", category: .NotSpecified)
            }
        }
        if case .object(let o) = target, let inst = o as? PSClassInstance, let v = inst.properties.get(name) { return v }
        // `$hash.1`: a numeric member name looks up the number key.
        if let key = numericKey, let h = target.hashtable, let v = h[try key(self)] { return v }
        if let v = try Members.getProperty(target, name, hooks: hooks) { return v }
        if currentScope.effectiveStrictMode >= 2 {
            throw RuntimeError(.propertyNotFoundException, "The property '\(name)' cannot be found on this object. Verify that the property exists.",
                               errorId: "PropertyNotFoundStrict", category: .NotSpecified)
        }
        return .null
    }

    /// `target.Name(args)` once the target and arguments are known.
    func invokeMember(_ target: Value, name: String, _ args: [Value], _ m: InvokeMemberExpressionAst) throws -> Value {
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
            case "invoke", "invokereturnasis":
                do {
                    return collapse(try invokeScriptBlock(sb, args: args, dollarUnder: nil))
                } catch let e as RuntimeError {
                    // ScriptBlock.Invoke is a .NET method: what its script throws reaches the
                    // caller as a MethodInvocationException around the script's error
                    // (HelpersLanguage.psm1's Get-RuntimeError reads InnerException.ErrorRecord).
                    e.record.exception.recordTemplate = (e.record.fullyQualifiedErrorId, e.record.category)
                    throw MemberErrors.invocation(name.lowercased() == "invoke" ? "Invoke" : "InvokeReturnAsIs", args.count, e.record.exception)
                }
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

    /// `target[index]` once the target is known; the index is evaluated only when needed.
    func index(_ i: IndexExpressionAst, _ target: Value, objectCast: Bool, _ indexValueOf: () throws -> Value) throws -> Value {
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
        if case .int(let n) = index, let h = target.hashtable, h.isOrderedDictionary, !objectCast {
            // OrderedDictionary's this[int] indexer wins for an Int32 index: `$d[1]` is the
            // second value, `$d[[object]1]` the value of key 1 (about_Hash_Tables).
            // NOTE: pwsh throws ArgumentOutOfRangeException past the end; this gives $null.
            return n >= 0 && Int(n) < h.count ? h.values[Int(n)] : .null
        }
        return try indexValue(target, index)
    }
}
