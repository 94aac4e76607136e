import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a tenant file was refused, or a change or save did not happen. Each message names the file
/// and says in plain words what is wrong; a refused file is left untouched, and a change that
/// could not be saved is not made.
public enum WorldStoreError: Error, Equatable, Sendable {
    case cannotRead(path: String, detail: String)
    case notJSON(path: String, line: Int, column: Int, detail: String)
    case missingSchemaVersion(path: String)
    case unsupportedSchemaVersion(path: String, found: Int, supported: Int)
    case invalidContent(path: String, detail: String)
    /// Keys teamsh does not know, refused because strict reading was asked for.
    case unknownKeys(path: String, keys: [String])
    /// A whole file could not be written (Export-TeamsSimTenant, a new world file).
    case cannotWrite(path: String, detail: String)
    /// A change could not be saved, so it was not made (`detail` is a sentence).
    case changeNotSaved(path: String, detail: String)
    /// The changes of the session are safe in the journal, but could not be folded into the file.
    case notFolded(path: String, journal: String, detail: String)

    public var message: String {
        switch self {
        case .cannotRead(let path, let detail):
            return "Cannot read the tenant file '\(path)': \(detail)"
        case .notJSON(let path, let line, let column, let detail):
            return "The tenant file '\(path)' is not valid JSON: \(detail) (line \(line), column \(column)). "
                + "It was left unchanged."
        case .missingSchemaVersion(let path):
            return "The tenant file '\(path)' has no \"schemaVersion\" number at its top level, so it is not a "
                + "teamsh tenant file. It was left unchanged."
        case .unsupportedSchemaVersion(let path, let found, let supported):
            return "The tenant file '\(path)' has schema version \(found), but this teamsh reads schema version "
                + "\(supported). It was left unchanged."
        case .invalidContent(let path, let detail):
            return "The tenant file '\(path)' is not a valid teamsh tenant: \(detail). It was left unchanged."
        case .unknownKeys(let path, let keys):
            return "The tenant file '\(path)' has \(WorldStoreError.describeKeys(keys)) that teamsh does not know. "
                + "Check the spelling; the file was left unchanged."
        case .cannotWrite(let path, let detail):
            return "Cannot write the tenant file '\(path)': \(detail)"
        case .changeNotSaved(let path, let detail):
            return "Cannot save the change to the tenant file '\(path)': \(detail) The change was not made."
        case .notFolded(let path, let journal, let detail):
            return "Cannot save the tenant file '\(path)': \(detail) The changes are kept in '\(journal)' and "
                + "are applied the next time teamsh opens the file."
        }
    }

    /// `the key tenant.usrs (line 3, column 5)` or `the keys a (…), b (…) and 3 more`.
    static func describeKeys(_ keys: [String]) -> String {
        let shown = keys.prefix(10)
        var text = keys.count == 1 ? "the key " : "the keys "
        text += shown.joined(separator: ", ")
        if keys.count > shown.count { text += " and \(keys.count - shown.count) more" }
        return text
    }
}

extension WorldStoreError: CustomStringConvertible {
    public var description: String { message }
}

/// A failed system call: which path, and the `errno` it set.
struct SystemCallError: Error {
    let path: String
    let code: Int32
    /// What the store was doing, when the path alone does not say (`create the journal`).
    var action: String = ""

    init(path: String, code: Int32 = errno, action: String = "") {
        self.path = path
        self.code = code
        self.action = action
    }

    /// The problem as a sentence, in .NET's words where pwsh users know them ("Access to the path
    /// '/x' is denied.", "Could not find file '/x'.").
    var sentence: String {
        switch code {
        case EACCES, EPERM: return "Access to the path '\(path)' is denied."
        case EROFS: return "The file system that holds '\(path)' is read-only."
        case ENOSPC: return "There is not enough space on the disk to write '\(path)'."
        case EDQUOT: return "The disk quota is exceeded, so '\(path)' cannot be written."
        case EISDIR: return "'\(path)' is a directory, not a file."
        case ENOENT: return "Could not find file '\(path)'."
        case ENOTDIR: return "Could not find a part of the path '\(path)'."
        case ELOOP: return "The path '\(path)' has too many levels of symbolic links."
        case ENAMETOOLONG: return "The path '\(path)' is too long."
        default: return "\(String(cString: strerror(code))) : '\(path)'"
        }
    }
}

/// The lock on a tenant file was not released in time by another process.
struct LockTimeout: Error {
    let holder: String?
    let seconds: Double

    var sentence: String {
        let who = holder.map { "another process (\($0))" } ?? "another process"
        let time = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "The file is locked by \(who), which did not release it within \(time) seconds."
    }
}
