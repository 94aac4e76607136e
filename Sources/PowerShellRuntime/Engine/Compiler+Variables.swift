import Foundation
import PowerShellSyntax

/// Variables: reads and writes through the slot of the scope that owns the running code when
/// the layout has one, otherwise by name (pwsh's rules: `$x` reads up the scope chain and
/// writes locally; `$script:`, `$global:`, `$local:`, `$private:`, `$env:` qualify).
extension Compiler {

    /// A variable read.
    func variableRead(_ v: VariableExpressionAst) -> CompiledExpression {
        if v.scope == nil && !v.splatted {
            switch v.foldedName {
            // Constant and AllScope in every session: nothing can hide them.
            case "null": return { _ in .null }
            case "true": return { _ in .bool(true) }
            case "false": return { _ in .bool(false) }
            case "?": return { ctx in .bool(ctx.lastStatementSucceeded) }
            default: break
            }
            if let slot = layout.slot(of: v.foldedName) {
                let id = layout.id
                return { ctx in
                    if let value = ctx.slotValue(layout: id, slot) { return value }
                    return try ctx.readUnqualified(v)
                }
            }
            return { ctx in try ctx.readUnqualified(v) }
        }
        return { ctx in try ctx.readQualified(v) }
    }

    /// A variable write: the closure stores a value into the variable `v` names.
    func variableWrite(_ v: VariableExpressionAst) -> (ExecutionContext, Value) throws -> Void {
        if v.scope == nil, v.foldedName == "null" { return { _, _ in } }
        if v.scope == nil, let slot = layout.slot(of: v.foldedName) {
            let id = layout.id
            return { ctx, value in
                if ctx.setPlainSlot(layout: id, slot, value) { return }
                if !PSVariable.mayBeAllScope(v.foldedName), ctx.fillEmptySlot(layout: id, slot, value) { return }
                if try ctx.setTypedSlot(layout: id, slot, value) { return }
                try ctx.assign(value, toVariable: v)
            }
        }
        return { ctx, value in try ctx.assign(value, toVariable: v) }
    }
}

extension ExecutionContext {

    // MARK: - Reading by name

    /// An unqualified variable found by name: the lookup cached on the expression, then the
    /// automatic variables computed on read.
    @inline(__always)
    func readUnqualified(_ v: VariableExpressionAst) throws -> Value {
        if let variable = cachedLookup(v) { return variable.value }
        return try automaticOrUndefined(v)
    }

    /// `$global:x`, `$script:x`, `$local:x`, `$private:x`, `$env:X`, `$function:f`,
    /// `$variable:x`, `$using:x`.
    func readQualified(_ v: VariableExpressionAst) throws -> Value {
        switch v.scope {
        case "env"?:
            guard let raw = getenv(v.name) else { return .null }
            return .string(String(cString: raw))
        case "global"?:
            return try globalScope.variable(v.foldedName)?.value ?? undefinedVariable(v)
        case "script"?:
            return try currentScope.scriptScopeOrSelf.lookup(v.foldedName)?.value ?? undefinedVariable(v)
        case "local"?, "private"?:
            return try currentScope.variable(v.foldedName)?.value ?? undefinedVariable(v)
        case "function"?:
            if let f = currentScope.lookupFunction(v.foldedName) { return .object(f.scriptBlock) }
            return .null
        case "alias"?:
            // The Alias provider's content of an item is its definition's text.
            if let a = currentScope.lookupAlias(v.foldedName) { return .string(a.definition) }
            return .null
        case "using"?:
            // `"$using:x"` in a string of a parallel task's block.
            if let values = usingValues, let value = values[v.foldedName] { return value }
            return try readUnqualified(v)
        case nil, "variable"?:
            return try readUnqualified(v)
        default:
            return .null
        }
    }

    /// Looks a plain variable up, reusing the last answer while the scope and the set of
    /// variables are unchanged (the common case inside loops).
    @inline(__always)
    func cachedLookup(_ v: VariableExpressionAst) -> PSVariable? {
        let scope = currentScope
        if v.lookupScopeID == scope.id, v.lookupGeneration == Scope.generation, let found = v.lookupVariable {
            return unsafeDowncast(found, to: PSVariable.self)
        }
        guard let found = scope.lookupForCache(v.foldedName) else { return nil }
        v.lookupScopeID = scope.id
        v.lookupGeneration = Scope.generation
        v.lookupVariable = found
        return found
    }

    /// Variables computed on read (`$PWD`, `$LASTEXITCODE`, `$input` outside a function) and
    /// the undefined-variable rule.
    func automaticOrUndefined(_ v: VariableExpressionAst) throws -> Value {
        switch v.foldedName {
        case "?": return .bool(lastStatementSucceeded)
        case "pwd": return .object(PathInfo(currentLocation))
        case "lastexitcode": return try lastExitCode.map { .int($0) } ?? undefinedVariable(v)
        case "input": return .object(PSArray([]))
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

    /// The variable an unqualified name refers to in the current scope itself, if any.
    @inline(__always)
    func localVariable(_ v: VariableExpressionAst) -> PSVariable? {
        currentScope.variable(v.foldedName)
    }

    // MARK: - Writing by name

    /// Assigns to a variable expression (honouring scope qualifiers and `$env:`).
    func assign(_ value: Value, toVariable v: VariableExpressionAst) throws {
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
        } else if v.foldedName == "null" {
            return
        }
        if let existing = localVariable(v), existing.isPlain {
            existing.value = value
            return
        }
        if PSVariable.mayBeAllScope(v.foldedName), let allScope = currentScope.lookup(v.foldedName), allScope.options.contains(.allScope) {
            // An AllScope variable is the same variable in every scope below the one that
            // made it: assigning anywhere sets it there.
            var owner: Scope? = currentScope
            while let s = owner, s.variables[v.foldedName] !== allScope { owner = s.parent }
            try assignVariable(in: owner ?? globalScope, folded: v.foldedName, name: v.name, value: value)
            return
        }
        try assignVariable(in: currentScope, folded: v.foldedName, name: v.name, value: value)
    }
}

extension PSVariable {
    /// Names that have ever had an AllScope variable in this process (pwsh's
    /// VariableAnalysis.NoteAllScopeVariable): a write to any other name cannot reach an
    /// AllScope variable, so it needs no lookup up the scope chain.
    nonisolated(unsafe) static var allScopeNames: Set<String> = []

    @inline(__always)
    static func mayBeAllScope(_ folded: String) -> Bool {
        allScopeNames.contains(folded)
    }
}
