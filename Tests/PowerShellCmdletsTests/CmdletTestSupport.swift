import Foundation
import XCTest
import TestSupport
import PowerShellRuntime
import PowerShellSyntax
@testable import PowerShellCmdlets

/// Runs scripts in a fresh session whose location is a scratch folder, the way the oracle
/// runs its cases in /tmp/case.
final class ScriptRunner {
    let host: BufferHost
    let context: ExecutionContext
    let folder: String

    init(input: [String] = [], nonInteractive: Bool = true) {
        folder = NSTemporaryDirectory() + "teamsh-cmdB-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        host = BufferHost(input: input)
        context = ExecutionContext(host: host, currentLocation: folder)
        context.nonInteractive = nonInteractive
        Builtins.install(into: context)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The script's output (one line per value) and error text.
    @discardableResult
    func run(_ script: String) -> (output: String, errors: String) {
        host.output = ""
        host.errors = ""
        _ = context.runTopLevel(SourceText(text: script, path: folder + "/test.ps1"), asScriptFile: true)
        return (host.output, host.errors)
    }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Script-table rows: the shared row type (TestSupport's ScriptRow) under the names these
/// tables use.
typealias ScriptCase = ScriptRow
typealias CmdletRow = ScriptRow

extension XCTestCase {
    /// Runs each row as a script file in a fresh session (in `{folder}`-relative scratch
    /// space, `{folder}` in the row standing for it) and compares its output and, unless
    /// `errors` is false (tables that name no errors), the id of its last error.
    func check(_ rows: [ScriptRow], errors: Bool = true, setup: ((ScriptRunner) -> Void)? = nil, file: StaticString = #filePath) {
        check(rows, errors: errors, file: file) { row in
            let r = ScriptRunner()
            setup?(r)
            let (out, err) = r.run(row.script.replacingOccurrences(of: "{folder}", with: r.folder))
            let (idText, _) = r.run("if ($Error.Count) { $Error[0].FullyQualifiedErrorId }")
            let id = idText.trimmingCharacters(in: .whitespacesAndNewlines)
            return ScriptResult(output: out.replacingOccurrences(of: r.folder, with: "{folder}"), errors: err,
                                errorId: id.isEmpty ? nil : id)
        }
    }
}
