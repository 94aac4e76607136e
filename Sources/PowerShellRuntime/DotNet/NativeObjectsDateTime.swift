import Foundation

/// Tick arithmetic shared by DateTime and TimeSpan (a tick is 100 ns, as in .NET).
public enum Ticks {
    public static let perMillisecond: Int64 = 10_000
    public static let perSecond: Int64 = 10_000_000
    public static let perMinute: Int64 = 600_000_000
    public static let perHour: Int64 = 36_000_000_000
    public static let perDay: Int64 = 864_000_000_000
    /// DateTime.MaxValue.Ticks.
    public static let max: Int64 = 3_155_378_975_999_999_999
    /// Ticks of 1970-01-01T00:00:00.
    public static let unixEpoch: Int64 = 621_355_968_000_000_000

    /// Days since 0001-01-01 of a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 719_162
    }

    /// The civil date of a day number (days since 0001-01-01).
    public static func civil(_ dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
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

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Seconds east of UTC of the local time zone at a UTC instant.
    public static func localOffset(utcTicks: Int64) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(utcTicks - unixEpoch) / Double(perSecond))
        return Int64(TimeZone.current.secondsFromGMT(for: date)) * perSecond
    }

    /// The local offset of a local wall-clock time (approximated at the same ticks taken as UTC).
    public static func localOffset(localTicks: Int64) -> Int64 {
        let guess = localOffset(utcTicks: localTicks)
        return localOffset(utcTicks: localTicks - guess)
    }
}

/// en-US names used by date formatting and parsing.
enum DateNames {
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
}

/// System.DateTime: ticks since 0001-01-01 and a kind (Unspecified, Utc, Local).
public final class PSDateTime: PSDotNetObject {
    public enum Kind: Int { case unspecified = 0, utc = 1, local = 2 }

    public let ticks: Int64
    public let kind: Kind

    public init(ticks: Int64, kind: Kind = .unspecified) {
        self.ticks = min(max(ticks, 0), Ticks.max)
        self.kind = kind
    }

    /// A date from parts; nil when a part is out of range.
    public static func make(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, _ ms: Int = 0, kind: Kind = .unspecified) -> PSDateTime? {
        guard (1...9999).contains(y), (1...12).contains(mo), d >= 1, d <= Ticks.daysInMonth(y, mo),
              (0...23).contains(h), (0...59).contains(mi), (0...59).contains(s), (0...999).contains(ms) else { return nil }
        let t = Ticks.days(year: y, month: mo, day: d) * Ticks.perDay + Int64(h) * Ticks.perHour + Int64(mi) * Ticks.perMinute
            + Int64(s) * Ticks.perSecond + Int64(ms) * Ticks.perMillisecond
        return PSDateTime(ticks: t, kind: kind)
    }

    /// `[datetime]::Now` (Local).
    public static func now() -> PSDateTime {
        let utc = utcNow().ticks
        return PSDateTime(ticks: utc + Ticks.localOffset(utcTicks: utc), kind: .local)
    }

    /// `[datetime]::UtcNow`.
    public static func utcNow() -> PSDateTime {
        let seconds = Date().timeIntervalSince1970
        return PSDateTime(ticks: Ticks.unixEpoch + Int64((seconds * Double(Ticks.perSecond)).rounded(.down)), kind: .utc)
    }

    var dayNumber: Int64 { ticks / Ticks.perDay }
    var civil: (year: Int, month: Int, day: Int) { Ticks.civil(dayNumber) }
    var timeTicks: Int64 { ticks % Ticks.perDay }
    var hour: Int { Int(timeTicks / Ticks.perHour) }
    var minute: Int { Int(timeTicks / Ticks.perMinute % 60) }
    var second: Int { Int(timeTicks / Ticks.perSecond % 60) }
    var millisecond: Int { Int(timeTicks / Ticks.perMillisecond % 1000) }
    var dayOfWeek: Int { Int((dayNumber + 1) % 7) }
    var dayOfYear: Int {
        let c = civil
        return Int(dayNumber - Ticks.days(year: c.year, month: 1, day: 1)) + 1
    }

