import Foundation
import PowerShellRuntime

/// Get-Content, Set-Content, Add-Content and Clear-Content.
enum ContentCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Content", GetContentCommand.self),
        ("Set-Content", SetContentCommand.self),
        ("Add-Content", AddContentCommand.self),
        ("Clear-Content", ClearContentCommand.self),
    ]
}

/// The `-Encoding` argument: pwsh's names (utf8 means UTF-8 without a BOM).
enum TextEncoding: String, CaseIterable {
    case ascii, ansi, bigendianunicode, bigendianutf32, oem, unicode, utf7, utf8, utf8BOM, utf8NoBOM, utf32, latin1

    static let typeName = "System.Text.Encoding"

    /// Lets `-Encoding` take pwsh's encoding names and code pages (pwsh's
    /// ArgumentToEncodingTransformationAttribute); the bound value is the canonical name.
    static func registerConversion() {
        NativeConversions.register(typeName) { v in
            if case .string(let s) = v {
                let lower = s.lowercased()
                if let e = TextEncoding.allCases.first(where: { $0.rawValue.lowercased() == lower }) { return .string(e.rawValue) }
                if ["65001", "utf-8", "1200", "utf-16", "1201", "12000", "20127", "us-ascii", "28591", "iso-8859-1"].contains(lower) { return v }
                return nil
            }
            if case .int = v { return .string(Conversion.toString(v)) }
            return nil
        }
    }

    static func from(_ rt: CommandRuntime) throws -> TextEncoding {
        guard let v = rt.bound["Encoding"], !v.isNull else { return .utf8NoBOM }
        let s = rt.text(v)
        switch s.lowercased() {
        case "65001", "utf-8": return .utf8NoBOM
        case "1200", "utf-16": return .unicode
        case "1201": return .bigendianunicode
        case "12000": return .utf32
        case "20127", "us-ascii": return .ascii
        case "28591", "iso-8859-1": return .latin1
        default: break
        }
        guard let name = try rt.enumParameter("Encoding", typeName: "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding",
                                              names: TextEncoding.allCases.map(\.rawValue)),
              let e = TextEncoding(rawValue: name) else { return .utf8NoBOM }
        return e
    }

    var preamble: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .unicode: return [0xFF, 0xFE]
        case .bigendianunicode: return [0xFE, 0xFF]
        case .utf32: return [0xFF, 0xFE, 0x00, 0x00]
        case .bigendianutf32: return [0x00, 0x00, 0xFE, 0xFF]
        default: return []
        }
    }

    func encode(_ s: String) -> Data {
        switch self {
        case .ascii: return Data(s.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : 0x3F })
        case .latin1, .ansi, .oem: return Data(s.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : 0x3F })
        case .unicode: return s.data(using: .utf16LittleEndian) ?? Data()
        case .bigendianunicode: return s.data(using: .utf16BigEndian) ?? Data()
        case .utf32: return s.data(using: .utf32LittleEndian) ?? Data()
        case .bigendianutf32: return s.data(using: .utf32BigEndian) ?? Data()
        default: return Data(s.utf8)
        }
    }

    /// Decodes file bytes: a byte-order mark wins over the requested encoding, as in .NET's StreamReader.
    func decode(_ data: Data) -> String {
        let b = [UInt8](data)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: b.dropFirst(3), as: UTF8.self) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return String(data: Data(b.dropFirst(4)), encoding: .utf32LittleEndian) ?? "" }
        if b.starts(with: [0xFF, 0xFE]) { return String(data: Data(b.dropFirst(2)), encoding: .utf16LittleEndian) ?? "" }
        if b.starts(with: [0xFE, 0xFF]) { return String(data: Data(b.dropFirst(2)), encoding: .utf16BigEndian) ?? "" }
        switch self {
        case .ascii: return String(b.map { Character(Unicode.Scalar($0 < 0x80 ? $0 : 0x3F)) })
        case .latin1, .ansi, .oem: return String(b.map { Character(Unicode.Scalar($0)) })
        case .unicode: return String(data: data, encoding: .utf16LittleEndian) ?? ""
        case .bigendianunicode: return String(data: data, encoding: .utf16BigEndian) ?? ""
        case .utf32: return String(data: data, encoding: .utf32LittleEndian) ?? ""
        case .bigendianutf32: return String(data: data, encoding: .utf32BigEndian) ?? ""
        default: return String(decoding: b, as: UTF8.self)
        }
    }
}

