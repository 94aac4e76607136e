import PowerShellRuntime
import PowerShellCmdlets

/// Builds a fully wired teamsh session: the built-in cmdlets and aliases, pwsh's output
/// formatting, and the Teams modules. The executable, the golden tests and the future Pester
/// runner all start sessions here so they behave the same.
public enum TeamshSession {
    public static func make(host: PSHostInterface, nonInteractive: Bool) -> ExecutionContext {
        let context = ExecutionContext(host: host)
        context.nonInteractive = nonInteractive
        Builtins.install(into: context)
        return context
    }
}
