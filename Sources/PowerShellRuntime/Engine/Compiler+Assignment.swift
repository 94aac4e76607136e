import PowerShellSyntax

/// Assignment: `=`, the compound operators, `??=`, `++`/`--`, and the targets they store into
/// (variables, typed variables, members, indexes, `$a, $b = …`). The order of evaluation is
/// pwsh's (Compiler.cs, ReduceAssignment and the IAssignableValue kinds): for `=`, a member's
/// object is evaluated before the right side, an index target's object and index after it;
/// for a compound operator, the target's object, index and current value come first, then
/// the right side.
extension Compiler {

    /// A target compiled: how to evaluate its parts, read it and store into it.
    indirect enum Target {
        case variable(VariableExpressionAst, read: CompiledExpression, write: (ExecutionContext, Value) throws -> Void)
        /// `[int]$x = …`, `[ValidateRange(1, 5)][int]$n = …`: a declaration (see
        /// ConstrainedVariables.swift); `read` gives the current value as the cast does.
        case declaration(ExpressionAst, read: CompiledExpression)
        case member(object: CompiledExpression, name: (ExecutionContext) throws -> String, MemberExpressionAst, numericKey: CompiledExpression?)
        case index(object: CompiledExpression, index: CompiledExpression, IndexExpressionAst, objectCast: Bool)
        /// `$h.Item('k') = v`: a parameterized property (InvokeMemberAssignableValue).
        case parameterized(object: CompiledExpression, name: (ExecutionContext) throws -> String, arguments: [CompiledExpression])
        case array([Target])
        case invalid
    }

