import Foundation
import PowerShellRuntime

/// The item cmdlets of the FileSystem and Environment providers.
enum ItemCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Test-Path", TestPathCommand.self),
        ("Get-Item", GetItemCommand.self),
        ("Get-ChildItem", GetChildItemCommand.self),
        ("New-Item", NewItemCommand.self),
        ("Remove-Item", RemoveItemCommand.self),
        ("Copy-Item", CopyItemCommand.self),
        ("Move-Item", MoveItemCommand.self),
        ("Rename-Item", RenameItemCommand.self),
        ("Set-Item", SetItemCommand.self),
    ]

    /// The object Get-Item and friends write for a provider path.
    static func itemValue(_ p: ProviderPath, _ rt: CommandRuntime) -> Value? {
        switch p.provider {
        case .fileSystem:
            return FileSystemItem.at(p.path).map { .object($0) }
        default:
            return SessionStateDrive.item(p.provider, p.path, rt)
        }
    }

    static func ioError(_ rt: CommandRuntime, _ message: String, _ id: String, _ path: String,
                        type: ExceptionType = .ioException, category: ErrorCategory = .WriteError) -> ErrorRecord {
        rt.makeError(type, message, errorId: id, category: category, target: .string(path))
    }
}

/// `Test-Path [-Path] <string[]> [-PathType Any|Container|Leaf] [-IsValid]`
final class TestPathCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        let pathType = try rt.enumParameter("PathType", typeName: "Microsoft.PowerShell.Commands.TestPathType",
                                            names: ["Any", "Container", "Leaf"]) ?? "Any"
        // -Path allows $null and an empty array, which pwsh's TestPathCommand reports as
        // NullPathNotPermitted (a non-terminating error, no result) rather than as $false.
        let given = rt.bound.values[literal ? "literalpath" : "path"] ?? .null
        let items = given.array?.items ?? [given]
        if given.isNull || items.isEmpty {
            try rt.writeError(Self.nullPathError(rt))
            return
        }
        for (raw, item) in zip(paths, items) {
            if item.isNull {
                try rt.writeError(Self.nullPathError(rt))
                continue
            }
            if rt.bound.isOn("IsValid") {
                try rt.writeObject(.bool(!raw.contains("\0")))
                continue
            }
            if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                try rt.writeObject(.bool(false))
                continue
            }
            let matches = resolver.expand(raw, literal: literal).filter { p in
                guard resolver.exists(p) else { return false }
                if p.provider == .fileSystem, !Self.inAgeRange(p.path, rt) { return false }
                switch (pathType, p.provider) {
                case ("Any", _): return true
                case (_, .fileSystem):
                    var dir: ObjCBool = false
                    _ = FileManager.default.fileExists(atPath: p.path, isDirectory: &dir)
                    return (pathType == "Container") == dir.boolValue
                default:
                    return (pathType == "Container") == p.path.isEmpty
                }
            }
            try rt.writeObject(.bool(!matches.isEmpty))
        }
    }

    /// The FileSystem provider's -OlderThan and -NewerThan (FileSystemProvider.ItemExists):
    /// the item's LastWriteTime must be before the one and after the other; DateTime order
    /// compares ticks whatever their kind.
    private static func inAgeRange(_ path: String, _ rt: CommandRuntime) -> Bool {
        let older = rt.bound["OlderThan"]?.reference as? PSDateTime
        let newer = rt.bound["NewerThan"]?.reference as? PSDateTime
        guard older != nil || newer != nil, let item = FileSystemItem.at(path) else { return true }
        let written = item.lastWriteTime.ticks
        if let o = older, !(written < o.ticks) { return false }
        if let n = newer, !(written > n.ticks) { return false }
        return true
    }

    /// pwsh's TestPathResources.PathIsNullOrEmptyCollection as an ArgumentNullException.
    private static func nullPathError(_ rt: CommandRuntime) -> ErrorRecord {
        rt.makeError(.argumentNullException, "The provided Path argument was null or an empty collection.",
                     errorId: "NullPathNotPermitted", category: .InvalidArgument, target: .null)
    }
}

