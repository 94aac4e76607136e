import Foundation
import PowerShellRuntime

/// Get-Date, New-TimeSpan and Start-Sleep.
enum DateCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Date", GetDateCommand.self),
        ("New-TimeSpan", NewTimeSpanCommand.self),
        ("Start-Sleep", StartSleepCommand.self),
    ]

    /// `Microsoft.PowerShell.Commands.DisplayHintType`, the note property Get-Date attaches.
    static let displayHintType = PSEnumDefinition(name: "DisplayHintType", fullName: "Microsoft.PowerShell.Commands.DisplayHintType",
                                                  members: [("Date", 0), ("Time", 1), ("DateTime", 2)])
}

/// Calendar arithmetic on a DateTime's ticks, as .NET's DateTime methods do it.
struct CalendarDate {
    var ticks: Int64
    var kind: PSDateTime.Kind

    init(_ d: PSDateTime) {
        ticks = d.ticks
        kind = d.kind
    }

    var civil: (year: Int, month: Int, day: Int) { Ticks.civil(ticks / Ticks.perDay) }
    var timeTicks: Int64 { ticks % Ticks.perDay }
    var hour: Int { Int(timeTicks / Ticks.perHour) }
    var minute: Int { Int(timeTicks / Ticks.perMinute % 60) }
    var second: Int { Int(timeTicks / Ticks.perSecond % 60) }
    var millisecond: Int { Int(timeTicks / Ticks.perMillisecond % 1000) }
    /// 0 = Sunday.
    var dayOfWeek: Int { Int((ticks / Ticks.perDay + 1) % 7) }
    var dayOfYear: Int {
        let c = civil
        return Int(ticks / Ticks.perDay - Ticks.days(year: c.year, month: 1, day: 1)) + 1
    }

    var value: PSDateTime { PSDateTime(ticks: ticks, kind: kind) }

    /// False when the result would fall outside 0001-01-01 … 9999-12-31.
    mutating func add(ticks delta: Int64) -> Bool {
        let (sum, overflow) = ticks.addingReportingOverflow(delta)
        guard !overflow, sum >= 0, sum <= Ticks.max else { return false }
        ticks = sum
        return true
    }

    mutating func addMonths(_ months: Int) -> Bool {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        guard (1...9999).contains(y), total >= 0 else { return false }
        let d = min(c.day, Ticks.daysInMonth(y, m))
        ticks = Ticks.days(year: y, month: m, day: d) * Ticks.perDay + timeTicks
        return true
    }

    /// Seconds since 1970-01-01 UTC (Unspecified and Local count as local time).
    var unixSeconds: Double {
        var utc = ticks
        if kind != .utc { utc -= Ticks.localOffset(localTicks: ticks) }
        return Double(utc - Ticks.unixEpoch) / Double(Ticks.perSecond)
    }
}

