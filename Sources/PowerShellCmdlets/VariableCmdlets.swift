import Foundation
import PowerShellRuntime

/// The variable and alias cmdlets and Set-StrictMode: they work on the caller's scopes.
enum VariableCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Variable", GetVariableCommand.self),
        ("New-Variable", NewVariableCommand.self),
        ("Set-Variable", SetVariableCommand.self),
        ("Clear-Variable", ClearVariableCommand.self),
        ("Remove-Variable", RemoveVariableCommand.self),
        ("Get-Alias", GetAliasCommand.self),
        ("New-Alias", NewAliasCommand.self),
        ("Set-Alias", SetAliasCommand.self),
        ("Remove-Alias", RemoveAliasCommand.self),
        ("Set-StrictMode", SetStrictModeCommand.self),
    ]
}

/// Shared lookups of the variable cmdlets.
enum VariableLookup {
    /// The target text of the variable cmdlets' What if lines: the value by its .NET ToString.
    static func whatIfTarget(_ name: String, _ value: Value?, _ rt: CommandRuntime) -> String {
        "Name: \(name) Value: \(value.map { Members.dotnetToString($0, hooks: rt.context.hooks) } ?? "")"
    }

    /// Variables visible from a scope (nearest first, outer private ones hidden), or only those
    /// of the scope `-Scope` names.
    static func visible(_ rt: CommandRuntime) throws -> [PSVariable] {
        if let s = rt.bound.string("Scope") {
            let scope = try rt.context.resolveScope(s)
            return Array(scope.variables.values)
        }
        var out: [PSVariable] = []
        var seen = Set<String>()
        // Automatic variables the runtime computes on read are listed too, as pwsh lists its
        // `$`, `?`, `^` and `PWD` (their values when asked).
        for v in computed(rt.context) where seen.insert(v.name.lowercased()).inserted { out.append(v) }
        var s: Scope? = rt.context.currentScope
        var first = true
        while let scope = s {
            for (k, v) in scope.variables where seen.insert(k).inserted {
                if !first && v.options.contains(.private) { continue }
                out.append(v)
            }
            first = false
            s = scope.parent
        }
        return out
    }

    static func computed(_ context: ExecutionContext) -> [PSVariable] {
        [PSVariable(name: "$", value: .null), PSVariable(name: "^", value: .null),
         PSVariable(name: "?", value: .bool(context.lastStatementSucceeded)),
         PSVariable(name: "PWD", value: .object(PathInfo(context.currentLocation)))]
    }

    /// The variables matching the -Name, -Include and -Exclude patterns, sorted by name;
    /// writes VariableNotFound for a plain name that matches nothing.
    static func matching(_ rt: CommandRuntime, names: [String]?, reportMissing: Bool = true) throws -> [PSVariable] {
        let all = try visible(rt).sorted { StringCompare.compare($0.name, $1.name, ignoreCase: true) < 0 }
        let include = (rt.bound.strings("Include") ?? []).map { WildcardPattern($0) }
        let exclude = (rt.bound.strings("Exclude") ?? []).map { WildcardPattern($0) }
        func allowed(_ v: PSVariable) -> Bool {
            (include.isEmpty || include.contains { $0.matches(v.name) }) && !exclude.contains { $0.matches(v.name) }
        }
        guard let names = names else { return all.filter(allowed) }
        var out: [PSVariable] = []
        var added = Set<ObjectIdentifier>()
        for n in names {
            let pattern = WildcardPattern(n)
            let found = all.filter { pattern.matches($0.name) && allowed($0) }
            if found.isEmpty && !WildcardPattern.containsWildcard(n) && reportMissing {
                try rt.writeError(notFound(n, rt))
            }
            for v in found where added.insert(ObjectIdentifier(v)).inserted { out.append(v) }
        }
        return out
    }

    static func notFound(_ name: String, _ rt: CommandRuntime) -> ErrorRecord {
        rt.error("VariableNotFound", "Cannot find a variable with the name '\(name)'.", .ObjectNotFound, target: .string(name),
                 type: .itemNotFoundException)
    }

