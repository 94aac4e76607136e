import Foundation
import PowerShellRuntime

/// The test tree Pester 5 builds in discovery and fills in while running: containers (one per
/// file), blocks (Describe/Context), tests (It). The same objects are what `-PassThru` returns
/// (Pester.Run, Pester.Container, Pester.Block, Pester.Test), so scripts read them as
/// properties.

/// What a test ended as.
public enum PesterResult: String {
    case notRun = "NotRun"
    case passed = "Passed"
    case failed = "Failed"
    case skipped = "Skipped"
    case inconclusive = "Inconclusive"
}

/// A Describe or Context block (or the root block of a file).
public final class PesterBlock: PSNativeObject, PesterNode {
    public let name: String
    /// `Describe` or `Context` (the root block: "").
    public let commandUsed: String
    public let scriptBlock: ScriptBlock?
    public let data: Value?
    public let tags: [String]
    public var skip: Bool
    public weak var parent: PesterBlock?
    public weak var container: PesterContainer?
    /// Tests and child blocks in the order they were defined.
    public var items: [PesterItem] = []
    public var beforeAll: [ScriptBlock] = []
    public var afterAll: [ScriptBlock] = []
    public var beforeEach: [ScriptBlock] = []
    public var afterEach: [ScriptBlock] = []
    public var expandedName: String
    public var expandedPath: String = ""
    public var result: PesterResult = .notRun
    public var errorRecords: [ErrorRecord] = []
    public var ownPassed = true
    public var executed = false
    public var duration: TimeInterval = 0
    /// The first block among its siblings (no blank line before its header in Detailed output).
    public var isFirst = false
    public var writtenToScreen = false
    public var startLine: Int
    /// Set when a test in the tree called `Set-ItResult -Pending`.
    public var showPendingDeprecation = false

    public init(name: String, commandUsed: String, scriptBlock: ScriptBlock?, data: Value?, tags: [String], skip: Bool, parent: PesterBlock?) {
        self.name = name
        self.commandUsed = commandUsed
        self.scriptBlock = scriptBlock
        self.data = data
        self.tags = tags
        self.skip = skip
        self.parent = parent
        self.expandedName = name
        self.startLine = scriptBlock?.ast.extent.startLine ?? 0
    }

    public var isRoot: Bool { parent == nil }

    /// Names from the outermost block down to this one (the root block has no name).
    public var path: [String] {
        var names: [String] = []
        var b: PesterBlock? = self
        while let x = b, !x.isRoot {
            names.insert(x.name, at: 0)
            b = x.parent
        }
        return names
    }

    public var tests: [PesterTest] { items.compactMap { if case .test(let t) = $0 { return t } else { return nil } } }
    public var blocks: [PesterBlock] { items.compactMap { if case .block(let b) = $0 { return b } else { return nil } } }

    /// Every test in this block and the blocks under it, in definition order.
    public var allTests: [PesterTest] {
        var out: [PesterTest] = []
        for item in items {
            switch item {
            case .test(let t): out.append(t)
            case .block(let b): out += b.allTests
            }
        }
        return out
    }

    public var allBlocks: [PesterBlock] {
        var out: [PesterBlock] = []
        for b in blocks { out.append(b); out += b.allBlocks }
        return out
    }

    public var passed: Bool { ownPassed && !allTests.contains { $0.result == .failed } && blocks.allSatisfy { $0.ownPassed } }

    public override var typeFullName: String { "Pester.Block" }
    public override var propertyNames: [String] {
        ["Name", "Path", "Data", "ExpandedName", "ExpandedPath", "Result", "Blocks", "Tests", "Tag", "Skip", "Passed",
         "ErrorRecord", "Executed", "Duration", "Parent", "FailedCount", "PassedCount", "SkippedCount", "NotRunCount", "TotalCount"]
    }
    public override var defaultDisplayProperties: [String]? { ["Name", "Result"] }

