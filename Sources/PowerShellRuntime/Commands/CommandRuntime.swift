import Foundation
import PowerShellSyntax

/// Where a command's non-output streams go: the console, nowhere (`2>$null`), the output
/// pipe (`2>&1`) or a file. Each command of a pipeline gets its own routing, which starts from
/// the routing of the command that runs it (pwsh: redirections apply to everything a command
/// runs, so `f 2>$null` silences the Write-Error calls inside `f`).
public struct StreamRouting {
    public enum Target {
        case host
        case discard
        /// This command's own output pipe.
        case output
        case file(path: String, append: Bool)
        /// The output of an enclosing command that merged the stream (`f *>&1`, seen from
        /// the commands `f` runs).
        case pipe(Pipe)
        /// An enclosing command's error stream: its `-ErrorVariable` collects the record, then
        /// its own routing applies.
        case command(CommandRuntime)
    }

    public var error: Target = .host
    public var warning: Target = .host
    public var verbose: Target = .host
    public var debug: Target = .host
    public var information: Target = .host

    public init() {}

    /// True when no stream is redirected (everything goes to the console).
    var isDefault: Bool {
        if case .host = error, case .host = warning, case .host = verbose, case .host = debug, case .host = information { return true }
        return false
    }

    /// The routing the commands run by a command with this routing start from: `.output`
    /// becomes that command's output pipe.
    func inherited(output: Pipe) -> StreamRouting {
        func map(_ t: Target) -> Target {
            if case .output = t { return .pipe(output) }
            return t
        }
        var r = self
        r.error = map(error); r.warning = map(warning); r.verbose = map(verbose)
        r.debug = map(debug); r.information = map(information)
        return r
    }

    /// Where one stream goes.
    func target(_ stream: RedirectionStream) -> Target {
        switch stream {
        case .error: return error
        case .warning: return warning
        case .verbose: return verbose
        case .debug: return debug
        default: return information
        }
    }

    public mutating func set(_ stream: RedirectionStream, _ target: Target) {
        switch stream {
        case .error: error = target
        case .warning: warning = target
        case .verbose: verbose = target
        case .debug: debug = target
        case .information: information = target
        case .all:
            error = target; warning = target; verbose = target; debug = target; information = target
        case .output: break
        }
    }
}

/// What a running command sees of the runtime: its bound parameters, its output, the error
/// and other streams with their preferences, and ShouldProcess.
public final class CommandRuntime {
    public let context: ExecutionContext
    public let declaration: CommandDeclaration
    public let bound: BoundParameters
    public let invocation: InvocationInfo
    /// The current pipeline input object (nil when the command runs without input).
    public internal(set) var currentInput: Value?
    /// True when the command is not first in its pipeline.
    public internal(set) var expectingInput: Bool = false
    let output: Pipe
    var routing: StreamRouting
    /// Values collected for `-OutVariable`.
    var outVariableItems: [Value]?
    /// A function's output pipe collects its -OutVariable itself (so `$PSCmdlet.WriteObject`
    /// must not add the value a second time).
    var outputCollectedAtPipe = false
    /// Records collected for `-ErrorVariable`.
    var errorVariableItems: [Value]?
    /// What `-WarningVariable` / `-InformationVariable` collect: every record the command
    /// writes to the stream unless its action is Ignore, shown or not.
    var warningVariableItems: [Value]?
    var informationVariableItems: [Value]?
    /// True once an error was written (for `$?`).
    public internal(set) var hadErrors = false
    /// "Yes to All" / "No to All" answered at a confirmation: later ones are not asked.
    private var confirmAll = false
    private var declineAll = false

    init(context: ExecutionContext, declaration: CommandDeclaration, bound: BoundParameters, invocation: InvocationInfo,
         output: Pipe, routing: StreamRouting) {
        self.context = context
        self.declaration = declaration
        self.bound = bound
        self.invocation = invocation
        self.output = output
        self.routing = routing
    }

    // MARK: - Output

