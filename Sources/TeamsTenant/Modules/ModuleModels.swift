import Foundation

/// Where a module is installed on the simulated machine, i.e. which of pwsh's module folders it
/// sits in.
public enum ModuleScope: String, Codable, Sendable {
    /// `$HOME/.local/share/powershell/Modules` (Install-Module's default on PowerShell 6+).
    case currentUser = "CurrentUser"
    /// `/usr/local/share/powershell/Modules`.
    case allUsers = "AllUsers"
    /// `$PSHOME/Modules`: shipped with pwsh, not installed with Install-Module.
    case psHome = "PSHome"
}

/// One installed module version on the simulated machine: what Get-InstalledModule,
/// Get-Module -ListAvailable and command lookup read.
public struct InstalledModule: Codable, Equatable, Sendable {
    public var name: String
    public var version: ModuleVersion
    public var scope: ModuleScope
    /// The version's folder (`/root/.local/share/powershell/Modules/MicrosoftTeams/2.3.1`).
    public var installedLocation: String
    /// True when Install-Module put it there (only those can be updated or uninstalled).
    public var installedWithInstallModule: Bool
    /// The repository it came from (`PSGallery`), nil for modules shipped with pwsh.
    public var repository: String?
    public var installedDate: Date?
    /// `Script`, `Manifest` or `Binary`, as Get-Module's ModuleType column shows.
    public var moduleType: String
    public var description: String
    public var author: String
    public var companyName: String
    public var copyright: String
    public var publishedDate: Date?
    public var guid: String
    /// `Core`, `Desktop`: the manifest's CompatiblePSEditions.
    public var compatiblePSEditions: [String]
    public var powerShellVersion: String
    /// Command names this version exports, in alphabetical order.
    public var exportedCommands: [String] {
        get { exportList.names }
        set { exportList = ModuleExports(names: newValue) }
    }
    var exportList: ModuleExports

    public init(
        name: String, version: ModuleVersion, scope: ModuleScope, installedLocation: String,
        installedWithInstallModule: Bool, repository: String?, installedDate: Date?, moduleType: String,
        description: String, author: String, companyName: String, copyright: String, publishedDate: Date?,
        guid: String, compatiblePSEditions: [String], powerShellVersion: String, exportedCommands: [String]
    ) {
        self.name = name
        self.version = version
        self.scope = scope
        self.installedLocation = installedLocation
        self.installedWithInstallModule = installedWithInstallModule
        self.repository = repository
        self.installedDate = installedDate
        self.moduleType = moduleType
        self.description = description
        self.author = author
        self.companyName = companyName
        self.copyright = copyright
        self.publishedDate = publishedDate
        self.guid = guid
        self.compatiblePSEditions = compatiblePSEditions
        self.powerShellVersion = powerShellVersion
        self.exportList = ModuleExports(sorting: exportedCommands)
    }

    /// Reads an entry; a snapshot of a real machine (tools/Export-TeamsWorld.ps1) gives only what
    /// Get-InstalledModule shows: `name`, `version`, `repository`, `installedDate`. Missing
    /// fields are empty here and filled by `World.completeInstalledModules()` from the gallery and
    /// the machine.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let scope = try c.decodeIfPresent(ModuleScope.self, forKey: .scope) ?? .currentUser
        self.init(
            name: try c.decode(String.self, forKey: .name), version: try c.decode(ModuleVersion.self, forKey: .version),
            scope: scope, installedLocation: try c.decodeIfPresent(String.self, forKey: .installedLocation) ?? "",
            installedWithInstallModule: try c.decodeIfPresent(Bool.self, forKey: .installedWithInstallModule)
                ?? (scope != .psHome),
            repository: try c.decodeIfPresent(String.self, forKey: .repository),
            installedDate: try c.decodeIfPresent(Date.self, forKey: .installedDate),
            moduleType: try c.decodeIfPresent(String.self, forKey: .moduleType) ?? "",
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            author: try c.decodeIfPresent(String.self, forKey: .author) ?? "",
            companyName: try c.decodeIfPresent(String.self, forKey: .companyName) ?? "",
            copyright: try c.decodeIfPresent(String.self, forKey: .copyright) ?? "",
            publishedDate: try c.decodeIfPresent(Date.self, forKey: .publishedDate),
            guid: try c.decodeIfPresent(String.self, forKey: .guid) ?? "",
            compatiblePSEditions: try c.decodeIfPresent([String].self, forKey: .compatiblePSEditions) ?? [],
            powerShellVersion: try c.decodeIfPresent(String.self, forKey: .powerShellVersion) ?? "",
            exportedCommands: try c.decodeIfPresent([String].self, forKey: .exportedCommands) ?? [])
    }

    private enum CodingKeys: String, CodingKey {
        case name, version, scope, installedLocation, installedWithInstallModule, repository, installedDate, moduleType,
             description, author, companyName, copyright, publishedDate, guid, compatiblePSEditions, powerShellVersion,
             exportedCommands
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(version, forKey: .version)
        try c.encode(scope, forKey: .scope)
        try c.encode(installedLocation, forKey: .installedLocation)
        try c.encode(installedWithInstallModule, forKey: .installedWithInstallModule)
        try c.encodeIfPresent(repository, forKey: .repository)
        try c.encodeIfPresent(installedDate, forKey: .installedDate)
        try c.encode(moduleType, forKey: .moduleType)
        try c.encode(description, forKey: .description)
        try c.encode(author, forKey: .author)
        try c.encode(companyName, forKey: .companyName)
        try c.encode(copyright, forKey: .copyright)
        try c.encodeIfPresent(publishedDate, forKey: .publishedDate)
        try c.encode(guid, forKey: .guid)
        try c.encode(compatiblePSEditions, forKey: .compatiblePSEditions)
        try c.encode(powerShellVersion, forKey: .powerShellVersion)
        try c.encode(exportedCommands, forKey: .exportedCommands)
    }

    /// Whether this version exports a command (case-insensitive, as command lookup is).
    public func exports(_ commandName: String) -> Bool {
        let folded = commandName.lowercased()
        return exportedCommands.contains { $0.lowercased() == folded }
    }
}