/// Splits text into lines as .NET's StreamReader.ReadLine does (`\n`, `\r\n`, `\r`; a final
/// line break ends the last line rather than starting an empty one).
func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current: [UInt16] = []
    var units = text.utf16.makeIterator()
    var pendingCR = false
    while let u = units.next() {
        if pendingCR {
            pendingCR = false
            if u == 0x0A { continue }
        }
        if u == 0x0A || u == 0x0D {
            lines.append(String(decoding: current, as: UTF16.self))
            current.removeAll(keepingCapacity: true)
            pendingCR = u == 0x0D
            continue
        }
        current.append(u)
    }
    if !current.isEmpty { lines.append(String(decoding: current, as: UTF16.self)) }
    return lines
}

/// `Get-Content [-Path] <string[]> [-TotalCount <long>] [-Tail <int>] [-Raw] [-Delimiter <string>] [-ReadCount <long>] [-Encoding …]`
/// GetContentCommand.cs: -TotalCount with -Tail is TailAndHeadCannotCoexist and reads
/// nothing, -TotalCount 0 reads nothing; -Tail on another provider than the file system is
/// TailNotSupported. The file system refuses -Raw with -TotalCount, -Tail or -Wait
/// (FileSystemProvider.ValidateParameters). A wildcard matching nothing is ItemNotFound
/// (ContentCommandBase.GetContentReaders).
final class GetContentCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let totalCount = rt.bound.int("TotalCount") ?? -1
        let tail = rt.bound.int("Tail") ?? -1
        if totalCount != -1 && tail != -1 {
            try rt.writeError(rt.error("TailAndHeadCannotCoexist",
                                       "The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.",
                                       .InvalidOperation, type: .invalidOperationException))
            return
        }
        if totalCount == 0 { return }
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        let encoding = try TextEncoding.from(rt)
        var found: [ProviderPath] = []
        for raw in paths {
            let matches = try resolver.existing([raw], literal: literal)
            if matches.isEmpty, !literal, WildcardPattern.containsWildcard(resolver.parse(raw).path) {
                // NOTE: pwsh formats the Path parameter itself (a string[]) into the message.
                try rt.writeError(rt.error("ItemNotFound",
                                           "An object at the specified path System.String[] does not exist, or has been filtered by the -Include or -Exclude parameter.",
                                           .ObjectNotFound, target: .string(raw), type: .exception))
            }
            found += matches
        }
        for p in found {
            if tail != -1 && p.provider != .fileSystem {
                try rt.writeError(rt.error("TailNotSupported", "The Tail parameter currently is supported only for the FileSystem provider.",
                                           .InvalidOperation, target: rt.bound["Tail"] ?? .null, type: .invalidOperationException))
                continue
            }
            switch p.provider {
            case .fileSystem:
                if rt.bound.isOn("Raw"), let other = ["TotalCount", "Tail", "Wait"].first(where: { rt.bound[$0] != nil }) {
                    try rt.throwTerminating(rt.error("InvalidOperation", "The 'Raw' and '\(other)' parameters cannot be specified in the same command.",
                                                     .InvalidOperation, type: .psInvalidOperationException))
                }
            case .variable:
                if let v = rt.context.variableValue(p.path) { try rt.writeObject(v) }
                continue
            default:
                if let v = SessionStateDrive.content(p.provider, p.path, rt) { try rt.writeObject(v) }
                continue
            }
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: p.path, isDirectory: &isDir)
            if isDir.boolValue {
                // FileSystemProvider.GetContentReader: GetContainerContentException.
                try rt.writeError(rt.error("GetContainerContentException",
                                           "Unable to get content because it is a directory: '\(p.path)'. Please use 'Get-ChildItem' instead.",
                                           .InvalidOperation, type: .invalidOperationException))
                continue
            }
            guard let data = FileManager.default.contents(atPath: p.path) else {
                try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(p.path)' is denied.", "GetContentReaderUnauthorizedAccessError", p.path,
                                                      type: .unauthorizedAccessException, category: .PermissionDenied))
                continue
            }
            if rt.bound.isOn("AsByteStream") {
                // -TotalCount and -Tail count bytes here.
                var bytes = [UInt8](data)
                if totalCount > 0 { bytes = Array(bytes.prefix(totalCount)) }
                if tail >= 0 { bytes = Array(bytes.suffix(tail)) }
                try emit(bytes.map { Value.sized(SizedNumber(kind: .byte, integer: Int64($0))) }, rt)
                continue
            }
            let text = encoding.decode(data)
            if rt.bound.isOn("Raw") {
                if !text.isEmpty { try rt.writeObject(.string(text)) }
                continue
            }
            var items: [String]
            if let d = rt.bound.string("Delimiter"), !d.isEmpty, d != "\n" {
                items = []
                var rest = Substring(text)
                while let r = rest.range(of: d) {
                    items.append(String(rest[..<r.upperBound]))
                    rest = rest[r.upperBound...]
                }
                if !rest.isEmpty { items.append(String(rest)) }
            } else {
                items = splitLines(text)
            }
            if totalCount >= 0 { items = Array(items.prefix(totalCount)) }
            if tail >= 0 {
                items = Array(items.suffix(tail))
                // Read backwards (-Tail), the items lose their delimiter
                // (FileSystemContentReaderWriter.ReadDelimited in reverse).
                if let d = rt.bound.string("Delimiter"), !d.isEmpty, d != "\n" {
                    items = items.map { $0.hasSuffix(d) ? String($0.dropLast(d.count)) : $0 }
                }
            }
            try emit(items.map { .string($0) }, rt)
        }
    }

    /// Writes items one by one, or in arrays of `-ReadCount` (0: all in one array).
    private func emit(_ items: [Value], _ rt: CommandRuntime) throws {
        let readCount = rt.bound.int("ReadCount") ?? 1
        if readCount == 1 || (readCount < 0) {
            for v in items { try rt.writeObject(v) }
            return
        }
        let size = readCount == 0 ? max(items.count, 1) : readCount
        var i = 0
        while i < items.count {
            try rt.writeObject(.object(PSArray(Array(items[i..<min(i + size, items.count)]))))
            i += size
        }
    }
}

