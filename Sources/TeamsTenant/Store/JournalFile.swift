import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal beside a world file (`world.json-journal`): the changes made since the file was
/// last written, one line each, appended under the lock and applied in order on top of the file.
///
/// Every line is `CHECKSUM JSON`: the FNV-1a 64 checksum of the JSON text in hex, a space, the
/// JSON, a line break. The first line names the version of the world file the changes apply to
/// (`{"base":"device:inode:size:mtime","teamshJournal":1}`); each further line is a change
/// (`{"ops":[…]}`, see `JournalSection`) or, just before the journal is folded into a new file,
/// `{"foldedInto":"…"}` naming that file. A line is written with one `write`, so a process killed
/// while writing leaves at most a last line without its line break, which readers ignore and the
/// next writer cuts off; a checksum that does not match (a damaged disk) ends the journal there.
final class JournalFile {
    let path: String
    let descriptor: Int32
    /// Opened for writing (a reader of a read-only folder opens it read-only).
    let writable: Bool

    /// Opens the journal. With `create`, makes it when missing, with the permissions and owner of
    /// the world file (`model`), so a private world file gets a private journal.
    init(path: String, create: Bool, like model: stat?) throws {
        self.path = path
        var descriptor = open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0o600)
        var failure = errno
        var writable = true
        if descriptor < 0, failure == EACCES || failure == EROFS, FileSystem.exists(path) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            failure = errno
            writable = false
        }
        guard descriptor >= 0 else { throw SystemCallError(path: path, code: failure) }
        self.descriptor = descriptor
        self.writable = writable
        if writable, create, let info = try? FileSystem.status(descriptor: descriptor, path: path),
            FileSystem.isRegularFile(info), info.st_size == 0 {
            if let model { try? FileSystem.copyPermissions(model, to: descriptor, path: path) }
            // The new name must survive a power cut too, not only the lines fsynced into it.
            FileSystem.synchronizeDirectory(FileSystem.directory(of: path))
        }
    }

    deinit {
        close(descriptor)
    }

    func status() throws -> stat {
        try FileSystem.status(descriptor: descriptor, path: path)
    }

    /// Whether the open file is still the one at `path` (another process deletes the journal
    /// when it folds it into the world file and finds no one else needs it).
    func isStillLinked() -> Bool {
        guard let info = try? status(), info.st_nlink > 0 else { return false }
        var current = stat()
        return stat(path, &current) == 0 && current.st_ino == info.st_ino && current.st_dev == info.st_dev
    }

    func lock(_ mode: FileLock.Mode, timeout: Double) throws {
        try FileLock.acquire(descriptor, mode, timeout: timeout)
    }

    func unlock() {
        FileLock.release(descriptor)
    }

    // MARK: Lines

    /// One framed line: checksum, space, JSON, line break.
    static func line(_ json: JSONValue) -> [UInt8] {
        var writer = JSONTextWriter(pretty: false, capacity: 512)
        writer.write(json)
        return line(json: writer.bytes)
    }

    static func line(json text: [UInt8]) -> [UInt8] {
        var line = Array(checksum(text).utf8)
        line.reserveCapacity(text.count + 18)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: text)
        line.append(0x0A)
        return line
    }

    static func headerLine(base: FileIdentity) -> [UInt8] {
        let header = JSONObjectBox()
        header.members = [("base", .string(base.description)), ("teamshJournal", .number("1"))]
        return line(.object(header))
    }

    static func foldMarkerLine(into identity: FileIdentity) -> [UInt8] {
        let marker = JSONObjectBox()
        marker.members = [("foldedInto", .string(identity.description))]
        return line(.object(marker))
    }

    /// FNV-1a 64 of the bytes, as 16 hex digits.
    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    // MARK: Reading

    /// What a read of the journal found from some offset on.
    struct Contents {
        /// The version of the world file the changes apply to (when the read started at 0 and
        /// the header line is whole).
        var base: String?
        /// Where the header line ends (when it was read).
        var headerEnd: Int?
        /// Each change line, parsed, with the offset just after it.
        var records: [(document: JSONDocument, end: Int)] = []
        /// The offset after the last whole, valid line (where the next line is written).
        var end: Int
        /// Whether bytes after `end` are a damaged line rather than one still being written.
        var damaged = false
        /// The file a fold marker names, when the last line is one.
        var foldedInto: String?
    }

    /// Reads the lines from `offset` to the end of the file.
    func read(from offset: Int) throws -> Contents {
        let size = Int(try status().st_size)
        var contents = Contents(end: offset)
        guard size > offset else { return contents }
        let bytes = try FileSystem.readRange(descriptor, path: path, offset: offset, count: size - offset)
        var lineStart = 0
        while lineStart < bytes.count {
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { break }
            let lineBytes = bytes[lineStart..<newline]
            guard let parsed = JournalFile.parse(lineBytes) else {
                contents.damaged = true
                break
            }
            let lineEnd = offset + newline + 1
            if offset + lineStart == 0 {
                guard let base = JournalFile.headerBase(parsed) else {
                    contents.damaged = true
                    break
                }
                contents.base = base
                contents.headerEnd = lineEnd
            } else if let target = JournalFile.stringMember(parsed, "foldedInto") {
                contents.foldedInto = target
            } else {
                contents.foldedInto = nil
                contents.records.append((parsed, lineEnd))
            }
            contents.end = lineEnd
            lineStart = newline + 1
        }
        return contents
    }

    /// A line's JSON when its checksum matches and it parses; nil for a damaged line.
    private static func parse(_ line: ArraySlice<UInt8>) -> JSONDocument? {
        guard line.count > 17, line[line.startIndex + 16] == UInt8(ascii: " ") else { return nil }
        let json = Array(line[(line.startIndex + 17)...])
        let expected = String(decoding: line[line.startIndex..<(line.startIndex + 16)], as: UTF8.self)
        guard checksum(json) == expected, let document = try? JSONDocument(bytes: json),
            document.nodes[document.root].kind == .object
        else { return nil }
        return document
    }

    private static func headerBase(_ document: JSONDocument) -> String? {
        var version = "teamshJournal"
        guard let number = document.member(of: document.root, named: &version), document.integer(number) == 1 else {
            return nil
        }
        return stringMember(document, "base")
    }

    private static func stringMember(_ document: JSONDocument, _ name: String) -> String? {
        var key = name
        guard let node = document.member(of: document.root, named: &key), document.nodes[node].kind == .string else {
            return nil
        }
        return document.string(node)
    }

    // MARK: Writing

    func write(_ bytes: [UInt8], at offset: Int) throws {
        do {
            try FileSystem.writeAll(descriptor, path: path, bytes: bytes, offset: offset)
        } catch {
            // Nothing half-written stays behind.
            _ = ftruncate(descriptor, off_t(offset))
            throw error
        }
    }

    func truncate(to offset: Int) throws {
        guard ftruncate(descriptor, off_t(offset)) == 0 else { throw SystemCallError(path: path) }
    }

    func synchronize() throws {
        try FileSystem.synchronize(descriptor, path: path)
    }
}
