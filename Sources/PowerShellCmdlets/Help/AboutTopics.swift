/// The conceptual help topics (`Get-Help about_*`): teamsh's own, and the PowerShell topics a
/// trainer reaches for, written in teamsh's words (the facts are pwsh's documentation's). Other
/// layers add theirs with `register` (the Teams topics come from the module layer).
public enum AboutTopics {
    public struct Topic {
        public let name: String
        public let shortDescription: String
        public let longDescription: String

        public init(name: String, shortDescription: String, longDescription: String) {
            self.name = name
            self.shortDescription = shortDescription
            self.longDescription = longDescription
        }

        /// The topic as Get-Help prints it.
        public var text: String {
            func indented(_ s: String) -> String {
                s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            }
            return "TOPIC\n    \(name)\n\nSHORT DESCRIPTION\n\(indented(shortDescription))\n\nLONG DESCRIPTION\n\(indented(longDescription))\n"
        }
    }

    nonisolated(unsafe) private static var added: [Topic] = []

    /// Adds topics (once per name).
    public static func register(_ topics: [Topic]) {
        for t in topics where !all.contains(where: { $0.name.caseInsensitiveCompare(t.name) == .orderedSame }) { added.append(t) }
    }

    /// Every topic, sorted by name.
    public static var all: [Topic] {
        (builtIn + added).sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    public static func topic(named name: String) -> Topic? {
        all.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    private static let builtIn: [Topic] = [
        Topic(name: "about_teamsh", shortDescription: "What teamsh is, how to run it, and where its world lives.", longDescription: """
        teamsh is an offline Microsoft Teams admin shell: a PowerShell 7.6 interpreter with
        the MicrosoftTeams module and PowerShellGet built in, working on a simulated tenant
        instead of a real one. Scripts written for pwsh and the MicrosoftTeams module run,
        print and fail as they would there, so they can be tried, taught and tested without
        an account.

        RUNNING IT
        teamsh script.ps1 [arguments]      runs a script (as pwsh -File)
        teamsh -Command 'text'             runs commands (as pwsh -Command)
        teamsh                             the interactive shell (PSReadLine keys)
        teamsh -Plan script.ps1            runs it on a copy of the world, saves nothing,
                                           and prints what it would change
        teamsh -Help                       every command-line switch

        THE WORLD
        Everything the Teams and PowerShellGet commands change (the tenant's users,
        groups, policies and assignments, the modules installed on this machine, the
        gallery) is the world. Without a world file teamsh starts from the embedded default
        world every time, so scripts and their expected outputs are repeatable: tenant
        JayTheAmazing, users Jay1 to Jay4 and Ken Myer, groups Sales and Engineering, and
        MicrosoftTeams 2.3.1 installed.

        teamsh -Tenant world.json (or $env:TEAMSH_TENANT) uses a world file instead: it is
        created from the default world when missing and each change is saved before its
        command returns, so a training environment can be prepared once and handed out.
        Several teamsh processes can share one file without losing a change; a change that
        cannot be saved is an error ($? is False, and teamsh exits with 74); keys teamsh does
        not know are named in a warning (-StrictTenant refuses such a file).
        Export-TeamsSimTenant, Import-TeamsSimTenant and Reset-TeamsSimTenant write, read and
        reset it; Compare-TeamsSimTenant lists what differs between two world files. A snapshot
        of a real tenant (tools/Export-TeamsWorld.ps1, run in pwsh) is a world file too.

        A FIRST SESSION
        Update-Module MicrosoftTeams      # 2.3.1 has no enhanced encryption cmdlets
        Connect-MicrosoftTeams            # every *-Cs* command needs it first
        Get-CsOnlineUser | Select-Object UserPrincipalName, DisplayName

        SEE ALSO
        about_TeamsSim, about_Teams_Enhanced_Encryption, about_Teams_Policy_Assignment,
        about_Pwsh, about_PSReadLine
        """),
        Topic(name: "about_Pwsh", shortDescription: "The command line of pwsh, as teamsh reads it.", longDescription: """
        teamsh reads the same switches as pwsh: names are case-insensitive, may be
        shortened (-c, -nop, -ep) and start with -, -- or /.

        -File path [arguments]
            Runs a script; a first argument that is not a switch is taken as the file.
            Arguments bind to the script's param() block: -Name value, -Name:value,
            -Switch:$false.
        -Command text | -
            Runs the rest of the command line as one command text; - reads the commands
            from standard input. Without text it is an error (exit code 64).
        -CommandWithArgs text [arguments]
            Runs the text with the following arguments in $args (or its param() block).
        -EncodedCommand base64
            The command text as Base64 of its UTF-16LE bytes:
            [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($text)).
        -NoExit
            Goes on interactively after -File or -Command.
        -NonInteractive / -Interactive
            Whether prompts (Read-Host, confirmations, missing mandatory parameters) may
            read from the console or from piped input; with -NonInteractive they fail.
        -WorkingDirectory path
            The location to start in.
        -ExecutionPolicy policy
            Checked as pwsh checks it; as on any Linux pwsh, nothing is enforced.
        -OutputFormat Text|XML, -InputFormat Text|XML
            XML writes the output objects as CLIXML, and reads piped CLIXML as $input.
        -NoProfile, -NoLogo, -Login, -SettingsFile path
            Accepted; teamsh reads no profile scripts.

        Piped standard input is the script's $input when the script reads $input;
        otherwise it stays for [Console]::In and for answers to prompts.

        Exit codes: the value of exit N; 1 after an error nobody caught; for -Command, 1
        when the last statement failed; 64 for a command line that cannot be used. Ctrl+C
        stops the running pipeline; -File then exits with 0 and -Command with 1, after
        running the finally blocks that were pending.
        """),
        Topic(name: "about_PSReadLine", shortDescription: "Editing commands at the teamsh prompt.", longDescription: """
        The interactive shell edits input as PSReadLine does on Linux (Emacs mode):

        Enter             run the input (an unfinished one gets a >> line)
        Left, Right       move a character (Ctrl+B, Ctrl+F)
        Ctrl+Left/Right   move a word (Alt+B, Alt+F)
        Home, End         start and end of the line (Ctrl+A, Ctrl+E)
        Backspace, Del    delete a character
        Ctrl+W, Alt+D     delete the word before / after the cursor
        Ctrl+K, Ctrl+U    delete to the end / start of the line
        Ctrl+Y            paste (yank) the text deleted last
        Ctrl+_            undo the last edit
        Up, Down          earlier and later commands
        Ctrl+R            search the history (bck-i-search)
        Tab               complete a command, parameter, path or value; twice: list
        Ctrl+L            clear the screen
        Ctrl+C            abandon the input, or stop the running command
        Ctrl+D            on an empty line: leave teamsh

        History is kept across sessions in
        ~/.local/share/powershell/PSReadLine/ConsoleHost_history.txt (see
        Get-PSReadLineOption); Get-History, Invoke-History (r) and Add-History work on
        this session's commands. Set-PSReadLineOption and Set-PSReadLineKeyHandler change
        the settings and keys; Get-PSReadLineKeyHandler lists the keys.

        The prompt is the output of the prompt function; define your own:
            function prompt { "[teamsh] $(Get-Location)> " }

        Colours follow $PSStyle; setting NO_COLOR in the environment turns them off.
        """),
        Topic(name: "about_Execution_Policies", shortDescription: "Why execution policies change nothing on Linux.", longDescription: """
        On Windows, execution policies decide which scripts may run (signed, downloaded,
        local). On Linux and macOS, pwsh does not enforce them: the policy is always
        Unrestricted and scripts run whatever their origin.

        teamsh behaves like pwsh on Linux. pwsh -ExecutionPolicy Bypass, common in CI
        scripts, is accepted (an unknown policy name is an error), and scripts run.
        """),
        Topic(name: "about_Splatting", shortDescription: "Passing parameters to a command from a hashtable or an array.", longDescription: """
        Splatting passes a collection of values to a command with @ instead of $:

            $grant = @{
                Identity   = 'Jay1@JayTheAmazing.onmicrosoft.com'
                PolicyName = 'CustomeE2EEPolicy'
            }
            Grant-CsTeamsEnhancedEncryptionPolicy @grant

        A hashtable gives named parameters (key = parameter name); an array gives
        positional ones, in order. A splatted hashtable can be combined with parameters
        written out; since PowerShell 7.1 a parameter written out wins over the same one in
        the hashtable. Inside functions, @PSBoundParameters and @args pass on what the
        function received.
        """),
        Topic(name: "about_Comment_Based_Help", shortDescription: "Writing help for your own functions and scripts.", longDescription: """
        A comment block at the start of a function's body (or just before the function, or
        at the top of a script) becomes its help when it uses help keywords:

            function Grant-TrainingPolicy {
                <#
                .SYNOPSIS
                Grants the training policy to a user.
                .PARAMETER Identity
                The user's user principal name.
                .EXAMPLE
                Grant-TrainingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com
                #>
                param([Parameter(Mandatory)] [string] $Identity)
                Grant-CsTeamsEnhancedEncryptionPolicy -Identity $Identity -PolicyName Training
            }

        Get-Help Grant-TrainingPolicy then shows it; -Examples shows the examples and
        -Parameter Identity the parameter's text. Keywords include .SYNOPSIS, .DESCRIPTION,
        .PARAMETER name, .EXAMPLE (one per example), .INPUTS, .OUTPUTS, .NOTES and .LINK.
        """),
        Topic(name: "about_Foreach_Parallel", shortDescription: "Running a script block for many objects at once with ForEach-Object -Parallel.", longDescription: """
        ForEach-Object -Parallel runs its script block for each piped object in a
        separate session (runspace), several at a time:

            $policy = 'CustomeE2EEPolicy'
            Get-Content ./users.txt | ForEach-Object -ThrottleLimit 10 -Parallel {
                Grant-CsTeamsEnhancedEncryptionPolicy -Identity $_ -PolicyName $using:policy
            }

        Each block sees only $_ and the $using: variables, whose values are read once when
        the command starts; variables and functions of the caller are not there. Objects
        passed with $using: are shared, not copied ([hashtable]::Synchronized(@{}) is the
        usual shared table). -ThrottleLimit (default 5) caps how many run together, and
        -TimeoutSeconds stops the rest after that time. Results arrive in the order the
        blocks finish; errors of a block are the command's errors.

        In teamsh the blocks share the world and the sign-in of Connect-MicrosoftTeams.
        They take turns on one interpreter, so waits overlap but CPU-bound work does not
        run faster. -AsJob is refused: teamsh has no background jobs.
        """),
    ]
}
