import Foundation
import PowerShellSyntax
import PowerShellRuntime
import PowerShellCmdlets
import TeamsModule

/// teamsh's version, and the pwsh version whose behaviour it follows.
let teamshVersion = "0.1.0"
let followsPowerShell = "7.6.9"

let options: CommandLineOptions
do {
    options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch let e as CommandLineOptions.UsageError {
    FileHandle.standardError.write(Data((e.message + "\n" + CommandLineOptions.usage).utf8))
    exit(64)
}

if case .golden(let goldenOptions) = options.mode {
    // The runner starts a fresh teamsh per script: this very program.
    let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    exit(GoldenRunner(options: goldenOptions, teamsh: selfPath).run())
}

let stdinIsTerminal = isatty(0) == 1
let stdoutIsTerminal = isatty(1) == 1
let host = StandardHost(isInteractive: stdinIsTerminal && stdoutIsTerminal && !options.nonInteractive,
                        width: stdoutIsTerminal ? Terminal.width() : 80)
/// A tenant file that cannot be used stops teamsh before anything runs, with the reason on
/// stderr and exit code 64, pwsh's code for a command line it cannot use.
let session: ExecutionContext
do {
    session = try TeamshSession.make(host: host, nonInteractive: options.nonInteractive,
                                     tenantPath: TeamshSession.tenantPath(flag: options.tenantPath),
                                     strictTenant: options.strictTenant)
} catch {
    FileHandle.standardError.write(Data("teamsh: \(error)\n".utf8))
    exit(64)
}

/// The exit code of a run that would have succeeded but lost a change to the world file (a save
/// failed, or the journal could not be folded into the file): sysexits' EX_IOERR, beside the 64
/// (EX_USAGE) teamsh uses for a command line it cannot use.
let unsavedChangesExitCode: Int32 = 74

/// Closes the world file (folding the session's journal into it) and exits.
func terminate(_ code: Int32) -> Never {
    host.flush()
    let saved = TeamshSession.close(session)
    host.flush()
    exit(code == 0 && !saved ? unsavedChangesExitCode : code)
}

/// pwsh's exit code for `-Command`: the `exit` value, 1 after an error as last status.
func finish(_ outcome: ExecutionContext.RunOutcome, commandMode: Bool) -> Never {
    switch outcome {
    case .exited(let code): terminate(code)
    case .failed, .parseFailed: terminate(1)
    case .completed: terminate(commandMode && !session.lastStatementSucceeded ? 1 : 0)
    }
}

switch options.mode {
case .version:
    print("teamsh \(teamshVersion) (follows PowerShell \(followsPowerShell))")
    terminate(0)
case .help:
    print(CommandLineOptions.usage, terminator: "")
    terminate(0)
case .file(let path, let arguments):
    let full = session.resolvePath(path)
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
          let data = FileManager.default.contents(atPath: full) else {
        let message = "The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"
        FileHandle.standardError.write(Data((message + CommandLineOptions.usage).utf8))
        terminate(64)
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let args = ScriptArguments.parse(arguments)
    finish(session.runTopLevel(SourceText(text: text, path: full), arguments: args, asScriptFile: true), commandMode: false)
case .command(let text):
    if text == "-" {
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        finish(session.runTopLevel(SourceText(text: lines.joined(separator: "\n")), asScriptFile: false), commandMode: true)
    }
    finish(session.runTopLevel(SourceText(text: text), asScriptFile: false), commandMode: true)
case .golden:
    exit(64)  // handled before the session exists
case .interactive:
    let repl = Repl(session: session, host: host, showBanner: !options.noLogo)
    if stdinIsTerminal {
        terminate(repl.runInteractive())
    }
    terminate(repl.runPiped())
}
