import PowerShellFormatting
import PowerShellRuntime

/// One session's formatting: the view registry (pwsh's built-in views plus what modules
/// register), the value source that reads objects through the runtime's members, and the
/// Out-Default formatter that keeps its table open across the statements of one run.
public final class SessionFormatting {
    public let registry: FormatViewRegistry
    public let source: FormatValueSource
    unowned let context: ExecutionContext
    private var formatter: OutputFormatter?

    init(context: ExecutionContext) {
        self.context = context
        registry = FormatViewRegistry()
        for view in CmdletViews.all { registry.register(view) }
        let hooks = context.hooks
        source = FormatValueSource(
            propertyNames: { Members.propertyNames($0) },
            defaultDisplayProperties: { Members.defaultDisplayProperties($0) },
            property: { v, name in (try? Members.getProperty(v, name, hooks: hooks, strict: true)) ?? nil },
            toString: { Conversion.toString($0, hooks: hooks) },
            format: { v, f in try? CompositeFormat.format("{0:" + f + "}", [v], hooks: hooks) })
    }

    /// The session's formatting state (created by `install`).
    public static func of(_ context: ExecutionContext) -> SessionFormatting {
        if let s = context.formattingState as? SessionFormatting { return s }
        let s = SessionFormatting(context: context)
        context.formattingState = s
        return s
    }

    /// `$FormatEnumerationLimit`.
    var enumerationLimit: Int {
        guard let v = context.variableValue("FormatEnumerationLimit"), let n = try? Conversion.toInt64(v) else { return 4 }
        return Int(clamping: n)
    }

    /// Installs Out-Default, the error views and the stream prefixes into the session.
    static func install(into context: ExecutionContext) {
        let state = SessionFormatting.of(context)
        let host = context.host
        context.outDefault = { [unowned state] v in state.outDefault(v) }
        // NOTE: pwsh holds a table back while its rows arrive (up to 0.3 s), so host text
        // written meanwhile appears first; the table closes only at the end of the run.
        context.outDefaultFlush = {}
        context.outDefaultEnd = { [unowned state] in state.endOutDefault() }
        context.renderError = { [unowned state] r in
            ErrorView.concise(r, width: host.width, source: state.source).map { $0 + "\n" }.joined()
        }
        context.renderParseErrors = { errs in ErrorView.parseErrors(errs, width: host.width).map { $0 + "\n" }.joined() }
        context.formatForFile = { [unowned state] values in state.text(values, width: host.width) }
        context.writeStreamText = { stream, text in
            switch stream {
            case .warning: host.writeOutput(ErrorView.streamLines(.warning, text).map { $0 + "\n" }.joined())
            case .verbose: host.writeOutput(ErrorView.streamLines(.verbose, text).map { $0 + "\n" }.joined())
            case .debug: host.writeOutput(ErrorView.streamLines(.debug, text).map { $0 + "\n" }.joined())
            default: host.writeOutput(text + "\n")
            }
        }
    }

    func outDefault(_ v: Value) {
        if formatter == nil {
            let host = context.host
            formatter = OutputFormatter(width: host.width, registry: registry, source: source, enumerationLimit: enumerationLimit,
                                        writeError: { host.writeErrorText($0 + "\n") }, write: { host.writeOutput($0 + "\n") })
        }
        formatter?.write(v)
    }

    func endOutDefault() {
        formatter?.finish()
        formatter = nil
    }

    /// `… | Out-String` / Out-File text: every line ends with a newline.
    func text(_ values: [Value], width: Int?) -> String {
        var text = ""
        let f = OutputFormatter.outString(width: width, unboundedTableWidth: context.host.width, registry: registry, source: source,
                                          enumerationLimit: enumerationLimit) { text += $0 + "\n" }
        for v in values { f.write(v) }
        f.finish()
        return text
    }

    /// The lines of these values (Out-String -Stream).
    func lines(_ values: [Value], width: Int?) -> [String] {
        var lines: [String] = []
        let f = OutputFormatter.outString(width: width, unboundedTableWidth: context.host.width, registry: registry, source: source,
                                          enumerationLimit: enumerationLimit) { lines.append($0) }
        for v in values { f.write(v) }
        f.finish()
        return lines
    }
}

/// Views for the objects these cmdlets create (pwsh's format data for them).
enum CmdletViews {
    /// CommandInfo.DisplayName: `gci -> Get-ChildItem` for aliases, else the name.
    static func displayName(_ v: Value) -> Value {
        guard case .object(let o) = v, let c = o as? CommandInfoObject else { return .null }
        if c.commandType == "Alias" { return .string(c.name + " -> " + c.definition) }
        return .string(c.name)
    }

    static var all: [FormatViewDefinition] {
        [
            FormatViewDefinition(name: "CommandInfo", typeNames: ["System.Management.Automation.CmdletInfo", "System.Management.Automation.FunctionInfo",
                                                                  "System.Management.Automation.AliasInfo", "System.Management.Automation.ApplicationInfo",
                                                                  "System.Management.Automation.CommandInfo"],
                                 control: .table(TableViewDefinition(columns: [
                                     .property("CommandType", width: 15), TableColumnDefinition(.script(CmdletViews.displayName), label: "Name", width: 50),
                                     .property("Version", width: 10), .property("Source"),
                                 ]))),
            FormatViewDefinition(name: "Microsoft.PowerShell.Commands.MemberDefinition", typeNames: ["Microsoft.PowerShell.Commands.MemberDefinition"],
                                 control: .table(TableViewDefinition(columns: [.property("Name"), .property("MemberType"), .property("Definition")])),
                                 groupBy: (.property("TypeName"), "TypeName")),
        ]
    }
}
