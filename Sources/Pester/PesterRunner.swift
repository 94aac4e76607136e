import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// Pester 5's two phases. Discovery runs each file (and the Describe/Context bodies in it) to
/// collect blocks, tests and setup/teardown script blocks; the run phase then invokes those:
/// each block in a new scope under its parent's (BeforeAll/AfterAll run there), each test in a
/// new scope under its block's (BeforeEach, the It body and AfterEach run there, dot-sourced).
/// Functions defined at a file's top level exist only during discovery, as in Pester.
public final class PesterSession {
    static let key = "pester.session"

    public enum Phase { case idle, discovery, run }

    unowned let context: ExecutionContext
    public var phase: Phase = .idle
    /// The block Describe/It/BeforeAll add to while discovering.
    var discoveryBlock: PesterBlock?
    /// The block and test running now, with their scopes.
    var currentBlock: PesterBlock?
    var currentTest: PesterTest?
    var currentTestScope: Scope?
    var blockScopes: [ObjectIdentifier: Scope] = [:]
    let mocks = PesterMocks()
    var output: PesterOutput?
    var configuration = PesterConfiguration()
    /// The Pester version imported: 5 (the default) or 4 (`Import-Module Pester -MaximumVersion 4.99`).
    public var major = 5
    /// Pester 4's state while a run (or a Describe run on its own) is in progress.
    var v4: Pester4State?
    var warnedAboutInconclusive = false

    init(context: ExecutionContext) {
        self.context = context
    }

    public static func of(_ context: ExecutionContext) -> PesterSession {
        if let s = context.extensionState[key] as? PesterSession { return s }
        let s = PesterSession(context: context)
        context.extensionState[key] = s
        return s
    }

