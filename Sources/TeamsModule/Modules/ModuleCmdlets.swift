import Foundation
import PowerShellRuntime
import PowerShellCmdlets
import TeamsTenant

/// Get-Module, Import-Module, Remove-Module and Export-ModuleMember over the module layer.
enum ModuleCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Module", GetModuleCommand.self),
        ("Import-Module", ImportModuleCommand.self),
        ("Remove-Module", RemoveModuleCommand.self),
    ]

    /// Export-ModuleMember is not in the recorded declarations; this is pwsh 7.6's.
    static let exportModuleMember = CmdletRegistration(
        declaration: CommandDeclaration(
            name: "Export-ModuleMember", moduleName: "Microsoft.PowerShell.Core", parameters: [
                ParameterDeclaration(name: "Function", typeName: "System.String[]",
                                     sets: [ParameterSetMembership(position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)],
                                     allowEmptyCollection: true),
                ParameterDeclaration(name: "Cmdlet", typeName: "System.String[]",
                                     sets: [ParameterSetMembership(valueFromPipelineByPropertyName: true)], allowEmptyCollection: true),
                ParameterDeclaration(name: "Variable", typeName: "System.String[]",
                                     sets: [ParameterSetMembership(valueFromPipelineByPropertyName: true)]),
                ParameterDeclaration(name: "Alias", typeName: "System.String[]",
                                     sets: [ParameterSetMembership(valueFromPipelineByPropertyName: true)]),
            ],
            helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096793",
            implementingTypeName: "Microsoft.PowerShell.Commands.ExportModuleMemberCommand", commandType: "Cmdlet", version: "7.6.9.500"),
        type: ExportModuleMemberCommand.self)
}

/// `Get-Module [[-Name] <string[]>] [-ListAvailable] [-All]`
final class GetModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let patterns = rt.bound.strings("Name") ?? ["*"]
        func matches(_ name: String) -> Bool { patterns.contains { Wildcard($0).matches(name) } }
        if rt.bound.isOn("ListAvailable") {
            for m in layer.availableModules() where matches(m.name) && layer.hasCommands(m) {
                try rt.writeObject(.object(layer.moduleInfo(for: m, listing: true)))
            }
            return
        }
        let loaded = layer.loadedModules.filter { matches($0.name) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        for m in loaded { try rt.writeObject(.object(m)) }
    }
}

