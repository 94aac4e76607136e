import XCTest
@testable import TeamsTenant

/// The world file's JSON reader and writer: strict RFC 8259 syntax with line and column in every
/// error, values read back exactly, and a writer whose output the reader returns unchanged.
final class JSONDocumentTests: XCTestCase {
    /// (text, line, column, words the problem contains)
    let syntaxErrors: [(String, Int, Int, String)] = [
        ("", 1, 1, "the file is empty"),
        ("   \n  ", 2, 3, "the file is empty"),
        ("{", 1, 2, "unexpected end of the file"),
        ("{\"a\": 1", 1, 8, "no closing '}'"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the key, found character '1'"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after an object member, found character '\"'"),
        ("{\"a\": 1,}", 1, 9, "a comma before '}'"),
        ("[1, 2,]", 1, 7, "a comma before ']'"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{a: 1}", 1, 2, "expected a key in double quotes, found character 'a'"),
        ("{'a': 1}", 1, 2, "expected a key in double quotes"),
        ("['a']", 1, 2, "double quotes"),
        ("{\"a\": tru}", 1, 7, "a value (object, array, string, number, true, false or null) was expected"),
        ("{\"a\": True}", 1, 7, "unexpected character 'T'"),
        ("{\"a\": nulls}", 1, 7, "was expected"),
        ("{\"a\": 01}", 1, 7, "numbers must not start with 0"),
        ("{\"a\": 1.}", 1, 7, "a digit must follow the decimal point"),
        ("{\"a\": -}", 1, 7, "a digit must follow '-'"),
        ("{\"a\": 1e}", 1, 7, "the exponent has no digits"),
        ("{\"a\": 12x}", 1, 9, "unexpected character 'x' after it"),
        ("{\"a\": \"abc}", 1, 7, "no closing quote"),
        ("{\"a\": \"ab\ncd\"}", 1, 7, "no closing quote on its line"),
        ("{\"a\": \"a\tb\"}", 1, 9, "write it as an escape"),
        ("{\"a\": \"\\q\"}", 1, 8, "invalid escape '\\q'"),
        ("{\"a\": \"\\u12G4\"}", 1, 8, "four hex digits"),
        ("{} {}", 1, 4, "after the end of the JSON value"),
        ("{\"é\": x}", 1, 7, "unexpected character 'x'"),
        ("// comment\n{}", 1, 1, "comments are not allowed"),
        ("{\"a\": [1, {\"b\": ]}]}", 1, 17, "unexpected character ']'"),
    ]

    func testSyntaxErrorsGiveLineAndColumn() {
        for (text, line, column, words) in syntaxErrors {
            XCTAssertThrowsError(try JSONDocument(bytes: Array(text.utf8)), text) { error in
                guard let syntax = error as? JSONSyntaxError else { return XCTFail("\(text): \(error)") }
                let position = JSONDocument.lineAndColumn(of: syntax.offset, in: Array(text.utf8))
                XCTAssertEqual(position.line, line, "\(text): \(syntax.problem)")
                XCTAssertEqual(position.column, column, "\(text): \(syntax.problem)")
                XCTAssertTrue(syntax.problem.contains(words), "\(text): \(syntax.problem)")
            }
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONDocument(bytes: Array(deep.utf8))) { error in
            XCTAssertTrue((error as? JSONSyntaxError)?.problem.contains("nested more than 512") == true, "\(error)")
        }
    }

    func testInvalidUTF8InAStringIsAnError() throws {
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let document = try JSONDocument(bytes: bytes)
        XCTAssertThrowsError(try document.decodeValue([String: String].self, document.root)) { error in
            XCTAssertTrue("\(error)".contains("not valid UTF-8"), "\(error)")
        }
    }

    /// Values as decoded, through the same Codable machinery the world uses.
    func testValuesDecode() throws {
        struct Sample: Codable, Equatable {
            var text: String
            var number: Int
            var big: UInt64
            var real: Double
            var flag: Bool
            var missing: String?
            var null: String?
            var list: [String]
            var map: [String: Int]
            var date: Date
        }
        let text = """
        {"text": "a\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00 é", "number": -42, "big": 18446744073709551615,
         "real": 2.5e1, "flag": false, "null": null, "list": ["x", "y"], "map": {"k": 1, "j": 2},
         "date": "2026-02-02T09:00:00Z"}
        """
        let document = try JSONDocument(bytes: Array(text.utf8))
        let sample = try document.decodeValue(Sample.self, document.root)
        XCTAssertEqual(sample.text, "a\"b\\c/d\né😀 é")
        XCTAssertEqual(sample.number, -42)
        XCTAssertEqual(sample.big, UInt64.max)
        XCTAssertEqual(sample.real, 25)
        XCTAssertFalse(sample.flag)
        XCTAssertNil(sample.missing)
        XCTAssertNil(sample.null)
        XCTAssertEqual(sample.list, ["x", "y"])
        XCTAssertEqual(sample.map, ["k": 1, "j": 2])
        XCTAssertEqual(SimulatedDates.format(sample.date), "2026-02-02T09:00:00Z")
        XCTAssertTrue(document.unusedKeys().isEmpty)
    }

    func testTypeErrorsNameThePathAndPosition() throws {
        struct Inner: Codable { var name: String }
        struct Outer: Codable { var items: [Inner] }
        let rows: [(String, String)] = [
            ("{\"items\": [{\"name\": \"a\"}, {\"name\": 5}]}", "items[1].name should be a string (line 1, column 36)"),
            ("{\"items\": [{\"name\": \"a\"},\n {}]}", "items[1].name is missing (line 2, column 2)"),
            ("{\"items\": {}}", "items should be a list (line 1, column 11)"),
            ("{\"items\": [{\"name\": null}]}", "items[0].name should be a string, not null (line 1, column 21)"),
        ]
        for (text, expected) in rows {
            let document = try JSONDocument(bytes: Array(text.utf8))
            XCTAssertThrowsError(try document.decodeValue(Outer.self, document.root), text) { error in
                guard let decoding = error as? DecodingError else { return XCTFail("\(error)") }
                XCTAssertEqual(WorldCodec.describe(decoding, in: document), expected)
            }
        }
    }

    func testUnusedKeysAreNamedWithTheirPlace() throws {
        struct Inner: Codable { var name: String }
        struct Outer: Codable { var items: [Inner]; var map: [String: Int] }
        let text = "{\n  \"items\": [{\"name\": \"a\", \"nmae\": \"b\"}],\n  \"map\": {\"any\": 1},\n  \"extra\": {\"deep\": 1}\n}"
        let document = try JSONDocument(bytes: Array(text.utf8))
        _ = try document.decodeValue(Outer.self, document.root)
        let unused = document.unusedKeys().map { key -> String in
            let position = document.lineAndColumn(ofOffset: key.offset)
            return "\(key.path) \(position.line):\(position.column)"
        }
        // Dictionary keys are data, not names teamsh reads; an unknown object is named once.
        XCTAssertEqual(unused, ["items[0].nmae 2:27", "extra 4:3"])
    }

    func testWriterRoundTripsAndIsStable() throws {
        let box = JSONObjectBox()
        let list = JSONArrayBox([.number("1"), .string("tab\there \"quoted\" back\\slash \u{1}é😀/"), .null, .bool(true)])
        box.members = [("z", .array(list)), ("a", .object(JSONObjectBox())), ("B", .array(JSONArrayBox())), ("é", .number("-2.5"))]
        var pretty = JSONTextWriter(pretty: true)
        pretty.write(.object(box))
        let text = String(decoding: pretty.bytes, as: UTF8.self)
        XCTAssertEqual(text, """
        {
          "B": [],
          "a": {},
          "z": [
            1,
            "tab\\there \\"quoted\\" back\\\\slash \\u0001é😀/",
            null,
            true
          ],
          "é": -2.5
        }
        """)
        // The journal's compact form keeps the encoding order (no sorting on the hot path).
        var compact = JSONTextWriter(pretty: false)
        compact.write(.object(box))
        XCTAssertEqual(String(decoding: compact.bytes, as: UTF8.self),
                       "{\"z\":[1,\"tab\\there \\\"quoted\\\" back\\\\slash \\u0001é😀/\",null,true],\"a\":{},\"B\":[],\"é\":-2.5}")
        let reread = try JSONDocument(bytes: pretty.bytes)
        let strings = try reread.decodeValue([String: JSONAny].self, reread.root)
        XCTAssertEqual(strings["z"], .list([.number(1), .text("tab\there \"quoted\" back\\slash \u{1}é😀/"), .null, .flag(true)]))
    }

    func testDatesFormatAsISO8601() {
        for text in ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-02-02T09:00:00Z", "1969-12-31T12:00:00Z",
                     "0999-03-01T00:00:00Z", "2100-12-31T23:59:59Z"] {
            guard let date = SimulatedDates.parse(text) else { return XCTFail(text) }
            XCTAssertEqual(SimulatedDates.format(date), text)
        }
    }
}

/// Any JSON value, for reading back what the writer wrote.
private enum JSONAny: Decodable, Equatable {
    case null, flag(Bool), number(Double), text(String), list([JSONAny]), object([String: JSONAny])

    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else if let text = try? single.decode(String.self) {
            self = .text(text)
        } else if let list = try? single.decode([JSONAny].self) {
            self = .list(list)
        } else {
            self = .object(try single.decode([String: JSONAny].self))
        }
    }
}
