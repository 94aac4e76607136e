import Foundation
import PowerShellRuntime

/// `System.IO.FileInfo` and `System.IO.DirectoryInfo` as the FileSystem provider returns them,
/// with the provider's note properties (PSPath, PSParentPath, PSChildName, PSIsContainer …).
/// The file-system items for layers above the cmdlets (Pester's `$TestDrive`).
public enum FileSystemItems {
    /// The FileInfo or DirectoryInfo of an absolute path as a value, or nil when nothing is there.
    public static func value(at path: String) -> Value? {
        FileSystemItem.at(path).map { .object($0) }
    }
}

final class FileSystemItem: PSNativeObject {
    let fullName: String
    let isDirectory: Bool
    private var attributesCache: [FileAttributeKey: Any]?
    private var attributes: [FileAttributeKey: Any] {
        if let a = attributesCache { return a }
        let a = (try? FileManager.default.attributesOfItem(atPath: fullName)) ?? [:]
        attributesCache = a
        return a
    }

    init(path: String, isDirectory: Bool) {
        self.fullName = path
        self.isDirectory = isDirectory
    }

    /// The item at an absolute path, or nil when nothing is there.
    static func at(_ path: String) -> FileSystemItem? {
        var dir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &dir) else { return nil }
        return FileSystemItem(path: path, isDirectory: dir.boolValue)
    }

    var name: String { fullName == "/" ? "/" : (fullName as NSString).lastPathComponent }
    var parentPath: String { fullName == "/" ? "" : (fullName as NSString).deletingLastPathComponent }

    /// `.txt` for `a.txt`; empty when there is none (`.bashrc` is all extension, as in .NET).
    var extensionText: String {
        let n = name
        guard let dot = n.lastIndex(of: "."), n.index(after: dot) != n.endIndex else { return "" }
        return String(n[dot...])
    }

    var baseName: String {
        if isDirectory { return name }
        let ext = extensionText
        return ext.isEmpty ? name : String(name.dropLast(ext.count))
    }

    var length: Int64 { (attributes[.size] as? NSNumber)?.int64Value ?? 0 }

    var lastWriteTime: PSDateTime { FileSystemItem.localDate(attributes[.modificationDate] as? Date) }
    var creationTime: PSDateTime { FileSystemItem.localDate((attributes[.creationDate] as? Date) ?? (attributes[.modificationDate] as? Date)) }

    /// A Foundation date as a Local DateTime.
    static func localDate(_ date: Date?) -> PSDateTime {
        let seconds = (date ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970
        let utc = Ticks.unixEpoch + Int64((seconds * Double(Ticks.perSecond)).rounded(.down))
        return PSDateTime(ticks: utc + Ticks.localOffset(utcTicks: utc), kind: .local)
    }

    /// `-rw-r--r--` / `drwxr-xr-x`.
    var unixMode: String {
        let perms = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        var s = isDirectory ? "d" : ((attributes[.type] as? FileAttributeType) == .typeSymbolicLink ? "l" : "-")
        let chars: [Character] = ["r", "w", "x"]
        for i in 0..<9 {
            s.append(perms & (1 << (8 - i)) != 0 ? chars[i % 3] : "-")
        }
        return s
    }

    /// The attribute letters pwsh shows in `Mode` (FileSystemProvider.Mode): `l` for a link
    /// (a symbolic link, or for `Mode` also a file with more than one hard link) else `d` or
    /// `-`, then `r` read-only and `h` hidden (a dot-file). .NET on Linux sets no Archive or
    /// System attribute, so a plain file is `-----`.
    func modeText(excludeHardLink: Bool) -> String {
        let hidden = name.hasPrefix(".") && name != "." && name != ".."
        let hardLink = !excludeHardLink && !isDirectory && ((attributes[.referenceCount] as? NSNumber)?.intValue ?? 1) > 1
        let first = linkTarget != nil || hardLink ? "l" : (isDirectory ? "d" : "-")
        let readOnly = !FileManager.default.isWritableFile(atPath: fullName)
        return first + "-" + (readOnly ? "r" : "-") + (hidden ? "h" : "-") + "-"
    }

    /// FileSystemInfo.Attributes as .NET reports them on Unix: Directory, ReadOnly (no write
    /// permission), Hidden (a dot-name), ReparsePoint (a symbolic link); Normal when none.
    var attributeBits: Int64 {
        var bits: Int64 = 0
        if isDirectory { bits |= 16 }
        if name.hasPrefix(".") && name != "." && name != ".." { bits |= 2 }
        if !FileManager.default.isWritableFile(atPath: fullName) { bits |= 1 }
        if linkTarget != nil { bits |= 1024 }
        return bits == 0 ? 128 : bits
    }

    /// Where a symbolic link points (nil for anything else).
    var linkTarget: String? {
        guard (attributes[.type] as? FileAttributeType) == .typeSymbolicLink else { return nil }
        return try? FileManager.default.destinationOfSymbolicLink(atPath: fullName)
    }

    var psPath: String { "Microsoft.PowerShell.Core\\FileSystem::" + fullName }

    override var typeFullName: String { isDirectory ? "System.IO.DirectoryInfo" : "System.IO.FileInfo" }
    override var typeHierarchy: [String] { [typeFullName, "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"] }

    override var propertyNames: [String] {
        let common = ["PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "Mode", "ModeWithoutHardLink",
                      "BaseName", "ResolvedTarget", "Target", "LinkType"]
        if isDirectory {
            return common + ["Name", "FullName", "Parent", "Exists", "Root", "Extension", "CreationTime", "CreationTimeUtc",
                             "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime", "LastWriteTimeUtc", "LinkTarget", "UnixFileMode",
                             "Attributes"]
        }
        return common + ["Name", "Length", "DirectoryName", "Directory", "IsReadOnly", "Exists", "FullName", "Extension",
                         "CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime", "LastWriteTimeUtc",
                         "LinkTarget", "UnixFileMode", "Attributes"]
    }

    /// FileSystemInfo's settable times: LastWriteTime and LastAccessTime (and their Utc forms)
    /// set the file's modification time, which teamsh reports for both. NOTE: CreationTime is
    /// refused as read-only: Linux keeps no settable creation time.
    override func setProperty(_ n: String, _ value: Value) -> Bool {
        let lower = n.lowercased()
        guard ["lastwritetime", "lastaccesstime", "lastwritetimeutc", "lastaccesstimeutc"].contains(lower),
              case .object(let o)? = try? Conversion.convert(value, to: TypeResolver.datetime), let date = o as? PSDateTime else { return false }
        // A Local or Unspecified time is local unless the Utc property is set; a Utc one is UTC.
        let utc = date.kind == .utc || (lower.hasSuffix("utc") && date.kind != .local)
            ? date.ticks : date.ticks - Ticks.localOffset(localTicks: date.ticks)
        let seconds = Double(utc - Ticks.unixEpoch) / Double(Ticks.perSecond)
        do {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: fullName)
        } catch {
            return false
        }
        attributesCache = nil
        return true
    }

    override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name", "pschildname": return .string(name)
        case "fullname", "resolvedtarget": return .string(fullName)
        case "pspath": return .string(psPath)
        case "psparentpath": return .string(fullName == "/" ? "" : "Microsoft.PowerShell.Core\\FileSystem::" + parentPath)
        case "psdrive": return .string("/")
        case "psprovider": return .string("Microsoft.PowerShell.Core\\FileSystem")
        case "psiscontainer": return .bool(isDirectory)
        case "mode": return .string(modeText(excludeHardLink: false))
        case "modewithouthardlink": return .string(modeText(excludeHardLink: true))
        case "unixmode": return .string(unixMode)
        case "user": return .string((attributes[.ownerAccountName] as? String) ?? "root")
        case "group": return .string((attributes[.groupOwnerAccountName] as? String) ?? "root")
        case "size": return isDirectory ? .long(length) : .long(length)
        case "basename": return .string(baseName)
        case "extension": return .string(extensionText)
        case "length": return isDirectory ? nil : .long(length)
        case "directoryname": return isDirectory ? nil : .string(parentPath)
        case "directory", "parent":
            if isDirectory != (n.lowercased() == "parent") { return nil }
            return fullName == "/" ? .null : .object(FileSystemItem(path: parentPath, isDirectory: true))
        case "root": return isDirectory ? .object(FileSystemItem(path: "/", isDirectory: true)) : nil
        case "exists": return .bool(FileManager.default.fileExists(atPath: fullName))
        case "isreadonly": return .bool(!FileManager.default.isWritableFile(atPath: fullName))
        case "lastwritetime", "lastaccesstime": return .object(lastWriteTime)
        case "creationtime": return .object(creationTime)
        case "lastwritetimeutc", "lastaccesstimeutc", "creationtimeutc":
            let local = n.lowercased().hasPrefix("creation") ? creationTime : lastWriteTime
            return .object(PSDateTime(ticks: local.ticks - Ticks.localOffset(localTicks: local.ticks), kind: .utc))
        case "target", "linktarget": return linkTarget.map { .string($0) } ?? .null
        case "linktype": return linkTarget == nil ? .null : .string("SymbolicLink")
        case "attributes": return .object(PSEnumValue(DotNetEnums.fileAttributes, attributeBits))
        case "unixfilemode": return .string(unixMode)
        default: return nil
        }
    }

    override func toPSString() -> String { fullName }
}

/// An environment variable as the Environment provider returns it (`Get-Item env:HOME`).
final class EnvironmentEntry: PSNativeObject {
    let name: String
    let value: String

    init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    override var typeFullName: String { "System.Collections.DictionaryEntry" }
    override var typeHierarchy: [String] { [typeFullName, "System.ValueType", "System.Object"] }
    override var propertyNames: [String] { ["PSPath", "PSDrive", "PSProvider", "PSIsContainer", "Name", "Key", "Value"] }
    override var defaultDisplayProperties: [String]? { ["Name", "Value"] }

    override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name", "key", "pschildname": return .string(name)
        case "value": return .string(value)
        case "pspath": return .string("Microsoft.PowerShell.Core\\Environment::" + name)
        case "psdrive": return .string("Env")
        case "psprovider": return .string("Microsoft.PowerShell.Core\\Environment")
        case "psiscontainer": return .bool(false)
        default: return nil
        }
    }

    override func toPSString() -> String { "System.Collections.DictionaryEntry" }
}
