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
        /// `[int]$x = …`: the variable gets the type as its constraint.
        case typedVariable(VariableExpressionAst, TypeSite)
        case member(object: CompiledExpression, name: (ExecutionContext) throws -> String, MemberExpressionAst, numericKey: CompiledExpression?)
        case index(object: CompiledExpression, index: CompiledExpression, IndexExpressionAst, objectCast: Bool)
        case array([Target])
        case invalid
    }

    func target(_ e: ExpressionAst) -> Target {
        switch e {
        case .variable(let v):
            return .variable(v, read: variableRead(v), write: variableWrite(v))
        case .convert(let c):
            guard case .variable(let v) = c.child else { return target(c.child) }
            return .typedVariable(v, TypeSite(c.type, extent: c.typeExtent))
        case .member(let m):
            let name: (ExecutionContext) throws -> String
            if case .stringConstant(let s) = m.member {
                let text = s.value
                name = { _ in text }
            } else {
                let run = expression(m.member)
                name = { ctx in Conversion.toString(try run(ctx), hooks: ctx.hooks) }
            }
            let numericKey: CompiledExpression?
            if case .constant = m.member { numericKey = expression(m.member) } else { numericKey = nil }
            return .member(object: expression(m.target), name: name, m, numericKey: numericKey)
        case .index(let ix):
            return .index(object: expression(ix.target), index: expression(ix.index), ix, objectCast: Compiler.isObjectCast(ix.index))
        case .arrayLiteral(let a):
            return .array(a.elements.map { target($0) })
        case .attributed(let a):
            return target(a.child)
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let x) = pl.elements[0] {
                return target(x.expression)
            }
            return .invalid
        default:
            return .invalid
        }
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
    case typedVariable(VariableExpressionAst, TypeSite)
    case member(object: Value, name: String, MemberExpressionAst, numericKey: CompiledExpression?)
    case index(object: Value, index: Value, IndexExpressionAst, objectCast: Bool)
    case array([Compiler.Target])
    case invalid
}

extension ExecutionContext {

    /// Evaluates a target's object and index (in that order), once.
    func prepare(_ t: Compiler.Target) throws -> PreparedTarget {
        switch t {
        case .variable(let v, let read, let write): return .variable(v, read: read, write: write)
        case .typedVariable(let v, let type): return .typedVariable(v, type)
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
        case .variable(_, let read, _): return try read(self)
        case .typedVariable(let v, _): return try Compiler.standalone.variableRead(v)(self)
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
        case .typedVariable(let v, let type):
            try assignTyped(value, to: v, type: try type.resolve(self), extent: extent)
        case .member(let object, let name, let m, _):
            try setMember(object, name, value, m)
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
        do {
            return try Operators.binary(op, current, right, hooks: hooks)
        } catch let e as RuntimeError {
            throw attachPosition(e, extent)
        }
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
            // Drop the variable's reference first so `text` is the only one and appends in place.
            variable.value = .null
            if case .string(let r) = right { text += r } else { text += Conversion.toString(right, hooks: hooks) }
            variable.value = .string(text)
            return true
        }
        guard case .object = variable.value else { return false }
        do {
            try Operators.addInPlace(&variable.value, right, hooks: hooks)
        } catch let e as RuntimeError {
            throw attachPosition(e, extent)
        }
        return true
    }

    /// `[int]$x = value`: converted, and the variable keeps the type as its constraint.
    func assignTyped(_ value: Value, to v: VariableExpressionAst, type: PSType, extent: SourceExtent) throws {
        let converted: Value
        do {
            converted = try Conversion.convert(value, to: type, hooks: hooks)
        } catch let e as RuntimeError {
            throw attachPosition(e, extent)
        }
        let scope = try resolveScope(v.scope == "global" || v.scope == "script" ? v.scope : nil)
        if let existing = scope.variable(v.foldedName), existing.isReadOnlyOrConstant {
            try assignVariable(in: scope, folded: v.foldedName, name: v.name, value: converted)
        }
        scope.variables[v.foldedName] = PSVariable(name: v.name, value: converted, typeConstraint: type)
    }

    /// `object.Name = value`.
    func setMember(_ obj: Value, _ name: String, _ value: Value, _ m: MemberExpressionAst) throws {
        do {
            if m.isStatic, case .object(let o) = obj, let t = o as? PSTypeObject, case .psClass(let def) = t.type.kind {
                var v = value
                if let type = def.propertyTypes[name.lowercased()] { v = try Conversion.convert(value, to: type, hooks: hooks) }
                def.staticValues[name.lowercased()] = v
                return
            }
            if case .object(let o) = obj, let inst = o as? PSClassInstance, inst.properties.has(name) {
                try inst.setProperty(name, value, hooks: hooks)
                return
            }
            if obj.isNull {
                throw RuntimeError(.runtimeException, "The property '\(name)' cannot be found on this object. Verify that the property exists and can be set.",
                                   errorId: "PropertyAssignmentException", category: .InvalidOperation)
            }
            try Members.setProperty(obj, name, value, hooks: hooks)
        } catch let e as RuntimeError {
            throw attachPosition(e, m.extent)
        }
    }

    func invalidAssignmentTarget(_ extent: SourceExtent?) -> RuntimeError {
        RuntimeError(.runtimeException,
                     "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                     errorId: "InvalidLeftHandSide", category: .ParserError, extent: extent)
    }

    func assignIndex(_ obj: Value, _ index: Value, _ value: Value, extent: SourceExtent) throws {
        switch obj {
        case .object(let o):
            if let h = o as? PSHashtable {
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