/// `Get-Date [[-Date] <datetime>] [-Year …] [-Format <string> | -UFormat <string>] [-DisplayHint …] [-AsUTC] [-UnixTimeSeconds <long>]`
final class GetDateCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        var date: CalendarDate
        if let v = rt.bound["Date"], case .object(let o) = v, let d = o as? PSDateTime {
            date = CalendarDate(d)
        } else if let secs = rt.bound["UnixTimeSeconds"], !secs.isNull {
            let s = (try? Conversion.toInt64(secs)) ?? 0
            let utc = Ticks.unixEpoch + s * Ticks.perSecond
            date = CalendarDate(PSDateTime(ticks: utc + Ticks.localOffset(utcTicks: utc), kind: .local))
        } else {
            date = CalendarDate(PSDateTime.now())
        }
        try adjust(&date, rt)
        if rt.bound.isOn("AsUTC"), date.kind != .utc {
            date = CalendarDate(PSDateTime(ticks: date.ticks - Ticks.localOffset(localTicks: date.ticks), kind: .utc))
        }
        if let uformat = rt.bound.string("UFormat") {
            try rt.writeObject(.string(UFormat.format(date, uformat)))
            return
        }
        if let format = rt.bound.string("Format") {
            try rt.writeObject(.string(try GetDateCommand.format(date, format, rt)))
            return
        }
        let result = date.value
        let hint = try rt.enumParameter("DisplayHint", typeName: DateCmdlets.displayHintType.fullName,
                                        names: ["Date", "Time", "DateTime"]) ?? "DateTime"
        let table = PSMemberTable()
        let hintValue: Int64 = hint == "Date" ? 0 : (hint == "Time" ? 1 : 2)
        table.set(PSMember(name: "DisplayHint", kind: .noteProperty(.object(PSEnumValue(DateCmdlets.displayHintType, hintValue)))))
        result.instanceMembers = table
        try rt.writeObject(.object(result))
    }

    /// Applies -Year … -Millisecond as pwsh does: each part moved by the difference from the
    /// current value (so a day past the month's end rolls over).
    private func adjust(_ date: inout CalendarDate, _ rt: CommandRuntime) throws {
        var ok = true
        if let y = rt.bound.int("Year") { ok = ok && date.addMonths((y - date.civil.year) * 12) }
        if let m = rt.bound.int("Month") { ok = ok && date.addMonths(m - date.civil.month) }
        if let d = rt.bound.int("Day") { ok = ok && date.add(ticks: Int64(d - date.civil.day) * Ticks.perDay) }
        if let h = rt.bound.int("Hour") { ok = ok && date.add(ticks: Int64(h - date.hour) * Ticks.perHour) }
        if let m = rt.bound.int("Minute") { ok = ok && date.add(ticks: Int64(m - date.minute) * Ticks.perMinute) }
        if let s = rt.bound.int("Second") { ok = ok && date.add(ticks: Int64(s - date.second) * Ticks.perSecond) }
        if let ms = rt.bound.int("Millisecond") { ok = ok && date.add(ticks: Int64(ms - date.millisecond) * Ticks.perMillisecond) }
        if !ok {
            try rt.throwTerminating(rt.makeError(.argumentOutOfRangeException,
                                                 "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')",
                                                 errorId: "System.ArgumentOutOfRangeException", category: .NotSpecified))
        }
    }

    /// `-Format`: the FileDate names, else a .NET date format string.
    static func format(_ date: CalendarDate, _ format: String, _ rt: CommandRuntime) throws -> String {
        var d = date
        var f = format
        switch format.lowercased() {
        case "filedate": f = "yyyyMMdd"
        case "filedateuniversal": d = toUtc(date); f = "yyyyMMdd'Z'"
        case "filedatetime": f = "yyyyMMdd'T'HHmmssffff"
        case "filedatetimeuniversal": d = toUtc(date); f = "yyyyMMdd'T'HHmmssffff'Z'"
        default: break
        }
        do {
            return try d.value.format(f)
        } catch {
            try rt.throwTerminating(rt.makeError(.formatException, "Input string was not in a correct format.",
                                                 errorId: "System.FormatException", category: .NotSpecified))
        }
    }

    static func toUtc(_ d: CalendarDate) -> CalendarDate {
        guard d.kind != .utc else { return d }
        return CalendarDate(PSDateTime(ticks: d.ticks - Ticks.localOffset(localTicks: d.ticks), kind: .utc))
    }
}

/// Get-Date's `-UFormat`: Unix `date` specifiers with pwsh's meanings (which differ from
/// strftime for some: `%W` is DayOfYear / 7 unpadded, `%c` is `ddd dd MMM yyyy HH:mm:ss`).
enum UFormat {
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    static func pad(_ v: Int, _ n: Int, _ fill: Character = "0") -> String {
        let s = String(v)
        return String(repeating: fill, count: max(0, n - s.count)) + s
    }

    static func format(_ d: CalendarDate, _ f: String) -> String {
        var out = ""
        // A leading `+` (as `date +FORMAT` takes it) is dropped.
        var chars = Array(f.hasPrefix("+") ? String(f.dropFirst()) : f)[...]
        let c = d.civil
        let h12 = d.hour % 12 == 0 ? 12 : d.hour % 12
        while let ch = chars.popFirst() {
            guard ch == "%", let spec = chars.popFirst() else {
                out.append(ch)
                continue
            }
            switch spec {
            case "a": out += String(days[d.dayOfWeek].prefix(3))
            case "A": out += days[d.dayOfWeek]
            case "b", "h": out += String(months[c.month - 1].prefix(3))
            case "B": out += months[c.month - 1]
            case "c": out += "\(days[d.dayOfWeek].prefix(3)) \(pad(c.day, 2)) \(months[c.month - 1].prefix(3)) \(pad(c.year, 4)) \(pad(d.hour, 2)):\(pad(d.minute, 2)):\(pad(d.second, 2))"
            case "C": out += String(c.year / 100)
            case "d": out += pad(c.day, 2)
            case "D", "x": out += "\(pad(c.month, 2))/\(pad(c.day, 2))/\(pad(c.year % 100, 2))"
            case "e": out += pad(c.day, 2, " ")
            case "F": out += "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
            case "g": out += pad(isoYear(d) % 100, 2)
            case "G": out += pad(isoYear(d), 4)
            case "H": out += pad(d.hour, 2)
            case "I": out += pad(h12, 2)
            case "j": out += pad(d.dayOfYear, 3)
            case "k": out += pad(d.hour, 2, " ")
            case "l": out += pad(h12, 2, " ")
            case "m": out += pad(c.month, 2)
            case "M": out += pad(d.minute, 2)
            case "n": out += "\n"
            case "p": out += d.hour < 12 ? "AM" : "PM"
            case "r": out += "\(pad(h12, 2)):\(pad(d.minute, 2)):\(pad(d.second, 2)) \(d.hour < 12 ? "AM" : "PM")"
            case "R": out += "\(pad(d.hour, 2)):\(pad(d.minute, 2))"
            case "s": out += String(Int64(d.unixSeconds.rounded(.toNearestOrAwayFromZero)))
            case "S": out += pad(d.second, 2)
            case "t": out += "\t"
            case "T", "X": out += "\(pad(d.hour, 2)):\(pad(d.minute, 2)):\(pad(d.second, 2))"
            case "u": out += String(d.dayOfWeek == 0 ? 7 : d.dayOfWeek)
            case "U":
                let jan1 = Int((Ticks.days(year: c.year, month: 1, day: 1) + 1) % 7)
                out += pad(((jan1 + 6) % 7 + d.dayOfYear - d.dayOfWeek) / 7, 2)
            case "V": out += pad(isoWeek(d), 2)
            case "w": out += String(d.dayOfWeek)
            case "W": out += String(d.dayOfYear / 7)
            case "y": out += pad(c.year % 100, 2)
            case "Y": out += pad(c.year, 4)
            case "Z":
                let off = d.kind == .utc ? 0 : Ticks.localOffset(localTicks: d.ticks)
                let hours = Int(abs(off) / Ticks.perHour)
                out += (off < 0 ? "-" : "+") + pad(hours, 2)
            case "%": out += "%"
            default: out.append(spec)
            }
        }
        return out
    }