/// `Get-Item [-Path] <string[]>`
final class GetItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        for p in try resolver.existing(paths, literal: literal) {
            if p.provider != .fileSystem && p.path.isEmpty {
                // NOTE: pwsh writes the drive's table of items in the table's own order;
                // teamsh writes them sorted, as Get-ChildItem lists them.
                for e in SessionStateDrive.entries(p.provider, rt) { try rt.writeObject(e.item) }
                continue
            }
            if let v = ItemCmdlets.itemValue(p, rt) { try rt.writeObject(v) }
        }
    }
}

/// `Get-ChildItem [[-Path] <string[]>] [[-Filter] <string>] [-Include] [-Exclude] [-Recurse] [-Depth] [-Force] [-Name] [-File] [-Directory]`
/// Lists directories before files, each sorted by name; with -Recurse a directory's own
/// listing comes before its subdirectories' listings.
final class GetChildItemCommand: Cmdlet {
    private var filter: WildcardPattern?
    private var include: [WildcardPattern] = []
    private var exclude: [WildcardPattern] = []

    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        var (paths, literal) = resolver.pathArguments()
        if paths.isEmpty { paths = ["."] }
        filter = rt.bound.string("Filter").map { WildcardPattern($0) }
        include = (rt.bound.strings("Include") ?? []).map { WildcardPattern($0) }
        exclude = (rt.bound.strings("Exclude") ?? []).map { WildcardPattern($0) }
        let maxDepth: Int? = rt.bound.has("Depth") ? rt.bound.int("Depth") : (rt.bound.isOn("Recurse") ? nil : 0)
        for p in try resolver.existing(paths, literal: literal) {
            switch p.provider {
            case .environment, .variable, .function, .alias:
                let entries = p.path.isEmpty ? SessionStateDrive.entries(p.provider, rt)
                    : SessionStateDrive.item(p.provider, p.path, rt).map { [(name: p.path, item: $0)] } ?? []
                for e in entries where accepts(e.name) {
                    try rt.writeObject(rt.bound.isOn("Name") ? .string(e.name) : e.item)
                }
            case .fileSystem:
                var dir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: p.path, isDirectory: &dir)
                if dir.boolValue {
                    try list(p.path, relative: "", depth: 0, maxDepth: maxDepth, rt)
                } else if accepts((p.path as NSString).lastPathComponent) && !rt.bound.isOn("Directory") {
                    try rt.writeObject(rt.bound.isOn("Name") ? .string((p.path as NSString).lastPathComponent)
                                                             : .object(FileSystemItem(path: p.path, isDirectory: false)))
                }
            }
        }
    }

    private func accepts(_ name: String) -> Bool {
        if let f = filter, !f.matches(name) { return false }
        if !include.isEmpty && !include.contains(where: { $0.matches(name) }) { return false }
        if exclude.contains(where: { $0.matches(name) }) { return false }
        return true
    }

    private func list(_ dir: String, relative: String, depth: Int, maxDepth: Int?, _ rt: CommandRuntime) throws {
        let force = rt.bound.isOn("Force")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { force || !$0.hasPrefix(".") }
        var dirs: [String] = [], files: [String] = []
        for n in PathResolver.sortNames(names) {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: dir == "/" ? "/" + n : dir + "/" + n, isDirectory: &isDir)
            if isDir.boolValue { dirs.append(n) } else { files.append(n) }
        }
        let wantFiles = !rt.bound.isOn("Directory"), wantDirs = !rt.bound.isOn("File")
        for (n, isDir) in dirs.map({ ($0, true) }) + files.map({ ($0, false) }) {
            guard isDir ? wantDirs : wantFiles, accepts(n) else { continue }
            let full = dir == "/" ? "/" + n : dir + "/" + n
            if rt.bound.isOn("Name") {
                try rt.writeObject(.string(relative.isEmpty ? n : relative + "/" + n))
            } else {
                try rt.writeObject(.object(FileSystemItem(path: full, isDirectory: isDir)))
            }
        }
        if let m = maxDepth, depth >= m { return }
        for n in dirs {
            let full = dir == "/" ? "/" + n : dir + "/" + n
            try list(full, relative: relative.isEmpty ? n : relative + "/" + n, depth: depth + 1, maxDepth: maxDepth, rt)
        }
    }
}

