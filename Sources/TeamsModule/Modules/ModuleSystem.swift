import Foundation
import PowerShellRuntime
import TeamsTenant

/// Why an installed module could not be imported.
enum ModuleImportError: Error {
    /// Another MicrosoftTeams version's assemblies are loaded in this session (spec §2).
    case assemblyAlreadyLoaded

    var message: String {
        switch self {
        case .assemblyAlreadyLoaded: return "Assembly with same name is already loaded"
        }
    }
}

/// Importing, listing and removing the modules installed on the simulated machine, and pwsh's
/// command autoloading: a command nothing resolves imports the highest installed version of a
/// module that exports it.
extension ModuleLayer {
    static let microsoftTeams = MicrosoftTeamsReleases.moduleName

    // MARK: Finding

    /// Loaded modules whose name matches (case-insensitive; wildcards allowed), in import order.
    func loadedModules(matching pattern: String) -> [PSModuleInfo] {
        let wildcard = Wildcard(pattern)
        return loadedModules.filter { wildcard.matches($0.name) }
    }

    public func canFindModule(_ nameOrPath: String) -> Bool {
        if nameOrPath.contains("/") { return ModuleLayer.isFile(nameOrPath) || !moduleFiles(inFolder: nameOrPath).isEmpty }
        return loadedModule(named: nameOrPath) != nil || isBundled(nameOrPath)
            || installedVersion(nameOrPath, required: nil, minimum: nil, maximum: nil) != nil || !moduleFiles(named: nameOrPath).isEmpty
    }

