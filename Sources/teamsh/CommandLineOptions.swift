import Foundation

/// teamsh's command line, read the way pwsh's CommandLineParameterParser reads its own (about_Pwsh):
/// switches start with `-`, `--` or `/` and may be shortened to their smallest unambiguous
/// prefix; the first argument that is not a switch is the script file, and everything after
/// `-File PATH`, `-Command TEXT` or `-CommandWithArgs TEXT` belongs to it. Errors carry pwsh's
/// texts (CommandLineParameterParserStrings.resx) and end teamsh with exit code 64.
struct CommandLineOptions {
    enum Mode {
        /// No script: a REPL on a terminal, otherwise the piped lines as pwsh echoes them.
        case interactive
        /// `-File PATH args…` or a bare `PATH args…`.
        case file(path: String, arguments: [String])
        /// `-Command TEXT…` (the rest of the line joined by spaces), `-EncodedCommand`, or
        /// `-CommandWithArgs TEXT args…` (the arguments become `$args`).
        case command(String, arguments: [String]?)
        /// `-Command -`: the commands are read from stdin, without prompts.
        case commandFromStdin
        case version
        case help
        /// `-Golden DIR [-Update] [-Force] [-Mask] [-Filter TEXT] [-Timeout S] [-Json]`.
        case golden(GoldenRunner.Options)
    }

    enum DataFormat: String, CaseIterable {
        case text = "Text", xml = "XML", none = "None"
    }

    var mode: Mode = .interactive
    var noProfile = false
    var noLogo = false
    var nonInteractive = false
    var noExit = false
    var login = false
    var executionPolicy: String?
    var workingDirectory: String?
    var settingsFile: String?
    var outputFormat = DataFormat.text
    var inputFormat = DataFormat.text
    var tenantPath: String?
    /// `-StrictTenant`: refuse a world file with keys teamsh does not know.
    var strictTenant = false
    /// `-EncodedCommand` was used.
    var commandWasEncoded = false
    /// `-Plan`, and `-OutputFormat Json` (the plan's form).
    var plan = PlanOptions()

    /// A command line teamsh cannot use: pwsh's message on stderr, then (when `showHelp`)
    /// the usage text on stdout; exit code 64.
    struct UsageError: Error {
        let message: String
        var showHelp = false
    }

    /// pwsh's own switches, for the "did you mean" list of an unknown one (s_validParameters,
    /// without the Windows-only ones teamsh does not list) plus teamsh's `-Tenant`, `-Golden` and `-Plan`.
    static let validParameters = [
        "command", "commandwithargs", "configurationname", "custompipename", "encodedcommand", "executionpolicy", "file",
        "golden", "help", "inputformat", "login", "noexit", "nologo", "noninteractive", "noprofile", "noprofileloadtime",
        "outputformat", "plan", "settingsfile", "stricttenant", "tenant", "version", "workingdirectory",
    ]