/// A registered repository, as Get-PSRepository shows it.
public struct ModuleRepository: Codable, Equatable, Sendable {
    public var name: String
    public var sourceLocation: String
    public var publishLocation: String
    public var scriptSourceLocation: String
    public var scriptPublishLocation: String
    /// `Trusted` repositories install without the "Untrusted repository" prompt.
    public var trusted: Bool
    public var packageManagementProvider: String

    public init(
        name: String, sourceLocation: String, publishLocation: String, scriptSourceLocation: String,
        scriptPublishLocation: String, trusted: Bool, packageManagementProvider: String = "NuGet"
    ) {
        self.name = name
        self.sourceLocation = sourceLocation
        self.publishLocation = publishLocation
        self.scriptSourceLocation = scriptSourceLocation
        self.scriptPublishLocation = scriptPublishLocation
        self.trusted = trusted
        self.packageManagementProvider = packageManagementProvider
    }

    /// `Trusted` or `Untrusted`, the InstallationPolicy column.
    public var installationPolicy: String { trusted ? "Trusted" : "Untrusted" }

    /// The PowerShell Gallery as PowerShellGet 2.2.5 registers it.
    public static func psGallery(trusted: Bool) -> ModuleRepository {
        ModuleRepository(
            name: "PSGallery",
            sourceLocation: "https://www.powershellgallery.com/api/v2",
            publishLocation: "https://www.powershellgallery.com/api/v2/package/",
            scriptSourceLocation: "https://www.powershellgallery.com/api/v2/items/psscript",
            scriptPublishLocation: "https://www.powershellgallery.com/api/v2/package/",
            trusted: trusted)
    }
}

/// One published version of a gallery module.
public struct GalleryModuleVersion: Codable, Equatable, Sendable {
    public var version: ModuleVersion
    public var publishedDate: Date
    /// Command names this version exports, in alphabetical order.
    public var exportedCommands: [String] {
        get { exportList.names }
        set { exportList = ModuleExports(names: newValue) }
    }
    var exportList: ModuleExports

    public init(version: ModuleVersion, publishedDate: Date, exportedCommands: [String]) {
        self.version = version
        self.publishedDate = publishedDate
        self.exportList = ModuleExports(sorting: exportedCommands)
    }

    /// A MicrosoftTeams release exporting what the release table gives it with `catalog`.
    init(release version: ModuleVersion, publishedDate: Date, catalog: PolicyCatalog) {
        self.version = version
        self.publishedDate = publishedDate
        self.exportList = ModuleExports(release: version, catalog: catalog)
    }

    public var isPrerelease: Bool { version.isPrerelease }

    private enum CodingKeys: String, CodingKey {
        case version, publishedDate, exportedCommands
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(ModuleVersion.self, forKey: .version)
        publishedDate = try c.decode(Date.self, forKey: .publishedDate)
        exportList = ModuleExports(names: try c.decode([String].self, forKey: .exportedCommands))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(publishedDate, forKey: .publishedDate)
        try c.encode(exportedCommands, forKey: .exportedCommands)
    }
}

/// The commands a module version exports. A MicrosoftTeams release's list is worked out from the
/// release table the first time it is read, then kept: every session's default world holds about
/// a hundred releases, and building their lists was most of teamsh's start-up.
struct ModuleExports: Equatable, Sendable {
    private enum Source: Sendable {
        case listed([String])
        case release(ReleaseExports)
    }

    /// A release's list, made once; a lock guards it because the sessions of
    /// `ForEach-Object -Parallel` share the world.
    private final class ReleaseExports: @unchecked Sendable {
        let version: ModuleVersion
        let catalog: PolicyCatalog
        private let lock = NSLock()
        private var made: [String]?

