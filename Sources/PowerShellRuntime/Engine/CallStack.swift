import Foundation
import PowerShellSyntax

/// One frame of the script call stack, as Get-PSCallStack reports it: a function, a script, or
/// a script block being run. Frames live in `ExecutionContext.callFrames`, one per call depth,
/// overwritten as calls come and go (no push or pop on the hot path beyond one store).
///
/// A frame is read only while its call runs (Get-PSCallStack reads the frames below
/// `callDepth`), and the call holds what its frame names, so a frame records it without
/// retaining it: a frame is plain data, entering one is a store, and the frame a call
/// overwrites has nothing to release. Its text (names, arguments) is worked out when
/// Get-PSCallStack asks.
enum CallFrame {
    /// A direct call of a simple function (see `DirectCallPlan`): its plan, its call site, its
    /// scope and how many parameters its arguments bound.
    case direct(plan: Unmanaged<DirectCallPlan>, site: Unmanaged<CommandAst>, scope: Unmanaged<Scope>, boundCount: Int)
    /// A script block invoked by a cmdlet or an operator (`<ScriptBlock>`, no call site known),
    /// with its scope once the call has made it.
    case scriptBlock(scope: Unmanaged<Scope>?)
    /// A function or script run through the pipeline (`Command`, `FunctionName`, where the
    /// caller invoked it; its processor holds them), with its scope once made.
    case command(Unmanaged<CommandFrame>, scope: Unmanaged<Scope>?)

    /// The frame of a direct call.
    @inline(__always)
    init(_ plan: DirectCallPlan, site: CommandAst, scope: Scope, boundCount: Int) {
        self = .direct(plan: Unmanaged.passUnretained(plan), site: Unmanaged.passUnretained(site),
                       scope: Unmanaged.passUnretained(scope), boundCount: boundCount)
    }

    /// The same frame with its scope set.
    func with(scope: Scope) -> CallFrame {
        switch self {
        case .direct: return self
        case .scriptBlock: return .scriptBlock(scope: Unmanaged.passUnretained(scope))
        case .command(let c, _): return .command(c, scope: Unmanaged.passUnretained(scope))
        }
    }

    /// What Get-PSCallStack shows of the frame.
    var resolved: ResolvedCallFrame {
        switch self {
        case .direct(let plan, let site, let scope, let boundCount):
            let p = plan.takeUnretainedValue()
            return ResolvedCallFrame(command: p.function.name, functionName: p.function.name, callSite: site.takeUnretainedValue().extent,
                                     scope: scope.takeUnretainedValue(), parameterNames: p.parameters.map(\.name), boundCount: boundCount)
        case .scriptBlock(let scope):
            return ResolvedCallFrame(command: "<ScriptBlock>", functionName: "<ScriptBlock>", callSite: nil,
                                     scope: scope?.takeUnretainedValue(), parameterNames: [], boundCount: 0)
        case .command(let frame, let scope):
            let c = frame.takeUnretainedValue()
            return ResolvedCallFrame(command: c.command, functionName: c.functionName, callSite: c.callSite,
                                     scope: scope?.takeUnretainedValue(), parameterNames: [], boundCount: 0)
        }
    }
}

/// The frames of the active calls, by depth: a buffer of its own, so entering a frame is one
/// store (an array in the session object would check its uniqueness on every write).
final class CallFrames {
    /// The frames written so far: `count` is at least the depth of the deepest call so far.
    private var frames = EngineBuffer<CallFrame>(capacity: 64)
    var count: Int { frames.count }

    deinit { frames.free() }

    /// Writes the frame at depth index `i` (at most `count`, the next one).
    @inline(__always)
    func set(_ i: Int, _ frame: CallFrame) {
        if i < frames.count {
            frames[i] = frame
        } else {
            frames.append(frame)
        }
    }

    subscript(i: Int) -> CallFrame { frames[i] }
}

/// The names of a function or script frame entered through the pipeline.
final class CommandFrame {
    let command: String
    let functionName: String
    let callSite: SourceExtent?

    init(command: String, functionName: String, callSite: SourceExtent?) {
        self.command = command
        self.functionName = functionName
        self.callSite = callSite
    }
}

/// A frame as Get-PSCallStack reads it.
struct ResolvedCallFrame {
    /// `Command` (the function's or script's name, `<ScriptBlock>` for a block).
    let command: String
    /// `FunctionName`: the function's name, `<ScriptBlock>` otherwise.
    let functionName: String
    /// Where the caller invoked this frame (the command's extent), when known.
    let callSite: SourceExtent?
    /// The scope the frame's variables live in (for `Arguments`).
    let scope: Scope?
    /// For a direct call (bound without `$PSBoundParameters`): its parameters' names and how
    /// many of them were given.
    let parameterNames: [String]
    let boundCount: Int
}

