import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a world in a JSON tenant file with a small database's guarantees, while the file stays
/// the plain JSON users read, diff and commit.
///
/// - Durability: every change is one transaction. Its record is written to the journal beside
///   the file (`FILE-journal`, see `JournalFile`) before the transaction returns, so it survives
///   the process being killed; `flush()` forces it to the disk (teamsh calls it after each
///   top-level statement). A change that cannot be saved is undone and reported.
/// - Concurrency: a transaction holds the OS lock on the journal, first applies what other
///   processes wrote since (`catchUp`), then runs, so each change applies to the latest state and
///   none is lost. The lock is waited for up to `Options.lockTimeout` seconds.
/// - Cost: a record holds only what changed (a grant writes one user), so a change costs in
///   proportion to itself. The journal is folded into the file when the store closes, or when it
///   outgrows the file (`Options.journalLimit`).
/// - Crash safety: the file is only ever replaced whole by a rename, and the journal only grows
///   by whole lines, so a crash at any moment leaves the old or the new state; what a crash leaves
///   (a journal, a half-written `.FILE-save.tmp`) is applied or removed by the next open.
/// - Identity: the file is written through symbolic links, and keeps its permissions and owner.
public final class WorldStore {
    /// How a store behaves; `fromEnvironment` reads teamsh's settings.
    public struct Options: Sendable {
        /// Refuse a file with keys teamsh does not know instead of warning.
        public var strict = false
        /// Seconds to wait for another process's lock before a change fails.
        public var lockTimeout: Double = 10
        /// Fold the journal into the file once it is larger than this many bytes (nil: twice the
        /// file's size, at least 64 MiB, so replaying it never costs much more than reading the
        /// file, and 50,000 grants on a hand-written world fold only once, at the end).
        public var journalLimit: Int?

        public init(strict: Bool = false, lockTimeout: Double = 10, journalLimit: Int? = nil) {
            self.strict = strict
            self.lockTimeout = lockTimeout
            self.journalLimit = journalLimit
        }

        /// `TEAMSH_TENANT_LOCK_TIMEOUT` (seconds) and `TEAMSH_TENANT_JOURNAL_LIMIT` (bytes) override
        /// the defaults; `TEAMSH_TENANT_STRICT=1` asks for strict reading.
        public static func fromEnvironment(_ environment: (String) -> String?, strict: Bool = false) -> Options {
            var options = Options(strict: strict || environment("TEAMSH_TENANT_STRICT") == "1")
            if let text = environment("TEAMSH_TENANT_LOCK_TIMEOUT"), let seconds = Double(text), seconds >= 0 {
                options.lockTimeout = seconds
            }
            if let text = environment("TEAMSH_TENANT_JOURNAL_LIMIT"), let bytes = Int(text), bytes > 0 {
                options.journalLimit = bytes
            }
            return options
        }
    }

    /// The path as given (messages name it).
    public let path: String
    /// Where the file really is: the path with symbolic links followed.
    let filePath: String
    let journalPath: String
    /// Where a new version of the file is written before it is renamed into place.
    let temporaryPath: String
    public let options: Options
    /// The world this store keeps (nil until `loadOrCreate`).
    public private(set) var world: World?
    /// Warnings met while reading the file (unknown keys, a discarded journal), for the session
    /// to show; `takeWarnings()` hands them over once.
    private var pendingWarnings: [String] = []
    /// Changes of the sessions sharing this store (a script and its ForEach-Object -Parallel
    /// runspaces) that could not be saved; teamsh's exit code reports them.
    public var failedSaves = 0

    /// The version of the file `world` was read from (or last written as).
    private var base: FileIdentity?
    private var journal: JournalFile?
    private var journalInode: UInt64?
    /// How much of the journal `world` holds.
    private var journalOffset = 0
    private let sections = JournalSection.all()
    private var savedRevision = 0
    /// The next transaction writes the whole file (a world handed to `adopt`).
    private var writeWhole = false
    /// Journal bytes written but not yet forced to the disk.
    private var unsynchronized = false
    /// `world` may not match the disk (a failed save could not be undone): reload before use.
    private var needsReload = false

    public init(path: String, options: Options = Options(),
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.path = path
        self.options = options
        filePath = FileSystem.resolvingLinks(path, currentDirectory: currentDirectory)
        journalPath = filePath + "-journal"
        temporaryPath = FileSystem.directory(of: filePath) + "/." + FileSystem.name(of: filePath) + "-save.tmp"
    }

