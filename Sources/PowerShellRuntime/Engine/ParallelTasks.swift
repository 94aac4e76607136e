import Foundation
import PowerShellSyntax

/// ForEach-Object -Parallel's task pool (pwsh's PSTaskPool and PSTask): each piped object runs
/// the block in a session of its own (a runspace: none of the caller's variables or functions,
/// modules loaded on first use, the world shared), on a thread of its own, at most
/// `throttleLimit` at a time. What the tasks write is handed to the calling command as it
/// arrives: output objects and error records, in the order they were produced. Threads take
/// turns through `InterpreterLock`.
public final class ParallelTaskPool {
    /// What a task produced, queued for the calling command's thread.
    public enum Event {
        case output(Value)
        case error(ErrorRecord)
    }

    private let parent: ExecutionContext
    private let blockText: String
    private let usingValues: [String: Value]
    private let throttleLimit: Int
    private let location: String
    private let condition = NSCondition()
    private var events: [Event] = []
    private var waiting: [Value] = []
    private var running: [StopState] = []
    private var finished = 0
    private var started = 0

    /// `block`'s text is parsed anew in each task's session (sessions share no syntax trees).
    public init(parent: ExecutionContext, block: ScriptBlock, usingValues: [String: Value], throttleLimit: Int) {
        self.parent = parent
        self.blockText = ParallelTaskPool.bodyText(block)
        self.usingValues = usingValues
        self.throttleLimit = max(1, throttleLimit)
        self.location = parent.currentLocation
        InterpreterLock.activate()
    }

    /// The text between a script block's braces.
    static func bodyText(_ block: ScriptBlock) -> String {
        var text = block.text
        if text.hasPrefix("{") && text.hasSuffix("}") {
            text.removeFirst()
            text.removeLast()
        }
        return text
    }

    /// Queues one object; it starts at once when fewer than `throttleLimit` tasks run.
    public func submit(_ input: Value) {
        condition.lock()
        waiting.append(input)
        condition.unlock()
        startWaiting()
    }

    /// The events produced since the last call.
    public func takeEvents() -> [Event] {
        condition.lock()
        defer { condition.unlock() }
        let taken = events
        events = []
        return taken
    }

    /// True once every submitted object's task has ended.
    public var isDone: Bool {
        condition.lock()
        defer { condition.unlock() }
        return waiting.isEmpty && finished == started
    }

    /// Waits (without the interpreter lock) until a task produces something or ends, or for
    /// at most `seconds`.
    public func waitForActivity(_ seconds: Double) {
        InterpreterLock.releasing {
            condition.lock()
            if events.isEmpty && !(waiting.isEmpty && finished == started) {
                _ = condition.wait(until: Date().addingTimeInterval(seconds))
            }
            condition.unlock()
        }
    }

    /// Stops every running task and drops the ones not started (a stop, a timeout, or a later
    /// command that has all it wants), then waits until the running ones have ended.
    public func stopAll() {
        condition.lock()
        waiting = []
        for state in running { state.cancelled = true }
        condition.unlock()
        PipelineStop.requested = true
        while !isDone { waitForActivity(0.05) }
    }

    private func startWaiting() {
        condition.lock()
        var toStart: [Value] = []
        while running.count < throttleLimit, !waiting.isEmpty {
            toStart.append(waiting.removeFirst())
            running.append(StopState())
        }
        let states = Array(running.suffix(toStart.count))
        started += toStart.count
        condition.unlock()
        for (input, state) in zip(toStart, states) {
            let thread = Thread { [self] in self.runTask(input, state) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func post(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    /// One task, on its own thread: takes the interpreter lock, runs the block in a new
    /// session with `$_` set to the object, reports what it wrote, and starts the next task.
    private func runTask(_ input: Value, _ state: StopState) {
        InterpreterLock.acquire(state)
        let session = parent.runspaceFactory?() ?? ExecutionContext(host: parent.host)
        session.currentLocation = location
        session.usingValues = usingValues
        session.nonInteractive = parent.nonInteractive
        let errors = Pipe({ [weak self] v in
            if case .object(let o) = v, let record = o as? ErrorRecord { self?.post(.error(record)) }
        })
        session.streamRouting.error = .pipe(errors)
        let output = Pipe({ [weak self] v in self?.post(.output(v)) })
        do {
            let block = try session.parseScriptBlock(blockText)
            try session.invokeScriptBlock(block, args: [], dollarUnder: input, output: output)
        } catch let e as RuntimeError {
            post(.error(e.record))
        } catch {
            // Stopped, or `exit`/`break` leaving the block: the task simply ends.
        }
        condition.lock()
        running.removeAll { $0 === state }
        finished += 1
        condition.signal()
        condition.unlock()
        InterpreterLock.release()
        startWaiting()
    }
}