    public override func property(_ n: String) -> Value? {
        let n = n.lowercased()
        if let v = nodeProperty(n) { return v }
        switch n {
        case "blocks": return .object(PSArray(blocks.map { .object($0) }, kind: .genericList(elementType: "Pester.Block")))
        case "tests": return .object(PSArray(tests.map { .object($0) }, kind: .genericList(elementType: "Pester.Test")))
        case "tag": return .object(PSArray(tags.map { .string($0) }))
        case "skip": return .bool(skip)
        case "passed", "ownpassed": return .bool(passed)
        case "errorrecord": return .object(PSArray(errorRecords.map { .object($0) }, kind: .genericList(elementType: "System.Management.Automation.ErrorRecord")))
        case "executed": return .bool(executed)
        case "duration": return .object(PesterTimeSpan(duration))
        case "parent": return parent.map { .object($0) } ?? .null
        case "isroot": return .bool(isRoot)
        case "commandused": return .string(commandUsed)
        case "failedcount": return .int(Int32(allTests.filter { $0.result == .failed }.count))
        case "passedcount": return .int(Int32(allTests.filter { $0.result == .passed }.count))
        case "skippedcount": return .int(Int32(allTests.filter { $0.result == .skipped }.count))
        case "notruncount": return .int(Int32(allTests.filter { $0.result == .notRun }.count))
        case "totalcount": return .int(Int32(allTests.count))
        default: return nil
        }
    }

    public override func toPSString() -> String { expandedName }
}

public enum PesterItem {
    case test(PesterTest)
    case block(PesterBlock)
}

/// One It (one per data item of -ForEach/-TestCases).
public final class PesterTest: PSNativeObject, PesterNode {
    public let name: String
    public let scriptBlock: ScriptBlock?
    public let data: Value?
    public let tags: [String]
    public var skip: Bool
    public unowned let block: PesterBlock
    public var expandedName: String
    public var expandedPath: String = ""
    public var result: PesterResult = .notRun
    public var errorRecords: [ErrorRecord] = []
    public var shouldRun = true
    public var executed = false
    /// The first test of its block that runs (the block header is written before it).
    public var isFirst = false
    public var duration: TimeInterval = 0
    /// The message of Set-ItResult (`is skipped, because …`).
    public var resultMessage: String?
    public var standardOutput: [Value] = []
    public let startLine: Int

    public init(name: String, scriptBlock: ScriptBlock?, data: Value?, tags: [String], skip: Bool, block: PesterBlock, startLine: Int) {
        self.name = name
        self.scriptBlock = scriptBlock
        self.data = data
        self.tags = tags
        self.skip = skip
        self.block = block
        self.expandedName = name
        self.startLine = startLine
    }

    public var path: [String] { block.path + [name] }

    public override var typeFullName: String { "Pester.Test" }
    public override var propertyNames: [String] {
        ["Name", "Path", "Data", "ExpandedName", "ExpandedPath", "Result", "ErrorRecord", "StandardOutput", "Tag",
         "Skip", "Passed", "Skipped", "Executed", "ShouldRun", "Duration", "Block"]
    }
    public override var defaultDisplayProperties: [String]? { ["Name", "Result"] }

    public override func property(_ n: String) -> Value? {
        let n = n.lowercased()
        if let v = nodeProperty(n) { return v }
        switch n {
        case "errorrecord": return .object(PSArray(errorRecords.map { .object($0) }, kind: .genericList(elementType: "System.Management.Automation.ErrorRecord")))
        case "standardoutput": return standardOutput.isEmpty ? .null : .object(PSArray(standardOutput))
        case "tag": return .object(PSArray(tags.map { .string($0) }))
        case "skip": return .bool(skip)
        case "passed": return .bool(result == .passed || result == .skipped || result == .inconclusive)
        case "skipped": return .bool(result == .skipped)
        case "inconclusive": return .bool(result == .inconclusive)
        case "executed": return .bool(executed)
        case "shouldrun": return .bool(shouldRun)
        case "duration": return .object(PesterTimeSpan(duration))
        case "block": return .object(block)
        case "first": return .bool(isFirst)
        default: return nil
        }
    }