    deinit {
        journal?.unlock()
    }

    /// The warnings gathered since the last call.
    public func takeWarnings() -> [String] {
        defer { pendingWarnings = [] }
        return pendingWarnings
    }

    // MARK: Opening

    /// The world in the file (with the journal's changes applied), or, when there is no file,
    /// the default world, which is saved there. Called again, it returns the same world, caught up.
    public func loadOrCreate() throws -> World {
        if let world {
            refresh(force: true)
            return world
        }
        if !FileSystem.exists(filePath) {
            do {
                _ = try FileSystem.createIfAbsent(filePath, with: WorldCodec.encode(World.defaultWorld()), temporaryPath: temporaryPath)
            } catch let error as SystemCallError {
                throw WorldStoreError.cannotWrite(path: path, detail: error.sentence)
            }
        }
        let loaded = try readFile()
        world = loaded.world
        base = loaded.identity
        if FileSystem.exists(journalPath) || FileSystem.exists(temporaryPath) {
            try openJournalAtStart()
        }
        markSaved()
        return loaded.world
    }

    /// Applies a journal left by another process (running, or killed), and removes what a
    /// crashed save left behind.
    private func openJournalAtStart() throws {
        for _ in 0..<20 {
            let journal: JournalFile
            do {
                journal = try JournalFile(path: journalPath, create: FileSystem.exists(temporaryPath), like: try? FileSystem.status(filePath))
            } catch let error as SystemCallError where error.code == ENOENT {
                return
            } catch let error as SystemCallError {
                throw WorldStoreError.cannotRead(path: path, detail: error.sentence)
            }
            do {
                try journal.lock(journal.writable ? .exclusive : .shared, timeout: options.lockTimeout)
            } catch let timeout as LockTimeout {
                throw WorldStoreError.cannotRead(path: path, detail: timeout.sentence)
            }
            defer { journal.unlock() }
            guard journal.isStillLinked() else { continue }
            if journal.writable { _ = unlink(temporaryPath) }
            adoptJournal(journal)
            do {
                try catchUp(journal, exclusive: journal.writable)
            } catch let error as WorldStoreError {
                throw error
            } catch let error as SystemCallError {
                throw WorldStoreError.cannotRead(path: path, detail: error.sentence)
            }
            return
        }
    }

    /// Reads and decodes the file; unknown keys become a warning (or, strict, an error).
    private func readFile() throws -> (world: World, identity: FileIdentity) {
        try WorldStore.readFile(filePath, named: path, strict: options.strict, warnings: &pendingWarnings)
    }

    /// A world file read and decoded (`name` is how messages call it); unknown keys go to
    /// `warnings`, or, strict, fail.
    private static func readFile(_ filePath: String, named name: String, strict: Bool, warnings: inout [String]) throws
        -> (world: World, identity: FileIdentity)
    {
        let file: (bytes: [UInt8], identity: FileIdentity)
        do {
            file = try FileSystem.readFile(filePath)
        } catch let error as SystemCallError {
            throw WorldStoreError.cannotRead(path: name, detail: error.sentence)
        }
        let decoded = try WorldCodec.decode(file.bytes, path: name)
        if !decoded.unknownKeys.isEmpty {
            if strict { throw WorldStoreError.unknownKeys(path: name, keys: decoded.unknownKeys) }
            warnings.append(unknownKeysWarning(path: name, keys: decoded.unknownKeys))
        }
        return (decoded.world, file.identity)
    }

    static func unknownKeysWarning(path: String, keys: [String]) -> String {
        "The tenant file '\(path)' has \(WorldStoreError.describeKeys(keys)) that teamsh does not know. "
            + "\(keys.count == 1 ? "It was" : "They were") ignored, and teamsh drops \(keys.count == 1 ? "it" : "them") "
            + "when it saves the file; check the spelling (-StrictTenant refuses such a file)."
    }

    /// Tracks a world handed over by the caller instead of the file's: the next change writes it whole.
    public func adopt(_ newWorld: World) {
        guard newWorld !== world else { return }
        world = newWorld
        if base == nil, let info = try? FileSystem.status(filePath) { base = FileIdentity(info) }
        markSaved()
        writeWhole = true
    }

