import Foundation
import PowerShellSyntax

/// One argument of a command invocation after evaluation, before binding.
public enum CommandArgument {
    /// `-Name` or `-Name:value`; `value` nil when no colon-argument was given.
    case named(name: String, value: Value?, hasColon: Bool, extent: SourceExtent)
    case positional(Value, extent: SourceExtent)

    var extent: SourceExtent {
        switch self {
        case .named(_, _, _, let x): return x
        case .positional(_, let x): return x
        }
    }
}

/// A command in a running pipeline: begin, process one input at a time, end.
class CommandProcessor {
    /// The session, which outlives its pipelines (a processor runs only inside one): held
    /// unowned(unsafe), because a checked unowned reference costs a strong retain and a release
    /// on every read, several per pipeline object.
    unowned(unsafe) let context: ExecutionContext
    var output: Pipe
    var routing = StreamRouting()
    /// The routing to put in effect while this command runs, so the commands it runs inherit
    /// its redirections; nil when it runs with the routing already in effect.
    var scopedRouting: StreamRouting?
    /// True when the command is not first in its pipeline.
    var expectingInput = false
    /// How many commands its pipeline has (pwsh's MyInvocation.PipelineLength).
    var pipelineLength = 1
    /// Set when the command wrote an error (for `$?`).
    var hadErrors: Bool { false }

    init(context: ExecutionContext, output: Pipe) {
        self.context = context
        self.output = output
    }

    /// Binds the arguments. Every command of a pipeline is prepared before any begins.
    func prepare() throws {}
    /// The begin step; run once, by `beginOnce`.
    func begin() throws {}
    func process(_ input: Value) throws {}
    /// Called once for a command that is first in its pipeline.
    func processWithoutInput() throws {}
    func end() throws {}
    /// The runtime of a compiled-in command (to find who asked to stop the pipeline).
    var commandRuntime: CommandRuntime? { nil }
    /// The command's `$MyInvocation` (nil for an expression).
    var invocationInfo: InvocationInfo? { nil }
    /// Called once the pipeline is over, whether it ran to the end, failed or was stopped:
    /// the `clean` block runs here, and the call stops counting.
    func finish() {}

    /// Whether the begin step ran (pwsh's RanBeginAlready).
    private(set) var begun = false

    /// Runs the begin step unless it ran: commands begin in pipeline order, but an upstream
    /// begin block's output reaches a command before its own turn, which then begins first.
    @inline(__always)
    final func beginOnce() throws {
        if begun { return }
        begun = true
        try begin()
    }

    /// Input from upstream: begins first if it has not.
    @inline(__always)
    final func receive(_ input: Value) throws {
        if !begun { try beginOnce() }
        try process(input)
    }
}

/// The first element of a pipeline when it is an expression: its value (evaluated before the
/// commands' arguments, as pwsh does), unrolled.
final class ExpressionProcessor: CommandProcessor {
    /// Writes the value into the pipe.
    let produce: (Pipe) throws -> Void

    init(context: ExecutionContext, output: Pipe, produce: @escaping (Pipe) throws -> Void) {
        self.produce = produce
        super.init(context: context, output: output)
    }

    override func processWithoutInput() throws {
        try produce(output)
    }
}

extension ExecutionContext {

    // MARK: - Pipelines

    /// A command's name and arguments, evaluated before the pipeline runs.
    struct EvaluatedCommand {
        let command: CompiledCommand
        let name: Value
        let arguments: [CommandArgument]
    }

    /// Runs a pipeline: the input expression first, then every command's name and arguments in
    /// order, then the commands, wired back to front so each knows where its output goes.
    func run(_ p: CompiledPipeline, _ out: Pipe) throws {
        if p.ast.background {
            throw RuntimeError(.notSupportedException, "Background jobs (a pipeline ending in '&') are not supported by teamsh.",
                               errorId: "BackgroundJobsNotSupported", category: .NotImplemented, extent: p.ast.extent)
        }
        var producers: [Int: (Pipe) throws -> Void] = [:]
        var commands: [Int: EvaluatedCommand] = [:]
        for (i, element) in p.elements.enumerated() {
            switch element {
            case .expression(let run, let range, _, let redirections):
                if redirections.isEmpty || i > 0 {
                    producers[i] = try inputProducer(run, range: range)
                } else {
                    // Redirected, the expression runs under its redirections, in the pipeline.
                    producers[i] = { [unowned self] pipe in try pipe.writeEnumerated(try run(self)) }
                }
            case .command(let c, _):
                let name = try commandName(c)
                commands[i] = EvaluatedCommand(command: c, name: name, arguments: try arguments(of: c, name: name))
            }
        }
        // `> file` output is written when the outermost redirected pipeline ends.
        let hadPendingFiles = !pendingFileWrites.isEmpty
        defer { if !hadPendingFiles { flushPendingFileWrites() } }
        let built = try pipelineProcessors(p, producers: producers, commands: commands, out)
        try runProcessors(built.processors)
        try built.setVariableTargets(self)
    }

