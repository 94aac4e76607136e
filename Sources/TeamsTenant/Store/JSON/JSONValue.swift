import Foundation

/// A JSON value built by `ValueEncoder` and written by `JSONTextWriter`: what the world file and
/// the journal's records are made of. Objects and arrays are boxes, so an encoder's containers
/// can fill them in place.
enum JSONValue {
    case null
    case bool(Bool)
    /// The number's text, already in JSON form.
    case number(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
    /// A value that writes its own JSON (see `FastJSONWritable`).
    case written(FastJSONWritable)
}

/// An object's members in the order they were encoded (the writer sorts them).
final class JSONObjectBox {
    var members: [(key: String, value: JSONValue)] = []
}

/// An array's elements.
final class JSONArrayBox {
    var elements: [JSONValue] = []

    init(_ elements: [JSONValue] = []) {
        self.elements = elements
    }
}

// MARK: - Writing

/// Writes JSON text: pretty (two-space indents, one member or element per line, `[]` and `{}`
/// when empty, keys sorted, so the same world always gives the same bytes) for the world file
/// users read and diff, or compact (one line, keys as encoded) for the journal.
struct JSONTextWriter {
    var bytes: [UInt8] = []
    let pretty: Bool

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue, depth: Int = 0) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let text): append(text)
        case .string(let text): writeString(text)
        case .array(let box):
            guard !box.elements.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            if box.elements.count >= JSONTextWriter.concurrentArrayLength {
                writeConcurrently(box.elements, depth: depth)
            } else {
                writeElements(box.elements[...], depth: depth)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .written(let value):
            value.writeJSON(into: &self, depth: depth)
        case .object(let box):
            guard !box.members.isEmpty else { return append("{}") }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in (pretty ? sorted(box.members) : box.members).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeElements(_ elements: ArraySlice<JSONValue>, depth: Int) {
        for index in elements.indices {
            if index > elements.startIndex { bytes.append(UInt8(ascii: ",")) }
            newline(depth + 1)
            write(elements[index], depth: depth + 1)
        }
    }

    /// Arrays at least this long (a large world's users) are written in parallel parts.
    static let concurrentArrayLength = 8_192

    private mutating func writeConcurrently(_ elements: [JSONValue], depth: Int) {
        let parts = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let pretty = self.pretty
        let written = ParallelWork.run(parts) { part -> [UInt8] in
            var writer = JSONTextWriter(pretty: pretty, capacity: 1 << 20)
            writer.writeElements(elements[ParallelWork.slice(elements.count, part: part, of: parts)], depth: depth)
            return writer.bytes
        }
        for (part, chunk) in written.enumerated() where !chunk.isEmpty {
            if part > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: chunk)
        }
    }

    /// The keys of the last object sorted and their order: objects of one type have the same
    /// keys in the same order (every user of a world), so one sort serves them all.
    private var lastKeys: [String] = []
    private var lastOrder: [Int] = []

    /// Members by key (Swift's string order: Unicode scalar order, which for the world's ASCII
    /// keys is byte order). Stable, so a repeated key keeps its last value last.
    mutating func sorted(_ members: [(key: String, value: JSONValue)]) -> [(key: String, value: JSONValue)] {
        if members.count == lastKeys.count, members.indices.allSatisfy({ members[$0].key == lastKeys[$0] }) {
            return lastOrder.map { members[$0] }
        }
        let order = members.indices.sorted { left, right in
            if members[left].key == members[right].key { return left < right }
            return members[left].key < members[right].key
        }
        lastKeys = members.map(\.key)
        lastOrder = order
        return order.map { members[$0] }
    }

    @inline(__always)
    mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<depth {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    // MARK: Objects written member by member (`FastJSONWritable`)

    /// `"key": ` (or `"key":`) as the next member of an object at `depth`, after a comma unless first.
    mutating func member(_ key: StaticString, depth: Int, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        bytes.append(UInt8(ascii: "\""))
        append(key)
        append(pretty ? "\": " : "\":")
    }

    /// Closes an object whose members were written with `member`.
    mutating func endObject(depth: Int) {
        newline(depth)
        bytes.append(UInt8(ascii: "}"))
    }

    /// A string with JSON's escapes: `"` and `\`, and control characters (`\n`, `\t`, `\u001B`).
    /// `/` and non-ASCII characters are written as they are.
    mutating func writeString(_ text: String) {
        JSONTextWriter.appendString(text, to: &bytes)
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var runStart = 0
            var index = 0
            while index < utf8.count {
                if index + 8 <= utf8.count {
                    // Eight bytes at a time until one needs an escape (the first flagged byte is exact).
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
                    let special = (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                        | ((word &- ones &* 0x20) & ~word)) & highs
                    if special == 0 {
                        index += 8
                        continue
                    }
                    index += special.trailingZeroBitCount / 8
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                let escaped = index - 1
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<escaped]))
                runStart = escaped + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default: bytes.append(contentsOf: Array(("u" + hex4(UInt32(byte)).lowercased()).utf8))
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

// MARK: - Encoding

/// Encodes any `Encodable` value into a `JSONValue`. Dates become ISO 8601 UTC text
/// (`2026-02-02T09:00:00Z`), as the world file has always stored them.
final class ValueEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded (null until a container or value is written).
    fileprivate(set) var value: JSONValue = .null

    /// The JSON form of a value.
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let scalar = try scalarValue(value) { return scalar }
        if let fast = value as? FastJSONWritable, fast.writesAllItsFields { return .written(fast) }
        if let array = value as? ConcurrentlyEncodable, let encoded = try array.encodeConcurrently() { return encoded }
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.value
    }

    /// The common scalar types without the Codable machinery.
    /// (Types are compared before casting: a failed dynamic cast costs more than the encoding.)
    @inline(__always)
    fileprivate static func scalarValue<T: Encodable>(_ value: T) throws -> JSONValue? {
        if T.self == String.self, let text = value as? String { return .string(text) }
        if T.self == Bool.self, let flag = value as? Bool { return .bool(flag) }
        if T.self == Int.self, let number = value as? Int { return .number(String(number)) }
        if T.self == Date.self, let date = value as? Date { return .string(SimulatedDates.format(date)) }
        if T.self == Double.self, let number = value as? Double {
            guard number.isFinite else {
                throw EncodingError.invalidValue(number, EncodingError.Context(codingPath: [], debugDescription: "\(number) is not a JSON number"))
            }
            return .number(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)")
        }
        return nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing) = value {
            box = existing
        } else {
            box = JSONObjectBox()
            value = .object(box)
        }
        return KeyedEncodingContainer(ValueKeyedContainer<Key>(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing) = value {
            box = existing
        } else {
            box = JSONArrayBox()
            value = .array(box)
        }
        return ValueUnkeyedContainer(box: box)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { ValueSingleContainer(encoder: self) }
}

