import Foundation
import XCTest

/// teamsh in a private tmux server (its own socket, no user configuration), driven like a person
/// at a terminal: keys typed or pressed, the pane read back. The tests skip when tmux is not
/// installed. Waits poll the pane until what is expected shows, with generous limits, so a
/// loaded machine only makes them slower, not wrong.
final class TmuxSession {
    private let socket: String
    private let tmux: String
    let home: String

    /// The tmux binary on PATH, or nil.
    static var tmuxPath: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(dir) + "/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts `teamsh -NoProfile` in a `width`×`height` pane, with HOME in a new temporary folder
    /// (or `home`) and the given extra environment.
    init(width: Int = 100, height: Int = 30, home: String? = nil, environment: [String: String] = [:],
         arguments: [String] = []) throws {
        guard let tmux = TmuxSession.tmuxPath else { throw XCTSkip("tmux is not installed") }
        self.tmux = tmux
        let teamsh = try Harness.teamshBinary()
        socket = "teamsh-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        if let home {
            self.home = home
        } else {
            self.home = NSTemporaryDirectory() + "teamsh-home-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: self.home, withIntermediateDirectories: true)
        }
        var env = ["HOME": self.home, "TERM": "xterm-256color", "LANG": "en_US.UTF-8", "TZ": "UTC",
                   "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        env.merge(environment) { _, new in new }
        let command = ["env", "-i"] + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [teamsh, "-NoProfile"] + arguments
        try run(["new-session", "-d", "-x", String(width), "-y", String(height), "-c", self.home,
                 command.map(TmuxSession.quote).joined(separator: " ")])
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command and returns its stdout (posix_spawn and waitpid: Foundation's
    /// Process never sees the end of a tmux client whose server it forked).
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return "" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if arguments.first == "capture-pane" {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            // The server new-session starts must not hold our pipe open.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmux, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, tmux, &actions, nil, argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard status == 0 else { return "" }
        var data: [UInt8] = []
        if arguments.first == "capture-pane" {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n <= 0 { break }
                data += chunk[0..<n]
            }
        }
        var code: Int32 = 0
        while waitpid(pid, &code, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    /// Types text literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", "0", "-l", text]) }

    /// Presses keys by tmux's names (`Enter`, `C-c`, `M-b`, `C-Left`, `BSpace`).
    func press(_ keys: String...) throws { try run(["send-keys", "-t", "0"] + keys) }

    /// The pane's text (with `escapes`, its colours as escape sequences).
    func screen(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// Waits until `condition` holds for the screen; the screen then, or nil after `limit` seconds.
    func waitFor(_ limit: Double = 15, escapes: Bool = false, _ condition: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            let s = try screen(escapes: escapes)
            if condition(s) { return s }
            usleep(30_000)
        }
        return nil
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(text: String, limit: Double = 15) throws -> String {
        guard let s = try waitFor(limit, { $0.contains(text) }) else {
            XCTFail("the screen never showed \"\(text)\":\n" + ((try? screen()) ?? ""))
            return ""
        }
        return s
    }

    /// Types a command line and presses Enter.
    func run(command: String) throws {
        try type(command)
        try press("Enter")
    }
}
