import Foundation

/// System.Collections.DictionaryEntry: what a hashtable's GetEnumerator() yields.
/// `Name` is pwsh's alias property for `Key`.
public final class PSDictionaryEntry: PSDotNetObject {
    public let key: Value
    public let value: Value

    public init(key: Value, value: Value) {
        self.key = key
        self.value = value
    }

    public override var typeFullName: String { "System.Collections.DictionaryEntry" }
    public override var typeHierarchy: [String] { [typeFullName, "System.ValueType", "System.Object"] }
    public override var propertyNames: [String] { ["Name", "Key", "Value"] }
    public override var methodNames: [String] { ["Deconstruct"] }
    public override func toPSString() -> String { typeFullName }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "key", "name": return key
        case "value": return value
        default: return nil
        }
    }
}

/// System.Version: Major.Minor[.Build[.Revision]], absent parts are -1.
public final class PSVersion: PSDotNetObject {
    public let major: Int32, minor: Int32, build: Int32, revision: Int32

    public init(_ major: Int32, _ minor: Int32, _ build: Int32 = -1, _ revision: Int32 = -1) {
        self.major = major
        self.minor = minor
        self.build = build
        self.revision = revision
    }

    /// Version.TryParse: two to four non-negative integer parts.
    public static func parse(_ text: String) -> PSVersion? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count) else { return nil }
        var n: [Int32] = []
        for p in parts {
            guard !p.isEmpty, p.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }), let v = Int32(p), v >= 0 else { return nil }
            n.append(v)
        }
        return PSVersion(n[0], n[1], n.count > 2 ? n[2] : -1, n.count > 3 ? n[3] : -1)
    }

    public override var typeFullName: String { "System.Version" }
    public override var propertyNames: [String] { ["Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision"] }
    public override var defaultDisplayProperties: [String]? { ["Major", "Minor", "Build", "Revision"] }
    public override var methodNames: [String] { ["Clone", "CompareTo", "Equals", "GetHashCode", "ToString", "TryFormat"] }

    public override func toPSString() -> String {
        let plain = text(fields: build < 0 ? 2 : (revision < 0 ? 3 : 4))
        return extraTypeNames.contains(PSSemanticVersion.versionWithLabel) ? withLabels(plain) : plain
    }

    /// A Version made from a SemanticVersion prints with the labels it carries (the ToString
    /// pwsh's type data gives `System.Version#IncludeLabel`).
    private func withLabels(_ plain: String) -> String {
        func note(_ name: String) -> String? {
            guard let m = instanceMembers?.get(name), case .noteProperty(let v) = m.kind, case .string(let s) = v, !s.isEmpty else { return nil }
            return s
        }
        var s = plain
        if let p = note(PSSemanticVersion.preLabelNote) { s += "-" + p }
        if let b = note(PSSemanticVersion.buildLabelNote) { s += "+" + b }
        return s
    }

    private func text(fields: Int) -> String {
        [major, minor, build, revision].prefix(fields).map { String($0) }.joined(separator: ".")
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "major": return .int(major)
        case "minor": return .int(minor)
        case "build": return .int(build)
        case "revision": return .int(revision)
        case "majorrevision": return .sized(SizedNumber(kind: .int16, integer: Int64(revision >> 16)))
        case "minorrevision": return .sized(SizedNumber(kind: .int16, integer: Int64(Int16(truncatingIfNeeded: revision))))
        default: return nil
        }
    }

    public override func compare(to other: Value) -> Int? { other.reference.flatMap(order) }
    public override func isEqual(to other: Value) -> Bool? { other.reference.flatMap(order).map { $0 == 0 } ?? false }

    /// The order against another object of the same type; nil for any other object.
    func order(_ other: PSObjectBase) -> Int? {
        guard let o = other as? PSVersion else { return nil }
        for (x, y) in [(major, o.major), (minor, o.minor), (build, o.build), (revision, o.revision)] where x != y {
            return x < y ? -1 : 1
        }
        return 0
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "tostring":
            try a.expect(0...1)
            if a.count == 0 { return .string(toPSString()) }
            let n = try a.int(0, "fieldCount")
            let defined = build < 0 ? 2 : (revision < 0 ? 3 : 4)
            guard n >= 0 && n <= defined else {
                throw MemberFailure.dotnet(.argumentException, "Argument must be between 0 and \(defined). (Parameter 'fieldCount')")
            }
            return .string(text(fields: n))
        case "compareto":
            try a.expect(1)
            if a[0].isNull { return .int(1) }
            guard let o = try PSVersion.from(a[0], hooks) else { throw MemberFailure.dotnet(.argumentException, "Object must be of type Version.") }
            return .int(Int32(order(o) ?? 0))
        case "equals":
            try a.expect(1)
            guard case .object(let o) = a[0] else { return .bool(false) }
            return .bool(order(o) == 0)
        case "clone":
            try a.expect(0)
            return .object(PSVersion(major, minor, build, revision))
        case "gethashcode":
            try a.expect(0)
            return .int(major << 28 | (minor & 0xff) << 20 | (build & 0xff) << 12 | (revision & 0xfff))
        default:
            return nil
        }
    }

    /// A version argument: a Version, or a string parsed as one.
    static func from(_ v: Value, _ hooks: RuntimeHooks) throws -> PSVersion? {
        if case .object(let o) = v, let ver = o as? PSVersion { return ver }
        if case .string(let s) = v { return parse(s) }
        return nil
    }
}

