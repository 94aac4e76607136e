import Foundation

/// `System.Management.Automation.WildcardPattern`: `*`, `?`, `[abc]`, `[a-z]` and backtick
/// escapes, matched against the whole string (case-insensitive unless asked). Used by
/// `-like`, `Where-Object -like`, `Get-Command X*`, Select-Object wildcard properties.
public struct WildcardPattern {
    enum Element {
        case literal(UInt16)
        case any          // ?
        case star         // *
        case set([(UInt16, UInt16)])
    }

    let elements: [Element]
    public let pattern: String
    public let caseSensitive: Bool
    /// Set for patterns without wildcards: a plain string comparison.
    private let literalUnits: [UInt16]?
    /// False for an unclosed `[` or a reversed range (`[z-a]`): pwsh raises
    /// "The specified wildcard character pattern is not valid: …" (see `validationError`).
    public let isValid: Bool

    /// pwsh's grammar: a backtick escapes the next character (inside brackets too); `]` right
    /// after `[` is literal; `-` between two characters in brackets is a range; there is no
    /// negation. A trailing backtick is literal, except that the pattern "`" alone is empty.
    public init(_ pattern: String, caseSensitive: Bool = false) {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        let u = Array(pattern.utf16)
        var els: [Element] = []
        var hasWild = false
        var valid = true
        var escaped = false
        var inBracket = false
        var bracketJustOpened = false
        var setChars: [UInt16] = []
        var setIsRangeOp: [Bool] = []
        for c in u {
            if inBracket {
                if c == 0x5D && !bracketJustOpened && !escaped {
                    inBracket = false
                    var ranges: [(UInt16, UInt16)] = []
                    var k = 0
                    while k < setChars.count {
                        if k + 2 < setChars.count, setIsRangeOp[k + 1] {
                            let lo = setChars[k], hi = setChars[k + 2]
                            if lo > hi { valid = false }
                            ranges.append((lo, hi))
                            k += 3
                        } else {
                            ranges.append((setChars[k], setChars[k]))
                            k += 1
                        }
                    }
                    els.append(.set(ranges))
                } else if c != 0x60 || escaped {
                    setChars.append(c)
                    setIsRangeOp.append(c == 0x2D && !escaped)
                }
                bracketJustOpened = false
            } else if c == 0x2A && !escaped {
                hasWild = true
                if case .star? = els.last {} else { els.append(.star) }
            } else if c == 0x3F && !escaped {
                hasWild = true
                els.append(.any)
            } else if c == 0x5B && !escaped {
                hasWild = true
                inBracket = true
                bracketJustOpened = true
                setChars = []
                setIsRangeOp = []
            } else if c != 0x60 || escaped {
                els.append(.literal(WildcardPattern.fold(c, caseSensitive)))
            }
            escaped = c == 0x60 && !escaped
        }
        if inBracket { valid = false }
        if escaped && pattern != "`" { els.append(.literal(0x60)) }
        elements = els
        isValid = valid
        if hasWild {
            literalUnits = nil
        } else {
            literalUnits = els.map { if case .literal(let c) = $0 { return c }; return 0 }
        }
    }

    /// The error pwsh raises for an invalid pattern (WildcardPatternException).
    public var validationError: RuntimeError? {
        if isValid { return nil }
        let message = "The specified wildcard character pattern is not valid: \(pattern)"
        let ex = PSExceptionObject(.wildcardPatternException, message)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "WildcardPattern_Invalid", category: .InvalidArgument))
    }

    /// True when the text has `*`, `?` or `[` not escaped by a backtick.
    public static func containsWildcard(_ s: String) -> Bool {
        var escaped = false
        for c in s.utf16 {
            if escaped { escaped = false; continue }
            switch c {
            case 0x60: escaped = true
            case 0x2A, 0x3F, 0x5B: return true
            default: break
            }
        }
        return false
    }

    /// Removes backtick escapes (`WildcardPattern.Unescape`).
    public static func unescape(_ s: String) -> String {
        var out: [UInt16] = []
        var escaped = false
        for c in s.utf16 {
            if escaped { out.append(c); escaped = false; continue }
            if c == 0x60 { escaped = true; continue }
            out.append(c)
        }
        if escaped { out.append(0x60) }
        return String(decoding: out, as: UTF16.self)
    }

    /// `[WildcardPattern]::Unescape`: a backtick goes only before a wildcard character (`*?[]`)
    /// or another backtick; before anything else it stays.
    public static func unescapeWildcards(_ s: String) -> String {
        var out: [UInt16] = []
        var escaped = false
        for c in s.utf16 {
            if c == 0x60 {
                if escaped { out.append(c) }
                escaped.toggle()
                continue
            }
            if escaped && !(c == 0x2A || c == 0x3F || c == 0x5B || c == 0x5D) { out.append(0x60) }
            out.append(c)
            escaped = false
        }
        if escaped { out.append(0x60) }
        return String(decoding: out, as: UTF16.self)
    }

    /// Escapes wildcard characters with backticks (`WildcardPattern.Escape`).
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "*" || c == "?" || c == "[" || c == "]" || c == "`" { out.append("`") }
            out.append(c)
        }
        return out
    }

    @inline(__always)
    static func fold(_ c: UInt16, _ caseSensitive: Bool) -> UInt16 {
        if caseSensitive { return c }
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        return StringCompare.lowerInvariant(c)
    }

    /// Bracket sets hold characters as written; case-insensitive patterns try both cases.
    private func setContains(_ ranges: [(UInt16, UInt16)], _ c: UInt16) -> Bool {
        for (lo, hi) in ranges where c >= lo && c <= hi { return true }
        if caseSensitive { return false }
        let lower = WildcardPattern.fold(c, false)
        let upper = StringCompare.upperInvariant(c)
        for (lo, hi) in ranges {
            if lower >= lo && lower <= hi { return true }
            if upper >= lo && upper <= hi { return true }
        }
        return false
    }

    /// False for invalid patterns (see `validationError`).
    public func matches(_ s: String) -> Bool {
        if !isValid { return false }
        let u = Array(s.utf16)
        if let lit = literalUnits {
            guard lit.count == u.count else { return false }
            for i in 0..<u.count where WildcardPattern.fold(u[i], caseSensitive) != lit[i] { return false }
            return true
        }
        // Iterative glob matching with single-star backtracking (linear in practice).
        var si = 0, pi = 0
        var starPi = -1, starSi = 0
        while si < u.count {
            if pi < elements.count {
                let c = WildcardPattern.fold(u[si], caseSensitive)
                switch elements[pi] {
                case .star:
                    starPi = pi
                    starSi = si
                    pi += 1
                    continue
                case .any:
                    si += 1; pi += 1
                    continue
                case .literal(let l):
                    if l == c { si += 1; pi += 1; continue }
                case .set(let ranges):
                    if setContains(ranges, u[si]) { si += 1; pi += 1; continue }
                }
            }
            if starPi >= 0 {
                pi = starPi + 1
                starSi += 1
                si = starSi
                continue
            }
            return false
        }
        while pi < elements.count, case .star = elements[pi] { pi += 1 }
        return pi == elements.count
    }
}
