import Foundation
import PowerShellRuntime

/// ConvertTo-Json, ConvertFrom-Json and Test-Json.
enum JsonCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("ConvertTo-Json", ConvertToJsonCommand.self),
        ("ConvertFrom-Json", ConvertFromJsonCommand.self),
        ("Test-Json", TestJsonCommand.self),
    ]
}

// MARK: - ConvertTo-Json

/// `ConvertTo-Json [-InputObject] <Object> [-Depth <int>] [-Compress] [-EnumsAsStrings] [-AsArray] [-EscapeHandling …]`
/// Collects its input and serializes it in `end`: one object alone, several (or `-AsArray`) as
/// an array.
final class ConvertToJsonCommand: Cmdlet {
    private var inputs: [Value] = []

    override func begin(_ rt: CommandRuntime) throws {
        if let d = rt.bound.int("Depth"), d > 100 {
            try rt.throwTerminating(rt.makeError(.invalidOperationException,
                                                 "The maximum depth allowed for serialization is 100.",
                                                 errorId: "ReachedMaximumDepthAllowed", category: .InvalidOperation))
        }
    }

    override func process(_ rt: CommandRuntime) throws {
        inputs.append(rt.bound[folded: "inputobject"] ?? .null)
    }

    override func end(_ rt: CommandRuntime) throws {
        guard !inputs.isEmpty else { return }
        let escaping = try rt.enumParameter("EscapeHandling", typeName: "Newtonsoft.Json.StringEscapeHandling",
                                            names: JsonEscapeHandling.allCases.map(\.rawValue))
        let target: Value = inputs.count > 1 || rt.bound.isOn("AsArray") ? .object(PSArray(inputs)) : inputs[0]
        let serializer = JsonSerializer(maxDepth: rt.bound.int("Depth") ?? 2, enumsAsStrings: rt.bound.isOn("EnumsAsStrings"),
                                        hooks: rt.hooks)
        let node = try serializer.node(target, depth: 0, rt: rt)
        let writer = JsonWriter(compress: rt.bound.isOn("Compress"),
                                escaping: escaping.flatMap { JsonEscapeHandling(rawValue: $0) } ?? .Default)
        try rt.writeObject(.string(writer.write(node)))
    }
}

/// Turns PowerShell values into JSON the way pwsh's ConvertTo-Json does: dictionaries and
/// objects become JSON objects, enumerables arrays; past `-Depth` a value becomes its string.
final class JsonSerializer {
    let maxDepth: Int
    let enumsAsStrings: Bool
    let hooks: RuntimeHooks
    private var warned = false

    init(maxDepth: Int, enumsAsStrings: Bool, hooks: RuntimeHooks) {
        self.maxDepth = maxDepth
        self.enumsAsStrings = enumsAsStrings
        self.hooks = hooks
    }

    /// Json.NET writes whole doubles and decimals with `.0`.
    static func ensureDecimalPlace(_ s: String) -> String {
        if s.contains(".") || s.contains("E") || s.contains("e") || s == "NaN" || s.hasSuffix("Infinity") { return s }
        return s + ".0"
    }

    static func doubleNode(_ d: Double) -> JsonNode {
        if d.isNaN || d.isInfinite { return .string(DotNetNumberText.roundTrip(d)) }
        return .number(ensureDecimalPlace(DotNetNumberText.roundTrip(d)))
    }

