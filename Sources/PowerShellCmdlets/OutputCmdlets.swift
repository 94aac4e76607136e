import Foundation
import PowerShellRuntime
import PowerShellFormatting

/// Write-Output, Write-Host, the Out-* cmdlets and Tee-Object: the ways objects and text
/// leave a script.
enum OutputCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Write-Output", WriteOutputCommand.self),
        ("Write-Host", WriteHostCommand.self),
        ("Out-Null", OutNullCommand.self),
        ("Out-Default", OutDefaultCommand.self),
        ("Out-Host", OutDefaultCommand.self),
        ("Out-String", OutStringCommand.self),
        ("Out-File", OutFileCommand.self),
        ("Tee-Object", TeeObjectCommand.self),
    ]
}

/// `Write-Output [-InputObject] <psobject[]> [-NoEnumerate]`
final class WriteOutputCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"] else { return }
        try rt.writeObject(v, enumerate: !rt.bound.isOn("NoEnumerate"))
    }
}

/// `Write-Host [[-Object] <Object>] [-NoNewline] [-Separator <Object>] [-ForegroundColor …]`
final class WriteHostCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let separator = rt.bound["Separator"].map { Conversion.toString($0, hooks: rt.context.hooks) } ?? " "
        let text = rt.bound["Object"].map { WriteHostCommand.text(of: $0, separator: separator, rt) } ?? ""
        try rt.writeHost(text, noNewline: rt.bound.isOn("NoNewline"))
    }

    /// WriteConsoleCmdlet.cs's ProcessObject: strings as they are, any other enumerable
    /// (arrays, a hashtable's entries) unrolled with the separator between its items, every
    /// other object by its ToString — for a DateTime, .NET's in the current culture.
    static func text(of v: Value, separator: String, _ rt: CommandRuntime) -> String {
        switch v {
        case .null: return ""
        case .string(let s): return s
        case .object(let o):
            if let h = o as? PSHashtable {
                return zip(h.keys, h.values).map { "[\(rt.text($0)), \(rt.text($1))]" }.joined(separator: separator)
            }
            if let items = Conversion.enumerate(v) {
                return items.map { text(of: $0, separator: separator, rt) }.joined(separator: separator)
            }
            if let n = o as? PSDotNetObject { return n.dotnetString }
            return rt.text(v)
        default:
            return rt.text(v)
        }
    }
}

/// `Out-Null`: discards its input.
final class OutNullCommand: Cmdlet {}

/// `Out-Default` / `Out-Host` written in a pipeline: formats its input for the host as the
/// session's Out-Default does, but as its own formatting run (the first object it receives
/// chooses the view, and a table it opened is closed when its pipeline ends), as each
/// command instance does in pwsh.
final class OutDefaultCommand: Cmdlet {
    private var formatter: OutputFormatter?

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"] else { return }
        let f = formatter ?? OutputWiring.hostFormatter(rt.context)
        formatter = f
        f.write(v)
    }

    override func end(_ rt: CommandRuntime) throws {
        formatter?.finish()
        formatter = nil
    }
}

/// `Out-String [-Width <int>] [-NoNewline] [-Stream]`: the text Out-Default would print, as
/// one string (or one string per line with `-Stream`).
final class OutStringCommand: Cmdlet {
    private var values: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"], !v.isNull else { return }
        values.append(v)
    }

    override func end(_ rt: CommandRuntime) throws {
        let formatting = SessionFormatting.of(rt.context)
        if rt.bound.isOn("Stream") {
            // The lines of the whole input formatted together, as without -Stream: a table
            // Format-Table sends as several formatting objects stays one table.
            for line in formatting.lines(values, width: rt.bound.int("Width")) {
                try rt.writeObject(.string(line))
            }
            return
        }
        if rt.bound.isOn("NoNewline") {
            try rt.writeObject(.string(formatting.lines(values, width: rt.bound.int("Width")).joined()))
        } else {
            try rt.writeObject(.string(formatting.text(values, width: rt.bound.int("Width"))))
        }
    }
}

