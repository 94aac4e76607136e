import Foundation
import PowerShellRuntime

/// Pester 4's console output (Output.ps1 of Pester 4.10.1): the header, `Describing`/`Context`
/// lines, one `[+]`/`[-]`/`[!]`/`[?]` line per test indented by the group depth, the failure
/// text under a failed test, and the two summary lines. Each piece is written only when the
/// run's `-Show` setting includes its kind.
extension Pester4State {
    static let margin = "  "

    /// Get-HumanTime: whole milliseconds (rounded down) under a second, else seconds rounded
    /// to two decimals.
    static func humanTime(_ seconds: TimeInterval) -> String {
        if seconds > 0.99 {
            let rounded = (seconds * 100).rounded(.toNearestOrEven) / 100
            return Conversion.toString(.double(rounded)) + "s"
        }
        return "\(Int((seconds * 1000).rounded(.down)))ms"
    }

    /// `Pester v4.10.1` and `Executing all tests in '…'` with the filters.
    func writeStart(paths: [String]) {
        guard show.contains(.header) else { return }
        var message = "Pester v\(PesterModule.version4)\nExecuting all tests in '\(paths.joined(separator: "', '"))'"
        if !testNameFilter.isEmpty { message += " matching test name \(testNameFilter.joined(separator: " "))" }
        if !tagFilter.isEmpty { message += " with Tags \(tagFilter.joined(separator: " "))" }
        write(message)
    }

    /// Write-Describe: a blank line, then `Describing X`, `Context X` or `Executing script X`
    /// at the current depth.
    func writeGroup(_ name: String, commandUsed: String) {
        guard show.contains(.describe) else { return }
        let label: String
        switch commandUsed {
        case "Context": label = "Context "
        case "Script": label = "Executing script "
        default: label = "Describing "
        }
        write("")
        write(String(repeating: Pester4State.margin, count: indentLevel) + label + name)
    }

    /// Write-PesterResult: one test's line, and for a failure its message and trace.
    func writeResult(_ result: PSCustomObject) {
        let outcome = Conversion.toString(result.get("Result") ?? .null)
        guard let kind = Outcome(rawValue: outcome), show.contains(kind.show) else { return }
        let margin = String(repeating: Pester4State.margin, count: indentLevel + 1)
        let errorMargin = margin + Pester4State.margin
        let name = Conversion.toString(result.get("Name") ?? .null)
        var seconds: TimeInterval = 0
        if case .object(let o)? = result.get("Time"), let t = o as? PesterTimeSpan { seconds = t.seconds }
        let time = Pester4State.humanTime(seconds)
        var because = ""
        if case .object(let o)? = result.get("ErrorRecord"), let record = o as? ErrorRecord,
           let data = record.targetObject.hashtable?.get("Data")?.hashtable, let b = data.get("Because"), !Conversion.toString(b).isEmpty {
            because = ", because \(Conversion.toString(b))"
        }
        switch kind {
        case .passed:
            write("\(margin)[+] \(name) \(time)")
        case .failed:
            write("\(margin)[-] \(name) \(time)")
            if case .object(let o)? = result.get("ErrorRecord"), let record = o as? ErrorRecord {
                let (message, trace) = Pester4State.failureLines(record)
                for line in message + trace {
                    write(line.components(separatedBy: "\n").map { errorMargin + $0 }.joined(separator: "\n"))
                }
            }
        case .skipped:
            write("\(margin)[!] \(name), is skipped\(because) \(time)")
        case .pending:
            write("\(margin)[?] \(name), is pending\(because) \(time)")
        case .inconclusive:
            write("\(margin)[?] \(name), is inconclusive\(because) \(time)")
        }
    }

    /// Write-PesterReport: `Tests completed in …` and the counts.
    func writeReport() {
        guard show.contains(.summary) else { return }
        write("Tests completed in \(Pester4State.humanTime(time))")
        write("Tests Passed: \(passedCount), Failed: \(failedCount), Skipped: \(skippedCount), Pending: \(pendingCount), Inconclusive: \(inconclusiveCount) ")
    }

    /// ConvertTo-FailureLines: the messages of the exception and its inner exceptions (the
    /// innermost first; other than for assertion failures each led by the exception's type
    /// name), the `line: text` of a failed assertion, and the script stack trace.
    static func failureLines(_ e: ErrorRecord) -> (message: [String], trace: [String]) {
        let assertion = e.fullyQualifiedErrorId == "PesterAssertionFailed"
        var message = PesterOutput.exceptionLines(e)
        var trace: [String] = []
        let target = e.targetObject.hashtable
        if assertion, let h = target {
            let line = Conversion.toString(h.get("Line") ?? .null)
            let text = Conversion.toString(h.get("LineText") ?? .null)
            message += "\(line): \(text)".components(separatedBy: "\n").filter { !$0.isEmpty }
            let file = Conversion.toString(h.get("File") ?? .null)
            if !file.isEmpty { trace.append("at <ScriptBlock>, \(file): line \(line)") }
        } else if !PesterTrace.testFrames(e.scriptStackTrace).isEmpty {
            trace += PesterTrace.testFrames(e.scriptStackTrace)
        } else if let x = e.invocationInfo?.extent, let file = x.file {
            trace.append("at <ScriptBlock>, \(file): line \(x.startLine)")
        }
        return (message, trace)
    }
}
