import Foundation
import PowerShellRuntime

/// ConvertTo-Csv, ConvertFrom-Csv, Export-Csv, Import-Csv and ConvertFrom-StringData.
enum CsvCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("ConvertTo-Csv", ConvertToCsvCommand.self),
        ("ConvertFrom-Csv", ConvertFromCsvCommand.self),
        ("Export-Csv", ExportCsvCommand.self),
        ("Import-Csv", ImportCsvCommand.self),
        ("ConvertFrom-StringData", ConvertFromStringDataCommand.self),
    ]

    /// The delimiter from `-Delimiter` (a char) or `-UseCulture` (en-US: comma).
    static func delimiter(_ rt: CommandRuntime) -> Character {
        if let v = rt.bound["Delimiter"], let c = rt.text(v).first { return c }
        return ","
    }
}

/// pwsh's CSV writer: a header from the first object's properties, then one line per object
/// with each value's .NET `ToString()`; quoting per `-UseQuotes` / `-QuoteFields`.
struct CsvWriter {
    enum QuoteKind: String, CaseIterable { case Never, Always, AsNeeded }

    let delimiter: Character
    var quoteKind: QuoteKind = .Always
    var quoteFields: Set<String>?

    /// The properties a CSV header lists for an object (dictionary keys for dictionaries).
    static func propertyNames(_ v: Value, hooks: RuntimeHooks) -> [String] {
        if let h = v.hashtable {
            var names = h.keys.map { Conversion.toString($0, hooks: hooks) }
            for m in h.instanceMembers?.members ?? [] { names.append(m.name) }
            return names
        }
        if case .object(let o) = v, let c = o as? PSCustomObject {
            var names = c.names
            for m in o.instanceMembers?.members ?? [] where !names.contains(m.name) {
                if case .scriptMethod = m.kind { continue }
                names.append(m.name)
            }
            return names
        }
        return Members.propertyNames(v)
    }

    /// A property's text as CSV writes it; nil when the value is null or missing.
    static func fieldText(_ v: Value, _ name: String, hooks: RuntimeHooks) -> String? {
        var value: Value?
        if let h = v.hashtable, let x = h[.string(name)] {
            value = x
        } else {
            value = (try? Members.getProperty(v, name, hooks: hooks)) ?? nil
        }
        guard let x = value, !x.isNull else { return nil }
        switch x {
        case .string(let s): return s
        case .object(let o) where o is PSCustomObject: return Conversion.toString(x, hooks: hooks)
        default: return Members.dotnetToString(x, hooks: hooks)
        }
    }

    func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func field(_ name: String, _ text: String) -> String {
        if let q = quoteFields { return q.contains(name.lowercased()) ? quoted(text) : text }
        switch quoteKind {
        case .Always: return quoted(text)
        case .Never: return text
        case .AsNeeded:
            return text.contains(delimiter) || text.contains("\n") || text.contains("\"") ? quoted(text) : text
        }
    }

    func headerLine(_ names: [String]) -> String {
        names.map { field($0, $0) }.joined(separator: String(delimiter))
    }

    func line(_ v: Value, _ names: [String], hooks: RuntimeHooks) -> String {
        names.map { n in CsvWriter.fieldText(v, n, hooks: hooks).map { field(n, $0) } ?? "" }.joined(separator: String(delimiter))
    }

    /// `#TYPE System.Management.Automation.PSCustomObject` (without an import's `CSV:` prefix).
    static func typeLine(_ v: Value) -> String {
        var t = Members.typeNames(v).first ?? "System.Object"
        if t.lowercased().hasPrefix("csv:") { t = String(t.dropFirst(4)) }
        return "#TYPE " + t
    }

    static func make(_ rt: CommandRuntime) throws -> CsvWriter {
        var w = CsvWriter(delimiter: CsvCmdlets.delimiter(rt))
        if let q = try rt.enumParameter("UseQuotes", typeName: "Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind",
                                        names: QuoteKind.allCases.map(\.rawValue)) {
            w.quoteKind = QuoteKind(rawValue: q) ?? .Always
        }
        if let f = rt.bound.strings("QuoteFields") { w.quoteFields = Set(f.map { $0.lowercased() }) }
        return w
    }
}

/// Checks the switches ConvertTo-Csv and Export-Csv refuse together.
private func checkTypeInformationSwitches(_ rt: CommandRuntime) throws {
    if rt.bound.isOn("IncludeTypeInformation") && rt.bound.isOn("NoTypeInformation") {
        try rt.throwTerminating(rt.makeError(.invalidOperationException,
                                             "You must specify either the -IncludeTypeInformation or -NoTypeInformation parameters, but you cannot specify both.",
                                             errorId: "CannotSpecifyIncludeTypeInformationAndNoTypeInformation", category: .InvalidData))
    }
}