    // MARK: Changes

    /// Runs a change as one transaction: takes the lock, applies what other processes saved
    /// since, runs `body`, and saves what it changed before returning. When the change cannot be
    /// saved, it is undone and `WorldStoreError.changeNotSaved` says why; errors `body` throws
    /// pass through (with whatever it changed saved).
    public func transaction<T>(_ body: (World) throws -> T) throws -> T {
        guard let world else { throw WorldStoreError.changeNotSaved(path: path, detail: "The file is not open.") }
        let journal: JournalFile, journalSize: Int
        do {
            (journal, journalSize) = try lockForWriting()
        } catch {
            throw changeNotSaved(error)
        }
        let offsetBefore = journalOffset
        var sawOthersWrite = false
        defer {
            journal.unlock()
            // Others wrote since this process's last change: let them in before its next one.
            if sawOthersWrite { FileLock.yieldAfterContention() }
        }
        do {
            let fileInfo = try FileSystem.status(filePath)
            try checkWritable(fileInfo)
            try catchUp(journal, exclusive: true, fileInfo: fileInfo, journalSize: journalSize)
            sawOthersWrite = journalOffset != offsetBefore
        } catch {
            throw changeNotSaved(error)
        }
        let result: T
        do {
            result = try body(world)
        } catch {
            try? commit(journal)
            throw error
        }
        do {
            try commit(journal)
        } catch {
            throw changeNotSaved(error)
        }
        let limit = options.journalLimit ?? max(64 << 20, 2 * Int(base?.size ?? 0))
        if journalOffset > limit { try? writeWholeFile(journal) }
        return result
    }

    /// Whether `path` names this store's file (through symbolic links too).
    public func keeps(_ path: String) -> Bool {
        FileSystem.resolvingLinks(path, currentDirectory: FileManager.default.currentDirectoryPath) == filePath
    }

    /// Makes the running transaction write the whole file rather than a journal record
    /// (Export-TeamsSimTenant to the session's own file).
    public func writeWholeFileNext() {
        writeWhole = true
    }

    /// Replaces the file's world with `newWorld` (written whole).
    public func save(_ newWorld: World) throws {
        if world == nil { _ = try loadOrCreate() }
        try transaction { world in
            if world !== newWorld { world.replaceContents(with: newWorld) }
            writeWholeFileNext()
        }
    }

    private func changeNotSaved(_ error: Error) -> Error {
        switch error {
        case let error as SystemCallError: return WorldStoreError.changeNotSaved(path: path, detail: error.sentence)
        case let timeout as LockTimeout: return WorldStoreError.changeNotSaved(path: path, detail: timeout.sentence)
        case let error as WorldStoreError: return WorldStoreError.changeNotSaved(path: path, detail: WorldStore.sentence(error))
        case let error as EncodingError: return WorldStoreError.changeNotSaved(path: path, detail: "\(error).")
        default: return error
        }
    }

    /// A refusal of the file, as the reason a change failed.
    private static func sentence(_ error: WorldStoreError) -> String {
        switch error {
        case .cannotRead(_, let detail), .cannotWrite(_, let detail), .changeNotSaved(_, let detail): return detail
        default: return error.message
        }
    }

    /// The journal, open for writing, locked, and still the one at its path (another process
    /// deletes it when it folds it into the file and finds it no longer needed).
    private func lockForWriting() throws -> (JournalFile, size: Int) {
        while true {
            if journal == nil || journal?.writable == false {
                let fileInfo = try FileSystem.status(filePath)
                if FileSystem.isDirectory(fileInfo) { throw SystemCallError(path: filePath, code: EISDIR) }
                do {
                    adoptJournal(try JournalFile(path: journalPath, create: true, like: fileInfo))
                } catch let error as SystemCallError where error.code == EACCES || error.code == EPERM || error.code == EROFS {
                    throw SystemCallError(path: FileSystem.directory(of: filePath), code: error.code)
                }
            }
            guard let journal else { throw SystemCallError(path: journalPath, code: EIO) }
            try journal.lock(.exclusive, timeout: options.lockTimeout)
            if let info = try? journal.status(), info.st_nlink > 0 { return (journal, Int(info.st_size)) }
            journal.unlock()
            self.journal = nil
        }
    }

