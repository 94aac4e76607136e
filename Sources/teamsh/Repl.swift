import Foundation
import PowerShellSyntax
import PowerShellRuntime
import PowerShellCmdlets
import PowerShellFormatting

/// The interactive loop: the prompt function's text (`PS /dir> ` by default), `>> ` while the
/// input is unfinished (an unclosed `{`, `(` or string), errors without the `Line |` block as
/// pwsh shows them, and the histories: PSReadLine's (kept in its file across sessions) and the
/// session's (Get-History).
struct Repl {
    let session: ExecutionContext
    let host: StandardHost
    let showBanner: Bool
    /// The world file in use (`-Tenant`, `TEAMSH_TENANT`); nil for the embedded default world.
    let worldFile: String?

    /// The prompt: the `prompt` function's first output as text (pwsh's EvaluatePrompt), or
    /// `PS>` when it fails or gives nothing. `$?` is left as it was.
    func evaluatePrompt() -> String {
        let status = session.lastStatementSucceeded
        defer { session.lastStatementSucceeded = status }
        guard let block = try? session.parseScriptBlock("prompt"),
              let output = try? session.invokeScriptBlock(block, args: [], dollarUnder: nil, dotSource: true),
              let first = output.first else { return "PS>" }
        let text = Conversion.toString(first, hooks: session.hooks)
        return text.isEmpty ? "PS>" : text
    }

    /// The line that says which world is in use, when it is a file. NOTE: with the embedded
    /// default world nothing is printed, so the screen starts as pwsh's does (the oracle's repl
    /// recordings); `Get-Help about_teamsh` describes the default world.
    var worldLine: String? {
        worldFile.map { "World: \(URL(fileURLWithPath: $0).standardizedFileURL.path) (saved after every change)" }
    }

    /// A person at a terminal: PSReadLine-style editing (LineEditor), commands run with the
    /// terminal's own modes so Ctrl+C stops them (silently, as pwsh does).
    func runInteractive() -> Int32 {
        TerminalMode.setUp()
        TerminalMode.installResizeHandler()
        defer { TerminalMode.restore() }
        let readLine = PSReadLineState.shared
        readLine.loadHistory()
        if showBanner, let line = worldLine { host.writeOutput(line + "\n") }
        let history = SessionHistory.of(session)
        let editor = LineEditor(services: LineEditor.Services(
            isComplete: { text in !Parser.parse(SourceText(text: text)).isIncomplete },
            complete: { [session] text, cursor in
                let c = CommandCompletionEngine.complete(text, cursor: cursor, context: session)
                return (c.replacementIndex, c.replacementLength, c.matches.map { ($0.completionText, $0.listItemText) })
            },
            runHandler: { [session] block in
                _ = try? session.invokeScriptBlock(block, args: [.null, .null], dollarUnder: nil)
            },
            colorize: { PSStyle.instance.usesColor(outputRedirected: false) },
            prompt: { self.evaluatePrompt() }))
        while true {
            let prompt = evaluatePrompt()
            host.writeOutput(prompt)
            host.flush()
            TerminalMode.enterRaw()
            let outcome = editor.readInput(startColumn: host.column)
            TerminalMode.enterCommand()
            host.resetColumn()
            guard case .line(let text) = outcome else { return 0 }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            readLine.add(text, context: session)
            let start = PSDateTime.now()
            session.extensionState[SessionHistory.invokedKey] = nil
            PipelineStop.reset()
            let result = session.runTopLevel(SourceText(text: text), asScriptFile: false)
            let stopped = PipelineStop.interrupted
            PipelineStop.reset()
            host.flush()
            let ran = (session.extensionState[SessionHistory.invokedKey] as? NSString).map { String($0) } ?? text
            history.add(ran, status: stopped ? "Stopped" : session.lastStatementSucceeded ? "Completed" : "Failed",
                        start: start, end: PSDateTime.now())
            if case .exited(let code) = result { return code }
        }
    }

    /// Input piped to a bare `teamsh`: pwsh echoes its banner, each prompt and line, then
    /// the output, as if typed.
    func runPiped() -> Int32 {
        if showBanner { host.writeOutput("PowerShell \(followsPowerShell)\n") }
        if showBanner, let line = worldLine { host.writeOutput(line + "\n") }
        var buffer = ""
        let history = SessionHistory.of(session)
        while let line = Swift.readLine(strippingNewline: true) {
            host.writeOutput((buffer.isEmpty ? evaluatePrompt() : ">> ") + line + "\n")
            buffer = buffer.isEmpty ? line : buffer + "\n" + line
            let parsed = Parser.parse(SourceText(text: buffer))
            if parsed.isIncomplete && !line.isEmpty { continue }
            let text = buffer
            buffer = ""
            let start = PSDateTime.now()
            let result = session.runTopLevel(SourceText(text: text), asScriptFile: false)
            if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                history.add(text, status: session.lastStatementSucceeded ? "Completed" : "Failed", start: start, end: PSDateTime.now())
            }
            if case .exited(let code) = result {
                host.flush()
                return code
            }
        }
        host.writeOutput(evaluatePrompt())
        host.flush()
        return 0
    }
}

/// Script arguments from the command line, read as pwsh's CollectPSArgs reads them:
/// `-Name:value` is the parameter with that value (`$true`/`true`/`$false`/`false` become
/// Booleans), `-Name:` takes the next argument as its value, `-Name` is a parameter name, and
/// anything else a positional value.
enum ScriptArguments {
    static func parse(_ args: [String]) -> [CommandArgument] {
        let source = SourceText(text: args.joined(separator: " "), path: nil)
        let extent = SourceExtent.empty(source)
        var result: [CommandArgument] = []
        var pending: String?
        for a in args {
            if let name = pending {
                result.append(.named(name: name, value: .string(a), hasColon: true, extent: extent))
                pending = nil
                continue
            }
            // NOTE: pwsh makes `-5` a parameter name too; teamsh passes negative numbers as values.
            guard a.hasPrefix("-"), let second = a.dropFirst().first, !second.isNumber else {
                result.append(.positional(.string(a), extent: extent))
                continue
            }
            let body = a.dropFirst()
            guard let colon = body.firstIndex(of: ":") else {
                result.append(.named(name: String(body), value: nil, hasColon: false, extent: extent))
                continue
            }
            let name = String(body[..<colon])
            let text = String(body[body.index(after: colon)...])
            if text.isEmpty {
                pending = name
                continue
            }
            let bare = text.hasPrefix("$") ? String(text.dropFirst()) : text
            let value: Value = bare.lowercased() == "true" ? .bool(true) : bare.lowercased() == "false" ? .bool(false) : .string(text)
            result.append(.named(name: name, value: value, hasColon: true, extent: extent))
        }
        if let name = pending { result.append(.named(name: name, value: nil, hasColon: true, extent: extent)) }
        return result
    }
}
