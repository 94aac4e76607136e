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
            property: { v, n in (try? Members.getProperty(v, n, hooks: hooks)) ?? nil },
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
        for view in CmdletViews.all + FileSystemViews.all { r.register(view) }
        context.formattingState = r
        return r
    }

    /// A formatter writing to the host at its width: the session's Out-Default, and each
    /// `Out-Host`/`Out-Default` command, which formats its own input from its first object on.
    static func hostFormatter(_ context: ExecutionContext, registry: FormatViewRegistry? = nil, source: FormatValueSource? = nil) -> OutputFormatter {
        let host = context.host
        return OutputFormatter(width: host.width, registry: registry ?? self.registry(of: context), source: source ?? valueSource(context),
                               enumerationLimit: SessionFormatting.enumerationLimit(context),
                               writeError: { host.writeErrorText($0 + "\n") },
                               write: { host.writeOutput($0 + "\n") })
    }

    public static func install(into context: ExecutionContext) {
        let host = context.host
        let source = valueSource(context)
        let registry = registry(of: context)
        let width = host.width
        var formatter: OutputFormatter?
        func current() -> OutputFormatter {
            if let f = formatter { return f }
            let f = hostFormatter(context, registry: registry, source: source)
            formatter = f
            return f
        }
        context.outDefault = { v in current().write(v) }
        // NOTE: pwsh's Out-Default keeps one table open across the statements of a script (and
        // holds its rows back while they arrive, so host text written meanwhile comes first);
        // it closes the table when the run ends.
        context.outDefaultFlush = {}
        context.outDefaultEnd = {
            if let f = formatter {
                formatter = nil
                f.finish()
            }
        }
        context.renderError = { record in
            ErrorView.concise(record, width: width, source: source).map { $0 + "\n" }.joined()
        }
        context.renderParseErrors = { errors in
            ErrorView.parseErrors(errors, width: width).map { $0 + "\n" }.joined()
        }
        context.writeStreamText = { stream, text in
            switch stream {
            case .warning: host.writeOutput(HostText.streamLine(.warning, text) + "\n")
            case .verbose: host.writeOutput(HostText.streamLine(.verbose, text) + "\n")
            case .debug: host.writeOutput(HostText.streamLine(.debug, text) + "\n")
            default: host.writeOutput(text + "\n")
            }
        }
        context.formatForFile = { values in
            SessionFormatting.of(context).text(values, width: width)
        }
    }
}