    /// `text.trimmingCharacters(in: .whitespaces)` (tabs and Unicode space separators at either
    /// end), without Foundation's character set, whose first use cost a fifteenth of start-up.
    static func trimmingSpaces(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    static func parse(_ args: [String], stdinIsRedirected: Bool = isatty(0) == 0) throws -> CommandLineOptions {
        var o = CommandLineOptions()
        var noExitSeen = false
        var commandSeen = false
        var i = 0
        /// The argument after switch `name`, or the error `missing`.
        func value(_ missing: String, showHelp: Bool = false) throws -> String {
            i += 1
            guard i < args.count else { throw UsageError(message: missing, showHelp: showHelp) }
            return args[i]
        }
        while i < args.count {
            let raw = trimmingSpaces(args[i])
            guard let first = raw.first, first == "-" || first == "/" || first == "\u{2013}" || first == "\u{2014}" else {
                // The first argument that is not a switch is the script file.
                if raw.isEmpty { i += 1; continue }
                o.mode = try fileMode(args, from: i, noExitSeen: noExitSeen)
                if !noExitSeen { o.noExit = false }
                return o
            }
            var key = String(raw.dropFirst())
            if first != "/", key.first == "-" { key.removeFirst() }
            key = key.lowercased()
            func matches(_ name: String, _ shortest: String) -> Bool {
                key.count >= shortest.count && name.hasPrefix(key)
            }
            if matches("version", "v") {
                o.mode = .version
                return o
            } else if matches("help", "h") || key == "?" {
                o.mode = .help
                return o
            } else if matches("golden", "g") {
                // teamsh's own: the rest of the line is the golden runner's.
                o.mode = .golden(try GoldenRunner.Options.parse(Array(args[(i + 1)...])))
                return o
            } else if matches("login", "l") {
                // NOTE: on Linux pwsh's -Login starts a login shell (profile scripts of the
                // system shell); teamsh reads no profiles, so it only accepts the switch.
                o.login = true
            } else if matches("noexit", "noe") {
                o.noExit = true
                noExitSeen = true
            } else if matches("noprofile", "nop") || key == "noprofileloadtime" {
                o.noProfile = true
            } else if matches("nologo", "nol") {
                o.noLogo = true
            } else if matches("noninteractive", "noni") {
                o.nonInteractive = true
            } else if matches("interactive", "i") {
                o.nonInteractive = false
            } else if matches("commandwithargs", "commandwithargs") || key == "cwa" {
                guard !commandSeen else { throw UsageError(message: Text.commandAlreadySpecified, showHelp: true) }
                let text = try value(Text.missingCommand, showHelp: true)
                o.mode = .command(text, arguments: Array(args[(i + 1)...]))
                if !noExitSeen { o.noExit = false }
                return o
            } else if matches("command", "c") {
                guard !commandSeen else { throw UsageError(message: Text.commandAlreadySpecified, showHelp: true) }
                let text = try value(Text.missingCommand, showHelp: true)
                if text == "-" {
                    guard i + 1 == args.count else { throw UsageError(message: Text.tooManyParametersToCommand, showHelp: true) }
                    guard stdinIsRedirected else { throw UsageError(message: Text.stdinNotRedirected, showHelp: true) }
                    o.mode = .commandFromStdin
                } else {
                    o.mode = .command(args[i...].joined(separator: " "), arguments: nil)
                    if !noExitSeen { o.noExit = false }
                }
                return o
            } else if matches("encodedcommand", "e") || key == "ec" {
                guard !commandSeen else { throw UsageError(message: Text.commandAlreadySpecified, showHelp: true) }
                let encoded = try value(Text.missingCommand, showHelp: true)
                guard let text = decodeBase64UTF16(encoded) else { throw UsageError(message: Text.badCommandValue, showHelp: true) }
                o.mode = .command(text, arguments: nil)
                o.commandWasEncoded = true
                commandSeen = true
                if !noExitSeen { o.noExit = false }
            } else if matches("file", "f") {
                guard i + 1 < args.count else { throw UsageError(message: Text.missingFile, showHelp: true) }
                if args[i + 1] == "-" {
                    // `-File -`: the commands come from stdin, with prompts (as a piped session).
                    o.mode = .interactive
                    return o
                }
                o.mode = try fileMode(args, from: i + 1, noExitSeen: noExitSeen)
                if !noExitSeen { o.noExit = false }
                return o
            } else if matches("outputformat", "o") || key == "of" {
                let given = try value(Text.missingOutputFormat(DataFormat.allCases), showHelp: true)
                if !o.plan.readFormat(given) { o.outputFormat = try format(given) }
            } else if matches("inputformat", "inp") || key == "if" {
                o.inputFormat = try format(try value(Text.missingInputFormat(DataFormat.allCases), showHelp: true))
            } else if matches("executionpolicy", "ex") || key == "ep" {
                let policy = try value(Text.missingExecutionPolicy, showHelp: true)
                guard executionPolicies.contains(policy.lowercased()) else {
                    throw UsageError(message: "Invalid ExecutionPolicy value '\(policy)'.", showHelp: true)
                }
                // NOTE: pwsh on Linux does not enforce execution policies (always Unrestricted);
                // the value is checked as pwsh checks it and otherwise has no effect.
                o.executionPolicy = policy
            } else if matches("settingsfile", "settings") {
                let path = try value(Text.missingSettingsFile)
                let full = URL(fileURLWithPath: path).standardizedFileURL.path
                guard FileManager.default.fileExists(atPath: full) else {
                    throw UsageError(message: "The argument '\(full)' passed to the -SettingsFile does not exist. Provide the path to an existing json file as an argument to the -SettingsFile parameter.")
                }
                o.settingsFile = full
            } else if matches("workingdirectory", "wo") || key == "wd" {
                o.workingDirectory = try value(Text.missingWorkingDirectory)
            } else if matches("configurationname", "config") {
                _ = try value("Cannot process the command because -ConfigurationName requires an argument that is a remote endpoint configuration name. Specify this argument and try again.")
                throw UsageError(message: Text.notOffered("-ConfigurationName"))
            } else if matches("custompipename", "cus") {
                _ = try value("Cannot process the command because -CustomPipeName requires an argument that is a name of the pipe you want to use. Specify this argument and try again.")
                throw UsageError(message: Text.notOffered("-CustomPipeName"))
            } else if matches("windowstyle", "w") {
                throw UsageError(message: "Parameter -WindowStyle is not implemented on this platform.")
            } else if key == "sta" {
                throw UsageError(message: "Parameter -STA is not supported on this platform.")
            } else if key == "mta" {
                throw UsageError(message: "Parameter -MTA is not supported on this platform.")
            } else if matches("sshservermode", "sshs") || matches("servermode", "s") || matches("namedpipeservermode", "nam")
                        || matches("socketservermode", "so") {
                throw UsageError(message: Text.notOffered(args[i]))
            } else if matches("stricttenant", "st") {
                o.strictTenant = true
            } else if matches("plan", "pl") {
                o.plan.enabled = true
            } else if matches("tenant", "t") {
                o.tenantPath = try value("Missing the argument to the -Tenant parameter.")
            } else {
                // pwsh: the first switch it does not know starts the file name.
                o.mode = try fileMode(args, from: i, noExitSeen: noExitSeen)
                return o
            }
            i += 1
        }
        return o
    }

    /// `-File PATH args…`: the script must exist (pwsh checks before anything runs).
    private static func fileMode(_ args: [String], from i: Int, noExitSeen: Bool) throws -> Mode {
        let path = args[i]
        var isDirectory: ObjCBool = false
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
            if path.hasPrefix("-") && path.count > 1 {
                let typed = String(path.dropFirst()).lowercased()
                let possible = validParameters.filter { $0.contains(typed) }
                if !possible.isEmpty {
                    throw UsageError(message: "Invalid argument '\(path)', did you mean:\n" + possible.map { "\n  -" + $0 }.joined())
                }
            }
            throw UsageError(message: "The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
                             showHelp: true)
        }
        return .file(path: path, arguments: Array(args[(i + 1)...]))
    }

