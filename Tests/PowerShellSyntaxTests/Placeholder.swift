import XCTest

final class PowerShellSyntaxTestsPlaceholder: XCTestCase {
    func testTargetBuilds() {}
}
