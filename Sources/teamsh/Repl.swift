import Foundation
import PowerShellSyntax
import PowerShellRuntime
import PowerShellCmdlets

/// The interactive loop: `PS /dir> ` prompt, `>> ` while the input is unfinished (an
/// unclosed `{`, `(` or string), errors without the `Line |` block as pwsh shows them.
struct Repl {
    let session: ExecutionContext
    let host: StandardHost
    let showBanner: Bool
    /// The world file in use (`-Tenant`, `TEAMSH_TENANT`); nil for the embedded default world.
    let worldFile: String?

    var prompt: String { "PS \(session.currentLocation)> " }

    /// A person at a terminal: PSReadLine-style editing (LineEditor), commands run with the
    /// terminal's own modes so Ctrl+C stops them (silently, as pwsh does).
    func runInteractive() -> Int32 {
        // NOTE: the oracle's recordings of interactive pwsh 7.6.9 (`pwsh -NoProfile` in tmux)
        // start with the prompt, no banner, so none is printed on a terminal.
        TerminalMode.setUp()
        defer { TerminalMode.restore() }
        let editor = LineEditor(services: LineEditor.Services(
            isComplete: { text in !Parser.parse(SourceText(text: text)).isIncomplete },
            complete: { [session] text, cursor in
                let c = CommandCompletionEngine.complete(text, cursor: cursor, context: session)
                return (c.replacementIndex, c.replacementLength, c.matches.map { ($0.completionText, $0.listItemText) })
            }))
        while true {
            TerminalMode.enterRaw()
            let outcome = editor.readInput(prompt: prompt)
            TerminalMode.enterCommand()
            guard case .line(let text) = outcome else { return 0 }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            PipelineStop.reset()
            let result = session.runTopLevel(SourceText(text: text), asScriptFile: false)
            PipelineStop.reset()
            host.flush()
            if case .exited(let code) = result { return code }
        }
    }

    /// Input piped to a bare `teamsh`: pwsh echoes its banner, each prompt and line, then
    /// the output, as if typed.
    func runPiped() -> Int32 {
        if showBanner { host.writeOutput("PowerShell \(followsPowerShell)\n") }
        var buffer = ""
        while let line = Swift.readLine(strippingNewline: true) {
            host.writeOutput((buffer.isEmpty ? prompt : ">> ") + line + "\n")
            buffer = buffer.isEmpty ? line : buffer + "\n" + line
            let parsed = Parser.parse(SourceText(text: buffer))
            if parsed.isIncomplete && !line.isEmpty { continue }
            let text = buffer
            buffer = ""
            if case .exited(let code) = session.runTopLevel(SourceText(text: text), asScriptFile: false) {
                host.flush()
                return code
            }
        }
        host.writeOutput(prompt)
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
