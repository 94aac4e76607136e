import Foundation

/// A JSON document as ConvertTo-Json builds it before printing: numbers keep the text pwsh's
/// serializer (Json.NET) writes for them, objects keep their property order.
indirect enum JsonNode: Equatable {
    case null
    case bool(Bool)
    /// Number text exactly as written (`1`, `1.5`, `1.0`, `1E+20`).
    case number(String)
    case string(String)
    case array([JsonNode])
    case object([(String, JsonNode)])

    static func == (a: JsonNode, b: JsonNode) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

/// How strings are escaped (`-EscapeHandling`, Json.NET's StringEscapeHandling).
enum JsonEscapeHandling: String, CaseIterable {
    case Default, EscapeNonAscii, EscapeHtml
}

/// Prints a `JsonNode` as Json.NET does for pwsh: indented with two spaces and `"key": value`,
/// or compressed with no whitespace at all.
struct JsonWriter {
    var compress = false
    var escaping: JsonEscapeHandling = .Default

    func write(_ node: JsonNode) -> String {
        var out = ""
        emit(node, indent: 0, into: &out)
        return out
    }

    private func emit(_ node: JsonNode, indent: Int, into out: inout String) {
        switch node {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(indent + 1, &out)
                emit(item, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                newline(indent + 1, &out)
                out += quote(k)
                out += compress ? ":" : ": "
                emit(v, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out += "}"
        }
    }

    private func newline(_ indent: Int, _ out: inout String) {
        guard !compress else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * 2)
    }

    /// A JSON string literal with Json.NET's escapes (lower-case `\u00xx`).
    func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                let v = u.value
                var escape = v < 0x20 || v == 0x85 || v == 0x2028 || v == 0x2029
                if escaping == .EscapeNonAscii && v > 0x7F { escape = true }
                if escaping == .EscapeHtml && (u == "<" || u == ">" || u == "&" || u == "'") { escape = true }
                if escape {
                    for unit in String(u).utf16 { out += "\\u" + hex4(unit) }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
        return out
    }

    private func hex4(_ v: UInt16) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}

/// What a JSON text holds, read in order: ConvertFrom-Json turns this into PowerShell values.
enum JsonValue {
    case null
    case bool(Bool)
    case integer(Int64)
    /// An integer beyond Int64 (Json.NET reads it as a BigInteger).
    case bigInteger(String)
    case double(Double)
    case string(String)
    case array([JsonValue])
    case object([(String, JsonValue)])
}

/// A failure to read JSON, with Json.NET's wording where scripts may see it.
struct JsonReadError: Error {
    let message: String
}

/// A strict JSON reader with the leniencies of Json.NET that pwsh users rely on: comments
/// (`//`, `/* */`), single-quoted strings, trailing commas, and `NaN`/`Infinity`.
struct JsonReader {
    private let units: [UInt16]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    let maxDepth: Int

    init(_ text: String, maxDepth: Int = 1024) {
        units = Array(text.utf16)
        self.maxDepth = maxDepth
    }

    /// Reads one document; nil for empty or whitespace-only text.
    mutating func readDocument() throws -> JsonValue? {
        skipSpace()
        if pos >= units.count { return nil }
        let v = try readValue(depth: 1)
        skipSpace()
        if pos < units.count {
            throw error("Additional text encountered after finished reading JSON content: \(charText(units[pos])).")
        }
        return v
    }

    private func error(_ what: String) -> JsonReadError {
        JsonReadError(message: "\(what) Path '', line \(line), position \(pos - lineStart).")
    }

    private func charText(_ u: UInt16) -> String { String(decoding: [u], as: UTF16.self) }

    private mutating func skipSpace() {
        while pos < units.count {
            let u = units[pos]
            if u == 0x0A { pos += 1; line += 1; lineStart = pos; continue }
            if u == 0x20 || u == 0x09 || u == 0x0D || u == 0xFEFF { pos += 1; continue }
            if u == 0x2F && pos + 1 < units.count {
                if units[pos + 1] == 0x2F {
                    while pos < units.count && units[pos] != 0x0A { pos += 1 }
                    continue
                }
                if units[pos + 1] == 0x2A {
                    pos += 2
                    while pos + 1 < units.count && !(units[pos] == 0x2A && units[pos + 1] == 0x2F) {
                        if units[pos] == 0x0A { line += 1; lineStart = pos + 1 }
                        pos += 1
                    }
                    pos = min(units.count, pos + 2)
                    continue
                }
            }
            break
        }
    }

    private mutating func readValue(depth: Int) throws -> JsonValue {
        guard depth <= maxDepth else {
            throw error("The reader's MaxDepth of \(maxDepth) has been exceeded.")
        }
        skipSpace()
        guard pos < units.count else { throw error("Unexpected end when reading JSON.") }
        let u = units[pos]
        switch u {
        case 0x7B: return try readObject(depth: depth)
        case 0x5B: return try readArray(depth: depth)
        case 0x22, 0x27: return .string(try readString())
        case 0x2D, 0x30...0x39: return try readNumber()
        default:
            if matchWord("true") { return .bool(true) }
            if matchWord("false") { return .bool(false) }
            if matchWord("null") { return .null }
            if matchWord("NaN") { return .double(.nan) }
            if matchWord("Infinity") { return .double(.infinity) }
            throw error("Unexpected character encountered while parsing value: \(charText(u)).")
        }
    }

    private mutating func matchWord(_ w: String) -> Bool {
        let wu = Array(w.utf16)
        guard pos + wu.count <= units.count, Array(units[pos..<pos + wu.count]) == wu else { return false }
        let end = pos + wu.count
        if end < units.count, isIdentifierUnit(units[end]) { return false }
        pos = end
        return true
    }

    private func isIdentifierUnit(_ u: UInt16) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || u == 0x5F
    }

    private mutating func readObject(depth: Int) throws -> JsonValue {
        pos += 1
        var pairs: [(String, JsonValue)] = []
        while true {
            skipSpace()
            guard pos < units.count else { throw error("Unexpected end when reading JSON.") }
            if units[pos] == 0x7D { pos += 1; return .object(pairs) }
            let key: String
            if units[pos] == 0x22 || units[pos] == 0x27 {
                key = try readString()
            } else {
                let start = pos
                while pos < units.count, isIdentifierUnit(units[pos]) || units[pos] == 0x24 { pos += 1 }
                guard pos > start else { throw error("Invalid property identifier character: \(charText(units[pos])).") }
                key = String(decoding: units[start..<pos], as: UTF16.self)
            }
            skipSpace()
            guard pos < units.count, units[pos] == 0x3A else {
                throw error("Invalid character after parsing property name. Expected ':' but got: \(pos < units.count ? charText(units[pos]) : "").")
            }
            pos += 1
            let v = try readValue(depth: depth + 1)
            pairs.append((key, v))
            skipSpace()
            guard pos < units.count else { throw error("Unexpected end when reading JSON.") }
            if units[pos] == 0x2C { pos += 1; continue }
            if units[pos] == 0x7D { pos += 1; return .object(pairs) }
            throw error("After parsing a value an unexpected character was encountered: \(charText(units[pos])).")
        }
    }

    private mutating func readArray(depth: Int) throws -> JsonValue {
        pos += 1
        var items: [JsonValue] = []
        while true {
            skipSpace()
            guard pos < units.count else { throw error("Unexpected end when reading JSON.") }
            if units[pos] == 0x5D { pos += 1; return .array(items) }
            items.append(try readValue(depth: depth + 1))
            skipSpace()
            guard pos < units.count else { throw error("Unexpected end when reading JSON.") }
            if units[pos] == 0x2C { pos += 1; continue }
            if units[pos] == 0x5D { pos += 1; return .array(items) }
            throw error("After parsing a value an unexpected character was encountered: \(charText(units[pos])).")
        }
    }

    private mutating func readString() throws -> String {
        let quote = units[pos]
        pos += 1
        var out: [UInt16] = []
        while pos < units.count {
            let u = units[pos]
            if u == quote { pos += 1; return String(decoding: out, as: UTF16.self) }
            if u == 0x5C {
                guard pos + 1 < units.count else { break }
                let e = units[pos + 1]
                pos += 2
                switch e {
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard pos + 4 <= units.count, let v = UInt16(String(decoding: units[pos..<pos + 4], as: UTF16.self), radix: 16) else {
                        throw error("Invalid Unicode escape sequence.")
                    }
                    out.append(v)
                    pos += 4
                case 0x22, 0x27, 0x5C, 0x2F: out.append(e)
                default: throw error("Bad JSON escape sequence: \\\(charText(e)).")
                }
                continue
            }
            if u == 0x0A { line += 1; lineStart = pos + 1 }
            out.append(u)
            pos += 1
        }
        throw error("Unterminated string. Expected delimiter: \(charText(quote)).")
    }

    private mutating func readNumber() throws -> JsonValue {
        let start = pos
        if units[pos] == 0x2D {
            pos += 1
            if matchWord("Infinity") { return .double(-.infinity) }
        }
        var isFloat = false
        while pos < units.count {
            let u = units[pos]
            if u >= 0x30 && u <= 0x39 { pos += 1; continue }
            if u == 0x2E || u == 0x65 || u == 0x45 || ((u == 0x2B || u == 0x2D) && pos > start && (units[pos - 1] | 0x20) == 0x65) {
                isFloat = true
                pos += 1
                continue
            }
            break
        }
        let text = String(decoding: units[start..<pos], as: UTF16.self)
        if pos < units.count, isIdentifierUnit(units[pos]) {
            throw error("Unexpected character encountered while parsing number: \(charText(units[pos])).")
        }
        if !isFloat {
            if let i = Int64(text) { return .integer(i) }
            if text.dropFirst(text.hasPrefix("-") ? 1 : 0).allSatisfy({ $0.isASCII && $0.isNumber }) && text != "-" {
                return .bigInteger(text)
            }
        }
        guard let d = Double(text) else { throw error("Input string '\(text)' is not a valid number.") }
        return .double(d)
    }
}