    /// `-Option ReadOnly, AllScope` → options.
    static func options(_ v: Value?, _ rt: CommandRuntime) -> VariableOptions {
        guard let v = v else { return [] }
        var o: VariableOptions = []
        let parts = (Conversion.enumerate(v) ?? [v]).flatMap { rt.text($0).split(separator: ",") }
        for p in parts {
            switch p.trimmingCharacters(in: .whitespaces).lowercased() {
            case "readonly": o.insert(.readOnly)
            case "constant": o.insert(.constant)
            case "private": o.insert(.private)
            case "allscope": o.insert(.allScope)
            default: break
            }
        }
        return o
    }

    static func notWritable(_ name: String, _ rt: CommandRuntime) -> ErrorRecord {
        rt.error("VariableNotWritable", "Cannot overwrite variable \(name) because it is read-only or constant.", .WriteError,
                 target: .string(name), type: .sessionStateUnauthorizedAccessException)
    }
}

/// `Get-Variable [[-Name] <string[]>] [-ValueOnly] [-Include …] [-Exclude …] [-Scope …]`
final class GetVariableCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        for v in try VariableLookup.matching(rt, names: rt.bound.strings("Name")) {
            try rt.writeObject(rt.bound.isOn("ValueOnly") ? v.value : .object(v))
        }
    }
}

/// `New-Variable [-Name] <string> [[-Value] <Object>] [-Option …] [-Scope …] [-Force] [-PassThru]`
final class NewVariableCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let name = rt.bound.string("Name") else { return }
        let scope = try rt.context.resolveScope(rt.bound.string("Scope"))
        // VariableCommandStrings.resx: "New variable" on "Name: {0} Value: {1}", asked before
        // the variable is looked at.
        guard try rt.shouldProcess(target: VariableLookup.whatIfTarget(name, rt.bound["Value"], rt), action: "New variable") else { return }
        let folded = name.lowercased()
        var options = VariableLookup.options(rt.bound["Option"], rt)
        if rt.bound.string("Scope")?.lowercased() == "private" { options.insert(.private) }
        if let existing = scope.variables[folded] {
            if !rt.bound.isOn("Force") {
                try rt.writeError(rt.error("VariableAlreadyExists", "A variable with name '\(name)' already exists.", .ResourceExists,
                                           target: .string(name), type: .custom(["System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"])))
                return
            }
            if existing.options.contains(.constant) {
                try rt.writeError(VariableLookup.notWritable(name, rt))
                return
            }
        }
        let v = PSVariable(name: name, value: rt.bound["Value"] ?? .null, options: options)
        v.description = rt.bound.string("Description") ?? ""
        scope.variables[folded] = v
        if rt.bound.isOn("PassThru") { try rt.writeObject(.object(v)) }
    }
}

/// `Set-Variable [-Name] <string[]> [[-Value] <Object>] [-Option …] [-Scope …] [-Force] [-PassThru]`
final class SetVariableCommand: Cmdlet {
    /// As pwsh's SetVariableCommand: each name (wildcards allowed) sets the matching variables
    /// of the `-Scope` scope, or of the local scope; a plain name that matches none creates
    /// the variable there, unless -Include/-Exclude filter the name out.
    override func process(_ rt: CommandRuntime) throws {
        let scope = try rt.context.resolveScope(rt.bound.string("Scope"))
        let include = (rt.bound.strings("Include") ?? []).map { WildcardPattern($0) }
        let exclude = (rt.bound.strings("Exclude") ?? []).map { WildcardPattern($0) }
        func passesFilters(_ name: String) -> Bool {
            (include.isEmpty || include.contains { $0.matches(name) }) && !exclude.contains { $0.matches(name) }
        }
        let newOptions = rt.bound.has("Option") ? VariableLookup.options(rt.bound["Option"], rt) : nil
        for name in rt.bound.strings("Name") ?? [] {
            let matches: [PSVariable]
            if WildcardPattern.containsWildcard(name) {
                let pattern = WildcardPattern(name)
                matches = scope.variables.values.filter { pattern.matches($0.name) && passesFilters($0.name) }
                    .sorted { StringCompare.compare($0.name, $1.name, ignoreCase: true) < 0 }
            } else {
                if !passesFilters(name) { continue }
                matches = scope.variables[name.lowercased()].map { [$0] } ?? []
            }
            if matches.isEmpty {
                guard try rt.shouldProcess(target: VariableLookup.whatIfTarget(name, rt.bound["Value"], rt), action: "Set variable") else { continue }
                var options = newOptions ?? []
                if rt.bound.string("Scope")?.lowercased() == "private" { options.insert(.private) }
                let v = PSVariable(name: name, value: rt.bound["Value"] ?? .null, options: options)
                v.description = rt.bound.string("Description") ?? ""
                scope.variables[name.lowercased()] = v
                if rt.bound.isOn("PassThru") { try rt.writeObject(.object(v)) }
                continue
            }
            for existing in matches {
                try update(existing, newOptions: newOptions, rt)
            }
        }
    }