    /// The file's permissions and owner last checked, and whether this process may write it.
    private var writableCheck: (mode: mode_t, owner: uid_t, group: gid_t, writable: Bool)?

    /// A read-only file takes no changes (asked of the system only when its mode or owner
    /// changed since the last change).
    private func checkWritable(_ fileInfo: stat) throws {
        if FileSystem.isDirectory(fileInfo) { throw SystemCallError(path: filePath, code: EISDIR) }
        if let check = writableCheck, check.mode == fileInfo.st_mode, check.owner == fileInfo.st_uid,
            check.group == fileInfo.st_gid {
            if !check.writable { throw SystemCallError(path: filePath, code: EACCES) }
            return
        }
        let writable = access(filePath, W_OK) == 0
        let failure = errno
        writableCheck = (fileInfo.st_mode, fileInfo.st_uid, fileInfo.st_gid, writable)
        if !writable { throw SystemCallError(path: filePath, code: failure) }
    }

    /// Makes `journal` the store's; a different file than before starts from its beginning.
    private func adoptJournal(_ journal: JournalFile) {
        let inode = (try? journal.status()).map { UInt64($0.st_ino) }
        if inode != journalInode { journalOffset = 0 }
        journalInode = inode
        self.journal = journal
    }

    /// Brings `world` up to what is on disk: reloads the file when another process replaced it
    /// (or someone edited it), then applies the journal's lines not applied yet. With the
    /// exclusive lock it also cuts off a torn last line and empties a journal that belongs to an
    /// older version of the file.
    private func catchUp(_ journal: JournalFile, exclusive: Bool, fileInfo knownFileInfo: stat? = nil,
                         journalSize knownJournalSize: Int? = nil) throws {
        guard let world else { return }
        let fileInfo = try knownFileInfo ?? FileSystem.status(filePath)
        if FileSystem.isDirectory(fileInfo) { throw SystemCallError(path: filePath, code: EISDIR) }
        lastSynchronized = DispatchTime.now().uptimeNanoseconds
        var changed = false
        if needsReload || FileIdentity(fileInfo) != base {
            let loaded = try readFile()
            world.replaceContents(with: loaded.world)
            base = loaded.identity
            journalOffset = 0
            needsReload = false
            changed = true
        }
        // A reload read the file again; the journal's size is read again too.
        let size = try (changed ? nil : knownJournalSize) ?? Int(journal.status().st_size)
        if size < journalOffset { journalOffset = 0 }
        if size > journalOffset {
            changed = try applyJournal(journal, exclusive: exclusive) || changed
        }
        if changed { markSaved() }
    }

    /// Applies the journal from `journalOffset`; true when something was applied.
    private func applyJournal(_ journal: JournalFile, exclusive: Bool) throws -> Bool {
        guard let world, let base else { return false }
        let contents = try journal.read(from: journalOffset)
        if journalOffset == 0 {
            guard let journalBase = contents.base else {
                // No whole header: a journal being created, or one whose header was cut short.
                if exclusive { try journal.truncate(to: 0) }
                return false
            }
            guard journalBase == base.description else {
                // Changes to an older version of the file: already folded into it, or the file was
                // replaced by hand since. Either way they do not apply to this version.
                if exclusive {
                    if contents.foldedInto != base.description, !contents.records.isEmpty {
                        pendingWarnings.append("The journal '\(journalPath)' held \(contents.records.count) change(s) to an "
                            + "earlier version of the tenant file '\(path)', which was replaced since; they were discarded.")
                    }
                    try journal.truncate(to: 0)
                }
                return false
            }
        }
        var goodEnd = contents.headerEnd ?? journalOffset
        var failed = false
        for record in contents.records {
            do {
                try apply(record.document, to: world)
            } catch {
                failed = true
                break
            }
            goodEnd = record.end
        }
        if !failed { goodEnd = contents.end }
        if failed {
            // The record that failed may have changed part of the world: start again from the
            // file and the records before it.
            let loaded = try readFile()
            world.replaceContents(with: loaded.world)
            self.base = loaded.identity
            for record in try journal.read(from: 0).records where record.end <= goodEnd {
                try apply(record.document, to: world)
            }
        }
        journalOffset = goodEnd
        if failed || contents.damaged {
            pendingWarnings.append("The journal '\(journalPath)' of the tenant file '\(path)' is damaged after its first "
                + "\(goodEnd) bytes; the changes after that point could not be applied.")
        }
        if exclusive, Int(try journal.status().st_size) > goodEnd { try journal.truncate(to: goodEnd) }
        return !contents.records.isEmpty
    }

