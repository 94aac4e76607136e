import Foundation
import PowerShellRuntime

/// Mocks: `Mock Name { … } -ParameterFilter { … }` defines a function of the mocked command's
/// name (and parameters) where the calls will find it: in Pester 5 the scope of the test or
/// block that called Mock, in Pester 4 the test file's script scope, and with `-ModuleName`
/// the module's own scope, so the module's functions reach it too. The function hands its
/// arguments to Invoke-PesterMock, which picks the behaviour (the newest whose filter passes,
/// else the newest without a filter, else the real command), records the call for
/// `Should -Invoke` / `Assert-MockCalled`, and runs it. A mock ends with the test or block
/// that defined it (Pester 4: with the Describe or Context it was defined in).
final class PesterMocks {
    struct Behavior {
        /// `module||command`, folded.
        let key: String
        let mockWith: ScriptBlock?
        let filter: ScriptBlock?
        /// Pester 5: the test or block scope that owns it; Pester 4: the scope of its function.
        let scope: Scope
        /// Pester 4: the Describe/Context that owns it.
        let group: ObjectIdentifier?
        let inModule: Bool
        var verifiable: Bool
    }

    enum Original {
        case function(FunctionInfo)
        case cmdlet(CmdletRegistration)
    }

    struct Call {
        let key: String
        let bound: PSHashtable
        let arguments: [Value]
        let test: PesterTest?
        let block: PesterBlock?
        /// Pester 4: the groups open when the call was made, outermost first, and the number
        /// of the test running then (nil outside a test).
        let groups: [ObjectIdentifier]
        let testNumber: Int?
    }

    /// A mock function put in place, and what it replaced.
    struct Installed {
        let home: Scope
        let name: String
        let previous: FunctionInfo?
        let ownerScope: Scope?
        let group: ObjectIdentifier?
    }

    var behaviors: [Behavior] = []
    var originals: [String: Original] = [:]
    var everMocked: Set<String> = []
    var calls: [Call] = []
    var installed: [Installed] = []
    /// Pester 4: counts tests, so calls can be told apart by the test they were made in.
    var testNumber = 0
    var inTest = false

    static func key(_ module: String?, _ command: String) -> String {
        (module ?? "").lowercased() + "||" + command.lowercased()
    }

    /// Pester 5: the test or block that owned `scope` ended.
    func removeMocks(definedIn scope: Scope) {
        behaviors.removeAll { $0.scope === scope && $0.group == nil }
        uninstall { $0.ownerScope === scope }
    }

    /// Pester 4: a Describe or Context ended.
    func leaveGroup4(_ group: Pester4State.Group, context: ExecutionContext) {
        let id = ObjectIdentifier(group)
        behaviors.removeAll { $0.group == id }
        uninstall { $0.group == id }
        context.commandTableGeneration += 1
    }

    /// Pester 4: a test ended.
    func leaveTest4(_ state: Pester4State) {
        inTest = false
    }

    private func uninstall(_ owned: (Installed) -> Bool) {
        for entry in installed.reversed() where owned(entry) {
            entry.home.functions[entry.name] = entry.previous
        }
        installed.removeAll(where: owned)
    }
}