/// `ConvertTo-Csv [-InputObject] <psobject> [[-Delimiter] <char>] [-IncludeTypeInformation] [-UseQuotes …] [-QuoteFields …] [-NoHeader]`
final class ConvertToCsvCommand: Cmdlet {
    private var names: [String]?
    private var writer: CsvWriter?

    override func begin(_ rt: CommandRuntime) throws {
        try checkTypeInformationSwitches(rt)
        writer = try CsvWriter.make(rt)
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"], !v.isNull, let writer else { return }
        if names == nil {
            let n = CsvWriter.propertyNames(v, hooks: rt.hooks)
            names = n
            if rt.bound.isOn("IncludeTypeInformation") { try rt.writeObject(.string(CsvWriter.typeLine(v))) }
            if !rt.bound.isOn("NoHeader") { try rt.writeObject(.string(writer.headerLine(n))) }
        }
        try rt.writeObject(.string(writer.line(v, names ?? [], hooks: rt.hooks)))
    }
}

/// `Export-Csv [[-Path] <string>] -InputObject <psobject> [-Append] [-Force] [-NoClobber] [-Encoding …] …`
/// Writes the file when the pipeline ends; `-Append` reuses an existing file's header.
final class ExportCsvCommand: Cmdlet {
    private var names: [String]?
    private var lines: [String] = []
    private var writer: CsvWriter?
    private var path = ""
    private var appending = false

    override func begin(_ rt: CommandRuntime) throws {
        try checkTypeInformationSwitches(rt)
        writer = try CsvWriter.make(rt)
        guard let raw = rt.bound.string("LiteralPath") ?? rt.bound.string("Path") else {
            try rt.throwTerminating(rt.makeError(.psArgumentException, "Specify the Path or LiteralPath parameter.",
                                                 errorId: "CannotSpecifyPathAndLiteralPath", category: .InvalidData))
        }
        path = PathResolver(rt: rt).parse(raw).path
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && rt.bound.isOn("NoClobber") && !rt.bound.isOn("Append") {
            try rt.throwTerminating(ItemCmdlets.ioError(rt, "The file '\(path)' already exists.", "NoClobber", path,
                                                        category: .ResourceExists))
        }
        if rt.bound.isOn("Append"), exists, let data = FileManager.default.contents(atPath: path) {
            let text = TextEncoding.utf8.decode(data)
            var reader = CsvReader(text: text, delimiter: writer?.delimiter ?? ",")
            _ = reader.readTypeInformation()
            if let header = reader.readHeader(), !header.isEmpty {
                names = header
                appending = true
            }
        }
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"], !v.isNull, let writer else { return }
        if names == nil {
            let n = CsvWriter.propertyNames(v, hooks: rt.hooks)
            names = n
            if rt.bound.isOn("IncludeTypeInformation") { lines.append(CsvWriter.typeLine(v)) }
            if !rt.bound.isOn("NoHeader") { lines.append(writer.headerLine(n)) }
        } else if appending, let names, !rt.bound.isOn("Force") {
            let own = CsvWriter.propertyNames(v, hooks: rt.hooks)
            if let missing = names.first(where: { n in !own.contains { $0.caseInsensitiveCompare(n) == .orderedSame } }) {
                try rt.throwTerminating(rt.makeError(.invalidOperationException,
                    "Cannot append CSV content to the following file: \(path). The appended object does not have a property that corresponds to the following column: \(missing). To continue with mismatched properties, add the -Force parameter, and then retry the command.",
                    errorId: "CannotAppendCsvWithMismatchedPropertyNames", category: .InvalidData, target: .string(missing)))
            }
        }
        lines.append(writer.line(v, names ?? [], hooks: rt.hooks))
    }

    override func end(_ rt: CommandRuntime) throws {
        guard try rt.shouldProcess(target: path, action: "Export-Csv") else { return }
        let encoding = try TextEncoding.from(rt)
        let text = lines.map { $0 + "\n" }.joined()
        if appending || (rt.bound.isOn("Append") && FileManager.default.fileExists(atPath: path)) {
            if let h = FileHandle(forWritingAtPath: path) {
                h.seekToEndOfFile()
                h.write(encoding.encode(text))
                h.closeFile()
                return
            }
        }
        var data = Data(encoding.preamble)
        data.append(encoding.encode(text))
        if !FileManager.default.createFile(atPath: path, contents: data) {
            let parentMissing = !FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent)
            try rt.throwTerminating(ItemCmdlets.ioError(rt, parentMissing ? "Could not find a part of the path '\(path)'." : "Access to the path '\(path)' is denied.",
                                                        "FileOpenFailure", path, type: parentMissing ? .directoryNotFoundException : .unauthorizedAccessException,
                                                        category: .OpenError))
        }
    }
}

