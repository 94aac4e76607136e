import Foundation
import PowerShellRuntime

/// What Get-Help finds besides the session's own commands: the commands of installed modules
/// that are not imported yet (pwsh's help system looks them up without importing), and the
/// rows a wildcard listing shows for aliases and `about_` topics (pwsh's AliasHelpInfo and
/// HelpFileHelpInfo, listed as HelpInfoShort through HelpViews' "help" table).
enum HelpLookup {
    /// The declaration of a command that an installed, not yet imported module exports.
    static func availableCommand(_ name: String, _ context: ExecutionContext) -> CommandDeclaration? {
        context.availableModuleCommands?().first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.declaration
    }

    /// An alias's help (AliasHelpInfo at v7.6.5): its name, category Alias, and the command it
    /// stands for as its synopsis.
    static func aliasEntry(_ alias: CommandInfoObject) -> PSCustomObject {
        let target = alias.resolvedCommandName ?? alias.definition
        let entry = PSCustomObject([("Name", .string(alias.name)), ("Category", .string("Alias")), ("Synopsis", .string(target)),
                                    ("Component", .null), ("Role", .null), ("Functionality", .null)])
        entry.extraTypeNames = ["AliasHelpInfo#" + alias.name, "AliasHelpInfo", "HelpInfo"]
        return entry
    }

    /// An about topic's listing entry (category HelpFile, its short description as synopsis).
    static func aboutEntry(_ topic: AboutTopics.Topic) -> PSCustomObject {
        let entry = PSCustomObject([("Name", .string(topic.name)), ("Category", .string("HelpFile")),
                                    ("Synopsis", .string(topic.shortDescription)), ("Component", .null), ("Role", .null),
                                    ("Functionality", .null), ("ModuleName", .string(""))])
        entry.extraTypeNames = ["HelpFileHelpInfo", "HelpInfo"]
        return entry
    }

    /// The about topic an entry made by `aboutEntry` stands for.
    static func aboutTopic(of entry: PSCustomObject) -> AboutTopics.Topic? {
        guard entry.extraTypeNames.first == "HelpFileHelpInfo", case .string(let name)? = entry.get("Name") else { return nil }
        return AboutTopics.topic(named: name)
    }

    /// The command an alias entry made by `aliasEntry` stands for.
    static func aliasTarget(of entry: PSCustomObject) -> String? {
        guard entry.extraTypeNames.contains("AliasHelpInfo"), case .string(let target)? = entry.get("Synopsis") else { return nil }
        return target
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
