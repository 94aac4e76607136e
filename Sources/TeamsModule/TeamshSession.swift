import Foundation
import PowerShellRuntime
import PowerShellFormatting
import PowerShellCmdlets
import TeamsTenant

/// Builds a fully wired teamsh session: the built-in cmdlets and aliases, pwsh's output
/// formatting, and the module layer (PowerShellGet, Get-/Import-/Remove-Module, #Requires, the
/// MicrosoftTeams versions and the simulated tenant). The executable, the golden tests and the
/// future Pester runner all start sessions here so they behave the same.
public enum TeamshSession {
    /// The world file named by `-Tenant FILE` or, without the flag, `$env:TEAMSH_TENANT`.
    public static func tenantPath(flag: String?, environment: (String) -> String? = ProcessEnvironment.value) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment("TEAMSH_TENANT"), !env.isEmpty { return env }
        return nil
    }

    /// A session on the embedded default world (nothing saved).
    public static func make(host: PSHostInterface, nonInteractive: Bool) -> ExecutionContext {
        make(host: host, nonInteractive: nonInteractive, world: World.defaultWorld(), store: nil)
    }

    /// A session on the world in `tenantPath` (created from the default world when missing),
    /// kept by a `WorldStore`: each change is saved before its cmdlet returns, and `close` folds
    /// them into the file. A file that does not parse, has an unknown schema version or (with
    /// `strictTenant`) keys teamsh does not know is refused: the error's message says why, and the
    /// file is left untouched. Unknown keys otherwise become a warning on the host.
    public static func make(host: PSHostInterface, nonInteractive: Bool, tenantPath: String?, strictTenant: Bool = false,
                            environment: (String) -> String? = ProcessEnvironment.value) throws -> ExecutionContext {
        guard let tenantPath else { return make(host: host, nonInteractive: nonInteractive) }
        let store = WorldStore(path: tenantPath, options: .fromEnvironment(environment, strict: strictTenant))
        let world = try store.loadOrCreate()
        reportLoadWarnings(world, to: host)
        for warning in store.takeWarnings() { host.writeOutput("WARNING: " + warning + "\n") }
        return make(host: host, nonInteractive: nonInteractive, world: world, store: store)
    }

    /// Ends a session: folds its world file's journal into the file. False when a change of the
    /// session could not be saved (the error was written), which teamsh's exit code reports.
    public static func close(_ context: ExecutionContext) -> Bool {
        ModuleLayer.of(context)?.close() ?? true
    }

    /// Prints what loading a world file left out (policy types, settings teamsh does not
    /// simulate) as pwsh prints warnings, before anything runs.
    public static func reportLoadWarnings(_ world: World, to host: PSHostInterface) {
        for warning in world.loadWarnings { host.writeOutput("WARNING: " + warning + "\n") }
    }

    /// A session on a given world; `store` saves it after each change (nil: never saved).
    public static func make(host: PSHostInterface, nonInteractive: Bool, world: World, store: WorldStore?) -> ExecutionContext {
        make(host: host, nonInteractive: nonInteractive, world: world, store: store, process: ProcessState())
    }

    static func make(host: PSHostInterface, nonInteractive: Bool, world: World, store: WorldStore?, process: ProcessState) -> ExecutionContext {
        let context = ExecutionContext(host: host)
        context.nonInteractive = nonInteractive
        Builtins.install(into: context)
        ModuleLayer.install(into: context, world: world, store: store, views: OutputWiring.registry(of: context), process: process)
        context.runspaces = Runspaces(world: world, store: store, process: process)
        return context
    }
}

/// A new session on the same world, with the process-wide module state (loaded assemblies,
/// sign-in): `[powershell]::Create()` runs its commands there (not interactive), and each
/// ForEach-Object -Parallel task runs in one.
private final class Runspaces: RunspaceProvider {
    let world: World
    let store: WorldStore?
    let process: ProcessState

    init(world: World, store: WorldStore?, process: ProcessState) {
        self.world = world
        self.store = store
        self.process = process
    }

    func makeRunspace(for parent: ExecutionContext) -> ExecutionContext {
        let runspace = TeamshSession.make(host: parent.host, nonInteractive: true, world: world, store: store, process: process)
        runspace.currentLocation = parent.currentLocation
        return runspace
    }
}