/// Set-Content and Add-Content: values are collected per invocation and written in `end`,
/// one line per value (no line breaks with -NoNewline).
class WriteContentCommand: Cmdlet {
    var append: Bool { false }
    private var values: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound["Value"] else { return }
        if let a = v.array { values += a.items } else { values.append(v) }
        if rt.bound.isOn("PassThru") {
            if let a = v.array { for item in a.items { try rt.writeObject(item) } } else { try rt.writeObject(v) }
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        let encoding = try TextEncoding.from(rt)
        let strings = values.map { $0.isNull ? "" : rt.text($0) }
        let noNewline = rt.bound.isOn("NoNewline")
        let text = noNewline ? strings.joined() : strings.map { $0 + "\n" }.joined()
        for raw in paths {
            var targets = resolver.expand(raw, literal: literal)
            if targets.isEmpty { targets = [resolver.parse(raw)] }
            for p in targets {
                switch p.provider {
                case .environment:
                    let old = append ? (EnvironmentProvider.get(p.path) ?? "") : ""
                    EnvironmentProvider.set(p.path, old + strings.joined())
                    continue
                case .variable:
                    try rt.context.setVariable(p.path, values.count == 1 ? values[0] : .object(PSArray(values)))
                    continue
                case .fileSystem:
                    break
                default:
                    continue
                }
                try write(text, to: p.path, encoding: encoding, rt)
            }
        }
    }

    private func write(_ text: String, to path: String, encoding: TextEncoding, _ rt: CommandRuntime) throws {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue {
            try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(path)' is denied.", "GetContentWriterUnauthorizedAccessError", path,
                                                  type: .unauthorizedAccessException, category: .PermissionDenied))
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: parent) {
            try rt.writeError(ItemCmdlets.ioError(rt, "Could not find a part of the path '\(path)'.", "GetContentWriterDirectoryNotFoundError", path,
                                                  type: .directoryNotFoundException, category: .ObjectNotFound))
            return
        }
        guard try rt.shouldProcess(target: "Path: \(path)", action: append ? "Add Content" : "Set Content") else { return }
        var data = Data()
        if !(append && exists) { data.append(contentsOf: encoding.preamble) }
        data.append(encoding.encode(text))
        if append && exists, let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(data)
            handle.closeFile()
        } else if !FileManager.default.createFile(atPath: path, contents: data) {
            try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(path)' is denied.", "GetContentWriterUnauthorizedAccessError", path,
                                                  type: .unauthorizedAccessException, category: .PermissionDenied))
        }
    }
}

/// `Set-Content [-Path] <string[]> [-Value] <Object[]> [-NoNewline] [-PassThru] [-Encoding …]`
final class SetContentCommand: WriteContentCommand {}

/// `Add-Content [-Path] <string[]> [-Value] <Object[]> [-NoNewline] [-PassThru] [-Encoding …]`
final class AddContentCommand: WriteContentCommand {
    override var append: Bool { true }
}

/// `Clear-Content [-Path] <string[]>`: empties files.
final class ClearContentCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        for p in try resolver.existing(paths, literal: literal) {
            switch p.provider {
            case .environment: EnvironmentProvider.set(p.path, nil)
            case .fileSystem:
                guard try rt.shouldProcess(target: "Item: \(p.path)", action: "Clear Content") else { continue }
                if !FileManager.default.createFile(atPath: p.path, contents: Data()) {
                    try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(p.path)' is denied.", "ClearContentUnauthorizedAccessError", p.path,
                                                          type: .unauthorizedAccessException, category: .PermissionDenied))
                }
            default: break
            }
        }
    }
}
