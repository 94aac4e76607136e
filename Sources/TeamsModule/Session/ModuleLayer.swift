import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// The module layer of one session: the simulated world (this machine's installed modules and
/// repositories, the gallery, the Teams tenant), where it is saved, the modules imported so far
/// and the Teams connection. Every cmdlet of TeamsModule reaches it through its context.
public final class ModuleLayer {
    static let key = "teamsh.modules"

    unowned let context: ExecutionContext
    /// The world every cmdlet of the session shares.
    public let world: World
    /// Where the world is saved after each change (`-Tenant FILE`); nil for the embedded default.
    let store: WorldStore?
    private var savedRevision: Int
    /// The session's format views (the module views are registered here).
    let views: FormatViewRegistry
    /// Modules imported at the top level, in import order (what `Get-Module` lists).
    var loadedModules: [PSModuleInfo] = []
    /// Every loaded module, nested ones and those imported by other modules included
    /// (`Get-Module -All`).
    var allModules: [PSModuleInfo] = []
    /// The commands each imported module registered, by module identity.
    var registeredCommands: [ObjectIdentifier: [String]] = [:]
    /// The session state of each script module, by module identity.
    var scriptModules: [ObjectIdentifier: ScriptModuleState] = [:]
    /// What the process shares between its sessions (`[powershell]::Create()`'s and
    /// ForEach-Object -Parallel's runspaces).
    let process: ProcessState
    /// The MicrosoftTeams version whose assemblies the session loaded. .NET cannot unload them,
    /// so no other version can be imported in this session, even after Remove-Module (spec §2).
    var teamsAssemblyVersion: ModuleVersion? {
        get { process.teamsAssemblyVersion }
        set { process.teamsAssemblyVersion = newValue }
    }
    /// The signed-in account, after Connect-MicrosoftTeams.
    var connection: TeamsConnection? {
        get { process.connection }
        set { process.connection = newValue }
    }

    init(context: ExecutionContext, world: World, store: WorldStore?, views: FormatViewRegistry, process: ProcessState) {
        self.context = context
        self.world = world
        self.store = store
        self.views = views
        self.process = process
        savedRevision = world.revision
        installModulePath()
    }

    /// The layer of a session, if the session has one.
    public static func of(_ context: ExecutionContext) -> ModuleLayer? {
        context.extensionState[key] as? ModuleLayer
    }

    /// Saves the world when it changed since the last save (a no-op without `-Tenant`).
    public func persist() throws {
        guard let store, world.revision != savedRevision else { return }
        do {
            try store.save(world)
            savedRevision = world.revision
        } catch let error as WorldStoreError {
            throw RuntimeError(.ioException, error.message, errorId: "TenantFileNotSaved", category: .WriteError)
        }
    }
}

/// The module state of the whole process rather than of one session: the MicrosoftTeams
/// assemblies loaded, and the sign-in, which the module keeps in those assemblies' static state.
/// NOTE: so a ForEach-Object -Parallel block uses the caller's Connect-MicrosoftTeams, as the
/// real module's process-wide token cache lets it.
final class ProcessState {
    var teamsAssemblyVersion: ModuleVersion?
    var connection: TeamsConnection?
}

/// Who Connect-MicrosoftTeams signed in, and where.
struct TeamsConnection {
    var account: String
    var environment: String
    var tenantId: String
}

extension CommandRuntime {
    /// The session's module layer. Every TeamsModule cmdlet runs in a session that has one.
    var layer: ModuleLayer {
        get throws {
            guard let layer = ModuleLayer.of(context) else {
                throw RuntimeError(.invalidOperationException, "The teamsh module layer is not installed in this session.",
                                   errorId: "ModuleLayerMissing", category: .InvalidOperation)
            }
            return layer
        }
    }

    /// Runs a world change: first only its checks (refusals become this command's
    /// non-terminating errors) when ShouldProcess will print or ask, then, if it agrees, for
    /// real (every operation checks before it changes anything); then saves the world.
    /// True when the change was made.
    @discardableResult
    func changeWorld(target: String, _ body: (_ world: World, _ validateOnly: Bool) throws -> Void) throws -> Bool {
        let layer = try self.layer
        // The checks run apart only when ShouldProcess prints or asks, so refusals come first.
        let silent = shouldProcessIsSilent
        if !silent {
            do {
                try body(layer.world, true)
            } catch let error as TenantError {
                try writeTenantError(error, target: .string(target))
                return false
            }
            guard try shouldProcess(target: target, action: declaration.name) else { return false }
        }
        defer { try? layer.persist() }
        do {
            try body(layer.world, false)
            return true
        } catch let error as TenantError {
            try writeTenantError(error, target: .string(target))
            return false
        }
    }

    /// A non-terminating error with the text of a tenant or module refusal.
    func writeTenantError(_ error: TenantError, target: Value = .null) throws {
        let category = ErrorCategory.named(error.category) ?? .NotSpecified
        try writeError(makeError(.exception, error.message, errorId: error.errorId, category: category, target: target))
    }
}

/// PowerShell's wildcard matching (TeamsTenant has its own type of the same name).
typealias Wildcard = PowerShellRuntime.WildcardPattern
