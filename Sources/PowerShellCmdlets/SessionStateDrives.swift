import Foundation
import PowerShellRuntime

/// The items of the Variable, Function, Alias and Environment drives, as pwsh's
/// SessionStateProviderBase serves them to the item cmdlets: an item is the PSVariable,
/// FunctionInfo, AliasInfo or DictionaryEntry itself; its content (Get-Content, `$drive:name`)
/// is the variable's value, the function's script block, the alias's definition or the
/// variable's text.
enum SessionStateDrive {
    /// Every item of the drive, sorted by name with the current culture ignoring case, as
    /// SessionStateProviderBase.GetChildItems lists them.
    static func entries(_ provider: ProviderKind, _ rt: CommandRuntime) -> [(name: String, item: Value)] {
        var out: [(name: String, item: Value)]
        switch provider {
        case .variable:
            out = visibleVariables(rt).map { ($0.name, .object($0)) }
        case .function:
            out = rt.context.visibleFunctions().map { ($0.name, .object(CommandCatalog.info($0))) }
        case .alias:
            out = rt.context.visibleAliases().map { ($0.name, aliasInfoValue($0, rt.context)) }
        case .environment:
            out = ProcessInfo.processInfo.environment.map { ($0.key, .object(EnvironmentEntry(name: $0.key, value: $0.value))) }
        case .fileSystem:
            return []
        }
        return out.sorted { StringCompare.compare($0.name, $1.name, ignoreCase: true) < 0 }
    }

    /// The names of the drive's items (for wildcard expansion), in listing order.
    static func names(_ provider: ProviderKind, _ rt: CommandRuntime) -> [String] {
        entries(provider, rt).map { $0.name }
    }

    /// The item of that name, or nil when the drive has none.
    static func item(_ provider: ProviderKind, _ name: String, _ rt: CommandRuntime) -> Value? {
        let folded = name.lowercased()
        switch provider {
        case .variable:
            return visibleVariables(rt).first { $0.name.lowercased() == folded }.map { .object($0) }
        case .function:
            return rt.context.currentScope.lookupFunction(folded).map { .object(CommandCatalog.info($0)) }
        case .alias:
            return rt.context.currentScope.lookupAlias(folded).map { aliasInfoValue($0, rt.context) }
        case .environment:
            guard let v = EnvironmentProvider.get(name) else { return nil }
            return .object(EnvironmentEntry(name: name, value: v))
        case .fileSystem:
            return nil
        }
    }

    /// The item's value (pwsh's GetValueOfItem): what Get-Content and `${drive:name}` give.
    static func content(_ provider: ProviderKind, _ name: String, _ rt: CommandRuntime) -> Value? {
        let folded = name.lowercased()
        switch provider {
        case .variable: return visibleVariables(rt).first { $0.name.lowercased() == folded }?.value
        case .function: return rt.context.currentScope.lookupFunction(folded).map { .object($0.scriptBlock) }
        case .alias: return rt.context.currentScope.lookupAlias(folded).map { .string($0.definition) }
        case .environment: return EnvironmentProvider.get(name).map { .string($0) }
        case .fileSystem: return nil
        }
    }

    /// True when the drive has an item of that name (the drive itself for "").
    static func exists(_ provider: ProviderKind, _ name: String, _ rt: CommandRuntime) -> Bool {
        name.isEmpty || item(provider, name, rt) != nil
    }

    /// Removes the nearest item of that name (Remove-Item); false when there is none.
    static func remove(_ provider: ProviderKind, _ name: String, _ rt: CommandRuntime) -> Bool {
        let folded = name.lowercased()
        switch provider {
        case .variable:
            var s: Scope? = rt.context.currentScope
            while let scope = s {
                if scope.variables[folded] != nil {
                    scope.variables.removeValue(forKey: folded)
                    return true
                }
                s = scope.parent
            }
            return false
        case .function:
            return rt.context.removeFunctionItem(name)
        case .alias:
            var s: Scope? = rt.context.currentScope
            while let scope = s {
                if scope.aliases[folded] != nil {
                    rt.context.removeAlias(name, from: scope)
                    return true
                }
                s = scope.parent
            }
            return false
        case .environment:
            guard EnvironmentProvider.get(name) != nil else { return false }
            EnvironmentProvider.set(name, nil)
            return true
        case .fileSystem:
            return false
        }
    }

    /// Sets an item's value in the current scope (Set-Item, New-Item), returning the item.
    @discardableResult
    static func set(_ provider: ProviderKind, _ name: String, _ value: Value, _ rt: CommandRuntime) throws -> Value? {
        switch provider {
        case .variable:
            try rt.context.setVariable(name, value)
        case .function:
            try rt.context.setFunctionItem(name, value)
        case .alias:
            rt.context.setAliasItem(name, value)
        case .environment:
            EnvironmentProvider.set(name, value.isNull ? nil : rt.text(value))
        case .fileSystem:
            return nil
        }
        return item(provider, name, rt)
    }

    /// The variables visible from the caller's scope, as Get-Variable lists them.
    private static func visibleVariables(_ rt: CommandRuntime) -> [PSVariable] { (try? VariableLookup.visible(rt)) ?? [] }
}