    /// Applies one record's operations, section by section in the sections' order.
    private func apply(_ document: JSONDocument, to world: World) throws {
        var name = "ops"
        guard let list = document.member(of: document.root, named: &name), document.nodes[list].kind == .array else {
            throw JournalApplyError(operation: "a record without operations")
        }
        var bySection: [String: [JournalOperation]] = [:]
        for node in document.elements(of: list) {
            guard let operation = JournalOperation(document: document, node: node) else {
                throw JournalApplyError(operation: "an unreadable operation")
            }
            bySection[operation.section, default: []].append(operation)
        }
        for section in sections {
            if let operations = bySection.removeValue(forKey: section.name) { try section.apply(operations, to: world) }
        }
        if let unknown = bySection.keys.first { throw JournalApplyError(operation: "a change to \(unknown)") }
    }

    /// Saves what the last transaction changed: a journal record, or the whole file when the
    /// tenant was replaced whole. On failure the change is undone.
    private func commit(_ journal: JournalFile) throws {
        guard let world, world.revision != savedRevision || writeWhole else { return }
        let record = JournalRecord()
        var changed: [JournalSection] = []
        var whole = writeWhole
        let view = WorldView(world)
        if !whole {
            do {
                for section in sections where try section.changes(in: view, into: record) {
                    changed.append(section)
                }
            } catch is WholeWorldChanged {
                whole = true
            } catch {
                restore(journal, whole: false)
                throw error
            }
        }
        do {
            if whole {
                try writeWholeFile(journal)
            } else if !record.isEmpty {
                guard let base else { throw SystemCallError(path: filePath, code: ENOENT) }
                var bytes = journalOffset == 0 ? JournalFile.headerLine(base: base) : []
                bytes += JournalFile.line(json: record.json)
                try journal.write(bytes, at: journalOffset)
                journalOffset += bytes.count
                unsynchronized = true
            }
        } catch {
            restore(journal, whole: whole)
            throw error
        }
        if whole { return markSaved() }
        // Only the sections that changed need to remember a new state.
        for section in changed { section.markSaved(view) }
        savedRevision = world.revision
    }

    /// Undoes an unsaved change: each section puts its saved state back, or, when one cannot
    /// (the tenant was replaced whole), the world is read again from the disk.
    private func restore(_ journal: JournalFile, whole: Bool) {
        guard let world else { return }
        if whole {
            needsReload = true
        } else {
            do {
                for section in sections { try section.restoreSaved(in: world) }
            } catch {
                needsReload = true
            }
        }
        if needsReload {
            journalOffset = 0
            try? catchUp(journal, exclusive: true)
        }
        markSaved()
    }

    /// Writes the whole world as the new version of the file and empties the journal (whose
    /// changes the world holds). The journal's last line names the new file first, so a crash
    /// between the rename and the emptying is recognised and the stale journal dropped silently.
    private func writeWholeFile(_ journal: JournalFile) throws {
        guard let world else { return }
        let bytes = try WorldCodec.encode(world)
        let identity = try FileSystem.writeTemporary(bytes, for: filePath, at: temporaryPath)
        if journalOffset > 0 {
            try journal.write(JournalFile.foldMarkerLine(into: identity), at: journalOffset)
        }
        try FileSystem.install(temporaryPath, as: filePath)
        base = identity
        try journal.truncate(to: 0)
        journalOffset = 0
        unsynchronized = false
        writeWhole = false
        markSaved()
    }

    private func markSaved() {
        guard let world else { return }
        let view = WorldView(world)
        for section in sections { section.markSaved(view) }
        savedRevision = world.revision
    }

    // MARK: Reading, flushing, closing

    /// When the store last looked at the disk (a transaction's catch-up, or a refresh).
    private var lastSynchronized: UInt64 = 0

