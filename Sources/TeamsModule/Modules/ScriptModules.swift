import Foundation
import PowerShellRuntime
import PowerShellSyntax
import TeamsTenant

/// How one Import-Module call imports (its parameters), and who hears about problems: the
/// running Import-Module, or nobody when autoloading (pwsh autoloads with `-ErrorAction
/// Ignore -WarningAction Ignore`).
struct ModuleImportOptions {
    var force = false
    /// `-Global` / `-Scope Global`: members go to the global scope even from inside a module.
    var global = false
    /// `-Scope Local`: members go to the caller's current scope.
    var local = false
    var prefix = ""
    /// `-Function`, `-Cmdlet`, `-Alias`, `-Variable`: which exports to import (nil: all).
    var functions: [String]?
    var cmdlets: [String]?
    var aliases: [String]?
    var variables: [String]?
    var arguments: [Value] = []
    var nameChecking = true
    var noClobber = false
    /// Set for modules a manifest loads (nested modules): never global, no name checks.
    var isNested = false
}

/// A script module's session state as the module layer keeps it: what it exports and where
/// those members were imported to (so Remove-Module can take them out again).
final class ScriptModuleState {
    /// Export-ModuleMember was called (or the manifest exported explicitly): only the export
    /// lists count, nothing is exported implicitly.
    var useExportList = false
    var functions: [FunctionInfo] = []
    var aliases: [AliasInfo] = []
    var variables: [PSVariable] = []
    var imports: [ImportedMembers] = []
}

/// Members one import put into one scope.
struct ImportedMembers {
    let scope: Scope
    var functions: [String: FunctionInfo] = [:]
    var aliases: [String: AliasInfo] = [:]
    var variables: [String: PSVariable] = [:]
}

/// Script modules from disk, loaded as pwsh's ModuleCmdletBase loads them (v7.6.5):
///
/// - `.psm1`: runs in a new session state (a module scope under the global scope); its output
///   is discarded. Without Export-ModuleMember it exports every function and alias it defines
///   (no variables); Export-ModuleMember exports only what it names, matched when it runs.
/// - `.ps1`: dot-sourced into the caller's scope; a module object is recorded, but removing it
///   removes nothing.
/// - `.psd1`: a manifest. Its RequiredModules are imported globally first (missing: the
///   error and no import), its ScriptsToProcess are dot-sourced into the caller's scope, its
///   NestedModules are loaded into the module's own session state, then its RootModule runs
///   in that same session state. The RootModule's exports are filtered by the manifest's
///   `*ToExport` lists (wildcards allowed); with no RootModule those lists (default `*`) pick
///   from everything in the module's scope.
/// - The exports are imported into the session state of the caller: the global scope, or the
///   calling module's scope when a module imports another (unless `-Global`).
extension ModuleLayer {
    /// Imports a module file (an absolute path). Returns nil when an error was reported.
    func importModuleFile(_ path: String, options: ModuleImportOptions, importer: ModuleImporter) throws -> PSModuleInfo? {
        let lower = path.lowercased()
        if let loaded = allModules.first(where: { $0.path == path || $0.manifestPath == path }) {
            if !options.force {
                try importMembers(of: loaded, options: options, importer: importer)
                register(loaded, options: options, importer: importer)
                return loaded
            }
            remove(loaded)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if lower.hasSuffix(".psd1") { return try importManifest(path, options: options, importer: importer) }
        if lower.hasSuffix(".psm1") {
            let info = makeModule(name: name, path: path, moduleType: "Script")
            guard try runScriptModule(path, into: info, options: options, importer: importer) else { return nil }
            try exportImplicitly(info, aliases: true)
            try importMembers(of: info, options: options, importer: importer)
            register(info, options: options, importer: importer)
            return info
        }
        if lower.hasSuffix(".ps1") {
            let info = makeModule(name: name, path: path, moduleType: "Script")
            try dotSource(path, in: context.currentScope, importer: importer)
            register(info, options: options, importer: importer)
            return info
        }
        let ext = "." + (path as NSString).pathExtension
        throw ModuleFileError(
            message: "The extension '\(ext == "." ? "" : ext)' is not a valid module extension. The supported module extensions are '.dll', '.ps1', '.psm1', '.psd1' and '.cdxml'. Correct the extension then try adding the file '\(path)' again.",
            errorId: "Modules_InvalidModuleExtension", category: .InvalidOperation, exception: .invalidOperationException)
    }

    func makeModule(name: String, path: String, moduleType: String) -> PSModuleInfo {
        let info = PSModuleInfo(name: name, version: "0.0", path: path, moduleType: moduleType, parentScope: context.globalScope)
        info.versionValue = PSVersion.parse("0.0").map { .object($0) }
        info.moduleBase = (path as NSString).deletingLastPathComponent
        info.context = context
        scriptModules[ObjectIdentifier(info)] = ScriptModuleState()
        return info
    }

    /// Records an imported module: in every module list, and in Get-Module's list when it was
    /// imported at the top level.
    private func register(_ info: PSModuleInfo, options: ModuleImportOptions, importer: ModuleImporter) {
        if !allModules.contains(where: { $0 === info }) { allModules.append(info) }
        if importTarget(options) === context.globalScope || options.global, !options.isNested,
           !loadedModules.contains(where: { $0 === info }) {
            loadedModules.append(info)
        }
        context.commandTableGeneration += 1
    }

    /// The scope an import puts members into (pwsh's TargetSessionState).
    func importTarget(_ options: ModuleImportOptions) -> Scope {
        if options.global { return context.globalScope }
        if options.local { return context.currentScope }
        return context.currentModule?.scope ?? context.globalScope
    }

    // MARK: Script files

    private func loadScript(_ path: String) throws -> ScriptBlock {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModuleFileError(message: "The specified module '\(path)' was not loaded because no valid module file was found in any module directory.",
                                  errorId: "Modules_ModuleNotFound", category: .ResourceUnavailable, exception: .fileNotFoundException)
        }
        return try ExecutionContext.parseScriptFile(data, path: path)
    }

