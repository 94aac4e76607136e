import PowerShellSyntax
import PowerShellRuntime
import PowerShellFormatting

/// Connects a session's output hooks to pwsh's formatting: Out-Default for what reaches the
/// end of a top-level pipeline, the ConciseView for errors, stream prefixes, Out-File text.
public enum OutputWiring {
    /// The value source formatting reads objects through: the runtime's members and conversions.
    public static func valueSource(_ context: ExecutionContext) -> FormatValueSource {
        let hooks = context.hooks
        return FormatValueSource(
            propertyNames: { Members.propertyNames($0) },
            defaultDisplayProperties: { Members.defaultDisplayProperties($0) },
            // A property expression reads real properties only (pwsh's PSPropertyExpression):
            // no `.Count`/`.Length` of one for a scalar.
            property: { v, n in (try? Members.getProperty(v, n, hooks: hooks, strict: true)) ?? nil },
            toString: { displayText($0, hooks: hooks) },
            format: { v, f in try? NumberFormatting.toString(v, format: f) })
    }

    /// The text Out-Default shows for a value: the current culture's (en-US) `ToString()` for
    /// .NET objects such as dates and for infinities, PowerShell's own conversion otherwise.
    static func displayText(_ v: Value, hooks: RuntimeHooks) -> String {
        switch v {
        case .object(let o) where o is PSDotNetObject: return Members.dotnetToString(v, hooks: hooks)
        default: return Conversion.displayString(v, hooks: hooks)
        }
    }

    /// The per-session view registry (modules add their views to it).
    public static func registry(of context: ExecutionContext) -> FormatViewRegistry {
        if let r = context.formattingState as? FormatViewRegistry { return r }
        let r = FormatViewRegistry()
        for view in CmdletViews.all + FileSystemViews.all + SessionHistory.views + PSReadLineCmdlets.views
            + UtilityCmdlets.views + GetProcessCommand.views + GetErrorCommand.views { r.register(view) }
        context.formattingState = r
        return r
    }

    /// A formatter writing to the host at its width: the session's Out-Default, and each
    /// `Out-Host`/`Out-Default` command, which formats its own input from its first object on.
    /// Both are pwsh's OutCommandInner: a table's columns are sized from the rows that arrive
    /// within 300 ms, which are then written, and the rest streamed.
    static func hostFormatter(_ context: ExecutionContext, registry: FormatViewRegistry? = nil, source: FormatValueSource? = nil) -> OutputFormatter {
        let host = context.host
        let f = OutputFormatter(width: host.width, registry: registry ?? self.registry(of: context), source: source ?? valueSource(context),
                                enumerationLimit: SessionFormatting.enumerationLimit(context),
                                writeError: { host.writeErrorText($0 + "\n") },
                                write: { host.writeOutput($0 + "\n") })
        f.groupingTimeout = 0.3
        f.style = consoleStyle(redirected: host.redirection.output)
        return f
    }

    /// The console's colours when `$PSStyle.OutputRendering` lets them reach it (a terminal
    /// under `Host`, always under `Ansi`, never under `PlainText`, which NO_COLOR sets).
    static func consoleStyle(redirected: Bool) -> OutputStyle? {
        PSStyle.instance.usesColor(outputRedirected: redirected) ? .fromPSStyle() : nil
    }

    /// Every line of `text` in `color`.
    static func colored(_ text: String, _ color: String?, _ style: OutputStyle?) -> String {
        guard let color, let style else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { color + $0 + style.reset }.joined(separator: "\n")
    }

    public static func install(into context: ExecutionContext) {
        context.output = ConsoleOutput(context)
    }
}

/// A session's output as pwsh's console shows it: Out-Default through the formatter at the
/// host's width, ConciseView errors, stream prefixes, Out-File's text.
final class ConsoleOutput: SessionOutput {
    private unowned let context: ExecutionContext
    private let host: PSHostInterface
    private let source: FormatValueSource
    private let registry: FormatViewRegistry
    /// The Out-Default run in progress.
    private var formatter: OutputFormatter?

    init(_ context: ExecutionContext) {
        self.context = context
        host = context.host
        source = OutputWiring.valueSource(context)
        registry = OutputWiring.registry(of: context)
    }

    /// Read for each use, so a resized terminal formats the next output at its new width
    /// (pwsh reads the console's window width).
    private var width: Int { host.width }

    func outDefault(_ value: Value) {
        if formatter == nil { formatter = OutputWiring.hostFormatter(context, registry: registry, source: source) }
        formatter?.write(value)
    }

    // NOTE: pwsh's Out-Default keeps one table open across the statements of a script (and
    // holds its rows back while they arrive, so host text written meanwhile comes first); it
    // closes the table when the run ends.
    func endStatement() {}

    func endRun() {
        if let f = formatter {
            formatter = nil
            f.finish()
        }
    }

    func render(_ record: ErrorRecord) -> String {
        let lines = ErrorView.concise(record, width: width, source: source)
        guard let style = OutputWiring.consoleStyle(redirected: host.redirection.error) else { return lines.map { $0 + "\n" }.joined() }
        return lines.map { style.error + $0 + style.reset + "\n" }.joined()
    }

    func render(_ errors: [ParseError]) -> String {
        ErrorView.parseErrors(errors, width: width).map { $0 + "\n" }.joined()
    }

    func writeStreamText(_ stream: RedirectionStream, _ text: String) {
        let style = OutputWiring.consoleStyle(redirected: host.redirection.output)
        switch stream {
        case .warning: host.writeOutput(OutputWiring.colored(HostText.streamLine(.warning, text), style?.warning, style) + "\n")
        case .verbose: host.writeOutput(OutputWiring.colored(HostText.streamLine(.verbose, text), style?.verbose, style) + "\n")
        case .debug: host.writeOutput(OutputWiring.colored(HostText.streamLine(.debug, text), style?.debug, style) + "\n")
        default: host.writeOutput(text + "\n")
        }
    }

    func formatForFile(_ values: [Value]) -> String {
        SessionFormatting.of(context).text(values, width: width)
    }
}
