import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// Where Get-Help finds what it shows besides the session's own commands: the commands of
/// installed modules that are not imported yet (pwsh's help system looks them up without
/// importing), the `about_` topics, and the list of matching topics for a wildcard (pwsh's
/// HelpInfoShort objects, shown as its "help" table view).
enum HelpLookup {
    /// One entry of a help listing.
    struct Entry {
        let name: String
        let category: String
        let module: String
        let synopsis: String
    }

    /// The declaration of a command that an installed, not yet imported module exports.
    static func availableCommand(_ name: String, _ context: ExecutionContext) -> CommandDeclaration? {
        context.availableModuleCommands?().first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.declaration
    }

    /// Every help topic whose name matches `pattern`: aliases, functions, cmdlets (also of
    /// installed modules), then about topics, as pwsh lists them by category.
    static func matches(_ pattern: WildcardPattern, _ context: ExecutionContext) -> [Entry] {
        var entries: [Entry] = []
        var seen: Set<String> = []
        func add(_ e: Entry) {
            guard pattern.matches(e.name), seen.insert(e.name.lowercased()).inserted else { return }
            entries.append(e)
        }
        var aliases: [AliasInfo] = []
        var functions: [FunctionInfo] = []
        var scope: Scope? = context.currentScope
        while let s = scope {
            aliases += s.aliases.values
            functions += s.functions.values
            scope = s.parent
        }
        for a in aliases.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            add(Entry(name: a.name, category: "Alias", module: "", synopsis: a.definition))
        }
        for f in functions.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            add(Entry(name: f.name, category: "Function", module: f.moduleName, synopsis: CommentHelp(f.helpText ?? "").synopsis ?? ""))
        }
        let commands = context.cmdlets.values.map(\.declaration) + (context.availableModuleCommands?().compactMap(\.declaration) ?? [])
        for d in commands.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            let synopsis = d.synopsis ?? d.helpText.flatMap { CommentHelp($0).synopsis } ?? ""
            add(Entry(name: d.name, category: d.commandType == "Cmdlet" ? "Cmdlet" : "Function", module: d.moduleName, synopsis: synopsis))
        }
        for topic in AboutTopics.all {
            add(Entry(name: topic.name, category: "HelpFile", module: "", synopsis: topic.shortDescription))
        }
        return entries
    }

    /// The listing objects (HelpInfoShort).
    static func listing(_ entries: [Entry]) -> [Value] {
        entries.map { e in
            .object(NativeRecord(typeNames: ["HelpInfoShort"], [
                ("Name", .string(e.name)), ("Category", .string(e.category)), ("ModuleName", .string(e.module)),
                ("Synopsis", .string(e.synopsis)), ("Length", .int(Int32(clamping: e.synopsis.count))),
            ]))
        }
    }

    /// pwsh's "help" table view of HelpInfoShort (Help_format_ps1xml.cs).
    static var views: [FormatViewDefinition] {
        [
            FormatViewDefinition(name: "help", typeNames: ["HelpInfoShort"], control: .table(TableViewDefinition(columns: [
                .property("Name", width: 33), .property("Category", width: 9),
                TableColumnDefinition(.property("ModuleName"), label: "Module", width: 25), .property("Synopsis"),
            ]))),
        ]
    }

    /// `Get-Help` without a name: how to get help, in teamsh's words.
    static let defaultTopic = """

    TOPIC
        teamsh and PowerShell help

    SHORT DESCRIPTION
        Displays help about the commands and concepts of teamsh, the offline Microsoft
        Teams admin shell.

    LONG DESCRIPTION
        Get-Help shows the help of a command (Get-Help Get-CsOnlineUser), of one of its
        parameters (Get-Help Get-CsOnlineUser -Parameter Identity) or its examples
        (Get-Help Grant-CsTeamsEnhancedEncryptionPolicy -Examples). The MicrosoftTeams
        commands have help even before the module is imported.

        Get-Help about_* lists the conceptual topics; start with about_teamsh.
        Get-Help *Policy* lists every command and topic whose name matches.

        help is Get-Help with the full view, shown a page at a time.

        Cmdlets of PowerShell itself have no help files here, as on a fresh pwsh: Get-Help
        shows their syntax and aliases.

    """
}