    static func now() -> TimeInterval { TimeInterval(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    // MARK: Running script blocks

    /// Runs a script block dot-sourced in `scope`, as code inside `try` runs (errors come back
    /// as thrown RuntimeErrors). Returns the block's output.
    @discardableResult
    func run(_ sb: ScriptBlock, in scope: Scope, args: [Value] = []) throws -> [Value] {
        let saved = context.currentScope
        context.currentScope = scope
        defer { context.currentScope = saved }
        return try context.runAsInsideTry {
            try context.invokeScriptBlock(sb, args: args, dollarUnder: nil, dotSource: true)
        }
    }

    /// Defines the data of -ForEach/-TestCases in a scope: `$_`, and each key of a hashtable.
    func define(data: Value?, in scope: Scope) {
        guard let data else { return }
        if let h = data.hashtable {
            for (k, v) in zip(h.keys, h.values) {
                let name = Conversion.toString(k)
                scope.variables[name.lowercased()] = PSVariable(name: name, value: v)
            }
        }
        scope.variables["_"] = PSVariable(name: "_", value: data)
        scope.variables["psitem"] = PSVariable(name: "PSItem", value: data)
    }

    private static let templatePattern = try! NSRegularExpression(pattern: "(?<!`)<([^>^`]+)>")

    /// Expands `<name>` templates in a test or block name by evaluating `$(name)` in `scope`
    /// (Pester builds an expandable string the same way).
    func expand(_ name: String, in scope: Scope) -> String {
        guard name.contains("<") else { return name }
        var text = name.replacingOccurrences(of: "$", with: "`$").replacingOccurrences(of: "\"", with: "`\"")
        let ns = text as NSString
        text = PesterSession.templatePattern.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: "\\$(\\$$1)")
        guard let sb = try? context.parseScriptBlock("\"" + text + "\"") else { return name }
        guard let out = try? run(sb, in: scope) else { return name }
        return out.map { Conversion.toString($0, hooks: context.hooks) }.joined()
    }

    // MARK: Discovery

    /// Runs a test file to collect its tests. A file that fails (parse error, an error outside
    /// any It) gets the error recorded on its container.
    func discover(_ container: PesterContainer, scriptBlock: ScriptBlock) {
        let start = PesterSession.now()
        defer { container.discoveryDuration = PesterSession.now() - start }
        let scope = Scope(parent: context.globalScope, isScript: true)
        setScriptVariables(scope, path: container.item)
        let savedPhase = phase, savedBlock = discoveryBlock
        phase = .discovery
        discoveryBlock = container.root
        defer {
            phase = savedPhase
            discoveryBlock = savedBlock
        }
        do {
            try run(scriptBlock, in: scope)
        } catch let e as RuntimeError {
            container.errorRecords.append(e.record)
        } catch {
        }
    }

    func setScriptVariables(_ scope: Scope, path: String) {
        // Test code runs in script blocks Pester invokes: `$MyInvocation` names no command, so
        // errors written there carry no command suffix.
        scope.variables["myinvocation"] = PSVariable(name: "MyInvocation", value: .object(InvocationInfo(commandName: "", extent: nil)))
        guard !path.isEmpty, path.hasPrefix("/") else { return }
        scope.variables["psscriptroot"] = PSVariable(name: "PSScriptRoot", value: .string((path as NSString).deletingLastPathComponent))
        scope.variables["pscommandpath"] = PSVariable(name: "PSCommandPath", value: .string(path))
    }

    /// Describe/Context during discovery: one block per data item, its body run to find what
    /// is inside.
    func discoverBlock(name: String, commandUsed: String, body: ScriptBlock, data: [Value]?, tags: [String], skip: Bool) throws {
        guard let parent = discoveryBlock else { return }
        let items: [Value?] = data.map { $0.map { Optional($0) } } ?? [nil]
        for item in items {
            let block = PesterBlock(name: name, commandUsed: commandUsed, scriptBlock: body, data: item, tags: tags, skip: skip, parent: parent)
            block.container = parent.container
            parent.items.append(.block(block))
            discoveryBlock = block
            defer { discoveryBlock = parent }
            let scope = Scope(parent: context.currentScope)
            define(data: item, in: scope)
            block.expandedName = expand(name, in: scope)
            try run(body, in: scope)
        }
    }

    func discoverTest(name: String, body: ScriptBlock?, data: [Value]?, tags: [String], skip: Bool, line: Int) {
        guard let block = discoveryBlock else { return }
        let items: [Value?] = data.map { $0.map { Optional($0) } } ?? [nil]
        for item in items {
            let test = PesterTest(name: name, scriptBlock: body, data: item, tags: tags, skip: skip || body == nil, block: block, startLine: line)
            block.items.append(.test(test))
        }
    }

    // MARK: Filters

    /// Marks which tests run (Filter.Tag, ExcludeTag, FullName) and which are first in their block.
    func applyFilters(_ root: PesterBlock, _ config: PesterConfiguration) {
        let tags = config.strings("Filter", "Tag")
        let excludeTags = config.strings("Filter", "ExcludeTag")
        let fullNames = config.strings("Filter", "FullName")
        func allTags(_ t: PesterTest) -> [String] {
            var result = t.tags
            var b: PesterBlock? = t.block
            while let x = b { result += x.tags; b = x.parent }
            return result
        }
        func like(_ value: String, _ patterns: [String]) -> Bool {
            patterns.contains { WildcardPattern($0).matches(value) }
        }
        for t in root.allTests {
            let ts = allTags(t)
            var run = true
            if !tags.isEmpty && !ts.contains(where: { like($0, tags) }) { run = false }
            if !excludeTags.isEmpty && ts.contains(where: { like($0, excludeTags) }) { run = false }
            if !fullNames.isEmpty && !like(t.path.joined(separator: "."), fullNames) { run = false }
            t.shouldRun = run
            var b: PesterBlock? = t.block
            while let x = b {
                if x.skip { t.skip = true }
                b = x.parent
            }
        }
        markFirst(root)
    }

    private func markFirst(_ block: PesterBlock) {
        block.tests.first { $0.shouldRun }?.isFirst = true
        let runnable = block.blocks.filter { blockShouldRun($0) }
        runnable.first?.isFirst = true
        for b in block.blocks { markFirst(b) }
    }

    func blockShouldRun(_ b: PesterBlock) -> Bool { b.allTests.contains { $0.shouldRun } }

    // MARK: Run

    func runContainer(_ container: PesterContainer) {
        let start = PesterSession.now()
        defer { container.duration = PesterSession.now() - start }
        let root = container.root
        guard blockShouldRun(root) else { return }
        output?.containerRunStart(container)
        let scope = Scope(parent: context.globalScope, isScript: true)
        setScriptVariables(scope, path: container.item)
        root.isFirst = true
        let savedPhase = phase
        phase = .run
        defer { phase = savedPhase }
        runBlock(root, scope: scope)
        container.result = container.failed || !root.passed ? .failed : .passed
    }

    func runBlock(_ block: PesterBlock, scope: Scope) {
        let start = PesterSession.now()
        defer { block.duration = PesterSession.now() - start }
        blockScopes[ObjectIdentifier(block)] = scope
        defer { blockScopes[ObjectIdentifier(block)] = nil }
        let savedBlock = currentBlock
        currentBlock = block
        defer {
            currentBlock = savedBlock
            mocks.removeMocks(definedIn: scope)
        }
        define(data: block.data, in: scope)
        if !block.isRoot {
            block.expandedName = expand(block.name, in: scope)
            let parentPath = block.parent.map { $0.isRoot ? "" : $0.expandedPath } ?? ""
            block.expandedPath = parentPath.isEmpty ? block.expandedName : parentPath + "." + block.expandedName
        }
        let allSkipped = block.allTests.filter { $0.shouldRun }.allSatisfy { $0.skip }
        block.executed = true
        // TestDrive (Pester 5's plugin): made when a file's root block starts, so BeforeAll
        // has it; what a nested block adds is removed when it ends; the folder goes with the root.
        var testDrive: String?
        var keptContent: Set<String>?
        if block.isRoot {
            testDrive = PesterTestDrive.create(context, asDirectoryInfo: false)
        } else if let drive = context.fileSystemDrives["testdrive"] {
            keptContent = PesterTestDrive.contents(drive)
        }
        defer {
            if let path = testDrive {
                PesterTestDrive.remove(context, path: path)
            } else if let kept = keptContent, let drive = context.fileSystemDrives["testdrive"] {
                PesterTestDrive.clear(drive, keeping: kept)
            }
        }
        var setupFailed = false
        if !allSkipped {
            for sb in block.beforeAll {
                do {
                    try run(sb, in: scope)
                } catch let e as RuntimeError {
                    block.errorRecords.append(PesterSession.withTrace(e.record))
                    setupFailed = true
                    break
                } catch {
                    break
                }
            }
        }
        if setupFailed {
            block.ownPassed = false
            for t in block.allTests where t.shouldRun {
                t.result = .failed
            }
        } else {
            for item in block.items {
                switch item {
                case .test(let t):
                    runTest(t, blockScope: scope)
                case .block(let b):
                    guard blockShouldRun(b) else { continue }
                    runBlock(b, scope: Scope(parent: scope))
                }
            }
        }
        if !allSkipped && !setupFailed {
            for sb in block.afterAll {
                do {
                    try run(sb, in: scope)
                } catch let e as RuntimeError {
                    block.errorRecords.append(PesterSession.withTrace(e.record))
                    block.ownPassed = false
                } catch {
                }
            }
        }
        block.result = block.passed ? .passed : .failed
        if !block.isRoot && !block.ownPassed { output?.blockFailed(block) }
    }

    func runTest(_ test: PesterTest, blockScope: Scope) {
        guard test.shouldRun else { return }
        let start = PesterSession.now()
        let block = test.block
        test.expandedPath = (block.isRoot ? "" : block.expandedPath + ".") + test.name
        if test.isFirst { output?.testSetupStart(test) }
        if test.skip {
            test.result = .skipped
            test.expandedName = test.name
            if test.name.contains("<") {
                let scope = Scope(parent: blockScope)
                define(data: test.data, in: scope)
                test.expandedName = expand(test.name, in: scope)
                test.expandedPath = (block.isRoot ? "" : block.expandedPath + ".") + test.expandedName
            }
            test.duration = PesterSession.now() - start
            output?.testEnd(test)
            return
        }
        let scope = Scope(parent: blockScope)
        define(data: test.data, in: scope)
        currentTest = test
        currentTestScope = scope
        defer {
            currentTest = nil
            currentTestScope = nil
            mocks.removeMocks(definedIn: scope)
        }
        test.executed = true
        var chain: [PesterBlock] = []
        var b: PesterBlock? = block
        while let x = b { chain.insert(x, at: 0); b = x.parent }
        var errors: [ErrorRecord] = []
        var ok = true
        for x in chain {
            for sb in x.beforeEach where ok {
                do { try run(sb, in: scope) } catch let e as RuntimeError { errors.append(PesterSession.withTrace(e.record)); ok = false } catch { ok = false }
            }
        }
        test.expandedName = expand(test.name, in: scope)
        test.expandedPath = (block.isRoot ? "" : block.expandedPath + ".") + test.expandedName
        if ok, let body = test.scriptBlock {
            do {
                test.standardOutput = try run(body, in: scope, args: parameterArguments(body, data: test.data))
            } catch let e as RuntimeError {
                errors.append(PesterSession.withTrace(e.record))
            } catch {
            }
        }
        for x in chain.reversed() {
            for sb in x.afterEach {
                do { try run(sb, in: scope) } catch let e as RuntimeError { errors.append(PesterSession.withTrace(e.record)) } catch {}
            }
        }
        test.errorRecords = errors
        if let first = errors.first {
            switch first.errorId {
            case "PesterTestSkipped", "PesterTestPending":
                test.result = .skipped
                test.resultMessage = first.message
                if first.errorId == "PesterTestPending" {
                    var root: PesterBlock = block
                    while let p = root.parent { root = p }
                    root.showPendingDeprecation = true
                }
            case "PesterTestInconclusive":
                test.result = .inconclusive
                test.resultMessage = first.message
            default:
                test.result = .failed
            }
        } else {
            test.result = .passed
        }
        test.duration = PesterSession.now() - start
        output?.testEnd(test)
    }

    /// Errors from test code get the frame pwsh's ScriptStackTrace shows for the test's script
    /// block (`at <ScriptBlock>, file: line N`); errors Pester raises itself (attributed to one of
    /// its commands) get none: their trace starts inside Pester.psm1, where Pester's
    /// ConvertTo-FailureLines cuts it.
    private static let pesterCommandNames = Set(PesterModule.registrations.map { $0.declaration.name.lowercased() })

    static func withTrace(_ record: ErrorRecord) -> ErrorRecord {
        guard record.errorId != "PesterAssertionFailed" else { return record }
        if pesterCommandNames.contains(record.invocationInfo?.commandName.lowercased() ?? "") {
            record.scriptStackTrace = ""
            return record
        }
        // Pester 5 writes each frame as `at Name, file:N`.
        let frames = PesterTrace.testFrames(record.scriptStackTrace).map { frame -> String in
            guard let r = frame.range(of: ": line ", options: .backwards) else { return frame }
            return frame.replacingCharacters(in: r, with: ":")
        }
        if !frames.isEmpty {
            record.scriptStackTrace = frames.joined(separator: "\n")
        } else if let x = record.invocationInfo?.extent, let file = x.file {
            record.scriptStackTrace = "at <ScriptBlock>, \(file):\(x.startLine)"
        }
        return record
    }

    /// The values of an It body's `param(...)` taken from the test's data by name.
    func parameterArguments(_ sb: ScriptBlock, data: Value?) -> [Value] {
        guard let params = sb.ast.paramBlock?.parameters, !params.isEmpty, let h = data?.hashtable else { return [] }
        var values: [Value] = []
        for p in params {
            guard let v = h[.string(p.name)] else { break }
            values.append(v)
        }
        return values
    }
}

/// The part of an error's ScriptStackTrace that Pester shows: the frames of the tests' own
/// code, down to the script block Pester ran (a Describe, It or setup body), below which
/// Pester's ConvertTo-FailureLines cuts the trace at Pester's own frames.
/// NOTE: a script block the test code itself runs (`& { … }`) ends the trace too.
enum PesterTrace {
    static func testFrames(_ trace: String) -> [String] {
        var frames: [String] = []
        for line in trace.components(separatedBy: "\n") where !line.isEmpty {
            if line.contains(", <No file>: line ") { break }
            frames.append(line)
            if line.hasPrefix("at <ScriptBlock>, ") { break }
        }
        return frames
    }
}
