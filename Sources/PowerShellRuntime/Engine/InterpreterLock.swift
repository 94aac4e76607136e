import Foundation

/// One lock around the interpreter, in the manner of a global interpreter lock: ForEach-Object
/// -Parallel runs its blocks on threads of their own (each in its own session, as pwsh runs
/// them in runspaces of their own), but only the thread that holds this lock runs PowerShell
/// code. A thread lets go of it while it waits (Start-Sleep, a native program, Read-Host, the
/// results of its parallel tasks), so waits overlap as they do in pwsh.
///
/// NOTE: pwsh runs parallel blocks truly at the same time on several cores; teamsh interleaves
/// them at their waits. What scripts can observe (overlapping sleeps and programs, output as
/// it is produced, throttling, shared `$using:` objects) is the same; CPU-bound blocks do not
/// run faster than one after another.
public enum InterpreterLock {
    private static let mutex = NSLock()
    /// True once a second thread has needed the interpreter; until then nothing locks.
    nonisolated(unsafe) private static var active = false

    /// Makes the calling thread (the one running the session until now) the lock's holder, so
    /// parallel tasks can be started. Call on the interpreter's thread.
    public static func activate() {
        guard !active else { return }
        mutex.lock()
        active = true
    }

    /// Runs `body`, a wait that touches nothing of the interpreter, with the lock let go, so
    /// other tasks run meanwhile. The running code's stop state is put back afterwards.
    @inline(__always)
    public static func releasing<T>(_ body: () throws -> T) rethrows -> T {
        guard active else { return try body() }
        let state = PipelineStop.current
        mutex.unlock()
        defer { acquire(state) }
        return try body()
    }

    /// Takes the lock for a task thread and makes `state` the running code's stop state.
    public static func acquire(_ state: StopState) {
        mutex.lock()
        PipelineStop.current = state
        if state.cancelled || PipelineStop.interrupted { PipelineStop.requested = true }
    }

    /// Lets go of the lock when a task thread ends.
    public static func release() {
        mutex.unlock()
    }
}
