import Foundation
import PowerShellRuntime

/// TestResult.Enabled (and `-CI`): a NUnit 2.5 style report at TestResult.OutputPath.
enum PesterTestResults {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func write(_ run: PesterRun, config: PesterConfiguration, context: ExecutionContext) {
        let path = context.resolvePath(config.string("TestResult", "OutputPath"))
        let tests = run.tests
        func count(_ r: PesterResult) -> Int { tests.filter { $0.result == r }.count }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n"
        xml += "<test-results xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"nunit_schema_2.5.xsd\" name=\"\(escape(config.string("TestResult", "TestSuiteName")))\" total=\"\(tests.count)\" errors=\"0\" failures=\"\(count(.failed))\" not-run=\"\(count(.notRun))\" inconclusive=\"\(count(.inconclusive))\" ignored=\"0\" skipped=\"\(count(.skipped))\" invalid=\"0\">\n"
        for c in run.containers {
            xml += "  <test-suite type=\"TestFixture\" name=\"\(escape(c.item))\" executed=\"True\" result=\"\(c.passed ? "Success" : "Failure")\" success=\"\(c.passed ? "True" : "False")\" time=\"\(String(format: "%.4f", c.duration))\" asserts=\"0\">\n    <results>\n"
            for t in c.root.allTests {
                let result: String
                switch t.result {
                case .passed: result = "Success"
                case .failed: result = "Failure"
                case .skipped: result = "Ignored"
                case .inconclusive: result = "Inconclusive"
                case .notRun: result = "NotRun"
                }
                xml += "      <test-case description=\"\(escape(t.expandedName))\" name=\"\(escape(t.expandedPath))\" time=\"\(String(format: "%.4f", t.duration))\" asserts=\"0\" success=\"\(t.result == .failed ? "False" : "True")\" result=\"\(result)\" executed=\"\(t.executed ? "True" : "False")\""
                if t.result == .failed, let e = t.errorRecords.first {
                    xml += ">\n        <failure>\n          <message>\(escape(e.message))</message>\n        </failure>\n      </test-case>\n"
                } else {
                    xml += " />\n"
                }
            }
            xml += "    </results>\n  </test-suite>\n"
        }
        xml += "</test-results>\n"
        try? xml.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