    public override var typeFullName: String { "System.DateTime" }
    public override var typeHierarchy: [String] { [typeFullName, "System.ValueType", "System.Object"] }

    public override var propertyNames: [String] {
        ["Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond", "Microsecond", "Nanosecond", "Minute",
         "Month", "Second", "Ticks", "TimeOfDay", "Year", "DateTime"]
    }

    public override var methodNames: [String] {
        ["Add", "AddDays", "AddHours", "AddMicroseconds", "AddMilliseconds", "AddMinutes", "AddMonths", "AddSeconds",
         "AddTicks", "AddYears", "CompareTo", "Equals", "GetHashCode", "IsDaylightSavingTime", "Subtract", "ToBinary",
         "ToFileTime", "ToFileTimeUtc", "ToLocalTime", "ToLongDateString", "ToLongTimeString", "ToOADate",
         "ToShortDateString", "ToShortTimeString", "ToString", "ToUniversalTime"]
    }

    /// `"$date"`: the invariant culture's general format.
    public override func toPSString() -> String { formatCustom("MM/dd/yyyy HH:mm:ss") }

    /// `.ToString()`: en-US general format. The en-US patterns of .NET 8 on ICU put a narrow
    /// no-break space (U+202F) before AM/PM, and pwsh 7.6 on Linux prints it.
    public override var dotnetString: String { formatCustom("M/d/yyyy h:mm:ss\u{202F}tt") }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "year": return .int(Int32(civil.year))
        case "month": return .int(Int32(civil.month))
        case "day": return .int(Int32(civil.day))
        case "hour": return .int(Int32(hour))
        case "minute": return .int(Int32(minute))
        case "second": return .int(Int32(second))
        case "millisecond": return .int(Int32(millisecond))
        case "microsecond": return .int(Int32(timeTicks / 10 % 1000))
        case "nanosecond": return .int(Int32(timeTicks % 10 * 100))
        case "dayofweek": return .object(PSEnumValue(DotNetEnums.dayOfWeek, Int64(dayOfWeek)))
        case "dayofyear": return .int(Int32(dayOfYear))
        case "date": return .object(PSDateTime(ticks: dayNumber * Ticks.perDay, kind: kind))
        case "timeofday": return .object(PSTimeSpan(ticks: timeTicks))
        case "ticks": return .long(ticks)
        case "kind": return .object(PSEnumValue(DotNetEnums.dateTimeKind, Int64(kind.rawValue)))
        case "datetime":
            // The DateTime script property honours a DisplayHint note (Get-Date -DisplayHint).
            var hint = ""
            if let m = instanceMembers?.get("DisplayHint"), case .noteProperty(let v) = m.kind { hint = Conversion.toString(v).lowercased() }
            if hint == "date" { return .string(formatCustom("dddd, MMMM d, yyyy")) }
            if hint == "time" { return .string(formatCustom("h:mm:ss\u{202F}tt")) }
            return .string(formatCustom("dddd, MMMM d, yyyy h:mm:ss\u{202F}tt"))
        default: return nil
        }
    }

    public override func compare(to other: Value) -> Int? { other.reference.flatMap(order) }
    public override func isEqual(to other: Value) -> Bool? { other.reference.flatMap(order).map { $0 == 0 } ?? false }

    /// The order against another object of the same type; nil for any other object.
    func order(_ other: PSObjectBase) -> Int? {
        guard let o = other as? PSDateTime else { return nil }
        return ticks < o.ticks ? -1 : (ticks > o.ticks ? 1 : 0)
    }

    /// `$date - $date`, `$date - $span`, `$date + $span`.
    public override func binaryOperator(_ name: String, _ other: Value) throws -> Value? {
        guard case .object(let o) = other else { return nil }
        do {
            switch (name, o) {
            case ("op_Subtraction", let d as PSDateTime): return .object(PSTimeSpan(ticks: ticks - d.ticks))
            case ("op_Subtraction", let t as PSTimeSpan): return .object(try adding(-t.ticks))
            case ("op_Addition", let t as PSTimeSpan): return .object(try adding(t.ticks))
            default: return nil
            }
        } catch MemberFailure.dotnet(let type, let message) {
            throw RuntimeError(type, message, errorId: PSExceptionObject(type, message).typeName, category: .NotSpecified)
        }
    }

    private func adding(_ delta: Int64) throws -> PSDateTime {
        let (sum, overflow) = ticks.addingReportingOverflow(delta)
        guard !overflow, sum >= 0, sum <= Ticks.max else {
            throw MemberFailure.dotnet(.argumentOutOfRangeException, "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')")
        }
        return PSDateTime(ticks: sum, kind: kind)
    }

    /// DateTime.AddUnits: whole units exactly, the fraction truncated to ticks.
    private func adding(_ value: Double, _ perUnit: Int64) throws -> PSDateTime {
        guard value.isFinite, abs(value) * Double(perUnit) <= Double(Ticks.max) else {
            throw MemberFailure.dotnet(.argumentOutOfRangeException, "Value to add was out of range. (Parameter 'value')")
        }
        let whole = value.rounded(.towardZero)
        return try adding(Int64(whole) * perUnit + Int64((value - whole) * Double(perUnit)))
    }

    func addingMonths(_ months: Int) throws -> PSDateTime {
        guard (-120_000...120_000).contains(months) else {
            throw MemberFailure.dotnet(.argumentOutOfRangeException, "Value to add was out of range. (Parameter 'months')")
        }
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        guard (1...9999).contains(y) else {
            throw MemberFailure.dotnet(.argumentOutOfRangeException, "The added or subtracted value results in an un-representable DateTime. (Parameter 'months')")
        }
        let d = min(c.day, Ticks.daysInMonth(y, m))
        return PSDateTime(ticks: Ticks.days(year: y, month: m, day: d) * Ticks.perDay + timeTicks, kind: kind)
    }

    public func toUniversal() -> PSDateTime {
        if kind == .utc { return self }
        return PSDateTime(ticks: ticks - Ticks.localOffset(utcTicks: ticks), kind: .utc)
    }

    public func toLocal() -> PSDateTime {
        if kind == .local { return self }
        return PSDateTime(ticks: ticks + Ticks.localOffset(utcTicks: ticks), kind: .local)
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "adddays", "addhours", "addminutes", "addseconds", "addmilliseconds", "addmicroseconds":
            try a.expect(1)
            let per: Int64
            switch name {
            case "adddays": per = Ticks.perDay
            case "addhours": per = Ticks.perHour
            case "addminutes": per = Ticks.perMinute
            case "addseconds": per = Ticks.perSecond
            case "addmilliseconds": per = Ticks.perMillisecond
            default: per = 10
            }
            return .object(try adding(try a.double(0, "value"), per))
        case "addticks":
            try a.expect(1)
            return .object(try adding(try a.long(0, "value")))
        case "addmonths":
            try a.expect(1)
            return .object(try addingMonths(try a.int(0, "months")))
        case "addyears":
            try a.expect(1)
            let years = try a.int(0, "value")
            guard (-10_000...10_000).contains(years) else { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Years value must be between +/-10000. (Parameter 'value')") }
            return .object(try addingMonths(years * 12))
        case "add":
            try a.expect(1)
            return .object(try adding(try PSTimeSpan.ticks(of: a[0], a, "value")))
        case "subtract":
            try a.expect(1)
            if case .object(let o) = a[0], let other = o as? PSDateTime {
                return .object(PSTimeSpan(ticks: ticks - other.ticks))
            }
            return .object(try adding(-(try PSTimeSpan.ticks(of: a[0], a, "value"))))
        case "tostring":
            try a.expect(0...2)
            if a.count == 0 || a[0].isNull { return .string(dotnetString) }
            guard case .string(let f) = a[0] else { return .string(dotnetString) }
            return .string(try format(f))
        case "toshortdatestring": return .string(formatCustom("M/d/yyyy"))
        case "tolongdatestring": return .string(formatCustom("dddd, MMMM d, yyyy"))
        case "toshorttimestring": return .string(formatCustom("h:mm\u{202F}tt"))
        case "tolongtimestring": return .string(formatCustom("h:mm:ss\u{202F}tt"))
        case "touniversaltime": return .object(toUniversal())
        case "tolocaltime": return .object(toLocal())
        case "isdaylightsavingtime":
            let date = Date(timeIntervalSince1970: Double(toUniversal().ticks - Ticks.unixEpoch) / Double(Ticks.perSecond))
            return .bool(TimeZone.current.isDaylightSavingTime(for: date))
        case "tofiletime", "tofiletimeutc":
            return .long(toUniversal().ticks - 504_911_232_000_000_000)
        case "tobinary":
            return .long(ticks | (Int64(kind.rawValue) << 62))
        case "tooadate":
            return .double(Double(ticks - 599_264_352_000_000_000) / Double(Ticks.perDay))
        case "compareto":
            try a.expect(1)
            if a[0].isNull { return .int(1) }
            guard case .object(let o) = a[0], let c = order(o) else { throw MemberFailure.dotnet(.argumentException, "Object must be of type DateTime.") }
            return .int(Int32(c))
        case "equals":
            try a.expect(1)
            guard case .object(let o) = a[0], let c = order(o) else { return .bool(false) }
            return .bool(c == 0)
        case "gethashcode":
            return .int(Int32(truncatingIfNeeded: ticks) ^ Int32(truncatingIfNeeded: ticks >> 32))
        default:
            return nil
        }
    }

    // MARK: - Formatting

    /// DateTime.ToString(format) with en-US standard formats and .NET custom specifiers.
    public func format(_ f: String) throws -> String {
        if f.isEmpty { return dotnetString }
        if f.count == 1 {
            switch f {
            case "d": return formatCustom("M/d/yyyy")
            case "D": return formatCustom("dddd, MMMM d, yyyy")
            case "f": return formatCustom("dddd, MMMM d, yyyy h:mm\u{202F}tt")
            case "F": return formatCustom("dddd, MMMM d, yyyy h:mm:ss\u{202F}tt")
            case "g": return formatCustom("M/d/yyyy h:mm\u{202F}tt")
            case "G": return formatCustom("M/d/yyyy h:mm:ss\u{202F}tt")
            case "m", "M": return formatCustom("MMMM d")
            case "o", "O": return formatCustom("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK")
            case "r", "R": return (kind == .local ? toUniversal() : self).formatCustom("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'")
            case "s": return formatCustom("yyyy'-'MM'-'dd'T'HH':'mm':'ss")
            case "t": return formatCustom("h:mm\u{202F}tt")
            case "T": return formatCustom("h:mm:ss\u{202F}tt")
            case "u": return (kind == .local ? toUniversal() : self).formatCustom("yyyy'-'MM'-'dd HH':'mm':'ss'Z'")
            case "U": return toUniversal().formatCustom("dddd, MMMM d, yyyy h:mm:ss\u{202F}tt")
            case "y", "Y": return formatCustom("MMMM yyyy")
            default: throw MemberFailure.dotnet(.formatException, "Input string was not in a correct format.")
            }
        }
        return formatCustom(f)
    }

    /// The local offset this date shows for `z`/`K` specifiers.
    private var offsetTicks: Int64 {
        kind == .utc ? 0 : Ticks.localOffset(utcTicks: ticks)
    }

    /// Formats with .NET custom date and time specifiers.
    func formatCustom(_ f: String) -> String {
        let p = Array(f)
        var out = ""
        let c = civil
        var i = 0
        func run(_ ch: Character) -> Int {
            var n = 1
            while i + n < p.count && p[i + n] == ch { n += 1 }
            return n
        }
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        while i < p.count {
            let ch = p[i]
            switch ch {
            case "d":
                let n = run(ch)
                out += n == 1 ? String(c.day) : n == 2 ? pad(c.day, 2) : n == 3 ? String(DateNames.days[dayOfWeek].prefix(3)) : DateNames.days[dayOfWeek]
                i += n
            case "M":
                let n = run(ch)
                out += n == 1 ? String(c.month) : n == 2 ? pad(c.month, 2) : n == 3 ? String(DateNames.months[c.month - 1].prefix(3)) : DateNames.months[c.month - 1]
                i += n
            case "y":
                let n = run(ch)
                out += n == 1 ? String(c.year % 100) : n == 2 ? pad(c.year % 100, 2) : pad(c.year, n)
                i += n
            case "h":
                let n = run(ch)
                let h12 = hour % 12 == 0 ? 12 : hour % 12
                out += n == 1 ? String(h12) : pad(h12, 2)
                i += n
            case "H":
                let n = run(ch)
                out += n == 1 ? String(hour) : pad(hour, 2)
                i += n
            case "m":
                let n = run(ch)
                out += n == 1 ? String(minute) : pad(minute, 2)
                i += n
            case "s":
                let n = run(ch)
                out += n == 1 ? String(second) : pad(second, 2)
                i += n
            case "f", "F":
                let n = min(run(ch), 7)
                let frac = pad(Int(timeTicks % Ticks.perSecond), 7).prefix(n)
                if ch == "f" {
                    out += frac
                } else {
                    var trimmed = String(frac)
                    while trimmed.hasSuffix("0") { trimmed.removeLast() }
                    if trimmed.isEmpty && out.hasSuffix(".") { out.removeLast() }
                    out += trimmed
                }
                i += run(ch)
            case "t":
                let n = run(ch)
                let designator = hour < 12 ? "AM" : "PM"
                out += n == 1 ? String(designator.prefix(1)) : designator
                i += n
            case "g":
                out += "A.D."
                i += run(ch)
            case "K":
                switch kind {
                case .utc: out += "Z"
                case .local: out += offsetText(offsetTicks, full: true)
                case .unspecified: break
                }
                i += 1
            case "z":
                let n = run(ch)
                let off = offsetTicks
                let sign = off < 0 ? "-" : "+"
                let hours = Int(abs(off) / Ticks.perHour)
                out += n == 1 ? sign + String(hours) : n == 2 ? sign + pad(hours, 2) : offsetText(off, full: true)
                i += n
            case ":": out += ":"; i += 1
            case "/": out += "/"; i += 1
            case "'", "\"":
                i += 1
                while i < p.count && p[i] != ch {
                    if p[i] == "\\" && i + 1 < p.count { i += 1 }
                    out.append(p[i])
                    i += 1
                }
                i += 1
            case "%":
                i += 1
            case "\\":
                if i + 1 < p.count { out.append(p[i + 1]) }
                i += 2
            default:
                out.append(ch)
                i += 1
            }
        }
        return out
    }

    private func offsetText(_ off: Int64, full: Bool) -> String {
        let sign = off < 0 ? "-" : "+"
        let total = abs(off) / Ticks.perMinute
        return sign + String(format: "%02d:%02d", Int(total / 60), Int(total % 60))
    }
}