/// `Import-Module [-Name] <string[]> [-RequiredVersion] [-MinimumVersion] [-MaximumVersion] [-Force] [-PassThru] [-Global]`
final class ImportModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        if let infos = rt.bound.list("ModuleInfo") {
            for case .object(let o) in infos {
                if let info = o as? PSModuleInfo, rt.bound.isOn("PassThru") { try rt.writeObject(.object(info)) }
            }
            return
        }
        for name in rt.bound.strings("Name") ?? [] {
            try importOne(name, rt, layer)
        }
    }

    private func importOne(_ name: String, _ rt: CommandRuntime, _ layer: ModuleLayer) throws {
        let force = rt.bound.isOn("Force")
        let lower = name.lowercased()
        do {
            let info: PSModuleInfo
            if name.contains("/") || lower.hasSuffix(".psm1") || lower.hasSuffix(".psd1") {
                guard let file = moduleFile(rt.context.resolvePath(name)) else {
                    try notFound(name, version: nil, rt)
                    return
                }
                info = try layer.importModuleFile(file, force: force)
            } else {
                let required = rt.bound.string("RequiredVersion")
                let minimum = rt.bound.string("MinimumVersion")
                let maximum = rt.bound.string("MaximumVersion")
                let wanted = layer.installedVersion(name, required: required.flatMap(ModuleVersion.init),
                                                    minimum: minimum.flatMap(ModuleVersion.init), maximum: maximum.flatMap(ModuleVersion.init))
                if wanted == nil, layer.isBundled(name) {
                    guard layer.bundledSatisfies(required: required, minimum: minimum, maximum: maximum) else {
                        try notFound(name, version: required ?? minimum ?? maximum, rt)
                        return
                    }
                    let info = layer.importBundled(force: force)
                    if rt.bound.isOn("PassThru") { try rt.writeObject(.object(info)) }
                    return
                }
                guard var chosen = wanted else {
                    try notFound(name, version: required ?? minimum ?? maximum, rt)
                    return
                }
                // A loaded version that satisfies the request stays (pwsh does not import again).
                if !force, required == nil, let loaded = layer.loadedModule(named: name),
                   let current = layer.world.installedVersions(of: name).first(where: { $0.version.numericText == loaded.version }),
                   minimum.flatMap(ModuleVersion.init).map({ current.version.release >= $0.release }) ?? true,
                   maximum.flatMap(ModuleVersion.init).map({ current.version.release <= $0.release }) ?? true {
                    chosen = current
                }
                info = try layer.importInstalled(chosen, force: force)
            }
            if rt.bound.isOn("PassThru") { try rt.writeObject(.object(info)) }
        } catch let error as ModuleImportError {
            try rt.writeError(rt.makeError(.custom(["System.IO.FileLoadException", "System.IO.IOException", "System.SystemException", "System.Exception"]),
                                           error.message, errorId: "System.IO.FileLoadException", category: .NotSpecified, target: .string(name)))
        } catch let error as ModuleFileError {
            try rt.writeError(rt.makeError(.exception, error.message, errorId: error.errorId, category: error.category, target: .string(name)))
        }
    }

    /// The module file a path names: the file itself, or `Dir/Dir.psd1` / `Dir/Dir.psm1`.
    private func moduleFile(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue { return path }
        let leaf = (path as NSString).lastPathComponent
        for ext in ["psd1", "psm1"] where FileManager.default.fileExists(atPath: "\(path)/\(leaf).\(ext)") {
            return "\(path)/\(leaf).\(ext)"
        }
        return nil
    }

    private func notFound(_ name: String, version: String?, _ rt: CommandRuntime) throws {
        let message: String
        if let version {
            message = "The specified module '\(name)' with version '\(version)' was not loaded because no valid module file was found in any module directory."
        } else {
            message = "The specified module '\(name)' was not loaded because no valid module file was found in any module directory."
        }
        try rt.writeError(rt.makeError(.fileNotFoundException, message, errorId: "Modules_ModuleNotFound", category: .ResourceUnavailable,
                                       target: .string(name)))
    }
}

/// `Remove-Module [-Name] <string[]>` / `[-ModuleInfo] <psmoduleinfo[]>`
final class RemoveModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        var targets: [PSModuleInfo] = []
        if let infos = rt.bound.list("ModuleInfo") {
            for case .object(let o) in infos { if let info = o as? PSModuleInfo { targets.append(info) } }
        }
        for name in rt.bound.strings("Name") ?? [] {
            targets += layer.loadedModules(matching: name)
        }
        let loaded = targets.filter { t in layer.loadedModules.contains { $0 === t } }
        if loaded.isEmpty {
            try rt.writeError(rt.makeError(.invalidOperationException,
                                           "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.",
                                           errorId: "Modules_NoModulesRemoved", category: .ResourceUnavailable))
            return
        }
        for m in loaded {
            guard try rt.shouldProcess(target: m.name, action: "Remove-Module") else { continue }
            layer.remove(m)
        }
    }
}

/// `Export-ModuleMember [[-Function] <string[]>] [-Cmdlet] [-Variable] [-Alias]`: only inside a
/// module's file; the lists add up over several calls.
final class ExportModuleMemberCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard let module = rt.context.currentModule else {
            try rt.throwTerminating(rt.makeError(.psInvalidOperationException, "The Export-ModuleMember cmdlet can only be called from inside a module.",
                                                 errorId: "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", category: .PermissionDenied))
        }
        let key = ObjectIdentifier(module)
        var request = layer.explicitExports[key] ?? ExportRequest()
        request.functions += rt.bound.strings("Function") ?? []
        request.aliases += rt.bound.strings("Alias") ?? []
        request.variables += rt.bound.strings("Variable") ?? []
        layer.explicitExports[key] = request
    }
}