    func target(_ e: ExpressionAst) -> Target {
        switch e {
        case .variable(let v):
            return .variable(v, read: variableRead(v), write: variableWrite(v))
        case .convert, .attributed:
            // `[int]$x`, `[ValidateRange(1, 5)][int]$n`: a declaration when the innermost target
            // is a variable; attributes on anything else are ignored.
            var inner = e
            while true {
                if case .convert(let c) = inner { inner = c.child } else if case .attributed(let a) = inner { inner = a.child } else { break }
            }
            guard case .variable = inner else { return target(inner) }
            return .declaration(e, read: expression(e))
        case .invokeMember(let m):
            return .parameterized(object: expression(m.target), name: memberNameClosure(m.member), arguments: m.arguments.map { expression($0) })
        case .member(let m):
            let name = memberNameClosure(m.member)
            let numericKey: CompiledExpression?
            if case .constant = m.member { numericKey = expression(m.member) } else { numericKey = nil }
            return .member(object: expression(m.target), name: name, m, numericKey: numericKey)
        case .index(let ix):
            return .index(object: expression(ix.target), index: expression(ix.index), ix, objectCast: Compiler.isObjectCast(ix.index))
        case .arrayLiteral(let a):
            return .array(a.elements.map { target($0) })
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let x) = pl.elements[0] {
                return target(x.expression)
            }
            return .invalid
        default:
            return .invalid
        }
    }

    /// A member name: a constant, or an expression's string form.
    private func memberNameClosure(_ e: ExpressionAst) -> (ExecutionContext) throws -> String {
        if case .stringConstant(let s) = e {
            let text = s.value
            return { _ in text }
        }
        let run = expression(e)
        return { ctx in Conversion.toString(try run(ctx), hooks: ctx.hooks) }
    }

    // MARK: - Statements and values

    /// An assignment statement: nothing is output; `$?` is set as pwsh sets it.
    func assignmentStatement(_ a: AssignmentStatementAst) -> CompiledStatement {
        let run = assignmentValue(a)
        let setsSuccess = ExecutionContext.statementSetsSuccess(.assignment(a))
        return { ctx, _ in
            _ = try run(ctx)
            if setsSuccess { ctx.lastStatementSucceeded = true }
            return .normal
        }
    }

    /// An assignment as an expression: `($x = 5)` is 5.
    func assignmentValue(_ a: AssignmentStatementAst) -> CompiledExpression {
        let left = target(a.left)
        let right = assignmentRight(a.right)
        let extent = a.extent
        switch a.op {
        case .equals:
            return plainAssignment(left, right, extent: extent)
        case .nullCoalesceEquals:
            return { ctx in
                let prepared = try ctx.prepare(left)
                let current = try ctx.read(prepared)
                if !current.isNull { return current }
                let value = try right(ctx)
                try ctx.store(value, into: prepared, extent: extent)
                return value
            }
        default:
            let op: BinaryOperator
            switch a.op {
            case .plusEquals: op = .add
            case .minusEquals: op = .subtract
            case .multiplyEquals: op = .multiply
            case .divideEquals: op = .divide
            default: op = .remainder
            }
            if case .variable(let v, _, _) = left, v.scope == nil, Compiler.isPure(a.right) {
                return compoundOnVariable(v, left, op: op, right, extent: extent)
            }
            return { ctx in
                let prepared = try ctx.prepare(left)
                let current = try ctx.read(prepared)
                let r = try right(ctx)
                let value = try ctx.combine(op, current, r, extent: extent)
                try ctx.store(value, into: prepared, extent: extent)
                return value
            }
        }
    }

    /// The right side of `=`: a lone expression keeps its value (`$a = $b` copies no array);
    /// a pipeline's output is collected.
    private func assignmentRight(_ s: StatementAst) -> CompiledExpression {
        statementValue(s)
    }

    /// `target = value`.
    private func plainAssignment(_ left: Target, _ right: @escaping CompiledExpression, extent: SourceExtent) -> CompiledExpression {
        switch left {
        case .variable(_, _, let write):
            return { ctx in
                let value = try right(ctx)
                try write(ctx, value)
                return value
            }
        case .member:
            // The member's object is evaluated before the right side (MemberAssignableValue).
            return { ctx in
                let prepared = try ctx.prepare(left)
                let value = try right(ctx)
                try ctx.store(value, into: prepared, extent: extent)
                return value
            }
        default:
            return { ctx in
                let value = try right(ctx)
                try ctx.store(value, into: try ctx.prepare(left), extent: extent)
                return value
            }
        }
    }

    /// `$x op= right` where the right side has no side effects: its value can be computed
    /// first, so a plain local variable is updated in place (strings append without copying
    /// the whole text, an `object[]` nobody else holds grows without being rebuilt; pwsh builds
    /// new ones, the results are the same).
    private func compoundOnVariable(_ v: VariableExpressionAst, _ left: Target, op: BinaryOperator,
                                    _ right: @escaping CompiledExpression, extent: SourceExtent) -> CompiledExpression {
        let slot = layout.slot(of: v.foldedName)
        let id = layout.id
        guard case .variable(_, let read, let write) = left else { return { _ in .null } }
        return { ctx in
            if let i = slot, ctx.slotValue(layout: id, i) != nil {
                let r = try right(ctx)
                if let current = ctx.slotValue(layout: id, i), let fast = ExecutionContext.fastBinary(op, current, r),
                   ctx.setPlainSlot(layout: id, i, fast) {
                    return fast
                }
                if let variable = ctx.slotVariable(layout: id, i), variable.isPlain {
                    return try ctx.update(variable, op, r, extent: extent)
                }
            } else if slot == nil, let local = ctx.localVariable(v), local.isPlain {
                return try ctx.update(local, op, try right(ctx), extent: extent)
            }
            let current = try read(ctx)
            let r = try right(ctx)
            let value = try ctx.combine(op, current, r, extent: extent)
            try write(ctx, value)
            return value
        }
    }

    // MARK: - ++ and --

    /// `$i++`, `++$i`, `$a[0]--`: the target read once, incremented, stored; a post-operator
    /// yields the old value (0 for $null).
    func increment(_ u: UnaryExpressionAst) -> CompiledExpression {
        let delta: Int32 = (u.op == .postIncrement || u.op == .preIncrement) ? 1 : -1
        let isPost = u.op == .postIncrement || u.op == .postDecrement
        let left = target(u.operand)
        let extent = u.extent
        if case .variable(let v, _, _) = left, v.scope == nil, let slot = layout.slot(of: v.foldedName) {
            let id = layout.id
            return { ctx in
                if case .int(let old)? = ctx.slotValue(layout: id, slot) {
                    let (new, overflow) = old.addingReportingOverflow(delta)
                    if !overflow, ctx.setPlainSlot(layout: id, slot, .int(new)) {
                        return .int(isPost ? old : new)
                    }
                }
                return try ctx.increment(left, by: delta, isPost: isPost, extent: extent)
            }
        }
        return { ctx in try ctx.increment(left, by: delta, isPost: isPost, extent: extent) }
    }

    // MARK: - Purity

    /// Whether evaluating a statement can change a variable or run other code: only then does
    /// the order of a compound assignment's reads matter. Literals, variable reads, strings
    /// made of them and operators on them are pure; calls, assignments, increments, script
    /// blocks and sub-expressions are not.
    static func isPure(_ s: StatementAst) -> Bool {
        guard case .pipeline(let p) = s, p.elements.count == 1, case .expression(let e) = p.elements[0], e.redirections.isEmpty else {
            return false
        }
        return isPure(e.expression)
    }

    static func isPure(_ e: ExpressionAst) -> Bool {
        switch e {
        case .constant, .stringConstant, .variable, .typeLiteral:
            return true
        case .expandableString(let s):
            return s.parts.allSatisfy { if case .subExpression = $0 { return false }; return true }
        case .binary(let b):
            return isPure(b.left) && isPure(b.right)
        case .unary(let u):
            switch u.op {
            case .preIncrement, .preDecrement, .postIncrement, .postDecrement: return false
            default: return isPure(u.operand)
            }
        case .member(let m):
            return !m.isStatic && isPure(m.target) && isPure(m.member)
        case .index(let i):
            return isPure(i.target) && isPure(i.index)
        case .arrayLiteral(let a):
            return a.elements.allSatisfy { isPure($0) }
        case .paren(let p):
            return isPure(p.pipeline)
        case .ternary(let t):
            return isPure(t.condition) && isPure(t.ifTrue) && isPure(t.ifFalse)
        default:
            return false
        }
    }
}

