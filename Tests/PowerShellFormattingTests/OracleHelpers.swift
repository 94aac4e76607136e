import Foundation
import XCTest
import TestSupport
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

    /// The oracle file's lines (without the final newline's empty line); the test classes
    /// that read the oracle skip themselves when there is none (`requireOracle` in setUp).
    static func oracle(_ relative: String) -> [String]? {
        SharedEvidence.oracleText(relative).map { lines(of: $0) }
    }

    static func outDefault(_ values: [Value], registry: FormatViewRegistry = FormatViewRegistry()) -> [String] {
        OutputFormatter.lines(values, width: 80, registry: registry)
    }
}
