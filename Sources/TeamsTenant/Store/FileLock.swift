import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's advisory file lock (`flock`) on an open file, waited for up to a time
/// limit. `flock` locks belong to the open file, not the process, so two stores in one process
/// exclude each other as two processes do, and the lock goes away with the process however it
/// ends (`kill -9` included): a crashed writer never leaves the world locked.
enum FileLock {
    enum Mode {
        /// Many readers at once.
        case shared
        /// One writer, no readers.
        case exclusive
    }

    /// Takes the lock, polling until `timeout` seconds have passed; then throws `LockTimeout`
    /// naming the process that holds it, when the system says.
    static func acquire(_ descriptor: Int32, _ mode: Mode, timeout: Double) throws {
        let operation = (mode == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 50
        while true {
            if flock(descriptor, operation) == 0 { return }
            let failure = errno
            if failure == EINTR { continue }
            guard failure == EWOULDBLOCK || failure == EAGAIN else { throw SystemCallError(path: "", code: failure) }
            if Date() >= deadline {
                throw LockTimeout(holder: holder(of: descriptor), seconds: timeout)
            }
            // Short pauses: a busy writer frees the lock for moments only (see `yieldAfterContention`).
            usleep(pause)
            pause = min(pause * 2, 1_000)
        }
    }

    static func release(_ descriptor: Int32) {
        _ = flock(descriptor, LOCK_UN)
    }

    /// Waits a moment after releasing the lock when other processes are writing too: `flock` is
    /// not fair, and a process that locks again at once could keep a waiting one out until its
    /// time limit.
    static func yieldAfterContention() {
        usleep(1_500)
    }

    /// `process 1234: teamsh -Tenant w.json s.ps1` for the process holding a lock on the file, read
    /// from Linux's `/proc/locks`; nil where the system does not say.
    static func holder(of descriptor: Int32) -> String? {
        var info = stat()
        guard fstat(descriptor, &info) == 0,
            let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return nil }
        let inode = String(UInt64(info.st_ino))
        for line in table.split(separator: "\n") {
            // `1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF`; waiting requests have `->`.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pidField = Int32(fields[4]),
                fields[5].split(separator: ":").last.map(String.init) == inode
            else { continue }
            return describe(process: pidField)
        }
        return nil
    }

    /// A process by id and command line.
    static func describe(process id: Int32) -> String {
        if id == getpid() { return "process \(id), this teamsh" }
        guard let raw = FileManager.default.contents(atPath: "/proc/\(id)/cmdline"), !raw.isEmpty else {
            return "process \(id)"
        }
        var command = String(decoding: raw.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        if command.count > 120 { command = String(command.prefix(117)) + "..." }
        return "process \(id): \(command)"
    }
}
