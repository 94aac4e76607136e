import Foundation
import PowerShellRuntime
import PowerShellSyntax
import TeamsTenant

/// What `Export-ModuleMember` asked for (wildcard patterns).
struct ExportRequest {
    var functions: [String] = []
    var aliases: [String] = []
    var variables: [String] = []
}

/// Why a module file could not be imported (Import-Module reports it).
struct ModuleFileError: Error {
    let message: String
    let errorId: String
    let category: ErrorCategory
}

/// Script modules from disk: `Import-Module ./X.psm1`, `./X.psd1`. A module runs its file in
/// its own scope (a child of the global scope); what it exports goes into the global session
/// state, and its functions keep running in the module scope.
extension ModuleLayer {
    /// Imports a `.psm1` or `.psd1` file (an absolute path).
    func importModuleFile(_ path: String, force: Bool) throws -> PSModuleInfo {
        let lower = path.lowercased()
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if let loaded = loadedModule(named: name), !force, loaded.path == path || loaded.moduleBase == (path as NSString).deletingLastPathComponent {
            return loaded
        }
        if let loaded = loadedModule(named: name) { remove(loaded) }
        if lower.hasSuffix(".psd1") { return try importManifest(path, name: name) }
        return try runScriptModule(path, name: name, version: "0.0", manifest: nil)
    }

    /// A manifest: its RootModule runs as the module; its export lists filter what the root
    /// module exports.
    private func importManifest(_ path: String, name: String) throws -> PSModuleInfo {
        let manifest = try readManifest(path)
        let base = (path as NSString).deletingLastPathComponent
        let version = manifest.string("ModuleVersion") ?? "0.0"
        var root = manifest.string("RootModule") ?? manifest.string("ModuleToProcess")
        if let r = root, !r.hasPrefix("/") { root = ExecutionContext.normalize(base + "/" + r) }
        let info: PSModuleInfo
        if let root, root.lowercased().hasSuffix(".psm1") {
            info = try runScriptModule(root, name: name, version: version, manifest: manifest)
        } else {
            info = PSModuleInfo(name: name, version: version, path: path, moduleType: "Manifest", parentScope: context.globalScope)
            loadedModules.append(info)
        }
        info.moduleBase = base
        info.description = manifest.string("Description") ?? ""
        info.guid = manifest.string("GUID") ?? ""
        info.compatiblePSEditions = manifest.strings("CompatiblePSEditions") ?? []
        if let data = manifest.hashtable("PrivateData")?.get("PSData")?.hashtable,
           let label = data.get("Prerelease"), !label.isNull {
            info.prerelease = Conversion.toString(label)
        }
        return info
    }

    /// Runs a `.psm1` in a new module scope and exports its functions.
    private func runScriptModule(_ path: String, name: String, version: String, manifest: PSHashtable?) throws -> PSModuleInfo {
        let sb = try loadModuleScript(path)
        let info = PSModuleInfo(name: name, version: version, path: path, moduleType: "Script", parentScope: context.globalScope)
        info.versionValue = PSVersion.parse(version).map { .object($0) }
        info.moduleBase = (path as NSString).deletingLastPathComponent
        info.scope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string(info.moduleBase ?? ""))
        info.scope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(path))
        sb.moduleState = info
        let key = ObjectIdentifier(info)
        let savedModule = context.currentModule
        let savedScope = context.currentScope
        context.currentModule = info
        context.currentScope = info.scope
        defer {
            context.currentModule = savedModule
            context.currentScope = savedScope
        }
        _ = try context.invokeScriptBlock(sb, args: [], dollarUnder: nil, dotSource: true)
        let request = explicitExports.removeValue(forKey: key)
        var functions = info.scope.functions.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
        if let request {
            functions = functions.filter { f in request.functions.contains { Wildcard($0).matches(f.name) } }
        }
        if let allowed = manifest?.strings("FunctionsToExport") {
            functions = functions.filter { f in allowed.contains { Wildcard($0).matches(f.name) } }
        }
        for f in functions {
            context.globalScope.functions[f.name.lowercased()] = f
        }
        if let request {
            for pattern in request.aliases {
                for (k, a) in info.scope.aliases where Wildcard(pattern).matches(a.name) {
                    context.globalScope.aliases[k] = a
                    info.exportedAliases.append(a.name)
                }
            }
            for pattern in request.variables {
                for (k, v) in info.scope.variables where Wildcard(pattern).matches(v.name) {
                    context.globalScope.variables[k] = v
                    info.exportedVariables.append(v.name)
                }
            }
        }
        info.exportedFunctions = functions.map(\.name)
        scriptModuleExports[key] = info.exportedFunctions
        loadedModules.append(info)
        context.commandTableGeneration += 1
        return info
    }

    private func loadModuleScript(_ path: String) throws -> ScriptBlock {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModuleFileError(message: "The specified module '\(path)' was not loaded because no valid module file was found in any module directory.",
                                  errorId: "Modules_ModuleNotFound", category: .ResourceUnavailable)
        }
        return try ExecutionContext.parseScriptFile(data, path: path)
    }

    /// A `.psd1` file's hashtable, evaluated as data.
    func readManifest(_ path: String) throws -> PSHashtable {
        let sb = try loadModuleScript(path)
        let values = try context.invokeScriptBlock(sb, args: [], dollarUnder: nil)
        guard values.count == 1, let table = values[0].hashtable else {
            throw ModuleFileError(message: "The module manifest '\(path)' could not be processed because it is not a valid PowerShell restricted language file. Remove the elements that are not permitted by the restricted language.",
                                  errorId: "Modules_InvalidManifest", category: .InvalidData)
        }
        return table
    }
}

extension PSHashtable {
    func string(_ key: String) -> String? {
        guard let v = get(key), !v.isNull else { return nil }
        return Conversion.toString(v)
    }

    func strings(_ key: String) -> [String]? {
        guard let v = get(key), !v.isNull else { return nil }
        if let items = Conversion.enumerate(v) { return items.map { Conversion.toString($0) } }
        return [Conversion.toString(v)]
    }

    func hashtable(_ key: String) -> PSHashtable? {
        get(key)?.hashtable
    }
}
