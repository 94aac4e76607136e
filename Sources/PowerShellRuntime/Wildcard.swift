import Foundation

/// `System.Management.Automation.WildcardPattern`: `*`, `?`, `[abc]`, `[a-z]` and backtick
/// escapes, matched against the whole string (case-insensitive unless asked). Used by
/// `-like`, `Where-Object -like`, `Get-Command X*`, Select-Object wildcard properties.
public struct WildcardPattern {
    enum Element {
        case literal(UInt16)
        case any          // ?
        case star         // *
        case set([(UInt16, UInt16)], negated: Bool)
    }

    let elements: [Element]
    public let pattern: String
    public let caseSensitive: Bool
    /// Set for patterns without wildcards: a plain string comparison.
    private let literalUnits: [UInt16]?

    public init(_ pattern: String, caseSensitive: Bool = false) {
        self.pattern = pattern
        self.caseSensitive = caseSensitive
        let u = Array(pattern.utf16)
        var els: [Element] = []
        var i = 0
        var hasWild = false
        while i < u.count {
            let c = u[i]
            switch c {
            case 0x60: // ` escape
                if i + 1 < u.count {
                    els.append(.literal(WildcardPattern.fold(u[i + 1], caseSensitive)))
                    i += 2
                } else {
                    i += 1
                }
                continue
            case 0x2A:
                hasWild = true
                if case .star? = els.last {} else { els.append(.star) }
            case 0x3F:
                hasWild = true
                els.append(.any)
            case 0x5B:
                // A set: ends at the next unescaped ']'; without one the '[' is literal.
                var j = i + 1
                var ranges: [(UInt16, UInt16)] = []
                var negated = false
                if j < u.count, u[j] == 0x21 || u[j] == 0x5E { negated = true; j += 1 }
                var closed = false
                var chars: [UInt16] = []
                while j < u.count {
                    if u[j] == 0x5D { closed = true; break }
                    if u[j] == 0x60, j + 1 < u.count { chars.append(u[j + 1]); j += 2; continue }
                    chars.append(u[j])
                    j += 1
                }
                if closed {
                    var k = 0
                    while k < chars.count {
                        if k + 2 < chars.count, chars[k + 1] == 0x2D {
                            ranges.append((WildcardPattern.fold(chars[k], caseSensitive), WildcardPattern.fold(chars[k + 2], caseSensitive)))
                            k += 3
                        } else {
                            let f = WildcardPattern.fold(chars[k], caseSensitive)
                            ranges.append((f, f))
                            k += 1
                        }
                    }
                    els.append(.set(ranges, negated: negated))
                    hasWild = true
                    i = j + 1
                    continue
                }
                els.append(.literal(WildcardPattern.fold(c, caseSensitive)))
            default:
                els.append(.literal(WildcardPattern.fold(c, caseSensitive)))
            }
            i += 1
        }
        elements = els
        if hasWild {
            literalUnits = nil
        } else {
            literalUnits = els.map { if case .literal(let c) = $0 { return c }; return 0 }
        }
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

    public func matches(_ s: String) -> Bool {
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
                case .set(let ranges, let negated):
                    var inSet = false
                    for (lo, hi) in ranges where c >= lo && c <= hi { inSet = true; break }
                    if inSet != negated { si += 1; pi += 1; continue }
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