    func node(_ v: Value, depth: Int, rt: CommandRuntime?) throws -> JsonNode {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(String(i))
        case .long(let l): return .number(String(l))
        case .double(let d): return JsonSerializer.doubleNode(d)
        case .decimal(let d): return .number(JsonSerializer.ensureDecimalPlace(NumberFormatting.format(d)))
        case .string(let s): return .string(s)
        case .char(let c): return .string(String(decoding: [c], as: UTF16.self))
        case .sized(let n):
            switch n.kind {
            case .single:
                let f = Float(n.floating)
                if f.isNaN || f.isInfinite { return .string(DotNetNumberText.roundTrip(f)) }
                return .number(JsonSerializer.ensureDecimalPlace(DotNetNumberText.roundTrip(f)))
            default: return .number(NumberFormatting.text(n))
            }
        case .object(let o):
            return try objectNode(o, v, depth: depth, rt: rt)
        }
    }

    private func objectNode(_ o: PSObjectBase, _ v: Value, depth: Int, rt: CommandRuntime?) throws -> JsonNode {
        if let e = o as? PSEnumValue {
            return enumsAsStrings ? .string(e.toPSString()) : .number(String(e.value))
        }
        if let d = o as? PSDateTime { return .string(JsonSerializer.isoText(d)) }
        if o is PSGuid { return .string(Conversion.toString(v, hooks: hooks)) }
        if o is ScriptBlock { return .string(Conversion.toString(v, hooks: hooks)) }
        if depth > maxDepth {
            if !warned, let rt {
                warned = true
                try rt.writeWarning("Resulting JSON is truncated as serialization has exceeded the set depth of \(maxDepth).")
            }
            return .string(Conversion.toString(v, hooks: hooks))
        }
        var pairs: [(String, JsonNode)] = []
        if let h = o as? PSHashtable {
            for (k, value) in zip(h.keys, h.values) {
                guard case .string(let name) = k else {
                    let record = ErrorRecord(exception: PSExceptionObject(.invalidOperationException,
                        "The type '\(h.typeFullName)' is not supported for serialization or deserialization of a dictionary. Keys must be strings."),
                        errorId: "NonStringKeyInDictionary", category: .InvalidOperation, targetObject: v,
                        invocationInfo: rt?.invocation, errorIdSuffix: "Microsoft.PowerShell.Commands.ConvertToJsonCommand")
                    throw RuntimeError(record)
                }
                pairs.append((name, try node(value, depth: depth + 1, rt: rt)))
            }
        } else if let a = o as? PSArray {
            return .array(try a.items.map { try node($0, depth: depth + 1, rt: rt) })
        } else if let c = o as? PSCustomObject {
            for (name, value) in c.pairs { pairs.append((name, try node(value, depth: depth + 1, rt: rt))) }
        } else if o is PSNativeObject {
            if let items = Members.enumeratedItems(v) {
                return .array(try items.map { try node($0, depth: depth + 1, rt: rt) })
            }
            for name in Members.propertyNames(v) where !pairs.contains(where: { $0.0 == name }) {
                let value = (try? Members.getProperty(v, name, hooks: hooks)) ?? nil
                pairs.append((name, try node(value ?? .null, depth: depth + 1, rt: rt)))
            }
            return .object(pairs)
        } else {
            return .string(Conversion.toString(v, hooks: hooks))
        }
        // Properties added with Add-Member come after the object's own.
        if let members = o.instanceMembers {
            for m in members.members where !pairs.contains(where: { $0.0.caseInsensitiveCompare(m.name) == .orderedSame }) {
                if case .scriptMethod = m.kind { continue }
                let value = (try? Members.getProperty(v, m.name, hooks: hooks)) ?? nil
                pairs.append((m.name, try node(value ?? .null, depth: depth + 1, rt: rt)))
            }
        }
        return .object(pairs)
    }

    /// Json.NET's ISO 8601 text of a DateTime: fraction digits without trailing zeros, `Z` for
    /// UTC, the local offset for Local, nothing for Unspecified.
    static func isoText(_ d: PSDateTime) -> String {
        let ticks = d.ticks
        let c = Ticks.civil(ticks / Ticks.perDay)
        let t = ticks % Ticks.perDay
        func p(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        var s = "\(p(c.year, 4))-\(p(c.month, 2))-\(p(c.day, 2))T\(p(Int(t / Ticks.perHour), 2)):\(p(Int(t / Ticks.perMinute % 60), 2)):\(p(Int(t / Ticks.perSecond % 60), 2))"
        var frac = p(Int(t % Ticks.perSecond), 7)
        while frac.hasSuffix("0") { frac.removeLast() }
        if !frac.isEmpty { s += "." + frac }
        switch d.kind {
        case .utc: s += "Z"
        case .local: s += offsetText(Ticks.localOffset(localTicks: ticks))
        case .unspecified: break
        }
        return s
    }

    static func offsetText(_ off: Int64) -> String {
        let minutes = abs(off) / Ticks.perMinute
        let h = minutes / 60, m = minutes % 60
        return (off < 0 ? "-" : "+") + (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

// MARK: - ConvertFrom-Json

/// `ConvertFrom-Json [-InputObject] <string> [-AsHashtable] [-Depth <int>] [-NoEnumerate] [-DateKind …]`
/// Each input string is a document when the first one is; otherwise all lines are joined and
/// read as one document (pwsh's rule for `Get-Content file.json | ConvertFrom-Json`).
final class ConvertFromJsonCommand: Cmdlet {
    private var buffer: [String] = []

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"], !v.isNull else { return }
        buffer.append(rt.text(v))
    }

    override func end(_ rt: CommandRuntime) throws {
        guard !buffer.isEmpty else { return }
        let dateKind = try rt.enumParameter("DateKind", typeName: "Microsoft.PowerShell.Commands.JsonDateKind",
                                            names: ["Default", "Local", "Utc", "Offset", "String"]) ?? "Default"
        let converter = JsonToValue(asHashtable: rt.bound.isOn("AsHashtable"), dateKind: dateKind)
        let depth = rt.bound.int("Depth") ?? 1024
        var first = JsonReader(buffer[0], maxDepth: depth)
        if buffer.count > 1, (try? first.readDocument()) != nil {
            for text in buffer { try convert(text, converter, depth, rt) }
        } else {
            try convert(buffer.joined(separator: "\n"), converter, depth, rt)
        }
    }

    private func convert(_ text: String, _ converter: JsonToValue, _ depth: Int, _ rt: CommandRuntime) throws {
        var reader = JsonReader(text, maxDepth: depth)
        let doc: JsonValue?
        do {
            doc = try reader.readDocument()
        } catch let e as JsonReadError {
            try rt.throwTerminating(rt.makeError(.argumentException, "Conversion from JSON failed with error: \(e.message)",
                                                 errorId: "System.ArgumentException", category: .NotSpecified))
        }
        guard let doc else { return }
        let value: Value
        do {
            value = try converter.value(doc)
        } catch let e as JsonReadError {
            try rt.throwTerminating(rt.makeError(.invalidOperationException, e.message,
                                                 errorId: "DuplicateKeysInJsonString", category: .InvalidOperation))
        }
        try rt.writeObject(value, enumerate: !rt.bound.isOn("NoEnumerate"))
    }
}

/// Builds PowerShell values from JSON as pwsh does: objects as PSCustomObject (or an
/// OrderedHashtable with `-AsHashtable`), arrays as object[], integers as Int64, other numbers
/// as Double, and ISO 8601 date-times as DateTime.
struct JsonToValue {
    var asHashtable = false
    var dateKind = "Default"

    func value(_ j: JsonValue) throws -> Value {
        switch j {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let i): return .long(i)
        case .bigInteger(let digits): return .sized(SizedNumber(bigDigits: digits, approximate: Double(digits) ?? 0))
        case .double(let d): return .double(d)
        case .string(let s):
            if dateKind != "String", let d = JsonToValue.parseIsoDate(s, dateKind: dateKind) { return .object(d) }
            return .string(s)
        case .array(let items): return .object(PSArray(try items.map { try value($0) }))
        case .object(let pairs):
            if asHashtable {
                let h = PSHashtable(ordered: true, caseInsensitive: false)
                h.isOrderedHashtable = true
                for (k, v) in pairs { h.set(.string(k), try value(v)) }
                return .object(h)
            }
            let o = PSCustomObject()
            for (k, v) in pairs {
                if let existing = o.canonicalName(k), existing != k {
                    throw JsonReadError(message: "Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashtable switch instead. The key that was attempted to be added to the existing key '\(existing)' was '\(k)'.")
                }
                o.set(k, try value(v))
            }
            return .object(o)
        }
    }

    /// Json.NET's ISO date-time reading: `yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±HH:mm]`.
    static func parseIsoDate(_ s: String, dateKind: String = "Default") -> PSDateTime? {
        let u = Array(s.utf8)
        guard u.count >= 19, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A else { return nil }
        func num(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= u.count else { return nil }
            var v = 0
            for i in a..<a + n {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2), let sec = num(17, 2),
              (1...12).contains(mo), d >= 1, d <= Ticks.daysInMonth(y, mo), h < 24, mi < 60, sec < 60, y >= 1 else { return nil }
        var i = 19
        var fraction: Int64 = 0
        if i < u.count, u[i] == 0x2E {
            i += 1
            var digits = 0
            while i < u.count, u[i] >= 0x30 && u[i] <= 0x39 {
                if digits < 7 { fraction = fraction * 10 + Int64(u[i] - 0x30) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 7)..<7 { fraction *= 10 }
        }
        var ticks = Ticks.days(year: y, month: mo, day: d) * Ticks.perDay + Int64(h) * Ticks.perHour
            + Int64(mi) * Ticks.perMinute + Int64(sec) * Ticks.perSecond + fraction
        var kind = PSDateTime.Kind.unspecified
        var offset: Int64?
        if i < u.count {
            if u[i] == 0x5A, i + 1 == u.count {
                kind = .utc
            } else if u[i] == 0x2B || u[i] == 0x2D {
                let sign: Int64 = u[i] == 0x2D ? -1 : 1
                guard let oh = num(i + 1, 2) else { return nil }
                var om = 0
                var end = i + 3
                if end < u.count {
                    if u[end] == 0x3A { end += 1 }
                    guard let m = num(end, 2) else { return nil }
                    om = m
                    end += 2
                }
                guard end == u.count else { return nil }
                offset = sign * (Int64(oh) * Ticks.perHour + Int64(om) * Ticks.perMinute)
            } else {
                return nil
            }
        }
        if let off = offset {
            let utc = ticks - off
            switch dateKind {
            case "Utc": return PSDateTime(ticks: utc, kind: .utc)
            default:
                ticks = utc + Ticks.localOffset(utcTicks: utc)
                kind = .local
            }
        } else if kind == .utc && dateKind == "Local" {
            ticks += Ticks.localOffset(utcTicks: ticks)
            kind = .local
        } else if kind == .unspecified && dateKind == "Utc" {
            kind = .utc
        }
        return PSDateTime(ticks: ticks, kind: kind)
    }
}

// MARK: - Test-Json

/// `Test-Json [-Json] <string>`: True when the text is one valid JSON document.
/// NOTE: schemas (`-Schema`, `-SchemaFile`) are not supported; pwsh validates against them.
final class TestJsonCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        var text = rt.bound.string("Json")
        if text == nil, let p = rt.bound.string("Path") ?? rt.bound.string("LiteralPath") {
            text = try? String(contentsOfFile: rt.context.resolvePath(p), encoding: .utf8)
        }
        var reader = JsonReader(text ?? "")
        do {
            if try reader.readDocument() != nil {
                try rt.writeObject(.bool(true))
                return
            }
        } catch {}
        try rt.writeError(rt.makeError(.argumentException, "Cannot parse the JSON.", errorId: "InvalidJson", category: .InvalidData,
                                       target: .string(text ?? "")))
        try rt.writeObject(.bool(false))
    }
}
