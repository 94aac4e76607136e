import Foundation
import PowerShellRuntime

/// Mocks: `Mock Name { … } -ParameterFilter { … }` defines a function of the mocked command's
/// name (and parameters) in the scope of the test or block that called Mock, so calls made
/// from there (directly or from functions the test calls) reach it instead of the command.
/// The function hands its arguments to Invoke-PesterMock, which picks the behaviour (the
/// newest whose filter passes, else the newest without a filter, else the real command),
/// records the call for `Should -Invoke`, and runs it.
final class PesterMocks {
    struct Behavior {
        let command: String
        let mockWith: ScriptBlock?
        let filter: ScriptBlock?
        let scope: Scope
        let verifiable: Bool
    }

    enum Original {
        case function(FunctionInfo)
        case cmdlet(CmdletRegistration)
    }

    struct Call {
        let command: String
        let bound: PSHashtable
        let arguments: [Value]
        let test: PesterTest?
        let block: PesterBlock?
    }

    var behaviors: [Behavior] = []
    var originals: [String: Original] = [:]
    var everMocked: Set<String> = []
    var calls: [Call] = []

    func removeMocks(definedIn scope: Scope) {
        behaviors.removeAll { $0.scope === scope }
    }
}

enum PesterMockCommands {
    /// The body of every mock function.
    static func bootstrap(_ context: ExecutionContext, name: String) throws -> ScriptBlock {
        let quoted = name.replacingOccurrences(of: "'", with: "''")
        return try context.parseScriptBlock("Invoke-PesterMock -CommandName '\(quoted)' -BoundParameters $PSBoundParameters -ArgumentList $args")
    }

    static func isAncestor(_ scope: Scope, of other: Scope) -> Bool {
        var s: Scope? = other
        while let x = s {
            if x === scope { return true }
            s = x.parent
        }
        return false
    }

    /// Evaluates a parameter filter with the call's parameters as variables.
    static func filterPasses(_ filter: ScriptBlock, bound: PSHashtable, session: PesterSession) throws -> Bool {
        let scope = Scope(parent: session.context.currentScope)
        for (k, v) in zip(bound.keys, bound.values) {
            let n = Conversion.toString(k)
            scope.variables[n.lowercased()] = PSVariable(name: n, value: v)
        }
        let out = try session.run(filter, in: scope)
        return Conversion.toBool(out.count == 1 ? out[0] : .object(PSArray(out)))
    }

    static func shouldInvoke(_ rt: CommandRuntime, negate: Bool) throws {
        let session = PesterSession.of(rt.context)
        let name = rt.bound.string("ExpectedValue") ?? rt.bound.string("CommandName") ?? ""
        let folded = name.lowercased()
        guard session.mocks.everMocked.contains(folded) else {
            try rt.throwTerminating(rt.makeError(.runtimeException, "Should -Invoke: Could not find Mock for command \(name) in script scope. Was the mock defined? Did you use the same -ModuleName as on the Mock? When using InModuleScope are InModuleScope, Mock and Should -Invoke using the same -ModuleName?",
                                                 errorId: "RuntimeException", category: .NotSpecified))
        }
        let times = rt.bound.int("Times") ?? 1
        let exactly = rt.bound.isOn("Exactly")
        let filter = rt.bound["ParameterFilter"].flatMap { v -> ScriptBlock? in
            if case .object(let o) = v { return o as? ScriptBlock }
            return nil
        }
        var candidates = session.mocks.calls.filter { $0.command == folded }
        if let test = session.currentTest {
            candidates = candidates.filter { $0.test === test }
        } else if let block = session.currentBlock {
            candidates = candidates.filter { c in
                var b: PesterBlock? = c.block
                while let x = b { if x === block { return true }; b = x.parent }
                return false
            }
        }
        var matching = 0
        for c in candidates {
            if let f = filter {
                if try filterPasses(f, bound: c.bound, session: session) { matching += 1 }
            } else {
                matching += 1
            }
        }
        let because = PesterFormat.because(rt.bound.string("Because"))
        var message: String?
        if negate {
            if matching == times && (exactly || !rt.bound.has("Times")) {
                message = "Expected \(name) not to be called exactly \(times) times,\(because) but it was"
            } else if matching >= times && !exactly {
                message = "Expected \(name) to be called less than \(times) times,\(because) but was called \(matching) times"
            }
        } else {
            if matching != times && (exactly || times == 0) {
                message = "Expected \(name) to be called \(times) times exactly,\(because) but was called \(matching) times"
            } else if matching < times {
                message = "Expected \(name) to be called at least \(times) times,\(because) but was called \(matching) times"
            }
        }
        if let m = message {
            throw RuntimeError(ShouldAssertion.errorRecord(m, rt: rt))
        }
    }
}

