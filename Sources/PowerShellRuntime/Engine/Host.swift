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

/// A host on the process's standard streams, buffered for speed and flushed at the end of
/// each top-level statement and before anything is read.
public final class StandardHost: PSHostInterface {
    public let isInteractive: Bool
    public let width: Int
    private var outBuffer: [UInt8] = []
    private var errBuffer: [UInt8] = []

    public init(isInteractive: Bool, width: Int) {
        self.isInteractive = isInteractive
        self.width = width
        outBuffer.reserveCapacity(1 << 16)
    }

    public func writeOutput(_ text: String) {
        outBuffer.append(contentsOf: text.utf8)
        if outBuffer.count > 1 << 16 { flush() }
    }

    public func writeErrorText(_ text: String) {
        flushOutput()
        errBuffer.append(contentsOf: text.utf8)
        flushErrors()
    }

    public func readLine() -> String? {
        flush()
        return Swift.readLine(strippingNewline: true)
    }

    public func flush() {
        flushOutput()
        flushErrors()
    }

    private func flushOutput() {
        guard !outBuffer.isEmpty else { return }
        outBuffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(1, p.baseAddress.map { $0 + offset }, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        outBuffer.removeAll(keepingCapacity: true)
    }

    private func flushErrors() {
        guard !errBuffer.isEmpty else { return }
        errBuffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(2, p.baseAddress.map { $0 + offset }, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        errBuffer.removeAll(keepingCapacity: true)
    }
}
