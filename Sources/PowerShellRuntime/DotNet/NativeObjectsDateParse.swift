import Foundation

/// DateTime.Parse / ParseExact for the forms scripts use (ISO 8601, en-US M/d/yyyy, month
/// names, RFC 1123, time alone). A trailing `Z` or offset gives a Local time, as .NET does.
extension PSDateTime {
    /// DateTime.Parse; nil when the text is not a date .NET would accept.
    public static func parse(_ text: String) -> PSDateTime? {
        var tokens = DateTokens(text)
        guard !tokens.items.isEmpty else { return nil }
        return tokens.parse()
    }

    /// DateTime.ParseExact with one of `formats` (custom specifiers); nil on mismatch.
    public static func parseExact(_ text: String, formats: [String]) -> PSDateTime? {
        for f in formats {
            let custom: String
            switch f {
            case "d": custom = "M/d/yyyy"
            case "D": custom = "dddd, MMMM d, yyyy"
            case "g": custom = "M/d/yyyy h:mm tt"
            case "G": custom = "M/d/yyyy h:mm:ss tt"
            case "s": custom = "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
            case "u": custom = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
            case "o", "O": custom = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"
            case "t": custom = "h:mm tt"
            case "T": custom = "h:mm:ss tt"
            default: custom = f
            }
            var parser = ExactParser(text: text, format: custom)
            if let d = parser.parse() { return d }
        }
        return nil
    }
}

/// A date/time text split into numbers, words and separators.
private struct DateTokens {
    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case sep(Character)
    }

    var items: [Token] = []
    var fraction: Int64 = 0
    var offset: Int64?

    init(_ text: String) {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                var j = i
                while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
                let digits = String(chars[i..<j])
                // A fraction of seconds directly after "hh:mm:ss.".
                if items.count >= 4, items.last == .sep("."), case .number = items[items.count - 2], items[items.count - 3] == .sep(":") {
                    items.removeLast()
                    let f = String(digits.prefix(7))
                    fraction = (Int64(f) ?? 0) * Int64(pow(10.0, Double(7 - f.count)))
                } else {
                    items.append(.number(Int(digits.prefix(9)) ?? 0, digits: digits.count))
                }
                i = j
            } else if c.isLetter {
                var j = i
                while j < chars.count && chars[j].isLetter { j += 1 }
                items.append(.word(String(chars[i..<j]).lowercased()))
                i = j
            } else if (c == "+" || c == "-") && i + 5 <= chars.count && items.contains(.sep(":")),
                      let h = Int(String(chars[(i + 1)..<(i + 3)])) {
                var k = i + 3
                if k < chars.count && chars[k] == ":" { k += 1 }
                let m = k + 2 <= chars.count ? Int(String(chars[k..<(k + 2)])) ?? 0 : 0
                offset = (c == "-" ? -1 : 1) * (Int64(h) * Ticks.perHour + Int64(m) * Ticks.perMinute)
                i = min(k + 2, chars.count)
            } else if c == " " || c == "," {
                i += 1
            } else {
                items.append(.sep(c))
                i += 1
            }
        }
    }

    private func month(_ w: String) -> Int? {
        guard w.count >= 3 else { return nil }
        return DateNames.months.firstIndex { $0.lowercased().hasPrefix(w) && (w.count == 3 || $0.lowercased() == w) }.map { $0 + 1 }
    }

    private func isDayName(_ w: String) -> Bool {
        DateNames.days.contains { $0.lowercased() == w || $0.lowercased().prefix(3) == w }
    }

    mutating func parse() -> PSDateTime? {
        var year: Int?, mon: Int?, day: Int?
        var hour = 0, minute = 0, second = 0
        var hasTime = false
        var pm: Bool?
        var utc = false
        var dateNumbers: [(Int, Int)] = []
        var i = 0
        var dateSeparator: Character?
        while i < items.count {
            switch items[i] {
            case .number(let n, let digits):
                if i + 1 < items.count, items[i + 1] == .sep(":") {
                    // h:mm[:ss]
                    guard i + 2 < items.count, case .number(let m, _) = items[i + 2] else { return nil }
                    hour = n
                    minute = m
                    i += 3
                    if i + 1 < items.count, items[i] == .sep(":"), case .number(let s, _) = items[i + 1] {
                        second = s
                        i += 2
                    }
                    hasTime = true
                    continue
                }
                dateNumbers.append((n, digits))
                i += 1
            case .word(let w):
                if w == "am" || w == "pm" { pm = w == "pm" } else if w == "z" || w == "gmt" || w == "utc" { utc = true } else if w == "t" {
                } else if let m = month(w) { mon = m } else if !isDayName(w) { return nil }
                i += 1
            case .sep(let c):
                if c == "/" || c == "-" || c == "." {
                    if dateSeparator == nil { dateSeparator = c } else if dateSeparator != c { return nil }
                } else {
                    return nil
                }
                i += 1
            }
        }
        if let m = mon {
            // Month by name: "March 5, 2024", "5 March 2024", "Tue, 05 Mar 2024".
            for (n, digits) in dateNumbers {
                if digits >= 3 || n > 31 { year = n } else if day == nil { day = n } else { year = n < 100 ? 2000 + n : n }
            }
            if year == nil { year = PSDateTime.now().civil.year }
            _ = m
        } else if dateNumbers.count == 3 {
            let (a, ad) = dateNumbers[0], (b, _) = dateNumbers[1], (c, cd) = dateNumbers[2]
            if ad >= 3 {
                year = a; mon = b; day = c
            } else {
                mon = a; day = b
                year = cd <= 2 ? (c < 50 ? 2000 + c : 1900 + c) : c
            }
        } else if dateNumbers.count == 2 {
            mon = dateNumbers[0].0
            day = dateNumbers[1].0
            year = PSDateTime.now().civil.year
        } else if dateNumbers.isEmpty && hasTime {
            let today = PSDateTime.now().civil
            year = today.year; mon = today.month; day = today.day
        } else {
            return nil
        }
        if let isPM = pm {
            guard hour >= 1 && hour <= 12 else { return nil }
            hour = hour % 12 + (isPM ? 12 : 0)
        }
        guard let y = year, let mo = mon, let d = day,
              let base = PSDateTime.make(y, mo, d, hour, minute, second) else { return nil }
        let t = base.ticks + fraction
        if utc || offset != nil {
            let utcTicks = t - (offset ?? 0)
            return PSDateTime(ticks: utcTicks + Ticks.localOffset(utcTicks: utcTicks), kind: .local)
        }
        return PSDateTime(ticks: t, kind: .unspecified)
    }
}

