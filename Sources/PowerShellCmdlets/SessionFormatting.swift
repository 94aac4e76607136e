import PowerShellFormatting
import PowerShellRuntime

/// One session's formatting as the Out-String, Out-File and Format-* cmdlets use it: the
/// session's view registry and the value source that reads objects through the runtime.
struct SessionFormatting {
    let registry: FormatViewRegistry
    let source: FormatValueSource
    let context: ExecutionContext

    static func of(_ context: ExecutionContext) -> SessionFormatting {
        SessionFormatting(registry: OutputWiring.registry(of: context), source: OutputWiring.valueSource(context), context: context)
    }

    /// `$FormatEnumerationLimit`.
    static func enumerationLimit(_ context: ExecutionContext) -> Int {
        guard let v = context.variableValue("FormatEnumerationLimit"), let n = try? Conversion.toInt64(v) else { return 4 }
        return Int(clamping: n)
    }

    var enumerationLimit: Int { SessionFormatting.enumerationLimit(context) }

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
            // PowerShellCore_format_ps1xml.cs: Format-List of functions and filters, and of aliases.
            FormatViewDefinition(name: "System.Management.Automation.CommandInfo",
                                 typeNames: ["System.Management.Automation.FunctionInfo", "System.Management.Automation.FilterInfo"],
                                 control: .list([.property("Name"), .property("CommandType"), .property("Definition")])),
            FormatViewDefinition(name: "System.Management.Automation.AliasInfo", typeNames: ["System.Management.Automation.AliasInfo"],
                                 control: .list([.property("DisplayName"), .property("CommandType"), .property("Definition"),
                                                 .property("ReferencedCommand"), .property("ResolvedCommand")])),
            FormatViewDefinition(name: "Microsoft.PowerShell.Commands.MemberDefinition", typeNames: ["Microsoft.PowerShell.Commands.MemberDefinition"],
                                 control: .table(TableViewDefinition(columns: [.property("Name"), .property("MemberType"), .property("Definition")])),
                                 groupBy: (.property("TypeName"), "TypeName")),
        ]
    }
}