    /// Applies what other processes saved since the last look (two `stat` calls when nothing
    /// changed). Problems are left for the next change to report. A look less than a millisecond
    /// after the last one is skipped: a script's commands come faster than that, and each change
    /// catches up under the lock anyway.
    public func refresh(force: Bool = false) {
        guard world != nil else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if !force, now &- lastSynchronized < 1_000_000 { return }
        lastSynchronized = now
        var fileInfo = stat()
        guard stat(filePath, &fileInfo) == 0, !FileSystem.isDirectory(fileInfo) else { return }
        let fileChanged = needsReload || FileIdentity(fileInfo) != base
        if let journal, let info = try? journal.status() {
            if info.st_nlink == 0 {
                self.journal = nil
            } else if !fileChanged && Int(info.st_size) == journalOffset {
                return
            }
        }
        if journal == nil {
            guard FileSystem.exists(journalPath) else {
                if fileChanged { reloadWithoutJournal() }
                return
            }
            guard let opened = try? JournalFile(path: journalPath, create: false, like: nil) else { return }
            adoptJournal(opened)
        }
        guard let journal else { return }
        guard (try? journal.lock(.shared, timeout: options.lockTimeout)) != nil else { return }
        defer { journal.unlock() }
        try? catchUp(journal, exclusive: false)
    }

    private func reloadWithoutJournal() {
        guard let world, let loaded = try? readFile() else { return }
        world.replaceContents(with: loaded.world)
        base = loaded.identity
        journalOffset = 0
        needsReload = false
        markSaved()
    }

    /// Forces the journal's new lines to the disk (they already survive the process being
    /// killed; this makes them survive a power cut).
    public func flush() throws {
        guard unsynchronized, let journal else { return }
        unsynchronized = false
        do {
            try journal.synchronize()
        } catch let error as SystemCallError {
            throw WorldStoreError.notFolded(path: path, journal: journalPath, detail: error.sentence)
        }
    }

    /// Folds the journal into the file and removes it, leaving the plain JSON file behind. Other
    /// processes still working on the file notice the new version and carry on from it.
    public func close() throws {
        guard world != nil else { return }
        defer {
            journal = nil
            world = nil
        }
        if journal == nil || journal?.writable == false {
            guard FileSystem.exists(journalPath), let opened = try? JournalFile(path: journalPath, create: false, like: nil),
                opened.writable
            else { return }
            adoptJournal(opened)
        }
        guard let journal else { return }
        do {
            try journal.lock(.exclusive, timeout: options.lockTimeout)
        } catch let timeout as LockTimeout {
            throw WorldStoreError.notFolded(path: path, journal: journalPath, detail: timeout.sentence)
        }
        defer { journal.unlock() }
        guard journal.isStillLinked() else { return }
        do {
            try catchUp(journal, exclusive: true)
            if journalOffset > 0 { try writeWholeFile(journal) }
            _ = unlink(journalPath)
        } catch let error as SystemCallError {
            throw WorldStoreError.notFolded(path: path, journal: journalPath, detail: error.sentence)
        } catch let error as WorldStoreError {
            throw WorldStoreError.notFolded(path: path, journal: journalPath, detail: WorldStore.sentence(error))
        }
    }

    // MARK: Whole files (Export-/Import-TeamsSimTenant, tests)

    /// Reads a world file (without its journal); unknown keys go to `warnings`, or, strict, fail.
    public static func read(from path: String, strict: Bool = false, warnings: inout [String]) throws -> World {
        try readFile(path, named: path, strict: strict, warnings: &warnings).world
    }

    public static func read(from path: String) throws -> World {
        var ignored: [String] = []
        return try read(from: path, warnings: &ignored)
    }

    /// Writes a world file atomically, through symbolic links, keeping the permissions and owner
    /// of the file it replaces.
    public static func write(_ world: World, to path: String) throws {
        let target = FileSystem.resolvingLinks(path, currentDirectory: FileManager.default.currentDirectoryPath)
        let temporary = FileSystem.directory(of: target) + "/." + FileSystem.name(of: target) + "-export-\(getpid()).tmp"
        do {
            try FileSystem.replace(target, with: WorldCodec.encode(world), temporaryPath: temporary)
        } catch let error as SystemCallError {
            throw WorldStoreError.cannotWrite(path: path, detail: error.sentence)
        }
    }

    /// The file's bytes for a world.
    public static func encode(_ world: World) throws -> Data {
        Data(try WorldCodec.encode(world))
    }

    /// A world from a file's bytes (`path` names it in errors).
    public static func decode(_ data: Data, path: String) throws -> World {
        try WorldCodec.decode([UInt8](data), path: path).world
    }
}
