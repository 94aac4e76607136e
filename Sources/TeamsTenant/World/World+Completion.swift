import Foundation

extension World {
    /// Makes installed modules whole after loading: a snapshot of a real machine lists only what
    /// Get-InstalledModule shows (name, version, repository, installed date), so the folder comes
    /// from the machine and the manifest's fields from the gallery entry of the same name; a list
    /// without pwsh's own modules (scope PSHome) gets those of the default world, since pwsh
    /// always ships them and PowerShellGet's cmdlets are among them.
    func completeInstalledModules() {
        var modules = installedModules
        for index in modules.indices {
            var module = modules[index]
            if module.installedLocation.isEmpty {
                module.installedLocation = module.scope == .psHome
                    ? machine.modulePath(for: .psHome) + "/" + module.name
                    : machine.modulePath(for: module.scope) + "/" + module.name + "/" + module.version.numericText
            }
            if let entry = gallery.module(named: module.name) {
                if module.moduleType.isEmpty { module.moduleType = entry.moduleType }
                if module.description.isEmpty { module.description = entry.description }
                if module.author.isEmpty { module.author = entry.author }
                if module.companyName.isEmpty { module.companyName = entry.companyName }
                if module.copyright.isEmpty { module.copyright = entry.copyright }
                if module.guid.isEmpty { module.guid = entry.guid }
                if module.compatiblePSEditions.isEmpty { module.compatiblePSEditions = entry.compatiblePSEditions }
                if module.powerShellVersion.isEmpty { module.powerShellVersion = entry.powerShellVersion }
                if let published = entry.version(module.version) {
                    if module.publishedDate == nil { module.publishedDate = published.publishedDate }
                    if module.exportedCommands.isEmpty { module.exportedCommands = published.exportedCommands }
                }
            } else if module.moduleType.isEmpty {
                module.moduleType = "Script"
            }
            if module != modules[index] { modules[index] = module }
        }
        if !modules.contains(where: { $0.scope == .psHome }) {
            modules += DefaultWorld.pwshModules(machine)
        }
        if modules != installedModules { installedModules = modules }
    }

    /// What loading left out because teamsh does not simulate it (see `Tenant.loadWarnings`).
    public var loadWarnings: [String] { tenant.loadWarnings }
}