/// pwsh's CSV reader (ImportCsvHelper's rules): quoted fields may hold delimiters, quotes
/// (doubled) and line breaks; leading blanks are skipped; text after a closing quote is kept.
/// It reads the text's UTF-8 bytes: every character the rules look at is ASCII except the
/// delimiter, which is matched as its byte sequence (pwsh compares UTF-16 chars, so a delimiter
/// followed by a combining mark still splits there, as it does here), and a field is decoded
/// once when it ends instead of being built a Character at a time.
struct CsvReader {
    private let units: [UInt8]
    private var pos = 0
    /// The delimiter's UTF-8 bytes; `delimiterByte` is its only byte when it is ASCII.
    private let delimiterBytes: [UInt8]
    private let delimiterByte: UInt8?
    /// The field being read, reused from field to field.
    private var current: [UInt8] = []

    private static let quote: UInt8 = 0x22, space: UInt8 = 0x20, tab: UInt8 = 0x09
    private static let lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    init(text: String, delimiter: Character) {
        units = Array(text.utf8)
        delimiterBytes = Array(String(delimiter).utf8)
        delimiterByte = delimiterBytes.count == 1 ? delimiterBytes[0] : nil
    }

    var atEnd: Bool { pos >= units.count }

    /// Consumes the delimiter when it starts at `pos`.
    @inline(__always)
    private mutating func takeDelimiter(_ b: UInt8) -> Bool {
        if let d = delimiterByte {
            guard b == d else { return false }
            pos += 1
            return true
        }
        let n = delimiterBytes.count
        guard b == delimiterBytes[0], pos + n <= units.count else { return false }
        for k in 1..<n where units[pos + k] != delimiterBytes[k] { return false }
        pos += n
        return true
    }

    /// Consumes a line break (`\r\n`, `\r` or `\n`) when one starts at `pos`; its bytes are
    /// appended to the field when it is inside quotes.
    @inline(__always)
    private mutating func takeNewline(_ b: UInt8, keep: Bool) -> Bool {
        guard b == CsvReader.lineFeed || b == CsvReader.carriageReturn else { return false }
        pos += 1
        if keep { current.append(b) }
        if b == CsvReader.carriageReturn, pos < units.count, units[pos] == CsvReader.lineFeed {
            pos += 1
            if keep { current.append(CsvReader.lineFeed) }
        }
        return true
    }

    /// The field read so far, which starts the next one empty.
    private mutating func takeField() -> String {
        let text = String(decoding: current, as: UTF8.self)
        current.removeAll(keepingCapacity: true)
        return text
    }

    /// Reads the `#TYPE` line when there is one.
    mutating func readTypeInformation() -> String? {
        guard pos < units.count, units[pos] == 0x23 else { return nil }
        let start = pos
        while pos < units.count, units[pos] != CsvReader.lineFeed, units[pos] != CsvReader.carriageReturn { pos += 1 }
        let line = String(decoding: units[start..<pos], as: UTF8.self)
        if pos < units.count { _ = takeNewline(units[pos], keep: false) }
        guard line.lowercased().hasPrefix("#type") else { return nil }
        let t = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }

    /// The header record: trailing empty names dropped, `#` comment lines skipped (a `#TYPE`
    /// line is read before, by `readTypeInformation`, only while no type is known: pwsh's
    /// ReadHeader, so a second `#` line is a comment record, which may be `#Fields: …`).
    mutating func readHeader() -> [String]? {
        while !atEnd {
            var values = nextRecord()
            while values.count > 1 && values.last == "" { values.removeLast() }
            if let first = values.first, first.hasPrefix("#Fields: ") {
                values[0] = String(first.dropFirst(9))
                return values
            }
            if let first = values.first, first.hasPrefix("#") { continue }
            return values
        }
        return nil
    }

