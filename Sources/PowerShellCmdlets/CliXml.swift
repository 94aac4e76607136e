import Foundation
import FoundationXML
import PowerShellRuntime

/// PowerShell's CLIXML (the serialization of Export-Clixml, `pwsh -OutputFormat XML` and
/// remoting, schema 1.1.0.1, as pwsh's InternalSerializer writes it): primitive values as typed
/// elements (`<S>`, `<I32>`, `<DT>` …), everything else as `<Obj>` with its type names (`<TN>`,
/// later `<TNRef>`), `<ToString>` (not for property bags), adapted properties in `<Props>`,
/// note properties in `<MS>`, lists in `<LST>`/`<IE>`, dictionaries in `<DCT>`. Objects seen
/// twice become `<Ref>`; below `depth` an object is written as its string.
public final class CliXmlWriter {
    private var out = ""
    private let hooks: RuntimeHooks
    private let indent: Bool
    private var typeRefIds: [String: Int] = [:]
    private var objectRefIds: [ObjectIdentifier: Int] = [:]
    private var nextObjectId = 0

    public init(hooks: RuntimeHooks, indent: Bool = true) {
        self.hooks = hooks
        self.indent = indent
    }

    public static let namespace = "http://schemas.microsoft.com/powershell/2004/04"
    public static let header = "<Objs Version=\"1.1.0.1\" xmlns=\"\(namespace)\">"

    /// The whole document for these objects (Export-Clixml's file).
    public static func document(_ values: [Value], depth: Int, hooks: RuntimeHooks) -> String {
        let w = CliXmlWriter(hooks: hooks)
        for v in values { w.write(v, depth: depth) }
        return header + "\n" + w.take() + "</Objs>"
    }

    /// Appends one top-level object (`stream` names its stream: `S="Output"`).
    public func write(_ v: Value, depth: Int, stream: String? = nil) {
        element(v, name: nil, stream: stream, depth: depth, level: 1)
    }

    /// What was written since the last call.
    public func take() -> String {
        defer { out = "" }
        return out
    }

    // MARK: Writing

    private func line(_ level: Int, _ text: String) {
        if indent {
            out += String(repeating: "  ", count: level) + text + "\n"
        } else {
            out += text
        }
    }

    private func attributes(_ name: String?, _ stream: String?, refId: Int? = nil) -> String {
        var a = ""
        if let stream { a += " S=\"\(CliXmlWriter.escapeAttribute(stream))\"" }
        if let name { a += " N=\"\(CliXmlWriter.escapeAttribute(CliXmlWriter.encode(name)))\"" }
        if let refId { a += " RefId=\"\(refId)\"" }
        return a
    }

    private func simple(_ tag: String, _ text: String, _ name: String?, _ stream: String?, _ level: Int) {
        line(level, "<\(tag)\(attributes(name, stream))>\(CliXmlWriter.escapeText(text))</\(tag)>")
    }

    private func element(_ v: Value, name: String?, stream: String?, depth: Int, level: Int) {
        switch v {
        case .null: line(level, "<Nil\(attributes(name, stream)) />")
        case .bool(let b): simple("B", b ? "true" : "false", name, stream, level)
        case .int(let i): simple("I32", String(i), name, stream, level)
        case .long(let l): simple("I64", String(l), name, stream, level)
        case .double(let d): simple("Db", CliXmlWriter.roundTrip(d), name, stream, level)
        case .decimal: simple("D", Conversion.toString(v), name, stream, level)
        case .string(let s): simple("S", CliXmlWriter.encode(s), name, stream, level)
        case .char(let c): simple("C", String(c), name, stream, level)
        case .sized(let n):
            let tag: String
            switch n.kind {
            case .byte: tag = "By"
            case .sbyte: tag = "SB"
            case .int16: tag = "I16"
            case .uint16: tag = "U16"
            case .uint32: tag = "U32"
            case .uint64: tag = "U64"
            case .single: tag = "Sg"
            case .bigInteger: tag = "S"
            }
            simple(tag, Conversion.toString(v), name, stream, level)
        case .object(let o):
            object(o, v, name: name, stream: stream, depth: depth, level: level)
        }
    }