/// `New-Item [-Path] <string[]> [-Name <string>] [-ItemType <string>] [-Value <Object>] [-Force]`
final class NewItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        var paths = rt.bound.strings("Path") ?? ["."]
        if let name = rt.bound.string("Name") {
            paths = paths.map { $0.hasSuffix("/") || $0.hasSuffix(":") ? $0 + name : $0 + "/" + name }
        }
        let type = (rt.bound.string("ItemType") ?? "File").lowercased()
        let force = rt.bound.isOn("Force")
        for raw in paths {
            let p = resolver.parse(raw)
            switch p.provider {
            case .fileSystem:
                break
            default:
                try newSessionStateItem(p, rt)
                continue
            }
            let path = p.path
            switch type {
            case "directory", "container":
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                    if isDir.boolValue && force {
                        try rt.writeObject(.object(FileSystemItem(path: path, isDirectory: true)))
                    } else {
                        try rt.writeError(ItemCmdlets.ioError(rt, "An item with the specified name \(path) already exists.", "DirectoryExist", path,
                                                              category: .ResourceExists))
                    }
                    continue
                }
                guard try rt.shouldProcess(target: "Destination: \(path)", action: "Create Directory") else { continue }
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    try rt.writeObject(.object(FileSystemItem(path: path, isDirectory: true)))
                } catch {
                    try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(path)' is denied.", "CreateDirectoryUnauthorizedAccessError", path,
                                                          type: .unauthorizedAccessException, category: .PermissionDenied))
                }
            case "file":
                var isDir: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                if exists && (!force || isDir.boolValue) {
                    let message = isDir.boolValue ? "Access to the path '\(path)' is denied." : "The file '\(path)' already exists."
                    try rt.writeError(ItemCmdlets.ioError(rt, message, "NewItemIOError", path))
                    continue
                }
                let parent = (path as NSString).deletingLastPathComponent
                if !FileManager.default.fileExists(atPath: parent) {
                    if force {
                        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                    } else {
                        try rt.writeError(ItemCmdlets.ioError(rt, "Could not find a part of the path '\(path)'.", "NewItemIOError", path,
                                                              type: .directoryNotFoundException))
                        continue
                    }
                }
                guard try rt.shouldProcess(target: "Destination: \(path)", action: "Create File") else { continue }
                let text = rt.bound["Value"].map { $0.isNull ? "" : rt.text($0) } ?? ""
                if FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) {
                    try rt.writeObject(.object(FileSystemItem(path: path, isDirectory: false)))
                } else {
                    try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(path)' is denied.", "NewItemUnauthorizedAccessError", path,
                                                          type: .unauthorizedAccessException, category: .PermissionDenied))
                }
            default:
                try rt.writeError(rt.makeError(.psArgumentException,
                                               "The type is not a known type for the file system. Only \"file\",\"directory\" or \"symboliclink\" can be specified.",
                                               errorId: "Argument", category: .InvalidArgument, target: .string(path)))
            }
        }
    }
}

extension NewItemCommand {
    /// New-Item on the Variable, Function, Alias and Environment drives (pwsh's
    /// SessionStateProviderBase.NewItem): a value is required, an existing item needs -Force.
    func newSessionStateItem(_ p: ProviderPath, _ rt: CommandRuntime) throws {
        guard let value = rt.bound["Value"], !value.isNull else {
            try rt.writeError(rt.makeError(.psArgumentNullException,
                                           "Cannot process argument because the value of argument \"value\" is null. Change the value of argument \"value\" to a non-null value.",
                                           errorId: "NewItemValueNotSpecified", category: .InvalidArgument, target: .string(p.path)))
            return
        }
        if SessionStateDrive.exists(p.provider, p.path, rt) && !rt.bound.isOn("Force") {
            try rt.writeError(rt.makeError(.psArgumentException, "The item at path '\(p.path)' already exists.",
                                           errorId: "Argument", category: .InvalidArgument, target: .string(p.path)))
            return
        }
        let type = rt.bound.string("ItemType") ?? ""
        guard try rt.shouldProcess(target: "Item: \(p.path) Type: \(type) Value: \(rt.text(value))", action: "New Item") else { return }
        do {
            if let item = try SessionStateDrive.set(p.provider, p.path, value, rt) { try rt.writeObject(item) }
        } catch let e as RuntimeError {
            try rt.writeError(e.record)
        }
    }
}

