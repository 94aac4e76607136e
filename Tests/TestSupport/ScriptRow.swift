import XCTest

/// One row of a script table, the one row type every test target's tables use: a script, exactly
/// what pwsh 7.6 prints for it (without the final newline), and the FullyQualifiedErrorId of its
/// last error (`$Error[0]`), nil when pwsh raises none.
public struct ScriptRow {
    public let script: String
    public let expected: String
    public let errorId: String?
    public let line: UInt
    /// A known teamsh bug this row shows (listed in the README's open bugs): the row must still
    /// fail, so fixing the bug makes the test ask for the mark to be removed.
    public var knownBug: String?

    public init(_ script: String, _ expected: String, _ errorId: String? = nil, line: UInt = #line) {
        self.script = script
        self.expected = expected
        self.errorId = errorId
        self.line = line
    }

    /// Marks the row as showing a known bug.
    public func bug(_ note: String) -> ScriptRow {
        var r = self
        r.knownBug = note
        return r
    }
}

/// What running one row's script gave.
public struct ScriptResult {
    /// Everything written to the output (stdout), final newline included.
    public var output: String
    /// Everything written to the error stream (shown when a row fails).
    public var errors: String
    /// The FullyQualifiedErrorId of `$Error[0]` after the script, nil when there is none.
    public var errorId: String?

    public init(output: String, errors: String, errorId: String?) {
        self.output = output
        self.errors = errors
        self.errorId = errorId
    }
}

extension XCTestCase {
    /// Runs each row with `run` and checks its output and, with `errors` true, the id of its last
    /// error. A row marked as a known bug must still fail.
    public func check(_ rows: [ScriptRow], errors checkErrors: Bool = true, file: StaticString = #filePath,
                      run: (ScriptRow) -> ScriptResult) {
        for row in rows {
            let result = run(row)
            let wanted = row.expected.isEmpty ? "" : row.expected + "\n"
            let matches = result.output == wanted && (!checkErrors || result.errorId == row.errorId)
            if let bug = row.knownBug {
                if matches {
                    XCTFail("known bug '\(bug)' is fixed: remove its mark from the row", file: file, line: row.line)
                } else {
                    print("known bug (\(bug)): \(row.script)")
                }
                continue
            }
            XCTAssertEqual(result.output, wanted, "script: \(row.script)\nerrors: \(result.errors)", file: file, line: row.line)
            if checkErrors {
                XCTAssertEqual(result.errorId, row.errorId, "error id of: \(row.script)\nerrors: \(result.errors)", file: file, line: row.line)
            }
        }
    }
}
