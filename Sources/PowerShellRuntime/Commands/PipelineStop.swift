import Foundation

/// Stopping a running pipeline (pwsh's StopProcessing and PipelineStoppedException): Ctrl+C
/// (SIGINT), a parallel task that is cancelled, a timeout. The signal handler only sets flags;
/// the pipeline notices at its next check (every object that moves between commands, every
/// loop iteration, every slice of a wait) and unwinds with `PipelineStoppedSignal`, running
/// `finally` blocks on the way (with the stop suspended while they run, as pwsh's
/// ExceptionHandlingOps.SuspendStoppingPipeline does), to the top level, where the run ends
/// silently.
public enum PipelineStop {
    /// The fast flag every check reads: set when something may want the running code to stop.
    /// A check that finds it set asks `shouldStop` for the real answer.
    nonisolated(unsafe) public static var requested = false
    /// Set by the SIGINT handler; cleared when the shell starts the next command.
    nonisolated(unsafe) public static var interrupted = false
    /// The stop state of the code running now (the main thread's, or a parallel task's while it
    /// holds the interpreter lock).
    nonisolated(unsafe) public static var current = StopState()

    /// Throws `PipelineStoppedSignal` once a stop was requested for the running code.
    @inline(__always) public static func check() throws {
        if requested { try checkSlowly() }
    }

    @inline(never) static func checkSlowly() throws {
        if shouldStop { throw PipelineStoppedSignal() }
    }

    /// Whether the running code must stop now (false inside a `finally` block of a stopping
    /// pipeline). A flag raised only for another task is lowered again.
    public static var shouldStop: Bool {
        let state = current
        if state.suspended > 0 { return false }
        if interrupted || state.cancelled { return true }
        requested = false
        // A signal that arrived meanwhile must not be lost.
        if interrupted { requested = true }
        return false
    }

    /// Called from the SIGINT handler: only stores flags (async-signal-safe).
    public static func interrupt() {
        interrupted = true
        requested = true
    }

    /// Clears a finished interrupt before the shell runs the next command.
    public static func reset() {
        interrupted = false
        current.cancelled = false
        requested = false
    }

    /// Hands what the cmdlets of a stopped pipeline collected (Sort-Object's rows, Group-Object's
    /// groups: millions of values after a few seconds) to a thread of its own to free, so the
    /// `finally` blocks and the prompt do not wait for it. The cmdlets are no longer used.
    static func releaseInBackground(_ processors: [CommandProcessor]) {
        var doomed: [Cmdlet] = []
        for case let p as CmdletProcessor in processors {
            if let c = p.cmdlet { doomed.append(c) }
            p.cmdlet = nil
        }
        guard !doomed.isEmpty else { return }
        let box = ReleaseBox(doomed)
        doomed.removeAll()
        Thread.detachNewThread { box.objects.removeAll() }
    }

    /// Runs `body` (a `finally` block) with the stop suspended when one is in progress, so the
    /// cleanup runs whole; the stop goes on afterwards.
    public static func suspendingStop<T>(_ body: () throws -> T) rethrows -> T {
        let state = current
        guard requested, interrupted || state.cancelled else { return try body() }
        state.suspended += 1
        defer {
            state.suspended -= 1
            requested = true
        }
        return try body()
    }
}

/// The stop state of one thread of execution (the main pipeline or one parallel task).
public final class StopState {
    /// Set when this task is cancelled on its own (its ForEach-Object -Parallel was stopped).
    public var cancelled = false
    /// Depth of `finally` blocks running during a stop.
    public var suspended = 0

    public init() {}
}

/// Unwinds a stopped pipeline; scripts cannot catch it (it is not an ErrorRecord).
public struct PipelineStoppedSignal: Error {
    public init() {}
}

/// The only owner of objects handed to another thread to be freed there.
private final class ReleaseBox: @unchecked Sendable {
    var objects: [Cmdlet]
    init(_ objects: [Cmdlet]) { self.objects = objects }
}