/// `Remove-Item [-Path] <string[]> [-Recurse] [-Force]`
final class RemoveItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        let include = (rt.bound.strings("Include") ?? []).map { WildcardPattern($0) }
        let exclude = (rt.bound.strings("Exclude") ?? []).map { WildcardPattern($0) }
        for p in try resolver.existing(paths, literal: literal) {
            let leaf = (p.path as NSString).lastPathComponent
            if !include.isEmpty && !include.contains(where: { $0.matches(leaf) }) { continue }
            if exclude.contains(where: { $0.matches(leaf) }) { continue }
            switch p.provider {
            case .environment, .variable, .function, .alias:
                guard try rt.shouldProcess(target: "Item: \(p.path)", action: "Remove Item") else { continue }
                _ = SessionStateDrive.remove(p.provider, p.path, rt)
            case .fileSystem:
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: p.path, isDirectory: &isDir)
                if isDir.boolValue {
                    let children = (try? FileManager.default.contentsOfDirectory(atPath: p.path)) ?? []
                    if !children.isEmpty && !rt.bound.isOn("Recurse") {
                        try rt.writeError(ItemCmdlets.ioError(rt, "Directory \(p.path) cannot be removed because it is not empty.",
                                                              "DirectoryNotEmpty", p.path))
                        continue
                    }
                    guard try rt.shouldProcess(target: p.path, action: "Remove Directory") else { continue }
                } else {
                    guard try rt.shouldProcess(target: p.path, action: "Remove File") else { continue }
                }
                do {
                    try FileManager.default.removeItem(atPath: p.path)
                } catch {
                    try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(p.path)' is denied.", "RemoveFileSystemItemUnAuthorizedAccess",
                                                          p.path, type: .unauthorizedAccessException, category: .PermissionDenied))
                }
            }
        }
    }
}

/// Copy-Item and Move-Item share how a destination is resolved: into an existing directory,
/// or to the named path.
private func destinationPath(for source: String, _ rt: CommandRuntime) -> String {
    let resolver = PathResolver(rt: rt)
    let dest = resolver.parse(rt.bound.string("Destination") ?? ".").path
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: dest, isDirectory: &isDir), isDir.boolValue {
        return dest == "/" ? "/" + (source as NSString).lastPathComponent : dest + "/" + (source as NSString).lastPathComponent
    }
    return dest
}

/// `Copy-Item [-Path] <string[]> [[-Destination] <string>] [-Recurse] [-Force] [-PassThru]`
final class CopyItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        for p in try resolver.existing(paths, literal: literal) where p.provider == .fileSystem {
            let dest = destinationPath(for: p.path, rt)
            guard try rt.shouldProcess(target: "Item: \(p.path) Destination: \(dest)", action: "Copy File") else { continue }
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: p.path, isDirectory: &isDir)
            do {
                if isDir.boolValue {
                    if rt.bound.isOn("Recurse") {
                        if FileManager.default.fileExists(atPath: dest) { try FileManager.default.removeItem(atPath: dest) }
                        try FileManager.default.copyItem(atPath: p.path, toPath: dest)
                    } else if !FileManager.default.fileExists(atPath: dest) {
                        try FileManager.default.createDirectory(atPath: dest, withIntermediateDirectories: false)
                    }
                } else {
                    if FileManager.default.fileExists(atPath: dest) { try FileManager.default.removeItem(atPath: dest) }
                    try FileManager.default.copyItem(atPath: p.path, toPath: dest)
                }
                if rt.bound.isOn("PassThru"), let item = FileSystemItem.at(dest) { try rt.writeObject(.object(item)) }
            } catch {
                try rt.writeError(ItemCmdlets.ioError(rt, "Could not find a part of the path '\(dest)'.", "CopyDirectoryInfoItemIOError", p.path,
                                                      type: .directoryNotFoundException))
            }
        }
    }
}

