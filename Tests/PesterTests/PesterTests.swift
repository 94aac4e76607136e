import XCTest
import PowerShellRuntime
import TeamsModule
@testable import Pester

final class PesterTests: XCTestCase {
    func testHumanTime() {
        XCTAssertEqual(PesterOutput.humanTime(0.012), "12ms")
        XCTAssertEqual(PesterOutput.humanTime(1.054), "1.05s")
        XCTAssertEqual(PesterOutput.humanTime(2), "2s")
    }
}
