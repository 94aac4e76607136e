import Foundation
import PowerShellSyntax

/// `$sb.GetSteppablePipeline()`: the one pipeline of a script block, run a step at a time by
/// the caller, as pwsh's System.Management.Automation.SteppablePipeline (proxy functions use
/// it). `Begin($expectInput)` binds every command and runs the begin blocks, `Process($input)`
/// feeds one object (or, with no argument, runs the first command's process step once),
/// `End()` runs the end blocks; each returns what the pipeline wrote since the last call. The
/// clean blocks run once: after `End()`, when a step throws, or on `Clean()` / `Dispose()`.
public final class PSSteppablePipeline: PSDotNetObject {
    /// What the last command writes, until the next step returns it.
    private final class Collected {
        var items: [Value] = []
        func take() -> Value {
            defer { items = [] }
            return .object(PSArray(items))
        }
    }

    private unowned let context: ExecutionContext
    private let processors: [CommandProcessor]
    private let built: ExecutionContext.BuiltPipeline
    private let collected: Collected
    private var begun = false
    private var finished = false

    /// The script block's one pipeline, its arguments evaluated now; an error when the script
    /// block holds anything else (pwsh's GetSimplePipeline).
    init(context: ExecutionContext, scriptBlock: ScriptBlock) throws {
        let ast = scriptBlock.ast
        let statements = ast.endBlock?.statements ?? []
        guard ast.beginBlock == nil, ast.processBlock == nil, ast.cleanBlock == nil, ast.dynamicParamBlock == nil,
              statements.count == 1, case .pipeline(let pipeline) = statements[0] else {
            throw MemberFailure.dotnet(.psInvalidOperationException,
                                       "Can only convert a script block that contains exactly one pipeline or command. Expressions or control structures are not permitted. Make sure the script block contains exactly one pipeline or command.")
        }
        guard case .command = pipeline.elements.first else {
            throw MemberFailure.dotnet(.psInvalidOperationException,
                                       "Cannot generate a PowerShell object for a ScriptBlock that starts a pipeline with an expression.")
        }
        self.context = context
        let collected = Collected()
        self.collected = collected
        built = try context.pipelineProcessors(pipeline, Pipe({ v in collected.items.append(v) }))
        processors = built.processors
    }

    public override var typeFullName: String { "System.Management.Automation.SteppablePipeline" }
    public override var methodNames: [String] { ["Begin", "Clean", "Dispose", "End", "Process"] }

    override public func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "begin":
            try a.expect(1...2)
            if begun || finished { return collected.take() }
            begun = true
            processors.first?.expectingInput = Conversion.toBool(a[0])
            try step {
                for p in processors { try context.withRouting(p) { try p.prepare() } }
                for p in processors { try context.withRouting(p) { try p.beginOnce() } }
            }
            return .voidResult
        case "process":
            try a.expect(0...1)
            guard begun, !finished, let first = processors.first else { return collected.take() }
            try step {
                if a.count == 1 {
                    try context.withRouting(first) { try first.receive(a[0]) }
                } else {
                    try context.withRouting(first) { try first.processWithoutInput() }
                }
            }
            return collected.take()
        case "end":
            try a.expect(0)
            guard begun, !finished else { return collected.take() }
            try step {
                for p in processors { try context.withRouting(p) { try p.end() } }
            }
            finish()
            try built.setVariableTargets(context)
            return collected.take()
        case "clean", "dispose":
            try a.expect(0)
            finish()
            return .voidResult
        default:
            return nil
        }
    }

    /// Runs a step; when it throws, the clean blocks run before the error goes on.
    private func step(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            finish()
            throw error
        }
    }

    private func finish() {
        if finished { return }
        finished = true
        for p in processors { p.finish() }
    }
}