/// An array whose elements are encoded on several threads when it is long (a large world's
/// users); each element's encoding is independent.
private protocol ConcurrentlyEncodable {
    /// The array's JSON form, or nil when it is too short to be worth splitting.
    func encodeConcurrently() throws -> JSONValue?
}

extension Array: ConcurrentlyEncodable where Element: Encodable {
    fileprivate func encodeConcurrently() throws -> JSONValue? {
        guard count >= JSONTextWriter.concurrentArrayLength else { return nil }
        let parts = Swift.max(1, Swift.min(4, ProcessInfo.processInfo.activeProcessorCount))
        let encoded = ParallelWork.run(parts) { part -> Result<[JSONValue], Error> in
            Result { try self[ParallelWork.slice(count, part: part, of: parts)].map { try ValueEncoder.encode($0) } }
        }
        var elements: [JSONValue] = []
        elements.reserveCapacity(count)
        for part in encoded { elements += try part.get() }
        return .array(JSONArrayBox(elements))
    }
}

private struct ValueKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { box.members.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.members.append((key.stringValue, .bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.members.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.members.append((key.stringValue, .number(String(value)))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.members.append((key.stringValue, try ValueEncoder.encode(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONObjectBox()
        box.members.append((key.stringValue, .object(child)))
        return KeyedEncodingContainer(ValueKeyedContainer<NestedKey>(box: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = JSONArrayBox()
        box.members.append((key.stringValue, .array(child)))
        return ValueUnkeyedContainer(box: child)
    }

    mutating func superEncoder() -> Encoder { SuperEncoder(assign: { [box] in box.members.append(("super", $0)) }) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        SuperEncoder(assign: { [box] in box.members.append((key.stringValue, $0)) })
    }
}

private struct ValueUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    var codingPath: [CodingKey] { [] }
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { box.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { box.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.elements.append(.string(value)) }
    mutating func encode(_ value: Int) throws { box.elements.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.elements.append(try ValueEncoder.encode(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONObjectBox()
        box.elements.append(.object(child))
        return KeyedEncodingContainer(ValueKeyedContainer<NestedKey>(box: child))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = JSONArrayBox()
        box.elements.append(.array(child))
        return ValueUnkeyedContainer(box: child)
    }

    mutating func superEncoder() -> Encoder { SuperEncoder(assign: { [box] in box.elements.append($0) }) }
}

private struct ValueSingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { encoder.value = .null }
    mutating func encode(_ value: Bool) throws { encoder.value = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.value = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.value = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try ValueEncoder.encode(value) }
}

/// The encoder a `superEncoder()` hands out: its value lands where the container put it.
private final class SuperEncoder: Encoder {
    let inner = ValueEncoder()
    let assign: (JSONValue) -> Void
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(assign: @escaping (JSONValue) -> Void) {
        self.assign = assign
    }

    deinit { assign(inner.value) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> SingleValueEncodingContainer { inner.singleValueContainer() }
}

extension SimulatedDates {
    /// A date as ISO 8601 UTC text, `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, rounded down).
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)):\(two(secondOfDay % 60))Z"
    }
}
