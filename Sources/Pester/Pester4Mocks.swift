import Foundation
import PowerShellRuntime

/// Pester 4's mock assertions (Mock.ps1 of Pester 4.10.1).
///
/// `Assert-MockCalled [-CommandName] <string> [[-Times] <int>] [[-ParameterFilter] <scriptblock>]
/// [-ExclusiveFilter <scriptblock>] [[-ModuleName] <string>] [[-Scope] <string>] [-Exactly]`:
/// counts the calls made in the given scope (by default the current Describe or Context, the
/// calls of its finished tests and nested blocks included; `It` only the running test;
/// `Describe`/`Context` the nearest such block; a number N the N-th block outwards).
final class AssertMockCalledCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        try Pester4State.assertInProgress(rt)
        guard let state = session.v4 else { return }
        let name = rt.bound.string("CommandName") ?? ""
        let moduleName = rt.bound.string("ModuleName").flatMap { $0.isEmpty ? nil : $0 }
        let scopeText = rt.bound.string("Scope") ?? "1"
        if UInt32(scopeText) == nil, !["describe", "context", "it", "feature", "scenario"].contains(scopeText.lowercased()) {
            let message = "Scope argument must either be an unsigned integer, or one of the words 'Describe', 'Context', 'It', 'Feature', or 'Scenario'."
            throw RuntimeError(rt.makeError(.parameterBindingValidationException,
                                            "Cannot validate argument on parameter 'Scope'. \(message)", errorId: "ParameterArgumentValidationError",
                                            category: .InvalidData))
        }
        let key = PesterMocks.key(moduleName, name)
        let moduleMessage = moduleName.map { " in module \($0)" } ?? ""
        var commandName = name
        switch session.mocks.originals[key] {
        case .function(let f)?: commandName = f.name
        case .cmdlet(let c)?: commandName = c.declaration.name
        case nil:
            let message = "You did not declare a mock of the \(name) Command\(moduleMessage)."
            throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
        }
        let exclusive = scriptBlock(rt.bound["ExclusiveFilter"])
        let filter = exclusive ?? scriptBlock(rt.bound["ParameterFilter"])
        var matching = 0, nonMatching = 0
        for call in session.mocks.calls where call.key == key && inScope(call, scopeText, state, session) {
            if let f = filter, try !PesterMockCommands.filterPasses(f, bound: call.bound, session: session) {
                nonMatching += 1
            } else {
                matching += 1
            }
        }
        let times = rt.bound.int("Times") ?? 1
        var message: String?
        if matching != times && (rt.bound.isOn("Exactly") || times == 0) {
            message = "Expected \(commandName)\(moduleMessage) to be called \(times) times exactly but was called \(matching) times"
        } else if matching < times {
            message = "Expected \(commandName)\(moduleMessage) to be called at least \(times) times but was called \(matching) times"
        } else if exclusive != nil && nonMatching > 0 {
            message = "Expected \(commandName)\(moduleMessage) to only be called with with parameters matching the specified filter, but \(nonMatching) non-matching calls were made"
        }
        if let message {
            let record = ShouldAssertion.errorRecord(message, rt: rt)
            record.targetObject.hashtable?.set(.string("File"), .string(""))
            throw RuntimeError(record)
        }
    }

    /// Test-MockCallScope over the call's open groups.
    private func inScope(_ call: PesterMocks.Call, _ scope: String, _ state: Pester4State, _ session: PesterSession) -> Bool {
        if let n = call.testNumber, session.mocks.inTest, n == session.mocks.testNumber { return true }
        // The call counts for the innermost group still open that it was made in.
        let open = state.groups.map { ObjectIdentifier($0) }
        guard let depth = open.lastIndex(where: { call.groups.contains($0) }) else { return false }
        let distance = open.count - 1 - depth
        if let n = Int(scope) { return n > distance }
        let reversed = Array(state.groups.reversed())
        switch scope.lowercased() {
        case "describe", "feature":
            guard let d = reversed.firstIndex(where: { $0.hint == "Describe" }) else { return false }
            return d >= distance
        case "context", "scenario":
            guard let c = reversed.firstIndex(where: { $0.hint == "Context" }) else { return false }
            return c >= distance
        default:
            return false
        }
    }
}

/// `Assert-VerifiableMock`: every `Mock -Verifiable` must have been called.
final class AssertVerifiableMockCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let session = PesterSession.of(rt.context)
        try Pester4State.assertInProgress(rt)
        var unverified: [(String, ScriptBlock?)] = []
        for b in session.mocks.behaviors where b.verifiable {
            if let i = unverified.firstIndex(where: { $0.0 == b.key }) { unverified[i].1 = b.filter } else { unverified.append((b.key, b.filter)) }
        }
        guard let last = unverified.last else { return }
        let parts = last.0.components(separatedBy: "||")
        var command = parts.last ?? ""
        if let original = session.mocks.originals[last.0] {
            switch original {
            case .function(let f): command = f.name
            case .cmdlet(let c): command = c.declaration.name
            }
        }
        var message = "\n Expected \(command) "
        if let module = parts.first, !module.isEmpty { message += "in module \(module) " }
        message += "to be called with \(last.1?.text ?? "")"
        throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
    }
}

/// `In [-Path] <path> [-Execute] <scriptblock>`: runs the block with the location set to the
/// path, then goes back.
final class Pester4InCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try Pester4State.assertInProgress(rt)
        guard let sb = scriptBlock(rt.bound["Execute"]) else { return }
        let context = rt.context
        let saved = context.currentLocation
        context.currentLocation = context.resolvePath(rt.bound.string("Path") ?? ".")
        defer { context.currentLocation = saved }
        try context.invokeCommand(sb, arguments: [], output: Pipe({ v in try rt.writeObject(v) }))
    }
}

/// `Setup [-Dir] [-File] [[-Path] <Object>] [[-Content] <Object>] [-PassThru]`, Pester 4's way
/// to fill the TestDrive (TestDrive.ps1 of Pester 4.10.1): `-Dir` makes the folder `Path` in
/// it, `-File` the file `Path` with `Content` (none: empty) written as New-Item writes a value,
/// both with `-Force`; `-PassThru` returns what New-Item gave. Neither switch: nothing is made.
final class Pester4TestDriveSetupCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        try Pester4State.assertInProgress(rt)
        let directory = rt.bound.isOn("Dir")
        guard directory || rt.bound.isOn("File") else { return }
        // New-Item itself does the work, so the item, its errors and its content encoding are
        // the cmdlet's own.
        let body = try rt.context.parseScriptBlock(
            "param($IsDirectory, $Name, $Content) " +
            "if ($IsDirectory) { New-Item -Name $Name -Path 'TestDrive:\\' -ItemType Directory -Force } " +
            "else { $Content | New-Item -Name $Name -Path 'TestDrive:\\' -ItemType File -Force }")
        let extent = body.ast.extent
        let content = rt.bound.has("Content") ? (rt.bound["Content"] ?? .null) : .string("")
        let passThru = rt.bound.isOn("PassThru")
        try rt.context.invokeCommand(body, arguments: [
            .positional(.bool(directory), extent: extent), .positional(rt.bound["Path"] ?? .null, extent: extent),
            .positional(content, extent: extent),
        ], output: Pipe({ v in if passThru { try rt.writeObject(v) } }))
    }
}
