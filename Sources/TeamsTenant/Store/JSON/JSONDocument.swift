import Foundation

/// A JSON text parsed into a flat list of nodes (a "tape"): the world file's reader.
///
/// Parsing makes no strings or numbers; a node records where its value is in the bytes, and
/// values are read only when they are decoded. A container node knows where its subtree ends, so
/// a decoder skips a member it does not want in one step. Opening a 100,000-user world is one
/// pass over its bytes plus the values the model keeps (Foundation's JSONDecoder, with its
/// JSONSerialization pre-pass, took about 2 s of CPU for the same file).
///
/// Strict JSON (RFC 8259): no comments, no trailing commas, no single quotes, UTF-8 only, as the
/// file is also read by other tools. A syntax error is reported with its line and column.
public final class JSONDocument {
    /// What a node holds.
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, array, object
    }

    /// One value. Containers are followed by their children: an array by its elements, an
    /// object by key, value, key, value… (each key is a `.string` node).
    struct Node {
        var kind: Kind
        /// `Flags` bits.
        var flags: UInt8
        /// Strings: the first byte after the opening quote; other values: their first byte.
        var start: UInt32
        /// Strings: the content's length in bytes; numbers: the text's length; containers: the
        /// number of elements or members.
        var length: UInt32
        /// The index of the first node after this value's subtree.
        var end: UInt32
    }

    /// Bits of `Node.flags`, found while parsing.
    enum Flags {
        /// A string holding `\` escapes (read the slow way).
        static let escaped: UInt8 = 1
        /// A string holding bytes above 0x7F (checked as UTF-8 when read).
        static let nonASCII: UInt8 = 2
    }

    /// Bits of a node's mark, set while decoding.
    enum Marks {
        /// A key some decoder asked for (unknown keys are the ones nobody asked for).
        static let used: UInt8 = 1
        /// A container some decoder opened.
        static let visited: UInt8 = 2
    }

    /// The text's bytes.
    let bytes: [UInt8]
    let nodes: [Node]
    /// How many object keys the text has (so a decode that used them all needs no search for
    /// unknown ones).
    let keyCount: Int
    /// One mark byte per node, apart from the nodes so they stay immutable (and are read
    /// without exclusivity checks).
    private let marks: UnsafeMutablePointer<UInt8>

    /// Parses a JSON text; throws `JSONSyntaxError` with the byte offset of the problem.
    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(offset: 0, problem: "the file is larger than 4 GB")
        }
        var parsed: [Node] = []
        var keys = 0
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(text: buffer)
            // About one node per 16 bytes of pretty-printed world.
            parser.nodes.reserveCapacity(buffer.count / 16 + 16)
            try parser.parseDocument()
            parsed = parser.nodes
            keys = parser.keyCount
        }
        nodes = parsed
        keyCount = keys
        marks = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, parsed.count))
        marks.initialize(repeating: 0, count: max(1, parsed.count))
    }

    deinit {
        marks.deallocate()
    }

    @inline(__always)
    func mark(_ node: Int, _ bit: UInt8) { marks[node] |= bit }

    @inline(__always)
    func isMarked(_ node: Int, _ bit: UInt8) -> Bool { marks[node] & bit != 0 }

    /// How many nodes carry a mark bit.
    func markedCount(_ bit: UInt8) -> Int {
        var count = 0
        for index in 0..<nodes.count where marks[index] & bit != 0 { count += 1 }
        return count
    }

    /// The root value's node.
    var root: Int { 0 }

    /// 1-based line and column (in characters) of a byte offset.
    public func lineAndColumn(ofOffset offset: Int) -> (line: Int, column: Int) {
        JSONDocument.lineAndColumn(of: offset, in: bytes)
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(max(0, min(offset, bytes.count))) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes of a multi-byte character do not start a new column.
                column += 1
            }
        }
        return (line, column)
    }
}

