import Foundation
import PowerShellRuntime

/// Compress-Archive and Expand-Archive (Microsoft.PowerShell.Archive 1.2.5, the module pwsh
/// 7.6 ships): zip archives written and read by teamsh's own zip code.
enum ArchiveCmdlets {
    static let moduleName = "Microsoft.PowerShell.Archive"
    static let all: [(String, Cmdlet.Type)] = [
        ("Compress-Archive", CompressArchiveCommand.self),
        ("Expand-Archive", ExpandArchiveCommand.self),
    ]

    /// The module's errors are raised from its functions with these ids.
    static func error(_ rt: CommandRuntime, _ message: String, id: String, _ category: ErrorCategory, target: String) -> ErrorRecord {
        rt.makeError(.custom(["System.IO.IOException", "System.SystemException", "System.Exception"]), message,
                     errorId: id, category: category, target: .string(target))
    }
}

/// `Compress-Archive [-Path] <string[]> | -LiteralPath <string[]> [-DestinationPath] <string>
/// [-CompressionLevel Optimal|NoCompression|Fastest] [-Update] [-Force] [-PassThru]`: the files
/// and folders named (a folder with its name as the entries' root; `dir/*` without it) in one
/// zip file; `.zip` is added to a destination without it.
final class CompressArchiveCommand: Cmdlet {
    private var sources: [String] = []

    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (raws, literal) = resolver.pathArguments()
        for raw in raws {
            let expanded = resolver.expand(raw, literal: literal).map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
            if expanded.isEmpty {
                try rt.throwTerminating(ArchiveCmdlets.error(rt, "The path '\(raw)' either does not exist or is not a valid file system path.",
                                                             id: "ArchiveCmdletPathNotFound", .InvalidArgument, target: raw))
            }
            sources += expanded
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        guard var destination = rt.bound.string("DestinationPath") else { return }
        destination = PathResolver(rt: rt).parse(destination).path
        if (destination as NSString).pathExtension.isEmpty { destination += ".zip" }
        guard (destination as NSString).pathExtension.lowercased() == "zip" else {
            try rt.throwTerminating(ArchiveCmdlets.error(rt,
                "\((destination as NSString).pathExtension) is not a supported archive file format. .zip is the only supported archive file format.",
                id: "NotSupportedArchiveFileExtension", .InvalidArgument, target: destination))
        }
        let exists = FileManager.default.fileExists(atPath: destination)
        let update = rt.bound.isOn("Update")
        if exists && !update && !rt.bound.isOn("Force") {
            try rt.throwTerminating(ArchiveCmdlets.error(rt,
                "The archive file \(destination) already exists. Use the -Update parameter to update the existing archive file or use the -Force parameter to overwrite the existing archive file.",
                id: "ArchiveFileExists", .InvalidArgument, target: destination))
        }
        guard try rt.shouldProcess(target: destination, action: "Compress-Archive") else { return }
        var entries: [ZipArchive.Entry] = []
        if exists && update, let data = FileManager.default.contents(atPath: destination) {
            entries = (try? ZipArchive.read(Array(data))) ?? []
        }
        for source in sources where source != destination {
            for entry in collect(source) {
                if let i = entries.firstIndex(where: { $0.name == entry.name }) { entries[i] = entry } else { entries.append(entry) }
            }
        }
        let level = ZipArchive.Level.allCases.first { $0.rawValue.caseInsensitiveCompare(rt.bound.string("CompressionLevel") ?? "") == .orderedSame } ?? .Optimal
        do {
            try Data(ZipArchive.write(entries, level: level)).write(to: URL(fileURLWithPath: destination))
        } catch {
            try rt.throwTerminating(ArchiveCmdlets.error(rt, "Access to the path '\(destination)' is denied.", id: "ArchiveFileWriteFailed",
                                                         .WriteError, target: destination))
        }
        if rt.bound.isOn("PassThru"), let item = FileSystemItem.at(destination) { try rt.writeObject(.object(item)) }
    }