/// A target whose parts have been evaluated: what is stored into, and how.
enum PreparedTarget {
    case variable(VariableExpressionAst, read: CompiledExpression, write: (ExecutionContext, Value) throws -> Void)
    case declaration(ExpressionAst, read: CompiledExpression)
    case member(object: Value, name: String, MemberExpressionAst, numericKey: CompiledExpression?)
    case index(object: Value, index: Value, IndexExpressionAst, objectCast: Bool)
    case parameterized(object: Value, name: String, arguments: [Value])
    case array([Compiler.Target])
    case invalid
}

extension ExecutionContext {

    /// Evaluates a target's object and index (in that order), once.
    func prepare(_ t: Compiler.Target) throws -> PreparedTarget {
        switch t {
        case .variable(let v, let read, let write): return .variable(v, read: read, write: write)
        case .declaration(let e, let read): return .declaration(e, read: read)
        case .parameterized(let object, let name, let arguments):
            let o = try object(self)
            let n = try name(self)
            var args: [Value] = []
            for a in arguments { args.append(try a(self)) }
            return .parameterized(object: o, name: n, arguments: args)
        case .member(let object, let name, let m, let numericKey):
            let o = try object(self)
            return .member(object: o, name: try name(self), m, numericKey: numericKey)
        case .index(let object, let index, let ix, let objectCast):
            let o = try object(self)
            return .index(object: o, index: try index(self), ix, objectCast: objectCast)
        case .array(let targets): return .array(targets)
        case .invalid: return .invalid
        }
    }