    /// ISO 8601 week number (weeks start on Monday; week 1 holds the first Thursday).
    static func isoWeek(_ d: CalendarDate) -> Int {
        let wd = (d.dayOfWeek + 6) % 7 + 1
        let week = (d.dayOfYear - wd + 10) / 7
        let y = d.civil.year
        if week < 1 { return weeksInYear(y - 1) }
        if week > weeksInYear(y) { return 1 }
        return week
    }

    static func isoYear(_ d: CalendarDate) -> Int {
        let wd = (d.dayOfWeek + 6) % 7 + 1
        let week = (d.dayOfYear - wd + 10) / 7
        let y = d.civil.year
        if week < 1 { return y - 1 }
        if week > weeksInYear(y) { return y + 1 }
        return y
    }

    static func weeksInYear(_ y: Int) -> Int {
        func p(_ y: Int) -> Int { (y + y / 4 - y / 100 + y / 400) % 7 }
        return p(y) == 4 || p(y - 1) == 3 ? 53 : 52
    }
}

/// `New-TimeSpan [[-Start] <datetime>] [[-End] <datetime>]` or `-Days … -Milliseconds`.
final class NewTimeSpanCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if rt.bound.parameterSetName == "Time" || ["Days", "Hours", "Minutes", "Seconds", "Milliseconds"].contains(where: { rt.bound.has($0) }) {
            let d = Int64(rt.bound.int("Days") ?? 0), h = Int64(rt.bound.int("Hours") ?? 0)
            let m = Int64(rt.bound.int("Minutes") ?? 0), s = Int64(rt.bound.int("Seconds") ?? 0)
            let ms = Int64(rt.bound.int("Milliseconds") ?? 0)
            let ticks = d * Ticks.perDay + h * Ticks.perHour + m * Ticks.perMinute + s * Ticks.perSecond
                + ms * Ticks.perMillisecond
            try rt.writeObject(.object(PSTimeSpan(ticks: ticks)))
            return
        }
        let now = PSDateTime.now()
        let start = (rt.bound["Start"]?.reference as? PSDateTime) ?? now
        let end = (rt.bound["End"]?.reference as? PSDateTime) ?? now
        try rt.writeObject(.object(PSTimeSpan(ticks: end.ticks - start.ticks)))
    }
}

/// `Start-Sleep [-Seconds] <double> | -Milliseconds <int> | -Duration <timespan>`
final class StartSleepCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        var seconds = 0.0
        if let ms = rt.bound["Milliseconds"], !ms.isNull {
            seconds = Double((try? Conversion.toInt64(ms)) ?? 0) / 1000
        } else if let d = rt.bound["Duration"]?.reference as? PSTimeSpan {
            // StartSleepCommand.cs: a Duration past int.MaxValue milliseconds is refused.
            let limit = Int64(Int32.max) * Ticks.perMillisecond
            if d.ticks > limit {
                let most = Conversion.toString(.object(PSTimeSpan(ticks: limit))), given = Conversion.toString(.object(d))
                try rt.throwTerminating(rt.makeError(.psArgumentException,
                    "The '-Duration' parameter value must not exceed '\(most)', provided value was '\(given)'.",
                    errorId: "MaximumDurationExceeded", category: .InvalidArgument))
            }
            seconds = Double(d.ticks) / Double(Ticks.perSecond)
        } else if let s = rt.bound["Seconds"], !s.isNull {
            seconds = (try? Conversion.toDouble(s)) ?? 0
        }
        // Sleeps in short slices so Ctrl+C (PipelineStop) ends the wait promptly.
        let deadline = Date().addingTimeInterval(min(seconds, 2_147_483.647))
        while true {
            try PipelineStop.check()
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { break }
            // Other parallel tasks run while this one sleeps.
            InterpreterLock.releasing { Thread.sleep(forTimeInterval: min(remaining, 0.05)) }
        }
    }
}
