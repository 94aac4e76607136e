import Foundation
import PowerShellSyntax
import PowerShellRuntime
import TeamsModule
import TeamsTenant

/// `teamsh -Plan [-OutputFormat Text|Json] [-Tenant FILE] (script.ps1 [args] | -Command TEXT)`:
/// runs the script against a copy of the world and saves nothing, then prints what would change:
/// the changes between the world before and after, computed from the two worlds, so the plan
/// holds for any script, including one that never uses -WhatIf.
///
/// Exit codes: 0 when nothing would change, 2 when something would, 1 when the script failed (a
/// parse error, an uncaught terminating error, `exit` with a code other than 0, or for -Command a
/// failed last statement); the plan then shows what the script changed before it stopped. With
/// Json the standard output is the JSON document alone and the script's own output goes to
/// standard error.
struct PlanRunner {
    enum Format: String {
        case text, json
    }

    /// The script: a file with its arguments, or the text of -Command.
    enum Script {
        case file(path: String, arguments: [String])
        case command(String)
    }

    let script: Script
    let format: Format
    let tenantPath: String?
    let nonInteractive: Bool

    func run() -> Int32 {
        // Prompts (Read-Host, -Confirm) work as in a normal run when a person is at the terminal.
        let terminal = StandardHost(isInteractive: isatty(0) == 1 && isatty(1) == 1 && !nonInteractive,
                                    width: isatty(1) == 1 ? Terminal.width() : 80)
        let host: PSHostInterface = format == .json ? StandardErrorHost(terminal) : terminal
        let world: World
        do {
            world = try tenantPath.map { try WorldStore.read(from: $0) } ?? World.defaultWorld()
        } catch {
            FileHandle.standardError.write(Data("teamsh: \(error)\n".utf8))
            return 64
        }
        TeamshSession.reportLoadWarnings(world, to: host)
        let before = world.copy()
        let session = TeamshSession.make(host: host, nonInteractive: nonInteractive, world: world, store: nil)
        let failed: Bool
        switch script {
        case .file(let path, let arguments):
            guard let source = PlanRunner.scriptSource(path, session: session) else {
                terminal.flush()
                FileHandle.standardError.write(Data(("The argument '\(path)' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n" + CommandLineOptions.usage).utf8))
                return 64
            }
            failed = PlanRunner.failed(session.runTopLevel(source, arguments: ScriptArguments.parse(arguments), asScriptFile: true),
                                       session: session, commandMode: false)
        case .command(let text):
            failed = PlanRunner.failed(session.runTopLevel(SourceText(text: text), asScriptFile: false), session: session, commandMode: true)
        }
        let changes = WorldDiff.changes(from: before, to: world)
        terminal.flush()
        let report = format == .json ? json(changes, failed: failed, warnings: before.loadWarnings) : text(changes, failed: failed)
        FileHandle.standardOutput.write(Data(report.utf8))
        return failed ? 1 : changes.isEmpty ? 0 : 2
    }

    /// The script file's text, or nil when there is no such file.
    static func scriptSource(_ path: String, session: ExecutionContext) -> SourceText? {
        let full = session.resolvePath(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: full) else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SourceText(text: text, path: full)
    }

    /// Whether a run failed, as its exit code would say (pwsh's rules).
    static func failed(_ outcome: ExecutionContext.RunOutcome, session: ExecutionContext, commandMode: Bool) -> Bool {
        switch outcome {
        case .exited(let code): return code != 0
        case .failed, .parseFailed: return true
        case .completed: return commandMode && !session.lastStatementSucceeded
        }
    }

    var worldName: String {
        tenantPath.map { "the world in '\($0)'" } ?? "the embedded default world"
    }

    var scriptName: String {
        switch script {
        case .file(let path, _): return path
        case .command: return "-Command"
        }
    }

    // MARK: Text

    func text(_ changes: [WorldChange], failed: Bool) -> String {
        var lines = [""]
        if failed {
            lines.append("The script failed. What it changed in \(worldName) before it stopped (nothing was saved):")
        } else if changes.isEmpty {
            lines.append("No changes: the script leaves \(worldName) as it is (nothing was saved).")
        } else {
            lines.append("What the script changes in \(worldName) (nothing was saved):")
        }
        if !changes.isEmpty {
            lines.append("")
            lines += changes.flatMap(\.lines)
        }
        lines += ["", WorldChange.summary(changes)]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// `{ "changes": [...], "script": …, "status": "completed" | "failed", "summary": { "add": n,
    /// "change": n, "remove": n }, "warnings": [what loading the world left out], "world":
    /// "default" | path }`, keys sorted.
    func json(_ changes: [WorldChange], failed: Bool, warnings: [String]) -> String {
        struct Summary: Encodable {
            let add: Int, change: Int, remove: Int
        }
        struct Document: Encodable {
            let changes: [WorldChange]
            let script: String
            let status: String
            let summary: Summary
            let warnings: [String]
            let world: String
        }
        let count = { (action: WorldChange.Action) in changes.filter { $0.action == action }.count }
        let document = Document(
            changes: changes, script: scriptName, status: failed ? "failed" : "completed",
            summary: Summary(add: count(.add), change: count(.change), remove: count(.remove)), warnings: warnings,
            world: tenantPath ?? "default")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        // Foundation prints an empty list or object over three lines; a real newline is never
        // inside a JSON string, so this touches no value.
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\\[\n\n *\\]", with: "[]", options: .regularExpression)
            .replacingOccurrences(of: "\\{\n\n *\\}", with: "{}", options: .regularExpression) + "\n"
    }
}

/// A host whose output goes to standard error (the script's output while `-Plan -OutputFormat
/// Json` keeps standard output for the JSON document).
final class StandardErrorHost: PSHostInterface {
    private let inner: StandardHost

    init(_ inner: StandardHost) {
        self.inner = inner
    }

    func writeOutput(_ text: String) { inner.writeErrorText(text) }
    func writeErrorText(_ text: String) { inner.writeErrorText(text) }
    func readLine() -> String? { inner.readLine() }
    var isInteractive: Bool { inner.isInteractive }
    var width: Int { inner.width }
}
