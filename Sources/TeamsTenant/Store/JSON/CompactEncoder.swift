import Foundation

/// Encodes `Encodable` values straight to compact JSON bytes, in the order they are encoded: how
/// a journal record is written, with no tree in between (a change is written on every
/// transaction, so this is the store's hot path).
///
/// Streaming works while a value's containers are used one inside the other, which is what
/// synthesized and ordinary `encode(to:)` implementations do. A type that writes to a container
/// after opening a later one, or reopens a finished one, makes `encode` throw
/// `CompactEncoder.OutOfOrder`; the caller then encodes that value with `ValueEncoder`.
final class CompactEncoder {
    /// Thrown when a value's containers are not used one inside the other.
    struct OutOfOrder: Error {}

    fileprivate(set) var bytes: [UInt8] = []
    /// Open containers, innermost last: their ids and whether they hold a member yet.
    private var open: [(id: Int, hasMembers: Bool)] = []
    private var nextID = 0

    init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(_ byte: UInt8) { bytes.append(byte) }

    func appendString(_ text: String) {
        JSONTextWriter.appendString(text, to: &bytes)
    }

    /// Writes one value. A value that cannot be streamed is written from `ValueEncoder`'s tree.
    func encode<T: Encodable>(_ value: T) throws {
        let mark = bytes.count, depth = open.count
        do {
            try encodeValue(value)
        } catch is OutOfOrder {
            bytes.removeSubrange(mark...)
            open.removeSubrange(depth...)
            var writer = JSONTextWriter(pretty: false, capacity: 256)
            writer.write(try ValueEncoder.encode(value))
            bytes.append(contentsOf: writer.bytes)
        }
    }

    fileprivate func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self, let text = value as? String { return appendString(text) }
        if T.self == Bool.self, let flag = value as? Bool { return flag ? append("true") : append("false") }
        if T.self == Int.self, let number = value as? Int { return bytes.append(contentsOf: String(number).utf8) }
        if T.self == Date.self, let date = value as? Date { return appendString(SimulatedDates.format(date)) }
        if let fast = value as? FastJSONWritable, fast.writesAllItsFields {
            var writer = JSONTextWriter(pretty: false, capacity: 0)
            swap(&writer.bytes, &bytes)
            fast.writeJSON(into: &writer, depth: 0)
            swap(&writer.bytes, &bytes)
            return
        }
        if T.self == Double.self || T.self == Float.self {
            // Numbers other than whole ones are rare in a world: the tree encoder's formatting.
            var writer = JSONTextWriter(pretty: false, capacity: 32)
            writer.write(try ValueEncoder.encode(value))
            return bytes.append(contentsOf: writer.bytes)
        }
        let encoder = ValueStream(writer: self, depth: open.count)
        try value.encode(to: encoder)
        try encoder.finish()
    }

    // MARK: Containers

    fileprivate func openContainer(_ bracket: UInt8) -> Int {
        bytes.append(bracket)
        nextID += 1
        open.append((nextID, false))
        return nextID
    }

    /// Starts the next member or element of container `id` (which must be the innermost open one).
    fileprivate func beginItem(of id: Int) throws {
        guard let last = open.last, last.id == id else { throw OutOfOrder() }
        if last.hasMembers { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1].hasMembers = true
    }

    fileprivate var depth: Int { open.count }

    fileprivate func popContainer(_ closing: UInt8) {
        open.removeLast()
        bytes.append(closing)
    }
}

/// The `Encoder` for one value: at most one container (or one single value), closed by `finish`.
private final class ValueStream: Encoder {
    let writer: CompactEncoder
    /// The writer's nesting depth when this value started.
    let depth: Int
    /// The container this value opened: its id and closing bracket.
    var container: (id: Int, closing: UInt8)?
    var wroteSingleValue = false

    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(writer: CompactEncoder, depth: Int) {
        self.writer = writer
        self.depth = depth
    }