    private func object(_ o: PSObjectBase, _ v: Value, name: String?, stream: String?, depth: Int, level: Int) {
        if let dt = o as? PSDateTime { return simple("DT", CliXmlWriter.dateText(dt), name, stream, level) }
        if let ts = o as? PSTimeSpan { return simple("TS", CliXmlWriter.durationText(ts.ticks), name, stream, level) }
        if let g = o as? PSGuid { return simple("G", g.toPSString(), name, stream, level) }
        if let ver = o as? PSVersion { return simple("Version", ver.toPSString(), name, stream, level) }
        if let sb = o as? ScriptBlock { return simple("SBK", CliXmlWriter.encode(sb.text), name, stream, level) }
        if let ss = o as? PSSecureString { return simple("SS", SecureStringText.protect(ss.plainText), name, stream, level) }
        if let id = objectRefIds[ObjectIdentifier(o)] {
            line(level, "<Ref\(attributes(name, stream, refId: id)) />")
            return
        }
        if depth < 0 {
            // Deeper than -Depth: the object's string.
            simple("S", CliXmlWriter.encode(Conversion.toString(v, hooks: hooks)), name, stream, level)
            return
        }
        let id = nextObjectId
        nextObjectId += 1
        objectRefIds[ObjectIdentifier(o)] = id
        line(level, "<Obj\(attributes(name, stream, refId: id))>")
        typeNames(o.typeNames, level + 1)
        let isBag = o is PSCustomObject || o is PSHashtable || o is PSArray
        if !isBag { simple("ToString", CliXmlWriter.encode(Conversion.toString(v, hooks: hooks)), nil, nil, level + 1) }
        if let e = o as? PSEnumValue {
            simple("I32", String(e.value), nil, nil, level + 1)
        } else if let a = o as? PSArray {
            line(level + 1, "<LST>")
            for item in a.items { element(item, name: nil, stream: nil, depth: depth - 1, level: level + 2) }
            line(level + 1, "</LST>")
        } else if let h = o as? PSHashtable {
            line(level + 1, "<DCT>")
            for (k, val) in zip(h.keys, h.values) {
                line(level + 2, "<En>")
                element(k, name: "Key", stream: nil, depth: depth - 1, level: level + 3)
                element(val, name: "Value", stream: nil, depth: depth - 1, level: level + 3)
                line(level + 2, "</En>")
            }
            line(level + 1, "</DCT>")
        } else if let c = o as? PSCustomObject {
            memberSet(c.pairs, depth: depth, level: level + 1)
        } else if let items = Members.enumeratedItems(v) {
            line(level + 1, "<IE>")
            for item in items { element(item, name: nil, stream: nil, depth: depth - 1, level: level + 2) }
            line(level + 1, "</IE>")
        } else {
            var props: [(String, Value)] = []
            for p in Members.propertyNames(v) {
                props.append((p, (try? Members.getProperty(v, p, hooks: hooks)) ?? .null))
            }
            if !props.isEmpty {
                line(level + 1, "<Props>")
                for (n, pv) in props { element(pv, name: n, stream: nil, depth: depth - 1, level: level + 2) }
                line(level + 1, "</Props>")
            }
        }
        if !(o is PSCustomObject), let members = o.instanceMembers {
            var notes: [(String, Value)] = []
            for m in members.members {
                if case .noteProperty(let nv) = m.kind { notes.append((m.name, nv)) }
            }
            if !notes.isEmpty { memberSet(notes, depth: depth, level: level + 1) }
        }
        line(level, "</Obj>")
    }

    private func memberSet(_ pairs: [(String, Value)], depth: Int, level: Int) {
        guard !pairs.isEmpty else { return }
        line(level, "<MS>")
        for (n, v) in pairs { element(v, name: n, stream: nil, depth: depth - 1, level: level + 1) }
        line(level, "</MS>")
    }

    private func typeNames(_ names: [String], _ level: Int) {
        let key = names.joined(separator: "\n")
        if let id = typeRefIds[key] {
            line(level, "<TNRef RefId=\"\(id)\" />")
            return
        }
        let id = typeRefIds.count
        typeRefIds[key] = id
        line(level, "<TN RefId=\"\(id)\">")
        for n in names { line(level + 1, "<T>\(CliXmlWriter.escapeText(CliXmlWriter.encode(n)))</T>") }
        line(level, "</TN>")
    }

    // MARK: Text forms

    /// pwsh's EncodeString: characters XML cannot carry as they are (controls, lone
    /// surrogates) and a literal `_x` become `_xHHHH_`.
    static func encode(_ s: String) -> String {
        var result = ""
        let units = Array(s.utf16)
        var i = 0
        while i < units.count {
            let u = units[i]
            let isHighSurrogate = (0xD800...0xDBFF).contains(u)
            let pairedHigh = isHighSurrogate && i + 1 < units.count && (0xDC00...0xDFFF).contains(units[i + 1])
            if pairedHigh {
                result += String(decoding: units[i...i + 1], as: UTF16.self)
                i += 2
                continue
            }
            let needsEscape = u < 0x20 || (0xD800...0xDFFF).contains(u) || u == 0xFFFE || u == 0xFFFF
                || (u == 0x5F && i + 1 < units.count && units[i + 1] == 0x78)
            if needsEscape {
                let hex = String(u, radix: 16, uppercase: true)
                result += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            } else {
                result += String(decoding: [u], as: UTF16.self)
            }
            i += 1
        }
        return result
    }

