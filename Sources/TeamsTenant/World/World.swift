import Foundation

/// The simulated machine teamsh pretends to run on.
public struct Machine: Codable, Equatable, Sendable {
    /// `$PSVersionTable.PSVersion` (`7.6.9`).
    public var powerShellVersion: String
    public var operatingSystem: String
    public var userName: String
    /// `$HOME` (`/root`).
    public var home: String
    /// `$PSHOME`, where pwsh's own modules live.
    public var psHome: String
    /// Whether the session runs elevated (root), for `#Requires -RunAsAdministrator`.
    public var isAdministrator: Bool
    /// The simulated clock: install dates, assignment times and call times come from it, never
    /// from the system, so outputs stay the same from run to run.
    public var currentTime: Date

    public init(
        powerShellVersion: String, operatingSystem: String, userName: String, home: String, psHome: String,
        isAdministrator: Bool, currentTime: Date
    ) {
        self.powerShellVersion = powerShellVersion
        self.operatingSystem = operatingSystem
        self.userName = userName
        self.home = home
        self.psHome = psHome
        self.isAdministrator = isAdministrator
        self.currentTime = currentTime
    }

    /// The folder a scope installs into.
    public func modulePath(for scope: ModuleScope) -> String {
        switch scope {
        case .currentUser: return home + "/.local/share/powershell/Modules"
        case .allUsers: return "/usr/local/share/powershell/Modules"
        case .psHome: return psHome + "/Modules"
        }
    }

    /// `$env:PSModulePath` entries in pwsh's order: CurrentUser, AllUsers, `$PSHOME`.
    public var modulePaths: [String] { [ModuleScope.currentUser, .allUsers, .psHome].map(modulePath(for:)) }
}

/// Refusals of the module operations (the PowerShellGet layer words most of its own errors; these
/// carry PowerShellGet's texts where the model is the one that finds the problem).
public enum ModuleOperationError: Error, Equatable, Sendable {
    case notInGallery(name: String, version: ModuleVersion?)
    case notInstalled(name: String, version: ModuleVersion?)
    case alreadyInstalled(name: String, version: ModuleVersion, location: String)

    public var message: String {
        switch self {
        case .notInGallery(let name, _):
            return "No match was found for the specified search criteria and module name '\(name)'. "
                + "Try Get-PSRepository to see all available registered module repositories."
        case .notInstalled(let name, _):
            return "No match was found for the specified search criteria and module names '\(name)'."
        case .alreadyInstalled(let name, let version, let location):
            return "Version '\(version)' of module '\(name)' is already installed at '\(location)'."
        }
    }
}

/// Everything teamsh simulates: this machine (its installed modules and repositories), the
/// PowerShell Gallery, the Teams tenant, and the seeded generator every GUID and certificate comes
/// from. One instance is shared by every cmdlet of a session (a reference type, as the state is);
/// `WorldStore` saves it as JSON.
public final class World: Codable {
    /// The JSON schema this build reads and writes.
    public static let currentSchemaVersion = 1

    public private(set) var schemaVersion: Int = World.currentSchemaVersion
    public var machine: Machine { didSet { revision &+= 1 } }
    public var installedModules: [InstalledModule] { didSet { revision &+= 1 } }
    public var repositories: [ModuleRepository] { didSet { revision &+= 1 } }
    public var gallery: GalleryCatalog { didSet { revision &+= 1 } }
    /// The tenant, changed in place: a `didSet` observer would copy the whole tenant (all its
    /// users and indexes) on every change, making each Grant cost O(users).
    public var tenant: Tenant {
        get { tenantStorage }
        _modify {
            revision &+= 1
            yield &tenantStorage
        }
        set {
            revision &+= 1
            tenantStorage = newValue
        }
    }
    private var tenantStorage: Tenant
    public var random: SeededGenerator { didSet { revision &+= 1 } }

    /// Goes up on every write access to the world's state (also by refused operations, which
    /// change nothing), so a session can tell when it may need saving. Not saved.
    public private(set) var revision = 0

