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
            ("[]a]", "]", false, true, #line),
            ("[!a]", "!", false, true, #line),
            ("[!a]", "b", false, false, #line),
            ("[a`-z]", "-", false, true, #line),
            ("[a`-z]", "m", false, false, #line),
            ("[A-C]x", "bx", false, true, #line),
            ("[a-c]x", "Bx", true, false, #line),
            ("a`", "a`", false, true, #line),
            ("`", "", false, true, #line),
            // ComparisonOperator.Tests.ps1 backtick rows
            ("abc`def", "abc`def", false, false, #line),
            ("abc``def", "abc`def", false, true, #line),
            ("abc````def", "abc`def", false, false, #line),
            ("abc````def", "abc``def", false, true, #line),
            ("ÄB*", "äbc", false, true, #line),
            ("abc", "ABC", false, true, #line),
            ("abc", "abcd", false, false, #line),
        ]
        for (p, s, cs, expected, line) in rows {
            XCTAssertEqual(WildcardPattern(p, caseSensitive: cs).matches(s), expected, "'\(s)' -like '\(p)'", line: line)
        }
    }

    func testInvalidPatterns() {
        for p in ["[", "a[bc", "[z-a]"] {
            let w = WildcardPattern(p)
            XCTAssertFalse(w.isValid, p)
            XCTAssertEqual(w.validationError?.record.errorId, "WildcardPattern_Invalid")
            XCTAssertEqual(w.validationError?.record.exception.message, "The specified wildcard character pattern is not valid: \(p)")
        }
        XCTAssertTrue(WildcardPattern("[a-z]").isValid)
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