    private func update(_ existing: PSVariable, newOptions: VariableOptions?, _ rt: CommandRuntime) throws {
        let name = existing.name
        guard try rt.shouldProcess(target: VariableLookup.whatIfTarget(name, rt.bound["Value"], rt), action: "Set variable") else { return }
        if existing.options.contains(.constant) || (existing.options.contains(.readOnly) && !rt.bound.isOn("Force")) {
            try rt.writeError(VariableLookup.notWritable(name, rt))
            return
        }
        // Options change within pwsh's PSVariable.SetOptions rules: Constant only at
        // creation, AllScope never taken away.
        if let o = newOptions, o.contains(.constant) {
            try rt.writeError(rt.error("VariableCannotBeMadeConstant",
                                       "Existing variable \(name) cannot be made constant. Variables can be made constant only at creation time.",
                                       .WriteError, target: .string(name), type: .sessionStateUnauthorizedAccessException))
            return
        }
        if let o = newOptions, existing.options.contains(.allScope), !o.contains(.allScope) {
            try rt.writeError(rt.error("VariableAllScopeOptionCannotBeRemoved",
                                       "The AllScope option cannot be removed from the variable '\(name)'.",
                                       .WriteError, target: .string(name), type: .sessionStateUnauthorizedAccessException))
            return
        }
        if rt.bound.has("Value") {
            if rt.bound.isOn("Append") {
                existing.value = .object(PSArray((Conversion.enumerate(existing.value) ?? [existing.value]) + [rt.bound["Value"] ?? .null]))
            } else {
                existing.value = rt.bound["Value"] ?? .null
            }
        }
        if let o = newOptions { existing.options = o }
        if let d = rt.bound.string("Description") { existing.description = d }
        if rt.bound.isOn("PassThru") { try rt.writeObject(.object(existing)) }
    }
}

/// `Clear-Variable [-Name] <string[]> [-Scope …] [-Force] [-PassThru]`
final class ClearVariableCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        for v in try VariableLookup.matching(rt, names: rt.bound.strings("Name")) {
            guard try rt.shouldProcess(target: "Name: \(v.name)", action: "Clear variable") else { continue }
            if v.options.contains(.constant) || (v.options.contains(.readOnly) && !rt.bound.isOn("Force")) {
                try rt.writeError(VariableLookup.notWritable(v.name, rt))
                continue
            }
            // Without -Scope the value is cleared the way `$name = $null` would: a variable of
            // an outer scope gets a local one holding $null (pwsh's ClearValue).
            var cleared = v
            let local = rt.context.currentScope
            if rt.bound.string("Scope") == nil, local.variables[v.name.lowercased()] !== v, !v.options.contains(.allScope) {
                cleared = PSVariable(name: v.name, value: .null)
                local.variables[v.name.lowercased()] = cleared
            } else {
                v.value = .null
            }
            if rt.bound.isOn("PassThru") { try rt.writeObject(.object(cleared)) }
        }
    }
}