    /// Writes one object to the pipeline (arrays are written as one object unless `enumerate`).
    public func writeObject(_ v: Value, enumerate: Bool = false) throws {
        if enumerate, let a = v.array {
            for item in a.items {
                if !outputCollectedAtPipe { outVariableItems?.append(item) }
                try output.write(item)
            }
            return
        }
        if !outputCollectedAtPipe { outVariableItems?.append(v) }
        try output.write(v)
    }

    /// Ends the pipeline early (Select-Object -First): the commands before this one stop
    /// without running their end blocks; this one and those after it end normally.
    public func stopUpstream() throws -> Never {
        throw StopUpstreamSignal(runtime: self)
    }

    // MARK: - Errors

    /// The -ErrorAction in effect: the parameter, else `$ErrorActionPreference`.
    public var errorAction: ActionPreference {
        if let v = bound["ErrorAction"], let p = ActionPreference.parse(v) { return p }
        return context.preference("ErrorActionPreference", default: .Continue)
    }

    /// Builds an error record attributed to this command.
    public func makeError(_ type: ExceptionType, _ message: String, errorId: String, category: ErrorCategory,
                          target: Value = .null) -> ErrorRecord {
        let record = ErrorRecord(exception: PSExceptionObject(type, message), errorId: errorId, category: category,
                                 targetObject: target, invocationInfo: invocation,
                                 errorIdSuffix: declaration.implementingTypeName ?? declaration.name)
        return record
    }

    /// A non-terminating error: shown or not, stopping or not, per the error action.
    public func writeError(_ record: ErrorRecord) throws {
        if record.invocationInfo == nil { record.invocationInfo = invocation }
        hadErrors = true
        let action = errorAction
        if action == .Ignore { return }
        errorVariableItems?.append(.object(record))
        if action == .Stop {
            record.terminatesScript = true
            record.stoppedByPreference = true
            throw RuntimeError(record)
        }
        context.recordError(record)
        if action == .SilentlyContinue { return }
        try context.route(record, to: routing.error, output: output)
    }

    /// A terminating error from this command.
    public func throwTerminating(_ record: ErrorRecord) throws -> Never {
        if record.invocationInfo == nil { record.invocationInfo = invocation }
        hadErrors = true
        throw RuntimeError(record)
    }

    // MARK: - Other streams

    public func writeWarning(_ text: String) throws {
        let pref = actionFor("WarningAction", "WarningPreference", .Continue)
        if pref == .Ignore { return }
        warningVariableItems?.append(.object(StreamRecord(.warning, text)))
        if pref == .SilentlyContinue { return }
        try context.routeText(.warning, text, routing.warning, output: output)
        if pref == .Stop {
            throw RuntimeError(.actionPreferenceStopException,
                               "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: \(text)",
                               errorId: "ActionPreferenceStop", category: .OperationStopped)
        }
    }

    public func writeVerbose(_ text: String) throws {
        let on = bound.has("Verbose") ? bound.isOn("Verbose") : context.preference("VerbosePreference", default: .SilentlyContinue) == .Continue
        if on { try context.routeText(.verbose, text, routing.verbose, output: output) }
    }

    public func writeDebug(_ text: String) throws {
        let on = bound.has("Debug") ? bound.isOn("Debug") : context.preference("DebugPreference", default: .SilentlyContinue) == .Continue
        if on { try context.routeText(.debug, text, routing.debug, output: output) }
    }

    /// Write-Information / Write-Host. Write-Host output is always shown unless redirected.
    /// pwsh's MshCommandRuntime.WriteInformation: unless the preference is Ignore, a record
    /// reaches a redirected information stream (`6>&1`, `*>&1`, `6>file`) whatever the
    /// preference; only the console shows it, and only under Continue.
    public func writeInformation(_ text: String, isHost: Bool) throws {
        if !isHost {
            let pref = actionFor("InformationAction", "InformationPreference", .SilentlyContinue)
            if pref == .Ignore { return }
            informationVariableItems?.append(.object(StreamRecord(.information, text)))
            if pref != .Continue {
                // Not shown, but still in the information stream: a redirection takes it,
                // enclosing functions' -InformationVariable collect it.
                try context.routeText(.information, text, routing.information, output: output, show: false)
                return
            }
        }
        try context.routeText(.information, text, routing.information, output: output)
    }