    /// The next record's fields (empty at the end of the text).
    mutating func nextRecord() -> [String] {
        var result: [String] = []
        current.removeAll(keepingCapacity: true)
        var inQuotes = false
        while pos < units.count {
            let ch = units[pos]
            if !inQuotes && takeDelimiter(ch) {
                result.append(takeField())
                continue
            }
            if takeNewline(ch, keep: inQuotes) {
                if !inQuotes {
                    result.append(takeField())
                    return result
                }
                continue
            }
            pos += 1
            if ch == CsvReader.quote {
                if inQuotes {
                    if pos < units.count, units[pos] == CsvReader.quote {
                        pos += 1
                        current.append(CsvReader.quote)
                    } else {
                        inQuotes = false
                        let end = readTillDelimiter(eatTrailingBlanks: true)
                        result.append(takeField())
                        if end { return result }
                    }
                } else if current.isEmpty {
                    inQuotes = true
                } else {
                    current.append(ch)
                    let end = readTillDelimiter(eatTrailingBlanks: false)
                    result.append(takeField())
                    if end { return result }
                }
            } else if ch == CsvReader.space || ch == CsvReader.tab {
                if inQuotes {
                    current.append(ch)
                } else if current.isEmpty {
                    continue
                } else {
                    current.append(ch)
                    let end = readTillDelimiter(eatTrailingBlanks: true)
                    result.append(takeField())
                    if end { return result }
                }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { result.append(takeField()) }
        return result
    }

    /// Reads to the next delimiter or line end into the field; returns true at the end of the
    /// record. With `eatTrailingBlanks`, a stretch of nothing but blanks adds nothing.
    private mutating func readTillDelimiter(eatTrailingBlanks: Bool) -> Bool {
        let start = current.count
        var nonWhite = false
        while true {
            guard pos < units.count else {
                if eatTrailingBlanks && !nonWhite { current.removeSubrange(start...) }
                return true
            }
            let ch = units[pos]
            if takeDelimiter(ch) { break }
            if takeNewline(ch, keep: false) {
                if eatTrailingBlanks && !nonWhite { current.removeSubrange(start...) }
                return true
            }
            pos += 1
            current.append(ch)
            if ch != CsvReader.space && ch != CsvReader.tab { nonWhite = true }
        }
        if eatTrailingBlanks && !nonWhite { current.removeSubrange(start...) }
        return false
    }
}

/// Builds the objects of Import-Csv / ConvertFrom-Csv from CSV text.
struct CsvImporter {
    /// The names a PSObject keeps for its member sets (PSMemberInfoCollection.IsReservedName).
    static let reservedNames = ["psbase", "psadapted", "psextended", "psobject", "pstypenames"]

    var header: [String]?
    var typeName: String?
    var warnedUnspecified = false

    /// Reads all records of one text; writes each object through `emit`.
    mutating func read(_ text: String, delimiter: Character, _ rt: CommandRuntime, emit: (Value) throws -> Void) throws {
        var reader = CsvReader(text: text, delimiter: delimiter)
        // Until a type is known, each text's first line is taken as a `#TYPE` line when it
        // starts with `#`, even under -Header, and dropped when it is no `#TYPE` line: so
        // ConvertFrom-Csv skips every `#` input string until one names a type.
        if typeName == nil { typeName = reader.readTypeInformation() }
        if header == nil { header = reader.readHeader() }
        guard let names = header else { return }
        var seen = Set<String>()
        for n in names where !n.isEmpty {
            if !seen.insert(n.lowercased()).inserted {
                try rt.throwTerminating(rt.makeError(.custom(["System.Management.Automation.ExtendedTypeSystemException",
                                                              "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
                                                     "The member \"\(n)\" is already present.",
                                                     errorId: "AlreadyPresentPSMemberInfoInternalCollectionAdd", category: .NotSpecified))
            }
        }
        // Every record has the header's properties: the names (an empty one becomes H1, H2 …)
        // are set once on a shape the records share, and each column's slot in it noted (a
        // later column of the same name overwrites the earlier one, as setting it again would).
        let shape = PSCustomObject()
        var unspecified = 1
        var slots: [Int] = []
        for name in names {
            var n = name
            if n.isEmpty {
                n = "H\(unspecified)"
                unspecified += 1
            }
            shape.set(n, .null)
            slots.append(shape.position(of: n) ?? 0)
        }
        // A reserved member name fails the first record of a text (pwsh validates the members
        // of that one only); a text without records raises nothing.
        let reserved = names.first { n in CsvImporter.reservedNames.contains { StringCompare.equalsIgnoreCase($0, n) } }
        while !reader.atEnd {
            let values = reader.nextRecord()
            if values.isEmpty { break }
            if values.count == 1 && values[0].isEmpty { continue }
            if let r = reserved {
                try rt.throwTerminating(rt.makeError(.custom(["System.Management.Automation.ExtendedTypeSystemException",
                                                              "System.Management.Automation.RuntimeException", "System.SystemException", "System.Exception"]),
                                                     "The member name \"\(r)\" is reserved.",
                                                     errorId: "AlreadyPresentPSMemberInfoInternalCollectionAdd", category: .NotSpecified))
            }
            var row = [Value](repeating: .null, count: shape.count)
            for (i, slot) in slots.enumerated() where slot < row.count {
                row[slot] = i < values.count ? .string(values[i]) : .null
            }
            let o = PSCustomObject(shapeOf: shape, values: row)
            if unspecified != 1 && !warnedUnspecified {
                warnedUnspecified = true
                try rt.writeWarning("One or more headers were not specified. Default names starting with \"H\" have been used in place of any missing headers.")
            }
            if let t = typeName { o.extraTypeNames = [t, "CSV:" + t] }
            try emit(.object(o))
        }
    }
}

/// `ConvertFrom-Csv [-InputObject] <psobject[]> [[-Delimiter] <char>] [-Header <string[]>]`
final class ConvertFromCsvCommand: Cmdlet {
    private var importer = CsvImporter()

    override func begin(_ rt: CommandRuntime) throws {
        importer.header = rt.bound.strings("Header")
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let input = rt.bound[folded: "inputobject"] else { return }
        let items = input.array?.items ?? [input]
        for item in items where !item.isNull {
            // pwsh reads each string back through a UTF-16 stream reader, which takes a leading
            // U+FEFF for its byte order mark.
            var text = rt.text(item)
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            try importer.read(text, delimiter: CsvCmdlets.delimiter(rt), rt) { try rt.writeObject($0) }
        }
    }
}

/// `Import-Csv [-Path] <string[]> [[-Delimiter] <char>] [-Header <string[]>] [-Encoding …]`
final class ImportCsvCommand: Cmdlet {
    private var warnedUnspecified = false

    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        let encoding = try TextEncoding.from(rt)
        for p in try resolver.existing(paths, literal: literal) where p.provider == .fileSystem {
            guard let data = FileManager.default.contents(atPath: p.path) else {
                try rt.writeError(ItemCmdlets.ioError(rt, "Access to the path '\(p.path)' is denied.", "FileOpenFailure", p.path,
                                                      type: .unauthorizedAccessException, category: .OpenError))
                continue
            }
            // Each file has its own header and type; the missing-header warning comes once.
            var importer = CsvImporter()
            importer.header = rt.bound.strings("Header")
            importer.warnedUnspecified = warnedUnspecified
            try importer.read(encoding.decode(data), delimiter: CsvCmdlets.delimiter(rt), rt) { try rt.writeObject($0) }
            warnedUnspecified = importer.warnedUnspecified
        }
    }
}

/// `ConvertFrom-StringData [-StringData] <string> [[-Delimiter] <char>]`: `name = value` lines
/// to a Hashtable; blank and `#` lines are skipped, values are unescaped like regex text.
final class ConvertFromStringDataCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let data = rt.bound.string("StringData") else { return }
        let delimiter = rt.bound["Delimiter"].flatMap { rt.text($0).first } ?? "="
        let result = PSHashtable()
        for rawLine in splitLines(data) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let idx = line.firstIndex(of: delimiter) else {
                try rt.throwTerminating(rt.makeError(.psInvalidOperationException,
                                                     "Data line '\(line)' is not in 'name=value' format. ",
                                                     errorId: "InvalidOperation", category: .InvalidOperation, target: .string(line)))
            }
            let name = line[..<idx].trimmingCharacters(in: .whitespaces)
            let value = ConvertFromStringDataCommand.unescape(line[line.index(after: idx)...].trimmingCharacters(in: .whitespaces))
            if result.containsKey(.string(name)) {
                try rt.throwTerminating(rt.makeError(.psInvalidOperationException,
                                                     "Data item '\(name)' in line '\(line)' is already defined. ",
                                                     errorId: "InvalidOperation", category: .InvalidOperation, target: .string(line)))
            }
            result.set(.string(name), .string(value))
        }
        try rt.writeObject(.object(result))
    }

    /// Regex.Unescape: `\n`, `\t`, `\\`, `\uXXXX` and escaped punctuation.
    static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var it = Array(s)
        var i = 0
        while i < it.count {
            let c = it[i]
            if c == "\\", i + 1 < it.count {
                let n = it[i + 1]
                i += 2
                switch n {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "a": out.append("\u{07}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "e": out.append("\u{1B}")
                case "u" where i + 4 <= it.count:
                    if let v = UInt32(String(it[i..<i + 4]), radix: 16), let scalar = Unicode.Scalar(v) {
                        out.unicodeScalars.append(scalar)
                        i += 4
                    } else {
                        out.append(n)
                    }
                default: out.append(n)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        it.removeAll()
        return out
    }
}