    /// The processors of a pipeline that runs a step at a time (a steppable pipeline): its
    /// input expression, command names and arguments evaluated now, in order.
    func pipelineProcessors(_ ast: PipelineAst, _ out: Pipe) throws -> BuiltPipeline {
        let p = Compiler.standalone.pipeline(ast)
        var producers: [Int: (Pipe) throws -> Void] = [:]
        var commands: [Int: EvaluatedCommand] = [:]
        for (i, element) in p.elements.enumerated() {
            switch element {
            case .expression(let run, let range, _, _):
                producers[i] = try inputProducer(run, range: range)
            case .command(let c, _):
                let name = try commandName(c)
                commands[i] = EvaluatedCommand(command: c, name: name, arguments: try arguments(of: c, name: name))
            }
        }
        return try pipelineProcessors(p, producers: producers, commands: commands, out)
    }

    /// A pipeline ready to run: its commands, and the `variable:` redirections to assign once
    /// it has run.
    struct BuiltPipeline {
        let processors: [CommandProcessor]
        let variableTargets: [VariableRedirection]

        func setVariableTargets(_ context: ExecutionContext) throws {
            for v in variableTargets { try context.setRedirectedVariable(v) }
        }
    }

    /// The commands of a pipeline, each writing to the next and the last to `out`, with their
    /// redirections and arguments evaluated.
    func pipelineProcessors(_ p: CompiledPipeline, producers: [Int: (Pipe) throws -> Void], commands: [Int: EvaluatedCommand],
                            _ out: Pipe) throws -> BuiltPipeline {
        let outerRouting = streamRouting
        // `2>variable:name`: what the streams send there is collected and assigned when the
        // pipeline ends.
        var variableTargets: [VariableRedirection] = []
        var next = out
        var built: [CommandProcessor] = []
        for (i, element) in p.elements.enumerated().reversed() {
            var redirectedOutput: (path: String, append: Bool)?
            var variableOutput: Pipe?
            var routing = outerRouting
            for r in element.redirections {
                switch r {
                case .merge(let from):
                    routing.set(from, .output)
                case .null(let from):
                    if from == .output || from == .all { redirectedOutput = (path: "", append: false) }
                    if from != .output { routing.set(from, .discard) }
                case .file(let from, let target, let append):
                    let text = Conversion.toString(try target(self), hooks: hooks)
                    if let name = ExecutionContext.variableRedirectionName(text) {
                        let target = VariableRedirection(name: name, append: append)
                        variableTargets.append(target)
                        if from == .output || from == .all { variableOutput = target.collector }
                        if from != .output { routing.set(from, .pipe(target.collector)) }
                        continue
                    }
                    let path = resolvePath(text)
                    if from == .output || from == .all { redirectedOutput = (path: path, append: append) }
                    if from != .output { routing.set(from, .file(path: path, append: append)) }
                }
            }
            var target = next
            if let r = redirectedOutput {
                target = r.path.isEmpty ? Pipe({ _ in }) : fileOutputPipe(path: r.path, append: r.append)
            }
            if let v = variableOutput { target = v }
            if !element.redirections.isEmpty {
                // What the command writes runs the next command under the routing around
                // this pipeline, not under this command's.
                let downstream = target
                target = Pipe({ [unowned self] v in
                    let inner = self.streamRouting
                    self.streamRouting = outerRouting
                    defer { self.streamRouting = inner }
                    try downstream.write(v)
                })
            }
            let proc: CommandProcessor
            if let evaluated = commands[i] {
                proc = try makeCommandProcessor(evaluated, output: target)
            } else {
                proc = ExpressionProcessor(context: self, output: target, produce: producers[i] ?? { _ in })
            }
            proc.routing = routing
            proc.expectingInput = i > 0
            proc.pipelineLength = p.elements.count
            proc.invocationInfo?.pipelinePosition = i + 1
            let captured = proc
            if !element.redirections.isEmpty { proc.scopedRouting = routing.inherited(output: target) }
            // Each object runs the command under its own routing (its redirections, the
            // -ErrorVariable it collects), which binding may set up, so it is read per call.
            // The session outlives the pipeline (see CommandProcessor.context).
            next = Pipe({ [unowned(unsafe) self] v in
                guard let scoped = captured.scopedRouting else { return try captured.receive(v) }
                let saved = self.streamRouting
                self.streamRouting = scoped
                defer { self.streamRouting = saved }
                try captured.receive(v)
            })
            built.append(proc)
        }
        return BuiltPipeline(processors: built.reversed(), variableTargets: variableTargets)
    }