    public override func toPSString() -> String { expandedName }
}

/// One test file (or script block) and its root block.
public final class PesterContainer: PSNativeObject {
    /// `File` or `ScriptBlock`.
    public let type: String
    public let item: String
    public let root: PesterBlock
    public var result: PesterResult = .notRun
    public var errorRecords: [ErrorRecord] = []
    public var duration: TimeInterval = 0
    public var discoveryDuration: TimeInterval = 0

    public init(type: String, item: String, root: PesterBlock) {
        self.type = type
        self.item = item
        self.root = root
    }

    public var failed: Bool { !errorRecords.isEmpty }
    public var passed: Bool { !failed && root.passed }

    public override var typeFullName: String { "Pester.Container" }
    public override var propertyNames: [String] {
        ["Name", "Type", "Item", "Result", "Blocks", "Tests", "Passed", "ErrorRecord", "Duration",
         "FailedCount", "PassedCount", "SkippedCount", "NotRunCount", "TotalCount"]
    }
    public override var defaultDisplayProperties: [String]? { ["Name", "Result"] }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name", "item": return .string(item)
        case "type": return .string(type)
        case "result": return .string(result.rawValue)
        case "blocks": return .object(PSArray(root.blocks.map { .object($0) }, kind: .genericList(elementType: "Pester.Block")))
        case "tests": return .object(PSArray(root.allTests.map { .object($0) }, kind: .genericList(elementType: "Pester.Test")))
        case "passed": return .bool(passed)
        case "errorrecord": return .object(PSArray(errorRecords.map { .object($0) }, kind: .genericList(elementType: "System.Management.Automation.ErrorRecord")))
        case "duration": return .object(PesterTimeSpan(duration))
        default: return root.property(n)
        }
    }

    public override func toPSString() -> String { item }
}

/// What Invoke-Pester -PassThru returns (Pester.Run).
public final class PesterRun: PSNativeObject {
    public var containers: [PesterContainer] = []
    public var duration: TimeInterval = 0
    public var discoveryDuration: TimeInterval = 0
    public var executedAt = Date()
    public var configuration: PesterConfiguration?

    public var tests: [PesterTest] { containers.flatMap { $0.root.allTests } }
    func tests(_ r: PesterResult) -> [PesterTest] { tests.filter { $0.result == r } }
    public var failedBlocks: [PesterBlock] { containers.flatMap { $0.root.allBlocks }.filter { !$0.ownPassed } }
    public var failedContainers: [PesterContainer] { containers.filter { $0.failed } }
    public var failedCount: Int { tests(.failed).count }
    public var failedTotal: Int { failedCount + failedBlocks.count + failedContainers.count }
    public var resultText: String { failedTotal > 0 ? "Failed" : "Passed" }

    public override var typeFullName: String { "Pester.Run" }
    public override var propertyNames: [String] {
        ["Containers", "Result", "FailedCount", "FailedBlocksCount", "FailedContainersCount", "PassedCount", "SkippedCount",
         "InconclusiveCount", "NotRunCount", "TotalCount", "Duration", "Executed", "ExecutedAt", "Version", "PSVersion",
         "Passed", "Failed", "Skipped", "Inconclusive", "NotRun", "Tests", "FailedBlocks", "FailedContainers", "Configuration"]
    }
    public override var defaultDisplayProperties: [String]? {
        ["Result", "FailedCount", "FailedBlocksCount", "FailedContainersCount", "PassedCount", "SkippedCount", "InconclusiveCount", "NotRunCount", "TotalCount"]
    }

