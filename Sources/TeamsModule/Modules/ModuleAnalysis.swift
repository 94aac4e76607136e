import Foundation
import PowerShellRuntime
import PowerShellSyntax
import TeamsTenant

/// What the module files on disk export, found without running them, for `Get-Module
/// -ListAvailable` and command autoloading (pwsh's module analysis, ModuleCmdletBase and
/// ScriptAnalysis at v7.6.5):
///
/// - A manifest's `FunctionsToExport`/`AliasesToExport`/`CmdletsToExport` are its exports when
///   they name commands without wildcards. Otherwise its RootModule and NestedModules script
///   files are analysed and what they define is filtered by those lists.
/// - A script file exports the functions it defines at its top level and the aliases it sets
///   with Set-Alias/New-Alias or `[Alias()]` on those functions; when it calls
///   Export-ModuleMember with literal names, only what those name.
extension ModuleLayer {
    struct AnalyzedExports {
        var functions: [String] = []
        var cmdlets: [String] = []
        var aliases: [String] = []

        var commands: [String] { cmdlets + functions + aliases }
    }

    /// The exports of a module file.
    func analyzedExports(of file: String) -> AnalyzedExports {
        let lower = file.lowercased()
        if lower.hasSuffix(".psm1") || lower.hasSuffix(".ps1") { return analyzeScript(file) }
        guard lower.hasSuffix(".psd1"), let manifest = try? readManifest(file) else { return AnalyzedExports() }
        let functions = manifest.exportPatterns("FunctionsToExport")
        let aliases = manifest.exportPatterns("AliasesToExport")
        let cmdlets = manifest.exportPatterns("CmdletsToExport")
        var result = AnalyzedExports()
        result.cmdlets = (cmdlets ?? []).filter { !WildcardPattern.containsWildcard($0) }
        let declaredFunctions = functions.map { !$0.contains(where: WildcardPattern.containsWildcard) } ?? false
        let declaredAliases = aliases.map { !$0.contains(where: WildcardPattern.containsWildcard) } ?? false
        if declaredFunctions { result.functions = functions ?? [] }
        if declaredAliases { result.aliases = aliases ?? [] }
        if !declaredFunctions || !declaredAliases {
            var scripts = manifest.specifications("NestedModules").map(\.name)
            if let root = manifest.rootModule { scripts.append(root) }
            var found = AnalyzedExports()
            for name in scripts {
                guard let path = resolveManifestMember(name, base: manifest.base, searchModulePath: false),
                      path.lowercased().hasSuffix(".psm1") || path.lowercased().hasSuffix(".ps1") else { continue }
                let inner = analyzeScript(path)
                found.functions += inner.functions
                found.aliases += inner.aliases
            }
            func keep(_ names: [String], _ patterns: [String]?) -> [String] {
                guard let patterns else { return names }
                return names.filter { n in patterns.contains { Wildcard($0).matches(n) } }
            }
            if !declaredFunctions { result.functions = keep(found.functions, functions) }
            if !declaredAliases { result.aliases = keep(found.aliases, aliases) }
        }
        return result
    }

    /// A script file's exports, from its syntax tree.
    private func analyzeScript(_ file: String) -> AnalyzedExports {
        guard let data = FileManager.default.contents(atPath: file),
              let sb = try? ExecutionContext.parseScriptFile(data, path: file) else { return AnalyzedExports() }
        var functions: [String] = []
        var aliases: [String] = []
        var exportedFunctions: [String]?
        var exportedAliases: [String]?
        func literals(_ e: ExpressionAst?) -> [String] {
            guard let e else { return [] }
            switch e {
            case .stringConstant(let s): return [s.value]
            case .arrayLiteral(let a): return a.elements.flatMap { literals($0) }
            default: return []
            }
        }
        func visit(_ statements: [StatementAst]) {
            for statement in statements {
                switch statement {
                case .functionDefinition(let f):
                    functions.append(f.name)
                    for attribute in f.body.paramBlock?.attributes ?? [] where ["alias", "aliasattribute", "system.management.automation.aliasattribute"].contains(attribute.typeName.description.lowercased()) {
                        aliases += attribute.positionalArguments.flatMap { literals($0) }
                    }
                case .pipeline(let p):
                    for case .command(let c) in p.elements { visitCommand(c) }
                case .ifStatement(let s):
                    for clause in s.clauses { visit(clause.body.statements) }
                    if let e = s.elseClause { visit(e.statements) }
                case .tryStatement(let t):
                    visit(t.body.statements)
                case .block(let b):
                    visit(b.statements)
                default:
                    break
                }
            }
        }
        func visitCommand(_ c: CommandAst) {
            guard case .argument(let head)? = c.elements.first, case .stringConstant(let name) = head else { return }
            // The named parameter's value, else the first positional argument.
            func argument(_ parameter: String, positional: Bool) -> [String] {
                var positionalSeen = false
                var i = 1
                while i < c.elements.count {
                    switch c.elements[i] {
                    case .parameter(let p):
                        if parameter.lowercased().hasPrefix(p.name.lowercased()) {
                            if let a = p.argument { return literals(a) }
                            if i + 1 < c.elements.count, case .argument(let value) = c.elements[i + 1] { return literals(value) }
                        }
                        if p.argument == nil, i + 1 < c.elements.count, case .argument = c.elements[i + 1] { i += 1 }
                    case .argument(let value):
                        if positional && !positionalSeen { return literals(value) }
                        positionalSeen = true
                    case .stopParsing:
                        break
                    }
                    i += 1
                }
                return []
            }
            switch name.value.lowercased() {
            case "set-alias", "new-alias":
                aliases += argument("Name", positional: true)
            case "export-modulemember":
                exportedFunctions = (exportedFunctions ?? []) + argument("Function", positional: true)
                exportedAliases = (exportedAliases ?? []) + argument("Alias", positional: false)
            default:
                break
            }
        }
        visit(sb.ast.beginBlock?.statements ?? [])
        visit(sb.ast.processBlock?.statements ?? [])
        visit(sb.ast.endBlock?.statements ?? [])
        var result = AnalyzedExports()
        result.functions = exportedFunctions.map { patterns in functions.filter { f in patterns.contains { Wildcard($0).matches(f) } } } ?? functions
        result.aliases = exportedAliases.map { patterns in aliases.filter { a in patterns.contains { Wildcard($0).matches(a) } } } ?? aliases
        return result
    }

