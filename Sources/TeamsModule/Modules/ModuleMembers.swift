import Foundation
import PowerShellCmdlets
import PowerShellRuntime
import TeamsTenant

/// What a script module exports and how its members reach the caller, after pwsh's
/// ModuleIntrinsics.ExportModuleMembers and ModuleCmdletBase.ImportModuleMembers (v7.6.5):
///
/// - Exporting matches the functions, aliases and variables that exist in the module scope at
///   that moment (functions imported from nested modules included); the lists are kept sorted
///   by name (OrdinalIgnoreCase), each name once. Automatic variables are never exported.
/// - Importing copies the exported functions and aliases (with `-Prefix` put before the noun)
///   and shares the exported variables, filtered by Import-Module's `-Function`/`-Alias`/
///   `-Variable` patterns. At the top level it warns once about unapproved verbs and once about
///   nouns with restricted characters (ModuleCmdletBase.ValidateCommandName).
extension ModuleLayer {
    /// Variables pwsh never exports (PSModuleInfo's built-in variables).
    static let builtinVariables: Set<String> = ["_", "psitem", "this", "input", "args", "true", "false", "null", "error",
                                                "psscriptroot", "pscommandpath", "myinvocation", "executioncontext",
                                                "psdefaultparametervalues", "stacktrace", "psboundparameters", "foreach"]

    func state(of module: PSModuleInfo) -> ScriptModuleState {
        let key = ObjectIdentifier(module)
        if let s = scriptModules[key] { return s }
        let s = ScriptModuleState()
        scriptModules[key] = s
        return s
    }

    private static func matches(_ name: String, _ patterns: [String]) -> Bool {
        patterns.contains { Wildcard($0).matches(name) }
    }

    private static func sortedUnique<T>(_ items: [T], _ name: (T) -> String) -> [T] {
        var seen = Set<String>()
        return items.sorted { CompletionOrder.ordinalIgnoreCase(name($0), name($1)) < 0 }.filter { seen.insert(name($0).lowercased()).inserted }
    }

    /// Export-ModuleMember (and the manifest's canonical lists): adds what matches now.
    func exportMembers(_ module: PSModuleInfo, functions: [String]?, aliases: [String]?, variables: [String]?) {
        let s = state(of: module)
        s.useExportList = true
        if let functions {
            s.functions = ModuleLayer.sortedUnique(s.functions + module.scope.functions.values.filter {
                !$0.options.contains(.allScope) && ModuleLayer.matches($0.name, functions)
            }, \.name)
        }
        if let variables {
            s.variables = ModuleLayer.sortedUnique(s.variables + module.scope.variables.values.filter {
                !ModuleLayer.builtinVariables.contains($0.name.lowercased()) && !$0.options.contains(.allScope)
                    && ModuleLayer.matches($0.name, variables)
            }, \.name)
        }
        if let aliases {
            s.aliases = ModuleLayer.sortedUnique(s.aliases + module.scope.aliases.values.filter {
                !$0.options.contains(.allScope) && ModuleLayer.matches($0.name, aliases)
            }, \.name)
        }
        publishExports(module)
    }

    /// A module that did not call Export-ModuleMember exports every function (and alias, for
    /// a `.psm1`).
    func exportImplicitly(_ module: PSModuleInfo, aliases: Bool) throws {
        guard !state(of: module).useExportList else { return }
        exportMembers(module, functions: ["*"], aliases: aliases ? ["*"] : nil, variables: nil)
    }

    /// The manifest's `*ToExport` lists narrow what the root module exported.
    func filterExports(_ module: PSModuleInfo, manifest: ModuleManifest) {
        let s = state(of: module)
        if let patterns = manifest.exportPatterns("FunctionsToExport") { s.functions = s.functions.filter { ModuleLayer.matches($0.name, patterns) } }
        if let patterns = manifest.exportPatterns("AliasesToExport") { s.aliases = s.aliases.filter { ModuleLayer.matches($0.name, patterns) } }
        if let patterns = manifest.exportPatterns("VariablesToExport") { s.variables = s.variables.filter { ModuleLayer.matches($0.name, patterns) } }
        publishExports(module)
    }

    /// Copies the export lists onto the module object.
    func publishExports(_ module: PSModuleInfo) {
        let s = state(of: module)
        let prefix = module.prefix
        module.exportedFunctions = s.functions.map { ModuleLayer.prefixed($0.name, prefix) }
        module.exportedAliases = s.aliases.map { ModuleLayer.prefixed($0.name, prefix) }
        module.exportedVariables = s.variables.map(\.name)
        var values: [String: Value] = [:]
        for f in s.functions {
            let name = ModuleLayer.prefixed(f.name, prefix)
            let info = CommandInfoObject(name: name, commandType: f.isFilter ? "Filter" : "Function", source: module.name,
                                         version: module.version, definition: f.scriptBlock.text, declaration: f.declaration)
            info.module = module
            values[name.lowercased()] = .object(info)
        }
        for a in s.aliases {
            let name = ModuleLayer.prefixed(a.name, prefix)
            let info = CommandInfoObject(name: name, commandType: "Alias", source: module.name, version: module.version,
                                         definition: a.definition, declaration: nil)
            info.module = module
            values[name.lowercased()] = .object(info)
        }
        for v in s.variables { values[v.name.lowercased()] = .object(v) }
        module.exportedValues = values
    }

