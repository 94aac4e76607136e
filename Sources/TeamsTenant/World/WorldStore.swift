import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a tenant file was refused or could not be written. A refused file is left untouched.
public enum WorldStoreError: Error, Equatable, Sendable {
    case cannotRead(path: String, detail: String)
    case notJSON(path: String, detail: String)
    case missingSchemaVersion(path: String)
    case unsupportedSchemaVersion(path: String, found: Int, supported: Int)
    case invalidContent(path: String, detail: String)
    case cannotWrite(path: String, detail: String)

    public var message: String {
        switch self {
        case .cannotRead(let path, let detail):
            return "Cannot read the tenant file '\(path)': \(detail)"
        case .notJSON(let path, let detail):
            return "The tenant file '\(path)' is not valid JSON (\(detail)). It was left unchanged."
        case .missingSchemaVersion(let path):
            return "The tenant file '\(path)' has no \"schemaVersion\" number at its top level, so it is not a "
                + "teamsh tenant file. It was left unchanged."
        case .unsupportedSchemaVersion(let path, let found, let supported):
            return "The tenant file '\(path)' has schema version \(found), but this teamsh reads schema version "
                + "\(supported). It was left unchanged."
        case .invalidContent(let path, let detail):
            return "The tenant file '\(path)' is not a valid teamsh tenant: \(detail). It was left unchanged."
        case .cannotWrite(let path, let detail):
            return "Cannot write the tenant file '\(path)': \(detail)"
        }
    }
}

extension WorldStoreError: CustomStringConvertible {
    public var description: String { message }
}

/// Reads and writes a world as a JSON tenant file (`teamsh -Tenant FILE`, Export-/Import-
/// TeamsSimTenant). Output is deterministic (sorted keys, pretty printed, ISO 8601 dates), and
/// saving is atomic: a temporary file in the same directory is written, then renamed over the
/// target, so a crash never leaves half a file.
public struct WorldStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The world in the file, or, when there is no file, the default world, which is saved there.
    public func loadOrCreate() throws -> World {
        if FileManager.default.fileExists(atPath: path) {
            return try WorldStore.read(from: path)
        }
        let world = World.defaultWorld()
        try WorldStore.write(world, to: path)
        return world
    }

    /// Saves the world atomically.
    public func save(_ world: World) throws {
        try WorldStore.write(world, to: path)
    }

    // MARK: Reading

    public static func read(from path: String) throws -> World {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WorldStoreError.cannotRead(path: path, detail: describe(error))
        }
        return try decode(data, path: path)
    }

    /// Checks, in order: the bytes are JSON; the top level has a known `schemaVersion`; the
    /// content is a valid world.
    public static func decode(_ data: Data, path: String) throws -> World {
        let topLevel: Any
        do {
            topLevel = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw WorldStoreError.notJSON(path: path, detail: JSONSyntaxCheck.firstError(in: data) ?? describe(error))
        }
        guard let object = topLevel as? [String: Any], let versionNumber = object["schemaVersion"] as? NSNumber,
            let version = Int(exactly: versionNumber.doubleValue)
        else { throw WorldStoreError.missingSchemaVersion(path: path) }
        guard version == World.currentSchemaVersion else {
            throw WorldStoreError.unsupportedSchemaVersion(
                path: path, found: version, supported: World.currentSchemaVersion)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(World.self, from: data)
        } catch let error as DecodingError {
            throw WorldStoreError.invalidContent(path: path, detail: describe(error))
        } catch {
            throw WorldStoreError.invalidContent(path: path, detail: describe(error))
        }
    }

    // MARK: Writing

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    public static func encode(_ world: World) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(world)
        data.append(0x0A)
        return data
    }

    /// Writes a temporary file beside `path`, then renames it over `path`.
    public static func write(_ world: World, to path: String) throws {
        let data: Data
        do {
            data = try encode(world)
        } catch {
            throw WorldStoreError.cannotWrite(path: path, detail: describe(error))
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporaryPath = directory + "/." + url.lastPathComponent + ".\(getpid()).\(nextTemporarySuffix()).tmp"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: data) else {
            throw WorldStoreError.cannotWrite(path: path, detail: "cannot create a temporary file in '\(directory)'")
        }
        guard rename(temporaryPath, path) == 0 else {
            let detail = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw WorldStoreError.cannotWrite(path: path, detail: detail)
        }
    }

    private static let temporaryCounter = TemporaryCounter()

    private static func nextTemporarySuffix() -> Int { temporaryCounter.next() }

    // MARK: Messages

    /// A short, readable description of a decoding error: where, then what.
    static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else {
            return (error as NSError).localizedDescription
        }
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
        switch decodingError {
        case .keyNotFound(let key, let context):
            return "\(location(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(location(context.codingPath)) should be \(describeType(type))"
        case .valueNotFound(let type, let context):
            return "\(location(context.codingPath)) should be \(describeType(type)), not null"
        case .dataCorrupted(let context):
            return "\(location(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") || name.hasPrefix("[") ? "a list" : "an object (\(name))"
        }
    }
}

/// A thread-safe counter so two saves in one process never share a temporary name.
private final class TemporaryCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
