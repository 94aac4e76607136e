import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// Everyday cmdlets of admin and CI scripts: Get-FileHash, Get-Verb, New-TemporaryFile,
/// Export-/Import-Clixml.
enum UtilityCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-FileHash", GetFileHashCommand.self),
        ("Get-Verb", GetVerbCommand.self),
        ("New-TemporaryFile", NewTemporaryFileCommand.self),
        ("Export-Clixml", ExportClixmlCommand.self),
        ("Import-Clixml", ImportClixmlCommand.self),
        ("Get-Error", GetErrorCommand.self),
        ("ConvertTo-CliXml", ConvertToCliXmlCommand.self),
        ("ConvertFrom-CliXml", ConvertFromCliXmlCommand.self),
    ]

    /// PSSerializer (serialization.cs): Serialize(object[, depth]) writes one CLIXML document
    /// (depth 1 unless given), Deserialize(string) reads one back: its one object, or an
    /// array when the document holds several; DeserializeAsList always an array.
    static func registerSerializer() {
        StaticClassRegistry.register("System.Management.Automation.PSSerializer") { name, args, hooks in
            switch name {
            case "serialize":
                guard (1...2).contains(args.count) else { throw StaticClassRegistry.noOverload() }
                let depth = args.count == 2 ? Int(try Conversion.toInt32(args[1])) : 1
                return .string(CliXmlWriter.document([args[0]], depth: depth, hooks: hooks))
            case "deserialize", "deserializeaslist":
                guard args.count == 1 else { throw StaticClassRegistry.noOverload() }
                let values: [Value]
                do {
                    values = try CliXmlReader.read(Conversion.toString(args[0], hooks: hooks))
                } catch let failure as CliXmlReader.Failure {
                    throw StaticClassRegistry.exception(.custom(["System.Xml.XmlException", "System.SystemException", "System.Exception"]), failure.message)
                }
                if name == "deserialize", values.count == 1 { return values[0] }
                return .object(PSArray(values))
            default:
                return nil
            }
        }
    }

    /// pwsh's view of FileHashInfo (PowerShellCore_format_ps1xml.cs): Algorithm (15),
    /// Hash (70), Path.
    static var views: [FormatViewDefinition] {
        [FormatViewDefinition(name: "Microsoft.PowerShell.Commands.FileHashInfo", typeNames: ["Microsoft.PowerShell.Commands.FileHashInfo"],
                              control: .table(TableViewDefinition(columns: [
                                  .property("Algorithm", width: 15), .property("Hash", width: 70), .property("Path"),
                              ])))]
    }
}

/// `Get-FileHash [-Path] <string[]> | -LiteralPath <string[]> | -InputStream <Stream>
/// [[-Algorithm] SHA1|SHA256|SHA384|SHA512|MD5]` (GetHash.cs at v7.6.5).
final class GetFileHashCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let name = rt.bound.string("Algorithm") ?? "SHA256"
        guard let algorithm = HashAlgorithm.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(name) == .orderedSame }) else { return }
        if let stream = rt.bound["InputStream"], !stream.isNull {
            // NOTE: teamsh has no .NET streams; a byte array or text given as -InputStream is hashed.
            let bytes: [UInt8]
            if let a = stream.array {
                bytes = a.items.map { UInt8(truncatingIfNeeded: (try? Conversion.toInt64($0)) ?? 0) }
            } else {
                bytes = Array(rt.text(stream).utf8)
            }
            try write(rt, algorithm, algorithm.hexDigest(bytes), path: "")
            return
        }
        let resolver = PathResolver(rt: rt)
        let (raws, literal) = resolver.pathArguments()
        for raw in raws {
            let hasWildcard = !literal && WildcardPattern.containsWildcard(resolver.parse(raw).path)
            for p in resolver.expand(raw, literal: literal) {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: p.path, isDirectory: &isDirectory) else {
                    if !hasWildcard {
                        try rt.writeError(rt.makeError(.itemNotFoundException, "Cannot find path '\(p.path)' because it does not exist.",
                                                       errorId: "FileNotFound", category: .ObjectNotFound, target: .string(p.path)))
                    }
                    continue
                }
                guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: p.path) else {
                    try rt.writeError(rt.makeError(.unauthorizedAccessException, "Access to the path '\(p.path)' is denied.",
                                                   errorId: "UnauthorizedAccessError", category: .InvalidData, target: .string(p.path)))
                    continue
                }
                try write(rt, algorithm, algorithm.hexDigest(Array(data)), path: p.path)
            }
        }
    }

    private func write(_ rt: CommandRuntime, _ algorithm: HashAlgorithm, _ hash: String, path: String) throws {
        try rt.writeObject(.object(NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.FileHashInfo"], [
            ("Algorithm", .string(algorithm.rawValue)), ("Hash", .string(hash)), ("Path", .string(path)),
        ])))
    }
}

/// `Get-Verb [[-Verb] <string[]>] [[-Group] <string[]>]`: the approved verbs (VerbInfo),
/// grouped as pwsh lists them; -Verb takes wildcards.
final class GetVerbCommand: Cmdlet {
    static let groupOrder = ["Common", "Communications", "Data", "Diagnostic", "Lifecycle", "Other", "Security"]

