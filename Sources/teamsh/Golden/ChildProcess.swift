import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One program run to completion with its output captured: what `teamsh -Golden` needs to run
/// a script the way the oracle ran pwsh (own folder, own environment, stdin from /dev/null) and
/// to stop it, with every process it started, when it runs too long.
struct ChildProcess {
    /// What a run printed and how it ended.
    struct Result {
        var stdout: String
        var stderr: String
        /// The exit status; nil after a timeout (or when the program died by a signal).
        var exitCode: Int32?
        var timedOut: Bool
    }

    let executable: String
    let arguments: [String]
    let directory: String
    let environment: [String: String]
    let timeout: TimeInterval

    /// Runs the program in a process group of its own, so a timeout can kill the whole group
    /// (a script's native children included).
    func run() -> Result {
        // The child starts in `directory`: glibc's spawn-time chdir is a GNU extension Swift
        // does not import, and the runner starts one child at a time, so the parent changes
        // its own folder around the spawn.
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory) else {
            return Result(stdout: "", stderr: "golden: cannot enter \(directory)\n", exitCode: nil, timedOut: false)
        }
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return spawnAndCollect()
    }

    private func spawnAndCollect() -> Result {
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            return Result(stdout: "", stderr: "golden: cannot create a pipe: \(String(cString: strerror(errno)))\n",
                          exitCode: nil, timedOut: false)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        for fd in stdoutPipe + stderrPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGTERM, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = [executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in
                posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnvp)
            }
        }
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard status == 0 else {
            close(stdoutPipe[0])
            close(stderrPipe[0])
            return Result(stdout: "", stderr: "golden: cannot run \(executable): \(String(cString: strerror(status)))\n",
                          exitCode: nil, timedOut: false)
        }
        let (out, err, timedOut) = collect(stdout: stdoutPipe[0], stderr: stderrPipe[0], pid: pid)
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        let exited = (waitStatus & 0x7f) == 0
        return Result(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      exitCode: exited && !timedOut ? (waitStatus >> 8) & 0xff : nil, timedOut: timedOut)
    }

    /// Reads both pipes until they close (a program that fills one while the other is not
    /// read would otherwise block forever), killing the process group at the deadline.
    private func collect(stdout: Int32, stderr: Int32, pid: pid_t) -> ([UInt8], [UInt8], Bool) {
        var buffers: [[UInt8]] = [[], []]
        var open = [stdout, stderr]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var chunk = [UInt8](repeating: 0, count: 65536)
        while open.contains(where: { $0 >= 0 }) {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    buffers[index].append(contentsOf: chunk[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[index].fd)
                    open[index] = -1
                }
            }
        }
        for fd in open where fd >= 0 { close(fd) }
        return (buffers[0], buffers[1], timedOut)
    }
}

/// Calls `body` with a NULL-terminated C array of the strings (argv/envp for posix_spawn).
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
