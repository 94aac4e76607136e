/// Screen cells a string takes, and the line splitting the writers share (pwsh's
/// `DisplayCells` and `StringManipulationHelper`). Strings are measured per UTF-16 unit, as pwsh
/// does.
// NOTE: pwsh counts every UTF-16 unit as one cell except the East Asian wide ranges (two cells);
// combining marks count one and a surrogate pair counts two. We follow pwsh, not wcwidth, so
// column widths match it byte for byte.
public enum DisplayCells {
    /// Cells one UTF-16 unit takes.
    @inline(__always)
    public static func width(_ c: UInt16) -> Int {
        guard c >= 0x1100 else { return 1 }
        let wide = c <= 0x115F || c == 0x2329 || c == 0x232A
            || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
            || (c >= 0xAC00 && c <= 0xD7A3)
            || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0xFE10 && c <= 0xFE19)
            || (c >= 0xFE30 && c <= 0xFE6F)
            || (c >= 0xFF00 && c <= 0xFF60)
            || (c >= 0xFFE0 && c <= 0xFFE6)
        return wide ? 2 : 1
    }

    /// Cells a string takes.
    public static func width(_ s: String) -> Int {
        var n = 0
        var allASCII = true
        for u in s.utf8 where u >= 0x80 { allASCII = false; break }
        if allASCII { return s.utf8.count }
        for u in s.utf16 { n += width(u) }
        return n
    }

    static func width(_ units: ArraySlice<UInt16>) -> Int {
        var n = 0
        for u in units { n += width(u) }
        return n
    }

    /// How many leading units of `units[offset...]` fit in `cells` (pwsh's TruncateTail).
    static func fitFromHead(_ units: [UInt16], offset: Int = 0, cells: Int) -> Int {
        var filled = 0, count = 0
        var k = offset
        while k < units.count {
            let w = width(units[k])
            if filled + w > cells { break }
            filled += w
            count += 1
            if filled == cells { break }
            k += 1
        }
        return count
    }

    /// How many trailing units fit in `cells` (pwsh's TruncateHead returns count - this).
    static func fitFromTail(_ units: [UInt16], cells: Int) -> Int {
        var filled = 0, count = 0
        var k = units.count - 1
        while k >= 0 {
            let w = width(units[k])
            if filled + w > cells { break }
            filled += w
            count += 1
            if filled == cells { break }
            k -= 1
        }
        return count
    }

    static func string(_ units: ArraySlice<UInt16>) -> String {
        String(decoding: units, as: UTF16.self)
    }

    static func spaces(_ n: Int) -> String {
        n > 0 ? String(repeating: " ", count: n) : ""
    }
}

/// Line handling shared by the table, list and complex writers.
enum TextLines {
    /// Splits on `\n` and drops `\r` (pwsh's SplitLines).
    static func split(_ s: String) -> [String] {
        if !s.utf16.contains(0x0A) {
            return s.utf16.contains(0x0D) ? [s.replacingOccurrences(of: "\r", with: "")] : [s]
        }
        var out: [String] = []
        var cur: [UInt16] = []
        for u in s.utf16 {
            if u == 0x0A {
                out.append(String(decoding: cur, as: UTF16.self))
                cur.removeAll(keepingCapacity: true)
            } else if u != 0x0D {
                cur.append(u)
            }
        }
        out.append(String(decoding: cur, as: UTF16.self))
        return out
    }

    /// The text up to the first line break, with `…` when something was cut.
    static func truncateAtNewLine(_ s: String) -> String {
        guard let i = s.utf16.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return s }
        return String(s.utf16[s.utf16.startIndex..<i]).map { $0 + "\u{2026}" } ?? s
    }

    /// Breaks text into lines of at most `firstLineLen` (first) and `followingLinesLen` cells,
    /// at word boundaries (pwsh's GenerateLinesWithWordWrap, used for en-* cultures).
    static func generateLines(_ val: String, firstLineLen: Int, followingLinesLen: Int) -> [String] {
        if val.isEmpty { return [val] }
        var result: [String] = []
        for line in split(val) {
            if DisplayCells.width(line) <= firstLineLen {
                result.append(line)
                continue
            }
            wrapWords(line, firstLineLen: firstLineLen, followingLinesLen: followingLinesLen, into: &result)
        }
        return result
    }

    private static func wrapWords(_ line: String, firstLineLen: Int, followingLinesLen: Int, into result: inout [String]) {
        var spacesLeft = firstLineLen
        var lineWidth = firstLineLen
        var firstLine = true
        var single: [UInt16] = []
        for word in words(line) {
            var toAdd = word.word
            if word.delim == 0xAD {
                if DisplayCells.width(toAdd[...]) + 1 == spacesLeft { toAdd.append(0x2D) }
            } else if word.delim != 0 && word.delim != 0xFFFF {
                toAdd.append(word.delim)
            }
            let wordWidth = DisplayCells.width(toAdd[...])
            if lineWidth == 0 {
                if firstLine {
                    firstLine = false
                    lineWidth = followingLinesLen
                }
                if lineWidth == 0 { break }
                spacesLeft = lineWidth
            }
            if wordWidth > lineWidth {
                for var c in toAdd {
                    var cw = DisplayCells.width(c)
                    if cw > lineWidth {
                        c = 0x3F
                        cw = 1
                    }
                    if cw > spacesLeft {
                        result.append(String(decoding: single, as: UTF16.self))
                        single = [c]
                        if firstLine {
                            firstLine = false
                            lineWidth = followingLinesLen
                        }
                        spacesLeft = lineWidth - cw
                    } else {
                        single.append(c)
                        spacesLeft -= cw
                    }
                }
            } else if wordWidth > spacesLeft {
                result.append(String(decoding: single, as: UTF16.self))
                single = toAdd
                if firstLine {
                    firstLine = false
                    lineWidth = followingLinesLen
                }
                spacesLeft = lineWidth - wordWidth
            } else {
                single.append(contentsOf: toAdd)
                spacesLeft -= wordWidth
            }
        }
        result.append(String(decoding: single, as: UTF16.self))
    }

    /// Words and the delimiter that ended each: a space, tab or soft hyphen (kept), or a hard
    /// hyphen / no-break space (0xFFFF: dropped); 0 for the last word.
    private static func words(_ s: String) -> [(word: [UInt16], delim: UInt16)] {
        var out: [(word: [UInt16], delim: UInt16)] = []
        var cur: [UInt16] = []
        for u in s.utf16 {
            switch u {
            case 0x20, 0x09, 0xAD:
                out.append((cur, u))
                cur = []
            case 0x2011, 0xA0:
                out.append((cur, 0xFFFF))
                cur = []
            default:
                cur.append(u)
            }
        }
        out.append((cur, 0))
        return out
    }
}
