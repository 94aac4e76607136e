import Foundation

/// `System.Diagnostics.Stopwatch` (`[Diagnostics.Stopwatch]::StartNew()`), the way scripts time
/// their work: Start, Stop, Reset, Restart; Elapsed, ElapsedMilliseconds, ElapsedTicks, IsRunning.
public final class PSStopwatch: PSDotNetObject {
    private var accumulated: UInt64 = 0
    private var startedAt: UInt64?

    public override var typeFullName: String { "System.Diagnostics.Stopwatch" }
    public override var propertyNames: [String] { ["IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks"] }
    public override var methodNames: [String] { ["Reset", "Restart", "Start", "Stop"] }

    /// Elapsed time in .NET ticks (100 ns).
    private var ticks: Int64 {
        let running = startedAt.map { DispatchTime.now().uptimeNanoseconds &- $0 } ?? 0
        return Int64((accumulated &+ running) / 100)
    }

    public func start() {
        if startedAt == nil { startedAt = DispatchTime.now().uptimeNanoseconds }
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "isrunning": return .bool(startedAt != nil)
        case "elapsed": return .object(PSTimeSpan(ticks: ticks))
        case "elapsedmilliseconds": return .long(ticks / 10_000)
        case "elapsedticks": return .long(ticks)
        default: return nil
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard args.isEmpty else { return nil }
        switch name {
        case "start": start()
        case "stop":
            if let s = startedAt {
                accumulated &+= DispatchTime.now().uptimeNanoseconds &- s
                startedAt = nil
            }
        case "reset":
            accumulated = 0
            startedAt = nil
        case "restart":
            accumulated = 0
            startedAt = DispatchTime.now().uptimeNanoseconds
        default: return nil
        }
        return .null
    }

    public override func toPSString() -> String { typeFullName }
}
