import Foundation
import PowerShellRuntime

/// `Get-Help [[-Name] <string>] [-Full] [-Detailed] [-Examples] [-Parameter <string[]>]`:
/// generated help for cmdlets (no help files are installed, as on a fresh pwsh) and
/// comment-based help for functions.
final class GetHelpCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let name = rt.bound.string("Name") ?? "Get-Help"
        try rt.writeError(notFound(name, rt))
    }

    func notFound(_ name: String, _ rt: CommandRuntime) -> ErrorRecord {
        rt.error("HelpNotFound",
                 "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116.",
                 .ResourceUnavailable, target: .string(name), type: .custom(["Microsoft.PowerShell.Commands.HelpNotFoundException", "System.SystemException", "System.Exception"]))
    }
}