/// ParseExact: walks the custom format and the text together.
private struct ExactParser {
    let text: [Character]
    let format: [Character]
    var pos = 0

    init(text: String, format: String) {
        self.text = Array(text)
        self.format = Array(format)
    }

    private mutating func digits(_ minCount: Int, _ maxCount: Int) -> Int? {
        var n = 0, count = 0
        while pos < text.count, count < maxCount, let v = text[pos].wholeNumberValue, text[pos].isASCII {
            n = n * 10 + v
            pos += 1
            count += 1
        }
        return count >= minCount ? n : nil
    }

    private mutating func word(_ names: [String], prefix: Int?) -> Int? {
        for (k, name) in names.enumerated() {
            let candidate = prefix.map { String(name.prefix($0)) } ?? name
            let end = pos + candidate.count
            if end <= text.count, String(text[pos..<end]).lowercased() == candidate.lowercased() {
                pos = end
                return k
            }
        }
        return nil
    }

    mutating func parse() -> PSDateTime? {
        var y = 1, mo = 1, d = 1, h = 0, mi = 0, s = 0
        var frac: Int64 = 0
        var pm: Bool?
        var offset: Int64?
        var i = 0
        while i < format.count {
            let ch = format[i]
            var n = 1
            while i + n < format.count && format[i + n] == ch { n += 1 }
            switch ch {
            case "y":
                guard let v = digits(n <= 2 ? n : 4, n <= 2 ? 2 : max(4, n)) else { return nil }
                y = n <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : v
            case "M":
                if n >= 3 {
                    guard let k = word(DateNames.months, prefix: n == 3 ? 3 : nil) else { return nil }
                    mo = k + 1
                } else {
                    guard let v = digits(n, 2) else { return nil }
                    mo = v
                }
            case "d":
                if n >= 3 {
                    guard word(DateNames.days, prefix: n == 3 ? 3 : nil) != nil else { return nil }
                } else {
                    guard let v = digits(n, 2) else { return nil }
                    d = v
                }
            case "H", "h":
                guard let v = digits(n, 2) else { return nil }
                h = v
            case "m":
                guard let v = digits(n, 2) else { return nil }
                mi = v
            case "s":
                guard let v = digits(n, 2) else { return nil }
                s = v
            case "f", "F":
                let start = pos
                guard let v = digits(ch == "f" ? n : 0, n) else { return nil }
                let count = pos - start
                frac = Int64(v) * Int64(pow(10.0, Double(7 - count)))
            case "t":
                guard pos < text.count else { return nil }
                let rest = String(text[pos...]).uppercased()
                if rest.hasPrefix(n == 1 ? "A" : "AM") { pm = false } else if rest.hasPrefix(n == 1 ? "P" : "PM") { pm = true } else { return nil }
                pos += n == 1 ? 1 : 2
            case "K", "z":
                if pos < text.count && (text[pos] == "Z" || text[pos] == "z") {
                    offset = 0
                    pos += 1
                } else if pos < text.count && (text[pos] == "+" || text[pos] == "-") {
                    let neg = text[pos] == "-"
                    pos += 1
                    guard let oh = digits(1, 2) else { return nil }
                    var om = 0
                    if pos < text.count && text[pos] == ":" {
                        pos += 1
                        guard let v = digits(2, 2) else { return nil }
                        om = v
                    }
                    offset = (neg ? -1 : 1) * (Int64(oh) * Ticks.perHour + Int64(om) * Ticks.perMinute)
                } else if ch == "z" {
                    return nil
                }
            case "'", "\"":
                var j = i + 1
                while j < format.count && format[j] != ch {
                    guard pos < text.count, text[pos] == format[j] else { return nil }
                    pos += 1
                    j += 1
                }
                n = j - i + 1
            case "\\":
                guard i + 1 < format.count, pos < text.count, text[pos] == format[i + 1] else { return nil }
                pos += 1
                n = 2
            case "%":
                n = 1
            default:
                for _ in 0..<n {
                    guard pos < text.count, text[pos] == ch else { return nil }
                    pos += 1
                }
            }
            i += n
        }
        guard pos == text.count else { return nil }
        if let isPM = pm {
            guard h >= 1 && h <= 12 else { return nil }
            h = h % 12 + (isPM ? 12 : 0)
        }
        guard let base = PSDateTime.make(y, mo, d, h, mi, s) else { return nil }
        let t = base.ticks + frac
        if let off = offset {
            let utcTicks = t - off
            return PSDateTime(ticks: utcTicks + Ticks.localOffset(utcTicks: utcTicks), kind: .local)
        }
        return PSDateTime(ticks: t)
    }
}
