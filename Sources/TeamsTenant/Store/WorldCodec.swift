import Foundation

/// The world file's format: a JSON object with `schemaVersion` and the world's sections, keys
/// sorted, two-space indents, a final line break. Reading checks, in order: the bytes are JSON;
/// the top level has a known `schemaVersion`; the content is a valid world. It also finds the keys
/// no part of the world reads (a misspelt `"usrs"`), which the caller warns about or refuses.
public enum WorldCodec {
    /// A world read from a file, and the keys in it that teamsh does not know, each as
    /// `tenant.usrs (line 3, column 5)`.
    public struct Decoded {
        public let world: World
        public let unknownKeys: [String]
    }

    public static func decode(_ bytes: [UInt8], path: String) throws -> Decoded {
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes)
        } catch let error as JSONSyntaxError {
            let position = JSONDocument.lineAndColumn(of: error.offset, in: bytes)
            throw WorldStoreError.notJSON(path: path, line: position.line, column: position.column, detail: error.problem)
        }
        try checkSchemaVersion(document, path: path)
        let world: World
        do {
            world = try document.decodeValue(World.self, document.root)
        } catch let error as DecodingError {
            throw WorldStoreError.invalidContent(path: path, detail: describe(error, in: document))
        }
        let unknown = document.unusedKeys().map { key -> String in
            let position = document.lineAndColumn(ofOffset: key.offset)
            return "\(key.path) (line \(position.line), column \(position.column))"
        }
        return Decoded(world: world, unknownKeys: unknown)
    }

    private static func checkSchemaVersion(_ document: JSONDocument, path: String) throws {
        guard document.nodes[document.root].kind == .object else { throw WorldStoreError.missingSchemaVersion(path: path) }
        var name = "schemaVersion"
        guard let node = document.member(of: document.root, named: &name), document.nodes[node].kind == .number,
            let version = document.integer(node)
        else { throw WorldStoreError.missingSchemaVersion(path: path) }
        guard version == World.currentSchemaVersion else {
            throw WorldStoreError.unsupportedSchemaVersion(path: path, found: version, supported: World.currentSchemaVersion)
        }
    }

    /// The file's bytes: pretty-printed JSON with sorted keys and a final line break.
    public static func encode(_ world: World) throws -> [UInt8] {
        let value = try ValueEncoder.encode(world)
        var writer = JSONTextWriter(pretty: true, capacity: 1 << 16)
        writer.write(value)
        var bytes = writer.bytes
        bytes.append(0x0A)
        return bytes
    }

    // MARK: Messages

    /// A decoding error in plain words, with where it is: `tenant.users[0].userPrincipalName
    /// should be a string (line 7, column 30)`.
    static func describe(_ error: DecodingError, in document: JSONDocument) -> String {
        func location(_ path: [CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the top level" : text
        }
        func position(_ path: [CodingKey]) -> String {
            let place = document.lineAndColumn(ofOffset: document.offset(of: document.node(at: path)))
            return " (line \(place.line), column \(place.column))"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(location(context.codingPath + [key])) is missing" + position(context.codingPath)
        case .typeMismatch(let type, let context):
            return "\(location(context.codingPath)) should be \(describeType(type))" + position(context.codingPath)
        case .valueNotFound(let type, let context):
            return "\(location(context.codingPath)) should be \(describeType(type)), not null" + position(context.codingPath)
        case .dataCorrupted(let context):
            return "\(location(context.codingPath)): \(context.debugDescription)" + position(context.codingPath)
        @unknown default:
            return String(describing: error)
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type, is Int64.Type, is UInt64.Type: return "a number"
        case is Date.Type: return "a date and time such as 2026-02-02T09:00:00Z"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
            return "an object"
        }
    }
}