/// System.Guid.
public final class PSGuid: PSDotNetObject {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes.count == 16 ? bytes : [UInt8](repeating: 0, count: 16)
    }

    public static let empty = PSGuid(bytes: [UInt8](repeating: 0, count: 16))

    /// The generator behind `[guid]::NewGuid()` and New-Guid. The host may replace it with a
    /// seeded one (`PSGuid.seed(_:)`) for reproducible runs.
    nonisolated(unsafe) public static var generator: () -> [UInt8] = {
        (0..<16).map { _ in UInt8.random(in: 0...255) }
    }

    /// Makes NewGuid deterministic from `seed` (SplitMix64).
    public static func seed(_ seed: UInt64) {
        var state = seed
        generator = {
            var out: [UInt8] = []
            for _ in 0..<2 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: z >> (8 * k))) }
            }
            return out
        }
    }

    /// A version 4 GUID from the generator.
    public static func newGuid() -> PSGuid {
        var b = generator()
        if b.count != 16 { b = [UInt8](repeating: 0, count: 16) }
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        return PSGuid(bytes: b)
    }

    /// Guid.TryParse: the D, N, B and P forms (and X-less variants), any case.
    public static func parse(_ text: String) -> PSGuid? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if (t.hasPrefix("{") && t.hasSuffix("}")) || (t.hasPrefix("(") && t.hasSuffix(")")) {
            t = String(t.dropFirst().dropLast())
        }
        let hex: String
        if t.utf8.count == 36 {
            let parts = t.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.map({ $0.count }) == [8, 4, 4, 4, 12] else { return nil }
            hex = parts.joined()
        } else if t.utf8.count == 32 && !text.hasPrefix("{") && !text.hasPrefix("(") {
            hex = t
        } else {
            return nil
        }
        var out: [UInt8] = []
        var it = hex.utf8.makeIterator()
        while let h = it.next(), let l = it.next() {
            guard let hv = hexValue(h), let lv = hexValue(l) else { return nil }
            out.append(hv << 4 | lv)
        }
        return out.count == 16 ? PSGuid(bytes: out) : nil
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    public override var typeFullName: String { "System.Guid" }
    public override var typeHierarchy: [String] { [typeFullName, "System.ValueType", "System.Object"] }
    public override var propertyNames: [String] { ["Guid"] }
    public override var methodNames: [String] { ["CompareTo", "Equals", "GetHashCode", "ToByteArray", "ToString", "TryFormat", "TryWriteBytes"] }
    public override func toPSString() -> String { format("D") ?? "" }

    public override func property(_ name: String) -> Value? {
        name.lowercased() == "guid" ? .string(toPSString()) : nil
    }

    /// Guid.ToString(format): N, D, B, P, X; nil for an unknown format.
    public func format(_ f: String) -> String? {
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let u = Array(hex)
        func part(_ r: Range<Int>) -> String { String(u[r]) }
        let d = [part(0..<8), part(8..<12), part(12..<16), part(16..<20), part(20..<32)].joined(separator: "-")
        switch f {
        case "", "D", "d": return d
        case "N", "n": return hex
        case "B", "b": return "{" + d + "}"
        case "P", "p": return "(" + d + ")"
        case "X", "x":
            let b = part(16..<32)
            let tail = stride(from: 0, to: 16, by: 2).map { "0x" + String(Array(b)[$0..<($0 + 2)]) }.joined(separator: ",")
            return "{0x\(part(0..<8)),0x\(part(8..<12)),0x\(part(12..<16)),{\(tail)}}"
        default: return nil
        }
    }

    public override func compare(to other: Value) -> Int? { other.reference.flatMap(order) }
    public override func isEqual(to other: Value) -> Bool? { other.reference.flatMap(order).map { $0 == 0 } ?? false }

    /// The order against another object of the same type; nil for any other object.
    func order(_ other: PSObjectBase) -> Int? {
        guard let o = other as? PSGuid else { return nil }
        for (x, y) in zip(bytes, o.bytes) where x != y { return x < y ? -1 : 1 }
        return 0
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "tostring":
            try a.expect(0...2)
            guard let s = format(a.count == 0 ? "" : a.string(0)) else {
                throw MemberFailure.dotnet(.formatException, "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
            }
            return .string(s)
        case "equals":
            try a.expect(1)
            guard case .object(let o) = a[0] else { return .bool(false) }
            return .bool(order(o) == 0)
        case "compareto":
            try a.expect(1)
            if a[0].isNull { return .int(1) }
            guard case .object(let o) = a[0], let c = order(o) else { throw MemberFailure.dotnet(.argumentException, "Object must be of type GUID. (Parameter 'value')") }
            return .int(Int32(c))
        case "tobytearray":
            try a.expect(0...1)
            // .NET stores the first three fields little-endian.
            let b = bytes
            let le = [b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6]] + Array(b[8...])
            return .object(PSArray(le.map { .sized(SizedNumber(kind: .byte, integer: Int64($0))) }, kind: .array(elementType: "System.Byte")))
        case "gethashcode":
            try a.expect(0)
            return .int(StringMembers.hashCode(toPSString()))
        default:
            return nil
        }
    }
}