/// `Move-Item [-Path] <string[]> [[-Destination] <string>] [-Force] [-PassThru]`
final class MoveItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        for p in try resolver.existing(paths, literal: literal) where p.provider == .fileSystem {
            let dest = destinationPath(for: p.path, rt)
            if FileManager.default.fileExists(atPath: dest) {
                if rt.bound.isOn("Force") {
                    try? FileManager.default.removeItem(atPath: dest)
                } else {
                    try rt.writeError(ItemCmdlets.ioError(rt, "Cannot create a file when that file already exists.", "MoveFileInfoItemIOError", p.path))
                    continue
                }
            }
            guard try rt.shouldProcess(target: "Item: \(p.path) Destination: \(dest)", action: "Move File") else { continue }
            do {
                try FileManager.default.moveItem(atPath: p.path, toPath: dest)
                if rt.bound.isOn("PassThru"), let item = FileSystemItem.at(dest) { try rt.writeObject(.object(item)) }
            } catch {
                try rt.writeError(ItemCmdlets.ioError(rt, "Could not find a part of the path '\(dest)'.", "MoveFileInfoItemIOError", p.path,
                                                      type: .directoryNotFoundException))
            }
        }
    }
}

/// `Rename-Item [-Path] <string> [-NewName] <string> [-Force] [-PassThru]`
final class RenameItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        guard let newName = rt.bound.string("NewName") else { return }
        for p in try resolver.existing(paths, literal: literal) where p.provider == .fileSystem {
            let parent = (p.path as NSString).deletingLastPathComponent
            let dest = newName.contains("/") ? resolver.parse(newName).path : (parent == "/" ? "/" + newName : parent + "/" + newName)
            if FileManager.default.fileExists(atPath: dest) {
                try rt.writeError(ItemCmdlets.ioError(rt, "Cannot rename because item at '\(p.path)' already exists.", "RenameItemIOError", p.path))
                continue
            }
            guard try rt.shouldProcess(target: "Item: \(p.path) Destination: \(dest)", action: "Rename Item") else { continue }
            do {
                try FileManager.default.moveItem(atPath: p.path, toPath: dest)
                if rt.bound.isOn("PassThru"), let item = FileSystemItem.at(dest) { try rt.writeObject(.object(item)) }
            } catch {
                try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(p.path)' is denied.", "RenameItemUnauthorizedAccessError", p.path,
                                                      type: .unauthorizedAccessException, category: .PermissionDenied))
            }
        }
    }
}

/// `Set-Item [-Path] <string[]> [[-Value] <Object>]`: environment and variable items.
final class SetItemCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, _) = resolver.pathArguments()
        let value = rt.bound["Value"] ?? .null
        for raw in paths {
            let p = resolver.parse(raw)
            switch p.provider {
            case .fileSystem:
                try rt.writeError(rt.makeError(.psNotSupportedException, "Provider operation stopped because the provider does not support this operation.",
                                               errorId: "NotSupported", category: .NotImplemented, target: .string(raw)))
            default:
                // pwsh's SessionStateProviderBase.SetItem: "Set Item" on "Item: {0} Value: {1}".
                guard try rt.shouldProcess(target: "Item: \(p.path) Value: \(rt.text(value))", action: "Set Item") else { continue }
                do {
                    let item = try SessionStateDrive.set(p.provider, p.path, value, rt)
                    if rt.bound.isOn("PassThru"), let item = item { try rt.writeObject(item) }
                } catch let e as RuntimeError {
                    try rt.writeError(e.record)
                }
            }
        }
    }
}