/// `Remove-Variable [-Name] <string[]> [-Scope …] [-Force]`
final class RemoveVariableCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        for v in try VariableLookup.matching(rt, names: rt.bound.strings("Name")) {
            guard try rt.shouldProcess(target: "Name: \(v.name)", action: "Remove variable") else { continue }
            if v.options.contains(.constant) || (v.options.contains(.readOnly) && !rt.bound.isOn("Force")) {
                try rt.writeError(rt.error("VariableNotRemovable",
                                           "Cannot remove variable \(v.name) because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.",
                                           .WriteError, target: .string(v.name), type: .sessionStateUnauthorizedAccessException))
                continue
            }
            var s: Scope? = rt.bound.string("Scope") != nil ? try rt.context.resolveScope(rt.bound.string("Scope")) : rt.context.currentScope
            let folded = v.name.lowercased()
            while let scope = s {
                if scope.variables[folded] === v {
                    scope.variables.removeValue(forKey: folded)
                    break
                }
                s = scope.parent
            }
        }
    }
}

// MARK: - Aliases

/// The alias as Get-Alias returns it (an AliasInfo, shown as `Alias  gci -> Get-ChildItem`).
func aliasInfoValue(_ a: AliasInfo, _ context: ExecutionContext) -> Value {
    .object(aliasInfo(a, context))
}

func aliasInfo(_ a: AliasInfo, _ context: ExecutionContext) -> CommandInfoObject {
    let info = CommandInfoObject(name: a.name, commandType: "Alias", source: a.moduleName, version: "", definition: a.definition, declaration: nil)
    info.aliasDescription = a.description
    info.aliasOptions = a.options.text
    info.resolvedCommandName = context.resolvedCommandName(ofAlias: a)
    return info
}

/// `Get-Alias [[-Name] <string[]>] [-Definition <string[]>] [-Exclude …] [-Scope …]`
final class GetAliasCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        var all: [AliasInfo] = []
        var seen = Set<String>()
        var s: Scope? = rt.bound.string("Scope") != nil ? try rt.context.resolveScope(rt.bound.string("Scope")) : rt.context.currentScope
        while let scope = s {
            for (k, a) in scope.aliases where seen.insert(k).inserted { all.append(a) }
            s = rt.bound.string("Scope") != nil ? nil : scope.parent
        }
        all.sort { StringCompare.compare($0.name, $1.name, ignoreCase: true) < 0 }
        let exclude = (rt.bound.strings("Exclude") ?? []).map { WildcardPattern($0) }
        all = all.filter { a in !exclude.contains { $0.matches(a.name) } }
        if let defs = rt.bound.strings("Definition") {
            let patterns = defs.map { WildcardPattern($0) }
            for a in all where patterns.contains(where: { $0.matches(a.definition) }) { try rt.writeObject(aliasInfoValue(a, rt.context)) }
            return
        }
        guard let names = rt.bound.strings("Name") else {
            for a in all { try rt.writeObject(aliasInfoValue(a, rt.context)) }
            return
        }
        for n in names {
            let pattern = WildcardPattern(n)
            let found = all.filter { pattern.matches($0.name) }
            if found.isEmpty && !WildcardPattern.containsWildcard(n) {
                try rt.writeError(rt.error("ItemNotFoundException",
                                           "This command cannot find a matching alias because an alias with the name '\(n)' does not exist.",
                                           .ObjectNotFound, target: .string(n), type: .itemNotFoundException))
            }
            for a in found { try rt.writeObject(aliasInfoValue(a, rt.context)) }
        }
    }
}

/// `New-Alias` / `Set-Alias [-Name] <string> [-Value] <string> [-Description …] [-Option …]
/// [-Scope …] [-Force] [-PassThru]`.
class AliasWriterCommand: Cmdlet {
    var failsWhenExists: Bool { true }

