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
    /// Reads one line showing `*` for each character typed (Read-Host -AsSecureString and
    /// -MaskInput, Get-Credential's password), as pwsh's ReadLineAsSecureString does.
    func readLine(masked: Bool) -> String?
    /// The rest of standard input (`[Console]::In.ReadToEnd()`).
    func readToEnd() -> String
    /// One line of standard input, nothing echoed (`[Console]::ReadLine()`); nil at its end.
    func readInputLine() -> String?
    /// The console window's size, nil without a console (`$Host.UI.RawUI.WindowSize`).
    var windowSize: (width: Int, height: Int)? { get }
    /// Whether stdin, stdout and stderr are redirected (not the terminal).
    var redirection: (input: Bool, output: Bool, error: Bool) { get }
}

extension PSHostInterface {
    public func flush() {}
    public func readLine(masked: Bool) -> String? { readLine() }
    public func readToEnd() -> String { "" }
    public func readInputLine() -> String? { nil }
    public var windowSize: (width: Int, height: Int)? { nil }
    public var redirection: (input: Bool, output: Bool, error: Bool) { (true, true, true) }
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

    /// The column the next output character goes to (escape sequences not counted), so the
    /// line editor knows where the prompt left the cursor.
    public var column: Int {
        condition.lock()
        defer { condition.unlock() }
        return currentColumn
    }
    private var currentColumn = 0

    /// Says that something other than the host (the line editor, a program writing straight to
    /// the terminal) left the cursor at the start of a line.
    public func resetColumn() {
        condition.lock()
        currentColumn = 0
        condition.unlock()
    }

    public func writeOutput(_ text: String) {
        condition.lock()
        if let newline = text.lastIndex(of: "\n") {
            currentColumn = StandardHost.columns(text[text.index(after: newline)...])
        } else {
            currentColumn += StandardHost.columns(Substring(text))
        }
        outBuffer.append(contentsOf: text.utf8)
        if !Transcription.active.isEmpty { Transcription.record(text) }
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
        if !Transcription.active.isEmpty { Transcription.record(text) }
        condition.unlock()
    }

    /// Whether a line read from redirected stdin is echoed (pwsh's ReadLineFromFile echoes it
    /// unless the commands themselves come from stdin: `-Command -`).
    public var echoRedirectedInput = true

    public var redirection: (input: Bool, output: Bool, error: Bool) {
        (isatty(0) == 0, !outputIsTerminal, isatty(2) == 0)
    }

    public var windowSize: (width: Int, height: Int)? { StandardHost.terminalSize() }

    public func readLine() -> String? {
        flush()
        let line = InterpreterLock.releasing { Swift.readLine(strippingNewline: true) }
        if let line, echoRedirectedInput, isatty(0) == 0 { writeOutput(line + "\n") }
        return line
    }

    public func readInputLine() -> String? {
        flush()
        return InterpreterLock.releasing { Swift.readLine(strippingNewline: true) }
    }

    public func readToEnd() -> String {
        flush()
        return InterpreterLock.releasing {
            var text = ""
            while let line = Swift.readLine(strippingNewline: false) { text += line }
            return text
        }
    }

    public func readLine(masked: Bool) -> String? {
        guard masked, isatty(0) == 1 else { return readLine() }
        flush()
        return InterpreterLock.releasing { MaskedInput.read() }
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

    /// Columns a text takes on a terminal: characters, without escape sequences.
    static func columns(_ text: Substring) -> Int {
        var n = 0
        for c in Transcription.stripEscapes(String(text)).unicodeScalars {
            if c == "\r" { n = 0; continue }
            if c.properties.generalCategory == .nonspacingMark { continue }
            n += 1
        }
        return n
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

/// A line typed at the terminal with each character shown as `*` (pwsh's ReadLineSafe): the
/// terminal's echo and line editing are off while it reads; Backspace removes the last
/// character, Enter ends the line, Ctrl+C stops the pipeline, Ctrl+D on an empty line ends input.
enum MaskedInput {
    static func read() -> String? {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return Swift.readLine(strippingNewline: true) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON)
        raw.c_lflag |= tcflag_t(ISIG)
        tcsetattr(0, TCSANOW, &raw)
        defer { tcsetattr(0, TCSANOW, &saved) }
        var units: [UInt8] = []
        var shown = 0
        func echo(_ text: String) { StandardHost.writeAll(1, Array(text.utf8)) }
        while true {
            var byte: UInt8 = 0
            let n = Foundation.read(0, &byte, 1)
            if n < 0 && errno == EINTR {
                if PipelineStop.requested { echo("\n"); return nil }
                continue
            }
            if n <= 0 { return units.isEmpty ? nil : String(decoding: units, as: UTF8.self) }
            switch byte {
            case 0x0D, 0x0A:
                echo("\n")
                return String(decoding: units, as: UTF8.self)
            case 0x7F, 0x08:
                // Remove the last whole character (a UTF-8 lead byte and its continuations).
                while let last = units.popLast(), last & 0xC0 == 0x80 {}
                if shown > 0 {
                    shown -= 1
                    echo("\u{8} \u{8}")
                }
            case 0x04 where units.isEmpty:
                echo("\n")
                return nil
            case 0x00..<0x20:
                continue
            default:
                units.append(byte)
                // One star per character, not per UTF-8 byte.
                if byte & 0xC0 != 0x80 {
                    shown += 1
                    echo("*")
                }
            }
        }
    }
}
