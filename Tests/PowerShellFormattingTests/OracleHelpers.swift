import Foundation
import XCTest
import PowerShellRuntime
@testable import PowerShellFormatting
import TestSupport

/// Builds objects and reads the oracle's expected text.
enum T {
    static func obj(_ pairs: KeyValuePairs<String, Value>) -> Value {
        .object(PSCustomObject(pairs.map { ($0.key, $0.value) }))
    }

    static func s(_ x: String) -> Value { .string(x) }
    static func i(_ x: Int) -> Value { .int(Int32(x)) }
    static func arr(_ xs: [Value]) -> Value { .object(PSArray(xs)) }

    static func hash(_ pairs: KeyValuePairs<String, Value>, ordered: Bool = false) -> Value {
        let h = PSHashtable(ordered: ordered)
        for (k, v) in pairs { h.set(.string(k), v) }
        return .object(h)
    }

    /// The oracle file's lines (without the final newline's empty line).
    static func oracle(_ relative: String) -> [String]? {
        guard let text = SharedEvidence.oracleText(relative) else { return nil }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func outDefault(_ values: [Value], registry: FormatViewRegistry = FormatViewRegistry()) -> [String] {
        OutputFormatter.lines(values, width: 80, registry: registry)
    }
}

/// Compares line by line and shows both texts on a mismatch.
func assertLines(_ actual: [String], _ expected: [String]?, file: StaticString = #filePath, line: UInt = #line) {
    guard let expected = expected else {
        XCTFail("oracle file missing", file: file, line: line)
        return
    }
    if actual != expected {
        let a = actual.map { "[\($0)]" }.joined(separator: "\n")
        let e = expected.map { "[\($0)]" }.joined(separator: "\n")
        XCTFail("lines differ\n--- actual\n\(a)\n--- expected\n\(e)", file: file, line: line)
    }
}