extension ExecutionContext {
    /// Records the frame of the call that just raised `callDepth`.
    @inline(__always)
    func enterFrame(_ frame: CallFrame) {
        let i = callDepth - 1
        guard i >= 0 else { return }
        callFrames.set(i, frame)
    }

    /// Sets the scope of the current frame once the call has made it.
    @inline(__always)
    func setFrameScope(_ scope: Scope) {
        let i = callDepth - 1
        if i >= 0 && i < callFrames.count { callFrames.set(i, callFrames[i].with(scope: scope)) }
    }

    /// Get-PSCallStack's frames, innermost first (pwsh's Debugger.GetCallStack): each active
    /// call, then the script being run and the outermost `<ScriptBlock>`. A frame's position is
    /// where it is running now: for the innermost, the Get-PSCallStack command; for the others,
    /// the call into the frame above.
    /// NOTE: a script block run by a cmdlet (ForEach-Object) knows no call site; the frame below
    /// it then shows the line its own code starts on.
    public func callStackFrames(at here: SourceExtent?) -> [PSObjectBase] {
        var out: [PSObjectBase] = []
        let depth = min(callDepth, callFrames.count)
        var position = here
        var k = depth - 1
        while k >= 0 {
            let f = callFrames[k].resolved
            out.append(CallStackFrameObject(command: f.command, functionName: f.functionName, position: position,
                                            arguments: frameArguments(f)))
            position = f.callSite
            k -= 1
        }
        if let file = scriptFilePath {
            let name = (file as NSString).lastPathComponent
            out.append(CallStackFrameObject(command: name, functionName: "<ScriptBlock>", position: position, arguments: "{}"))
        }
        out.append(CallStackFrameObject(command: "<ScriptBlock>", functionName: "<ScriptBlock>", position: nil, arguments: "{}"))
        return out
    }

    /// The Arguments text of pwsh's CallStackFrame (types.ps1xml): `{Name=value, …}` from the
    /// bound parameters, then the unbound arguments.
    private func frameArguments(_ f: ResolvedCallFrame) -> String {
        var parts: [String] = []
        func text(_ v: Value) -> String { Conversion.toBool(v) ? Conversion.toString(v, hooks: hooks) : "" }
        if let scope = f.scope {
            if let bound = scope.variables["psboundparameters"]?.value.hashtable {
                for (k, v) in zip(bound.keys, bound.values) { parts.append(Conversion.toString(k) + "=" + text(v)) }
            } else {
                for name in f.parameterNames.prefix(f.boundCount) {
                    parts.append(name + "=" + text(scope.variables[name.lowercased()]?.value ?? .null))
                }
            }
            if let extra = scope.variable("args")?.value.array {
                for v in extra.items { parts.append(v.isNull ? "$null" : (Conversion.toBool(v) ? Conversion.toString(v, hooks: hooks) : "")) }
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

/// `System.Management.Automation.CallStackFrame`: `Command`, `Arguments`, `Location` (shown by its
/// table view), `FunctionName`, `ScriptName`, `ScriptLineNumber`; ToString gives
/// `at FunctionName, ScriptName: line N` (DebuggerStrings.resx).
public final class CallStackFrameObject: PSNativeObject {
    let command: String
    let functionName: String
    let position: SourceExtent?
    let arguments: String

    init(command: String, functionName: String, position: SourceExtent?, arguments: String) {
        self.command = command
        self.functionName = functionName
        self.position = position
        self.arguments = arguments
    }

    public override var typeFullName: String { "System.Management.Automation.CallStackFrame" }
    public override var propertyNames: [String] {
        ["Command", "Location", "Arguments", "ScriptName", "ScriptLineNumber", "FunctionName", "Position"]
    }

    private var scriptName: String? { position?.file }
    private var line: Int { position?.startLine ?? 0 }

    /// `GetScriptLocation()`: `file: line N`, or `<No file>`.
    var location: String {
        guard let file = scriptName else { return "<No file>" }
        return "\((file as NSString).lastPathComponent): line \(line)"
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "command": return .string(command)
        case "location": return .string(location)
        case "arguments": return .string(arguments)
        case "scriptname": return scriptName.map { .string($0) } ?? .null
        case "scriptlinenumber": return .int(Int32(clamping: line))
        case "functionname": return .string(functionName)
        case "position": return position.map { .string($0.text) } ?? .null
        default: return nil
        }
    }

    public override func toPSString() -> String { "at \(functionName), \(scriptName ?? "<No file>"): line \(line)" }
}
