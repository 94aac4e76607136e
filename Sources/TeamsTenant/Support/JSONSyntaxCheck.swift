import Foundation

/// Where a text stops being JSON (RFC 8259) and what was expected there, so a refused world file
/// names its line and column. Foundation's parser says only "the data is not in the correct
/// format" (or a character offset), so this scanner runs once Foundation has refused the bytes.
enum JSONSyntaxCheck {
    /// The first syntax error as `line L, column C: what`, or nil when the scanner finds none
    /// (then Foundation's own reason is kept).
    static func firstError(in data: Data) -> String? {
        var scanner = Scanner(bytes: [UInt8](data))
        do {
            scanner.skipWhitespace()
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            if scanner.position < scanner.bytes.count { throw scanner.failure("the end of the file expected after the top-level value") }
            return nil
        } catch let failure as Failure {
            return "line \(failure.line), column \(failure.column): \(failure.reason)"
        } catch {
            return nil
        }
    }

    struct Failure: Error {
        let line: Int
        let column: Int
        let reason: String
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        /// Deeper nesting than Foundation's parser accepts.
        static let maximumDepth = 512

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        /// A failure at the current position; columns count characters, not bytes.
        func failure(_ reason: String) -> Failure {
            var line = 1, lineStart = 0
            for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            let prefix = bytes[lineStart..<min(position, bytes.count)]
            let column = String(decoding: prefix, as: UTF8.self).count + 1
            return Failure(line: line, column: column, reason: reason)
        }

        /// What is at the current position, for messages: `'x'` or `the end of the file`.
        var found: String {
            guard let byte = current else { return "the end of the file" }
            if byte == 0x0A || byte == 0x0D { return "the end of the line" }
            if byte < 0x20 { return "a control character" }
            if byte < 0x80 { return "'" + String(UnicodeScalar(byte)) + "'" }
            return "a non-ASCII character"
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func value(depth: Int) throws {
            guard let byte = current else { throw failure("a value expected, found the end of the file") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw failure("a value expected, found \(found)")
            }
        }

        mutating func object(depth: Int) throws {
            if try opens(depth: depth, closing: "}") { return }
            repeat {
                guard current == UInt8(ascii: "\"") else { throw failure("a property name in double quotes expected, found \(found)") }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw failure("':' expected after the property name, found \(found)") }
                position += 1
                skipWhitespace()
                try value(depth: depth)
            } while try !closes("}", after: "the property's value")
        }

        mutating func array(depth: Int) throws {
            if try opens(depth: depth, closing: "]") { return }
            repeat {
                try value(depth: depth)
            } while try !closes("]", after: "the list's item")
        }

        /// Steps over `{` or `[`; true when the container closes at once.
        mutating func opens(depth: Int, closing: Unicode.Scalar) throws -> Bool {
            if depth > Scanner.maximumDepth { throw failure("nested more than \(Scanner.maximumDepth) levels deep") }
            position += 1
            skipWhitespace()
            guard current == UInt8(ascii: closing) else { return false }
            position += 1
            return true
        }

        /// After an item: a comma (false: another item follows) or the closing bracket (true).
        mutating func closes(_ closing: Unicode.Scalar, after item: String) throws -> Bool {
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
                return false
            case UInt8(ascii: closing):
                position += 1
                return true
            default:
                throw failure("',' or '\(closing)' expected after \(item), found \(found)")
            }
        }

        mutating func string() throws {
            let start = position
            position += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return
                case UInt8(ascii: "\\"):
                    position += 1
                    guard let escaped = current else { break }
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            position += 1
                            guard let digit = current, (digit >= 0x30 && digit <= 0x39) || (digit | 0x20 >= 0x61 && digit | 0x20 <= 0x66)
                            else { throw failure("four hexadecimal digits expected after \\u, found \(found)") }
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        throw failure("an escape sequence expected after '\\', found \(found)")
                    }
                    position += 1
                case 0x00..<0x20:
                    throw failure("a control character inside a string (write it as an escape such as \\n)")
                default:
                    position += 1
                }
            }
            let end = position
            position = start
            let unterminated = failure("the string starting here is not closed with '\"'")
            position = end
            throw unterminated
        }

        mutating func number() throws {
            func digits() -> Int {
                var count = 0
                while let byte = current, byte >= 0x30 && byte <= 0x39 {
                    position += 1
                    count += 1
                }
                return count
            }
            if current == UInt8(ascii: "-") { position += 1 }
            if current == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                throw failure("a digit expected, found \(found)")
            }
            if current == UInt8(ascii: ".") {
                position += 1
                if digits() == 0 { throw failure("a digit expected after the decimal point, found \(found)") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                if digits() == 0 { throw failure("a digit expected in the exponent, found \(found)") }
            }
        }

        mutating func literal(_ word: String) throws {
            for expected in word.utf8 {
                guard current == expected else { throw failure("'\(word)' expected, found \(found)") }
                position += 1
            }
        }
    }
}
