import XCTest

final class PowerShellFormattingTestsPlaceholder: XCTestCase {
    func testTargetBuilds() {}
}
