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
        host.writeOutput("PowerShell \(followsPowerShell)\n")
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

/// Script arguments from the command line: `-Name value` binds by name, the rest by position.
enum ScriptArguments {
    static func parse(_ args: [String]) -> [CommandArgument] {
        let source = SourceText(text: args.joined(separator: " "), path: nil)
        let extent = SourceExtent.empty(source)
        return args.map { a in
            if a.hasPrefix("-"), let second = a.dropFirst().first, !second.isNumber {
                var name = String(a.dropFirst())
                var hasColon = false
                if name.hasSuffix(":") {
                    name.removeLast()
                    hasColon = true
                }
                return .named(name: name, value: nil, hasColon: hasColon, extent: extent)
            }
            return .positional(.string(a), extent: extent)
        }
    }
}
