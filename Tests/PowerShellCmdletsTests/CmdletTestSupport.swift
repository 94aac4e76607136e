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
