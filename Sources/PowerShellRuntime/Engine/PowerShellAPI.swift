import Foundation
import PowerShellSyntax

/// `[powershell]::Create()`: System.Management.Automation.PowerShell, the hosting API scripts
/// use to run code in a runspace of its own. Commands are added as pwsh's PSCommand builds them
/// (`AddScript`, `AddCommand`, `AddParameter`, `AddArgument`; commands added one after another
/// form a pipeline, `AddStatement` starts the next one) and `Invoke()` runs them in a fresh
/// session made by the session's `runspaces` provider, which keeps its state between calls
/// (functions a script defines stay, as `AddScript` runs scripts in the runspace's global
/// scope). Output comes back from Invoke; errors, warnings, verbose, debug and information
/// records collect in `Streams`; `HadErrors` says whether any error was written. A script
/// that does not parse, or an error nothing caught, makes Invoke throw, wrapped as pwsh wraps
/// exceptions from .NET methods ("Exception calling "Invoke" …", FullyQualifiedErrorId the
/// inner exception's type name, such as ParseException).
/// NOTE: BeginInvoke runs synchronously and Stop has nothing to stop: teamsh has no threads
/// for a pipeline to run on.
public final class PSPowerShell: PSDotNetObject {
    /// One command of a pipeline: a script's text, or a command name with its arguments.
    struct Command {
        let script: String?
        let name: String
        let useLocalScope: Bool
        var arguments: [(name: String?, value: Value?)] = []
    }

    private unowned let parent: ExecutionContext
    private var runspace: ExecutionContext?
    /// The Runspace object assigned to `.Runspace`, whose session the commands then run in.
    private var runspaceObject: PSRunspace?
    var statements: [[Command]] = [[]]
    let streams = PSDataStreams()
    private(set) var hadErrors = false
    private(set) var state = "NotStarted"
    private var pendingOutput: [Value] = []

    init(parent: ExecutionContext) {
        self.parent = parent
    }