    // MARK: Listing

    /// A module file as `Get-Module -ListAvailable` shows it (not imported).
    func listing(_ file: String) -> PSModuleInfo? {
        let lower = file.lowercased()
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var moduleType = lower.hasSuffix(".dll") ? "Binary" : lower.hasSuffix(".cdxml") ? "Cim" : "Script"
        var manifest: ModuleManifest?
        if lower.hasSuffix(".psd1") {
            guard let m = try? readManifest(file) else { return nil }
            manifest = m
            let root = m.rootModule?.lowercased() ?? ""
            moduleType = root.isEmpty ? "Manifest" : root.hasSuffix(".dll") ? "Binary" : "Script"
        }
        let info = PSModuleInfo(name: name, version: manifest?.string("ModuleVersion") ?? "0.0", path: file, moduleType: moduleType,
                                parentScope: context.globalScope)
        info.isListing = true
        info.context = context
        info.moduleBase = (file as NSString).deletingLastPathComponent
        info.versionValue = PSVersion.parse(info.version).map { .object($0) }
        if let manifest {
            info.description = manifest.string("Description") ?? ""
            info.guid = manifest.string("GUID") ?? ""
            info.author = manifest.string("Author") ?? ""
            info.compatiblePSEditions = manifest.strings("CompatiblePSEditions") ?? []
            info.rootModule = manifest.rootModule
            if let label = manifest.data.get("PrivateData")?.hashtable?.get("PSData")?.hashtable?.get("Prerelease"), !label.isNull {
                info.prerelease = Conversion.toString(label)
            }
        }
        let exports = analyzedExports(of: file)
        info.exportedFunctions = exports.functions
        info.exportedCmdlets = exports.cmdlets
        info.exportedAliases = exports.aliases
        info.extraTypeNames = ["ModuleInfoGrouping"]
        return info
    }

    /// `Get-Module -ListAvailable`: for each `$env:PSModulePath` entry, the modules in it
    /// (those of the simulated machine and those on disk) sorted by name; names with a `/`
    /// are module paths.
    func listAvailable(patterns: [String], all: Bool, rt: CommandRuntime) throws -> [PSModuleInfo] {
        var out: [PSModuleInfo] = []
        for pattern in patterns where pattern.contains("/") {
            let path = rt.context.resolvePath(pattern)
            let files = ModuleLayer.isFile(path) ? [path] : moduleFiles(inFolder: path)
            let listed = files.compactMap(listing)
            if listed.isEmpty, !WildcardPattern.containsWildcard(pattern) {
                try rt.writeError(rt.makeError(.fileNotFoundException,
                                               "The specified module '\(path)' was not found. Update the Name parameter to point to a valid path, and then try again. ",
                                               errorId: "Modules_ModuleNotFoundForGetModule", category: .ResourceUnavailable, target: .string(path)))
            }
            out += listed
        }
        let names = patterns.filter { !$0.contains("/") }
        guard !names.isEmpty else { return out }
        func matches(_ name: String) -> Bool { names.contains { Wildcard($0).matches(name) } }
        let machine = world.machine
        let installed = availableModules().filter { matches($0.name) && hasCommands($0) }
        let entries = modulePathEntries()
        // NOTE: the simulated machine's modules stand for what is installed in its folders; a
        // module folder on the real disk of the same name is not listed beside them.
        let simulated = Set(world.installedModules.map { $0.name.lowercased() })
        for entry in entries {
            var group = installed.filter { machine.modulePath(for: $0.scope) == entry }.map { moduleInfo(for: $0, listing: true) }
            group += moduleFiles(under: entry).filter { file in
                let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                return matches(name) && !simulated.contains(name.lowercased())
            }.compactMap(listing)
            out += group.enumerated().sorted { a, b in
                let na = a.element.name.lowercased(), nb = b.element.name.lowercased()
                return na != nb ? na < nb : a.offset < b.offset
            }.map(\.element)
        }
        // NOTE: modules of the simulated machine stay listed when their folder was taken out of
        // $env:PSModulePath (pwsh would no longer see them).
        out += installed.filter { !entries.contains(machine.modulePath(for: $0.scope)) }.map { moduleInfo(for: $0, listing: true) }
        return out
    }

    // MARK: Autoloading

    /// Autoloading from `$env:PSModulePath`: imports (globally, quietly) the first module on
    /// disk that exports the command.
    func autoloadFromDisk(_ command: String, moduleName: String?) -> Bool {
        for file in availableModuleFiles() {
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            if let moduleName, name.caseInsensitiveCompare(moduleName) != .orderedSame { continue }
            if allModules.contains(where: { $0.path == file || $0.manifestPath == file }) { continue }
            guard analyzedExports(of: file).commands.contains(where: { $0.caseInsensitiveCompare(command) == .orderedSame }) else { continue }
            var options = ModuleImportOptions()
            options.global = true
            let saved = context.currentScope
            defer { context.currentScope = saved }
            return (try? importModuleFile(file, options: options, importer: ModuleImporter(runtime: nil))) != nil
        }
        return false
    }
}
