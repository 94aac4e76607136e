import XCTest
@testable import PowerShellRuntime

/// about_Wildcards: `*`, `?`, `[abc]`, `[a-z]`, backtick escapes; whole-string matches.
final class WildcardTests: XCTestCase {
    func testMatches() {
        let rows: [(String, String, Bool, Bool, UInt)] = [
            ("*", "", false, true, #line),
            ("*", "anything", false, true, #line),
            ("a*", "ABC", false, true, #line),
            ("a*", "ABC", true, false, #line),
            ("*.txt", "file.txt", false, true, #line),
            ("*.txt", "file.txt.bak", false, false, #line),
            ("?", "a", false, true, #line),
            ("?", "ab", false, false, #line),
            ("[a-c]bc", "abc", false, true, #line),
            ("[a-c]bc", "dbc", false, false, #line),
            ("[abc]*", "Bob", false, true, #line),
            ("`[x`]", "[x]", false, true, #line),
            ("`*", "*", false, true, #line),
            ("`*", "a", false, false, #line),
            ("Get-*Item", "Get-ChildItem", false, true, #line),
            ("*a*b*", "xxaxxbxx", false, true, #line),
            ("*a*b", "xxaxxbxxb", false, true, #line),
            ("policy?", "Policy1", false, true, #line),
            ("[", "[", false, true, #line),
            ("ÄB*", "äbc", false, true, #line),
            ("abc", "ABC", false, true, #line),
            ("abc", "abcd", false, false, #line),
        ]
        for (p, s, cs, expected, line) in rows {
            XCTAssertEqual(WildcardPattern(p, caseSensitive: cs).matches(s), expected, "'\(s)' -like '\(p)'", line: line)
        }
    }

    func testContainsWildcardAndEscape() {
        XCTAssertTrue(WildcardPattern.containsWildcard("Get-*"))
        XCTAssertTrue(WildcardPattern.containsWildcard("a?"))
        XCTAssertTrue(WildcardPattern.containsWildcard("[ab]"))
        XCTAssertFalse(WildcardPattern.containsWildcard("plain"))
        XCTAssertFalse(WildcardPattern.containsWildcard("`*"))
        XCTAssertEqual(WildcardPattern.unescape("a`*b"), "a*b")
        XCTAssertEqual(WildcardPattern.escape("a*b"), "a`*b")
    }
}
