import Foundation

extension World {
    /// The embedded default world of spec §1, built the same way on every run: fixed texts, fixed
    /// times and GUIDs from `SeededGenerator.defaultSeed`.
    public static func defaultWorld() -> World {
        let parts = DefaultWorld.parts()
        return World(
            machine: parts.machine, installedModules: parts.installedModules, repositories: parts.repositories,
            gallery: parts.gallery, tenant: parts.tenant, random: parts.random)
    }
}

/// The pieces of the default world (also used to fill sections a hand-written file leaves out).
public enum DefaultWorld {
    public static let tenantId = "4c5e8d2a-0b7f-4e8c-9a61-2f3d5b7c9e01"
    public static let initialDomain = "JayTheAmazing.onmicrosoft.com"
    /// The simulated "now" of a fresh world (after MicrosoftTeams 7.7.0 was published).
    public static let startTime = "2026-02-02T09:00:00Z"
    /// When MicrosoftTeams 2.3.1 was installed with Install-Module on this machine.
    public static let teamsInstallTime = "2025-06-02T08:30:00Z"
    /// The MicrosoftTeams version installed in the default world.
    public static let installedTeamsVersion = ModuleVersion([2, 3, 1])

    /// Users of spec §1: UPN (local part @ domain), display name, given name, surname.
    static let users: [(upn: String, displayName: String, givenName: String, surname: String)] = [
        ("Jay1@JayTheAmazing.onmicrosoft.com", "Jay One", "Jay", "One"),
        ("Jay2@JayTheAmazing.onmicrosoft.com", "Jay Two", "Jay", "Two"),
        ("Jay3@JayTheAmazing.onmicrosoft.com", "Jay Three", "Jay", "Three"),
        ("Jay4@JayTheAmazing.onmicrosoft.com", "Jay Four", "Jay", "Four"),
        ("KenMyer@contoso.com", "Ken Myer", "Ken", "Myer"),
    ]

    /// Groups of spec §1: display name, mail, members by UPN.
    static let groups: [(displayName: String, mail: String, members: [String])] = [
        ("Sales", "sales@JayTheAmazing.onmicrosoft.com",
         ["Jay2@JayTheAmazing.onmicrosoft.com", "Jay3@JayTheAmazing.onmicrosoft.com"]),
        ("Engineering", "engineering@JayTheAmazing.onmicrosoft.com",
         ["Jay3@JayTheAmazing.onmicrosoft.com", "Jay4@JayTheAmazing.onmicrosoft.com"]),
    ]

    /// Every part, built fresh. The generator draws, in order: the admin's object id, the users'
    /// object ids, the groups' object ids; its state afterwards is the world's.
    public static func parts() -> (
        machine: Machine, installedModules: [InstalledModule], repositories: [ModuleRepository],
        gallery: GalleryCatalog, tenant: Tenant, random: SeededGenerator
    ) {
        var generator = SeededGenerator(seed: SeededGenerator.defaultSeed)
        let tenant = makeTenant(using: &generator)
        let machine = Machine(
            powerShellVersion: "7.6.9", operatingSystem: "Linux", userName: "root", home: "/root",
            psHome: "/opt/microsoft/powershell/7", isAdministrator: true,
            currentTime: SimulatedDates.parse(startTime) ?? Date(timeIntervalSince1970: 0))
        let gallery = GalleryCatalog(modules: [MicrosoftTeamsReleases.galleryModule()])
        var installed = pwshModules(machine)
        if let teams = installedFromGallery(gallery, machine) { installed.insert(teams, at: 0) }
        return (machine, installed, [ModuleRepository.psGallery(trusted: true)], gallery, tenant, generator)
    }

    /// The tenant of spec §1: no assignments, every client setting off.
    public static func makeTenant(using generator: inout SeededGenerator) -> Tenant {
        let admin = "admin@" + initialDomain
        var tenant = Tenant(
            tenantId: tenantId, displayName: "JayTheAmazing", initialDomain: initialDomain,
            verifiedDomains: [initialDomain, "contoso.com"], adminAccount: admin, adminObjectId: generator.nextGuid())
        for entry in users {
            let user = TenantUser(
                objectId: generator.nextGuid(), userPrincipalName: entry.upn, displayName: entry.displayName,
                givenName: entry.givenName, surname: entry.surname)
            // The names above are distinct, so adding cannot fail.
            try? tenant.addUser(user)
        }
        for entry in groups {
            let group = TenantGroup(
                objectId: generator.nextGuid(), displayName: entry.displayName, mail: entry.mail, members: entry.members)
            try? tenant.addGroup(group)
        }
        return tenant
    }

