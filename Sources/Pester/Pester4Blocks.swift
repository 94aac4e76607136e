import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// Pester 4's Describe, Context and It (Describe.ps1, It.ps1, SetupTeardown.ps1 of Pester
/// 4.10.1). There is no discovery: a Describe runs at once. It hoists the BeforeAll, AfterAll,
/// BeforeEach and AfterEach calls written directly in its body (wherever they stand), runs
/// BeforeAll dot-sourced in the scope that called Describe, then the body as ordinary code in
/// a child scope, then AfterAll. Any error there ends the block and is recorded as one failed
/// test, "Error occurred in Describe block". Each It runs its BeforeEach blocks (outermost
/// first) dot-sourced in the scope that called It, its body in a child scope with the test
/// case splatted onto it, and its AfterEach blocks (innermost first) even after a failure.
class Pester4BlockCommand: Cmdlet {
    var commandUsed: String { "Describe" }

    override func process(_ rt: CommandRuntime) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        let name = rt.bound.string("Name") ?? ""
        guard let fixture = scriptBlock(rt.bound["Fixture"]) else {
            let message = name.contains("\n")
                ? "Test fixture name has multiple lines and no test fixture is provided. (Have you provided a name for the test group?)"
                : "No test fixture is provided. (Have you put the open curly brace on the next line?)"
            throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
        }
        var standalone = false
        if session.v4 == nil {
            // A test file run on its own: this block keeps the state for what it contains.
            session.v4 = Pester4State(viaInvokePester: false, show: .all, write: { text in try? rt.writeHost(text, noNewline: false) })
            standalone = true
        }
        defer { if standalone { session.v4 = nil } }
        guard let state = session.v4 else { return }
        let tags = rt.bound.strings("Tag") ?? []
        if state.isOutermostBlock {
            func like(_ values: [String], _ patterns: [String]) -> Bool {
                values.contains { v in patterns.contains { WildcardPattern($0).matches(v) } }
            }
            if !state.testNameFilter.isEmpty, !name.isEmpty, !like([name], state.testNameFilter) { return }
            if !state.tagFilter.isEmpty, !like(tags, state.tagFilter) { return }
            if !state.excludeTagFilter.isEmpty, like(tags, state.excludeTagFilter) { return }
        } else if rt.bound.has("Tag") {
            try rt.writeWarning("\(commandUsed) '\(name)': Tags are only effective on the outermost test group, for now.")
        }
        state.enterGroup(name, hint: commandUsed)
        defer { state.leaveGroup() }
        state.writeGroup(name, commandUsed: commandUsed)
        try run(fixture, state: state, session: session, rt: rt)
        session.mocks.leaveGroup4(state.currentGroup, context: context)
    }

    private func run(_ fixture: ScriptBlock, state: Pester4State, session: PesterSession, rt: CommandRuntime) throws {
        let context = rt.context
        var createdDrive: String?
        var keptContent: Set<String>?
        if let drive = context.fileSystemDrives["testdrive"] {
            keptContent = PesterTestDrive.contents(drive)
        } else {
            createdDrive = PesterTestDrive.create(context, asDirectoryInfo: true)
        }
        let discard = Pipe({ _ in })
        var failure: ErrorRecord?
        do {
            try context.runAsInsideTry {
                Pester4BlockCommand.hoist(fixture.ast, into: state.currentGroup)
                for sb in state.currentGroup.beforeAll {
                    try context.invokeCommand(sb, arguments: [], dotSource: true, output: discard)
                }
                try context.runAsLoopBody {
                    try context.invokeCommand(fixture, arguments: [], output: discard)
                }
            }
        } catch let e as RuntimeError {
            context.recordError(e.record)
            failure = e.record
        }
        do {
            try context.runAsInsideTry {
                for sb in state.currentGroup.afterAll {
                    try context.invokeCommand(sb, arguments: [], dotSource: true, output: discard)
                }
            }
        } catch let e as RuntimeError {
            context.recordError(e.record)
            failure = e.record
        }
        if let path = createdDrive {
            PesterTestDrive.remove(context, path: path)
        } else if let kept = keptContent, let drive = context.fileSystemDrives["testdrive"] {
            PesterTestDrive.clear(drive, keeping: kept)
        }
        if let record = failure {
            let firstLine = record.invocationInfo?.positionMessage.trimmingCharacters(in: .whitespacesAndNewlines)
                .components(separatedBy: "\n").first ?? ""
            let result = state.addResult(name: "Error occurred in \(commandUsed) block", outcome: .failed, failureMessage: record.exception.message,
                                         stackTrace: firstLine, errorRecord: record)
            state.writeResult(result)
        }
    }

    /// Add-SetupAndTeardown: the setup and teardown calls written in the block itself (not in
    /// script blocks nested in it), in source order.
    static func hoist(_ ast: ScriptBlockAst, into group: Pester4State.Group) {
        for block in [ast.beginBlock, ast.processBlock, ast.endBlock].compactMap({ $0 }) {
            hoist(block.statements, into: group)
        }
    }

    private static func hoist(_ statements: [StatementAst], into group: Pester4State.Group) {
        for s in statements { hoist(s, into: group) }
    }

    private static func hoist(_ statement: StatementAst, into group: Pester4State.Group) {
        switch statement {
        case .pipeline(let p):
            for case .command(let c) in p.elements { hoistCall(c, into: group) }
        case .pipelineChain(let c):
            hoist(c.left, into: group)
            hoist(.pipeline(c.right), into: group)
        case .assignment(let a):
            hoist(a.right, into: group)
        case .ifStatement(let i):
            for clause in i.clauses {
                hoist(clause.condition, into: group)
                hoist(clause.body.statements, into: group)
            }
            if let e = i.elseClause { hoist(e.statements, into: group) }
        case .switchStatement(let s):
            for clause in s.clauses { hoist(clause.body.statements, into: group) }
            if let d = s.defaultClause { hoist(d.statements, into: group) }
        case .foreachStatement(let f): hoist(f.body.statements, into: group)
        case .forStatement(let f): hoist(f.body.statements, into: group)
        case .whileStatement(let w): hoist(w.body.statements, into: group)
        case .doLoop(let d): hoist(d.body.statements, into: group)
        case .tryStatement(let t):
            hoist(t.body.statements, into: group)
            for c in t.catchClauses { hoist(c.body.statements, into: group) }
            if let f = t.finallyClause { hoist(f.statements, into: group) }
        case .block(let b): hoist(b.statements, into: group)
        case .trap(let t): hoist(t.body.statements, into: group)
        case .flow, .functionDefinition, .typeDefinition, .using: break
        }
    }

    private static func hoistCall(_ c: CommandAst, into group: Pester4State.Group) {
        guard c.invocationOperator == .none, let first = c.elements.first, case .argument(.stringConstant(let head)) = first,
              let last = c.elements.last, case .argument(.scriptBlock(let body)) = last, c.elements.count > 1 else { return }
        let sb = ScriptBlock(ast: body.scriptBlock)
        switch head.value.lowercased() {
        case "beforeall": group.beforeAll.append(sb)
        case "afterall": group.afterAll.append(sb)
        case "beforeeach": group.beforeEach.append(sb)
        case "aftereach": group.afterEach.append(sb)
        default: break
        }
    }
}