/// Out-File and Tee-Object write through the same encodings as the content cmdlets.
extension TextEncoding {
    /// The bytes for `text` in the named encoding (pwsh's default is UTF-8 without a BOM).
    static func bytes(_ text: String, encoding: String?) -> Data {
        let lower = encoding?.lowercased() ?? "utf8nobom"
        let e = TextEncoding.allCases.first { $0.rawValue.lowercased() == lower } ?? .utf8NoBOM
        return Data(e.preamble) + e.encode(text)
    }

    /// Writes (or appends) text to a file; returns an error message when it cannot.
    static func write(_ text: String, to path: String, append: Bool, encoding: String?) -> String? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            return "Access to the path '\(path)' is denied."
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !fm.fileExists(atPath: dir) {
            return "Could not find a part of the path '\(path)'."
        }
        if append, let h = FileHandle(forWritingAtPath: path) {
            h.seekToEndOfFile()
            let existing = h.offsetInFile
            h.write(existing > 0 && (encoding?.lowercased() == "utf8bom" || encoding?.lowercased() == "unicode")
                    ? bytes(text, encoding: nil) : bytes(text, encoding: encoding))
            h.closeFile()
            return nil
        }
        if !fm.createFile(atPath: path, contents: bytes(text, encoding: encoding)) {
            return "Access to the path '\(path)' is denied."
        }
        return nil
    }
}

/// `Out-File [-FilePath] <string> [[-Encoding] …] [-Append] [-Width <int>] [-NoNewline] [-NoClobber]`.
final class OutFileCommand: Cmdlet {
    private var values: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        if let v = rt.bound[folded: "inputobject"], !v.isNull { values.append(v) }
    }

    override func end(_ rt: CommandRuntime) throws {
        guard let raw = rt.bound.string("FilePath") ?? rt.bound.string("LiteralPath") else { return }
        let path = rt.context.resolvePath(raw)
        if rt.bound.isOn("NoClobber") && !rt.bound.isOn("Append") && FileManager.default.fileExists(atPath: path) {
            let record = rt.error("NoClobber", "The file '\(path)' already exists.", .ResourceExists, target: .string(path), type: .ioException)
            try rt.throwTerminating(record)
        }
        let formatting = SessionFormatting.of(rt.context)
        let width = rt.bound.int("Width") ?? rt.context.host.width
        let text: String
        if rt.bound.isOn("NoNewline") {
            text = formatting.lines(values, width: width).joined()
        } else {
            text = formatting.text(values, width: width)
        }
        if let message = TextEncoding.write(text, to: path, append: rt.bound.isOn("Append"), encoding: rt.bound.string("Encoding")) {
            try rt.throwTerminating(rt.error("FileOpenFailure", message, .OpenError, target: .string(path), type: .unauthorizedAccessException))
        }
    }
}

/// `Tee-Object [-FilePath] <string> [-Append]` / `-Variable <string>`: passes its input on
/// and also saves it to a file or a variable.
final class TeeObjectCommand: Cmdlet {
    private var values: [Value] = []

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"] else { return }
        if rt.currentInput == nil && v.isNull { return }
        values.append(v)
        try rt.writeObject(v)
    }

    override func end(_ rt: CommandRuntime) throws {
        if let name = rt.bound.string("Variable") {
            try rt.context.setVariable(name, .object(PSArray(values, kind: .arrayList)))
            return
        }
        guard let raw = rt.bound.string("FilePath") ?? rt.bound.string("LiteralPath") else { return }
        let path = rt.context.resolvePath(raw)
        let text = SessionFormatting.of(rt.context).text(values, width: rt.context.host.width)
        if let message = TextEncoding.write(text, to: path, append: rt.bound.isOn("Append"), encoding: rt.bound.string("Encoding")) {
            try rt.throwTerminating(rt.error("FileOpenFailure", message, .OpenError, target: .string(path), type: .unauthorizedAccessException))
        }
    }
}
