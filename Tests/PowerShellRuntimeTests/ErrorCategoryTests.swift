import XCTest
@testable import PowerShellRuntime

/// ErrorCategory's names are written out (reflection was slow): each must be its member's name,
/// and `named` must find each case-insensitively.
final class ErrorCategoryTests: XCTestCase {
    func testNamesAreTheMembers() {
        XCTAssertEqual(ErrorCategory.allCases.count, 32)
        for category in ErrorCategory.allCases {
            XCTAssertEqual(category.name, String(describing: category))
            XCTAssertEqual(ErrorCategory.named(category.name.uppercased()), category)
        }
        XCTAssertNil(ErrorCategory.named("NoSuchCategory"))
    }
}