    public init(
        machine: Machine, installedModules: [InstalledModule], repositories: [ModuleRepository], gallery: GalleryCatalog,
        tenant: Tenant, random: SeededGenerator
    ) {
        self.machine = machine
        self.installedModules = installedModules
        self.repositories = repositories
        self.gallery = gallery
        self.tenantStorage = tenant
        self.random = random
    }

    /// An independent copy (Reset and Import replace a session's world with one).
    public func copy() -> World {
        World(
            machine: machine, installedModules: installedModules, repositories: repositories, gallery: gallery,
            tenant: tenant, random: random)
    }

    /// Makes this world's contents those of another, keeping this instance (which every cmdlet of
    /// the session holds).
    public func replaceContents(with other: World) {
        machine = other.machine
        installedModules = other.installedModules
        repositories = other.repositories
        gallery = other.gallery
        tenant = other.tenant
        random = other.random
    }

    // MARK: Clock

    /// The simulated time now; then moves the clock one second on, so events keep their order.
    @discardableResult
    public func tick() -> Date {
        let now = machine.currentTime
        machine.currentTime = now.addingTimeInterval(1)
        return now
    }

    // MARK: Modules

    /// Installed versions of a module (case-insensitive name), newest first.
    public func installedVersions(of name: String) -> [InstalledModule] {
        let folded = name.lowercased()
        return installedModules.filter { $0.name.lowercased() == folded }.sorted { $0.version > $1.version }
    }

    /// An exact installed version.
    public func installedModule(_ name: String, version: ModuleVersion) -> InstalledModule? {
        installedVersions(of: name).first { $0.version == version }
    }

    /// The highest installed version of any module that exports a command (case-insensitive):
    /// the version pwsh's command autoloading imports.
    public func highestInstalledModule(exporting commandName: String) -> InstalledModule? {
        installedModules.filter { $0.exports(commandName) }.max { $0.version < $1.version }
    }

    /// Installs a gallery version side by side with the others (Install-Module/Update-Module's
    /// effect) and returns it.
    @discardableResult
    public func install(
        _ name: String, version: ModuleVersion, scope: ModuleScope = .currentUser, repository: String = "PSGallery"
    ) throws -> InstalledModule {
        guard let module = gallery.module(named: name), let entry = module.version(version) else {
            throw ModuleOperationError.notInGallery(name: name, version: version)
        }
        if let existing = installedModule(module.name, version: version) {
            throw ModuleOperationError.alreadyInstalled(
                name: module.name, version: version, location: existing.installedLocation)
        }
        var installed = InstalledModule(
            name: module.name, version: entry.version, scope: scope,
            // PowerShellGet names the folder after the numeric version, also for prereleases.
            installedLocation: machine.modulePath(for: scope) + "/" + module.name + "/" + entry.version.numericText,
            installedWithInstallModule: true, repository: repository, installedDate: tick(),
            moduleType: module.moduleType, description: module.description, author: module.author,
            companyName: module.companyName, copyright: module.copyright, publishedDate: entry.publishedDate,
            guid: module.guid, compatiblePSEditions: module.compatiblePSEditions,
            powerShellVersion: module.powerShellVersion, exportedCommands: [])
        installed.exportList = entry.exportList
        installedModules.append(installed)
        return installed
    }

    /// Removes an installed version (Uninstall-Module's effect).
    public func uninstall(_ name: String, version: ModuleVersion) throws {
        let folded = name.lowercased()
        guard let position = installedModules.firstIndex(where: { $0.name.lowercased() == folded && $0.version == version })
        else { throw ModuleOperationError.notInstalled(name: name, version: version) }
        installedModules.remove(at: position)
    }

    /// A registered repository by name (case-insensitive).
    public func repository(named name: String) -> ModuleRepository? {
        let folded = name.lowercased()
        return repositories.first { $0.name.lowercased() == folded }
    }

