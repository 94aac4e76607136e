import Foundation
import PowerShellRuntime

/// Pester 5's console output (its WriteScreen plugin) for Normal and Detailed verbosity, with
/// the failure text of ConvertTo-FailureLines / Format-ErrorMessage.
final class PesterOutput {
    enum Verbosity { case normal, detailed }

    let verbosity: Verbosity
    let write: (String) -> Void
    private let margin = " "

    init(verbosity: Verbosity, write: @escaping (String) -> Void) {
        self.verbosity = verbosity
        self.write = write
    }

    var detailed: Bool { verbosity == .detailed }

    static func humanTime(_ seconds: TimeInterval) -> String {
        if seconds < 1 {
            return "\(Int((seconds * 1000).rounded(.toNearestOrEven)))ms"
        }
        let rounded = (seconds * 100).rounded(.toNearestOrEven) / 100
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "s"
    }

    func times(_ total: TimeInterval, _ framework: TimeInterval = 0) -> String {
        let user = max(0, total - framework)
        return "\(PesterOutput.humanTime(total)) (\(PesterOutput.humanTime(user))|\(PesterOutput.humanTime(framework)))"
    }

    // MARK: Steps

    func start() {
        if detailed { write("Pester v\(PesterModule.version)") }
    }

    func discoveryStart(_ count: Int) {
        write("\nStarting discovery in \(count) files.")
    }

    func containerDiscoveryEnd(_ c: PesterContainer) {
        guard let e = c.errorRecords.first else { return }
        write("[-] Discovery in \(c.item) failed with:")
        write(PesterOutput.formatErrors([e], margin: ""))
    }

    func discoveryEnd(found: Int, duration: TimeInterval, filters: [(String, [String])], toRun: Int) {
        write("Discovery found \(found) tests in \(PesterOutput.humanTime(duration)).")
        if detailed && !filters.isEmpty {
            for (name, values) in filters {
                write("Filter '\(name)' set to ('\(values.joined(separator: "', '"))').")
            }
            write("Filters selected \(toRun) tests to run.")
        }
    }

    func runStart() {
        write("Running tests.")
    }

    func containerRunStart(_ c: PesterContainer) {
        if detailed && c.type == "File" { write("\nRunning tests from '\(c.item)'") }
    }

    func containerRunEnd(_ c: PesterContainer) {
        if let e = c.errorRecords.first, c.root.allTests.isEmpty || c.result != .passed {
            write("[-] \(c.item) failed with:")
            write(PesterOutput.formatErrors([e], margin: ""))
        }
        if !detailed && c.passed && c.errorRecords.isEmpty && !c.root.allTests.isEmpty {
            write("[+] \(c.item) \(times(c.duration))")
        }
    }

    /// Detailed output writes a block's header just before its first test.
    func testSetupStart(_ test: PesterTest) {
        if detailed { writeBlock(test.block) }
    }

    private func writeBlock(_ block: PesterBlock) {
        if block.isRoot || block.writtenToScreen { return }
        if let p = block.parent, !p.isRoot, !p.writtenToScreen { writeBlock(p) }
        let level = block.path.count - 1
        let text = (block.commandUsed == "Context" ? "Context " : "Describing ") + (block.expandedName.trimmingCharacters(in: .whitespaces).isEmpty ? block.name : block.expandedName)
        if level == 0 && !block.isFirst { write("") }
        block.writtenToScreen = true
        write(String(repeating: margin, count: level) + text)
    }

    func testEnd(_ t: PesterTest) {
        let level = detailed ? t.path.count : 0
        let m = String(repeating: margin, count: level)
        let errorMargin = m + margin
        var out = detailed ? t.expandedName : t.expandedPath
        if detailed, let msg = t.resultMessage, !t.skip { out += " " + msg }
        let time = times(t.duration)
        switch t.result {
        case .passed:
            if detailed { write("\(m)[+] \(out) \(time)") }
        case .failed:
            write("\(m)[-] \(out) \(time)")
            write(PesterOutput.formatErrors(t.errorRecords, margin: errorMargin))
        case .skipped:
            if detailed { write("\(m)[!] \(out) \(time)") }
        case .inconclusive:
            if detailed { write("\(m)[?] \(out) \(time)") }
        case .notRun:
            break
        }
    }