/// Why a text is not JSON, and where (a byte offset).
public struct JSONSyntaxError: Error, Equatable {
    public let offset: Int
    /// What is wrong, in plain words (`expected ',' or '}' after a member, found 'x'`).
    public let problem: String
}

// MARK: - Parser

extension JSONDocument {
    /// A recursive-descent parser over the bytes; every loop consumes input or stops.
    struct Parser {
        let text: UnsafeBufferPointer<UInt8>
        var position = 0
        var nodes: [Node] = []
        var keyCount = 0
        /// Deeper nesting is refused, so a hostile file cannot exhaust the stack.
        static let maximumDepth = 512

        init(text: UnsafeBufferPointer<UInt8>) {
            self.text = text
        }

        mutating func parseDocument() throws {
            // A UTF-8 byte order mark is allowed before the value.
            if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { position = 3 }
            skipWhitespace()
            guard position < text.count else { throw fail("the file is empty: a tenant file is a JSON object") }
            try parseValue(depth: 0)
            skipWhitespace()
            if position < text.count {
                throw fail("unexpected \(describe(position)) after the end of the JSON value")
            }
        }

        func fail(_ problem: String, at offset: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(offset: offset ?? position, problem: problem)
        }

        /// The byte at an offset as a reader would name it: `'x'`, `a line break`, `the end of the file`.
        func describe(_ offset: Int) -> String {
            guard offset < text.count else { return "end of the file" }
            let byte = text[offset]
            switch byte {
            case 0x0A, 0x0D: return "line break"
            case 0x09: return "tab"
            case 0x21...0x7E: return "character '\(Character(Unicode.Scalar(byte)))'"
            default:
                if byte < 0x20 { return "control character U+\(hex4(UInt32(byte)))" }
                return "character '\(characterText(at: offset))'"
            }
        }

        private func characterText(at offset: Int) -> String {
            var end = offset + 1
            while end < text.count, end - offset < 4, text[end] & 0xC0 == 0x80 { end += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: text[offset..<end]), as: UTF8.self)
        }

