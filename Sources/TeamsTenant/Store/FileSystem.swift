import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which version of a file the store read: device, inode, size and modification time. A file
/// replaced by a rename, or edited, gets another identity, which is how a process notices that
/// another one folded the journal into the file, or that someone edited it.
struct FileIdentity: Equatable, CustomStringConvertible {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modifiedSeconds: Int64
    let modifiedNanoseconds: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// `device:inode:size:seconds.nanoseconds`, as the journal's header records it.
    var description: String { "\(device):\(inode):\(size):\(modifiedSeconds).\(modifiedNanoseconds)" }
}

/// The POSIX calls the store makes, each turning a failure into a `SystemCallError`.
enum FileSystem {
    static func status(_ path: String) throws -> stat {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemCallError(path: path) }
        return info
    }

    static func status(descriptor: Int32, path: String) throws -> stat {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemCallError(path: path) }
        return info
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isRegularFile(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    /// An absolute path with every symbolic link followed, so the store writes through a link to
    /// the file it names. A missing last part is kept (a link to a file not yet created works).
    static func resolvingLinks(_ path: String, currentDirectory: String) -> String {
        var resolved = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(resolved, &buffer, buffer.count - 1)
            guard count > 0 else { break }
            let target = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            resolved = target.hasPrefix("/") ? target : directory(of: resolved) + "/" + target
        }
        return normalised(resolved)
    }

    /// `/a/./b/../c` → `/a/c` (textually; links were followed already).
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The whole file and the identity of the version read (from the same descriptor, so the
    /// two always match even when the file is replaced meanwhile).
    static func readFile(_ path: String) throws -> (bytes: [UInt8], identity: FileIdentity) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(path: path) }
        defer { close(descriptor) }
        let info = try status(descriptor: descriptor, path: path)
        if isDirectory(info) { throw SystemCallError(path: path, code: EISDIR) }
        // The store replaces the file by a rename, never in place, so its size is its size.
        return (try readRange(descriptor, path: path, offset: 0, count: Int(info.st_size)), FileIdentity(info))
    }

    /// Reads `count` bytes at `offset` (fewer at the end of the file).
    static func readRange(_ descriptor: Int32, path: String, offset: Int, count: Int) throws -> [UInt8] {
        // Not zero-filled first: `pread` fills it (48 MB for a 100,000-user world).
        try [UInt8](unsafeUninitializedCapacity: max(0, count)) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let got = pread(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled, off_t(offset + filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw SystemCallError(path: path)
                }
                if got == 0 { break }
                filled += got
            }
        }
    }

    /// Writes all bytes at `offset`; a short write is an error (the caller truncates it away).
    static func writeAll(_ descriptor: Int32, path: String, bytes: [UInt8], offset: Int) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written, off_t(offset + written))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(path: path)
            }
            if count == 0 { throw SystemCallError(path: path, code: ENOSPC) }
            written += count
        }
    }

    static func synchronize(_ descriptor: Int32, path: String) throws {
        guard fsync(descriptor) == 0 else { throw SystemCallError(path: path) }
    }

    /// Makes a rename in a directory durable.
    static func synchronizeDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Gives a new file the permissions and owner of the file it stands for. Changing the owner
    /// needs privileges a user may not have; then the file keeps the user's.
    static func copyPermissions(_ model: stat?, to descriptor: Int32, path: String) throws {
        guard let model else { return }
        guard fchmod(descriptor, model.st_mode & 0o7777) == 0 else { throw SystemCallError(path: path) }
        var current = stat()
        if fstat(descriptor, &current) == 0, current.st_uid != model.st_uid || current.st_gid != model.st_gid {
            _ = fchown(descriptor, model.st_uid, model.st_gid)
        }
    }

    /// Why a file could not be created beside `path` (with `errno` as its creation left it): a
    /// missing folder is "a part of the path"; anything else is about the folder.
    static func folderError(for path: String) -> SystemCallError {
        let failure = errno
        if failure == ENOENT || failure == ENOTDIR { return SystemCallError(path: path, code: ENOTDIR) }
        return SystemCallError(path: directory(of: path), code: failure)
    }

    /// Writes a whole file atomically: `writeTemporary` puts the bytes beside it (with the
    /// permissions and owner of the file being replaced) and flushes them to the disk; `install`
    /// renames them over the file. A crash leaves the old file or the new one.
    @discardableResult
    static func replace(_ path: String, with bytes: [UInt8], temporaryPath: String) throws -> FileIdentity {
        let identity = try writeTemporary(bytes, for: path, at: temporaryPath)
        try install(temporaryPath, as: path)
        return identity
    }

    /// Writes the new version of `path` to `temporaryPath`; returns its identity (which the file
    /// keeps once renamed).
    static func writeTemporary(_ bytes: [UInt8], for path: String, at temporaryPath: String) throws -> FileIdentity {
        var model = stat()
        let existing: stat? = stat(path, &model) == 0 ? model : nil
        if let existing, isDirectory(existing) { throw SystemCallError(path: path, code: EISDIR) }
        _ = unlink(temporaryPath)
        // Private until its permissions are set; a new file gets 0666 less the umask.
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, existing == nil ? 0o666 : 0o600)
        guard descriptor >= 0 else { throw folderError(for: path) }
        defer { close(descriptor) }
        do {
            try copyPermissions(existing, to: descriptor, path: temporaryPath)
            try writeAll(descriptor, path: path, bytes: bytes, offset: 0)
            try synchronize(descriptor, path: path)
            return FileIdentity(try status(descriptor: descriptor, path: temporaryPath))
        } catch {
            _ = unlink(temporaryPath)
            throw error
        }
    }

    /// Renames a written temporary file over `path` and makes the rename durable.
    static func install(_ temporaryPath: String, as path: String) throws {
        guard rename(temporaryPath, path) == 0 else {
            let failure = SystemCallError(path: path)
            _ = unlink(temporaryPath)
            throw failure
        }
        synchronizeDirectory(directory(of: path))
    }

    /// Creates a file with these bytes only if none exists (written beside it, then linked into
    /// place, so no reader sees half a file). False when another process created it first.
    static func createIfAbsent(_ path: String, with bytes: [UInt8], temporaryPath: String) throws -> Bool {
        _ = unlink(temporaryPath)
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw folderError(for: path) }
        defer { _ = unlink(temporaryPath) }
        do {
            defer { close(descriptor) }
            try writeAll(descriptor, path: path, bytes: bytes, offset: 0)
            try synchronize(descriptor, path: path)
        }
        guard link(temporaryPath, path) == 0 else {
            if errno == EEXIST { return false }
            // File systems without hard links: a rename, which cannot tell a race apart.
            if errno == EPERM || errno == ENOTSUP || errno == EXDEV {
                guard rename(temporaryPath, path) == 0 else { throw SystemCallError(path: path) }
                return true
            }
            throw SystemCallError(path: path)
        }
        synchronizeDirectory(directory(of: path))
        return true
    }
}