    /// A `variable:` redirection target: pwsh runs `Set-Variable -Name name [-Append]` on what
    /// the stream carries (FileRedirection.GetRedirectionPipe at v7.6.5).
    final class VariableRedirection {
        let name: String
        let append: Bool
        let collector = Pipe()

        init(name: String, append: Bool) {
            self.name = name
            self.append = append
        }
    }

    /// The variable name of a `variable:name` redirection path, or nil for a file.
    static func variableRedirectionName(_ path: String) -> String? {
        guard path.count > 9, path.lowercased().hasPrefix("variable:") else { return nil }
        var name = String(path.dropFirst(9))
        while name.hasPrefix("/") || name.hasPrefix("\\") { name.removeFirst() }
        return name.isEmpty ? nil : name
    }

    /// Set-Variable's end for a redirection: no object leaves the variable $null, one is stored
    /// as it is, several as an array; `>>` (-Append) adds them to what the variable held.
    func setRedirectedVariable(_ v: VariableRedirection) throws {
        let items = v.collector.items
        let value: Value
        if v.append {
            var list: [Value] = []
            if let existing = currentScope.lookup(v.name.lowercased()) {
                if let a = existing.value.array { list = a.items } else { list.append(existing.value) }
            }
            value = .object(PSArray(list + items))
        } else {
            value = items.isEmpty ? .null : items.count == 1 ? items[0] : .object(PSArray(items))
        }
        try assignVariable(in: currentScope, folded: v.name.lowercased(), name: v.name, value: value)
    }

    /// The input expression's value, evaluated now; a range of Int32 goes down the pipeline one
    /// number at a time, as pwsh's range enumerator does, instead of being built as an array.
    private func inputProducer(_ run: CompiledExpression, range: CompiledPipeline.Range?) throws -> (Pipe) throws -> Void {
        guard let (lowRun, highRun, ast) = range else {
            let v = try run(self)
            return { pipe in try pipe.writeEnumerated(v) }
        }
        let low = try lowRun(self)
        let high = try highRun(self)
        if case .int(let first) = low, case .int(let last) = high {
            return { pipe in
                let step: Int32 = first <= last ? 1 : -1
                var i = first
                while true {
                    try pipe.write(.int(i))
                    if i == last { break }
                    i &+= step
                }
            }
        }
        let v = try applyBinary(ast, low, high)
        return { pipe in try pipe.writeEnumerated(v) }
    }

    /// Whether a statement that is this one expression sets `$?` to true after it. A
    /// parenthesised command or chain and a non-empty `$( )` keep the `$?` their commands left
    /// (pwsh's Compiler.ShouldSetExecutionStatusToSuccess), so `(a && b) || c` runs `c` when b
    /// failed.
    static func pureExpressionSetsSuccess(_ e: ExpressionAst) -> Bool {
        switch e {
        case .paren(let p): return statementSetsSuccess(p.pipeline)
        case .subExpression(let s): return s.statements.statements.isEmpty
        case .arrayExpression(let s):
            switch s.statements.statements.count {
            case 0: return true
            case 1: return s.statements.traps.isEmpty && statementSetsSuccess(s.statements.statements[0])
            default: return false
            }
        default: return true
        }
    }

    /// The same for a whole statement: only a lone expression (or an assignment of one) does.
    static func statementSetsSuccess(_ s: StatementAst) -> Bool {
        switch s {
        case .pipeline(let p):
            guard p.elements.count == 1, case .expression(let e) = p.elements[0] else { return false }
            return pureExpressionSetsSuccess(e.expression)
        case .assignment(let a):
            var right = a.right
            while case .assignment(let inner) = right { right = inner.right }
            return statementSetsSuccess(right)
        default:
            return false
        }
    }

    /// Writes the output that `> file` / `>> file` collected, formatted as Out-File does.
    func flushPendingFileWrites() {
        let writes = pendingFileWrites
        pendingFileWrites = []
        for w in writes {
            appendToFile(w.path, formatForFile(w.values()), append: w.append)
        }
    }

