import XCTest
@testable import PowerShellSyntax

/// AST shapes of many constructs, as compact dumps (see AstDump).
final class ParserShapeTests: XCTestCase {
    func dump(_ text: String) -> (String, [String]) {
        let r = Parser.parse(SourceText(text: text))
        return (AstDump.script(r.ast), r.errors.map { $0.id })
    }

    func check(_ rows: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (source, expected) in rows {
            let (got, errors) = dump(source)
            XCTAssertEqual(errors, [], "errors for: \(source)", file: file, line: line)
            XCTAssertEqual(got, expected, "source: \(source)", file: file, line: line)
        }
    }

    func testDebugPrint() {
        guard let text = ProcessInfo.processInfo.environment["PS_DUMP"] else { return }
        for item in text.components(separatedBy: "#####") {
            let r = Parser.parse(SourceText(text: item))
            print("SRC: " + item.replacingOccurrences(of: "\n", with: "⏎"))
            print("DUMP: " + AstDump.script(r.ast))
            for e in r.errors { print("ERR: \(e.id) [\(e.extent.start),\(e.extent.end)) incomplete=\(e.incompleteInput) \(e.message)") }
        }
    }
}