    override func process(_ rt: CommandRuntime) throws {
        let patterns = (rt.bound.strings("Verb") ?? ["*"]).map { WildcardPattern($0) }
        let groups = rt.bound.strings("Group").map { Set($0.map { $0.lowercased() }) }
        for group in GetVerbCommand.groupOrder where groups?.contains(group.lowercased()) ?? true {
            for v in ApprovedVerbs.all where v.group == group && patterns.contains(where: { $0.matches(v.verb) }) {
                try rt.writeObject(.object(NativeRecord(typeNames: ["System.Management.Automation.VerbInfo"], [
                    ("Verb", .string(v.verb)), ("AliasPrefix", .string(v.aliasPrefix)), ("Group", .string(v.group)),
                    ("Description", .string(v.description)),
                ])))
            }
        }
    }
}

/// `New-TemporaryFile [-WhatIf] [-Confirm]`: an empty file `tmpXXXXXX.tmp` in the temporary
/// folder ($env:TMPDIR or /tmp, as .NET's Path.GetTempFileName), written as a FileInfo.
final class NewTemporaryFileCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        var folder = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp/"
        if !folder.hasSuffix("/") { folder += "/" }
        guard try rt.shouldProcess(target: folder, action: "New-TemporaryFile") else { return }
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let name = "tmp" + String((0..<6).map { _ in letters[Int.random(in: 0..<letters.count)] }) + ".tmp"
            let path = folder + name
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard fd >= 0 else { continue }
            close(fd)
            if let item = FileSystemItem.at(path) { try rt.writeObject(.object(item)) }
            return
        }
        try rt.throwTerminating(rt.makeError(.ioException, "The file could not be created in '\(folder)'.", errorId: "NewTemporaryFileWriteError",
                                             category: .WriteError, target: .string(folder)))
    }
}

/// `Export-Clixml [-Path] <string> | -LiteralPath <string> -InputObject <psobject> [-Depth <int>]
/// [-Force] [-NoClobber] [-Encoding]`: the objects piped in, as one CLIXML document (depth 2 by
/// default), written when the pipeline ends.
final class ExportClixmlCommand: Cmdlet {
    private var objects: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        if let v = rt.bound["InputObject"] { objects.append(v) }
    }

    override func end(_ rt: CommandRuntime) throws {
        let literal = rt.bound.has("LiteralPath")
        guard let raw = rt.bound.string(literal ? "LiteralPath" : "Path") else { return }
        let path = PathResolver(rt: rt).parse(raw).path
        guard try rt.shouldProcess(target: path, action: "Export-Clixml") else { return }
        if rt.bound.isOn("NoClobber"), FileManager.default.fileExists(atPath: path) {
            try rt.throwTerminating(rt.makeError(.ioException, "File \(raw) already exists and NoClobber was specified.",
                                                 errorId: "NoClobber", category: .ResourceExists, target: .string(path)))
        }
        let depth = rt.bound.int("Depth") ?? 2
        let text = CliXmlWriter.document(objects, depth: depth, hooks: rt.hooks)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            try rt.throwTerminating(rt.makeError(.unauthorizedAccessException, "Access to the path '\(path)' is denied.",
                                                 errorId: "FileOpenFailure", category: .OpenError, target: .string(path)))
        }
    }
}

/// `Import-Clixml [-Path] <string[]> | -LiteralPath <string[]> [-First] [-Skip]`: the objects of
/// CLIXML files, rehydrated as pwsh's deserializer does.
final class ImportClixmlCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (raws, literal) = resolver.pathArguments()
        let skip = rt.bound.int("Skip") ?? 0
        let first = rt.bound.int("First")
        for p in try resolver.existing(raws, literal: literal) {
            guard let data = FileManager.default.contents(atPath: p.path) else { continue }
            let values: [Value]
            do {
                values = try CliXmlReader.read(String(decoding: data, as: UTF8.self))
            } catch let failure as CliXmlReader.Failure {
                try rt.writeError(rt.makeError(.custom(["System.Xml.XmlException", "System.SystemException", "System.Exception"]), failure.message,
                                               errorId: "System.Xml.XmlException", category: .NotSpecified,
                                               target: .string(p.path)))
                continue
            }
            var items = Array(values.dropFirst(skip))
            if let first { items = Array(items.prefix(first)) }
            for v in items { try rt.writeObject(v) }
        }
    }
}

/// `ConvertTo-CliXml [-InputObject] <psobject> [-Depth <int>]` (XmlCommands.cs): the objects of
/// the pipeline as one CLIXML document, each a top-level object, at Depth (2) levels.
final class ConvertToCliXmlCommand: Cmdlet {
    private var objects: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        objects.append(rt.bound["InputObject"] ?? .null)
    }

    override func end(_ rt: CommandRuntime) throws {
        try rt.writeObject(.string(CliXmlWriter.document(objects, depth: rt.bound.int("Depth") ?? 2, hooks: rt.hooks)))
    }
}

/// `ConvertFrom-CliXml [-InputObject] <string>` (XmlCommands.cs): each CLIXML text's objects,
/// rehydrated as Import-Clixml does.
final class ConvertFromCliXmlCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let text = rt.bound.string("InputObject") ?? ""
        do {
            for v in try CliXmlReader.read(text) { try rt.writeObject(v) }
        } catch let failure as CliXmlReader.Failure {
            try rt.throwTerminating(rt.makeError(.custom(["System.Xml.XmlException", "System.SystemException", "System.Exception"]), failure.message,
                                                 errorId: "System.Xml.XmlException", category: .NotSpecified, target: .string(text)))
        }
    }
}
