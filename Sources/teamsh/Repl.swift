import Foundation
import PowerShellSyntax
import PowerShellRuntime

/// The interactive loop: `PS /dir> ` prompt, `>> ` while the input is unfinished (an
/// unclosed `{`, `(` or string), errors without the `Line |` block as pwsh shows them.
struct Repl {
    let session: ExecutionContext
    let host: StandardHost
    let showBanner: Bool

    var prompt: String { "PS \(session.currentLocation)> " }

    /// A person at a terminal.
    func runInteractive() -> Int32 {
        if showBanner { host.writeOutput("PowerShell \(followsPowerShell)\n") }
        var buffer = ""
        while true {
            host.writeOutput(buffer.isEmpty ? prompt : ">> ")
            host.flush()
            guard let line = Swift.readLine(strippingNewline: true) else {
                host.writeOutput("\n")
                host.flush()
                return 0
            }
            buffer = buffer.isEmpty ? line : buffer + "\n" + line
            let source = SourceText(text: buffer)
            let parsed = Parser.parse(source)
            if parsed.isIncomplete && !line.isEmpty { continue }
            let text = buffer
            buffer = ""
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if case .exited(let code) = session.runTopLevel(SourceText(text: text), asScriptFile: false) {
                host.flush()
                return code
            }
            host.flush()
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

/// The terminal's width for formatting.
enum Terminal {
    static func width() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
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
