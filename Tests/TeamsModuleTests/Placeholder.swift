import XCTest

final class TeamsModuleTestsPlaceholder: XCTestCase {
    func testTargetBuilds() {}
}
