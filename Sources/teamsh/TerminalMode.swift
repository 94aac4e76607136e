import Foundation
import PowerShellRuntime

/// The terminal's modes: raw while the line editor reads keys, the original (cooked) modes
/// while a command runs, and restored on every way out (exit, fatal signals).
enum TerminalMode {
    /// The modes teamsh found at start-up.
    nonisolated(unsafe) private static var original = termios()
    nonisolated(unsafe) private static var saved = false

    /// Remembers the terminal's modes and installs the handlers that restore them.
    static func setUp() {
        guard tcgetattr(0, &original) == 0 else { return }
        saved = true
        atexit { TerminalMode.restore() }
        for s in [SIGTERM, SIGHUP, SIGQUIT] {
            var fatal = sigaction()
            fatal.__sigaction_handler.sa_handler = { sig in
                if TerminalMode.saved { tcsetattr(0, TCSANOW, &TerminalMode.original) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&fatal.sa_mask)
            sigaction(s, &fatal, nil)
        }
    }

    /// Key-at-a-time input without echo or signals (Ctrl+C arrives as a byte). Output
    /// processing stays on, so `\n` still starts a new line.
    static func enterRaw() {
        guard saved else { return }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &raw)
    }

    /// The modes a running command gets: the original ones, with Ctrl+C raising SIGINT but
    /// not echoing `^C` (pwsh returns to the prompt silently).
    static func enterCommand() {
        guard saved else { return }
        var cooked = original
        cooked.c_lflag &= ~tcflag_t(ECHOCTL)
        cooked.c_lflag |= tcflag_t(ISIG)
        tcsetattr(0, TCSANOW, &cooked)
    }

    /// Ctrl+C (SIGINT) stops the running pipeline instead of ending teamsh, in every mode: the
    /// REPL returns to the prompt, `-File`/`-Command` run their `finally` blocks and exit as
    /// pwsh does. No SA_RESTART, so a blocking read returns and the stop is noticed.
    static func installInterruptHandler() {
        // Touch the flags before a handler can run, so the handler never initialises them.
        PipelineStop.reset()
        var interrupt = sigaction()
        interrupt.__sigaction_handler.sa_handler = { _ in PipelineStop.interrupt() }
        sigemptyset(&interrupt.sa_mask)
        sigaction(SIGINT, &interrupt, nil)
    }

    nonisolated(unsafe) private static var resized = false

    /// A window resize (SIGWINCH) interrupts the line editor's read so it draws the input again
    /// at the new width; output after it is formatted at the new width too.
    static func installResizeHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in TerminalMode.resized = true }
        sigemptyset(&action.sa_mask)
        sigaction(SIGWINCH, &action, nil)
    }

    /// Whether a resize happened since the last call.
    static func takeResize() -> Bool {
        defer { resized = false }
        return resized
    }

    static func restore() {
        guard saved else { return }
        tcsetattr(0, TCSANOW, &original)
    }

    /// The terminal's width in columns.
    static func width() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