final class Pester4DescribeCommand: Pester4BlockCommand {}

final class Pester4ContextCommand: Pester4BlockCommand {
    override var commandUsed: String { "Context" }
}

/// BeforeAll, AfterAll, BeforeEach, AfterEach in Pester 4: the Describe that contains them
/// already took them from its body, so the call itself only checks it is inside one.
final class Pester4SetupCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try Pester4State.assertInProgress(rt)
    }
}

extension Pester4State {
    /// Assert-DescribeInProgress.
    static func assertInProgress(_ rt: CommandRuntime) throws {
        guard PesterSession.of(rt.context).v4 == nil else { return }
        let message = "The \(rt.declaration.name) command may only be used from a Pester test script."
        throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
    }
}

/// `It [-Name] <string> [[-Test] <scriptblock>] [-TestCases <IDictionary[]>] [-Pending | -Skip]`
final class Pester4ItCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try Pester4State.assertInProgress(rt)
        guard let state = PesterSession.of(rt.context).v4 else { return }
        let name = rt.bound.string("Name") ?? ""
        let set = rt.bound.parameterSetName
        let skip = set == "Skip" && rt.bound.isOn("Skip")
        var pending = set == "Pending" && rt.bound.isOn("Pending")
        if !(rt.bound.has("Test") || skip || pending) {
            let message = name.contains("\n")
                ? "Name parameter has multiple lines and no script block is provided. (Have you provided a name for the test group?)"
                : "No test script block is provided. (Have you put the open curly brace on the next line?)"
            throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
        }
        let test = try scriptBlock(rt.bound["Test"]) ?? rt.context.parseScriptBlock("")
        let ast = test.ast
        let isEmpty = [ast.beginBlock, ast.processBlock, ast.endBlock].allSatisfy { ($0?.statements.isEmpty ?? true) }
        if set != "Pending" && set != "Skip" && isEmpty { pending = true }
        var cases: [PSHashtable] = []
        for item in rt.bound.list("TestCases") ?? [] {
            guard let h = item.hashtable else {
                let message = "Cannot process argument transformation on parameter 'TestCases'. Cannot convert the \"\(Conversion.toString(item, hooks: rt.context.hooks))\" value of type \"\(Members.typeFullName(item))\" to type \"System.Collections.IDictionary\"."
                throw RuntimeError(rt.makeError(.parameterBindingArgumentTransformationException, message,
                                                errorId: "ParameterArgumentTransformationError", category: .InvalidData))
            }
            cases.append(h)
        }
        if cases.isEmpty {
            try invokeTest(rt, state: state, name: name, test: test, parameters: nil, suite: "", skip: skip, pending: pending)
        }
        for testCase in cases {
            let expanded = Pester4ItCommand.expand(name, testCase, hooks: rt.context.hooks)
            try invokeTest(rt, state: state, name: expanded, test: test, parameters: testCase, suite: name, skip: skip, pending: pending)
        }
    }

    /// `<key>` in a test name becomes the test case's value: strings as they are, other values
    /// (and empty strings) as Format-Nicely shows them; keys the case lacks stay as written.
    static func expand(_ name: String, _ testCase: PSHashtable, hooks: RuntimeHooks) -> String {
        var out = ""
        var rest = Substring(name)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">"), close > afterOpen else { break }
            out += rest[..<open]
            let key = String(rest[afterOpen..<close])
            if testCase.containsKey(.string(key)) {
                let value = testCase[.string(key)] ?? .null
                if case .string(let s) = value, !s.isEmpty { out += s } else { out += Pester4Assertion.nicely(value, hooks: hooks) }
            } else {
                out += "<\(key)>"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private func invokeTest(_ rt: CommandRuntime, state: Pester4State, name: String, test: ScriptBlock, parameters: PSHashtable?,
                            suite: String, skip: Bool, pending: Bool) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        defer { session.mocks.leaveTest4(state) }
        if skip {
            state.writeResult(state.addResult(name: name, outcome: .skipped))
            return
        }
        if pending {
            state.writeResult(state.addResult(name: name, outcome: .pending))
            return
        }
        let discard = Pipe({ _ in })
        var failure: ErrorRecord?
        let wasInTest = state.inTest
        do {
            try context.runAsInsideTry {
                if wasInTest {
                    throw RuntimeError(.runtimeException, "You are already in a test case.", errorId: "You are already in a test case.",
                                       category: .OperationStopped)
                }
                state.testStart = PesterSession.now()
                state.inTest = true
                session.mocks.testNumber += 1
                session.mocks.inTest = true
                for group in state.groups {
                    for sb in group.beforeEach { try context.invokeCommand(sb, arguments: [], dotSource: true, output: discard) }
                }
                let arguments = parameters.map { ExecutionContext.splattedArguments($0, extent: test.ast.extent) } ?? []
                try context.runAsLoopBody {
                    try context.invokeCommand(test, arguments: arguments, output: discard)
                }
            }
        } catch let e as RuntimeError {
            context.recordError(e.record)
            failure = e.record
        }
        do {
            try context.runAsInsideTry {
                for group in state.groups.reversed() {
                    for sb in group.afterEach { try context.invokeCommand(sb, arguments: [], dotSource: true, output: discard) }
                }
            }
        } catch let e as RuntimeError {
            context.recordError(e.record)
            failure = e.record
        }
        state.testStop = PesterSession.now()
        state.inTest = false
        let (outcome, message, trace) = Pester4ItCommand.convert(failure, strict: state.strict)
        let ordered = PSHashtable(ordered: true)
        for p in test.ast.paramBlock?.parameters ?? [] {
            ordered.set(.string(p.name), parameters?[.string(p.name)] ?? .null)
        }
        let result = state.addResult(name: name, outcome: outcome, failureMessage: message, stackTrace: trace, suiteName: suite,
                                     parameters: .object(ordered), errorRecord: failure)
        state.writeResult(result)
    }

    /// ConvertTo-PesterResult: the outcome, failure message and stack-trace text of a test
    /// that ended with `record` (nil: passed).
    static func convert(_ record: ErrorRecord?, strict: Bool) -> (Pester4State.Outcome, String, String) {
        guard let record else { return (.passed, "", "") }
        let id = record.fullyQualifiedErrorId
        var outcome = Pester4State.Outcome.failed
        let message: String, file: String, line: String, text: String
        if ["PesterAssertionFailed", "PesterTestSkipped", "PesterTestInconclusive", "PesterTestPending"].contains(id),
           let details = record.targetObject.hashtable {
            message = Conversion.toString(details.get("Message") ?? .null)
            file = Conversion.toString(details.get("File") ?? .null)
            line = Conversion.toString(details.get("Line") ?? .null)
            text = Conversion.toString(details.get("LineText") ?? .null)
            if !strict {
                switch id {
                case "PesterTestInconclusive": outcome = .inconclusive
                case "PesterTestPending": outcome = .pending
                case "PesterTestSkipped": outcome = .skipped
                default: break
                }
            }
        } else {
            message = record.message
            file = record.invocationInfo?.scriptName ?? ""
            line = String(record.invocationInfo?.scriptLineNumber ?? 0)
            text = record.invocationInfo?.line ?? ""
        }
        return (outcome, message, "at <ScriptBlock>, \(file): line \(line)\n\(line): \(text)")
    }
}

