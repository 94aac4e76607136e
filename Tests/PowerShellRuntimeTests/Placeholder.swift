import XCTest

final class PowerShellRuntimeTestsPlaceholder: XCTestCase {
    func testTargetBuilds() {}
}
