import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// Pester 4's run state (the `$Pester` object of Pester 4.10.1's PesterState.ps1): a stack of
/// test groups (the root, one per script file, then Describe/Context blocks), the setup and
/// teardown blocks each group hoisted, the results in the order they were recorded, and the
/// counts the summary and `-PassThru` report. Pester 4 has no discovery phase: a Describe runs
/// its body the moment it is called, so this state is all there is.
final class Pester4State {
    /// One group: the root ("Pester"), a script file, or a Describe/Context block.
    final class Group {
        let name: String
        /// `Root`, `Script`, `Describe` or `Context`.
        let hint: String
        var beforeAll: [ScriptBlock] = []
        var afterAll: [ScriptBlock] = []
        var beforeEach: [ScriptBlock] = []
        var afterEach: [ScriptBlock] = []
        let start: TimeInterval
        var time: TimeInterval = 0

        init(name: String, hint: String, start: TimeInterval) {
            self.name = name
            self.hint = hint
            self.start = start
        }
    }

    /// Which kinds of output are shown (Pester.OutputTypes flags).
    struct Show: OptionSet {
        let rawValue: Int
        static let defaultOutput = Show(rawValue: 1)
        static let passed = Show(rawValue: 2)
        static let failed = Show(rawValue: 4)
        static let pending = Show(rawValue: 8)
        static let skipped = Show(rawValue: 16)
        static let inconclusive = Show(rawValue: 32)
        static let describe = Show(rawValue: 64)
        static let context = Show(rawValue: 128)
        static let summary = Show(rawValue: 256)
        static let header = Show(rawValue: 512)
        static let all: Show = [.defaultOutput, .passed, .failed, .pending, .skipped, .inconclusive, .describe, .context, .summary, .header]
        static let fails: Show = [.defaultOutput, .failed, .pending, .skipped, .inconclusive, .describe, .context, .summary, .header]

        static let names: [(String, Show)] = [
            ("None", []), ("Default", .defaultOutput), ("Passed", .passed), ("Failed", .failed), ("Pending", .pending),
            ("Skipped", .skipped), ("Inconclusive", .inconclusive), ("Describe", .describe), ("Context", .context),
            ("Summary", .summary), ("Header", .header), ("All", .all), ("Fails", .fails),
        ]

        /// Parses `'Failed, Summary'` or an array of names; nil for an unknown name.
        static func parse(_ v: Value) -> Show? {
            let parts: [String]
            if let a = v.array {
                parts = a.items.map { Conversion.toString($0) }
            } else {
                parts = Conversion.toString(v).split(separator: ",").map { String($0) }
            }
            var show: Show = []
            for p in parts {
                let name = p.trimmingCharacters(in: .whitespaces)
                guard let entry = names.first(where: { $0.0.caseInsensitiveCompare(name) == .orderedSame }) else { return nil }
                show.formUnion(entry.1)
            }
            return show
        }
    }

    let viaInvokePester: Bool
    let show: Show
    let strict: Bool
    let testNameFilter: [String]
    let tagFilter: [String]
    let excludeTagFilter: [String]
    /// Writes one line of host output (Write-Host as Pester does it).
    let write: (String) -> Void
    var groups: [Group]
    var results: [PSCustomObject] = []
    var passedCount = 0, failedCount = 0, skippedCount = 0, pendingCount = 0, inconclusiveCount = 0
    var inTest = false
    /// When the running test started and stopped (the next recorded result's duration).
    var testStart: TimeInterval?
    var testStop: TimeInterval?
    /// The time of all script groups (what "Tests completed in" reports).
    var time: TimeInterval = 0

    init(viaInvokePester: Bool, show: Show, strict: Bool = false, testNameFilter: [String] = [], tagFilter: [String] = [],
         excludeTagFilter: [String] = [], write: @escaping (String) -> Void) {
        self.viaInvokePester = viaInvokePester
        self.show = show
        self.strict = strict
        self.testNameFilter = testNameFilter
        self.tagFilter = tagFilter
        self.excludeTagFilter = excludeTagFilter
        self.write = write
        groups = [Group(name: "Pester", hint: "Root", start: PesterSession.now())]
    }

    var currentGroup: Group { groups[groups.count - 1] }

    /// How deep output is indented: the root and the script level do not count.
    var indentLevel: Int { max(0, groups.count - 2) }

    /// The number of the test group a new Describe is in: 2 under Invoke-Pester (root and
    /// script), 1 for a Describe run on its own. Filters apply to blocks at that level.
    var isOutermostBlock: Bool { viaInvokePester ? groups.count == 2 : groups.count == 1 }

