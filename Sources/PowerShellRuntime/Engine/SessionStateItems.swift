import Foundation

/// The items of pwsh's session-state drives (`function:`, `alias:`, `variable:`) as the
/// providers and the `$function:name` / `$alias:name` variable paths see them.
extension ExecutionContext {
    /// The functions visible from the current scope, nearest definition first for each name.
    public func visibleFunctions() -> [FunctionInfo] { nearestByName { $0.functions } }

    /// The aliases visible from the current scope, nearest definition first for each name.
    public func visibleAliases() -> [AliasInfo] { nearestByName { $0.aliases } }

    /// One entry per name of a per-scope table, the nearest scope's winning.
    private func nearestByName<T>(_ table: (Scope) -> [String: T]) -> [T] {
        var out: [T] = []
        var seen = Set<String>()
        var s: Scope? = currentScope
        while let scope = s {
            for (k, item) in table(scope) where seen.insert(k).inserted { out.append(item) }
            s = scope.parent
        }
        return out
    }

    /// Defines (or, for `$null`, removes) a function from a provider value, as pwsh's
    /// FunctionProvider.SetSessionStateItem does: a script block is the body, a string is
    /// parsed into one, anything else is refused with an ArgumentException.
    @discardableResult
    public func setFunctionItem(_ name: String, _ value: Value) throws -> FunctionInfo? {
        let sb: ScriptBlock
        switch value {
        case .null:
            _ = removeFunctionItem(name)
            return nil
        case .string(let text):
            sb = try parseScriptBlock(text)
        case .object(let o):
            guard let block = o as? ScriptBlock else { throw invalidFunctionValue() }
            sb = block
        default:
            throw invalidFunctionValue()
        }
        // A script block used as a body gets its own declaration (its param block) without
        // changing the caller's block.
        let body = ScriptBlock(ast: sb.ast, isFilter: sb.isFilter)
        body.moduleState = sb.moduleState
        let info = try makeFunctionInfo(name: name, scriptBlock: body, isFilter: sb.isFilter, extraParameters: nil)
        info.moduleName = currentModule?.name ?? ""
        info.module = currentModule
        currentScope.functions[name.lowercased()] = info
        commandTableGeneration += 1
        return info
    }

    /// Removes the nearest function of that name (pwsh's SessionState.RemoveFunction); false
    /// when there is none.
    public func removeFunctionItem(_ name: String) -> Bool {
        let folded = name.lowercased()
        var s: Scope? = currentScope
        while let scope = s {
            if scope.functions[folded] != nil {
                scope.functions[folded] = nil
                commandTableGeneration += 1
                return true
            }
            s = scope.parent
        }
        return false
    }

    /// Sets an alias item in the current scope from a provider value (its definition's text).
    public func setAliasItem(_ name: String, _ value: Value) {
        if value.isNull {
            var s: Scope? = currentScope
            while let scope = s {
                if scope.aliases[name.lowercased()] != nil {
                    removeAlias(name, from: scope)
                    return
                }
                s = scope.parent
            }
            return
        }
        setAlias(name, Conversion.toString(value, hooks: hooks), scope: currentScope)
    }

    private func invalidFunctionValue() -> RuntimeError {
        RuntimeError(.psArgumentException, "Cannot process argument because the value of argument \"value\" is not valid. Change the value of the \"value\" argument and run the operation again.",
                     errorId: "Argument", category: .InvalidArgument)
    }
}