    /// Set-PSRepository -InstallationPolicy; false when no such repository is registered.
    @discardableResult
    public func setRepositoryTrusted(_ name: String, trusted: Bool) -> Bool {
        let folded = name.lowercased()
        guard let position = repositories.firstIndex(where: { $0.name.lowercased() == folded }) else { return false }
        repositories[position].trusted = trusted
        return true
    }

    // MARK: Tenant operations that need the clock or the generator

    /// Starts a call with ids and certificates from the world's generator and the simulated time.
    @discardableResult
    public func startCall(
        caller: String, callee: String, callerClient: ClientKind = .desktop, calleeClient: ClientKind = .desktop,
        intercepted: Bool = false
    ) throws -> Call {
        var generator = random
        let call = try tenant.startCall(
            caller: caller, callee: callee, callerClient: callerClient, calleeClient: calleeClient,
            intercepted: intercepted, using: &generator, at: machine.currentTime)
        random = generator
        tick()
        return call
    }

    /// Ends a call at the simulated time (`validateOnly`: only the checks, for -WhatIf).
    @discardableResult
    public func stopCall(_ callId: String, validateOnly: Bool = false) throws -> Call {
        let call = try tenant.stopCall(callId, at: machine.currentTime, validateOnly: validateOnly)
        if !validateOnly { tick() }
        return call
    }

    /// `Grant-<Policy> -Group`, stamped with the simulated time.
    public func grantPolicyToGroup(
        ofType policyType: String, group: String, policyName: String?, rank: Int? = nil, validateOnly: Bool = false
    ) throws {
        let time = machine.currentTime
        try tenant.grantPolicyToGroup(
            ofType: policyType, group: group, policyName: policyName, rank: rank, at: time, validateOnly: validateOnly)
        if !validateOnly { tick() }
    }

    /// `New-CsGroupPolicyAssignment`, stamped with the simulated time.
    @discardableResult
    public func newGroupPolicyAssignment(
        group: String, policyType: String, policyName: String, rank: Int? = nil, validateOnly: Bool = false
    ) throws -> GroupPolicyAssignment {
        let time = machine.currentTime
        let assignment = try tenant.newGroupPolicyAssignment(
            group: group, policyType: policyType, policyName: policyName, rank: rank, at: time,
            validateOnly: validateOnly)
        if !validateOnly { tick() }
        return assignment
    }

    // MARK: JSON

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, machine, installedModules, repositories, gallery, tenant, random
    }

    /// Reads a world; sections a hand-written file leaves out come from the default world.
    public required init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        guard schemaVersion == World.currentSchemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: container,
                debugDescription: "unsupported schema version \(schemaVersion) (this teamsh reads \(World.currentSchemaVersion))")
        }
        // The default world is built only when a section is missing (saved files have them all).
        var cachedDefaults: World?
        func defaults() -> World {
            if let cachedDefaults { return cachedDefaults }
            let built = World.defaultWorld()
            cachedDefaults = built
            return built
        }
        machine = try container.decodeIfPresent(Machine.self, forKey: .machine) ?? defaults().machine
        installedModules =
            try container.decodeIfPresent([InstalledModule].self, forKey: .installedModules) ?? defaults().installedModules
        repositories =
            try container.decodeIfPresent([ModuleRepository].self, forKey: .repositories) ?? defaults().repositories
        gallery = try container.decodeIfPresent(GalleryCatalog.self, forKey: .gallery) ?? defaults().gallery
        tenantStorage = try container.decodeIfPresent(Tenant.self, forKey: .tenant) ?? defaults().tenant
        random = try container.decodeIfPresent(SeededGenerator.self, forKey: .random) ?? defaults().random
        completeInstalledModules()
        refreshMicrosoftTeamsExports()
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(machine, forKey: .machine)
        try container.encode(installedModules, forKey: .installedModules)
        try container.encode(repositories, forKey: .repositories)
        try container.encode(gallery, forKey: .gallery)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(random, forKey: .random)
    }
}