    public override var typeFullName: String { "System.Management.Automation.PowerShell" }
    public override var propertyNames: [String] {
        ["Commands", "Streams", "HadErrors", "InvocationStateInfo", "Runspace", "IsNested", "InstanceId", "IsRunspaceOwner"]
    }
    public override var methodNames: [String] {
        ["AddArgument", "AddCommand", "AddParameter", "AddParameters", "AddScript", "AddStatement", "BeginInvoke", "Dispose",
         "EndInvoke", "Invoke", "Stop"]
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "commands": return .object(PSCommandList(self))
        case "streams": return .object(streams)
        case "hederrors", "haderrors": return .bool(hadErrors)
        case "invocationstateinfo": return .object(PSCustomObject([("State", .string(state)), ("Reason", .null)]))
        case "runspace": return runspaceObject.map { .object($0) } ?? .null
        case "instanceid": return .null
        case "isnested", "isrunspaceowner": return .bool(false)
        default: return nil
        }
    }

    /// `.Runspace = $rs`: later commands run in that runspace's session (shared by every
    /// PowerShell object given it), as pwsh's PowerShell.Runspace.
    public override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard name.lowercased() == "runspace" else { return false }
        if case .object(let o) = value, let r = o as? PSRunspace {
            runspaceObject = r
            runspace = nil
        } else if value.isNull {
            runspaceObject = nil
        }
        return true
    }

    override public func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "addscript":
            try a.expect(1...2)
            var text = Conversion.toString(a[0], hooks: hooks)
            if case .object(let o) = a[0], let sb = o as? ScriptBlock { text = sb.text }
            append(Command(script: text, name: text, useLocalScope: a.count == 2 && Conversion.toBool(a[1])))
        case "addcommand":
            try a.expect(1...2)
            append(Command(script: nil, name: Conversion.toString(a[0], hooks: hooks), useLocalScope: a.count == 2 && Conversion.toBool(a[1])))
        case "addparameter":
            try a.expect(1...2)
            try addArgument(name: Conversion.toString(a[0], hooks: hooks), value: a.count == 2 ? a[1] : nil)
        case "addparameters":
            try a.expect(1)
            if let h = a[0].hashtable {
                for (k, v) in zip(h.keys, h.values) { try addArgument(name: Conversion.toString(k, hooks: hooks), value: v) }
            } else if let list = a[0].array {
                for v in list.items { try addArgument(name: nil, value: v) }
            }
        case "addargument":
            try a.expect(1)
            try addArgument(name: nil, value: a[0])
        case "addstatement":
            try a.expect(0)
            if !(statements.last?.isEmpty ?? true) { statements.append([]) }
        case "invoke":
            try a.expect(0...2)
            let input = a.count >= 1 ? (a[0].array?.items ?? (a[0].isNull ? [] : [a[0]])) : nil
            return try invoke(input: input, argCount: a.count)
        case "begininvoke":
            pendingOutput = try invoke(input: nil, argCount: a.count).array?.items ?? []
            return .object(PSCustomObject([("IsCompleted", .bool(true))]))
        case "endinvoke":
            try a.expect(1)
            let out = pendingOutput
            pendingOutput = []
            return .object(PSArray(out, kind: .genericList(elementType: "System.Management.Automation.PSObject")))
        case "stop", "dispose":
            return .voidResult
        default:
            return nil
        }
        return .object(self)
    }

    private func append(_ c: Command) {
        if statements.isEmpty { statements = [[]] }
        statements[statements.count - 1].append(c)
    }

    private func addArgument(name: String?, value: Value?) throws {
        guard !statements.isEmpty, !(statements.last?.isEmpty ?? true) else {
            throw MemberFailure.dotnet(.psInvalidOperationException, "A command is required to add a parameter. A command must be added to the PowerShell instance before adding a parameter.")
        }
        let s = statements.count - 1
        statements[s][statements[s].count - 1].arguments.append((name, value))
    }

    func clearCommands() {
        statements = [[]]
    }

    // MARK: Running

    /// Runs every statement in the runspace; returns their output.
    private func invoke(input: [Value]?, argCount: Int) throws -> Value {
        let context: ExecutionContext
        if let r = runspaceObject {
            context = try r.session()
        } else if let r = runspace {
            context = r
        } else {
            guard let made = parent.runspaces?.makeRunspace(for: parent) else {
                throw MemberFailure.dotnet(.psInvalidOperationException, "No runspace is available to run the commands.")
            }
            runspace = made
            context = made
        }
        let work = statements.filter { !$0.isEmpty }
        guard !work.isEmpty else {
            throw MemberFailure.dotnet(.psInvalidOperationException, "No commands are specified.")
        }
        state = "Running"
        var output: [Value] = []
        let savedRouting = context.streamRouting
        let savedScope = context.currentScope
        context.streamRouting = streams.routing { [unowned self] in self.hadErrors = true }
        defer {
            context.streamRouting = savedRouting
            context.currentScope = savedScope
        }
        do {
            for statement in work {
                context.currentScope = context.globalScope
                output += try run(statement, in: context, input: input)
            }
        } catch let e as RuntimeError {
            state = "Failed"
            hadErrors = true
            let inner = e.record.exception
            // The exception names its record weakly, and nothing in the runspace need hold the
            // record once the run is over: the record made again from this template keeps the
            // FullyQualifiedErrorId the script saw (`NTERROR,Test-Function`).
            inner.recordTemplate = (e.record.fullyQualifiedErrorId, e.record.category)
            throw MemberErrors.invocation("Invoke", argCount, inner)
        } catch is ExitSignal {
        } catch is BreakSignal {
        } catch is ContinueSignal {
        } catch is ReturnSignal {
        }
        state = "Completed"
        return .object(PSArray(output, kind: .genericList(elementType: "System.Management.Automation.PSObject")))
    }

    /// One statement: its commands as one pipeline, the input (if any) fed to the first.
    private func run(_ commands: [Command], in context: ExecutionContext, input: [Value]?) throws -> [Value] {
        let collected = Pipe()
        var next = collected
        var processors: [CommandProcessor] = []
        for (i, c) in commands.enumerated().reversed() {
            let extent = SourceExtent.empty(SourceText(text: c.script ?? c.name))
            var arguments: [CommandArgument] = []
            for (n, v) in c.arguments {
                if let n { arguments.append(.named(name: n, value: v, hasColon: v != nil, extent: extent)) } else { arguments.append(.positional(v ?? .null, extent: extent)) }
            }
            let proc: CommandProcessor
            if let text = c.script {
                let sb = try context.parseScriptBlock(text)
                proc = ScriptProcessor(context: context, scriptBlock: sb, function: nil, arguments: arguments, dotSource: !c.useLocalScope,
                                       invocation: InvocationInfo(commandName: "", extent: sb.ast.extent), output: next, commandAst: nil)
            } else {
                let ast = CommandAst(extent: extent, elements: [.argument(.stringConstant(StringConstantExpressionAst(extent: extent, value: c.name, kind: .bareWord)))],
                                     invocationOperator: .ampersand, redirections: [])
                proc = try context.resolveCommand(name: c.name, arguments: arguments, dotSource: false, commandAst: ast, output: next)
            }
            proc.expectingInput = i > 0 || input != nil
            let captured = proc
            next = Pipe({ v in try captured.receive(v) })
            processors.insert(proc, at: 0)
        }
        try context.runProcessors(processors, input: input)
        return collected.items
    }
}

/// `$ps.Commands`: the commands added so far; `Clear()` removes them.
final class PSCommandList: PSDotNetObject {
    private let owner: PSPowerShell

    init(_ owner: PSPowerShell) {
        self.owner = owner
    }

    override var typeFullName: String { "System.Management.Automation.PSCommand" }
    override var propertyNames: [String] { ["Commands"] }
    override var methodNames: [String] { ["AddArgument", "AddCommand", "AddParameter", "AddScript", "AddStatement", "Clear"] }