    /// MicrosoftTeams 2.3.1 as Install-Module put it in the CurrentUser folder.
    static func installedFromGallery(_ gallery: GalleryCatalog, _ machine: Machine) -> InstalledModule? {
        guard let module = gallery.module(named: MicrosoftTeamsReleases.moduleName),
            let entry = module.version(installedTeamsVersion)
        else { return nil }
        var installed = InstalledModule(
            name: module.name, version: entry.version, scope: .currentUser,
            installedLocation: machine.modulePath(for: .currentUser) + "/" + module.name + "/" + entry.version.numericText,
            installedWithInstallModule: true, repository: "PSGallery", installedDate: SimulatedDates.parse(teamsInstallTime),
            moduleType: module.moduleType, description: module.description, author: module.author,
            companyName: module.companyName, copyright: module.copyright, publishedDate: entry.publishedDate,
            guid: module.guid, compatiblePSEditions: module.compatiblePSEditions,
            powerShellVersion: module.powerShellVersion, exportedCommands: [])
        installed.exportList = entry.exportList
        return installed
    }

    /// Modules that ship with pwsh 7.6 in `$PSHOME/Modules` (not installed with Install-Module).
    // NOTE: versions are those of recent pwsh 7.x releases; exported commands are listed only for
    // PowerShellGet and PackageManagement, whose commands teamsh implements as module commands.
    static func pwshModules(_ machine: Machine) -> [InstalledModule] {
        let shipped: [(name: String, version: String, type: String, guid: String, commands: [String])] = [
            ("Microsoft.PowerShell.Archive", "1.2.5", "Script", "eb74e8da-9ae2-482a-a648-e96550fb8733",
             ["Compress-Archive", "Expand-Archive"]),
            ("Microsoft.PowerShell.Host", "7.0.0.0", "Manifest", "56d66100-99a0-4ffc-a12d-eee9a6718aef",
             ["Start-Transcript", "Stop-Transcript"]),
            ("Microsoft.PowerShell.Management", "7.0.0.0", "Manifest", "eefcb906-b326-4e99-9f54-8b4bb6ef3c6d", []),
            ("Microsoft.PowerShell.PSResourceGet", "1.1.1", "Binary", "e4e0bda1-0703-44a5-b70d-8fe704cd0643", []),
            ("Microsoft.PowerShell.Security", "7.0.0.0", "Manifest", "a94c8c7e-9810-47c0-b8af-65089c13a35a", []),
            ("Microsoft.PowerShell.ThreadJob", "2.2.0", "Binary", "0e7b895d-2fec-43f7-8cae-11e8d16f6e40",
             ["Start-ThreadJob"]),
            ("Microsoft.PowerShell.Utility", "7.0.0.0", "Manifest", "1da87e53-152b-403e-98dc-74d7b4d63d59", []),
            ("PackageManagement", "1.4.8.1", "Script", "4ae9fd46-338a-459c-8186-07f910774cb8",
             ["Find-Package", "Find-PackageProvider", "Get-Package", "Get-PackageProvider", "Get-PackageSource",
              "Import-PackageProvider", "Install-Package", "Install-PackageProvider", "Register-PackageSource",
              "Save-Package", "Set-PackageSource", "Uninstall-Package", "Unregister-PackageSource"]),
            ("PowerShellGet", "2.2.5", "Script", "1d73a601-4a6c-43c5-ba3f-619b18bbb404",
             ["Find-Module", "Get-InstalledModule", "Get-PSRepository", "Install-Module", "Register-PSRepository",
              "Save-Module", "Set-PSRepository", "Uninstall-Module", "Unregister-PSRepository", "Update-Module"]),
            ("PSReadLine", "2.4.5", "Script", "5714753b-2afd-4492-a5fd-01d9e2cff8b5",
             ["Get-PSReadLineKeyHandler", "Get-PSReadLineOption", "Remove-PSReadLineKeyHandler",
              "Set-PSReadLineKeyHandler", "Set-PSReadLineOption"]),
        ]
        return shipped.compactMap { entry in
            guard let version = ModuleVersion(entry.version) else { return nil }
            return InstalledModule(
                name: entry.name, version: version, scope: .psHome,
                installedLocation: machine.modulePath(for: .psHome) + "/" + entry.name,
                installedWithInstallModule: false, repository: nil, installedDate: nil, moduleType: entry.type,
                description: "", author: "Microsoft Corporation", companyName: "Microsoft Corporation",
                copyright: "(c) Microsoft Corporation. All rights reserved.", publishedDate: nil, guid: entry.guid,
                compatiblePSEditions: ["Core"], powerShellVersion: "3.0", exportedCommands: entry.commands)
        }
    }
}