    /// Runs the processors of one pipeline: prepare (bind) all, begin all, feed the first
    /// (`input`, or its no-input run), end all in order; then finish all, whatever happened
    /// (clean blocks run there).
    func runProcessors(_ processors: [CommandProcessor], input: [Value]? = nil) throws {
        guard let first = processors.first else { return }
        var ok = true
        defer { lastStatementSucceeded = ok && !processors.contains { $0.hadErrors } }
        defer { for p in processors { p.finish() } }
        do {
            for p in processors { try withRouting(p) { try p.prepare() } }
            for p in processors { try withRouting(p) { try p.beginOnce() } }
            if let input {
                for v in input { try withRouting(first) { try first.process(v) } }
            } else {
                try withRouting(first) { try first.processWithoutInput() }
            }
            for p in processors { try withRouting(p) { try p.end() } }
        } catch let stop as StopUpstreamSignal {
            guard let i = processors.firstIndex(where: { $0.commandRuntime === stop.runtime }) else {
                ok = false
                throw stop
            }
            do {
                for p in processors[i...] { try withRouting(p) { try p.end() } }
            } catch {
                ok = false
                throw error
            }
        } catch {
            ok = false
            if error is PipelineStoppedSignal { PipelineStop.releaseInBackground(processors) }
            throw error
        }
    }

    /// Runs one step of a command with its redirections in effect for what it runs.
    @inline(__always)
    func withRouting(_ p: CommandProcessor, _ body: () throws -> Void) throws {
        guard let scoped = p.scopedRouting else { return try body() }
        let saved = streamRouting
        streamRouting = scoped
        defer { streamRouting = saved }
        try body()
    }

    // MARK: - Resolving a command

    private func commandName(_ c: CompiledCommand) throws -> Value {
        switch c.name {
        case .text(let t): return .string(t)
        case .expression(let run, _): return try run(self)
        }
    }

    func makeCommandProcessor(_ e: EvaluatedCommand, output: Pipe) throws -> CommandProcessor {
        let c = e.command.ast
        guard !c.elements.isEmpty else {
            throw RuntimeError(.runtimeException, "An empty pipe element is not allowed.", errorId: "EmptyPipeElement", category: .ParserError, extent: c.extent)
        }
        let dot = c.invocationOperator == .dot
        var nameValue = e.name
        var nameExtent = c.elements[0].extent
        if case .expression(_, let x) = e.command.name { nameExtent = x }
        // `& $sb`, `& 'name'`, `. ./file.ps1`
        if case .object(let o) = nameValue, let sb = o as? ScriptBlock {
            return ScriptProcessor(context: self, scriptBlock: sb, function: nil, arguments: e.arguments, dotSource: dot,
                                   invocation: InvocationInfo(commandName: "", extent: c.extent), output: output, commandAst: c)
        }
        if case .object(let o) = nameValue, let ci = o as? CommandInfoObject {
            nameValue = .string(ci.name)
        }
        let args = e.arguments
        // `& $module { … }`: the block runs in the module's session state.
        if case .object(let o) = nameValue, let module = o as? PSModuleInfo, case .positional(let first, _)? = args.first,
           case .object(let b) = first, let block = b as? ScriptBlock {
            let bound = ScriptBlock(ast: block.ast, isFilter: block.isFilter)
            bound.moduleState = module
            return ScriptProcessor(context: self, scriptBlock: bound, function: nil, arguments: Array(args.dropFirst()), dotSource: false,
                                   invocation: InvocationInfo(commandName: "", extent: c.extent), output: output, commandAst: c)
        }
        let name = Conversion.toString(nameValue, hooks: hooks)
        // pwsh's PipelineOps.AddCommand: a name that is empty is a BadExpression; an error
        // finding or loading the command (not found, a script's #Requires) points at the name,
        // and its InvocationName is the operator (`&`, `.`) or else the name, which ConciseView
        // shows before the colon.
        let op = c.invocationOperator == .dot ? "." : c.invocationOperator == .ampersand ? "&" : nil
        if name.isEmpty {
            throw RuntimeError(.runtimeException,
                               "The expression after '\(op ?? "&")' in a pipeline element produced an object that was not valid. It must result in a command name, a script block, or a CommandInfo object.",
                               errorId: "BadExpression", category: .InvalidOperation, extent: nameExtent, target: nameValue)
        }
        do {
            return try resolveCommand(name: name, arguments: args, dotSource: dot, commandAst: c, output: output)
        } catch let e as RuntimeError {
            if e.record.invocationInfo == nil {
                e.record.invocationInfo = InvocationInfo(commandName: op ?? name, extent: nameExtent)
            }
            throw e
        }
    }

