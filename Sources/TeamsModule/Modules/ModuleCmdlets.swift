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

extension ModuleCmdlets {
    /// New-Module, from pwsh's NewModuleCommand.cs at v7.6.5 (not in the recorded declarations):
    /// sets Name (Name: 0, mandatory; ScriptBlock: 1, mandatory) and ScriptBlock (ScriptBlock: 0,
    /// mandatory); Function and Cmdlet (string[], not null); ReturnResult, AsCustomObject;
    /// ArgumentList (remaining arguments, alias Args).
    static let newModule = CmdletRegistration(
        declaration: CommandDeclaration(
            name: "New-Module", moduleName: "Microsoft.PowerShell.Core", parameters: [
                ParameterDeclaration(name: "Name", typeName: "System.String",
                                     sets: [ParameterSetMembership(setName: "Name", position: 0, mandatory: true, valueFromPipeline: true)]),
                ParameterDeclaration(name: "ScriptBlock", typeName: "System.Management.Automation.ScriptBlock",
                                     sets: [ParameterSetMembership(setName: "Name", position: 1, mandatory: true),
                                            ParameterSetMembership(setName: "ScriptBlock", position: 0, mandatory: true)],
                                     validations: [.notNull]),
                ParameterDeclaration(name: "Function", typeName: "System.String[]", validations: [.notNull]),
                ParameterDeclaration(name: "Cmdlet", typeName: "System.String[]", validations: [.notNull]),
                ParameterDeclaration(name: "ReturnResult", typeName: "System.Management.Automation.SwitchParameter"),
                ParameterDeclaration(name: "AsCustomObject", typeName: "System.Management.Automation.SwitchParameter"),
                ParameterDeclaration(name: "ArgumentList", typeName: "System.Object[]", aliases: ["Args"],
                                     sets: [ParameterSetMembership(valueFromRemainingArguments: true)]),
            ],
            defaultParameterSet: "ScriptBlock", outputTypes: ["System.Management.Automation.PSModuleInfo"],
            helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096698",
            implementingTypeName: "Microsoft.PowerShell.Commands.NewModuleCommand", commandType: "Cmdlet", version: "7.6.9.500"),
        type: NewModuleCommand.self)
}

/// `New-Module [-Name] <string> [-ScriptBlock] <scriptblock>`: a dynamic module. Its block runs
/// in a new session state; without Export-ModuleMember it exports its functions (those
/// `-Function` names), no aliases or variables; the exports are imported into the caller's
/// session state and the module object is written, or the block's output with -ReturnResult,
/// or with -AsCustomObject an object whose methods are the functions (nothing imported). The
/// module is in no module list (NewModuleCommand.cs at v7.6.5).
final class NewModuleCommand: Cmdlet {
    override func end(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard case .object(let o)? = rt.bound["ScriptBlock"], let block = o as? ScriptBlock else { return }
        let id = UUID().uuidString.lowercased()
        let name = rt.bound.string("Name") ?? "__DynamicModule_" + id
        let info = layer.makeModule(name: name, path: id, moduleType: "Script")
        info.moduleBase = ""
        let module = ScriptBlock(ast: block.ast, isFilter: block.isFilter)
        module.moduleState = info
        var results: [Value] = []
        let savedModule = rt.context.loadingModule
        let savedScope = rt.context.currentScope
        rt.context.loadingModule = info
        rt.context.currentScope = info.scope
        do {
            defer {
                rt.context.loadingModule = savedModule
                rt.context.currentScope = savedScope
            }
            results = try rt.context.invokeScriptBlock(module, args: rt.bound.list("ArgumentList") ?? [], dollarUnder: nil, dotSource: true)
        } catch let error as RuntimeError {
            try rt.writeError(error.record)
        }
        if !layer.state(of: info).useExportList {
            layer.exportMembers(info, functions: rt.bound.strings("Function") ?? ["*"], aliases: nil, variables: nil)
        }
        if rt.bound.isOn("AsCustomObject") {
            let object = PSCustomObject()
            let members = PSMemberTable()
            for v in layer.state(of: info).variables { object.set(v.name, v.value) }
            for f in layer.state(of: info).functions { members.set(PSMember(name: f.name, kind: .scriptMethod(f.scriptBlock))) }
            object.instanceMembers = members
            try rt.writeObject(.object(object))
            return
        }
        try layer.importMembers(of: info, options: ModuleImportOptions(), importer: ModuleImporter(runtime: rt))
        if rt.bound.isOn("ReturnResult") {
            for r in results { try rt.writeObject(r) }
        } else {
            try rt.writeObject(.object(info))
        }
    }
}