    private func openOnce(_ opening: UInt8, _ closing: UInt8) throws -> Int {
        if let container {
            guard container.closing == closing else { throw CompactEncoder.OutOfOrder() }
            return container.id
        }
        guard !wroteSingleValue, writer.depth == depth else { throw CompactEncoder.OutOfOrder() }
        let id = writer.openContainer(opening)
        container = (id, closing)
        return id
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = try? openOnce(UInt8(ascii: "{"), UInt8(ascii: "}"))
        return KeyedEncodingContainer(KeyedStream<Key>(writer: writer, id: id))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        UnkeyedStream(writer: writer, id: try? openOnce(UInt8(ascii: "["), UInt8(ascii: "]")))
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleStream(stream: self) }

    /// Closes the value's container; a value that wrote nothing is `{}`, as Foundation writes it.
    func finish() throws {
        if let container {
            guard writer.depth == depth + 1 else { throw CompactEncoder.OutOfOrder() }
            writer.popContainer(container.closing)
        } else if !wroteSingleValue {
            writer.append("{}")
        }
    }
}

private struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: CompactEncoder
    /// nil when the container could not be opened in order (every write then throws).
    let id: Int?
    var codingPath: [CodingKey] { [] }

    private func member(_ key: Key) throws {
        guard let id else { throw CompactEncoder.OutOfOrder() }
        try writer.beginItem(of: id)
        writer.appendString(key.stringValue)
        writer.append(UInt8(ascii: ":"))
    }

    mutating func encodeNil(forKey key: Key) throws {
        try member(key)
        writer.append("null")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try member(key)
        writer.appendString(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try member(key)
        value ? writer.append("true") : writer.append("false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        try member(key)
        writer.append(contentsOfNumber: value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key)
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        // Containers handed out for later use cannot be streamed.
        KeyedEncodingContainer(KeyedStream<NestedKey>(writer: writer, id: nil))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        UnkeyedStream(writer: writer, id: nil)
    }

    mutating func superEncoder() -> Encoder { FailingStream() }
    mutating func superEncoder(forKey key: Key) -> Encoder { FailingStream() }
}

private struct UnkeyedStream: UnkeyedEncodingContainer {
    let writer: CompactEncoder
    let id: Int?
    private(set) var count = 0
    var codingPath: [CodingKey] { [] }

    init(writer: CompactEncoder, id: Int?) {
        self.writer = writer
        self.id = id
    }

    private mutating func element() throws {
        guard let id else { throw CompactEncoder.OutOfOrder() }
        try writer.beginItem(of: id)
        count += 1
    }

    mutating func encodeNil() throws {
        try element()
        writer.append("null")
    }

    mutating func encode(_ value: String) throws {
        try element()
        writer.appendString(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try element()
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedStream<NestedKey>(writer: writer, id: nil))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedStream(writer: writer, id: nil) }
    mutating func superEncoder() -> Encoder { FailingStream() }
}

private struct SingleStream: SingleValueEncodingContainer {
    let stream: ValueStream
    var codingPath: [CodingKey] { [] }

    private func begin() throws {
        guard stream.container == nil, !stream.wroteSingleValue, stream.writer.depth == stream.depth else {
            throw CompactEncoder.OutOfOrder()
        }
        stream.wroteSingleValue = true
    }

    mutating func encodeNil() throws {
        try begin()
        stream.writer.append("null")
    }

    mutating func encode(_ value: String) throws {
        try begin()
        stream.writer.appendString(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try begin()
        try stream.writer.encodeValue(value)
    }
}

/// What a streamed value's `superEncoder` gets: anything written through it cannot be streamed.
private struct FailingStream: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedStream<Key>(writer: CompactEncoder(capacity: 0), id: nil))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedStream(writer: CompactEncoder(capacity: 0), id: nil) }
    func singleValueContainer() -> SingleValueEncodingContainer { FailingSingle() }
}

private struct FailingSingle: SingleValueEncodingContainer {
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil() throws { throw CompactEncoder.OutOfOrder() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw CompactEncoder.OutOfOrder() }
}

extension CompactEncoder {
    func append(contentsOfNumber value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }
}
