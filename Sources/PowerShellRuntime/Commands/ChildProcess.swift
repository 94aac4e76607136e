import Foundation

/// A program started with `posix_spawn`, in teamsh's own process group: Ctrl+C at the terminal
/// reaches it as it reaches the programs pwsh starts (Foundation's `Process` puts each child in
/// a process group of its own, where the terminal's SIGINT never arrives).
final class ChildProcess {
    /// What one of the child's standard streams is connected to.
    enum Stream {
        /// teamsh's own descriptor (the terminal, or whatever teamsh's stream is).
        case inherit
        case null
        /// A pipe whose other end teamsh holds.
        case pipe
    }

    let pid: pid_t
    /// teamsh's ends of the pipes (nil for streams not piped).
    private(set) var stdinWrite: Int32?
    private(set) var stdoutRead: Int32?
    private(set) var stderrRead: Int32?
    private var reaped: Int32?

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `path` with `arguments` (argv[1...]) in `directory`, with the process's current
    /// environment. Throws the `errno` text when the program cannot be started.
    static func spawn(path: String, arguments: [String], directory: String,
                      stdin: Stream, stdout: Stream, stderr: Stream) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32?] = [nil, nil, nil]
        var childEnds: [Int32] = []
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit:
                break
            case .null:
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .pipe:
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { throw ChildProcessError(code: errno) }
                for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
                // The child reads stdin's read end and writes the others' write ends.
                let (childEnd, parentEnd) = fd == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
                posix_spawn_file_actions_adddup2(&actions, childEnd, fd)
                childEnds.append(childEnd)
                parentEnds[Int(fd)] = parentEnd
            }
        }
        // glibc's posix_spawn_file_actions_addchdir_np (2.29+), which Swift's Glibc module does
        // not show; without it the parent changes directory around the spawn.
        var parentDirectory: String?
        if let addChdir = ChildProcess.addChdir {
            _ = addChdir(&actions, directory)
        } else {
            let before = FileManager.default.currentDirectoryPath
            if before != directory && FileManager.default.changeCurrentDirectoryPath(directory) { parentDirectory = before }
        }
        // The child starts with default signal handling and nothing blocked, whatever teamsh set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        if let parentDirectory { _ = FileManager.default.changeCurrentDirectoryPath(parentDirectory) }
        for fd in childEnds { close(fd) }
        guard status == 0 else {
            for case let fd? in parentEnds { close(fd) }
            throw ChildProcessError(code: status)
        }
        let child = ChildProcess(pid: pid)
        child.stdinWrite = parentEnds[0]
        child.stdoutRead = parentEnds[1]
        child.stderrRead = parentEnds[2]
        return child
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Waits for the child to end: its exit code, or 128 + the signal that ended it (what .NET's
    /// Process.ExitCode reports on Unix).
    @discardableResult
    func wait() -> Int32 {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR {
                reaped = -1
                return -1
            }
        }
        let code = ChildProcess.exitCode(status)
        reaped = code
        return code
    }

    /// The exit code of a `waitpid` status: the program's own, or 128 + the ending signal.
    private static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Waits for the child as `wait()` does, but checks for a stop (Ctrl+C) between short
    /// naps, starting at 1 ms so quick programs cost no more than they take, and lets other
    /// parallel tasks run meanwhile.
    func waitStopping() throws -> Int32 {
        var nap: useconds_t = 1_000
        while true {
            if let reaped { return reaped }
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                let code = ChildProcess.exitCode(status)
                reaped = code
                return code
            }
            if r < 0 && errno != EINTR { return wait() }
            try PipelineStop.check()
            InterpreterLock.releasing { _ = usleep(nap) }
            nap = min(nap * 2, 50_000)
        }
    }

    /// Ends the child at once (pwsh's StopProcessing kills a native command it stops).
    func kill() {
        guard reaped == nil else { return }
        Glibc.kill(pid, SIGKILL)
    }

    /// Closes teamsh's end of the child's stdin (the child sees end of input).
    func closeStdin() {
        if let fd = stdinWrite { close(fd) }
        stdinWrite = nil
    }

    func closeOutputs() {
        if let fd = stdoutRead { close(fd) }
        if let fd = stderrRead { close(fd) }
        stdoutRead = nil
        stderrRead = nil
    }

    deinit {
        closeStdin()
        closeOutputs()
    }
}

/// A program that could not be started: the `errno` of the failure.
struct ChildProcessError: Error, CustomStringConvertible {
    let code: Int32
    var description: String { String(cString: strerror(code)) }
}

/// Splits bytes read from a program into lines as they complete (`\n`, a `\r` before it
/// dropped), keeping a partial last line until more arrives or the stream ends.
struct LineSplitter {
    private var pending: [UInt8] = []

    /// The lines completed by `bytes`.
    mutating func feed(_ bytes: ArraySlice<UInt8>) -> [String] {
        var lines: [String] = []
        for b in bytes {
            if b == 0x0A {
                if pending.last == 0x0D { pending.removeLast() }
                lines.append(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(b)
            }
        }
        return lines
    }

    /// The unfinished last line, if any, once the stream has ended.
    mutating func finish() -> String? {
        guard !pending.isEmpty else { return nil }
        if pending.last == 0x0D { pending.removeLast() }
        defer { pending = [] }
        return String(decoding: pending, as: UTF8.self)
    }
}