/// `Get-Module [[-Name] <string[]>] [-ListAvailable] [-All]`: the modules imported at the top
/// level (with `-All` also nested ones and those other modules imported), sorted by name; with
/// `-ListAvailable` the modules on `$env:PSModulePath`, folder by folder.
final class GetModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let patterns = rt.bound.strings("Name") ?? ["*"]
        func matches(_ name: String) -> Bool { patterns.contains { Wildcard($0).matches(name) } }
        if rt.bound.isOn("ListAvailable") {
            for m in try layer.listAvailable(patterns: patterns, all: rt.bound.isOn("All"), rt: rt) {
                try rt.writeObject(.object(m))
            }
            return
        }
        let source = rt.bound.isOn("All") ? layer.allModules : layer.loadedModules
        // OrderBy(Name): stable, so versions of one module keep their import order.
        let loaded = source.filter { matches($0.name) }.enumerated().sorted { a, b in
            let na = a.element.name.lowercased(), nb = b.element.name.lowercased()
            return na != nb ? na < nb : a.offset < b.offset
        }.map(\.element)
        for m in loaded { try rt.writeObject(.object(m)) }
    }
}

/// `Import-Module [-Name] <string[]> [-Global] [-Prefix] [-Function] [-Alias] [-Variable]
/// [-Force] [-PassThru] [-MinimumVersion] [-MaximumVersion] [-RequiredVersion] [-ArgumentList]
/// [-DisableNameChecking] [-NoClobber] [-Scope]`
final class ImportModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let options = importOptions(rt)
        let importer = ModuleImporter(runtime: rt)
        if let infos = rt.bound.list("ModuleInfo") {
            for case .object(let o) in infos {
                guard let info = o as? PSModuleInfo else { continue }
                try layer.importMembers(of: info, options: options, importer: importer)
                if rt.bound.isOn("PassThru") { try rt.writeObject(.object(info)) }
            }
            return
        }
        for name in rt.bound.strings("Name") ?? [] {
            try importOne(name, rt, layer, options: options, importer: importer)
        }
    }

    private func importOptions(_ rt: CommandRuntime) -> ModuleImportOptions {
        var o = ModuleImportOptions()
        o.force = rt.bound.isOn("Force")
        let scope = rt.bound.string("Scope")?.lowercased()
        o.global = rt.bound.isOn("Global") || scope == "global"
        o.local = scope == "local"
        o.prefix = rt.bound.string("Prefix") ?? ""
        o.functions = rt.bound.strings("Function")
        o.cmdlets = rt.bound.strings("Cmdlet")
        o.aliases = rt.bound.strings("Alias")
        o.variables = rt.bound.strings("Variable")
        o.arguments = rt.bound.list("ArgumentList") ?? []
        o.nameChecking = !rt.bound.isOn("DisableNameChecking")
        o.noClobber = rt.bound.isOn("NoClobber")
        return o
    }

    private func importOne(_ name: String, _ rt: CommandRuntime, _ layer: ModuleLayer, options: ModuleImportOptions, importer: ModuleImporter) throws {
        let lower = name.lowercased()
        let required = rt.bound.string("RequiredVersion")
        let minimum = rt.bound.string("MinimumVersion")
        let maximum = rt.bound.string("MaximumVersion")
        do {
            var info: PSModuleInfo?
            if name.contains("/") || [".psm1", ".psd1", ".ps1", ".dll", ".cdxml"].contains(where: { lower.hasSuffix($0) }) {
                guard let file = moduleFile(rt.context.resolvePath(name), layer) else {
                    try notFound(name, version: nil, rt)
                    return
                }
                info = try layer.importModuleFile(file, options: options, importer: importer)
            } else if layer.installedVersion(name, required: required.flatMap(ModuleVersion.init), minimum: minimum.flatMap(ModuleVersion.init),
                                             maximum: maximum.flatMap(ModuleVersion.init)) != nil {
                info = try importInstalled(name, rt, layer, required: required, minimum: minimum, maximum: maximum, force: options.force)
            } else {
                let reportedBefore = importer.reported
                info = try layer.importByName(name, options: options, required: required.flatMap(ModuleVersion.init),
                                              minimum: minimum.flatMap(ModuleVersion.init), maximum: maximum.flatMap(ModuleVersion.init),
                                              importer: importer)
                if info == nil, importer.reported == reportedBefore {
                    try notFound(name, version: required ?? minimum ?? maximum, rt)
                    return
                }
            }
            if let info, rt.bound.isOn("PassThru") { try rt.writeObject(.object(info)) }
        } catch let error as ModuleImportError {
            try rt.writeError(rt.makeError(.custom(["System.IO.FileLoadException", "System.IO.IOException", "System.SystemException", "System.Exception"]),
                                           error.message, errorId: "System.IO.FileLoadException", category: .NotSpecified, target: .string(name)))
        } catch let error as ModuleFileError {
            let record = rt.makeError(error.exception, error.message, errorId: error.errorId, category: error.category, target: error.target)
            if error.terminating { try rt.throwTerminating(record) }
            try rt.writeError(record)
        }
    }

    /// A version of the simulated machine's modules (MicrosoftTeams, pwsh's own).
    private func importInstalled(_ name: String, _ rt: CommandRuntime, _ layer: ModuleLayer, required: String?, minimum: String?, maximum: String?,
                                 force: Bool) throws -> PSModuleInfo? {
        guard var chosen = layer.installedVersion(name, required: required.flatMap(ModuleVersion.init),
                                                  minimum: minimum.flatMap(ModuleVersion.init), maximum: maximum.flatMap(ModuleVersion.init)) else {
            return nil
        }
        // A loaded version that satisfies the request stays (pwsh does not import again).
        if !force, required == nil, let loaded = layer.loadedModule(named: name),
           let current = layer.world.installedVersions(of: name).first(where: { $0.version.numericText == loaded.version }),
           minimum.flatMap(ModuleVersion.init).map({ current.version.release >= $0.release }) ?? true,
           maximum.flatMap(ModuleVersion.init).map({ current.version.release <= $0.release }) ?? true {
            chosen = current
        }
        return try layer.importInstalled(chosen, force: force)
    }

    /// The module file a path names: the file itself, or the module in the folder.
    private func moduleFile(_ path: String, _ layer: ModuleLayer) -> String? {
        if ModuleLayer.isFile(path) { return path }
        return layer.moduleFiles(inFolder: path).first
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

/// `Remove-Module [-Name] <string[]>` / `[-ModuleInfo] <psmoduleinfo[]>` `[-Force]`: each
/// module with its nested modules; a module another loaded module requires stays unless
/// `-Force` (pwsh's RemoveModuleCommand).
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
        let loaded = targets.filter { t in layer.allModules.contains { $0 === t } }
        if loaded.isEmpty {
            try rt.writeError(rt.makeError(.invalidOperationException,
                                           "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.",
                                           errorId: "Modules_NoModulesRemoved", category: .ResourceUnavailable))
            return
        }
        for m in loaded {
            if !rt.bound.isOn("Force"),
               let user = layer.loadedModules.first(where: { user in !loaded.contains { $0 === user } && user.requiredModules.contains { $0 === m } }) {
                try rt.writeError(rt.makeError(.invalidOperationException,
                                               "Unable to remove the module '\(m.name)' because it is required by '\(user.name)'. Add the Force parameter to your command to remove the module.",
                                               errorId: "Modules_ModuleIsRequired", category: .PermissionDenied, target: .object(m)))
                continue
            }
            guard try rt.shouldProcess(target: "\(m.name) (\(m.path))", action: "Remove-Module") else { continue }
            layer.remove(m)
        }
    }
}

/// `Export-ModuleMember [[-Function] <string[]>] [-Cmdlet] [-Variable] [-Alias]`: only inside
/// a module; each call exports what matches at that moment, and the calls add up.
final class ExportModuleMemberCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard let module = rt.context.currentModule else {
            try rt.throwTerminating(rt.makeError(.psInvalidOperationException, "The Export-ModuleMember cmdlet can only be called from inside a module.",
                                                 errorId: "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", category: .PermissionDenied))
        }
        layer.exportMembers(module, functions: rt.bound.strings("Function") ?? [], aliases: rt.bound.strings("Alias") ?? [],
                            variables: rt.bound.strings("Variable") ?? [])
    }
}
