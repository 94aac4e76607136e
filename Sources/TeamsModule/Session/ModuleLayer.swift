import Foundation
import PowerShellRuntime
import PowerShellFormatting
import TeamsTenant

/// The module layer of one session: the simulated world (this machine's installed modules and
/// repositories, the gallery, the Teams tenant), where it is saved, the modules imported so far
/// and the Teams connection. Every cmdlet of TeamsModule reaches it through its context.
public final class ModuleLayer: ModuleProvider {
    static let key = "teamsh.modules"

    unowned let context: ExecutionContext
    /// The world every cmdlet of the session shares.
    public let world: World
    /// Where the world is saved (`-Tenant FILE`); nil for the embedded default, which is never saved.
    let store: WorldStore?
    /// Changes that could not be saved, in this session or another on the same store (the exit
    /// code says so).
    public var failedSaves: Int {
        get { store?.failedSaves ?? 0 }
        set { store?.failedSaves = newValue }
    }
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
        store?.adopt(world)
        installModulePath()
    }

    /// The layer of a session, if the session has one.
    public static func of(_ context: ExecutionContext) -> ModuleLayer? {
        context.extensionState[key] as? ModuleLayer
    }

    /// Makes a change to the world as one transaction of the store: applied to the latest state
    /// on disk (other processes may share the file) and saved before this returns. When the
    /// change cannot be saved it is not made: the command gets a non-terminating error (so `$?` is
    /// False), the session remembers it for the exit code, and the result is nil. Errors the
    /// change itself throws pass through.
    @discardableResult
    func change<T>(_ rt: CommandRuntime, _ body: (World) throws -> T) throws -> T? {
        guard let store else { return try body(world) }
        do {
            return try store.transaction(body)
        } catch let error as WorldStoreError {
            try reportSaveFailure(error, rt)
            return nil
        }
    }

    func reportSaveFailure(_ error: WorldStoreError, _ rt: CommandRuntime) throws {
        failedSaves += 1
        try rt.writeError(rt.makeError(.ioException, error.message, errorId: "TenantFileNotSaved", category: .WriteError,
                                       target: .string(store?.path ?? "")))
    }

    /// Catches up with changes other processes saved to the world file; the store's warnings
    /// (a file with unknown keys, a discarded journal) become the command's warnings.
    func refresh(_ rt: CommandRuntime) throws {
        guard let store else { return }
        store.refresh()
        for warning in store.takeWarnings() { try rt.writeWarning(warning) }
    }

    /// After each top-level statement: the saved changes go to the disk.
    public func topLevelStatementCompleted() {
        flush()
    }

    /// Forces the saved changes to the disk (after each top-level statement).
    func flush() {
        guard let store else { return }
        do {
            try store.flush()
        } catch let error as WorldStoreError {
            failedSaves += 1
            context.host.writeErrorText(error.message + "\n")
        } catch {
            failedSaves += 1
            context.host.writeErrorText("\(error)\n")
        }
    }

    /// Folds the session's changes into the world file and closes it (when teamsh exits). False
    /// when a change of the session was not saved, or the file could not be written.
    public func close() -> Bool {
        flush()
        guard let store else { return failedSaves == 0 }
        do {
            try store.close()
        } catch let error as WorldStoreError {
            failedSaves += 1
            context.host.writeErrorText("teamsh: " + error.message + "\n")
        } catch {
            failedSaves += 1
            context.host.writeErrorText("teamsh: \(error)\n")
        }
        return failedSaves == 0
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
    /// Reaching it catches up with what other processes saved to the world file.
    var layer: ModuleLayer {
        get throws {
            guard let layer = ModuleLayer.of(context) else {
                throw RuntimeError(.invalidOperationException, "The teamsh module layer is not installed in this session.",
                                   errorId: "ModuleLayerMissing", category: .InvalidOperation)
            }
            try layer.refresh(self)
            return layer
        }
    }

    /// Runs a world change: first only its checks (refusals become this command's
    /// non-terminating errors) when ShouldProcess will print or ask, then, if it agrees, for
    /// real as one transaction of the world file (`ModuleLayer.change`), where every operation
    /// checks the latest state before it changes anything. True when the change was made and saved.
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
        do {
            return try layer.change(self) { world in try body(world, false) } != nil
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
