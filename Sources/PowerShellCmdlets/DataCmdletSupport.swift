import Foundation
import PowerShellRuntime

/// Small helpers the data, file and environment cmdlets share.
extension CommandRuntime {

    /// A parameter of an enum type the runtime does not model: its value matched
    /// case-insensitively against the enum's names (or a number, an index into `names`).
    /// Throws pwsh's binding error for anything else.
    func enumParameter(_ name: String, typeName: String, names: [String]) throws -> String? {
        guard let v = bound[name], !v.isNull else { return nil }
        if case .object(let o) = v, let e = o as? PSEnumValue {
            let t = e.toPSString()
            if let m = names.first(where: { $0.caseInsensitiveCompare(t) == .orderedSame }) { return m }
        }
        let s = text(v).trimmingCharacters(in: .whitespaces)
        if let m = names.first(where: { $0.caseInsensitiveCompare(s) == .orderedSame }) { return m }
        let detail = "Cannot convert value \"\(s)\" to type \"\(typeName)\". Error: \"Unable to match the identifier name \(s) to a valid enumerator name. Specify one of the following enumerator names and try again:\n\(names.joined(separator: ", "))\""
        let record = makeError(.parameterBindingArgumentTransformationException,
                               "Cannot bind parameter '\(name)'. \(detail)",
                               errorId: "CannotConvertArgumentNoMessage", category: .InvalidArgument, target: .null)
        try throwTerminating(record)
    }
}

/// .NET's text for numbers where it differs from pwsh's display text.
enum DotNetNumberText {
    /// `double.ToString("R", InvariantCulture)` on .NET Core 3.0+: the shortest text that reads
    /// back to the same double, in scientific notation from 1E+15 up and from 1E-05 down.
    static func roundTrip(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Swift's description is also the shortest round-trip text; take its digits and exponent.
        var s = "\(d.magnitude)"
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(s[s.index(after: e)...]) ?? 0
            s = String(s[..<e])
        }
        var intPart = s
        var frac = ""
        if let dot = s.firstIndex(of: ".") {
            intPart = String(s[..<dot])
            frac = String(s[s.index(after: dot)...])
        }
        var digits = intPart + frac
        var pointPos = intPart.count + exp
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPos -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let sciExp = pointPos - 1
        let sign = d < 0 ? "-" : ""
        if sciExp >= 15 || sciExp < -4 {
            var m = String(digits.prefix(1))
            if digits.count > 1 { m += "." + digits.dropFirst() }
            let e = abs(sciExp)
            return sign + m + "E" + (sciExp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        if pointPos <= 0 { return sign + "0." + String(repeating: "0", count: -pointPos) + digits }
        if pointPos >= digits.count { return sign + digits + String(repeating: "0", count: pointPos - digits.count) }
        let i = digits.index(digits.startIndex, offsetBy: pointPos)
        return sign + digits[..<i] + "." + digits[i...]
    }

    /// `float.ToString("R")`: as `roundTrip` for the shortest Float text.
    static func roundTrip(_ f: Float) -> String {
        if f.isNaN || f.isInfinite { return roundTrip(Double(f)) }
        return roundTrip(Double("\(f)") ?? Double(f))
    }
}

/// Date arithmetic on .NET ticks (100 ns since 0001-01-01), for cmdlets that build dates.
enum DateTicks {
    static let perMillisecond: Int64 = 10_000
    static let perSecond: Int64 = 10_000_000
    static let perMinute: Int64 = 600_000_000
    static let perHour: Int64 = 36_000_000_000
    static let perDay: Int64 = 864_000_000_000
    static let unixEpoch: Int64 = 621_355_968_000_000_000
    static let max: Int64 = 3_155_378_975_999_999_999

    /// Days since 0001-01-01.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 719_162
    }

    static func civil(_ dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber - 719_162 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The local zone's offset from UTC, in ticks, at a UTC instant.
    static func localOffset(utcTicks: Int64) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(utcTicks - unixEpoch) / Double(perSecond))
        return Int64(TimeZone.current.secondsFromGMT(for: date)) * perSecond
    }

    /// The local offset of a local wall-clock time (approximated at the same ticks taken as UTC).
    static func localOffset(localTicks: Int64) -> Int64 {
        let guess = localOffset(utcTicks: localTicks)
        return localOffset(utcTicks: localTicks - guess)
    }
}
