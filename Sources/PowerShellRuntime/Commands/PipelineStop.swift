/// Ctrl+C at a running command (pwsh's StopProcessing and PipelineStoppedException). The
/// REPL's SIGINT handler sets `requested`; cmdlets that wait (Start-Sleep) check it and throw
/// `PipelineStoppedSignal`, which unwinds to the top level, where the run ends silently.
public enum PipelineStop {
    /// Set from a signal handler; cleared before each top-level run.
    nonisolated(unsafe) public static var requested = false

    /// Throws `PipelineStoppedSignal` once a stop was requested.
    @inline(__always) public static func check() throws {
        if requested { throw PipelineStoppedSignal() }
    }
}

/// Unwinds a stopped pipeline; scripts cannot catch it (it is not an ErrorRecord).
public struct PipelineStoppedSignal: Error {
    public init() {}
}