    /// The inverse of `encode`.
    static func decode(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var units: [UInt16] = []
        let chars = Array(s.utf16)
        var i = 0
        while i < chars.count {
            if chars[i] == 0x5F, i + 6 < chars.count, chars[i + 1] == 0x78, chars[i + 6] == 0x5F,
               let v = UInt16(String(decoding: chars[(i + 2)...(i + 5)], as: UTF16.self), radix: 16) {
                units.append(v)
                i += 7
            } else {
                units.append(chars[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func escapeText(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func escapeAttribute(_ s: String) -> String {
        escapeText(s).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A double as .NET's round-trip "R" text.
    static func roundTrip(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "INF" : "-INF" }
        return Conversion.toString(.double(d))
    }

    /// XmlConvert's round-trip DateTime text: `yyyy-MM-ddTHH:mm:ss.FFFFFFF` then `Z` (UTC) or the
    /// local offset (`+00:00`), nothing for an unspecified kind.
    static func dateText(_ dt: PSDateTime) -> String {
        let ticksPerDay: Int64 = 864_000_000_000
        let day = dt.ticks / ticksPerDay
        let civil = Ticks.civil(day)
        let inDay = dt.ticks % ticksPerDay
        let seconds = inDay / 10_000_000
        let fraction = inDay % 10_000_000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = String(format: "%04d-%02d-%02dT", civil.year, civil.month, civil.day)
            + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
        if fraction > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 7 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        switch dt.kind {
        case .utc: text += "Z"
        case .local:
            let offset: Int64 = Ticks.localOffset(localTicks: dt.ticks) / Ticks.perMinute
            let sign = offset < 0 ? "-" : "+"
            text += sign + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        default: break
        }
        return text
    }

    /// XmlConvert's duration text for a TimeSpan: `PT1H2M3.5S`, `P1D`, `PT0S`.
    static func durationText(_ ticks: Int64) -> String {
        if ticks == 0 { return "PT0S" }
        var t = abs(ticks)
        var text = ticks < 0 ? "-P" : "P"
        let days = t / 864_000_000_000
        t %= 864_000_000_000
        if days > 0 { text += "\(days)D" }
        guard t > 0 else { return text }
        text += "T"
        let hours = t / 36_000_000_000
        let minutes = t / 600_000_000 % 60
        let seconds = t / 10_000_000 % 60
        let fraction = t % 10_000_000
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if seconds > 0 || fraction > 0 {
            text += "\(seconds)"
            if fraction > 0 {
                var digits = String(fraction)
                digits = String(repeating: "0", count: 7 - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "." + digits
            }
            text += "S"
        }
        return text
    }
}

/// Reads CLIXML back into values, as pwsh's deserializer rehydrates them: primitives as
/// themselves, `<DCT>` as a Hashtable, `<LST>`/`<IE>` as an ArrayList, other objects as
/// property bags whose type names carry the `Deserialized.` prefix, script blocks as strings.
public enum CliXmlReader {
    /// A parse failure, with the XML parser's reason.
    public struct Failure: Error {
        public let message: String
    }

    /// The top-level objects of a document (`<Objs>` … `</Objs>`), or of several documents in a
    /// row (`-OutputFormat XML` writes one per stream).
    public static func read(_ text: String) throws -> [Value] {
        let body = text.replacingOccurrences(of: "#< CLIXML", with: "")
        let tree = try XMLTree.parse("<Root>" + body.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"utf-8\"?>", with: "") + "</Root>")
        var state = State()
        var values: [Value] = []
        for objs in tree.children where objs.name == "Objs" {
            for child in objs.children { values.append(state.value(child)) }
        }
        return values
    }

    private struct State {
        var objects: [String: Value] = [:]
        var typeNames: [String: [String]] = [:]

        mutating func value(_ e: XMLTree) -> Value {
            let text = CliXmlWriter.decode(e.text)
            switch e.name {
            case "Nil": return .null
            case "S", "ToString": return .string(text)
            case "B": return .bool(text.lowercased() == "true")
            case "I32": return .int(Int32(text) ?? 0)
            case "I64": return .long(Int64(text) ?? 0)
            case "Db": return .double(Double(text) ?? (text == "INF" ? .infinity : text == "-INF" ? -.infinity : .nan))
            case "D": return PSDecimal.parse(text).map { .decimal($0) } ?? .string(text)
            case "C": return .char(UInt16(text) ?? 0)
            case "By": return .sized(SizedNumber(kind: .byte, integer: Int64(text) ?? 0))
            case "SB": return .sized(SizedNumber(kind: .sbyte, integer: Int64(text) ?? 0))
            case "I16": return .sized(SizedNumber(kind: .int16, integer: Int64(text) ?? 0))
            case "U16": return .sized(SizedNumber(kind: .uint16, integer: Int64(text) ?? 0))
            case "U32": return .sized(SizedNumber(kind: .uint32, integer: Int64(text) ?? 0))
            case "U64": return .sized(SizedNumber(kind: .uint64, integer: Int64(text) ?? 0))
            case "DT": return PSDateTime.parse(text).map { .object($0) } ?? .string(text)
            case "TS": return .object(PSTimeSpan(ticks: CliXmlReader.durationTicks(text)))
            case "G": return PSGuid.parse(text).map { .object($0) } ?? .string(text)
            case "Version": return PSVersion.parse(text).map { .object($0) } ?? .string(text)
            case "SBK", "URI", "XD": return .string(text)
            case "SS": return .object(PSSecureString(SecureStringText.unprotect(e.text) ?? ""))
            case "Ref": return objects[e.attributes["RefId"] ?? ""] ?? .null
            case "Obj": return object(e)
            default: return .string(text)
            }
        }

        mutating func object(_ e: XMLTree) -> Value {
            var names: [String] = []
            for child in e.children {
                if child.name == "TN" {
                    names = child.children.filter { $0.name == "T" }.map { CliXmlWriter.decode($0.text) }
                    if let id = child.attributes["RefId"] { typeNames[id] = names }
                } else if child.name == "TNRef" {
                    names = typeNames[child.attributes["RefId"] ?? ""] ?? []
                }
            }
            let refId = e.attributes["RefId"] ?? ""
            if let dct = e.children.first(where: { $0.name == "DCT" }) {
                let h = PSHashtable()
                objects[refId] = .object(h)
                for en in dct.children where en.name == "En" {
                    var key = Value.null, val = Value.null
                    for part in en.children {
                        if part.attributes["N"] == "Key" { key = value(part) } else if part.attributes["N"] == "Value" { val = value(part) }
                    }
                    h.set(key, val)
                }
                return .object(h)
            }
            if let list = e.children.first(where: { ["LST", "IE", "STK", "QUE"].contains($0.name) }) {
                let a = PSArray([], kind: .arrayList)
                objects[refId] = .object(a)
                a.items = list.children.map { value($0) }
                return .object(a)
            }
            let isEnum = names.contains("System.Enum")
            if isEnum, let number = e.children.first(where: { $0.name == "I32" || $0.name == "I64" }) {
                let v = value(number)
                objects[refId] = v
                return v
            }
            let bag = PSCustomObject()
            bag.extraTypeNames = names.filter { $0 != "System.Management.Automation.PSCustomObject" && $0 != "System.Object" }
                .map { "Deserialized." + $0 }
            if names.first == "System.Management.Automation.PSCustomObject" {
                bag.extraTypeNames = ["Deserialized.System.Management.Automation.PSCustomObject", "Deserialized.System.Object"]
            }
            objects[refId] = .object(bag)
            for section in e.children where section.name == "Props" || section.name == "MS" {
                for p in section.children {
                    guard let name = p.attributes["N"] else { continue }
                    bag.set(CliXmlWriter.decode(name), value(p))
                }
            }
            if bag.count == 0, let toString = e.children.first(where: { $0.name == "ToString" }) {
                let v = Value.string(CliXmlWriter.decode(toString.text))
                objects[refId] = v
                return v
            }
            return .object(bag)
        }
    }

    /// The ticks of an XML duration (`PT1H2M3.5S`, `-P1D`).
    static func durationTicks(_ text: String) -> Int64 {
        var negative = false
        var s = Substring(text)
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        guard s.hasPrefix("P") else { return 0 }
        s = s.dropFirst()
        var total: Double = 0
        var number = ""
        var inTime = false
        for ch in s {
            switch ch {
            case "T": inTime = true
            case "0"..."9", ".": number.append(ch)
            default:
                let n = Double(number) ?? 0
                number = ""
                switch (ch, inTime) {
                case ("Y", false): total += n * 365 * 86_400
                case ("M", false): total += n * 30 * 86_400
                case ("D", _): total += n * 86_400
                case ("H", true): total += n * 3_600
                case ("M", true): total += n * 60
                case ("S", true): total += n
                default: break
                }
            }
        }
        let ticks = Int64((total * 10_000_000).rounded())
        return negative ? -ticks : ticks
    }
}

/// A small element tree built with Foundation's XMLParser.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    static func parse(_ text: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw CliXmlReader.Failure(message: parser.parserError.map { "\($0.localizedDescription)" } ?? "The XML is not valid.")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = XMLTree(name: elementName, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
