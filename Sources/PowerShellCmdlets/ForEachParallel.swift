import Foundation
import PowerShellRuntime
import PowerShellSyntax

/// `ForEach-Object -Parallel <scriptblock> [-ThrottleLimit <int>] [-TimeoutSeconds <int>]
/// [-UseNewRunspace] [-AsJob]`, as pwsh's ForEachObjectCommand runs its ParallelParameterSet
/// (InternalCommands.cs at v7.6.5): the `$using:` values are read once, in the caller's scope,
/// when the command starts; each object runs the block in a task of its own (see
/// ParallelTaskPool); what the tasks write is passed on as it arrives, and the command ends
/// when every task has.
///
/// NOTE: pwsh reuses runspaces from a pool unless -UseNewRunspace (resetting their variables);
/// teamsh gives every task a new session, which scripts cannot tell apart. Warnings, verbose
/// and information (Write-Host) text of the tasks goes straight to the console rather than
/// through the command's stream redirections.
final class ForEachParallel {
    private let pool: ParallelTaskPool
    private let deadline: Date?

    /// Checks what pwsh checks when the command starts and reads the `$using:` values.
    init(_ rt: CommandRuntime, block: ScriptBlock) throws {
        for name in ["ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "PipelineVariable"] where rt.bound.has(name) {
            try rt.throwTerminating(rt.makeError(.psNotSupportedException,
                "The following common parameters are not currently supported in the Parallel parameter set:\nErrorAction, WarningAction, InformationAction, PipelineVariable",
                errorId: "ParallelCommonParametersNotSupported", category: .NotImplemented))
        }
        let usingValues = try ForEachParallel.usingValues(block, rt)
        if rt.bound.isOn("AsJob") {
            if rt.bound.has("TimeoutSeconds") {
                try rt.throwTerminating(rt.makeError(.psArgumentException, "The 'TimeoutSeconds' parameter cannot be used with the 'AsJob' parameter.",
                                                     errorId: "ParallelCannotUseTimeoutWithJob", category: .InvalidOperation))
            }
            // NOTE: pwsh returns a PSTaskJob; background jobs are not part of teamsh.
            try rt.throwTerminating(rt.makeError(.psNotSupportedException,
                "Background jobs are not supported by teamsh: ForEach-Object -Parallel cannot use -AsJob. Run it without -AsJob to wait for the results.",
                errorId: "ParallelAsJobNotSupported", category: .NotImplemented))
        }
        pool = ParallelTaskPool(parent: rt.context, block: block, usingValues: usingValues,
                                throttleLimit: rt.bound.int("ThrottleLimit") ?? 5)
        let timeout = rt.bound.int("TimeoutSeconds") ?? 0
        deadline = timeout > 0 ? Date().addingTimeInterval(Double(timeout)) : nil
    }

    /// `$using:name` values from the caller's scope (pwsh's GetUsingValuesForEachParallel):
    /// an undefined one is UsingVariableIsUndefined, a script block is refused.
    private static func usingValues(_ block: ScriptBlock, _ rt: CommandRuntime) throws -> [String: Value] {
        var values: [String: Value] = [:]
        for name in VariableReferences.usingNames(SourceText(text: block.text)) {
            guard let v = rt.context.variableValue(name) else {
                try rt.throwTerminating(rt.makeError(.runtimeException,
                    "The value of the using variable '$using:\(name)' cannot be retrieved because it has not been set in the local session.",
                    errorId: "UsingVariableIsUndefined", category: .InvalidOperation))
            }
            if case .object(let o) = v, o is ScriptBlock {
                try rt.throwTerminating(rt.makeError(.psArgumentException,
                    "A ForEach-Object -Parallel using variable cannot be a script block. Passed-in script block variables are not supported with ForEach-Object -Parallel, and can result in undefined behavior.",
                    errorId: "ParallelUsingVariableCannotBeScriptBlock", category: .InvalidType))
            }
            values[name.lowercased()] = v
        }
        return values
    }

    /// One piped object: passes on what tasks wrote so far, then queues a task for it.
    func process(_ input: Value, _ rt: CommandRuntime) throws {
        do {
            try relay(rt)
        } catch {
            pool.stopAll()
            throw error
        }
        if case .object(let o) = input, o is ScriptBlock {
            try rt.writeError(rt.makeError(.psArgumentException,
                "A ForEach-Object -Parallel piped input object cannot be a script block. Passed-in script block variables are not supported with ForEach-Object -Parallel, and can result in undefined behavior.",
                errorId: "ParallelPipedInputObjectCannotBeScriptBlock", category: .InvalidType, target: input))
            return
        }
        pool.submit(input)
    }

    /// Waits for every task, passing on what they write as it arrives. A stop (Ctrl+C, a
    /// later command that has all it wants) or the timeout stops the tasks still running.
    func end(_ rt: CommandRuntime) throws {
        do {
            while true {
                try relay(rt)
                if pool.isDone { break }
                if let deadline, Date() >= deadline {
                    pool.stopAll()
                    try relay(rt)
                    break
                }
                try PipelineStop.check()
                pool.waitForActivity(0.05)
            }
        } catch {
            pool.stopAll()
            throw error
        }
    }

    private func relay(_ rt: CommandRuntime) throws {
        for event in pool.takeEvents() {
            switch event {
            case .output(let v): try rt.writeObject(v)
            case .error(let record): try rt.writeError(record)
            }
        }
    }
}
