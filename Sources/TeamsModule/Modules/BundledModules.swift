import Foundation
import PowerShellRuntime
import Pester
import TeamsTenant

/// Modules teamsh carries itself rather than as files of the simulated machine: Pester 5.7.1
/// and 4.10.1. `Import-Module Pester` and the first use of one of its commands import 5.7.1;
/// version bounds that exclude it (`-MaximumVersion 4.99`) import 4.10.1, as pwsh picks the
/// newest installed version within the bounds. They are not part of the world, so
/// `Get-Module -ListAvailable` does not list them.
extension ModuleLayer {
    func isBundled(_ name: String) -> Bool {
        name.caseInsensitiveCompare(PesterModule.name) == .orderedSame
    }

    /// The newest bundled version within the version bounds of an import, if any.
    func bundledVersion(required: String?, minimum: String?, maximum: String?) -> String? {
        PesterModule.versions.first { v in
            guard let mine = ModuleVersion(v) else { return false }
            if let r = required.flatMap(ModuleVersion.init), r.release != mine.release { return false }
            if let m = minimum.flatMap(ModuleVersion.init), mine.release < m.release { return false }
            if let m = maximum.flatMap(ModuleVersion.init), mine.release > m.release { return false }
            return true
        }
    }

    @discardableResult
    func importBundled(version: String = PesterModule.version, force: Bool = false) -> PSModuleInfo {
        if let loaded = loadedModule(named: PesterModule.name) {
            if !force && loaded.version == version { return loaded }
            remove(loaded)
        }
        let base = world.machine.modulePath(for: .allUsers) + "/Pester/" + version
        let info = PSModuleInfo(name: PesterModule.name, version: version, path: base + "/Pester.psm1", moduleType: "Script",
                                parentScope: context.globalScope)
        info.moduleBase = base
        info.description = PesterModule.description
        info.guid = PesterModule.guid
        info.versionValue = PSVersion.parse(version).map { .object($0) }
        let registrations = PesterModule.registrations(version: version)
        info.exportedFunctions = registrations.map(\.declaration.name).filter { $0 != "Invoke-PesterMock" }
        context.register(registrations)
        registeredCommands[ObjectIdentifier(info)] = registrations.map(\.declaration.name)
        addLoaded(info)
        PesterModule.activate(version: version, in: context)
        return info
    }

    /// Autoloading for the bundled modules' commands.
    func autoloadBundled(_ command: String) -> Bool {
        var name = command
        if let slash = command.firstIndex(of: "\\") {
            guard isBundled(String(command[..<slash])) else { return false }
            name = String(command[command.index(after: slash)...])
        }
        guard loadedModule(named: PesterModule.name) == nil,
              PesterModule.commandNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return false }
        importBundled()
        return true
    }
}
