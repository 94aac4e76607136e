import Foundation
import XCTest
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

/// One row of a script table: the script and exactly what pwsh prints for it.
struct ScriptCase {
    let script: String
    let expected: String
    let line: UInt

    init(_ script: String, _ expected: String, line: UInt = #line) {
        self.script = script
        self.expected = expected
        self.line = line
    }
}

extension XCTestCase {
    /// Runs each case in its own session (in `{folder}`-relative scratch space) and compares
    /// the output.
    func check(_ cases: [ScriptCase], setup: ((ScriptRunner) -> Void)? = nil, file: StaticString = #filePath) {
        for c in cases {
            let r = ScriptRunner()
            setup?(r)
            let script = c.script.replacingOccurrences(of: "{folder}", with: r.folder)
            let expected = c.expected.replacingOccurrences(of: "{folder}", with: r.folder)
            let (out, err) = r.run(script)
            XCTAssertEqual(out, expected.isEmpty ? "" : expected + "\n", "script: \(c.script)\nerrors: \(err)", file: file, line: c.line)
        }
    }
}

/// One row of a cmdlet table run as a script file (`{folder}/test.ps1`, like the oracle's
/// `/tmp/case/NAME.ps1`): the script, exactly what pwsh 7.6 prints (without the final newline),
/// and the FullyQualifiedErrorId of the last error (`$Error[0]`), or nil when pwsh raises none.
struct CmdletRow {
    let script: String
    let expected: String
    let errorId: String?
    let line: UInt
    /// A known teamsh bug this row shows: the row must still fail, so fixing the bug makes the
    /// test ask for the mark to be removed (as ScriptTableTests does).
    var knownBug: String?

    init(_ script: String, _ expected: String, _ errorId: String? = nil, line: UInt = #line) {
        self.script = script
        self.expected = expected
        self.errorId = errorId
        self.line = line
    }

    /// Marks the row as showing a known bug.
    func bug(_ note: String) -> CmdletRow {
        var r = self
        r.knownBug = note
        return r
    }
}

extension XCTestCase {
    /// Runs each row in a fresh session and compares its output and the id of its last error.
    func check(_ rows: [CmdletRow], setup: ((ScriptRunner) -> Void)? = nil, file: StaticString = #filePath) {
        for row in rows {
            let r = ScriptRunner()
            setup?(r)
            let script = row.script.replacingOccurrences(of: "{folder}", with: r.folder)
            let expected = row.expected.replacingOccurrences(of: "{folder}", with: r.folder)
            let (out, err) = r.run(script)
            let (idText, _) = r.run("if ($Error.Count) { $Error[0].FullyQualifiedErrorId }")
            let id = idText.trimmingCharacters(in: .whitespacesAndNewlines)
            let gotId: String? = id.isEmpty ? nil : id
            let wanted = expected.isEmpty ? "" : expected + "\n"
            if let bug = row.knownBug {
                if out == wanted && gotId == row.errorId {
                    XCTFail("known bug '\(bug)' is fixed: remove its mark from the row", file: file, line: row.line)
                } else {
                    print("known bug (\(bug)): \(row.script)")
                }
                continue
            }
            XCTAssertEqual(out, wanted, "script: \(row.script)\nerrors: \(err)", file: file, line: row.line)
            XCTAssertEqual(gotId, row.errorId, "error id of: \(row.script)\nerrors: \(err)", file: file, line: row.line)
        }
    }
}