    private func list(_ ts: [PesterTest]) -> Value {
        .object(PSArray(ts.map { .object($0) }, kind: .genericList(elementType: "Pester.Test")))
    }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "containers": return .object(PSArray(containers.map { .object($0) }, kind: .genericList(elementType: "Pester.Container")))
        case "result": return .string(resultText)
        case "failedcount": return .int(Int32(failedCount))
        case "failedblockscount": return .int(Int32(failedBlocks.count))
        case "failedcontainerscount": return .int(Int32(failedContainers.count))
        case "passedcount": return .int(Int32(tests(.passed).count))
        case "skippedcount": return .int(Int32(tests(.skipped).count))
        case "inconclusivecount": return .int(Int32(tests(.inconclusive).count))
        case "notruncount": return .int(Int32(tests(.notRun).count))
        case "totalcount": return .int(Int32(tests.count))
        case "duration": return .object(PesterTimeSpan(duration))
        case "discoveryduration": return .object(PesterTimeSpan(discoveryDuration))
        case "executed": return .bool(true)
        case "executedat": return .string(ISO8601DateFormatter().string(from: executedAt))
        case "version": return .string(PesterModule.version)
        case "psversion": return .string("7.6.9")
        case "passed": return list(tests(.passed))
        case "failed": return list(tests(.failed))
        case "skipped": return list(tests(.skipped))
        case "inconclusive": return list(tests(.inconclusive))
        case "notrun": return list(tests(.notRun))
        case "tests": return list(tests)
        case "failedblocks": return .object(PSArray(failedBlocks.map { .object($0) }, kind: .genericList(elementType: "Pester.Block")))
        case "failedcontainers": return .object(PSArray(failedContainers.map { .object($0) }, kind: .genericList(elementType: "Pester.Container")))
        case "configuration": return configuration.map { .object($0) } ?? .null
        default: return nil
        }
    }

    public override func toPSString() -> String { "Pester.Run" }
}

/// A duration as a TimeSpan-like object (TotalMilliseconds, TotalSeconds, …).
public final class PesterTimeSpan: PSNativeObject {
    public let seconds: TimeInterval

    public init(_ seconds: TimeInterval) {
        self.seconds = seconds
    }

    public override var typeFullName: String { "System.TimeSpan" }
    public override var propertyNames: [String] { ["Ticks", "Days", "Hours", "Milliseconds", "Minutes", "Seconds", "TotalDays", "TotalHours", "TotalMilliseconds", "TotalMinutes", "TotalSeconds"] }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "ticks": return .long(Int64(seconds * 10_000_000))
        case "days": return .int(Int32(seconds / 86400))
        case "hours": return .int(Int32(seconds / 3600) % 24)
        case "minutes": return .int(Int32(seconds / 60) % 60)
        case "seconds": return .int(Int32(seconds) % 60)
        case "milliseconds": return .int(Int32(seconds * 1000) % 1000)
        case "totaldays": return .double(seconds / 86400)
        case "totalhours": return .double(seconds / 3600)
        case "totalminutes": return .double(seconds / 60)
        case "totalseconds": return .double(seconds)
        case "totalmilliseconds": return .double(seconds * 1000)
        default: return nil
        }
    }

    public override func toPSString() -> String {
        let total = Int(seconds)
        let frac = Int((seconds - Double(total)) * 10_000_000)
        let base = String(format: "%02d:%02d:%02d", total / 3600, (total / 60) % 60, total % 60)
        return frac > 0 ? base + String(format: ".%07d", frac) : base
    }
}

/// What a Block and a Test have alike, and the properties they show the same way.
protocol PesterNode {
    var name: String { get }
    var path: [String] { get }
    var data: Value? { get }
    var expandedName: String { get }
    var expandedPath: String { get }
    var result: PesterResult { get }
}

extension PesterNode {
    /// A shared property by lower-cased name; nil for the others.
    func nodeProperty(_ n: String) -> Value? {
        switch n {
        case "name": return .string(name)
        case "path": return .object(PSArray(path.map { .string($0) }))
        case "data": return data ?? .null
        case "expandedname": return .string(expandedName)
        case "expandedpath": return .string(expandedPath)
        case "result": return .string(result.rawValue)
        default: return nil
        }
    }
}
