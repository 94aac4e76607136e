import Foundation

/// One key press decoded from the terminal: its chord in PSReadLine's spelling (`Ctrl+a`,
/// `Alt+b`, `LeftArrow`, `Ctrl+LeftArrow`, `Enter`) and, for a printable key, its character.
struct Key: Equatable {
    var chord: String
    var character: Character?

    static func char(_ c: Character) -> Key { Key(chord: String(c), character: c) }
    static func named(_ chord: String) -> Key { Key(chord: chord, character: nil) }
}

/// Keys decoded from the terminal's bytes: UTF-8 text, control keys, Alt as an Escape prefix,
/// and the VT sequences of arrows, Home/End, Delete, function keys with their modifiers.
/// A read interrupted by a signal (Ctrl+C outside raw mode, a window resize) returns
/// `.interrupted` so the editor can react.
struct KeyReader {
    enum Event: Equatable {
        case key(Key)
        /// Pasted text (bracketed paste), inserted as it is.
        case paste(String)
        case interrupted
        case endOfInput
    }

    private var pending: [UInt8] = []
    /// Milliseconds to wait for the rest of an escape sequence (PSReadLine's AnsiEscapeTimeout).
    var escapeTimeout: Int32 = 100

    private mutating func byte(interruptible: Bool) -> UInt8?? {
        if !pending.isEmpty { return pending.removeFirst() }
        var b: UInt8 = 0
        while true {
            let n = read(0, &b, 1)
            if n == 1 { return b }
            if n < 0 && errno == EINTR {
                if interruptible { return .some(nil) }
                continue
            }
            return nil
        }
    }

    /// Whether another byte arrives within the escape timeout.
    private func ready() -> Bool {
        if !pending.isEmpty { return true }
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, escapeTimeout) > 0
    }

    private mutating func nextByte() -> UInt8? {
        guard case .some(.some(let b)) = byte(interruptible: false) else { return nil }
        return b
    }

    mutating func next() -> Event {
        guard let first = byte(interruptible: true) else { return .endOfInput }
        guard let b = first else { return .interrupted }
        switch b {
        case 0x0D, 0x0A: return .key(.named("Enter"))
        case 0x09: return .key(.named("Tab"))
        case 0x7F, 0x08: return .key(.named("Backspace"))
        case 0x1B: return escape()
        case 0x00: return .key(.named("Ctrl+@"))
        case 0x01...0x1A: return .key(.named("Ctrl+" + String(Character(UnicodeScalar(b + 0x60)))))
        case 0x1C: return .key(.named("Ctrl+\\"))
        case 0x1D: return .key(.named("Ctrl+]"))
        case 0x1E: return .key(.named("Ctrl+^"))
        case 0x1F: return .key(.named("Ctrl+_"))
        default: return .key(.char(utf8Character(b)))
        }
    }

    /// The character a UTF-8 lead byte starts.
    private mutating func utf8Character(_ lead: UInt8) -> Character {
        var bytes = [lead]
        let extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        for _ in 0..<extra {
            guard let c = nextByte() else { break }
            bytes.append(c)
        }
        return String(bytes: bytes, encoding: .utf8)?.first ?? "\u{FFFD}"
    }

    private mutating func escape() -> Event {
        guard ready(), let b = nextByte() else { return .key(.named("Escape")) }
        switch b {
        case 0x5B: return csi()
        case 0x4F:
            // SS3: F1–F4, and arrows/Home/End in application mode.
            guard let c = nextByte() else { return .key(.named("Escape")) }
            switch c {
            case 0x50: return .key(.named("F1"))
            case 0x51: return .key(.named("F2"))
            case 0x52: return .key(.named("F3"))
            case 0x53: return .key(.named("F4"))
            default: return .key(.named(final(c) ?? "Escape"))
            }
        case 0x7F, 0x08: return .key(.named("Alt+Backspace"))
        case 0x0D: return .key(.named("Alt+Enter"))
        case 0x01...0x1A: return .key(.named("Ctrl+Alt+" + String(Character(UnicodeScalar(b + 0x60)))))
        case 0x1D: return .key(.named("Ctrl+Alt+]"))
        case 0x1B: return .key(.named("Escape"))
        default:
            let c = utf8Character(b)
            return .key(.named("Alt+" + (c == " " ? "Spacebar" : String(c))))
        }
    }

    /// The key a CSI/SS3 final byte names.
    private func final(_ c: UInt8) -> String? {
        switch c {
        case 0x41: return "UpArrow"
        case 0x42: return "DownArrow"
        case 0x43: return "RightArrow"
        case 0x44: return "LeftArrow"
        case 0x48: return "Home"
        case 0x46: return "End"
        case 0x5A: return "Shift+Tab"
        default: return nil
        }
    }

    /// `ESC [ params final`: arrows and keys with an xterm modifier parameter
    /// (`1;5D` is Ctrl+LeftArrow), `~` keys, and bracketed paste.
    private mutating func csi() -> Event {
        var params = ""
        while let c = nextByte() {
            if (0x30...0x3F).contains(c) {
                params.append(Character(UnicodeScalar(c)))
                continue
            }
            let parts = params.split(separator: ";").map(String.init)
            let modifier = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
            var name: String?
            if c == 0x7E {
                let code = parts.first ?? ""
                if code == "200" { return .paste(readPaste()) }
                name = KeyReader.tildeKeys[code]
            } else {
                name = final(c)
                if name == "Shift+Tab" { return .key(.named("Shift+Tab")) }
            }
            guard let key = name else { return .key(.named("Unknown")) }
            return .key(.named(KeyReader.modifiers(modifier) + key))
        }
        return .key(.named("Escape"))
    }

    /// The keys of `ESC [ n ~` sequences by their number.
    static let tildeKeys: [String: String] = [
        "1": "Home", "7": "Home", "4": "End", "8": "End", "2": "Insert", "3": "Delete", "5": "PageUp", "6": "PageDown",
        "15": "F5", "17": "F6", "18": "F7", "19": "F8", "20": "F9", "21": "F10", "23": "F11", "24": "F12",
    ]

    /// The xterm modifier parameter (1 + Shift 1, Alt 2, Ctrl 4) as a chord prefix.
    static func modifiers(_ n: Int) -> String {
        let bits = max(0, n - 1)
        var prefix = ""
        if bits & 4 != 0 { prefix += "Ctrl+" }
        if bits & 2 != 0 { prefix += "Alt+" }
        if bits & 1 != 0 { prefix += "Shift+" }
        return prefix
    }

    /// Text up to the end of a bracketed paste (`ESC [ 201 ~`).
    private mutating func readPaste() -> String {
        var bytes: [UInt8] = []
        let end: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        while let b = nextByte() {
            bytes.append(b)
            if bytes.count >= end.count && Array(bytes.suffix(end.count)) == end {
                bytes.removeLast(end.count)
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