    /// A prepared target's current value (for compound operators, `??=`, `++`).
    func read(_ t: PreparedTarget) throws -> Value {
        switch t {
        case .variable(_, let read, _), .declaration(_, let read): return try read(self)
        case .parameterized(let object, let name, let args):
            return try Members.invokeMethod(object, name, args, hooks: hooks)
        case .member(let object, let name, let m, let numericKey):
            return try memberValue(object, name: name, m, numericKey: numericKey)
        case .index(let object, let index, let ix, let objectCast):
            return try self.index(ix, object, objectCast: objectCast) { index }
        case .array, .invalid:
            throw invalidAssignmentTarget(nil)
        }
    }

    /// Stores a value into a prepared target.
    func store(_ value: Value, into t: PreparedTarget, extent: SourceExtent) throws {
        switch t {
        case .variable(_, _, let write):
            try write(self, value)
        case .declaration(let e, _):
            _ = try assignDeclaration(e, value)
        case .member(let object, let name, let m, _):
            try setMember(object, name, value, m)
        case .parameterized(let obj, let name, let args):
            // A dictionary's or list's `Item` is its indexer; an array has none, and other
            // names have no settable parameterized property here.
            if obj.isNull {
                throw RuntimeError(.runtimeException, "You cannot call a method on a null-valued expression.",
                                   errorId: "InvokeMethodOnNull", category: .InvalidOperation)
            }
            let isList: Bool = { if let a = obj.array, case .array = a.kind { return false }; return obj.array != nil }()
            guard name.lowercased() == "item", args.count == 1, obj.hashtable != nil || isList else {
                throw RuntimeError(.runtimeException,
                                   "Method invocation failed because [\(Conversion.typeOf(obj).fullName)] does not contain a method named '\(name)'.",
                                   errorId: "MethodNotFound", category: .InvalidOperation)
            }
            try assignIndex(obj, args[0], value, extent: extent)
        case .index(let object, let index, _, _):
            try assignIndex(object, index, value, extent: extent)
        case .array(let targets):
            // `$a, $b = 1, 2, 3`: the last target takes the rest.
            let items = Conversion.enumerate(value) ?? (value.isNull ? [] : [value])
            for (i, element) in targets.enumerated() {
                let v: Value
                if i == targets.count - 1 {
                    let rest = i < items.count ? Array(items[i...]) : []
                    v = rest.count == 1 ? rest[0] : (rest.isEmpty ? .null : .object(PSArray(rest)))
                } else {
                    v = i < items.count ? items[i] : .null
                }
                try store(v, into: try prepare(element), extent: extent)
            }
        case .invalid:
            throw invalidAssignmentTarget(extent)
        }
    }

    /// `current op right` for a compound assignment.
    @inline(__always)
    func combine(_ op: BinaryOperator, _ current: Value, _ right: Value, extent: SourceExtent) throws -> Value {
        if let fast = ExecutionContext.fastBinary(op, current, right) { return fast }
        return try Operators.binary(op, current, right, hooks: hooks)
    }

    /// `++`/`--` on any target.
    func increment(_ t: Compiler.Target, by delta: Int32, isPost: Bool, extent: SourceExtent) throws -> Value {
        let prepared = try prepare(t)
        var old = try read(prepared)
        if old.isNull { old = .int(0) }
        let new = try Operators.increment(old, by: Int(delta))
        try store(new, into: prepared, extent: extent)
        return isPost ? old : new
    }

    /// `variable op= right` on a plain variable: in place for `+=` on a string or collection.
    func update(_ variable: PSVariable, _ op: BinaryOperator, _ right: Value, extent: SourceExtent) throws -> Value {
        if let fast = ExecutionContext.fastBinary(op, variable.value, right) {
            variable.value = fast
            return fast
        }
        if op == .add, try addInPlace(variable, right, extent: extent) { return variable.value }
        let value = try combine(op, variable.value, right, extent: extent)
        variable.value = value
        return value
    }

