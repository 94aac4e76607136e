import XCTest
@testable import TeamsTenant

/// Parsing and ordering of module versions (PowerShellGet / SemVer rules).
final class ModuleVersionTests: XCTestCase {
    func testParsing() {
        let cases: [(text: String, components: [Int]?, prerelease: String?)] = [
            ("2.3.1", [2, 3, 1], nil),
            ("7.5.1-preview", [7, 5, 1], "preview"),
            ("1.4.8.1", [1, 4, 8, 1], nil),
            ("7.0", [7, 0], nil),
            (" 2.6.0 ", [2, 6, 0], nil),
            ("1.0.0-rc.1", [1, 0, 0], "rc.1"),
            ("7", nil, nil),
            ("1.2.3.4.5", nil, nil),
            ("1..2", nil, nil),
            ("1.-2.3", nil, nil),
            ("a.b.c", nil, nil),
            ("1.2.3-", nil, nil),
            ("1.2.3-pre view", nil, nil),
            ("1.2.3-a..b", nil, nil),
            ("99999999999.0", nil, nil),
            ("", nil, nil),
            // Int32's range, leading zeros, labels with dashes, white space of any kind around.
            ("2147483647.0", [2_147_483_647, 0], nil),
            ("2147483648.0", nil, nil),
            ("007.01", [7, 1], nil),
            ("1.2-a-b.3", [1, 2], "a-b.3"),
            ("\t1.2\r\n", [1, 2], nil),
            ("\u{3000}1.2\u{A0}", [1, 2], nil),
            // Anything not ASCII inside: other digits, accents on digits or letters, a dash with an accent.
            ("\u{FF11}.0", nil, nil),
            ("1.2\u{301}", nil, nil),
            ("1.2-beta\u{301}", nil, nil),
            ("1.2-\u{301}beta", nil, nil),
            ("1.2-b\u{E9}ta", nil, nil),
            ("-1.2", nil, nil),
            ("1.2-.a", nil, nil),
        ]
        for (text, components, prerelease) in cases {
            let version = ModuleVersion(text)
            XCTAssertEqual(version?.components, components, "\"\(text)\"")
            if components != nil { XCTAssertEqual(version?.prerelease, prerelease, "\"\(text)\"") }
        }
    }

    func testOrdering() {
        // Each row: lower, higher.
        let rows: [(String, String)] = [
            ("2.3.1", "2.6.0"),
            ("2.5.1", "2.5.2-preview"),
            ("2.5.2-preview", "2.6.0"),
            ("7.5.1-preview", "7.5.1"),
            ("7.5.0", "7.5.1-preview"),
            ("1.1.9-preview", "1.1.10-preview"),
            ("2.9.0", "2.10.0"),
            ("7.0", "7.0.0"),
            ("7.0.0", "7.0.0.0"),
            ("1.0.0-alpha", "1.0.0-alpha.1"),
            ("1.0.0-alpha.1", "1.0.0-alpha.beta"),
            ("1.0.0-alpha.beta", "1.0.0-beta"),
            ("1.0.0-beta.2", "1.0.0-beta.11"),
            ("1.0.0-rc.1", "1.0.0"),
            ("6.9.0", "7.7.0"),
        ]
        for (lowerText, higherText) in rows {
            guard let lower = ModuleVersion(lowerText), let higher = ModuleVersion(higherText) else {
                return XCTFail("unparsable row \(lowerText) / \(higherText)")
            }
            XCTAssertLessThan(lower, higher, "\(lowerText) < \(higherText)")
            XCTAssertFalse(higher < lower, "not \(higherText) < \(lowerText)")
            XCTAssertNotEqual(lower, higher)
        }
    }

    func testEqualityIgnoresPrereleaseCase() {
        XCTAssertEqual(ModuleVersion("7.5.1-Preview"), ModuleVersion("7.5.1-preview"))
        XCTAssertEqual(Set([ModuleVersion("7.5.1-Preview"), ModuleVersion("7.5.1-preview")]).count, 1)
    }

    func testTexts() {
        let version = ModuleVersion("7.5.1-preview")
        XCTAssertEqual(version?.description, "7.5.1-preview")
        XCTAssertEqual(version?.numericText, "7.5.1")
        XCTAssertEqual(version?.isPrerelease, true)
        XCTAssertEqual(version?.release.description, "7.5.1")
    }

    func testSortingTheGallery() {
        let texts = ["7.7.0", "2.3.1", "7.5.1-preview", "2.6.0", "7.5.0", "2.5.2-preview"]
        let sorted = texts.compactMap(ModuleVersion.init).sorted().map(\.description)
        XCTAssertEqual(sorted, ["2.3.1", "2.5.2-preview", "2.6.0", "7.5.0", "7.5.1-preview", "7.7.0"])
    }

    func testCodableAsText() throws {
        let data = try JSONEncoder().encode(["v": ModuleVersion("7.5.1-preview")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "{\"v\":\"7.5.1-preview\"}")
        XCTAssertThrowsError(try JSONDecoder().decode([String: ModuleVersion].self, from: Data("{\"v\":\"x\"}".utf8)))
    }
}
