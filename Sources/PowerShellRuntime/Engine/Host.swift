import Foundation

/// What the interpreter needs from the program hosting it: where text goes and where input
/// comes from. The `teamsh` executable writes to stdout/stderr; tests capture into strings.
public protocol PSHostInterface: AnyObject {
    /// Writes text to standard output exactly as given (newlines included by the caller).
    func writeOutput(_ text: String)
    /// Writes text to standard error exactly as given.
    func writeErrorText(_ text: String)
    /// Reads one line of input (Read-Host), nil at end of input.
    func readLine() -> String?
    /// True when a person is at a terminal (prompts allowed).
    var isInteractive: Bool { get }
    /// The width formatting uses (80 when output is not a terminal).
    var width: Int { get }
    /// Writes out whatever is buffered (before a program writes to the same stream).
    func flush()
}

extension PSHostInterface {
    public func flush() {}
}

/// A host that collects everything in memory (tests, `Out-String` capture).
public final class BufferHost: PSHostInterface {
    public var output = ""
    public var errors = ""
    public var input: [String]
    public let width: Int
    public var isInteractive: Bool { false }

    public init(input: [String] = [], width: Int = 80) {
        self.input = input
        self.width = width
    }

    public func writeOutput(_ text: String) { output += text }
    public func writeErrorText(_ text: String) { errors += text }

    public func readLine() -> String? {
        if input.isEmpty { return nil }
        return input.removeFirst()
    }
}

/// A host on the process's standard streams. Output is buffered for speed, but never held
/// back: a flusher thread writes out what waits for more than a moment (20 ms), so each line
/// shows when it is produced, as pwsh writes it, and CI logs stay live. Errors go out at once,
/// after the output written before them.
public final class StandardHost: PSHostInterface {
    public let isInteractive: Bool
    /// Whether stdout is a terminal: its width is then read anew each time (the window can be
    /// resized), otherwise it is `fixedWidth`.
    private let outputIsTerminal: Bool
    private let fixedWidth: Int
    private let condition = NSCondition()
    private var outBuffer: [UInt8] = []
    private var flushScheduled = false
    private var flusherStarted = false

    public init(isInteractive: Bool, width: Int, outputIsTerminal: Bool = false) {
        self.isInteractive = isInteractive
        self.fixedWidth = width
        self.outputIsTerminal = outputIsTerminal
        outBuffer.reserveCapacity(1 << 16)
    }

    public var width: Int {
        guard outputIsTerminal, let size = StandardHost.terminalSize() else { return fixedWidth }
        return size.width
    }

    /// The terminal's size in columns and rows (nil when stdout is not a terminal).
    public static func terminalSize() -> (width: Int, height: Int)? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    public func writeOutput(_ text: String) {
        condition.lock()
        outBuffer.append(contentsOf: text.utf8)
        if outBuffer.count > 1 << 16 {
            StandardHost.writeAll(1, outBuffer)
            outBuffer.removeAll(keepingCapacity: true)
        } else if !flushScheduled {
            flushScheduled = true
            if !flusherStarted { startFlusher() }
            condition.signal()
        }
        condition.unlock()
    }

    public func writeErrorText(_ text: String) {
        condition.lock()
        StandardHost.writeAll(1, outBuffer)
        outBuffer.removeAll(keepingCapacity: true)
        StandardHost.writeAll(2, Array(text.utf8))
        condition.unlock()
    }

    public func readLine() -> String? {
        flush()
        return InterpreterLock.releasing { Swift.readLine(strippingNewline: true) }
    }

    public func flush() {
        condition.lock()
        StandardHost.writeAll(1, outBuffer)
        outBuffer.removeAll(keepingCapacity: true)
        condition.unlock()
    }

    /// The flusher: sleeps until output is waiting, lets a burst gather for 20 ms, writes it.
    private func startFlusher() {
        flusherStarted = true
        let thread = Thread { [unowned self] in
            while true {
                self.condition.lock()
                while !self.flushScheduled { self.condition.wait() }
                self.condition.unlock()
                usleep(20_000)
                self.condition.lock()
                StandardHost.writeAll(1, self.outBuffer)
                self.outBuffer.removeAll(keepingCapacity: true)
                self.flushScheduled = false
                self.condition.unlock()
            }
        }
        thread.stackSize = 1 << 16
        thread.start()
    }

    /// Writes all of `bytes` to a descriptor (retrying short writes and interruptions).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(fd, p.baseAddress.map { $0 + offset }, p.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