    /// `+=` on a string or collection variable without copying: false for other values.
    func addInPlace(_ variable: PSVariable, _ right: Value, extent: SourceExtent) throws -> Bool {
        // `if case` rather than `switch`: a switch keeps its subject alive to the end, so `text`
        // would never be the only reference and every append would copy the whole string.
        if case .string(var text) = variable.value {
            let tail: String
            if case .string(let r) = right { tail = r } else { tail = Conversion.toString(right, hooks: hooks) }
            try Operators.checkStringLength(text.utf16.count + tail.utf16.count)
            // Drop the variable's reference first so `text` is the only one and appends in place.
            variable.value = .null
            text += tail
            variable.value = .string(text)
            return true
        }
        guard case .object = variable.value else { return false }
        try Operators.addInPlace(&variable.value, right, hooks: hooks)
        return true
    }

    /// `object.Name = value`.
    func setMember(_ obj: Value, _ name: String, _ value: Value, _ m: MemberExpressionAst) throws {
        if m.isStatic, case .object(let o) = obj, let t = o as? PSTypeObject, case .psClass = t.type.kind {
            try Members.setStatic(t.type, name, value, hooks: hooks)
            return
        }
        if case .object(let o) = obj, let inst = o as? PSClassInstance, inst.properties.has(name) {
            try inst.setProperty(name, value, hooks: hooks)
            return
        }
        try Members.setProperty(obj, name, value, hooks: hooks)
    }

    func invalidAssignmentTarget(_ extent: SourceExtent?) -> RuntimeError {
        RuntimeError(.runtimeException,
                     "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                     errorId: "InvalidLeftHandSide", category: .ParserError, extent: extent)
    }

    func assignIndex(_ obj: Value, _ index: Value, _ value: Value, extent: SourceExtent) throws {
        if index.isNull && !obj.isNull {
            throw RuntimeError(.runtimeException, "Index operation failed; the array index evaluated to null.", errorId: "NullArrayIndex",
                               category: .InvalidOperation, extent: extent)
        }
        switch obj {
        case .object(let o):
            if let h = o as? PSHashtable {
                if let types = h.dictionaryTypes {
                    // The indexer of a Dictionary<TKey,TValue> converts both.
                    h.set(try Conversion.convert(index, to: types.key, hooks: hooks), try Conversion.convert(value, to: types.value, hooks: hooks))
                    return
                }
                h.set(index, value)
                return
            }
            if let a = o as? PSArray {
                var n: Int
                if a.dimensions != nil {
                    // `$a[1,1] = v`: one index per dimension.
                    let indices = try (index.array?.items ?? [index]).map { Int(try Conversion.toInt64($0)) }
                    n = a.offset(of: indices) ?? -1
                } else {
                    n = Int(try Conversion.toInt64(index))
                    if n < 0 { n += a.items.count }
                }
                guard n >= 0 && n < a.items.count else {
                    throw RuntimeError(.indexOutOfRangeException, "Index was outside the bounds of the array.",
                                       errorId: "System.IndexOutOfRangeException", category: .OperationStopped, extent: extent)
                }
                var v = value
                if case .array(let elementType?) = a.kind, let t = TypeResolver.resolve(name: elementType, hooks: hooks) {
                    v = try Conversion.convert(value, to: t, hooks: hooks)
                }
                a.items[n] = v
                return
            }
            _ = try Members.invokeMethod(obj, "set_Item", [index, value], hooks: hooks)
        case .null:
            throw RuntimeError(.runtimeException, "Cannot index into a null array.", errorId: "NullArray",
                               category: .InvalidOperation, extent: extent)
        default:
            throw RuntimeError(.runtimeException, "Unable to index into an object of type \(Conversion.typeOf(obj).fullName).",
                               errorId: "CannotIndex", category: .InvalidOperation, extent: extent)
        }
    }
}