    /// Write-Host: text straight to the console (the information stream since pwsh 5, as a
    /// record tagged PSHOST when that stream is redirected).
    public func writeHost(_ text: String, noNewline: Bool) throws {
        informationVariableItems?.append(.object(StreamRecord(.information, text, tags: ["PSHOST"])))
        if case .host = routing.information {
            context.outDefaultFlush()
            context.host.writeOutput(noNewline ? text : text + "\n")
            return
        }
        try context.routeText(.information, text, routing.information, output: output, tags: ["PSHOST"])
    }

    private func actionFor(_ parameter: String, _ variable: String, _ def: ActionPreference) -> ActionPreference {
        if let v = bound[parameter], let p = ActionPreference.parse(v) { return p }
        return context.preference(variable, default: def)
    }

    // MARK: - ShouldProcess

    /// `-WhatIf` prints `What if: Performing the operation "ACTION" on target "TARGET".` and
    /// returns false. Otherwise, when `-Confirm` is given or the command's ConfirmImpact reaches
    /// `$ConfirmPreference`, the user is asked; without a console that fails as pwsh does.
    /// Unasked, with `-Verbose`: `VERBOSE: Performing the operation "ACTION" on target "TARGET".`
    public func shouldProcess(target: String, action: String) throws -> Bool {
        let description = "Performing the operation \"\(action)\" on target \"\(target)\"."
        return try shouldProcess(description: description, warning: "Are you sure you want to perform this action?\n" + description,
                                 caption: "Confirm")
    }

    /// pwsh's MshCommandRuntime.DoShouldProcess: under -WhatIf `What if: DESCRIPTION`; when no
    /// confirmation is due, true — after writing DESCRIPTION as a verbose message when the
    /// command itself was given -Verbose; else the CAPTION/WARNING prompt.
    public func shouldProcess(description: String, warning: String, caption: String) throws -> Bool {
        let whatIf = bound.has("WhatIf") ? bound.isOn("WhatIf") : Conversion.toBool(context.variableValue("WhatIfPreference") ?? .bool(false))
        if whatIf {
            try context.routeText(.information, "What if: " + description, routing.information, output: output)
            return false
        }
        let confirm: Bool
        if bound.has("Confirm") {
            confirm = bound.isOn("Confirm")
        } else {
            let preference = context.variableValue("ConfirmPreference").map { Conversion.toString($0) } ?? "High"
            confirm = CommandRuntime.impactLevel(declaration.confirmImpact) >= CommandRuntime.impactLevel(preference)
                && CommandRuntime.impactLevel(preference) > 0
        }
        if confirmAll { return true }
        if declineAll { return false }
        guard confirm else {
            // Reported as VERBOSE when the command itself has -Verbose (not by
            // $VerbosePreference alone).
            if bound.isOn("Verbose") { try writeVerbose(description) }
            return true
        }
        let choice = try context.promptForChoice(caption: caption, message: warning,
                                                 choices: ExecutionContext.confirmationChoices, defaultChoice: 0)
        switch choice {
        case 1: confirmAll = true
        case 3: declineAll = true
        case 4:
            // NOTE: pwsh's Suspend opens a nested prompt (`exit` resumes); teamsh has none, so
            // Suspend skips this one operation.
            return false
        default: break
        }
        return choice <= 1
    }

    /// `$PSCmdlet.ShouldContinue(query, caption)` (pwsh's DoShouldContinue without the "to all"
    /// choices): always asks, Yes, No or Suspend, "Y" by default; `-NonInteractive` fails.
    public func shouldContinue(query: String, caption: String) throws -> Bool {
        let choices = ExecutionContext.confirmationChoices
        let choice = try context.promptForChoice(caption: caption, message: query, choices: [choices[0], choices[2], choices[4]],
                                                 defaultChoice: 0)
        // Suspend (2) skips the operation, as in shouldProcess.
        return choice == 0
    }