/// `Set-ItResult -Inconclusive|-Pending|-Skipped [-Because <string>]` (Pester 4): ends the
/// test with that result.
final class Pester4SetItResultCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try Pester4State.assertInProgress(rt)
        let result = rt.bound.parameterSetName == ParameterSetMembership.allSets ? "Inconclusive" : rt.bound.parameterSetName
        throw RuntimeError(Pester4SetItResultCommand.record(result: result, because: rt.bound.string("Because") ?? "", rt: rt))
    }

    /// New-PesterErrorRecord: `PesterTest<Result>` carrying the message and reason.
    static func record(result: String, because: String, rt: CommandRuntime) -> ErrorRecord {
        let message = "It result set to \(result)\(because.isEmpty ? "" : ", \(because)")"
        let data = PSHashtable()
        data.set(.string("Result"), .string(result))
        data.set(.string("Because"), .string(because))
        let x = rt.invocation.extent
        let target = PSHashtable()
        target.set(.string("Message"), .string(message))
        target.set(.string("Data"), .object(data))
        target.set(.string("File"), .string(x?.file ?? ""))
        target.set(.string("Line"), .string(String(x?.startLine ?? 0)))
        target.set(.string("LineText"), .string(x.map { $0.source.lineText($0.startLine) } ?? ""))
        let record = ErrorRecord(exception: PSExceptionObject(.exception, message), errorId: "PesterTest\(result)", category: .InvalidResult,
                                 targetObject: .object(target), invocationInfo: rt.invocation)
        record.terminatesScript = true
        return record
    }
}

/// `Set-TestInconclusive [-Message <string>]` (deprecated in Pester 4): Set-ItResult
/// -Inconclusive, with a one-time deprecation warning.
final class Pester4SetTestInconclusiveCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let session = PesterSession.of(rt.context)
        if !session.warnedAboutInconclusive {
            session.warnedAboutInconclusive = true
            try rt.writeWarning("DEPRECATED: Set-TestInconclusive was deprecated and will be removed in the future. Please update your scripts to use `Set-ItResult -Inconclusive -Because $Message`.")
        }
        try Pester4State.assertInProgress(rt)
        throw RuntimeError(Pester4SetItResultCommand.record(result: "Inconclusive", because: rt.bound.string("Message") ?? "", rt: rt))
    }
}