    // MARK: - Arguments

    /// Evaluates a command's arguments in order: parameters, values, splatting.
    func arguments(of c: CompiledCommand, name commandName: Value? = nil) throws -> [CommandArgument] {
        var args: [CommandArgument] = []
        // Named arguments that came from a splatted hashtable: an explicit argument of the
        // same name overrides them (about_Splatting, pwsh 7.1+).
        var splattedNames: [Int] = []
        for element in c.arguments {
            switch element {
            case .named(let name, let value, let hasColon, let extent):
                if let v = value {
                    args.append(.named(name: name, value: try v(self), hasColon: true, extent: extent))
                } else {
                    args.append(.named(name: name, value: nil, hasColon: hasColon, extent: extent))
                }
            case .positional(let run, let extent):
                args.append(.positional(try run(self), extent: extent))
            case .splat(let read, let extent):
                let value = try read(self)
                if let h = value.hashtable {
                    for (k, val) in zip(h.keys, h.values) {
                        let name = Conversion.toString(k, hooks: hooks)
                        splattedNames.append(args.count)
                        args.append(.named(name: name, value: val, hasColon: true, extent: extent))
                    }
                } else if let a = value.array {
                    let names = argsParameterNames[ObjectIdentifier(a)] ?? []
                    var j = 0
                    while j < a.items.count {
                        let item = a.items[j]
                        j += 1
                        if names.contains(j - 1), case .string(let text) = item, text.hasPrefix("-") {
                            // `@args` passing on a parameter name its function did not take.
                            let hasColon = text.hasSuffix(":")
                            let name = String(text.dropFirst().dropLast(hasColon ? 1 : 0))
                            if hasColon, j < a.items.count {
                                args.append(.named(name: name, value: a.items[j], hasColon: true, extent: extent))
                                j += 1
                            } else {
                                args.append(.named(name: name, value: nil, hasColon: false, extent: extent))
                            }
                            continue
                        }
                        args.append(.positional(item, extent: extent))
                    }
                } else if !value.isNull {
                    args.append(.positional(value, extent: extent))
                }
            }
        }
        if !splattedNames.isEmpty {
            // Names are compared as the parameters they bind (an alias or a prefix of the
            // explicit one supersedes too: ParameterBinderController.BindNamedParameters).
            let canonical = parameterNamer(commandName)
            var explicit: Set<String> = []
            for (k, a) in args.enumerated() where !splattedNames.contains(k) {
                if case .named(let name, _, _, let extent) = a { explicit.insert(canonical(name, extent)) }
            }
            if !explicit.isEmpty {
                var kept: [CommandArgument] = []
                for (k, a) in args.enumerated() {
                    if splattedNames.contains(k), case .named(let name, _, _, let extent) = a, explicit.contains(canonical(name, extent)) { continue }
                    kept.append(a)
                }
                args = kept
            }
        }
        return args
    }

    /// The lower-cased name of the parameter an argument name binds to for the named command
    /// (itself when the command or the parameter is unknown), for comparing splatted names
    /// with explicit ones.
    private func parameterNamer(_ commandName: Value?) -> (String, SourceExtent) -> String {
        guard case .string(let text)? = commandName else { return { name, _ in name.lowercased() } }
        let declaration: CommandDeclaration, advanced: Bool
        switch lookupCommand(text) {
        case .cmdlet(let r): (declaration, advanced) = (r.declaration, true)
        case .function(let f): (declaration, advanced) = (f.declaration, f.isAdvanced)
        default: return { name, _ in name.lowercased() }
        }
        return { [unowned self] name, extent in
            let binder = ParameterBinder(context: self, declaration: declaration, isAdvanced: advanced,
                                         invocation: InvocationInfo(commandName: text, extent: extent), errorSuffix: text)
            return ((try? binder.findParameter(name, extent: extent)) ?? nil)?.name.lowercased() ?? name.lowercased()
        }
    }

    // MARK: - Files

    func fileOutputPipe(path: String, append: Bool) -> Pipe {
        var lines: [Value] = []
        let pipe = Pipe({ v in lines.append(v) })
        pendingFileWrites.append((path: path, append: append, values: { lines }))
        return pipe
    }

    /// Writes text to a file, creating or appending.
    func appendToFile(_ path: String, _ text: String, append: Bool) {
        if append, let h = FileHandle(forWritingAtPath: path) {
            h.seekToEndOfFile()
            h.write(Data(text.utf8))
            h.closeFile()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }
    }
}