/// `Mock [-CommandName] <string> [[-MockWith] <scriptblock>] [[-ParameterFilter] <scriptblock>] [-Verifiable] [-ModuleName <string>]`
final class MockCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        guard let name = rt.bound.string("CommandName") else { return }
        let folded = name.lowercased()
        func block(_ p: String) -> ScriptBlock? {
            if let v = rt.bound[p], case .object(let o) = v { return o as? ScriptBlock }
            return nil
        }
        var original = session.mocks.originals[folded]
        if original == nil {
            var target = folded
            if let alias = context.currentScope.lookupAlias(folded) { target = alias.definition.lowercased() }
            if let f = context.currentScope.lookupFunction(target) {
                original = .function(f)
            } else if let c = context.cmdlets[target] {
                original = .cmdlet(c)
            } else if context.modules?.autoload(name) == true, let c = context.cmdlets[target] {
                original = .cmdlet(c)
            }
        }
        guard let original else {
            let record = ErrorRecord(exception: PSExceptionObject(.commandNotFoundException, "Could not find Command \(name)"),
                                     errorId: "CommandNotFoundException", category: .ObjectNotFound, targetObject: .string(name))
            record.terminatesScript = true
            try rt.throwTerminating(record)
        }
        session.mocks.originals[folded] = original
        session.mocks.everMocked.insert(folded)
        let scope = session.currentTestScope ?? session.currentBlock.flatMap { session.blockScopes[ObjectIdentifier($0)] } ?? context.currentScope
        session.mocks.behaviors.append(PesterMocks.Behavior(command: folded, mockWith: block("MockWith"), filter: block("ParameterFilter"),
                                                            scope: scope, verifiable: rt.bound.isOn("Verifiable")))
        let declaration: CommandDeclaration
        let advanced: Bool
        let realName: String
        switch original {
        case .function(let f):
            declaration = f.declaration
            advanced = f.isAdvanced
            realName = f.name
        case .cmdlet(let c):
            declaration = c.declaration
            advanced = true
            realName = c.declaration.name
        }
        let function = FunctionInfo(name: realName, scriptBlock: try PesterMockCommands.bootstrap(context, name: realName), isFilter: false,
                                    declaration: declaration, isAdvanced: advanced)
        scope.functions[folded] = function
        context.commandTableGeneration += 1
    }
}

/// What a mock function calls: picks and runs the behaviour, or the real command.
final class InvokePesterMockCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        let name = rt.bound.string("CommandName") ?? ""
        let folded = name.lowercased()
        let bound = rt.bound["BoundParameters"]?.hashtable ?? PSHashtable()
        let arguments = rt.bound.list("ArgumentList") ?? []
        session.mocks.calls.append(PesterMocks.Call(command: folded, bound: bound, arguments: arguments, test: session.currentTest, block: session.currentBlock))
        let live = session.mocks.behaviors.filter { $0.command == folded && PesterMockCommands.isAncestor($0.scope, of: context.currentScope) }
        var chosen: PesterMocks.Behavior?
        for b in live.reversed() where b.filter != nil {
            if try PesterMockCommands.filterPasses(b.filter!, bound: bound, session: session) { chosen = b; break }
        }
        if chosen == nil { chosen = live.last { $0.filter == nil } }
        if let b = chosen {
            guard let body = b.mockWith else { return }
            let scope = Scope(parent: context.currentScope)
            for (k, v) in zip(bound.keys, bound.values) {
                let n = Conversion.toString(k)
                scope.variables[n.lowercased()] = PSVariable(name: n, value: v)
            }
            for v in try session.run(body, in: scope, args: arguments) { try rt.writeObject(v) }
            return
        }
        guard let original = session.mocks.originals[folded] else { return }
        let target: Value
        switch original {
        case .function(let f): target = .object(f.scriptBlock)
        case .cmdlet(let c): target = .string(c.declaration.moduleName.isEmpty ? c.declaration.name : c.declaration.moduleName + "\\" + c.declaration.name)
        }
        let call = try context.parseScriptBlock("param($__pesterCommand, $__pesterBound, $__pesterArgs) & $__pesterCommand @__pesterBound @__pesterArgs")
        for v in try context.invokeScriptBlock(call, args: [target, .object(bound), .object(PSArray(arguments))], dollarUnder: nil) {
            try rt.writeObject(v)
        }
    }
}
