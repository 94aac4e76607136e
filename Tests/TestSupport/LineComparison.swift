import XCTest

/// Compares output lines with expected ones (an oracle or golden file's) and shows both texts,
/// one bracketed line each, on a mismatch. A missing expected file fails the test.
public func assertLines(_ actual: [String], _ expected: [String]?, file: StaticString = #filePath, line: UInt = #line) {
    guard let expected = expected else {
        XCTFail("expected file missing", file: file, line: line)
        return
    }
    if actual != expected {
        let a = actual.map { "[\($0)]" }.joined(separator: "\n")
        let e = expected.map { "[\($0)]" }.joined(separator: "\n")
        XCTFail("lines differ\n--- actual\n\(a)\n--- expected\n\(e)", file: file, line: line)
    }
}

/// A text's lines, without the empty line after a final newline.
public func lines(of text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
}