    override func property(_ name: String) -> Value? {
        guard name.lowercased() == "commands" else { return nil }
        return .object(PSArray(owner.statements.flatMap { $0 }.map { .string($0.name) }))
    }

    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        if name == "clear" {
            owner.clearCommands()
            return .voidResult
        }
        return try owner.invokeMethod(name, args, hooks: hooks)
    }
}

/// `$ps.Streams`: the records each stream collected while the commands ran.
public final class PSDataStreams: PSDotNetObject {
    let error = PSArray([], kind: .genericList(elementType: "System.Management.Automation.ErrorRecord"))
    let warning = PSArray([], kind: .genericList(elementType: "System.Management.Automation.WarningRecord"))
    let verbose = PSArray([], kind: .genericList(elementType: "System.Management.Automation.VerboseRecord"))
    let debug = PSArray([], kind: .genericList(elementType: "System.Management.Automation.DebugRecord"))
    let information = PSArray([], kind: .genericList(elementType: "System.Management.Automation.InformationRecord"))
    let progress = PSArray([], kind: .genericList(elementType: "System.Management.Automation.ProgressRecord"))

    public override var typeFullName: String { "System.Management.Automation.PSDataStreams" }
    public override var propertyNames: [String] { ["Error", "Progress", "Verbose", "Debug", "Warning", "Information"] }
    public override var methodNames: [String] { ["ClearStreams"] }

    /// `ClearStreams()` empties every stream's collection, as PSDataStreams.ClearStreams.
    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard name == "clearstreams" else { return nil }
        for stream in [error, warning, verbose, debug, information, progress] { stream.items.removeAll() }
        return .voidResult
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "error": return .object(error)
        case "warning": return .object(warning)
        case "verbose": return .object(verbose)
        case "debug": return .object(debug)
        case "information": return .object(information)
        case "progress": return .object(progress)
        default: return nil
        }
    }

    /// A routing that sends each stream into its collection; `sawError` runs for each error.
    func routing(sawError: @escaping () -> Void) -> StreamRouting {
        var r = StreamRouting()
        r.error = .pipe(Pipe({ [unowned self] v in
            sawError()
            self.error.items.append(v)
        }))
        r.warning = .pipe(Pipe({ [unowned self] v in self.warning.items.append(v) }))
        r.verbose = .pipe(Pipe({ [unowned self] v in self.verbose.items.append(v) }))
        r.debug = .pipe(Pipe({ [unowned self] v in self.debug.items.append(v) }))
        r.information = .pipe(Pipe({ [unowned self] v in self.information.items.append(v) }))
        return r
    }
}

/// `[runspacefactory]::CreateRunspace()`: a runspace for `[powershell]` objects to run in. It
/// must be opened first; its session (made by the session's `runspaces` provider) keeps state between
/// the commands run in it. RunspaceStateInfo.State goes BeforeOpen, Opened, Closed.
public final class PSRunspace: PSDotNetObject {
    private unowned let parent: ExecutionContext
    private var context: ExecutionContext?
    private var state = "BeforeOpen"
    private static var lastId = 0
    private let id: Int

    init(parent: ExecutionContext) {
        self.parent = parent
        PSRunspace.lastId += 1
        id = PSRunspace.lastId + 1
    }

    public override var typeFullName: String { "System.Management.Automation.Runspaces.LocalRunspace" }
    public override var propertyNames: [String] { ["Id", "Name", "RunspaceStateInfo", "RunspaceAvailability", "ThreadOptions"] }
    public override var methodNames: [String] { ["Close", "CloseAsync", "Dispose", "Open", "OpenAsync"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "id": return .int(Int32(clamping: id))
        case "name": return .string("Runspace\(id)")
        case "runspacestateinfo": return .object(PSCustomObject([("State", .string(state)), ("Reason", .null)]))
        case "runspaceavailability": return .string(state == "Opened" ? "Available" : "None")
        case "threadoptions": return .string("Default")
        default: return nil
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        switch name {
        case "open", "openasync":
            guard state == "BeforeOpen" else {
                throw MemberFailure.dotnet(.invalidOperationException,
                                           "Cannot perform operation because the runspace is not in the 'BeforeOpen' state. Current state of runspace is '\(state)'.")
            }
            context = parent.runspaces?.makeRunspace(for: parent)
            state = "Opened"
        case "close", "closeasync", "dispose":
            if state == "Opened" || name == "dispose" { state = "Closed" }
            context = nil
        default:
            return nil
        }
        return .voidResult
    }

    /// The session commands run in; an error unless the runspace is open.
    func session() throws -> ExecutionContext {
        guard state == "Opened", let c = context else {
            throw MemberFailure.dotnet(.custom(["System.Management.Automation.Runspaces.InvalidRunspaceStateException",
                                                     "System.SystemException", "System.Exception"]),
                                       "Cannot perform operation because the runspace is not in the 'Opened' state. Current state of runspace is '\(state)'.")
        }
        return c
    }
}