    func enterGroup(_ name: String, hint: String) {
        groups.append(Group(name: name, hint: hint, start: PesterSession.now()))
    }

    func leaveGroup() {
        guard groups.count > 1 else { return }
        let g = groups.removeLast()
        g.time = PesterSession.now() - g.start
        if g.hint == "Script" { time += g.time }
    }

    // MARK: Results

    /// The result kinds Pester 4 records.
    enum Outcome: String {
        case passed = "Passed", failed = "Failed", skipped = "Skipped", pending = "Pending", inconclusive = "Inconclusive"

        var show: Show {
            switch self {
            case .passed: return .passed
            case .failed: return .failed
            case .skipped: return .skipped
            case .pending: return .pending
            case .inconclusive: return .inconclusive
            }
        }
    }

    /// AddTestResult: counts the result and records it with the names of its Describe and
    /// Contexts. A duration not given is the last test's (EnterTest to LeaveTest), used once.
    @discardableResult
    func addResult(name: String, outcome: Outcome, time: TimeInterval? = nil, failureMessage: String = "", stackTrace: String = "",
                   suiteName: String = "", parameters: Value = .null, errorRecord: ErrorRecord? = nil) -> PSCustomObject {
        var duration: TimeInterval = 0
        if let time {
            duration = time
        } else if let start = testStart, let stop = testStop {
            duration = stop - start
            testStart = nil
            testStop = nil
        }
        var outcome = outcome
        var message = failureMessage
        var record = errorRecord
        let passed: Bool
        if strict {
            passed = outcome == .passed
            if outcome == .skipped || outcome == .pending || outcome == .inconclusive {
                message = "The test failed because the test was executed in Strict mode and the result '\(outcome.rawValue)' was translated to Failed."
                let r = ErrorRecord(exception: PSExceptionObject(.exception, message), errorId: "PesterTest\(outcome.rawValue)", category: .InvalidResult)
                record = r
                outcome = .failed
            }
        } else {
            passed = outcome == .passed || outcome == .skipped || outcome == .pending
        }
        switch outcome {
        case .passed: passedCount += 1
        case .failed: failedCount += 1
        case .skipped: skippedCount += 1
        case .pending: pendingCount += 1
        case .inconclusive: inconclusiveCount += 1
        }
        var describe = ""
        var contexts: [String] = []
        for g in groups where g.hint != "Root" && g.hint != "Script" {
            if describe.isEmpty { describe = g.name } else { contexts.append(g.name) }
        }
        let result = PSCustomObject([
            ("Describe", .string(describe)), ("Context", .string(contexts.joined(separator: "\\"))), ("Name", .string(name)),
            ("Passed", .bool(passed)), ("Result", .string(outcome.rawValue)), ("Time", .object(PesterTimeSpan(duration))),
            ("FailureMessage", .string(message)), ("StackTrace", .string(stackTrace)),
            ("ErrorRecord", record.map { .object($0) } ?? .null), ("ParameterizedSuiteName", .string(suiteName)),
            ("Parameters", parameters), ("Show", .string(showText)),
        ])
        results.append(result)
        return result
    }

    var totalCount: Int { results.count }

    /// The Show setting as Pester.OutputTypes prints it.
    var showText: String {
        if show == .all { return "All" }
        if show == .fails { return "Fails" }
        if show.isEmpty { return "None" }
        return Show.names.filter { $0.1.rawValue.nonzeroBitCount == 1 && show.contains($0.1) }.map(\.0).joined(separator: ", ")
    }

    /// The object `Invoke-Pester -PassThru` returns.
    func passThruObject() -> PSCustomObject {
        PSCustomObject([
            ("TagFilter", strings(tagFilter)), ("ExcludeTagFilter", strings(excludeTagFilter)), ("TestNameFilter", strings(testNameFilter)),
            ("ScriptBlockFilter", .null), ("TotalCount", .int(Int32(totalCount))), ("PassedCount", .int(Int32(passedCount))),
            ("FailedCount", .int(Int32(failedCount))), ("SkippedCount", .int(Int32(skippedCount))), ("PendingCount", .int(Int32(pendingCount))),
            ("InconclusiveCount", .int(Int32(inconclusiveCount))), ("Time", .object(PesterTimeSpan(time))),
            ("TestResult", .object(PSArray(results.map { .object($0) }))),
        ])
    }

    private func strings(_ s: [String]) -> Value {
        s.isEmpty ? .null : .object(PSArray(s.map { .string($0) }))
    }
}
