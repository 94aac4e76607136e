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
    public static func tenantPath(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["TEAMSH_TENANT"], !env.isEmpty { return env }
        return nil
    }

    /// A session on the embedded default world (nothing saved).
    public static func make(host: PSHostInterface, nonInteractive: Bool) -> ExecutionContext {
        make(host: host, nonInteractive: nonInteractive, world: World.defaultWorld(), store: nil)
    }

    /// A session on the world in `tenantPath` (created from the default world when missing,
    /// saved after every change). A file that does not parse or has an unknown schema version
    /// is refused: the error's message says why, and the file is left untouched.
    public static func make(host: PSHostInterface, nonInteractive: Bool, tenantPath: String?) throws -> ExecutionContext {
        guard let tenantPath else { return make(host: host, nonInteractive: nonInteractive) }
        let store = WorldStore(path: tenantPath)
        let world = try store.loadOrCreate()
        return make(host: host, nonInteractive: nonInteractive, world: world, store: store)
    }

    /// A session on a given world; `store` saves it after each change (nil: never saved).
    public static func make(host: PSHostInterface, nonInteractive: Bool, world: World, store: WorldStore?) -> ExecutionContext {
        let context = ExecutionContext(host: host)
        context.nonInteractive = nonInteractive
        Builtins.install(into: context)
        let views = FormatViewRegistry()
        installFormatting(context, views: views)
        ModuleLayer.install(into: context, world: world, store: store, views: views)
        return context
    }

    /// Out-Default and the error views through PowerShellFormatting.
    // NOTE: provisional wiring so module and Teams output render as pwsh's; the formatting
    // layer's own session wiring replaces it when it lands.
    static func installFormatting(_ context: ExecutionContext, views: FormatViewRegistry) {
        let hooks = context.hooks
        let source = FormatValueSource(
            propertyNames: { Members.propertyNames($0) },
            defaultDisplayProperties: { Members.defaultDisplayProperties($0) },
            property: { v, name in (try? Members.getProperty(v, name, hooks: hooks)) ?? nil },
            toString: { Conversion.toString($0, hooks: hooks) })
        let host = context.host
        let width = host.width
        var formatter: OutputFormatter?
        func current() -> OutputFormatter {
            if let f = formatter { return f }
            let f = OutputFormatter(width: width, registry: views, source: source,
                                    writeError: { host.writeErrorText($0 + "\n") }, write: { host.writeOutput($0 + "\n") })
            formatter = f
            return f
        }
        context.outDefault = { current().write($0) }
        context.outDefaultFlush = {
            formatter?.finish()
            formatter = nil
        }
        context.renderError = { record in ErrorView.concise(record, width: width, source: source).map { $0 + "\n" }.joined() }
        context.renderParseErrors = { errors in ErrorView.parseErrors(errors, width: width).map { $0 + "\n" }.joined() }
    }
}