/// System.Text.StringBuilder over UTF-16 units.
public final class PSStringBuilder: PSDotNetObject {
    public var units: [UInt16] = []
    public var capacity: Int

    public init(_ text: String = "", capacity: Int = 16) {
        units = Array(text.utf16)
        self.capacity = max(capacity, units.count, 1)
    }

    public override var typeFullName: String { "System.Text.StringBuilder" }
    public override var propertyNames: [String] { ["Capacity", "MaxCapacity", "Length"] }
    public override var methodNames: [String] {
        ["Append", "AppendFormat", "AppendJoin", "AppendLine", "Clear", "CopyTo", "EnsureCapacity", "Equals", "GetChunks",
         "Insert", "Remove", "Replace", "ToString"]
    }

    public override func toPSString() -> String { String(decoding: units, as: UTF16.self) }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "length": return .int(Int32(clamping: units.count))
        case "capacity": return .int(Int32(clamping: capacity))
        case "maxcapacity": return .int(Int32.max)
        default: return nil
        }
    }

    public override func setProperty(_ name: String, _ value: Value) -> Bool {
        switch name.lowercased() {
        case "length":
            guard let n = try? Conversion.toInt32(value), n >= 0 else { return false }
            if Int(n) < units.count { units.removeLast(units.count - Int(n)) } else { units += [UInt16](repeating: 0, count: Int(n) - units.count) }
            grow()
            return true
        case "capacity":
            guard let n = try? Conversion.toInt32(value), Int(n) >= units.count else { return false }
            capacity = Int(n)
            return true
        default:
            return false
        }
    }

    private func grow() {
        while capacity < units.count { capacity = min(Int(Int32.max), capacity * 2) }
    }

    private func append(_ s: String) {
        units.append(contentsOf: s.utf16)
        grow()
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "append":
            try a.expect(1...3)
            if a.count == 1 {
                append(Members.dotnetToString(a[0], hooks: hooks))
            } else if a.count == 2 {
                // Append(char, repeatCount)
                let c = try a.char(0, "value"), n = try a.int(1, "repeatCount")
                if n < 0 { throw StringMembers.negative("repeatCount", n) }
                units.append(contentsOf: [UInt16](repeating: c, count: n))
                grow()
            } else {
                // Append(string, startIndex, count)
                let s = Array(a.string(0).utf16), start = try a.int(1, "startIndex"), n = try a.int(2, "count")
                if start < 0 { throw StringMembers.negative("startIndex", start) }
                if n < 0 { throw StringMembers.negative("count", n) }
                guard start <= s.count - n else { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Index and count must refer to a location within the string. (Parameter 'value')") }
                units.append(contentsOf: s[start..<(start + n)])
                grow()
            }
            return .object(self)
        case "appendline":
            try a.expect(0...1)
            if a.count == 1 { append(a.string(0)) }
            append("\n")
            return .object(self)
        case "appendformat":
            guard a.count >= 1 else { throw MemberFailure.noOverload }
            var rest = Array(args.dropFirst())
            if rest.count == 1, let arr = rest[0].array { rest = arr.items }
            do {
                append(try CompositeFormat.format(a.string(0), rest, hooks: hooks))
            } catch let e as RuntimeError {
                throw MemberFailure.dotnet(.formatException, e.record.exception.innerException?.message ?? e.record.exception.message)
            }
            return .object(self)
        case "appendjoin":
            guard a.count >= 1 else { throw MemberFailure.noOverload }
            var rest = Array(args.dropFirst())
            if rest.count == 1, let arr = rest[0].array { rest = arr.items }
            append(rest.map { Members.dotnetToString($0, hooks: hooks) }.joined(separator: a.string(0)))
            return .object(self)
        case "insert":
            try a.expect(2...3)
            let i = try a.int(0, "index")
            guard i >= 0 && i <= units.count else { throw StringMembers.outOfRange("index") }
            var text = Array(Members.dotnetToString(a[1], hooks: hooks).utf16)
            if a.count == 3 {
                let n = try a.int(2, "count")
                if n < 0 { throw StringMembers.outOfRange("count") }
                text = Array([[UInt16]](repeating: text, count: n).joined())
            }
            units.insert(contentsOf: text, at: i)
            grow()
            return .object(self)
        case "remove":
            try a.expect(2)
            let start = try a.int(0, "startIndex"), n = try a.int(1, "length")
            if n < 0 { throw StringMembers.negative("length", n) }
            if start < 0 { throw StringMembers.negative("startIndex", start) }
            guard n <= units.count - start else { throw MemberFailure.dotnet(.argumentOutOfRangeException, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'length')") }
            units.removeSubrange(start..<(start + n))
            return .object(self)
        case "replace":
            try a.expect([2, 4].contains(a.count) ? a.count : -1)
            var lo = 0, hi = units.count
            if a.count == 4 {
                lo = try a.int(2, "startIndex")
                let n = try a.int(3, "count")
                guard lo >= 0, n >= 0, lo <= units.count - n else { throw StringMembers.outOfRange("count") }
                hi = lo + n
            }
            let head = Array(units[0..<lo]), tail = Array(units[hi...])
            let mid = String(decoding: units[lo..<hi], as: UTF16.self)
            let replaced = try StringMembers.invoke(mid, "replace", MethodArgs(Array(args.prefix(2)), hooks)) ?? .string(mid)
            units = head + Array(Conversion.toString(replaced, hooks: hooks).utf16) + tail
            grow()
            return .object(self)
        case "clear":
            try a.expect(0)
            units.removeAll()
            return .object(self)
        case "tostring":
            try a.expect([0, 2].contains(a.count) ? a.count : -1)
            if a.count == 2 {
                let start = try a.int(0, "startIndex"), n = try a.int(1, "length")
                try StringMembers.checkSubstring(units.count, start, n, twoArgs: true)
                return .string(String(decoding: units[start..<(start + n)], as: UTF16.self))
            }
            return .string(toPSString())
        case "ensurecapacity":
            try a.expect(1)
            let n = try a.int(0, "capacity")
            if n < 0 { throw StringMembers.negative("capacity", n) }
            capacity = max(capacity, n)
            return .int(Int32(clamping: capacity))
        case "equals":
            try a.expect(1)
            guard case .object(let o) = a[0], let other = o as? PSStringBuilder else { return .bool(false) }
            return .bool(other.units == units && other.capacity == capacity)
        default:
            return nil
        }
    }
}