/// System.TimeSpan.
public final class PSTimeSpan: PSDotNetObject {
    public let ticks: Int64

    public init(ticks: Int64) {
        self.ticks = ticks
    }

    public static let zero = PSTimeSpan(ticks: 0)

    public override var typeFullName: String { "System.TimeSpan" }
    public override var typeHierarchy: [String] { [typeFullName, "System.ValueType", "System.Object"] }

    public override var propertyNames: [String] {
        ["Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes", "Seconds", "TotalDays",
         "TotalHours", "TotalMilliseconds", "TotalMicroseconds", "TotalNanoseconds", "TotalMinutes", "TotalSeconds"]
    }

    /// The properties pwsh's TimeSpan list view shows.
    public override var defaultDisplayProperties: [String]? {
        ["Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours", "TotalMinutes",
         "TotalSeconds", "TotalMilliseconds"]
    }

    public override var methodNames: [String] {
        ["Add", "CompareTo", "Divide", "Duration", "Equals", "GetHashCode", "Multiply", "Negate", "Subtract", "ToString"]
    }

    public override func toPSString() -> String { formatConstant() }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "ticks": return .long(ticks)
        case "days": return .int(Int32(truncatingIfNeeded: ticks / Ticks.perDay))
        case "hours": return .int(Int32(ticks / Ticks.perHour % 24))
        case "minutes": return .int(Int32(ticks / Ticks.perMinute % 60))
        case "seconds": return .int(Int32(ticks / Ticks.perSecond % 60))
        case "milliseconds": return .int(Int32(ticks / Ticks.perMillisecond % 1000))
        case "microseconds": return .int(Int32(ticks / 10 % 1000))
        case "nanoseconds": return .int(Int32(ticks % 10 * 100))
        case "totaldays": return .double(Double(ticks) / Double(Ticks.perDay))
        case "totalhours": return .double(Double(ticks) / Double(Ticks.perHour))
        case "totalminutes": return .double(Double(ticks) / Double(Ticks.perMinute))
        case "totalseconds": return .double(Double(ticks) / Double(Ticks.perSecond))
        case "totalmilliseconds": return .double(Double(ticks) / Double(Ticks.perMillisecond))
        case "totalmicroseconds": return .double(Double(ticks) / 10)
        case "totalnanoseconds": return .double(Double(ticks) * 100)
        default: return nil
        }
    }

    public override func compare(to other: Value) -> Int? { other.reference.flatMap(order) }
    public override func isEqual(to other: Value) -> Bool? { other.reference.flatMap(order).map { $0 == 0 } ?? false }

    /// The order against another object of the same type; nil for any other object.
    func order(_ other: PSObjectBase) -> Int? {
        guard let o = other as? PSTimeSpan else { return nil }
        return ticks < o.ticks ? -1 : (ticks > o.ticks ? 1 : 0)
    }

    /// `$span + $span`, `$span - $span`, `$span / $span`.
    public override func binaryOperator(_ name: String, _ other: Value) throws -> Value? {
        guard case .object(let o) = other, let t = o as? PSTimeSpan else { return nil }
        let result: (Int64, Bool)
        switch name {
        case "op_Addition": result = ticks.addingReportingOverflow(t.ticks)
        case "op_Subtraction": result = ticks.subtractingReportingOverflow(t.ticks)
        case "op_Division": return .double(Double(ticks) / Double(t.ticks))
        default: return nil
        }
        if result.1 {
            throw RuntimeError(.overflowException, "TimeSpan overflowed because the duration is too long.", errorId: "OverflowException", category: .NotSpecified)
        }
        return .object(PSTimeSpan(ticks: result.0))
    }

    /// The ticks of a TimeSpan argument (a TimeSpan, or a string/number converted to one).
    static func ticks(of v: Value, _ a: MethodArgs, _ parameter: String) throws -> Int64 {
        if case .object(let o) = v, let t = o as? PSTimeSpan { return t.ticks }
        if case .string(let s) = v, let t = parse(s) { return t.ticks }
        switch v {
        case .int(let i): return Int64(i)
        case .long(let l): return l
        default:
            throw MemberFailure.conversion(parameter: parameter, value: v, type: "System.TimeSpan",
                                           message: "Cannot convert the \"\(Conversion.toString(v, hooks: a.hooks))\" value of type \"\(Members.typeFullName(v))\" to type \"System.TimeSpan\".")
        }
    }

    private static func overflow() -> MemberFailure {
        .dotnet(.overflowException, "TimeSpan overflowed because the duration is too long.")
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "add", "subtract":
            try a.expect(1)
            let other = try PSTimeSpan.ticks(of: a[0], a, "ts")
            let (r, o) = name == "add" ? ticks.addingReportingOverflow(other) : ticks.subtractingReportingOverflow(other)
            if o { throw PSTimeSpan.overflow() }
            return .object(PSTimeSpan(ticks: r))
        case "negate":
            try a.expect(0)
            if ticks == Int64.min { throw MemberFailure.dotnet(.overflowException, "Negating the minimum value of a twos complement number is invalid.") }
            return .object(PSTimeSpan(ticks: -ticks))
        case "duration":
            try a.expect(0)
            if ticks == Int64.min { throw PSTimeSpan.overflow() }
            return .object(PSTimeSpan(ticks: abs(ticks)))
        case "multiply", "divide":
            try a.expect(1)
            if name == "divide", case .object(let o) = a[0], let t = o as? PSTimeSpan {
                return .double(Double(ticks) / Double(t.ticks))
            }
            let f = try a.double(0, name == "multiply" ? "factor" : "divisor")
            let r = name == "multiply" ? Double(ticks) * f : Double(ticks) / f
            guard r.isFinite, abs(r) < 9.2e18 else { throw PSTimeSpan.overflow() }
            return .object(PSTimeSpan(ticks: Int64(r.rounded())))
        case "tostring":
            try a.expect(0...2)
            if a.count == 0 || a[0].isNull { return .string(formatConstant()) }
            return .string(try format(a.string(0)))
        case "compareto":
            try a.expect(1)
            if a[0].isNull { return .int(1) }
            return .int(Int32(order(PSTimeSpan(ticks: try PSTimeSpan.ticks(of: a[0], a, "value"))) ?? 0))
        case "equals":
            try a.expect(1)
            guard case .object(let o) = a[0], let c = order(o) else { return .bool(false) }
            return .bool(c == 0)
        case "gethashcode":
            return .int(Int32(truncatingIfNeeded: ticks) ^ Int32(truncatingIfNeeded: ticks >> 32))
        default:
            return nil
        }
    }

    // MARK: - Formatting and parsing

    /// The "c" format: `[-][d.]hh:mm:ss[.fffffff]`.
    func formatConstant() -> String {
        let t = ticks.magnitude
        let days = t / UInt64(Ticks.perDay)
        let rest = t % UInt64(Ticks.perDay)
        var s = ticks < 0 ? "-" : ""
        if days > 0 { s += "\(days)." }
        s += String(format: "%02d:%02d:%02d", Int(rest / UInt64(Ticks.perHour)), Int(rest / UInt64(Ticks.perMinute) % 60), Int(rest / UInt64(Ticks.perSecond) % 60))
        let frac = rest % UInt64(Ticks.perSecond)
        if frac > 0 { s += "." + String(format: "%07d", Int(frac)) }
        return s
    }

    /// TimeSpan.ToString(format): "c", "g", "G" and custom specifiers.
    public func format(_ f: String) throws -> String {
        let t = ticks.magnitude
        let days = Int(t / UInt64(Ticks.perDay))
        let rest = t % UInt64(Ticks.perDay)
        let h = Int(rest / UInt64(Ticks.perHour)), m = Int(rest / UInt64(Ticks.perMinute) % 60), s = Int(rest / UInt64(Ticks.perSecond) % 60)
        let frac = Int(rest % UInt64(Ticks.perSecond))
        let sign = ticks < 0 ? "-" : ""
        switch f {
        case "", "c", "t", "T": return formatConstant()
        case "g":
            var out = sign + (days > 0 ? "\(days):" : "") + String(format: "%d:%02d:%02d", h, m, s)
            if frac > 0 {
                var fs = String(format: "%07d", frac)
                while fs.hasSuffix("0") { fs.removeLast() }
                out += "." + fs
            }
            return out
        case "G": return sign + String(format: "%d:%02d:%02d:%02d.%07d", days, h, m, s, frac)
        default: break
        }
        let p = Array(f)
        var out = ""
        var i = 0
        func bad() -> MemberFailure { .dotnet(.formatException, "Input string was not in a correct format.") }
        while i < p.count {
            let ch = p[i]
            var n = 1
            while i + n < p.count && p[i + n] == ch { n += 1 }
            switch ch {
            case "d":
                guard n <= 8 else { throw bad() }
                out += String(format: "%0\(n)d", days)
            case "h":
                guard n <= 2 else { throw bad() }
                out += String(format: "%0\(n)d", h)
            case "m":
                guard n <= 2 else { throw bad() }
                out += String(format: "%0\(n)d", m)
            case "s":
                guard n <= 2 else { throw bad() }
                out += String(format: "%0\(n)d", s)
            case "f", "F":
                guard n <= 7 else { throw bad() }
                var fs = String(String(format: "%07d", frac).prefix(n))
                if ch == "F" { while fs.hasSuffix("0") { fs.removeLast() } }
                out += fs
            case "'", "\"":
                var j = i + 1
                while j < p.count && p[j] != ch { out.append(p[j]); j += 1 }
                guard j < p.count else { throw bad() }
                n = j - i + 1
            case "\\":
                guard i + 1 < p.count else { throw bad() }
                out.append(p[i + 1])
                n = 2
            case "%":
                n = 1
            default:
                throw bad()
            }
            i += n
        }
        return out
    }

    /// TimeSpan.Parse (invariant): `[-]d`, `[-][d.]h:m[:s[.f]]`, `[-]d:h:m:s[.f]`; nil when invalid.
    public static func parse(_ text: String) -> PSTimeSpan? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        }
        guard !s.isEmpty else { return nil }
        var days: Int64 = 0
        var fraction: Int64 = 0
        let colonParts = s.split(separator: ":", omittingEmptySubsequences: false)
        func num(_ t: Substring, max: Int64) -> Int64? {
            guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int64(t), v <= max else { return nil }
            return v
        }
        var parts = colonParts.map { $0 }
        if parts.count == 1 {
            guard let d = num(parts[0], max: 10_675_199) else { return nil }
            return PSTimeSpan(ticks: (negative ? -1 : 1) * d * Ticks.perDay)
        }
        guard parts.count <= 4 else { return nil }
        if parts.count == 4 {
            guard let d = num(parts[0], max: 10_675_199) else { return nil }
            days = d
            parts.removeFirst()
        } else if let dot = parts[0].firstIndex(of: ".") {
            guard let d = num(parts[0][..<dot], max: 10_675_199) else { return nil }
            days = d
            parts[0] = parts[0][parts[0].index(after: dot)...]
        }
        if parts.count == 3, let dot = parts[2].firstIndex(of: ".") {
            let f = parts[2][parts[2].index(after: dot)...]
            guard !f.isEmpty, f.count <= 7, f.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = (Int64(f) ?? 0) * Int64(pow(10.0, Double(7 - f.count)))
            parts[2] = parts[2][..<dot]
        }
        guard let h = num(parts[0], max: 23), let m = num(parts[1], max: 59) else { return nil }
        var sec: Int64 = 0
        if parts.count == 3 {
            guard let v = num(parts[2], max: 59) else { return nil }
            sec = v
        }
        let total = days * Ticks.perDay + h * Ticks.perHour + m * Ticks.perMinute + sec * Ticks.perSecond + fraction
        return PSTimeSpan(ticks: negative ? -total : total)
    }
}
