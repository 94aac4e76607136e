import Foundation
import XCTest
import TeamsTenant
@testable import TeamsModule

/// Microsoft365DSC-style resources driven through a whole life against the tenant
/// (Tests/M365DSC/Invoke-M365DSCLifecycle.ps1): teamsh's own resource-shaped modules always, and
/// Microsoft365DSC's MSFT_Teams*Policy resources unmodified when `M365DSC_RESOURCES` names the
/// folder that holds them (they cannot be committed here).
final class M365DSCHarnessTests: XCTestCase {
    /// Tests/M365DSC in this checkout.
    static let harness = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("M365DSC").path

    /// Runs the harness over a resource folder and returns its report lines.
    private func run(resourceRoot: String, scenarios: String) -> (lines: [String], err: String) {
        let script = "& '\(M365DSCHarnessTests.harness)/Invoke-M365DSCResources.ps1' -ResourceRoot '\(resourceRoot)' -ScenarioFile '\(scenarios)'"
        let r = TestSession.run(script)
        return (TestSession.lines(r.out), r.err)
    }

    private func assertLifecycles(_ lines: [String], resources: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lines.filter { $0.hasSuffix(": ok") }.count, resources * 7, lines.joined(separator: "\n"), file: file, line: line)
        XCTAssertEqual(lines.filter { $0.contains("FAIL") || $0.contains("skipped") }, [], file: file, line: line)
    }

    func testOwnResourceShapedModules() {
        let r = run(resourceRoot: M365DSCHarnessTests.harness + "/Resources", scenarios: M365DSCHarnessTests.harness + "/OwnScenarios.ps1")
        assertLifecycles(r.lines, resources: 4)
        XCTAssertEqual(r.err, "")
    }

    func testMicrosoft365DSCResources() throws {
        guard let root = ProcessInfo.processInfo.environment["M365DSC_RESOURCES"], !root.isEmpty else {
            throw XCTSkip("M365DSC_RESOURCES is not set: point it at Microsoft365DSC's Modules/Microsoft365DSC/DSCResources folder "
                + "(github.com/microsoft/Microsoft365DSC) to run its MSFT_Teams*Policy resources against the tenant.")
        }
        let r = run(resourceRoot: root, scenarios: M365DSCHarnessTests.harness + "/Scenarios.ps1")
        assertLifecycles(r.lines, resources: 13)
    }
}