/// System.Security.SecureString. NOTE: the text is kept in memory as is; the simulator has
/// no secrets to protect, only the behaviour (Length, no plain text when printed) to mimic.
public final class PSSecureString: PSDotNetObject {
    var text: [UInt16]
    public private(set) var isReadOnly = false

    public init(_ plain: String = "") {
        text = Array(plain.utf16)
    }

    /// The protected text, for ConvertFrom-SecureString -AsPlainText and NetworkCredential.
    public var plainText: String { String(decoding: text, as: UTF16.self) }

    public override var typeFullName: String { "System.Security.SecureString" }
    public override var propertyNames: [String] { ["Length"] }
    public override var methodNames: [String] { ["AppendChar", "Clear", "Copy", "Dispose", "InsertAt", "IsReadOnly", "MakeReadOnly", "RemoveAt", "SetAt"] }

    public override func property(_ name: String) -> Value? {
        name.lowercased() == "length" ? .int(Int32(clamping: text.count)) : nil
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        let mutating = ["appendchar", "clear", "insertat", "removeat", "setat"].contains(name)
        if mutating && isReadOnly { throw MemberFailure.dotnet(.invalidOperationException, "Instance is read-only.") }
        switch name {
        case "appendchar":
            try a.expect(1)
            text.append(try a.char(0, "c"))
        case "clear", "dispose":
            try a.expect(0)
            text.removeAll()
        case "copy":
            try a.expect(0)
            return .object(PSSecureString(plainText))
        case "isreadonly":
            try a.expect(0)
            return .bool(isReadOnly)
        case "makereadonly":
            try a.expect(0)
            isReadOnly = true
        case "insertat", "setat":
            try a.expect(2)
            let i = try a.int(0, "index"), c = try a.char(1, "c")
            guard i >= 0 && i <= text.count - (name == "setat" ? 1 : 0) else { throw StringMembers.outOfRange("index") }
            if name == "setat" { text[i] = c } else { text.insert(c, at: i) }
        case "removeat":
            try a.expect(1)
            let i = try a.int(0, "index")
            guard i >= 0 && i < text.count else { throw StringMembers.outOfRange("index") }
            text.remove(at: i)
        default:
            return nil
        }
        // The rest are void in .NET (AppendChar, Clear, MakeReadOnly, …).
        return .voidResult
    }
}