    /// True when `shouldProcess` would return true without printing or asking anything (no
    /// `-WhatIf`, no confirmation due): a command may then skip checks it runs only to fail
    /// before a What if line or a prompt.
    public var shouldProcessIsSilent: Bool {
        if bound.has("WhatIf") ? bound.isOn("WhatIf") : Conversion.toBool(context.variableValue("whatifpreference") ?? .bool(false)) {
            return false
        }
        if bound.has("Confirm") { return !bound.isOn("Confirm") }
        let preference = context.variableValue("confirmpreference").map { Conversion.toString($0) } ?? "High"
        let level = CommandRuntime.impactLevel(preference)
        return !(CommandRuntime.impactLevel(declaration.confirmImpact) >= level && level > 0)
    }

    /// ConfirmImpact / $ConfirmPreference as numbers (None 0 … High 3).
    static func impactLevel(_ name: String) -> Int {
        switch name.lowercased() {
        case "none": return 0
        case "low": return 1
        case "medium": return 2
        default: return 3
        }
    }
}

extension ExecutionContext {
    /// Reads a preference variable as an ActionPreference.
    public func preference(_ name: String, default def: ActionPreference) -> ActionPreference {
        guard let v = currentScope.lookup(name.lowercased())?.value else { return def }
        return ActionPreference.parse(v) ?? def
    }

    /// Sends an error record where the routing says.
    func route(_ record: ErrorRecord, to target: StreamRouting.Target, output: Pipe) throws {
        switch target {
        case .host: reportToHost(record)
        case .discard: break
        case .output: try output.write(.object(record))
        case .pipe(let p): try p.write(.object(record))
        case .command(let rt):
            rt.errorVariableItems?.append(.object(record))
            try route(record, to: rt.routing.error, output: rt.output)
        case .file(let path, let append):
            appendToFile(path, renderError(record), append: append)
        }
    }

    /// Where a target finally leads once enclosing commands' routings are followed.
    func finalTarget(_ target: StreamRouting.Target) -> StreamRouting.Target {
        var t = target
        var depth = 0
        while case .command(let rt) = t, depth < 1000 {
            t = rt.routing.error
            depth += 1
        }
        return t
    }

    /// Shows a non-terminating error on the console (already in `$Error`).
    func reportToHost(_ record: ErrorRecord) {
        outDefaultFlush()
        host.writeErrorText(renderError(record))
    }

    /// Sends a warning/verbose/debug/information line where the routing says; merged into
    /// output it becomes a WarningRecord, VerboseRecord, DebugRecord or InformationRecord.
    /// `show: false` (a record its preference keeps off the console) goes only where it is
    /// redirected or collected.
    func routeText(_ stream: RedirectionStream, _ text: String, _ target: StreamRouting.Target, output: Pipe,
                   show: Bool = true, tags: [String] = []) throws {
        switch target {
        case .host:
            guard show else { return }
            outDefaultFlush()
            writeStreamText(stream, text)
        case .discard: break
        case .output:
            try output.write(.object(StreamRecord(stream, text, tags: tags)))
        case .pipe(let p):
            try p.write(.object(StreamRecord(stream, text, tags: tags)))
        case .command(let rt):
            // An enclosing function's -WarningVariable / -InformationVariable collects it.
            if stream == .warning { rt.warningVariableItems?.append(.object(StreamRecord(.warning, text))) }
            if stream == .information { rt.informationVariableItems?.append(.object(StreamRecord(.information, text, tags: tags))) }
            try routeText(stream, text, rt.routing.target(stream), output: rt.output, show: show, tags: tags)
        case .file(let path, let append):
            appendToFile(path, text + "\n", append: append)
        }
    }
}

/// Thrown by `CommandRuntime.stopUpstream()`; the pipeline that holds the command catches it.
struct StopUpstreamSignal: Error {
    let runtime: CommandRuntime
}
