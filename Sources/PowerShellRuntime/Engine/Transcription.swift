import Foundation

/// The transcripts Start-Transcript opened: everything the host writes (output and errors) is
/// copied into each, as pwsh's host transcribes its console. Stop-Transcript closes the newest.
public enum Transcription {
    /// One transcript file being written.
    public final class Transcript {
        public let path: String
        private let handle: FileHandle

        init(path: String, handle: FileHandle) {
            self.path = path
            self.handle = handle
        }

        func write(_ text: String) { try? handle.write(contentsOf: Data(text.utf8)) }

        func close() { try? handle.close() }
    }

    nonisolated(unsafe) public private(set) static var active: [Transcript] = []

    /// Copies host text into the open transcripts (called by the host under its lock), without
    /// its escape sequences: transcripts are plain text.
    public static func record(_ text: String) {
        let plain = text.contains("\u{1B}") ? stripEscapes(text) : text
        for t in active { t.write(plain) }
    }

    /// The text without its escape sequences (colours and cursor movements).
    static func stripEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for c in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(c.value) && c != "[" { inEscape = false }
                continue
            }
            if c == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Opens a transcript (created, emptied, or appended to) and writes `header` first.
    public static func start(path: String, append: Bool, header: String) throws -> Transcript {
        if !FileManager.default.fileExists(atPath: path) || !append {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        handle.seekToEndOfFile()
        let t = Transcript(path: path, handle: handle)
        t.write(header)
        active.append(t)
        return t
    }

    /// Closes the newest transcript after writing `footer`; nil when none is open.
    public static func stop(footer: String) -> String? {
        guard let t = active.popLast() else { return nil }
        t.write(footer)
        t.close()
        return t.path
    }
}
