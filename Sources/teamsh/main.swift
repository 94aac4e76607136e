import Foundation
import PowerShellSyntax
import PowerShellRuntime
import PowerShellCmdlets
import TeamsModule

/// teamsh's version, and the pwsh version whose behaviour it follows.
let teamshVersion = "0.1.0"
let followsPowerShell = "7.6.9"

let stdinIsTerminal = isatty(0) == 1
let stdoutIsTerminal = isatty(1) == 1

let options: CommandLineOptions
do {
    options = try CommandLineOptions.parse(Array(CommandLine.arguments.dropFirst()), stdinIsRedirected: !stdinIsTerminal)
} catch let e as CommandLineOptions.UsageError {
    // pwsh: the error on stderr; the usage text on stdout when the error calls for it.
    FileHandle.standardError.write(Data((e.message + "\n").utf8))
    if e.showHelp { FileHandle.standardOutput.write(Data(("\n" + CommandLineOptions.usage + "\n").utf8)) }
    exit(64)
}

switch options.mode {
case .version:
    print("teamsh \(teamshVersion) (follows PowerShell \(followsPowerShell))")
    exit(0)
case .help:
    print("\n" + CommandLineOptions.usage)
    exit(0)
case .golden(let goldenOptions):
    // The runner starts a fresh teamsh per script: this very program.
    exit(GoldenRunner(options: goldenOptions, teamsh: ExecutionContext.processPath).run())
default:
    break
}

/// `-Plan`: the script runs on a copy of the world, and the plan is printed when it ends.
let plan: PlanRunner?
do {
    plan = try options.plan.runner(for: options, tenantPath: TeamshSession.tenantPath(flag: options.tenantPath))
} catch let e as CommandLineOptions.UsageError {
    FileHandle.standardError.write(Data((e.message + "\n").utf8))
    if e.showHelp { FileHandle.standardOutput.write(Data(("\n" + CommandLineOptions.usage + "\n").utf8)) }
    exit(64)
}

let host = StandardHost(isInteractive: stdinIsTerminal && stdoutIsTerminal && !options.nonInteractive,
                        width: 80, outputIsTerminal: stdoutIsTerminal)
TerminalMode.installInterruptHandler()
/// A tenant file that cannot be used stops teamsh before anything runs, with the reason on
/// stderr and exit code 64, pwsh's code for a command line it cannot use.
let tenantPath = TeamshSession.tenantPath(flag: options.tenantPath)
let session: ExecutionContext
do {
    session = try plan?.makeSession(host: host, nonInteractive: options.nonInteractive)
        ?? TeamshSession.make(host: host, nonInteractive: options.nonInteractive, tenantPath: tenantPath,
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

/// pwsh's exit code: the `exit` value; 1 after an uncaught error; for `-Command`, 1 when the
/// last statement failed (also after Ctrl+C); for `-File`, 0 otherwise.
func finish(_ outcome: ExecutionContext.RunOutcome, commandMode: Bool) -> Never {
    OutputFormatting.end(session)
    if let plan {
        host.flush()
        exit(plan.finish(failed: PlanRunner.failed(outcome, session: session, commandMode: commandMode)))
    }
    switch outcome {
    case .exited(let code): terminate(code)
    case .failed, .parseFailed: terminate(1)
    case .completed: terminate(commandMode && !session.lastStatementSucceeded ? 1 : 0)
    }
}

/// After `-File`/`-Command` with `-NoExit`: the session goes on interactively.
func continueInteractively() -> Never {
    let repl = Repl(session: session, host: host, showBanner: false, worldFile: tenantPath)
    OutputFormatting.end(session)
    terminate(stdinIsTerminal ? repl.runInteractive() : repl.runPiped())
}

/// Runs a script or command text: piped stdin becomes `$input` when the text reads it (pwsh's
/// AstSearcher.IsUsingDollarInput); otherwise stdin stays for `[Console]::In` and prompts.
func run(_ source: SourceText, arguments: [CommandArgument], asScriptFile: Bool, bindArguments: Bool) -> ExecutionContext.RunOutcome {
    if !stdinIsTerminal && VariableReferences.usesInput(source) {
        let input = PipedInput.read(host: host, format: options.inputFormat, session: session)
        session.globalScope.variables["input"] = PSVariable(name: "input", value: .object(PSArray(input)))
    }
    return session.runTopLevel(source, arguments: arguments, asScriptFile: asScriptFile, bindArguments: bindArguments)
}

if let directory = options.workingDirectory {
    // pwsh runs Set-Location -LiteralPath before anything else; a failure is reported and the
    // run goes on.
    _ = session.runTopLevel(SourceText(text: "Set-Location -LiteralPath '\(directory.replacingOccurrences(of: "'", with: "''"))'"), asScriptFile: false)
}
if options.outputFormat == .xml { OutputFormatting.useCliXml(session) }

switch options.mode {
case .file(let path, let arguments):
    session.programsInheritStdin = true
    let full = URL(fileURLWithPath: path).standardizedFileURL.path
    guard let data = FileManager.default.contents(atPath: full) else {
        FileHandle.standardError.write(Data("The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n".utf8))
        terminate(64)
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let outcome = run(SourceText(text: text, path: full), arguments: ScriptArguments.parse(arguments), asScriptFile: true, bindArguments: false)
    if options.noExit { continueInteractively() }
    finish(outcome, commandMode: false)
case .command(let text, let arguments):
    session.programsInheritStdin = true
    let outcome = run(SourceText(text: text), arguments: ScriptArguments.parse(arguments ?? []), asScriptFile: false,
                      bindArguments: arguments != nil)
    if options.noExit { continueInteractively() }
    finish(outcome, commandMode: true)
case .commandFromStdin:
    // `-Command -`: the whole of stdin is the script; nothing read is echoed.
    host.echoRedirectedInput = false
    var lines: [String] = []
    while let line = readLine(strippingNewline: true) { lines.append(line) }
    finish(session.runTopLevel(SourceText(text: lines.joined(separator: "\n")), asScriptFile: false), commandMode: true)
case .interactive, .version, .help, .golden:
    let repl = Repl(session: session, host: host, showBanner: !options.noLogo, worldFile: tenantPath)
    if stdinIsTerminal {
        terminate(repl.runInteractive())
    }
    terminate(repl.runPiped())
}