    /// A file as one entry; a folder as its files and (empty) folders under its own name.
    private func collect(_ path: String) -> [ZipArchive.Entry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        let base = (path as NSString).deletingLastPathComponent
        guard isDirectory.boolValue else {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return [ZipArchive.Entry(name: (path as NSString).lastPathComponent, data: Array(FileManager.default.contents(atPath: path) ?? Data()),
                                     modified: (attributes?[.modificationDate] as? Date) ?? Date())]
        }
        return collectFolder(path, base: base)
    }

    /// A folder's files and empty folders, named from `base` on.
    private func collectFolder(_ path: String, base: String) -> [ZipArchive.Entry] {
        var out: [ZipArchive.Entry] = []
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let prefix = String(path.dropFirst(base == "/" ? 1 : base.count + 1))
        if children.isEmpty {
            out.append(ZipArchive.Entry(name: prefix + "/", data: [], modified: Date()))
        }
        for child in children {
            let full = path + "/" + child
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                out += collectFolder(full, base: base)
            } else {
                let attributes = try? FileManager.default.attributesOfItem(atPath: full)
                out.append(ZipArchive.Entry(name: prefix + "/" + child, data: Array(FileManager.default.contents(atPath: full) ?? Data()),
                                            modified: (attributes?[.modificationDate] as? Date) ?? Date()))
            }
        }
        return out
    }
}

/// `Expand-Archive [-Path] <string> | -LiteralPath <string> [[-DestinationPath] <string>]
/// [-Force] [-PassThru]`: the archive's entries written under the destination (by default a
/// folder named after the archive in the current location); existing files are kept unless
/// -Force.
final class ExpandArchiveCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (raws, literal) = resolver.pathArguments()
        guard let archive = raws.first.flatMap({ resolver.expand($0, literal: literal).first?.path }),
              FileManager.default.fileExists(atPath: archive) else {
            try rt.throwTerminating(ArchiveCmdlets.error(rt, "The path '\(raws.first ?? "")' either does not exist or is not a valid file system path.",
                                                         id: "ArchiveCmdletPathNotFound", .InvalidArgument, target: raws.first ?? ""))
        }
        guard (archive as NSString).pathExtension.lowercased() == "zip" else {
            try rt.throwTerminating(ArchiveCmdlets.error(rt,
                ".\((archive as NSString).pathExtension) is not a supported archive file format. .zip is the only supported archive file format.",
                id: "NotSupportedArchiveFileExtension", .InvalidArgument, target: archive))
        }
        let destination = rt.bound.string("DestinationPath").map { resolver.parse($0).path }
            ?? rt.context.resolvePath(((archive as NSString).lastPathComponent as NSString).deletingPathExtension)
        guard try rt.shouldProcess(target: destination, action: "Expand-Archive") else { return }
        let entries: [ZipArchive.Entry]
        do {
            entries = try ZipArchive.read(Array(FileManager.default.contents(atPath: archive) ?? Data()))
        } catch let failure as ZipArchive.Failure {
            try rt.throwTerminating(ArchiveCmdlets.error(rt, "The archive file '\(archive)' could not be read: \(failure.reason).",
                                                         id: "InvalidArchiveFile", .InvalidData, target: archive))
        }
        try? FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        let force = rt.bound.isOn("Force")
        var written: [String] = []
        for entry in entries {
            // Entries may not climb out of the destination (`../x`).
            let target = ExecutionContext.normalize(destination + "/" + entry.name)
            guard target.hasPrefix(destination == "/" ? "/" : destination + "/") else { continue }
            if entry.name.hasSuffix("/") {
                try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                continue
            }
            if FileManager.default.fileExists(atPath: target) && !force {
                try rt.writeError(ArchiveCmdlets.error(rt,
                    "Failed to create file '\(target)' while expanding the archive file '\(archive)' contents as the file '\(target)' already exists. Use the -Force parameter if you want to overwrite the existing directory '\(destination)' contents when expanding the archive file.",
                    id: "ExpandArchiveFileExists", .WriteError, target: target))
                continue
            }
            try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: target, contents: Data(entry.data),
                                           attributes: [.modificationDate: entry.modified])
            written.append(target)
        }
        if rt.bound.isOn("PassThru") {
            for path in written { if let item = FileSystemItem.at(path) { try rt.writeObject(.object(item)) } }
        }
    }
}
