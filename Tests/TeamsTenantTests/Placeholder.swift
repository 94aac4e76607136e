import XCTest

final class TeamsTenantTestsPlaceholder: XCTestCase {
    func testTargetBuilds() {}
}
