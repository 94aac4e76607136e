import Foundation
import PowerShellSyntax

/// One frame of the script call stack, as Get-PSCallStack reports it: a function, a script, or
/// a script block being run. Frames live in `ExecutionContext.callFrames`, one per call depth,
/// overwritten as calls come and go (no push or pop on the hot path beyond one store).
struct CallFrame {
    /// `Command` (the function's or script's name, `<ScriptBlock>` for a block).
    var command: String
    /// `FunctionName`: the function's name, `<ScriptBlock>` otherwise.
    var functionName: String
    /// Where the caller invoked this frame (the command's extent), when known.
    var callSite: SourceExtent?
    /// The scope the frame's variables live in (for `Arguments`).
    var scope: Scope?
    /// For a call bound without `$PSBoundParameters` (a fast call): its parameters' names and
    /// how many of them were given.
    var parameterNames: [String] = []
    var boundCount = 0
}

extension ExecutionContext {
    /// Records the frame of the call that just raised `callDepth`.
    @inline(__always)
    func enterFrame(_ frame: CallFrame) {
        let i = callDepth - 1
        guard i >= 0 else { return }
        if i < callFrames.count { callFrames[i] = frame } else { callFrames.append(frame) }
    }

    /// Sets the scope of the current frame once the call has made it.
    @inline(__always)
    func setFrameScope(_ scope: Scope) {
        let i = callDepth - 1
        if i >= 0 && i < callFrames.count { callFrames[i].scope = scope }
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
            let f = callFrames[k]
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
    private func frameArguments(_ f: CallFrame) -> String {
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
            if let extra = scope.variables["args"]?.value.array {
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