        init(version: ModuleVersion, catalog: PolicyCatalog) {
            self.version = version
            self.catalog = catalog
        }

        var names: [String] {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            // Already in alphabetical order.
            let names = MicrosoftTeamsReleases.exportedCommands(for: version, catalog: catalog)
            made = names
            return names
        }
    }

    private let source: Source

    /// Names as given.
    init(names: [String]) {
        source = .listed(names)
    }

    /// Names in alphabetical order, case-insensitively (each name lowered once, not at every comparison).
    init(sorting names: [String]) {
        source = .listed(names.map { (key: $0.lowercased(), name: $0) }.sorted { $0.key < $1.key }.map(\.name))
    }

    /// What a MicrosoftTeams release exports with `catalog`.
    init(release version: ModuleVersion, catalog: PolicyCatalog) {
        source = .release(ReleaseExports(version: version, catalog: catalog))
    }

    var names: [String] {
        switch source {
        case .listed(let names): return names
        case .release(let release): return release.names
        }
    }

    static func == (lhs: ModuleExports, rhs: ModuleExports) -> Bool {
        // The same release with the same catalog exports the same list, without working it out.
        if case .release(let a) = lhs.source, case .release(let b) = rhs.source,
           a === b || (a.version == b.version && a.catalog == b.catalog) {
            return true
        }
        return lhs.names == rhs.names
    }
}

/// A module in the simulated gallery: what is the same for all its versions, plus the versions.
public struct GalleryModule: Codable, Equatable, Sendable {
    public var name: String
    public var description: String
    public var author: String
    public var companyName: String
    public var copyright: String
    public var guid: String
    public var projectUri: String?
    public var licenseUri: String?
    public var tags: [String]
    public var moduleType: String
    public var compatiblePSEditions: [String]
    public var powerShellVersion: String
    /// Every published version, oldest first.
    public var versions: [GalleryModuleVersion]

    public init(
        name: String, description: String, author: String, companyName: String, copyright: String,
        guid: String, projectUri: String?, licenseUri: String?, tags: [String], moduleType: String,
        compatiblePSEditions: [String], powerShellVersion: String, versions: [GalleryModuleVersion]
    ) {
        self.name = name
        self.description = description
        self.author = author
        self.companyName = companyName
        self.copyright = copyright
        self.guid = guid
        self.projectUri = projectUri
        self.licenseUri = licenseUri
        self.tags = tags
        self.moduleType = moduleType
        self.compatiblePSEditions = compatiblePSEditions
        self.powerShellVersion = powerShellVersion
        self.versions = versions.sorted { $0.version < $1.version }
    }

    /// Versions newest first, filtered as Find-Module's version parameters filter them:
    /// prereleases only with `allowPrerelease`; `required` is an exact match; `minimum` and
    /// `maximum` are inclusive bounds.
    public func matchingVersions(
        required: ModuleVersion? = nil, minimum: ModuleVersion? = nil, maximum: ModuleVersion? = nil,
        allowPrerelease: Bool = false
    ) -> [GalleryModuleVersion] {
        versions.reversed().filter { entry in
            if entry.isPrerelease && !allowPrerelease { return false }
            if let required, entry.version != required { return false }
            if let minimum, entry.version < minimum { return false }
            if let maximum, entry.version > maximum { return false }
            return true
        }
    }

    /// The newest version (stable only unless `allowPrerelease`), what Find-Module returns.
    public func latest(allowPrerelease: Bool = false) -> GalleryModuleVersion? {
        matchingVersions(allowPrerelease: allowPrerelease).first
    }

    /// The entry for an exact version.
    public func version(_ version: ModuleVersion) -> GalleryModuleVersion? {
        versions.first { $0.version == version }
    }
}

/// The simulated PowerShell Gallery: the modules Find-Module and Install-Module can see.
public struct GalleryCatalog: Codable, Equatable, Sendable {
    public var modules: [GalleryModule]

    public init(modules: [GalleryModule]) {
        self.modules = modules
    }

    /// A module by name (case-insensitive).
    public func module(named name: String) -> GalleryModule? {
        let folded = name.lowercased()
        return modules.first { $0.name.lowercased() == folded }
    }

    /// Modules whose names match a wildcard pattern (`Microsoft*`), in catalog order.
    public func modules(matching pattern: String) -> [GalleryModule] {
        let wildcard = WildcardPattern(pattern)
        return modules.filter { wildcard.matches($0.name) }
    }

    /// The same catalog holding only the given versions of one module (used to build fixtures).
    public func restricting(_ name: String, to versions: [ModuleVersion]) -> GalleryCatalog {
        var copy = self
        let folded = name.lowercased()
        for index in copy.modules.indices where copy.modules[index].name.lowercased() == folded {
            copy.modules[index].versions = copy.modules[index].versions.filter { versions.contains($0.version) }
        }
        return copy
    }
}
