import PowerShellSyntax

/// Assignment: `=`, compound operators, multiple targets, typed, member and index targets.
extension ExecutionContext {

    /// Runs an assignment statement and returns the assigned value (what `($x = 5)` yields).
    @discardableResult
    func executeAssignment(_ a: AssignmentStatementAst) throws -> Value {
        var value: Value
        switch a.op {
        case .equals:
            value = try evaluateAssignmentRight(a.right)
        case .nullCoalesceEquals:
            let current = try evaluate(a.left)
            if !current.isNull { return current }
            value = try evaluateAssignmentRight(a.right)
        case .plusEquals:
            if let appended = try appendInPlace(a) { return appended }
            fallthrough
        default:
            let current = try evaluate(a.left)
            let right = try evaluateAssignmentRight(a.right)
            let op: BinaryOperator
            switch a.op {
            case .plusEquals: op = .add
            case .minusEquals: op = .subtract
            case .multiplyEquals: op = .multiply
            case .divideEquals: op = .divide
            default: op = .remainder
            }
            if let fast = ExecutionContext.fastBinary(op, current, right) {
                value = fast
            } else {
                value = try Operators.binary(op, current, right, hooks: hooks)
            }
        }
        try assign(to: a.left, value, extent: a.extent)
        return value
    }

    /// The rest of `$x += r` / `$x -= r` once the right side is known (the compiled statement's
    /// slow path): in-place appends, then the general operators.
    func completeCompoundAssignment(_ a: AssignmentStatementAst, right: Value) throws {
        if a.op == .plusEquals, case .variable(let v) = a.left, let variable = localVariable(v), variable.typeConstraint == nil,
           !variable.isReadOnlyOrConstant, variable.validations.isEmpty {
            if try addInPlace(variable, right, extent: a.extent) { return }
        }
        let current = try evaluate(a.left)
        let op: BinaryOperator = a.op == .plusEquals ? .add : .subtract
        let value = try Operators.binary(op, current, right, hooks: hooks)
        try assign(to: a.left, value, extent: a.extent)
    }

    /// `$x += …` on a local variable updates it in place: strings append without copying the
    /// whole text and an `object[]` nobody else holds grows without being rebuilt (pwsh builds
    /// new ones; the results are the same, only faster).
    private func appendInPlace(_ a: AssignmentStatementAst) throws -> Value? {
        guard case .variable(let v) = a.left, v.scope == nil, let variable = localVariable(v),
              variable.typeConstraint == nil, !variable.isReadOnlyOrConstant, variable.validations.isEmpty else { return nil }
        switch variable.value {
        case .string, .object: break
        default: return nil
        }
        let right = try evaluateAssignmentRight(a.right)
        _ = try addInPlace(variable, right, extent: a.extent)
        return variable.value
    }

    /// `+=` on a string or collection variable without copying: false for other values.
    private func addInPlace(_ variable: PSVariable, _ right: Value, extent: SourceExtent) throws -> Bool {
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

    /// The variable an unqualified name refers to in the current scope itself, if any.
    @inline(__always)
    func localVariable(_ v: VariableExpressionAst) -> PSVariable? {
        if v.lookupScopeID == currentScope.id, v.lookupGeneration == Scope.generation, let found = v.lookupVariable {
            return v.lookupIsLocal ? unsafeDowncast(found, to: PSVariable.self) : nil
        }
        if let first = currentScope.variables.firstVariable(named: v.foldedName) { return first }
        guard let here = currentScope.variables[v.foldedName] else { return nil }
        v.lookupScopeID = currentScope.id
        v.lookupGeneration = Scope.generation
        v.lookupVariable = here
        v.lookupIsLocal = true
        return here
    }

    /// The right side of `=`: a lone expression keeps its value; a pipeline's output is
    /// collected (none → $null, one → it, many → object[]).
    func evaluateAssignmentRight(_ s: StatementAst) throws -> Value {
        if case .pipeline(let p) = s, let compiled = compiledLoneExpression(p) {
            // `$a = $b` where $b is a list copies nothing: arrays are references in pwsh too.
            return try compiled.run(self)
        }
        if case .assignment(let inner) = s { return try executeAssignment(inner) }
        let pipe = Pipe()
        try executeStatement(s, pipe)
        return pipe.result
    }

    /// Stores a value into an assignable expression.
    func assign(to target: ExpressionAst, _ value: Value, extent: SourceExtent) throws {
        switch target {
        case .variable(let v):
            try assignToVariable(v, value)
        case .convert, .attributed:
            // `[int]$x = '5'`, `[ValidateRange(1, 5)][int]$n = 3`: a declaration; attributes on
            // anything but a variable are ignored.
            if try assignDeclaration(target, value) { return }
            switch target {
            case .convert(let c): try assign(to: c.child, value, extent: extent)
            case .attributed(let a): try assign(to: a.child, value, extent: extent)
            default: break
            }
        case .arrayLiteral(let a):
            // `$a, $b = 1, 2, 3`: the last target takes the rest.
            let items = Conversion.enumerate(value) ?? (value.isNull ? [] : [value])
            for (i, el) in a.elements.enumerated() {
                let v: Value
                if i == a.elements.count - 1 {
                    let rest = i < items.count ? Array(items[i...]) : []
                    v = rest.count == 1 ? rest[0] : (rest.isEmpty ? .null : .object(PSArray(rest)))
                } else {
                    v = i < items.count ? items[i] : .null
                }
                try assign(to: el, v, extent: extent)
            }
        case .member(let m):
            let name = try memberName(m.member)
            let obj = try evaluate(m.target)
            if m.isStatic, case .object(let o) = obj, let t = o as? PSTypeObject, case .psClass = t.type.kind {
                try Members.setStatic(t.type, name, value, hooks: hooks)
                return
            }
            if case .object(let o) = obj, let inst = o as? PSClassInstance, inst.properties.has(name) {
                try inst.setProperty(name, value, hooks: hooks)
                return
            }
            try Members.setProperty(obj, name, value, hooks: hooks)
        case .index(let ix):
            let obj = try evaluate(ix.target)
            let index = try evaluate(ix.index)
            try assignIndex(obj, index, value, extent: extent)
        case .invokeMember(let m):
            // `$h.Item('k') = v`, `$cells.Item(1, 1) = v`: pwsh sets a parameterized property
            // (InvokeMemberAssignableValue). A dictionary's or list's `Item` is its indexer; an
            // array has none, and other names have no settable parameterized property here.
            let obj = try evaluate(m.target)
            let name = try memberName(m.member)
            let args = try evaluateArguments(m.arguments)
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
            try assignIndex(obj, args.count == 1 ? args[0] : .object(PSArray(args)), value, extent: extent)
        case .paren(let p):
            if case .pipeline(let pl) = p.pipeline, pl.elements.count == 1, case .expression(let e) = pl.elements[0] {
                try assign(to: e.expression, value, extent: extent)
            } else {
                throw invalidAssignmentTarget(extent)
            }
        default:
            throw invalidAssignmentTarget(extent)
        }
    }

    func invalidAssignmentTarget(_ extent: SourceExtent) -> RuntimeError {
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