        @inline(__always)
        mutating func skipWhitespace() {
            while position < text.count {
                switch text[position] {
                case 0x20:
                    // Indentation comes in runs of spaces: eight at a time.
                    if position + 8 <= text.count, let base = text.baseAddress,
                        UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                        position += 8
                    } else {
                        position += 1
                    }
                case 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws {
            guard position < text.count else { throw fail("unexpected end of the file: a value is missing") }
            switch text[position] {
            case UInt8(ascii: "{"): try parseObject(depth: depth)
            case UInt8(ascii: "["): try parseArray(depth: depth)
            case UInt8(ascii: "\""): try parseString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
            case UInt8(ascii: "t"): try parseLiteral("true", .true)
            case UInt8(ascii: "f"): try parseLiteral("false", .false)
            case UInt8(ascii: "n"): try parseLiteral("null", .null)
            case UInt8(ascii: "'"):
                throw fail("strings must be in double quotes (\"…\"), not single quotes")
            case UInt8(ascii: "/"):
                throw fail("comments are not allowed in JSON")
            default:
                throw fail("unexpected \(describe(position)): a value (object, array, string, number, true, false or null) was expected")
            }
        }

        private mutating func append(_ kind: Kind, start: Int, length: Int, flags: UInt8 = 0) -> Int {
            nodes.append(Node(kind: kind, flags: flags, start: UInt32(start), length: UInt32(length),
                              end: UInt32(nodes.count + 1)))
            return nodes.count - 1
        }

        private mutating func parseLiteral(_ word: StaticString, _ kind: Kind) throws {
            let count = word.utf8CodeUnitCount
            let start = position
            var index = 0
            while index < count {
                guard position < text.count, text[position] == word.utf8Start[index] else {
                    throw fail("unexpected \(describe(start)): a value (object, array, string, number, true, false or null) was expected", at: start)
                }
                position += 1
                index += 1
            }
            if position < text.count, isIdentifierByte(text[position]) {
                throw fail("unexpected \(describe(start)): a value (object, array, string, number, true, false or null) was expected", at: start)
            }
            _ = append(kind, start: start, length: count)
        }

        private func isIdentifierByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }

        // G number = [ '-' ] int [ frac ] [ exp ]
        private mutating func parseNumber() throws {
            let start = position
            if text[position] == UInt8(ascii: "-") { position += 1 }
            guard position < text.count, isDigit(text[position]) else { throw fail("invalid number: a digit must follow '-'", at: start) }
            if text[position] == UInt8(ascii: "0") {
                position += 1
                if position < text.count, isDigit(text[position]) {
                    throw fail("invalid number: numbers must not start with 0", at: start)
                }
            } else {
                while position < text.count, isDigit(text[position]) { position += 1 }
            }
            if position < text.count, text[position] == UInt8(ascii: ".") {
                position += 1
                guard position < text.count, isDigit(text[position]) else {
                    throw fail("invalid number: a digit must follow the decimal point", at: start)
                }
                while position < text.count, isDigit(text[position]) { position += 1 }
            }
            if position < text.count, text[position] | 0x20 == UInt8(ascii: "e") {
                position += 1
                if position < text.count, text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < text.count, isDigit(text[position]) else {
                    throw fail("invalid number: the exponent has no digits", at: start)
                }
                while position < text.count, isDigit(text[position]) { position += 1 }
            }
            if position < text.count, isIdentifierByte(text[position]) {
                throw fail("invalid number: unexpected \(describe(position)) after it")
            }
            _ = append(.number, start: start, length: position - start)
        }

        @inline(__always)
        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        // G string = '"' { char | escape } '"'
        private mutating func parseString() throws {
            let quote = position
            position += 1
            let start = position
            var flags: UInt8 = 0
            while position < text.count {
                skipPlainStringBytes()
                guard position < text.count else { break }
                let byte = text[position]
                if byte == UInt8(ascii: "\"") {
                    _ = append(.string, start: start, length: position - start, flags: flags)
                    position += 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    flags |= Flags.escaped
                    try checkEscape()
                    continue
                }
                if byte < 0x20 {
                    if byte == 0x0A || byte == 0x0D {
                        throw fail("the string that starts here has no closing quote on its line", at: quote)
                    }
                    throw fail("a string holds \(describe(position)); write it as an escape such as \\t")
                }
                if byte >= 0x80 { flags |= Flags.nonASCII }
                position += 1
            }
            throw fail("the string that starts here has no closing quote", at: quote)
        }

        /// Steps over string bytes that need no attention (not `"`, `\`, a control character or
        /// a byte above 0x7F) eight at a time, testing a whole 64-bit word at once.
        @inline(__always)
        private mutating func skipPlainStringBytes() {
            guard let base = text.baseAddress else { return }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while position + 8 <= text.count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
                let special = (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                    | ((word &- ones &* 0x20) & ~word) | word) & highs
                if special != 0 {
                    // The lowest flagged byte is the first one that needs attention (the flags of
                    // later bytes may be wrong, but never the first's).
                    position += special.trailingZeroBitCount / 8
                    return
                }
                position += 8
            }
        }

