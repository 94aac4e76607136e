import Foundation
import XCTest

/// Runs every golden sample (`samples/**/*.ps1` except `samples/tenants/`) with the teamsh built
/// with this package, through `script/goldens`, and fails for each one whose stdout, stderr or
/// exit code differs from `NAME.out`, `NAME.err`, `NAME.code` (see `script/goldens --help`).
///
/// `UPDATE_GOLDENS=1 swift test --filter GoldenSamplesTests` rewrites those files from teamsh's
/// output instead. A rewritten output is only right when it is what real pwsh prints: review
/// the diff against pwsh (or the oracle) before committing it.
final class GoldenSamplesTests: XCTestCase {
    func testSamplesMatchTheirExpectedOutput() throws {
        let teamsh = try Harness.teamshBinary()
        let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1"
        let (_, report) = try Harness.runScript(
            "goldens", ["--teamsh", teamsh, "--json"] + (updating ? ["--update"] : []),
            as: GoldensReport.self)

        if updating {
            print("golden samples: \(report.total) run, \(report.updated) expected outputs"
                + " rewritten; review them against real pwsh before committing")
            return
        }
        print("golden samples: \(report.passed)/\(report.total) passed")
        for sample in report.cases where sample.status == "fail" {
            XCTFail("golden sample \(sample.id) differs:\n"
                + sample.problems.joined(separator: "\n"))
        }
    }
}

/// The JSON report of `script/goldens --json`.
private struct GoldensReport: Decodable {
    let total: Int
    let passed: Int
    let failed: Int
    let updated: Int
    let cases: [HarnessCase]
}