    func blockFailed(_ block: PesterBlock) {
        if detailed, !block.writtenToScreen, block.tests.contains(where: { $0.isFirst && !$0.executed }) { writeBlock(block) }
        let m = detailed ? String(repeating: margin, count: block.path.count) : ""
        write("[-] \(block.commandUsed) \(block.path.joined(separator: ".")) failed")
        write(PesterOutput.formatErrors(block.errorRecords, margin: m + margin))
    }

    func report(_ run: PesterRun) {
        write("Tests completed in \(PesterOutput.humanTime(run.duration))")
        let p = run.tests(.passed).count, s = run.tests(.skipped).count, i = run.tests(.inconclusive).count, n = run.tests(.notRun).count
        write("Tests Passed: \(p), Failed: \(run.failedCount), Skipped: \(s), Inconclusive: \(i), NotRun: \(n)")
        let blocks = run.failedBlocks
        if !blocks.isEmpty {
            write("BeforeAll \\ AfterAll failed: \(blocks.count)")
            write(blocks.map { "  - \($0.path.joined(separator: "."))" }.joined(separator: "\n"))
        }
        let containers = run.failedContainers
        if !containers.isEmpty {
            write("Container failed: \(containers.count)")
            write(containers.map { "  - \($0.item)" }.joined(separator: "\n"))
        }
        if run.containers.contains(where: { $0.root.showPendingDeprecation }) {
            write("**DEPRECATED**: The -Pending parameter of Set-ItResult is deprecated. The parameter will be removed in a future version of Pester.")
        }
    }

    // MARK: Failure text

    /// The message lines and trace lines of one error (ConvertTo-FailureLines).
    static func failureLines(_ e: ErrorRecord) -> (message: [String], trace: [String]) {
        let assertion = e.errorId == "PesterAssertionFailed"
        let message = exceptionLines(e)
        var trace: [String] = []
        if assertion, let h = e.targetObject.hashtable {
            let lineText = Conversion.toString(h.get("LineText") ?? .null).trimmingCharacters(in: .whitespacesAndNewlines)
            let file = Conversion.toString(h.get("File") ?? .null)
            let line = Conversion.toString(h.get("Line") ?? .null)
            trace.append("at \(lineText), \(file):\(line)")
            if !file.isEmpty { trace.append("at <ScriptBlock>, \(file):\(line)") }
        } else {
            trace += PesterTrace.testFrames(e.scriptStackTrace)
        }
        return (message, trace)
    }

    /// The messages of an error's exception and its inner exceptions, the innermost first,
    /// each led by its exception's type name unless the error is a failed assertion (Pester 4
    /// and 5 alike).
    static func exceptionLines(_ e: ErrorRecord) -> [String] {
        let assertion = e.errorId == "PesterAssertionFailed"
        var chain: [PSExceptionObject] = []
        var ex: PSExceptionObject? = e.exception
        while let x = ex { chain.append(x); ex = x.innerException }
        var message: [String] = []
        for x in chain.reversed() {
            var lines = x.message.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
            if !lines.isEmpty && !assertion {
                let short = x.typeFullName.split(separator: ".").last.map(String.init) ?? x.typeFullName
                lines[0] = "\(short): \(lines[0])"
            }
            message += lines
        }
        return message
    }

    /// Format-ErrorMessage: one error's message and trace, or `[n]`-numbered errors, each line
    /// prefixed with the margin.
    static func formatErrors(_ errors: [ErrorRecord], margin: String) -> String {
        var text: String
        if errors.count > 1 {
            text = errors.enumerated().map { i, e in
                let (m, t) = failureLines(e)
                var s = "[\(i)] " + m.joined(separator: "\n")
                if !t.isEmpty { s += "\n" + t.joined(separator: "\n") }
                return s
            }.joined(separator: "\n")
        } else if let e = errors.first {
            let (m, t) = failureLines(e)
            text = m.joined(separator: "\n")
            if !t.isEmpty { text += "\n" + t.joined(separator: "\n") }
        } else {
            text = ""
        }
        return text.components(separatedBy: "\n").map { margin + $0 }.joined(separator: "\n")
    }
}