        /// Checks one escape sequence at `position` (a backslash) and steps over it.
        private mutating func checkEscape() throws {
            let backslash = position
            position += 1
            guard position < text.count else { throw fail("the string that starts here has no closing quote", at: backslash) }
            switch text[position] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                position += 1
            case UInt8(ascii: "u"):
                position += 1
                for _ in 0..<4 {
                    guard position < text.count, hexValue(text[position]) != nil else {
                        throw fail("invalid escape: \\u must be followed by four hex digits", at: backslash)
                    }
                    position += 1
                }
            default:
                throw fail("invalid escape '\\\(characterText(at: position))' in a string", at: backslash)
            }
        }

        // G object = '{' [ string ':' value { ',' string ':' value } ] '}'
        private mutating func parseObject(depth: Int) throws {
            guard depth < Parser.maximumDepth else { throw fail("the JSON is nested more than \(Parser.maximumDepth) levels deep") }
            let node = append(.object, start: position, length: 0)
            position += 1
            var count = 0
            skipWhitespace()
            if position < text.count, text[position] == UInt8(ascii: "}") {
                position += 1
                close(node, count: count)
                return
            }
            while true {
                skipWhitespace()
                guard position < text.count else { throw fail("unexpected end of the file: the object has no closing '}'") }
                guard text[position] == UInt8(ascii: "\"") else {
                    if text[position] == UInt8(ascii: "}") { throw fail("a comma before '}' is not allowed in JSON") }
                    throw fail("expected a key in double quotes, found \(describe(position))")
                }
                try parseString()
                keyCount += 1
                skipWhitespace()
                guard position < text.count, text[position] == UInt8(ascii: ":") else {
                    throw fail("expected ':' after the key, found \(describe(position))")
                }
                position += 1
                skipWhitespace()
                try parseValue(depth: depth + 1)
                count += 1
                if try endOfItem(UInt8(ascii: "}"), node, count: count, container: "object", item: "an object member") { return }
            }
        }

        /// After a member or element: `,` goes on to the next (false); the closing bracket ends
        /// the container (true).
        private mutating func endOfItem(_ closing: UInt8, _ node: Int, count: Int, container: String, item: String) throws -> Bool {
            skipWhitespace()
            let bracket = Character(Unicode.Scalar(closing))
            guard position < text.count else { throw fail("unexpected end of the file: the \(container) has no closing '\(bracket)'") }
            if text[position] == UInt8(ascii: ",") {
                position += 1
                return false
            }
            if text[position] == closing {
                position += 1
                close(node, count: count)
                return true
            }
            throw fail("expected ',' or '\(bracket)' after \(item), found \(describe(position))")
        }

        // G array = '[' [ value { ',' value } ] ']'
        private mutating func parseArray(depth: Int) throws {
            guard depth < Parser.maximumDepth else { throw fail("the JSON is nested more than \(Parser.maximumDepth) levels deep") }
            let node = append(.array, start: position, length: 0)
            position += 1
            var count = 0
            skipWhitespace()
            if position < text.count, text[position] == UInt8(ascii: "]") {
                position += 1
                close(node, count: count)
                return
            }
            while true {
                skipWhitespace()
                if position < text.count, text[position] == UInt8(ascii: "]") {
                    throw fail("a comma before ']' is not allowed in JSON")
                }
                try parseValue(depth: depth + 1)
                count += 1
                if try endOfItem(UInt8(ascii: "]"), node, count: count, container: "array", item: "an array element") { return }
            }
        }

        private mutating func close(_ node: Int, count: Int) {
            nodes[node].length = UInt32(count)
            nodes[node].end = UInt32(nodes.count)
        }
    }
}

/// The value of a hex digit, or nil.
@inline(__always)
func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

/// Four upper-case hex digits (`000A`).
func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

// MARK: - Reading values

extension JSONDocument {
    /// The first child node of a container (its first element, or its first member's key).
    @inline(__always)
    func firstChild(_ node: Int) -> Int { node + 1 }

    /// The node after a value's subtree.
    @inline(__always)
    func next(_ node: Int) -> Int { Int(nodes[node].end) }