    override func process(_ rt: CommandRuntime) throws {
        guard let name = rt.bound.string("Name"), let value = rt.bound.string("Value") else { return }
        let scope = try rt.context.resolveScope(rt.bound.string("Scope"))
        // AliasCommandStrings.resx: "New Alias" / "Set Alias" on "Name: {0} Value: {1}".
        guard try rt.shouldProcess(target: "Name: \(name) Value: \(value)", action: failsWhenExists ? "New Alias" : "Set Alias") else { return }
        let existing = rt.context.currentScope.lookupAlias(name.lowercased())
        if let e = existing {
            if e.options.contains(.constant) || (e.options.contains(.readOnly) && !rt.bound.isOn("Force")) {
                try rt.writeError(rt.error("AliasNotWritable",
                                           "Alias was not created because the alias \(name) is read-only or constant and cannot be written to.",
                                           .WriteError, target: .string(name), type: .sessionStateUnauthorizedAccessException))
                return
            }
            if failsWhenExists && !rt.bound.isOn("Force") && scope.aliases[name.lowercased()] != nil {
                try rt.writeError(rt.error("AliasAlreadyExists", "The alias is not allowed, because an alias with the name '\(name)' already exists.",
                                           .ResourceExists, target: .string(name), type: .custom(["System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"])))
                return
            }
        }
        rt.context.setAlias(name, value, options: VariableLookup.options(rt.bound["Option"], rt), scope: scope)
        if let d = rt.bound.string("Description") { scope.aliases[name.lowercased()]?.description = d }
        if rt.bound.isOn("PassThru"), let a = scope.aliases[name.lowercased()] { try rt.writeObject(aliasInfoValue(a, rt.context)) }
    }
}

final class NewAliasCommand: AliasWriterCommand {}

/// `Remove-Alias [-Name] <string[]> [-Scope <string>] [-Force]` (RemoveAliasCommand.cs): each
/// name is removed from the nearest scope that has it (from the named scope with `-Scope`); a
/// read-only alias only with `-Force`, a constant one never.
final class RemoveAliasCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let named = try rt.bound.string("Scope").map { try rt.context.resolveScope($0) }
        for name in rt.bound.strings("Name") ?? [] {
            let folded = name.lowercased()
            var holder: Scope? = named
            if named == nil {
                var s: Scope? = rt.context.currentScope
                while let scope = s, holder == nil {
                    if scope.aliases[folded] != nil { holder = scope }
                    s = scope.parent
                }
            }
            guard let scope = holder, let alias = scope.aliases[folded] else {
                try rt.writeError(rt.error("ItemNotFoundException",
                                           "This command cannot find a matching alias because an alias with the name '\(name)' does not exist.",
                                           .ObjectNotFound, target: .string(name), type: .itemNotFoundException))
                continue
            }
            if alias.options.contains(.constant) || (alias.options.contains(.readOnly) && !rt.bound.isOn("Force")) {
                try rt.throwTerminating(rt.error("AliasNotRemovable", "Alias was not removed because alias \(alias.name) is constant or read-only.",
                                                 .WriteError, target: .string(name), type: .sessionStateUnauthorizedAccessException))
            }
            rt.context.removeAlias(folded, from: scope)
        }
    }
}

final class SetAliasCommand: AliasWriterCommand {
    override var failsWhenExists: Bool { false }
}

/// `Set-StrictMode -Version <version> | -Off`: sets the strict mode of the caller's scope.
final class SetStrictModeCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if rt.bound.isOn("Off") {
            rt.context.currentScope.strictModeVersion = 0
            return
        }
        guard let v = rt.bound["Version"] else { return }
        let text = rt.text(v).lowercased()
        var version = 3
        if text != "latest" {
            let major = Int(text.split(separator: ".").first ?? "") ?? 0
            if major < 1 || major > 3 {
                try rt.throwTerminating(rt.error("ArgumentOutOfRange",
                                                 "The value \(rt.text(v)) is not valid for the Version parameter. The valid values are 1.0, 2.0, 3.0 and Latest.",
                                                 .InvalidArgument, target: v, type: .psArgumentOutOfRangeException))
            }
            version = major
        }
        rt.context.currentScope.strictModeVersion = version
    }
}