    /// The loaded module with this exact name, if any.
    public func loadedModule(named name: String) -> PSModuleInfo? {
        loadedModules.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Installed modules in `Get-Module -ListAvailable` order: by module folder (CurrentUser,
    /// AllUsers, `$PSHOME`), then name, then newest version first.
    func availableModules() -> [InstalledModule] {
        let order: [ModuleScope] = [.currentUser, .allUsers, .psHome]
        return world.installedModules.sorted { a, b in
            let sa = order.firstIndex(of: a.scope) ?? 3, sb = order.firstIndex(of: b.scope) ?? 3
            if sa != sb { return sa < sb }
            let na = a.name.lowercased(), nb = b.name.lowercased()
            if na != nb { return na < nb }
            return a.version > b.version
        }
    }

    /// Whether teamsh can run anything of an installed module, so `Get-Module -ListAvailable`
    /// lists only modules that work: MicrosoftTeams, a module at least one of whose commands
    /// exists, and pwsh's own manifest modules whose cmdlets are built in.
    /// NOTE: pwsh lists every module installed; teamsh leaves out the ones it only names
    /// (ThreadJob, PSResourceGet, PackageManagement).
    func hasCommands(_ m: InstalledModule) -> Bool {
        if isMicrosoftTeams(m.name) { return true }
        if m.exportedCommands.isEmpty {
            return ["Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security", "Microsoft.PowerShell.Utility"]
                .contains { $0.caseInsensitiveCompare(m.name) == .orderedSame }
        }
        return m.exportedCommands.contains { context.cmdlets[$0.lowercased()] != nil }
    }

    /// The installed version an import picks: the newest satisfying the version bounds.
    func installedVersion(_ name: String, required: ModuleVersion?, minimum: ModuleVersion?, maximum: ModuleVersion?)
        -> InstalledModule?
    {
        world.installedVersions(of: name).first { m in
            if let required, m.version.release != required.release { return false }
            if let minimum, m.version.release < minimum.release { return false }
            if let maximum, m.version.release > maximum.release { return false }
            return true
        }
    }

    // MARK: Module objects

    /// The PSModuleInfo of an installed module version (not imported).
    func moduleInfo(for m: InstalledModule, listing: Bool) -> PSModuleInfo {
        let isVersioned = m.scope != .psHome
        let base = isVersioned ? m.installedLocation : m.installedLocation
        let file = listing || m.moduleType == "Manifest" || m.moduleType == "Binary" ? m.name + ".psd1" : m.name + ".psm1"
        let info = PSModuleInfo(name: m.name, version: m.version.numericText, path: base + "/" + file, moduleType: m.moduleType,
                                parentScope: context.globalScope)
        info.moduleBase = base
        info.description = m.description
        info.guid = m.guid
        info.prerelease = m.version.prerelease
        info.compatiblePSEditions = m.compatiblePSEditions
        info.versionValue = PSVersion.parse(m.version.numericText).map { .object($0) }
        info.exportedCommandsOverride = m.exportedCommands
        if m.name.caseInsensitiveCompare(ModuleLayer.microsoftTeams) == .orderedSame {
            let catalog = world.tenant.catalog
            let cmdlets = m.exportedCommands.filter { MicrosoftTeamsCommands.isCompiled($0, version: m.version, catalog: catalog) }
            let compiled = Set(cmdlets)
            info.exportedFunctions = m.exportedCommands.filter { !compiled.contains($0) }
            info.exportedCmdlets = cmdlets
            // NOTE: pwsh lists a module's cmdlets before its functions, each in the order they
            // were loaded, which is not known for the real 7.7.0; teamsh lists the functions
            // first (so the listing starts with Connect-MicrosoftTeams, as the oracle's stand-in
            // module does), then the compiled cmdlets, each alphabetically.
            info.exportedCommandsOverride = info.exportedFunctions + cmdlets
        }
        if listing { info.extraTypeNames = ["ModuleInfoGrouping"] }
        return info
    }

    // MARK: Importing

    /// Imports an installed module version and returns it; a version already loaded is
    /// returned as it is unless `force`.
    @discardableResult
    func importInstalled(_ m: InstalledModule, force: Bool = false) throws -> PSModuleInfo {
        if let loaded = loadedModule(named: m.name) {
            let sameVersion = loaded.version == m.version.numericText && loaded.prerelease == m.version.prerelease
            if sameVersion && !force { return loaded }
            if isMicrosoftTeams(m.name), !sameVersion { throw ModuleImportError.assemblyAlreadyLoaded }
            remove(loaded)
        }
        if isMicrosoftTeams(m.name) {
            if let assemblies = teamsAssemblyVersion, assemblies != m.version { throw ModuleImportError.assemblyAlreadyLoaded }
            teamsAssemblyVersion = m.version
        }
        let info = moduleInfo(for: m, listing: false)
        var names: [String] = []
        if isMicrosoftTeams(m.name) {
            let registrations = MicrosoftTeamsCommands.registrations(for: m.version, catalog: world.tenant.catalog)
            context.register(registrations)
            PolicyRecordClasses.define(world.tenant.catalog, in: context)
            names = registrations.map(\.declaration.name)
        }
        registeredCommands[ObjectIdentifier(info)] = names
        addLoaded(info)
        return info
    }

    /// Records a module imported at the top level.
    func addLoaded(_ info: PSModuleInfo) {
        loadedModules.append(info)
        allModules.append(info)
        context.commandTableGeneration += 1
    }

    /// Removes a module: its commands leave the session (its assemblies, if any, stay loaded).
    func remove(_ module: PSModuleInfo) {
        let key = ObjectIdentifier(module)
        if let names = registeredCommands[key], !names.isEmpty { context.unregister(names: names) }
        registeredCommands[key] = nil
        removeScriptModule(module)
        scriptModules[key] = nil
        loadedModules.removeAll { $0 === module }
        allModules.removeAll { $0 === module }
        context.commandTableGeneration += 1
    }

    func isMicrosoftTeams(_ name: String) -> Bool {
        name.caseInsensitiveCompare(ModuleLayer.microsoftTeams) == .orderedSame
    }

    // MARK: Discovery

    /// Commands of installed modules that no imported module provides, each from the highest version that
    /// exports it (what `Get-Command` shows before autoloading imports them).
    public func availableCommands() -> [CommandInfoObject] {
        var best: [String: InstalledModule] = [:]
        for m in world.installedModules where isMicrosoftTeams(m.name) {
            for name in m.exportedCommands {
                let key = name.lowercased()
                if context.cmdlets[key] != nil { continue }
                if let current = best[key], current.version >= m.version { continue }
                best[key] = m
            }
        }
        var out = best.keys.sorted().compactMap { key -> CommandInfoObject? in
            guard let m = best[key], let name = m.exportedCommands.first(where: { $0.lowercased() == key }),
                  let r = MicrosoftTeamsCommands.registration(named: name, version: m.version, catalog: world.tenant.catalog)
            else { return nil }
            return CommandInfoObject(name: r.declaration.name, commandType: r.declaration.commandType, source: m.name,
                                     version: m.version.numericText, definition: "", declaration: r.declaration)
        }
        // Modules on disk that are not loaded: what their analysis says they export.
        var seen = Set(out.map { $0.name.lowercased() })
        let simulated = Set(world.installedModules.map { $0.name.lowercased() })
        for file in availableModuleFiles() where !allModules.contains(where: { $0.path == file || $0.manifestPath == file }) {
            guard let listed = listing(file), !simulated.contains(listed.name.lowercased()),
                  !loadedModules.contains(where: { $0.name.caseInsensitiveCompare(listed.name) == .orderedSame }) else { continue }
            for (name, type) in listed.exportedFunctions.map({ ($0, "Function") }) + listed.exportedAliases.map({ ($0, "Alias") })
            where seen.insert(name.lowercased()).inserted && context.cmdlets[name.lowercased()] == nil {
                out.append(CommandInfoObject(name: name, commandType: type, source: listed.name, version: listed.version, definition: "", declaration: nil))
            }
        }
        return out
    }

    // MARK: Autoloading

    /// pwsh's command autoloading, for `ModuleProvider.autoload`: imports the highest installed
    /// version of a module exporting `name` (`Module\Command` restricts the module). When that
    /// module cannot be imported, records pwsh's CouldNotAutoloadMatchingModule text.
    public func autoload(_ name: String) -> Bool {
        if autoloadBundled(name) { return true }
        var command = name
        var moduleName: String?
        if let slash = name.firstIndex(of: "\\") {
            moduleName = String(name[..<slash])
            command = String(name[name.index(after: slash)...])
        }
        guard !command.isEmpty, !command.contains("/") else { return false }
        let candidates = world.installedModules.filter { m in
            m.exports(command) && (moduleName.map { m.name.caseInsensitiveCompare($0) == .orderedSame } ?? true)
        }
        guard let best = candidates.max(by: { $0.version < $1.version }) else { return autoloadFromDisk(command, moduleName: moduleName) }
        if let loaded = loadedModule(named: best.name), loaded.version == best.version.numericText {
            // Loaded, yet the name did not resolve: the module does not really provide it here.
            return false
        }
        if !isMicrosoftTeams(best.name) { return false }
        do {
            try importInstalled(best)
            return true
        } catch let error as ModuleImportError {
            context.autoloadFailureMessage = "The '\(command)' command was found in the module '\(best.name)', but the module could not be loaded due to the following error: [\(error.message)] For more information, run 'Import-Module \(best.name)'."
            return false
        } catch {
            return false
        }
    }
}
