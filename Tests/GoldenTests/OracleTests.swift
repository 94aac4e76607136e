import XCTest

/// Runs the oracle (`../shared/oracle`: what real pwsh 7.6.9 printed) against the teamsh built
/// with this package, through `script/oracle`, and fails for every case listed in
/// `Tests/GoldenTests/oracle-passing.txt` that no longer passes. Cases that pass but are not
/// listed yet are only reported: `script/oracle --update-list` adds them.
final class OracleTests: XCTestCase {
    func testListedOracleCasesStillPass() throws {
        guard let oracle = Harness.oracleFolder() else {
            throw XCTSkip("no oracle folder at ../shared/oracle (or TEAMSH_ORACLE)")
        }
        let teamsh = try Harness.teamshBinary()
        let (status, report) = try Harness.runScript(
            "oracle", ["--teamsh", teamsh, "--oracle", oracle, "--json"], as: OracleReport.self)

        for (area, count) in report.areas.sorted(by: { $0.key < $1.key }) {
            let notRun = count.notRun > 0 ? ", \(count.notRun) not run" : ""
            print("oracle \(area): \(count.passed)/\(count.passed + count.failed) passed\(notRun)")
        }
        print("oracle total: \(report.passed) passed, \(report.failed) failed,"
            + " \(report.notRun) not run in \(report.seconds) s")
        if !report.newPasses.isEmpty {
            print("oracle: \(report.newPasses.count) cases pass but are not in"
                + " oracle-passing.txt; `script/oracle --update-list` adds them:\n  "
                + report.newPasses.joined(separator: "\n  "))
        }
        for regression in report.regressions {
            XCTFail("oracle case \(regression.id) is in oracle-passing.txt but fails:\n"
                + regression.problems.joined(separator: "\n"))
        }
        XCTAssertEqual(status == 0, report.regressions.isEmpty,
                       "script/oracle exited with \(status)")
    }
}

/// The JSON report of `script/oracle --json` (the fields this test reads).
private struct OracleReport: Decodable {
    struct Count: Decodable {
        let passed: Int
        let failed: Int
        let notRun: Int
    }
    struct Regression: Decodable {
        let id: String
        let problems: [String]
    }
    let areas: [String: Count]
    let passed: Int
    let failed: Int
    let notRun: Int
    let seconds: Double
    let regressions: [Regression]
    let newPasses: [String]
}