    /// `Verb-Noun` with the prefix before the noun (`Get-Foo` with `X` → `Get-XFoo`).
    static func prefixed(_ name: String, _ prefix: String) -> String {
        guard !prefix.isEmpty else { return name }
        guard let dash = name.firstIndex(of: "-"), dash != name.startIndex else { return prefix + name }
        return String(name[..<dash]) + "-" + prefix + String(name[name.index(after: dash)...])
    }

    // MARK: Importing

    /// Imports a module's exports into the caller's session state.
    func importMembers(of module: PSModuleInfo, options: ModuleImportOptions, importer: ModuleImporter) throws {
        guard scriptModules[ObjectIdentifier(module)] != nil else { return }
        let s = state(of: module)
        let target = importTarget(options)
        var record = ImportedMembers(scope: target)
        let prefix = options.prefix.isEmpty ? module.prefix : options.prefix
        if prefix != module.prefix {
            // The exports now go by their prefixed names (pwsh's FunctionInfo.Prefix).
            module.prefix = prefix
            publishExports(module)
        }
        var checkVerb = options.nameChecking && !options.isNested
        var checkNoun = checkVerb
        var renamed: [String: String] = [:]
        for f in s.functions where options.functions.map({ ModuleLayer.matches(f.name, $0) }) ?? true {
            let name = ModuleLayer.prefixed(f.name, prefix)
            if options.noClobber, context.lookupCommandExists(name) { continue }
            let copy = FunctionInfo(name: name, scriptBlock: f.scriptBlock, isFilter: f.isFilter, declaration: f.declaration,
                                    isAdvanced: f.isAdvanced, moduleName: module.name)
            copy.definition = f.definition
            copy.module = module
            copy.options = f.options
            target.functions[name.lowercased()] = copy
            record.functions[name.lowercased()] = copy
            if name != f.name { renamed[f.name.lowercased()] = name }
            try checkName(name, module: module.name, checkVerb: &checkVerb, checkNoun: &checkNoun, importer: importer)
        }
        for v in s.variables where options.variables.map({ ModuleLayer.matches(v.name, $0) }) ?? true {
            target.variables[v.name.lowercased()] = v
            record.variables[v.name.lowercased()] = v
        }
        for a in s.aliases where options.aliases.map({ ModuleLayer.matches(a.name, $0) }) ?? true {
            let name = ModuleLayer.prefixed(a.name, prefix)
            if options.noClobber, context.lookupCommandExists(name) { continue }
            let copy = AliasInfo(name: name, definition: renamed[a.definition.lowercased()] ?? a.definition, options: a.options)
            copy.description = a.description
            copy.moduleName = module.name
            target.aliases[name.lowercased()] = copy
            record.aliases[name.lowercased()] = copy
        }
        s.imports.append(record)
        context.commandTableGeneration += 1
    }

    /// pwsh's warnings for command names that break its naming rules, each at most once per import.
    private func checkName(_ name: String, module: String, checkVerb: inout Bool, checkNoun: inout Bool, importer: ModuleImporter) throws {
        guard let dash = name.firstIndex(of: "-"), dash != name.startIndex else { return }
        let verb = String(name[..<dash])
        let noun = String(name[name.index(after: dash)...])
        let lower = name.lowercased()
        if !ApprovedVerbs.isApproved(verb), lower != "sort-object", lower != "tee-object", checkVerb {
            checkVerb = false
            try importer.warn("The names of some imported commands from the module '\(module)' include unapproved verbs that might make them less discoverable. To find the commands with unapproved verbs, run the Import-Module command again with the Verbose parameter. For a list of approved verbs, type Get-Verb.")
        }
        if noun.contains(where: { "#,(){}[]&-/\\$^;:\"'<>|?@`*%+=~".contains($0) }), checkNoun {
            checkNoun = false
            try importer.warn("Some imported command names contain one or more of the following restricted characters: # , ( ) { } [ ] & - / \\ $ ^ ; : \" ' < > | ? @ ` * % + = ~")
        }
    }

    /// Takes a script module's members out of every scope it was imported into (those not
    /// replaced since), after running its OnRemove block; its nested modules go first.
    func removeScriptModule(_ module: PSModuleInfo) {
        for nested in module.nestedModules.reversed() where allModules.contains(where: { $0 === nested }) {
            remove(nested)
        }
        if case .object(let o) = module.onRemove, let block = o as? ScriptBlock {
            _ = try? context.invokeScriptBlock(block, args: [.object(module)], dollarUnder: nil)
        }
        guard let s = scriptModules[ObjectIdentifier(module)] else { return }
        for record in s.imports {
            for (key, f) in record.functions where record.scope.functions[key] === f { record.scope.functions[key] = nil }
            for (key, a) in record.aliases where record.scope.aliases[key] === a { record.scope.aliases[key] = nil }
            for (key, v) in record.variables where record.scope.variables[key] === v { record.scope.variables[key] = nil }
        }
        s.imports = []
    }
}

extension ExecutionContext {
    /// Whether a function, alias or cmdlet of this name is visible (Import-Module -NoClobber).
    func lookupCommandExists(_ name: String) -> Bool {
        let key = name.lowercased()
        return currentScope.lookupFunction(key) != nil || currentScope.lookupAlias(key) != nil || cmdlets[key] != nil
    }
}
