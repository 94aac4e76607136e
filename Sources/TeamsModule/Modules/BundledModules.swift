import Foundation
import PowerShellRuntime
import Pester
import TeamsTenant

/// Modules teamsh carries itself rather than as files of the simulated machine: Pester 5.7.1.
/// `Import-Module Pester` and the first use of one of its commands import it; it is not part of
/// the world, so `Get-Module -ListAvailable` does not list it.
extension ModuleLayer {
    func isBundled(_ name: String) -> Bool {
        name.caseInsensitiveCompare(PesterModule.name) == .orderedSame
    }

    /// Whether the bundled version satisfies the version bounds of an import.
    func bundledSatisfies(required: String?, minimum: String?, maximum: String?) -> Bool {
        guard let mine = ModuleVersion(PesterModule.version) else { return false }
        if let r = required.flatMap(ModuleVersion.init), r.release != mine.release { return false }
        if let m = minimum.flatMap(ModuleVersion.init), mine.release < m.release { return false }
        if let m = maximum.flatMap(ModuleVersion.init), mine.release > m.release { return false }
        return true
    }

    @discardableResult
    func importBundled(force: Bool = false) -> PSModuleInfo {
        if let loaded = loadedModule(named: PesterModule.name) {
            if !force { return loaded }
            remove(loaded)
        }
        let base = world.machine.modulePath(for: .allUsers) + "/Pester/" + PesterModule.version
        let info = PSModuleInfo(name: PesterModule.name, version: PesterModule.version, path: base + "/Pester.psm1", moduleType: "Script",
                                parentScope: context.globalScope)
        info.moduleBase = base
        info.description = PesterModule.description
        info.guid = PesterModule.guid
        info.versionValue = PSVersion.parse(PesterModule.version).map { .object($0) }
        let registrations = PesterModule.registrations
        info.exportedFunctions = registrations.map(\.declaration.name).filter { $0 != "Invoke-PesterMock" }
        context.register(registrations)
        registeredCommands[ObjectIdentifier(info)] = registrations.map(\.declaration.name)
        addLoaded(info)
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
