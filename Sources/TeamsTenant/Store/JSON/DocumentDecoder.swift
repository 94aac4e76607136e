import Foundation

/// Decodes `Decodable` values straight from a `JSONDocument`'s nodes: any Codable type of the
/// world (and any a later policy family adds) reads through it without code of its own.
///
/// Besides decoding, it records which object keys some type asked for, so the keys nobody asked
/// for (a misspelt `"usrs"`) can be named afterwards (`JSONDocument.unusedKeys()`). Errors are
/// Swift's `DecodingError`s; their coding path is found by walking the document to the failing
/// node only when one is thrown, so decoding itself keeps no path.
struct DocumentDecoder: Decoder, SingleValueDecodingContainer {
    // The document outlives every decoder (the caller of `decodeValue` holds it), so decoders do
    // not retain it: a 100,000-user world makes millions of them.
    unowned(unsafe) let document: JSONDocument
    let node: Int

    var codingPath: [CodingKey] { document.codingPath(to: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try document.requireKind(.object, node, as: [String: Int].self)
        document.mark(node, JSONDocument.Marks.visited)
        return KeyedDecodingContainer(DocumentKeyedContainer<Key>(document: document, object: node))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        try document.requireKind(.array, node, as: [Int].self)
        document.mark(node, JSONDocument.Marks.visited)
        return DocumentUnkeyedContainer(document: document, array: node)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { document.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try document.decodeBool(node) }
    func decode(_ type: String.Type) throws -> String { try document.decodeString(node) }
    func decode(_ type: Double.Type) throws -> Double { try document.decodeDouble(node) }
    func decode(_ type: Float.Type) throws -> Float { Float(try document.decodeDouble(node)) }
    func decode(_ type: Int.Type) throws -> Int { try document.decodeInteger(node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.decodeInteger(node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.decodeInteger(node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.decodeInteger(node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.decodeInteger(node) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.decodeInteger(node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.decodeInteger(node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.decodeInteger(node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.decodeInteger(node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.decodeInteger(node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decodeValue(type, node) }
}

// MARK: - Keyed

/// An object's members by key. Lookups scan the members' raw key bytes (objects of the world have
/// a dozen keys), so no key string is made.
private struct DocumentKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    unowned(unsafe) let document: JSONDocument
    let object: Int

    var codingPath: [CodingKey] { document.codingPath(to: object) }

    var allKeys: [Key] {
        document.members(of: object).compactMap { member in
            document.mark(member.key, JSONDocument.Marks.used)
            return document.string(member.key).flatMap { Key(stringValue: $0) }
        }
    }

    private func lookup(_ key: Key) -> Int? {
        var name = key.stringValue
        return document.member(of: object, named: &name)
    }

    private func require(_ key: Key) throws -> Int {
        guard let value = lookup(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \"\(key.stringValue)\"."))
        }
        return value
    }

    /// The value node of a key that is present and not null.
    private func present(_ key: Key) -> Int? {
        guard let value = lookup(key), document.nodes[value].kind != .null else { return nil }
        return value
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { document.nodes[try require(key)].kind == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.decodeBool(require(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.decodeString(require(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.decodeDouble(require(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try document.decodeDouble(require(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.decodeInteger(require(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.decodeInteger(require(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.decodeInteger(require(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.decodeInteger(require(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.decodeInteger(require(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.decodeInteger(require(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.decodeInteger(require(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.decodeInteger(require(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.decodeInteger(require(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.decodeInteger(require(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try document.decodeValue(type, require(key)) }

    // The protocol's default decodeIfPresent looks the key up three times; these look once.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try document.decodeBool($0) }
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try document.decodeString($0) }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try document.decodeDouble($0) }
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        try present(key).map { Float(try document.decodeDouble($0)) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try document.decodeInteger($0) }
    }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try document.decodeInteger($0) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = present(key) else { return nil }
        return try document.decodeValue(type, node)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try DocumentDecoder(document: document, node: require(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try DocumentDecoder(document: document, node: require(key)).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        var name = "super"
        guard let value = document.member(of: object, named: &name) else {
            throw DecodingError.keyNotFound(NameKey("super"), DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \"super\"."))
        }
        return DocumentDecoder(document: document, node: value)
    }

    func superDecoder(forKey key: Key) throws -> Decoder { DocumentDecoder(document: document, node: try require(key)) }
}

// MARK: - Unkeyed

/// An array's elements in order.
private struct DocumentUnkeyedContainer: UnkeyedDecodingContainer {
    unowned(unsafe) let document: JSONDocument
    let array: Int
    private var child: Int
    private(set) var currentIndex = 0

    init(document: JSONDocument, array: Int) {
        self.document = document
        self.array = array
        child = document.firstChild(array)
    }

    var codingPath: [CodingKey] { document.codingPath(to: array) }
    var count: Int? { Int(document.nodes[array].length) }
    var isAtEnd: Bool { currentIndex >= Int(document.nodes[array].length) }

    private func requireElement(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        return child
    }

    private mutating func advance() {
        child = document.next(child)
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        let element = try requireElement(Never?.self)
        guard document.nodes[element].kind == .null else { return false }
        advance()
        return true
    }

    private mutating func element<T>(_ type: Any.Type, _ read: (JSONDocument, Int) throws -> T) throws -> T {
        let value = try read(document, try requireElement(type))
        advance()
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) { try $0.decodeBool($1) } }
    mutating func decode(_ type: String.Type) throws -> String { try element(type) { try $0.decodeString($1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try element(type) { try $0.decodeDouble($1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try element(type) { Float(try $0.decodeDouble($1)) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(type) { try $0.decodeInteger($1) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try element(type) { try $0.decodeValue(type, $1) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try element([String: Int].self) { try DocumentDecoder(document: $0, node: $1).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try element([Int].self) { try DocumentDecoder(document: $0, node: $1).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> Decoder {
        try element(Int.self) { DocumentDecoder(document: $0, node: $1) }
    }
}

// MARK: - Scalars

/// A key for coding paths: an object member's name.
struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// A key for coding paths: an array element's position.
struct IndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { index = intValue }
}

extension JSONDocument {
    /// What a node's kind is called in messages.
    func kindName(_ node: Int) -> String {
        switch nodes[node].kind {
        case .null: return "null"
        case .false, .true: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    func mismatch<T>(_ type: T.Type, _ node: Int, expected: String) -> DecodingError {
        let context = DecodingError.Context(codingPath: codingPath(to: node), debugDescription: "expected \(expected), found \(kindName(node))")
        if nodes[node].kind == .null { return DecodingError.valueNotFound(type, context) }
        return DecodingError.typeMismatch(type, context)
    }

    func corrupted(_ node: Int, _ problem: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath(to: node), debugDescription: problem))
    }

    func requireKind<T>(_ kind: Kind, _ node: Int, as type: T.Type) throws {
        guard nodes[node].kind == kind else {
            throw mismatch(type, node, expected: kind == .object ? "an object" : "a list")
        }
    }

    func decodeBool(_ node: Int) throws -> Bool {
        switch nodes[node].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, node, expected: "true or false")
        }
    }

    func decodeString(_ node: Int) throws -> String {
        guard nodes[node].kind == .string else { throw mismatch(String.self, node, expected: "a string") }
        guard let text = string(node) else { throw corrupted(node, "the string is not valid UTF-8") }
        return text
    }

    func decodeDouble(_ node: Int) throws -> Double {
        guard nodes[node].kind == .number else { throw mismatch(Double.self, node, expected: "a number") }
        guard let value = Double(numberText(node)), value.isFinite else { throw corrupted(node, "\(numberText(node)) is out of range") }
        return value
    }

    func decodeInteger<T: FixedWidthInteger>(_ node: Int) throws -> T {
        guard nodes[node].kind == .number else { throw mismatch(T.self, node, expected: "a whole number") }
        if let value = integer(node), let exact = T(exactly: value) { return exact }
        if T.self == UInt64.self || T.self == UInt.self, let value = T(numberText(node)) { return value }
        throw corrupted(node, "\(numberText(node)) is not a whole number between \(T.min) and \(T.max)")
    }

    /// Dates are ISO 8601 UTC text (`2026-02-02T09:00:00Z`); other ISO 8601 forms are accepted.
    func decodeDate(_ node: Int) throws -> Date {
        let text = try decodeString(node)
        if let date = SimulatedDates.parse(text) ?? ISO8601DateFormatter().date(from: text) { return date }
        throw corrupted(node, "\"\(text)\" is not a date and time such as 2026-02-02T09:00:00Z")
    }

    /// Any Decodable value at a node; the common scalar types skip the Codable machinery, and a
    /// long array is decoded on all processors.
    func decodeValue<T: Decodable>(_ type: T.Type, _ node: Int) throws -> T {
        if T.self == String.self, let text = try decodeString(node) as? T { return text }
        if T.self == Int.self, let number = try decodeInteger(node) as Int as? T { return number }
        if T.self == Bool.self, let flag = try decodeBool(node) as? T { return flag }
        if T.self == Date.self, let date = try decodeDate(node) as? T { return date }
        if nodes[node].length == 0, nodes[node].kind == .array || nodes[node].kind == .object,
            let emptyType = T.self as? EmptyDecodable.Type, emptyType.emptyKind == nodes[node].kind,
            let empty = emptyType.emptyValue as? T
        {
            // `[]` and `{}` (every user's roles and policies) without the Codable machinery.
            mark(node, Marks.visited)
            return empty
        }
        if nodes[node].kind == .array, nodes[node].length >= JSONDocument.concurrentArrayLength,
            let arrayType = T.self as? ConcurrentlyDecodable.Type, let array = try arrayType.decodeConcurrently(self, node) as? T
        {
            return array
        }
        return try T(from: DocumentDecoder(document: self, node: node))
    }

    /// Arrays at least this long are decoded in parallel chunks.
    static let concurrentArrayLength = 8_192
}

/// A collection an empty JSON array or object decodes to directly.
protocol EmptyDecodable {
    static var emptyValue: Self { get }
    /// `[]` or `{}`: the other one is a type error.
    static var emptyKind: JSONDocument.Kind { get }
}

extension Array: EmptyDecodable where Element: Decodable {
    static var emptyValue: [Element] { [] }
    static var emptyKind: JSONDocument.Kind { .array }
}

extension Dictionary: EmptyDecodable where Key == String, Value: Decodable {
    static var emptyValue: [Key: Value] { [:] }
    static var emptyKind: JSONDocument.Kind { .object }
}

/// An array whose elements a document can decode on several threads (each element's decoding is
/// independent; marks set for different nodes do not collide).
protocol ConcurrentlyDecodable {
    static func decodeConcurrently(_ document: JSONDocument, _ node: Int) throws -> Self
}

extension Array: ConcurrentlyDecodable where Element: Decodable {
    /// Each part decodes its slice straight into the final array's storage (no copies).
    static func decodeConcurrently(_ document: JSONDocument, _ node: Int) throws -> [Element] {
        document.mark(node, JSONDocument.Marks.visited)
        let elements = document.elements(of: node)
        let parts = Swift.max(1, Swift.min(4, ProcessInfo.processInfo.activeProcessorCount))
        return try [Element](unsafeUninitializedCapacity: elements.count) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            let fast = Element.self as? FastDocumentDecodable.Type
            let outcomes = ParallelWork.run(parts) { part -> (done: Int, error: Error?) in
                let range = ParallelWork.slice(elements.count, part: part, of: parts)
                var done = 0
                do {
                    for index in range {
                        // `fast` is Element's own type, so its reader may build the element in place.
                        if let fast, fast.decodeFast(document, elements[index], into: UnsafeMutableRawPointer(base + index)) {
                        } else {
                            (base + index).initialize(to: try document.decodeValue(Element.self, elements[index]))
                        }
                        done += 1
                    }
                    return (done, nil)
                } catch {
                    return (done, error)
                }
            }
            // The first failure in element order is the one a sequential decode reports; the
            // elements the parts made are destroyed before it is thrown.
            if let failure = outcomes.lazy.compactMap(\.error).first {
                for (part, outcome) in outcomes.enumerated() {
                    let range = ParallelWork.slice(elements.count, part: part, of: parts)
                    (base + range.lowerBound).deinitialize(count: outcome.done)
                }
                initializedCount = 0
                throw failure
            }
            initializedCount = elements.count
        }
    }
}

// MARK: - Paths and unused keys

extension JSONDocument {
    /// The coding path from the root to a node (walks the document; used only for errors).
    func codingPath(to target: Int) -> [CodingKey] {
        var path: [CodingKey] = []
        var node = root
        while node != target, node < nodes.count {
            var found: Int?
            switch nodes[node].kind {
            case .object:
                for member in members(of: node) {
                    if member.key == target {
                        return path + [NameKey(string(member.key) ?? "")]
                    }
                    if member.value <= target, target < next(member.value) {
                        path.append(NameKey(string(member.key) ?? ""))
                        found = member.value
                        break
                    }
                }
            case .array:
                for (index, element) in elements(of: node).enumerated() where element <= target && target < next(element) {
                    path.append(IndexKey(index))
                    found = element
                    break
                }
            default:
                break
            }
            guard let child = found else { return path }
            node = child
        }
        return path
    }

    /// The node a coding path leads to, or the deepest node on the way (for an error's position).
    func node(at path: [CodingKey]) -> Int {
        var node = root
        for key in path {
            switch nodes[node].kind {
            case .object:
                guard let member = members(of: node).first(where: { string($0.key) == key.stringValue }) else { return node }
                node = member.value
            case .array:
                let elements = elements(of: node)
                guard let index = key.intValue, elements.indices.contains(index) else { return node }
                node = elements[index]
            default:
                return node
            }
        }
        return node
    }

    /// Keys of objects some decoder opened that no decoder asked for, with where each is
    /// (`tenant.usrs`, the key's byte offset), in file order. A path is spelled out only for a key
    /// that is reported.
    func unusedKeys() -> [(path: String, offset: Int)] {
        // Every key was asked for: nothing to search.
        if markedCount(Marks.used) == keyCount { return [] }
        var found: [(path: String, offset: Int)] = []
        var path: [PathStep] = []
        collectUnusedKeys(root, path: &path, into: &found)
        return found
    }

    /// A step of the path to a node: an object member (its key node) or an array position.
    private enum PathStep {
        case member(Int)
        case element(Int)
    }

    private func spell(_ path: [PathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .member(let key): text += (text.isEmpty ? "" : ".") + (string(key) ?? "")
            case .element(let index): text += "[\(index)]"
            }
        }
        return text
    }

    private func collectUnusedKeys(_ node: Int, path: inout [PathStep], into found: inout [(path: String, offset: Int)]) {
        guard isMarked(node, Marks.visited) else { return }
        switch nodes[node].kind {
        case .object:
            var child = firstChild(node)
            let end = next(node)
            while child < end {
                path.append(.member(child))
                if isMarked(child, Marks.used) {
                    collectUnusedKeys(child + 1, path: &path, into: &found)
                } else {
                    found.append((spell(path), offset(of: child)))
                }
                path.removeLast()
                child = next(child + 1)
            }
        case .array:
            var child = firstChild(node)
            let end = next(node)
            var index = 0
            while child < end {
                path.append(.element(index))
                collectUnusedKeys(child, path: &path, into: &found)
                path.removeLast()
                child = next(child)
                index += 1
            }
        default:
            break
        }
    }
}