/// System.Management.Automation.PSCredential.
public final class PSCredentialObject: PSDotNetObject {
    public let userName: String
    public let password: PSSecureString

    public init(userName: String, password: PSSecureString) {
        self.userName = userName
        self.password = password
    }

    public override var typeFullName: String { "System.Management.Automation.PSCredential" }
    public override var propertyNames: [String] { ["UserName", "Password"] }
    public override var methodNames: [String] { ["GetNetworkCredential"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "username": return .string(userName)
        case "password": return .object(password)
        default: return nil
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard name == "getnetworkcredential" else { return nil }
        if !args.isEmpty { throw MemberFailure.noOverload }
        return .object(PSNetworkCredential(userName: userName, password: password))
    }
}

/// System.Net.NetworkCredential (from GetNetworkCredential()): a domain\user name split in two.
public final class PSNetworkCredential: PSDotNetObject {
    public let fullUserName: String
    public let password: PSSecureString

    public init(userName: String, password: PSSecureString) {
        self.fullUserName = userName
        self.password = password
    }

    private var split: (domain: String, user: String) {
        if let slash = fullUserName.firstIndex(of: "\\") {
            return (String(fullUserName[..<slash]), String(fullUserName[fullUserName.index(after: slash)...]))
        }
        return ("", fullUserName)
    }

