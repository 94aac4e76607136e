import Foundation
import PowerShellSyntax
import PowerShellRuntime
import TeamsModule
import TeamsTenant

/// `teamsh -Plan [-OutputFormat Text|Json] [-Tenant FILE] (script.ps1 [args] | -Command TEXT)`:
/// the script runs as it would without -Plan (main.swift runs it), but on a copy of the world
/// that is never saved; then this prints what would change: the changes between the world before
/// and after, computed from the two worlds, so the plan holds for any script, including one that
/// never uses -WhatIf.
///
/// Exit codes: 0 when nothing would change, 2 when something would, 1 when the script failed (a
/// parse error, an uncaught terminating error, `exit` with a code other than 0, or for -Command a
/// failed last statement); the plan then shows what the script changed before it stopped. With
/// Json the standard output is the JSON document alone and the script's own output goes to
/// standard error.
final class PlanRunner {
    enum Format: String {
        case text, json
    }

    /// The script file as given, or `-Command`.
    let scriptName: String
    let format: Format
    let tenantPath: String?
    private var world: World?
    private var before: World?

    init(script: String, format: Format, tenantPath: String?) {
        self.scriptName = script
        self.format = format
        self.tenantPath = tenantPath
    }

    /// The session the script runs in: on the world file's contents or the default world, with
    /// no store, so nothing is saved. A missing or refused world file throws (a plan of another
    /// world would mislead). With Json, the script's output goes to standard error.
    func makeSession(host: StandardHost, nonInteractive: Bool) throws -> ExecutionContext {
        let world = try tenantPath.map { try WorldStore.read(from: $0) } ?? World.defaultWorld()
        let scriptHost: PSHostInterface = format == .json ? StandardErrorHost(host) : host
        TeamshSession.reportLoadWarnings(world, to: scriptHost)
        self.world = world
        before = world.copy()
        return TeamshSession.make(host: scriptHost, nonInteractive: nonInteractive, world: world, store: nil)
    }

    /// Prints the plan once the script has ended and returns the exit code.
    func finish(failed: Bool) -> Int32 {
        guard let world, let before else { return 1 }
        let changes = WorldDiff.changes(from: before, to: world)
        let report = format == .json ? json(changes, failed: failed, warnings: before.loadWarnings) : text(changes, failed: failed)
        FileHandle.standardOutput.write(Data(report.utf8))
        return failed ? 1 : changes.isEmpty ? 0 : 2
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
    func readLine(masked: Bool) -> String? { inner.readLine(masked: masked) }
    func readToEnd() -> String { inner.readToEnd() }
    func readInputLine() -> String? { inner.readInputLine() }
    func flush() { inner.flush() }
    var isInteractive: Bool { inner.isInteractive }
    var width: Int { inner.width }
    var windowSize: (width: Int, height: Int)? { inner.windowSize }
    var redirection: (input: Bool, output: Bool, error: Bool) { inner.redirection }
}
