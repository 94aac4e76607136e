/// teamsh's command line, read the way pwsh reads its own: `teamsh [-File] PATH [args…]`,
/// `-Command TEXT` / `-c TEXT` / `-Command -`, and the flags that change the session.
struct CommandLineOptions {
    enum Mode {
        /// No script: a REPL on a terminal, otherwise the piped lines as pwsh echoes them.
        case interactive
        /// `-File PATH args…` or a bare `PATH args…`.
        case file(path: String, arguments: [String])
        /// `-Command TEXT…` (the rest of the line joined by spaces); `-` reads standard input.
        case command(String)
        case version
        case help
        /// `-Golden DIR [-Update] [-Force] [-Mask] [-Filter TEXT] [-Timeout S] [-Json]`.
        case golden(GoldenRunner.Options)
    }

    var mode: Mode = .interactive
    var noProfile = false
    var noLogo = false
    var nonInteractive = false
    var tenantPath: String?
    /// `-StrictTenant`: refuse a world file with keys teamsh does not know.
    var strictTenant = false

    /// The problem with the command line, shown with the usage text (exit 64).
    struct UsageError: Error {
        let message: String
    }

    static func parse(_ args: [String]) throws -> CommandLineOptions {
        var o = CommandLineOptions()
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            guard a.hasPrefix("-") && a.count > 1 else {
                // The first argument that is not a flag is the script file; the rest are its arguments.
                o.mode = .file(path: a, arguments: Array(args[i...]))
                return o
            }
            let flag = String(a.drop { $0 == "-" }).lowercased()
            func matches(_ name: String, minimum: Int = 1) -> Bool {
                flag.count >= minimum && name.lowercased().hasPrefix(flag)
            }
            if flag == "c" || (matches("command", minimum: 1) && flag.hasPrefix("co")) {
                let rest = Array(args[i...])
                o.mode = .command(rest.joined(separator: " "))
                return o
            } else if matches("file", minimum: 1) {
                guard i < args.count else { throw UsageError(message: "Missing the argument to the -File parameter.") }
                o.mode = .file(path: args[i], arguments: Array(args[(i + 1)...]))
                return o
            } else if matches("noprofile", minimum: 3) {
                o.noProfile = true
            } else if matches("nologo", minimum: 3) {
                o.noLogo = true
            } else if matches("noninteractive", minimum: 3) {
                o.nonInteractive = true
            } else if matches("version", minimum: 1) && flag.hasPrefix("v") {
                o.mode = .version
                return o
            } else if flag == "?" || flag == "h" || matches("help", minimum: 1) {
                o.mode = .help
                return o
            } else if matches("golden", minimum: 1) {
                o.mode = .golden(try GoldenRunner.Options.parse(Array(args[i...])))
                return o
            } else if matches("stricttenant", minimum: 2) && flag.hasPrefix("st") {
                o.strictTenant = true
            } else if matches("tenant", minimum: 1) {
                guard i < args.count else { throw UsageError(message: "Missing the argument to the -Tenant parameter.") }
                o.tenantPath = args[i]
                i += 1
            } else {
                throw UsageError(message: "The argument '\(a)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
            }
        }
        return o
    }

    static let usage = """
    Usage: teamsh [-File] <path> [args]
           teamsh -Command { - | <text> }
           teamsh [-NoProfile] [-NoLogo] [-NonInteractive] [-Tenant <file>] [-StrictTenant] [-Version] [-Help]
           teamsh -Golden <folder> [-Update [-Force] [-Mask]] [-Filter <text>] [-Timeout <s>] [-Json]

    teamsh: an offline Microsoft Teams admin shell (a PowerShell 7.6 subset).

      -File, -f        Run a script file; the arguments after it go to the script.
      -Command, -c     Run the text that follows ('-' reads commands from standard input).
      -NoProfile       Accepted for pwsh compatibility (teamsh never loads a profile).
      -NoLogo          Do not print the banner in interactive mode.
      -NonInteractive  Fail instead of prompting (Read-Host, mandatory parameters).
      -Tenant <file>   Use (and save to) this world file instead of the built-in default
                       (also: the TEAMSH_TENANT environment variable; the flag wins).
      -StrictTenant    Refuse a world file with keys teamsh does not know (default: warn).
      -Golden <folder> Run every NAME.ps1 under the folder and compare its output with NAME.out,
                       NAME.err and NAME.code beside it (see the README's "Golden tests");
                       -Update writes the expected files of scripts that have none (-Force:
                       of every script; -Mask: GUIDs, dates, durations as placeholders).
      -Version, -v     Print teamsh's version and the PowerShell version it follows.
      -Help, -h, -?    Print this text.

    """
}