    public override var typeFullName: String { "System.Net.NetworkCredential" }
    public override var propertyNames: [String] { ["UserName", "Password", "SecurePassword", "Domain"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "username": return .string(split.user)
        case "password": return .string(password.plainText)
        case "securepassword": return .object(password)
        case "domain": return .string(split.domain)
        default: return nil
        }
    }
}

/// `[ref]` (System.Management.Automation.PSReference): `.Value` reads and writes through to
/// what it refers to. The interpreter makes variable-bound ones with `init(get:set:)`;
/// `[ref]` on a plain value holds the value itself.
public final class PSReference: PSDotNetObject {
    private let getter: () -> Value
    private let setter: (Value) -> Void

    public init(get: @escaping () -> Value, set: @escaping (Value) -> Void) {
        getter = get
        setter = set
    }

    public convenience init(value: Value) {
        final class Box { var value: Value; init(_ v: Value) { value = v } }
        let box = Box(value)
        self.init(get: { box.value }, set: { box.value = $0 })
    }

    public var value: Value {
        get { getter() }
        set { setter(newValue) }
    }

    public override var typeFullName: String { "System.Management.Automation.PSReference" }
    public override var typeHierarchy: [String] { ["System.Management.Automation.PSReference`1[[System.Object]]", typeFullName, "System.Object"] }
    public override var propertyNames: [String] { ["Value"] }

    public override func property(_ name: String) -> Value? {
        name.lowercased() == "value" ? getter() : nil
    }

    public override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard name.lowercased() == "value" else { return false }
        setter(value)
        return true
    }

    public override func toPSString() -> String { typeFullName }
}

/// `System.Management.Automation.PSTypeName`: a type named by text (`[PSTypeName]'My.Type'` with
/// `using namespace System.Management.Automation`). `Name` is the text; `Type` is the .NET type
/// it names when there is one, else $null; ToString gives the name.
public final class PSTypeNameObject: PSDotNetObject {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public override var typeFullName: String { "System.Management.Automation.PSTypeName" }
    public override var propertyNames: [String] { ["Name", "Type"] }
    public override func toPSString() -> String { name }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "type": return TypeResolver.resolve(name: name).map { .object(PSTypeObject($0)) } ?? .null
        default: return nil
        }
    }
}

/// `[StringComparer]::OrdinalIgnoreCase` and its siblings: passed to a dictionary's constructor
/// they choose how keys compare. Their .NET types are OrdinalComparer, OrdinalIgnoreCaseComparer
/// and CultureAwareComparer.
public final class PSStringComparer: PSDotNetObject {
    /// The static property names, lower-cased.
    static let kinds: Set<String> = ["ordinal", "ordinalignorecase", "invariantculture", "invariantcultureignorecase",
                                     "currentculture", "currentcultureignorecase"]
    public let kind: String
    public var ignoreCase: Bool { kind.hasSuffix("ignorecase") }

    init(_ kind: String) {
        self.kind = kind
    }

    public override var typeFullName: String {
        switch kind {
        case "ordinal": return "System.OrdinalComparer"
        case "ordinalignorecase": return "System.OrdinalIgnoreCaseComparer"
        default: return "System.CultureAwareComparer"
        }
    }
    public override var typeHierarchy: [String] { [typeFullName, "System.StringComparer", "System.Object"] }
}

/// `System.Tuple<T1,…>` / `System.ValueTuple<…>`: `Item1`…`ItemN`, its ToString `(a, b)`.
public final class PSTupleObject: PSDotNetObject {
    public let items: [Value]
    public let types: [PSType]
    public let isValueTuple: Bool

    public init(_ items: [Value], types: [PSType], isValueTuple: Bool = false) {
        self.items = items
        self.types = types
        self.isValueTuple = isValueTuple
    }

    public override var typeFullName: String {
        (isValueTuple ? "System.ValueTuple`" : "System.Tuple`") + String(items.count) + "["
            + types.map { "[" + $0.fullName + "]" }.joined(separator: ",") + "]"
    }
    /// ITuple.Length is implemented explicitly, so only the items are properties.
    public override var propertyNames: [String] { (1...max(1, items.count)).map { "Item\($0)" } }

    public override func property(_ name: String) -> Value? {
        let lower = name.lowercased()
        guard lower.hasPrefix("item"), let n = Int(lower.dropFirst(4)), n >= 1, n <= items.count else { return nil }
        return items[n - 1]
    }

    public override func toPSString() -> String {
        "(" + items.map { Conversion.toString($0) }.joined(separator: ", ") + ")"
    }
}
