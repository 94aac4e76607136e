import Foundation
import PowerShellRuntime
import PowerShellCmdlets

/// `-OutputFormat XML`: what reaches Out-Default is written as CLIXML (pwsh's WrappedSerializer:
/// a `#< CLIXML` line, then one `<Objs>` document whose objects carry `S="Output"`, serialized to
/// depth 1) instead of formatted text.
///
/// NOTE: pwsh also serializes the error stream as CLIXML in this mode; teamsh writes errors and
/// the other streams as text.
enum OutputFormatting {
    nonisolated(unsafe) private static var writer: CliXmlWriter?
    nonisolated(unsafe) private static var started = false

    static func useCliXml(_ session: ExecutionContext) {
        let host = session.host
        let w = CliXmlWriter(hooks: session.hooks, indent: false)
        writer = w
        session.outDefault = { v in
            if !started {
                started = true
                host.writeOutput("#< CLIXML\n" + CliXmlWriter.header)
            }
            w.write(v, depth: 1, stream: "Output")
            host.writeOutput(w.take())
        }
    }

    /// Closes the document once the session's output is complete.
    static func end(_ session: ExecutionContext) {
        guard writer != nil, started else { return }
        started = false
        session.host.writeOutput("</Objs>\n")
    }
}

/// Piped stdin as the input of a script that reads `$input`: one string per line (`-InputFormat
/// Text`), or the objects of a CLIXML stream (`-InputFormat XML`, or text starting `#< CLIXML`).
enum PipedInput {
    static func read(host: PSHostInterface, format: CommandLineOptions.DataFormat, session: ExecutionContext) -> [Value] {
        guard format != .none else { return [] }
        var lines: [String] = []
        while let line = host.readInputLine() { lines.append(line) }
        if format == .xml || lines.first == "#< CLIXML" {
            do {
                return try CliXmlReader.read(lines.joined(separator: "\n"))
            } catch let failure as CliXmlReader.Failure {
                host.writeErrorText("teamsh: the piped input is not CLIXML: \(failure.message)\n")
                return []
            } catch {
                return []
            }
        }
        return lines.map { .string($0) }
    }
}
