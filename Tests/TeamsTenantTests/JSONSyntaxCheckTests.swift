import XCTest
@testable import TeamsTenant

/// Where a refused world file stops being JSON, as its error names it.
final class JSONSyntaxCheckTests: XCTestCase {
    func testFirstError() {
        let rows: [(String, String?)] = [
            ("{ \"schemaVersion\": 1, \"tenant\": ", "line 1, column 33: a value expected, found the end of the file"),
            ("{\n  \"a\": 1,\n  \"b\": tru\n}", "line 3, column 11: 'true' expected, found the end of the line"),
            ("{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: ',' or '}' expected after the property's value, found '\"'"),
            ("{ a: 1 }", "line 1, column 3: a property name in double quotes expected, found 'a'"),
            ("{ \"a\" 1 }", "line 1, column 7: ':' expected after the property name, found '1'"),
            ("[1, 2", "line 1, column 6: ',' or ']' expected after the list's item, found the end of the file"),
            ("[1 2]", "line 1, column 4: ',' or ']' expected after the list's item, found '2'"),
            ("{\"é\": 'x'}", "line 1, column 7: a value expected, found '''"),
            ("{\"a\": \"open\n}", "line 1, column 12: a control character inside a string (write it as an escape such as \\n)"),
            ("{\"a\": \"open", "line 1, column 7: the string starting here is not closed with '\"'"),
            ("{\"a\": \"\\x\"}", "line 1, column 9: an escape sequence expected after '\\', found 'x'"),
            ("{\"a\": \"\\u12g4\"}", "line 1, column 12: four hexadecimal digits expected after \\u, found 'g'"),
            ("{\"a\": -}", "line 1, column 8: a digit expected, found '}'"),
            ("{\"a\": 1.}", "line 1, column 9: a digit expected after the decimal point, found '}'"),
            ("{\"a\": 1e}", "line 1, column 9: a digit expected in the exponent, found '}'"),
            ("{} {}", "line 1, column 4: the end of the file expected after the top-level value"),
            ("", "line 1, column 1: a value expected, found the end of the file"),
            (String(repeating: "[", count: 600), "line 1, column 513: nested more than 512 levels deep"),
            ("{\"a\": [1, -2.5e+3, true, false, null, \"\\u00e9\\n\"], \"b\": {}}", nil),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(JSONSyntaxCheck.firstError(in: Data(text.utf8)), expected, text)
        }
    }

    func testARefusedWorldFileNamesTheLine() {
        let text = "{\n  \"schemaVersion\": 1,\n  \"tenant\": { \"initialDomain\": \"x.com\" ]\n}\n"
        XCTAssertThrowsError(try WorldStore.decode(Data(text.utf8), path: "w.json")) { error in
            XCTAssertEqual((error as? WorldStoreError)?.message,
                           "The tenant file 'w.json' is not valid JSON (line 3, column 40: ',' or '}' expected after the property's value, found ']'). It was left unchanged.")
        }
    }
}