    /// A string node's text; nil when its bytes are not valid UTF-8.
    func string(_ node: Int) -> String? {
        let entry = nodes[node]
        let start = Int(entry.start), end = start + Int(entry.length)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if entry.flags & Flags.escaped != 0 { return JSONDocument.unescape(slice) }
            if entry.flags & Flags.nonASCII != 0 { return String(validating: slice, as: UTF8.self) }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    /// Whether a string node's text is exactly `key` (a key with escapes is compared the slow way).
    func stringEquals(_ node: Int, _ key: String) -> Bool {
        string(node) == key
    }

    /// A number node's text.
    func numberText(_ node: Int) -> Substring {
        let entry = nodes[node]
        let start = Int(entry.start)
        return Substring(String(decoding: bytes[start..<start + Int(entry.length)], as: UTF8.self))
    }

    /// A number node as an Int when it is a whole number in range (`12`, `-3`, `4.0`, `1e3`).
    func integer(_ node: Int) -> Int? {
        let entry = nodes[node]
        let start = Int(entry.start), end = start + Int(entry.length)
        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let digit = Int(bytes[index] - UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        if index == end { return value }
        // A fraction or exponent: accept it when the value is whole and exactly representable.
        guard let double = Double(numberText(node)), double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    /// The text of a string with escapes, or nil when it is not valid UTF-8.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = 0
        var pendingHighSurrogate: UInt32?
        func appendScalar(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                return
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < raw.count else {
                if let high = pendingHighSurrogate {
                    appendScalar(high)
                    pendingHighSurrogate = nil
                }
                out.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            if escape == UInt8(ascii: "u"), index + 4 <= raw.count {
                var value: UInt32 = 0
                for offset in 0..<4 { value = value << 4 | (hexValue(raw[index + offset]) ?? 0) }
                index += 4
                if let high = pendingHighSurrogate {
                    pendingHighSurrogate = nil
                    if (0xDC00...0xDFFF).contains(value) {
                        appendScalar(0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00))
                        continue
                    }
                    appendScalar(high)
                }
                if (0xD800...0xDBFF).contains(value) {
                    pendingHighSurrogate = value
                } else {
                    appendScalar(value)
                }
                continue
            }
            if let high = pendingHighSurrogate {
                appendScalar(high)
                pendingHighSurrogate = nil
            }
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            default: out.append(escape)
            }
        }
        if let high = pendingHighSurrogate { appendScalar(high) }
        return String(validating: out, as: UTF8.self)
    }

    /// The value node of an object's member named `key`, or nil. Marks the key as used. Keys are
    /// compared as bytes (a dozen per object in a world), with no string made.
    func member(of object: Int, named key: inout String) -> Int? {
        let found: Int? = key.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { text in
                nodes.withUnsafeBufferPointer { nodes in
                    guard let textBase = text.baseAddress else { return nil }
                    var child = object + 1
                    let end = Int(nodes[object].end)
                    while child < end {
                        let entry = nodes[child]
                        if Int(entry.length) == wanted.count || entry.flags & Flags.escaped != 0 {
                            let matches: Bool
                            if entry.flags & Flags.escaped != 0 {
                                matches = stringEquals(child, String(decoding: wanted, as: UTF8.self))
                            } else if let wantedBase = wanted.baseAddress {
                                // Keys of one length mostly differ in their first byte.
                                matches = textBase[Int(entry.start)] == wantedBase[0]
                                    && memcmp(textBase + Int(entry.start), wantedBase, wanted.count) == 0
                            } else {
                                matches = true
                            }
                            if matches { return child }
                        }
                        child = Int(nodes[child + 1].end)
                    }
                    return nil
                }
            }
        }
        guard let keyNode = found else { return nil }
        mark(keyNode, Marks.used)
        return keyNode + 1
    }

    /// `(key node, value node)` of each member of an object, in file order.
    func members(of object: Int) -> [(key: Int, value: Int)] {
        var result: [(key: Int, value: Int)] = []
        result.reserveCapacity(Int(nodes[object].length))
        var child = firstChild(object)
        let end = next(object)
        while child < end {
            result.append((child, child + 1))
            child = next(child + 1)
        }
        return result
    }

    /// The element nodes of an array, in order.
    func elements(of array: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(Int(nodes[array].length))
        var child = firstChild(array)
        let end = next(array)
        while child < end {
            result.append(child)
            child = next(child)
        }
        return result
    }

    /// The byte offset where a node's value starts (strings: their opening quote).
    func offset(of node: Int) -> Int {
        let entry = nodes[node]
        return Int(entry.start) - (entry.kind == .string ? 1 : 0)
    }
}