enum PesterMockCommands {
    /// The body of every mock function.
    static func bootstrap(_ context: ExecutionContext, name: String, module: String?) throws -> ScriptBlock {
        let quoted = name.replacingOccurrences(of: "'", with: "''")
        let moduleArgument = module.map { " -ModuleName '\($0.replacingOccurrences(of: "'", with: "''"))'" } ?? ""
        return try context.parseScriptBlock("Invoke-PesterMock -CommandName '\(quoted)'\(moduleArgument) -BoundParameters $PSBoundParameters -ArgumentList $args")
    }

    static func isAncestor(_ scope: Scope, of other: Scope) -> Bool {
        var s: Scope? = other
        while let x = s {
            if x === scope { return true }
            s = x.parent
        }
        return false
    }

    /// The loaded module a `-ModuleName` names, or Pester's error.
    static func module(_ name: String, _ context: ExecutionContext) throws -> PSModuleInfo {
        guard let m = context.loadedModuleLookup?(name) else {
            let message = "No modules named '\(name)' are currently loaded."
            throw RuntimeError(.runtimeException, message, errorId: message, category: .OperationStopped)
        }
        return m
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
        let key = PesterMocks.key(rt.bound.string("ModuleName"), name)
        guard session.mocks.everMocked.contains(key) else {
            try rt.throwTerminating(rt.makeError(.runtimeException, "Should -Invoke: Could not find Mock for command \(name) in \(rt.bound.string("ModuleName").map { "module \($0)" } ?? "script scope"). Was the mock defined? Did you use the same -ModuleName as on the Mock? When using InModuleScope are InModuleScope, Mock and Should -Invoke using the same -ModuleName?",
                                                 errorId: "RuntimeException", category: .NotSpecified))
        }
        let times = rt.bound.int("Times") ?? 1
        let exactly = rt.bound.isOn("Exactly")
        let filter = rt.bound["ParameterFilter"].flatMap { v -> ScriptBlock? in
            if case .object(let o) = v { return o as? ScriptBlock }
            return nil
        }
        var candidates = session.mocks.calls.filter { $0.key == key }
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
        let command = name + (rt.bound.string("ModuleName").flatMap { $0.isEmpty ? nil : " in module \($0)" } ?? "")
        var message: String?
        if negate {
            if matching == times && (exactly || !rt.bound.has("Times")) {
                message = "Expected \(command) not to be called exactly \(times) times,\(because) but it was"
            } else if matching >= times && !exactly {
                message = "Expected \(command) to be called less than \(times) times,\(because) but was called \(matching) times"
            }
        } else {
            if matching != times && (exactly || times == 0) {
                message = "Expected \(command) to be called \(times) times exactly,\(because) but was called \(matching) times"
            } else if matching < times {
                message = "Expected \(command) to be called at least \(times) times,\(because) but was called \(matching) times"
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
        if session.major == 4 { try Pester4State.assertInProgress(rt) }
        let moduleName = rt.bound.string("ModuleName").flatMap { $0.isEmpty ? nil : $0 }
        let module = try moduleName.map { try PesterMockCommands.module($0, context) }
        let folded = name.lowercased()
        let key = PesterMocks.key(moduleName, name)
        func block(_ p: String) -> ScriptBlock? {
            if let v = rt.bound[p], case .object(let o) = v { return o as? ScriptBlock }
            return nil
        }
        // Where the command is looked up: the module's scope, or the caller's.
        let lookupScope = module?.scope ?? context.currentScope
        var original = session.mocks.originals[key]
        if original == nil {
            var target = folded
            if let alias = lookupScope.lookupAlias(folded) { target = alias.definition.lowercased() }
            if let f = lookupScope.lookupFunction(target), !session.mocks.installed.contains(where: { $0.home.functions[target] === f }) {
                original = .function(f)
            } else if let c = context.cmdlets[target] {
                original = .cmdlet(c)
            } else if let hook = context.commandNotFoundHook, hook(name), let c = context.cmdlets[target] {
                original = .cmdlet(c)
            }
        }
        guard let original else {
            let record = ErrorRecord(exception: PSExceptionObject(.commandNotFoundException, "Could not find Command \(name)"),
                                     errorId: "CommandNotFoundException", category: .ObjectNotFound, targetObject: .string(name))
            record.terminatesScript = true
            try rt.throwTerminating(record)
        }
        session.mocks.originals[key] = original
        session.mocks.everMocked.insert(key)
        let owner: Scope
        let home: Scope
        var group: ObjectIdentifier?
        if session.major == 4, let state = session.v4 {
            group = ObjectIdentifier(state.currentGroup)
            home = module?.scope ?? context.currentScope.scriptScopeOrSelf
            owner = home
        } else {
            owner = session.currentTestScope ?? session.currentBlock.flatMap { session.blockScopes[ObjectIdentifier($0)] } ?? context.currentScope
            home = module?.scope ?? owner
        }
        session.mocks.behaviors.append(PesterMocks.Behavior(key: key, mockWith: block("MockWith"), filter: block("ParameterFilter"),
                                                            scope: owner, group: group, inModule: module != nil,
                                                            verifiable: rt.bound.isOn("Verifiable")))
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
        let function = FunctionInfo(name: realName, scriptBlock: try PesterMockCommands.bootstrap(context, name: realName, module: moduleName),
                                    isFilter: false, declaration: declaration, isAdvanced: advanced)
        if module != nil || session.major == 4 {
            session.mocks.installed.append(PesterMocks.Installed(home: home, name: folded, previous: home.functions[folded],
                                                                 ownerScope: group == nil ? owner : nil, group: group))
        }
        home.functions[folded] = function
        context.commandTableGeneration += 1
    }
}

/// What a mock function calls: picks and runs the behaviour, or the real command.
final class InvokePesterMockCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let context = rt.context
        let session = PesterSession.of(context)
        let name = rt.bound.string("CommandName") ?? ""
        let key = PesterMocks.key(rt.bound.string("ModuleName"), name)
        let bound = rt.bound["BoundParameters"]?.hashtable ?? PSHashtable()
        let arguments = rt.bound.list("ArgumentList") ?? []
        var groups: [ObjectIdentifier] = []
        if let state = session.v4 { groups = state.groups.map { ObjectIdentifier($0) } }
        session.mocks.calls.append(PesterMocks.Call(key: key, bound: bound, arguments: arguments, test: session.currentTest, block: session.currentBlock,
                                                    groups: groups, testNumber: session.mocks.inTest ? session.mocks.testNumber : nil))
        var chosen: Int?
        for (i, b) in session.mocks.behaviors.enumerated().reversed() where b.key == key && b.filter != nil {
            guard b.inModule || PesterMockCommands.isAncestor(b.scope, of: context.currentScope), let f = b.filter else { continue }
            if try PesterMockCommands.filterPasses(f, bound: bound, session: session) { chosen = i; break }
        }
        if chosen == nil {
            chosen = session.mocks.behaviors.indices.last { i in
                let b = session.mocks.behaviors[i]
                return b.key == key && b.filter == nil && (b.inModule || PesterMockCommands.isAncestor(b.scope, of: context.currentScope))
            }
        }
        if let i = chosen {
            session.mocks.behaviors[i].verifiable = false
            guard let body = session.mocks.behaviors[i].mockWith else { return }
            let scope = Scope(parent: context.currentScope)
            for (k, v) in zip(bound.keys, bound.values) {
                let n = Conversion.toString(k)
                scope.variables[n.lowercased()] = PSVariable(name: n, value: v)
            }
            for v in try session.run(body, in: scope, args: arguments) { try rt.writeObject(v) }
            return
        }
        guard let original = session.mocks.originals[key] else { return }
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