    private static func format(_ text: String) throws -> DataFormat {
        guard let f = DataFormat.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw UsageError(message: Text.badFormat(text, DataFormat.allCases), showHelp: true)
        }
        return f
    }

    static let executionPolicies: Set<String> = ["default", "remotesigned", "bypass", "allsigned", "restricted", "unrestricted", "undefined"]

    /// `-EncodedCommand`: Base64 of the command's UTF-16LE bytes.
    static func decodeBase64UTF16(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text), data.count % 2 == 0 else { return nil }
        let units = stride(from: 0, to: data.count, by: 2).map { UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8 }
        return String(decoding: units, as: UTF16.self)
    }

    /// pwsh's command-line texts (CommandLineParameterParserStrings.resx).
    enum Text {
        static let commandAlreadySpecified = "Cannot process command because a command is already specified with -Command, -CommandWithArgs, or -EncodedCommand."
        static let missingCommand = "Cannot process the command because of a missing parameter. A command must follow -Command."
        static let tooManyParametersToCommand = "'-' was specified with the -Command parameter; no other arguments to -Command are permitted."
        static let stdinNotRedirected = "'-' was specified as the argument to -Command but standard input has not been redirected for this process."
        static let badCommandValue = "Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded."
        static let missingFile = "The command cannot be run because the File parameter requires a file path. Supply a path for the File parameter and then try the command again."
        static let missingExecutionPolicy = "Cannot process the execution policy because of a missing policy name. A policy name must follow -ExecutionPolicy."
        static let missingSettingsFile = "Cannot process the command because -SettingsFile requires an argument that is a file path."
        static let missingWorkingDirectory = "Cannot process the command because -WorkingDirectory requires an argument that is a directory path."

        static func formats(_ all: [DataFormat]) -> String { all.map { $0.rawValue + "\n" }.joined() }

        static func missingOutputFormat(_ all: [DataFormat]) -> String {
            "The command cannot be run because no argument has been supplied for the OutputFormat parameter.\nSpecify one of the following formats for this parameter:\n" + formats(all)
        }

        static func missingInputFormat(_ all: [DataFormat]) -> String {
            "Cannot process the command because the -InputFormat parameter requires an argument. Specify a valid format argument for this parameter.\nValid formats are:\n" + formats(all)
        }

        static func badFormat(_ value: String, _ all: [DataFormat]) -> String {
            "Cannot process the command because of an incorrect parameter value. \"\(value)\" is not a valid format.\nValid formats are:\n" + formats(all)
        }

        /// NOTE: remoting endpoints and server modes do not exist in teamsh (README limits).
        static func notOffered(_ flag: String) -> String {
            "teamsh does not offer \(flag): remoting and PowerShell server modes are not part of teamsh."
        }
    }

    /// The usage text, in the layout of pwsh's ManagedEntranceStrings.UsageHelp, listing what
    /// teamsh accepts.
    static let usage = """
    Usage: teamsh [-Login] [[-File] <filePath> [args]]
                  [-Command { - | <string> }]
                  [-CommandWithArgs <string> [<CommandParameters>]]
                  [-EncodedCommand <Base64EncodedCommand>]
                  [-ExecutionPolicy <ExecutionPolicy>] [-InputFormat {Text | XML}]
                  [-Interactive] [-NoExit] [-NoLogo] [-NonInteractive] [-NoProfile]
                  [-OutputFormat {Text | XML}] [-SettingsFile <filePath>]
                  [-Tenant <worldFile>] [-StrictTenant] [-Version]
                  [-WorkingDirectory <directoryPath>]

           teamsh -Golden <folder> [-Update [-Force] [-Mask]] [-Filter <text>] [-Timeout <s>] [-Json]

           teamsh -Plan [-OutputFormat {Text | Json}] [-Tenant <worldFile>]
                  { [-File] <filePath> [args] | -Command <string> | -CommandWithArgs <string> [args] }

           teamsh -h | -Help | -? | /?

    teamsh: an offline Microsoft Teams admin shell (a PowerShell 7.6 subset).
    -Tenant <worldFile> uses (and saves to) a world file instead of the embedded default
    (also: the TEAMSH_TENANT environment variable; the flag wins); -StrictTenant refuses
    such a file when it has keys teamsh does not know (default: a warning). Get-Help
    about_teamsh has the rest.

    -Golden <folder> runs every NAME.ps1 (and NAME.cmd) under the folder and compares its
    output with NAME.out, NAME.err and NAME.code beside it (the README's "Golden tests");
    -Update writes the expected files of scripts that have none (-Force: of every script;
    -Mask: GUIDs, dates and durations as placeholders).

    -Plan runs the script on a copy of the world, saves nothing, and prints what it would
    change (exit code 0: no change, 2: changes, 1: the script failed); -OutputFormat Json
    prints the plan as JSON (the script's own output then goes to standard error).

    All parameters are case-insensitive.
    """
}
