import Foundation
import PowerShellSyntax

/// Running script blocks and script files as commands from Swift, the way `& $sb @splat` and
/// `& ./file.ps1` run them in a script: arguments bound by the parameter binder (named ones
/// that match no parameter of a plain script block land in `$args`), a new scope, `return`
/// ending the call. Frameworks built on the runtime (the test runner) use these instead of
/// building script text.
extension ExecutionContext {
    /// `& $sb @arguments` (or `. $sb @arguments` with `dotSource`).
    public func invokeCommand(_ sb: ScriptBlock, arguments: [CommandArgument], dotSource: Bool = false, output: Pipe) throws {
        let invocation = InvocationInfo(commandName: "", extent: sb.ast.extent)
        let processor = ScriptProcessor(context: self, scriptBlock: sb, function: nil, arguments: arguments, dotSource: dotSource,
                                        invocation: invocation, output: output, commandAst: nil)
        try runProcessors([processor])
    }

    /// `& $path @arguments` for a script file: parsed (a parse error is thrown as its
    /// ParseException), `#Requires` checked, run in a new script scope.
    public func invokeScriptFile(_ path: String, arguments: [CommandArgument] = [], output: Pipe) throws {
        let full = resolvePath(path)
        let sb = try loadScriptFile(full)
        if !sb.ast.requires.isEmpty, let check = requiresCheck, let failure = check(sb.ast, full) {
            throw RuntimeError(failure)
        }
        let invocation = InvocationInfo(commandName: (full as NSString).lastPathComponent, extent: sb.ast.extent)
        let processor = ScriptProcessor(context: self, scriptBlock: sb, function: nil, arguments: arguments, dotSource: false,
                                        invocation: invocation, output: output, commandAst: nil, isScriptFile: true)
        try runProcessors([processor])
    }

    /// Named arguments for splatting a dictionary (`@{ a = 1 }` → `-a:1`), in its key order.
    public static func splattedArguments(_ h: PSHashtable, extent: SourceExtent) -> [CommandArgument] {
        zip(h.keys, h.values).map { k, v in
            .named(name: Conversion.toString(k), value: v, hasColon: true, extent: extent)
        }
    }

    /// Runs `body` as the body of `do { … } until ($true)`: a `break` or `continue` that
    /// reaches it ends the body quietly instead of unwinding further (Pester wraps every test
    /// this way so a stray `break` cannot escape it).
    /// NOTE: a labelled break/continue is absorbed too; in pwsh one whose label names no
    /// enclosing loop would unwind past the test runner.
    public func runAsLoopBody(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch is BreakSignal {
        } catch is ContinueSignal {
        }
    }
}
