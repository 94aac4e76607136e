import XCTest

final class PowerShellCmdletsTestsPlaceholder: XCTestCase {
    func testTargetBuilds() {}
}