    /// Runs a `.psm1` in the module's session state. False when it threw (the error is
    /// Import-Module's then).
    @discardableResult
    func runScriptModule(_ path: String, into info: PSModuleInfo, options: ModuleImportOptions, importer: ModuleImporter) throws -> Bool {
        let sb = try loadScript(path)
        info.definition = sb.ast.extent.text
        info.scope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string((path as NSString).deletingLastPathComponent))
        info.scope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(path))
        sb.moduleState = info
        let savedModule = context.loadingModule
        let savedScope = context.currentScope
        context.loadingModule = info
        context.currentScope = info.scope
        defer {
            context.loadingModule = savedModule
            context.currentScope = savedScope
        }
        do {
            _ = try context.invokeScriptBlock(sb, args: options.arguments, dollarUnder: nil, dotSource: true)
        } catch let signal as ExitSignal {
            context.lastExitCode = signal.code
        }
        return true
    }

    /// Dot-sources a `.ps1` into a scope with its `$PSScriptRoot`/`$PSCommandPath`, restoring
    /// the scope's own afterwards; its output goes to Import-Module's output.
    func dotSource(_ path: String, in scope: Scope, importer: ModuleImporter) throws {
        let sb = try loadScript(path)
        let saved = ["psscriptroot", "pscommandpath"].map { scope.variables[$0] }
        scope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string((path as NSString).deletingLastPathComponent))
        scope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(path))
        let savedScope = context.currentScope
        context.currentScope = scope
        defer {
            context.currentScope = savedScope
            scope.variables["psscriptroot"] = saved[0]
            scope.variables["pscommandpath"] = saved[1]
        }
        do {
            let out = try context.invokeScriptBlock(sb, args: [], dollarUnder: nil, dotSource: true)
            for v in out { try importer.write(v) }
        } catch let signal as ExitSignal {
            context.lastExitCode = signal.code
        }
    }

    /// A `.psd1` file's hashtable, evaluated as data.
    func readManifest(_ path: String) throws -> ModuleManifest {
        let sb = try loadScript(path)
        let values = try context.invokeScriptBlock(sb, args: [], dollarUnder: nil)
        guard values.count == 1, let table = values[0].hashtable else {
            throw ModuleFileError(
                message: "Processing the module manifest file '\(path)' did not result in a valid manifest object. Update the file to contain a valid PowerShell module manifest. A valid manifest can be created using the New-ModuleManifest cmdlet.",
                errorId: "Modules_InvalidManifest", category: .ResourceUnavailable, exception: .argumentException, target: .string(path))
        }
        return ModuleManifest(path: path, data: table)
    }

    // MARK: Manifests

    private func importManifest(_ path: String, options: ModuleImportOptions, importer: ModuleImporter) throws -> PSModuleInfo? {
        let manifest = try readManifest(path)
        if let error = manifest.validate(psVersion: world.machine.powerShellVersion) { throw error }
        let base = manifest.base
        // RequiredModules: loaded already, or imported globally now.
        var required: [PSModuleInfo] = []
        for spec in manifest.specifications("RequiredModules") {
            guard let module = try requireModule(spec, manifest: manifest, importer: importer) else { return nil }
            required.append(module)
        }
        let root = manifest.rootModule
        let info = makeModule(name: manifest.name, path: path, moduleType: "Manifest")
        info.manifestPath = path
        info.moduleBase = base
        let version = manifest.string("ModuleVersion") ?? "0.0"
        info.version = version
        info.versionValue = PSVersion.parse(version).map { .object($0) }
        info.description = manifest.string("Description") ?? ""
        info.guid = manifest.string("GUID") ?? ""
        info.author = manifest.string("Author") ?? ""
        info.companyName = manifest.string("CompanyName") ?? ""
        info.copyright = manifest.string("Copyright") ?? ""
        info.rootModule = root
        info.powerShellVersion = manifest.string("PowerShellVersion")
        info.helpInfoUri = manifest.string("HelpInfoURI")
        info.compatiblePSEditions = manifest.strings("CompatiblePSEditions") ?? []
        info.requiredModules = required
        info.prefix = options.prefix.isEmpty ? manifest.string("DefaultCommandPrefix") ?? "" : options.prefix
        if let data = manifest.data.get("PrivateData"), !data.isNull {
            info.privateData = data
            if let label = data.hashtable?.get("PSData")?.hashtable?.get("Prerelease"), !label.isNull {
                info.prerelease = Conversion.toString(label)
            }
        }
        info.scope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string(base))
        info.scope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(path))
        // ScriptsToProcess run in the caller's scope, before anything of the module.
        for script in manifest.strings("ScriptsToProcess") ?? [] {
            let full = script.hasPrefix("/") ? script : ExecutionContext.normalize(base + "/" + script)
            guard full.lowercased().hasSuffix(".ps1") else {
                throw ModuleFileError(
                    message: "The member 'ScriptsToProcess' in the module manifest is not valid: The file '\(full)' is not allowed because it does not have the extension '.ps1'.. Verify that a valid value is specified for this field in the '\(path)' file.",
                    errorId: "Modules_InvalidManifest", category: .ResourceUnavailable, exception: .argumentException, target: .string(path))
            }
            info.scripts.append(full)
            try dotSource(full, in: context.currentScope, importer: importer)
        }
        // NestedModules load into the module's session state.
        var nestedOptions = ModuleImportOptions()
        nestedOptions.isNested = true
        nestedOptions.nameChecking = false
        nestedOptions.arguments = []
        let savedModule = context.loadingModule
        context.loadingModule = info
        defer { context.loadingModule = savedModule }
        for spec in manifest.specifications("NestedModules") {
            // pwsh's GetAbsolutePath: a relative name with a folder in it is made absolute
            // (and so named in errors); `./x` and plain names stay as written.
            let rooted = spec.name.hasPrefix("/") || spec.name.hasPrefix("./") || spec.name.hasPrefix("../") || spec.name.hasPrefix("~/")
            let name = !rooted && spec.name.contains("/") ? base + "/" + spec.name : spec.name
            if WildcardPattern.containsWildcard(name) { throw manifest.wildcardNotAllowed() }
            guard let file = resolveManifestMember(name, base: base, searchModulePath: true) else {
                throw manifestMemberNotFound(name, field: "NestedModules", manifest: manifest)
            }
            if file.lowercased().hasSuffix(".ps1") {
                try dotSource(file, in: info.scope, importer: importer)
            } else if let nested = try importModuleFile(file, options: nestedOptions, importer: importer) {
                info.nestedModules.append(nested)
            }
        }
        context.loadingModule = savedModule
        let state = scriptModules[ObjectIdentifier(info)]
        // The RootModule is looked for last (after the nested modules), next to the manifest only.
        let rootPath = try root.map { r -> String in
            guard let found = resolveManifestMember(r, base: base, searchModulePath: false) else {
                throw manifestMemberNotFound(r, field: "ModuleToProcess/RootModule", manifest: manifest)
            }
            return found
        }
        if let rootPath, rootPath.lowercased().hasSuffix(".psm1") || rootPath.lowercased().hasSuffix(".ps1") {
            // The root script module becomes the module: its path and type, the manifest's name.
            info.path = rootPath
            info.moduleType = "Script"
        }
        if let rootPath {
            if rootPath.lowercased().hasSuffix(".psm1") {
                try runScriptModule(rootPath, into: info, options: options, importer: importer)
                if state?.useExportList != true { try exportImplicitly(info, aliases: true) }
            } else if rootPath.lowercased().hasSuffix(".ps1") {
                try dotSource(rootPath, in: info.scope, importer: importer)
                try exportImplicitly(info, aliases: false)
            } else if let nested = try importModuleFile(rootPath, options: nestedOptions, importer: importer) {
                // A manifest or other module as the root: its exports are the module's.
                info.nestedModules.append(nested)
                try exportImplicitly(info, aliases: true)
            }
            filterExports(info, manifest: manifest)
        } else {
            // Only nested modules: the manifest's lists (default: everything) are canonical.
            exportMembers(info, functions: manifest.exportPatterns("FunctionsToExport") ?? ["*"],
                          aliases: manifest.exportPatterns("AliasesToExport") ?? ["*"],
                          variables: manifest.exportPatterns("VariablesToExport") ?? ["*"])
        }
        try importMembers(of: info, options: options, importer: importer)
        register(info, options: options, importer: importer)
        return info
    }

    /// A manifest member's file (RootModule, NestedModules): the path as given (absolute or
    /// relative to the manifest's folder), with each module extension when it has none, then
    /// the same under a folder of that name; then, for nested modules, a module of that name
    /// on `$env:PSModulePath`.
    func resolveManifestMember(_ name: String, base: String, searchModulePath: Bool) -> String? {
        let rooted = name.hasPrefix("/") ? name : ExecutionContext.normalize(base + "/" + name)
        let ext = (name as NSString).pathExtension.lowercased()
        let known = ["psd1", "psm1", "ps1", "cdxml", "dll"].contains(ext)
        let leaf = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
        for candidate in [rooted, rooted + "/" + (known ? (name as NSString).lastPathComponent : leaf)] {
            if known {
                if ModuleLayer.isFile(candidate) { return candidate }
            } else {
                for e in [".psd1", ".ps1", ".psm1", ".cdxml", ".dll"] where ModuleLayer.isFile(candidate + e) { return candidate + e }
            }
        }
        if searchModulePath, !name.contains("/") {
            return moduleFiles(named: name).first
        }
        return nil
    }

    private func manifestMemberNotFound(_ name: String, field: String, manifest: ModuleManifest) -> ModuleFileError {
        ModuleFileError(
            message: "The module to process '\(name)', listed in field '\(field)' of module manifest '\(manifest.path)' was not processed because no valid module was found in any module directory.",
            errorId: "Modules_ModuleFileNotFound", category: .ResourceUnavailable, exception: .psInvalidOperationException,
            target: .string(manifest.name), terminating: true)
    }

    /// A RequiredModules entry: a loaded module that satisfies it, else the module imported
    /// globally; nil after reporting pwsh's RequiredModuleNotLoaded when neither works.
    private func requireModule(_ spec: ModuleSpecification, manifest: ModuleManifest, importer: ModuleImporter) throws -> PSModuleInfo? {
        let required = spec.requiredVersion.flatMap(ModuleVersion.init)
        let minimum = spec.minimumVersion.flatMap(ModuleVersion.init)
        let maximum = spec.maximumVersion.flatMap(ModuleVersion.init)
        func satisfies(_ m: PSModuleInfo) -> Bool {
            guard let v = ModuleVersion(m.version) else { return required == nil && minimum == nil && maximum == nil }
            if let required, v.release != required.release { return false }
            if let minimum, v.release < minimum.release { return false }
            if let maximum, v.release > maximum.release { return false }
            if let guid = spec.guid, guid.caseInsensitiveCompare(m.guid) != .orderedSame { return false }
            return true
        }
        let leaf = ((spec.name as NSString).lastPathComponent as NSString).deletingPathExtension
        if let loaded = allModules.first(where: { $0.name.caseInsensitiveCompare(leaf) == .orderedSame && satisfies($0) }) {
            return loaded
        }
        var options = ModuleImportOptions()
        options.global = true
        let quiet = ModuleImporter(runtime: nil, output: importer.output)
        if let module = try? importByName(spec.name, options: options, required: required, minimum: minimum, maximum: maximum, importer: quiet),
           satisfies(module) {
            return module
        }
        let message: String
        if let version = spec.requiredVersion ?? spec.minimumVersion {
            message = "The required module '\(spec.name)' with version '\(version)' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '\(manifest.path)'."
        } else if let guid = spec.guid {
            message = "The required module '\(spec.name)' with GUID '\(guid)' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '\(manifest.path)'."
        } else {
            message = "The required module '\(spec.name)' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '\(manifest.path)'."
        }
        try importer.report(ModuleFileError(message: message, errorId: "Modules_InvalidManifest", category: .ResourceUnavailable,
                                            exception: ModuleFileError.missingMember, target: .string(manifest.path)))
        return nil
    }

    /// `Import-Module Name`: a bundled module, a module of the simulated machine, or a module
    /// found on `$env:PSModulePath`. Nil when there is none (the caller reports it).
    func importByName(_ name: String, options: ModuleImportOptions, required: ModuleVersion?, minimum: ModuleVersion?, maximum: ModuleVersion?,
                      importer: ModuleImporter) throws -> PSModuleInfo? {
        if let installed = installedVersion(name, required: required, minimum: minimum, maximum: maximum) {
            return try importInstalled(installed, force: options.force)
        }
        if isBundled(name) {
            guard let version = bundledVersion(required: required?.description, minimum: minimum?.description, maximum: maximum?.description) else {
                return nil
            }
            return importBundled(version: version, force: options.force)
        }
        let versioned = required != nil || minimum != nil || maximum != nil
        // With a version asked for, a folder whose versions do not fit does not end the search:
        // the next PSModulePath entries are tried (scripting.Classes.using.tests.ps1 "Side by side").
        let candidates = versioned ? modulePathEntries().flatMap { moduleFiles(inFolder: $0 + "/" + name) } : moduleFiles(named: name)
        for file in candidates {
            // With a version asked for, only manifests count (pwsh's LoadModule).
            if versioned {
                guard file.lowercased().hasSuffix(".psd1"), let v = manifestVersion(file) else { continue }
                if let required, v.release != required.release { continue }
                if let minimum, v.release < minimum.release { continue }
                if let maximum, v.release > maximum.release { continue }
            }
            return try importModuleFile(file, options: options, importer: importer)
        }
        return nil
    }
}

/// Where Import-Module's output, errors and warnings go: the running command, or nowhere
/// (autoloading).
final class ModuleImporter {
    let runtime: CommandRuntime?
    /// How many errors it reported (a failed import reports one; a missing module none).
    private(set) var reported = 0
    /// Output of the scripts a manifest dot-sources.
    let output: ((Value) throws -> Void)?

    init(runtime: CommandRuntime?, output: ((Value) throws -> Void)? = nil) {
        self.runtime = runtime
        self.output = output ?? runtime.map { rt in { try rt.writeObject($0) } }
    }

    func write(_ value: Value) throws {
        try output?(value)
    }

    func warn(_ text: String) throws {
        try runtime?.writeWarning(text)
    }

    /// Reports a module error as Import-Module's non-terminating error.
    func report(_ error: ModuleFileError) throws {
        reported += 1
        guard let rt = runtime else { return }
        try rt.writeError(rt.makeError(error.exception, error.message, errorId: error.errorId, category: error.category, target: error.target))
    }
}
