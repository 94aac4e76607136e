import Foundation

/// [Convert], [BitConverter] helpers and [uri]/[System.Net.WebUtility] escaping.
enum ConvertMembers {
    /// A `byte[]` argument as bytes.
    static func bytes(_ a: MethodArgs, _ i: Int) throws -> [UInt8] {
        if a[i].isNull { throw StringMembers.nullArgument("inArray") }
        return try a.items(i).map { v in
            switch v {
            case .sized(let n): return UInt8(truncatingIfNeeded: n.integer)
            case .int(let n) where (0...255).contains(n): return UInt8(n)
            default:
                guard case .sized(let n) = try Conversion.convert(v, to: TypeResolver.byte, hooks: a.hooks) else { throw MemberFailure.noOverload }
                return UInt8(truncatingIfNeeded: n.integer)
            }
        }
    }

    static func byteArray(_ b: [UInt8]) -> Value {
        .object(PSArray(b.map { .sized(SizedNumber(kind: .byte, integer: Int64($0))) }, kind: .array(elementType: "System.Byte")))
    }

    private static func base(_ a: MethodArgs, _ i: Int) throws -> Int {
        let b = try a.int(i, "fromBase")
        guard [2, 8, 10, 16].contains(b) else { throw MemberFailure.dotnet(.argumentException, "Invalid Base. (Parameter 'fromBase')") }
        return b
    }

    static func invoke(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "tobase64string":
            try a.expect(1...4)
            var b = try bytes(a, 0)
            if a.count >= 3 {
                let off = try a.int(1, "offset"), n = try a.int(2, "length")
                guard off >= 0, n >= 0, off <= b.count - n else { throw StringMembers.outOfRange("offset") }
                b = Array(b[off..<(off + n)])
            }
            let lineBreaks = (a.count == 2 || a.count == 4) && (DotNetEnums.value(of: a[a.count - 1], in: DotNetEnums.base64FormattingOptions) ?? 0) == 1
            return .string(Data(b).base64EncodedString(options: lineBreaks ? [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed] : []))
        case "frombase64string":
            try a.expect(1)
            let s = a.string(0)
            let cleaned = s.filter { !$0.isWhitespace }
            guard cleaned.count % 4 == 0, let d = Data(base64Encoded: cleaned) else {
                throw MemberFailure.dotnet(.formatException, "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
            }
            return byteArray(Array(d))
        case "tohexstring", "tohexstringlower":
            try a.expect(1...3)
            let fmt = name == "tohexstring" ? "%02X" : "%02x"
            return .string(try bytes(a, 0).map { String(format: fmt, $0) }.joined())
        case "fromhexstring":
            try a.expect(1)
            let u = Array(a.string(0).utf8)
            guard u.count % 2 == 0 else { throw MemberFailure.dotnet(.formatException, "The input is not a valid hex string as its length is not a multiple of 2.") }
            var out: [UInt8] = []
            var i = 0
            while i + 1 < u.count {
                guard let b = UInt8(String(decoding: u[i..<(i + 2)], as: UTF8.self), radix: 16) else {
                    throw MemberFailure.dotnet(.formatException, "The input is not a valid hex string as it contains a non-hex character.")
                }
                out.append(b)
                i += 2
            }
            return byteArray(out)
        case "toint32", "toint64", "toint16", "tobyte":
            try a.expect(1...2)
            let target: PSType = name == "toint32" ? TypeResolver.int32 : (name == "toint64" ? TypeResolver.int64 : (name == "toint16" ? TypeResolver.int16 : TypeResolver.byte))
            if a.count == 2 {
                let b = try base(a, 1)
                var s = a.string(0).trimmingCharacters(in: .whitespaces)
                if b == 16 && (s.hasPrefix("0x") || s.hasPrefix("0X")) { s = String(s.dropFirst(2)) }
                guard let v = UInt64(s, radix: b) else {
                    throw MemberFailure.dotnet(.formatException, "Could not find any recognizable digits.")
                }
                // Non-decimal bases read the bits as two's complement of the target width.
                switch name {
                case "toint32":
                    guard v <= UInt64(UInt32.max) else { throw MemberFailure.dotnet(.overflowException, "Value was either too large or too small for an Int32.") }
                    return .int(b == 10 ? Int32(clamping: Int64(v)) : Int32(bitPattern: UInt32(v)))
                case "toint64": return .long(Int64(bitPattern: v))
                case "toint16":
                    guard v <= UInt64(UInt16.max) else { throw MemberFailure.dotnet(.overflowException, "Value was either too large or too small for an Int16.") }
                    return .sized(SizedNumber(kind: .int16, integer: Int64(Int16(bitPattern: UInt16(v)))))
                default:
                    guard v <= 255 else { throw MemberFailure.dotnet(.overflowException, "Value was either too large or too small for an unsigned byte.") }
                    return .sized(SizedNumber(kind: .byte, integer: Int64(v)))
                }
            }
            return try convertTo(a, target)
        case "todouble": try a.expect(1...2); return try convertTo(a, TypeResolver.double)
        case "todecimal": try a.expect(1...2); return try convertTo(a, TypeResolver.decimal)
        case "toboolean":
            try a.expect(1...2)
            if case .string(let s) = a[0] {
                switch s.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: throw MemberFailure.dotnet(.formatException, "String '\(s)' was not recognized as a valid Boolean.")
                }
            }
            return .bool(Conversion.toBool(a[0]))
        case "tostring":
            try a.expect(1...2)
            if a.count == 2, case .int(let b) = a[1] {
                guard [2, 8, 10, 16].contains(b) else { throw MemberFailure.dotnet(.argumentException, "Invalid Base. (Parameter 'toBase')") }
                let v = try a.long(0, "value")
                if b == 10 { return .string(String(v)) }
                let bits: UInt64
                switch a[0] {
                case .int(let i): bits = UInt64(UInt32(bitPattern: i))
                default: bits = UInt64(bitPattern: v)
                }
                return .string(String(bits, radix: Int(b)))
            }
            return .string(Members.dotnetToString(a[0], hooks: a.hooks))
        case "tochar":
            try a.expect(1...2)
            return .char(try a.char(0, "value"))
        case "changetype":
            try a.expect(2)
            guard case .object(let o) = a[1], let t = o as? PSTypeObject else { throw MemberFailure.noOverload }
            return try convertTo(MethodArgs([a[0]], a.hooks), t.type)
        default:
            return nil
        }
    }

    /// Convert.ToXxx(value): pwsh's conversion, reported as the .NET exception.
    private static func convertTo(_ a: MethodArgs, _ t: PSType) throws -> Value {
        do {
            return try Conversion.convert(a[0], to: t, hooks: a.hooks)
        } catch let e as RuntimeError {
            let inner = e.record.exception.innerException ?? e.record.exception
            throw MemberFailure.dotnet(.formatException, inner.message)
        }
    }

    /// [uri]::EscapeDataString / UnescapeDataString, [System.Net.WebUtility]::UrlEncode / UrlDecode / HtmlEncode.
    static func uri(_ name: String, _ a: MethodArgs) throws -> Value? {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        switch name {
        case "escapedatastring", "escapeuristring":
            try a.expect(1)
            let s = a.string(0)
            return .string(s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s)
        case "unescapedatastring", "urldecode":
            try a.expect(1)
            let s = a.string(0)
            let t = name == "urldecode" ? s.replacingOccurrences(of: "+", with: " ") : s
            return .string(t.removingPercentEncoding ?? t)
        case "urlencode":
            try a.expect(1)
            let s = a.string(0)
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!*()")
            let enc = s.replacingOccurrences(of: " ", with: "+").addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: "+"))) ?? s
            return .string(enc)
        case "htmlencode":
            try a.expect(1)
            let s = a.string(0)
            return .string(s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;"))
        case "htmldecode":
            try a.expect(1)
            let s = a.string(0)
            return .string(s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&"))
        default:
            return nil
        }
    }
}

/// A System.Text.Encoding object: `[Text.Encoding]::UTF8.GetBytes('x')`.
public final class PSEncoding: PSDotNetObject {
    public enum Kind { case utf8, ascii, utf16LE, utf16BE, utf32LE, latin1 }

    public let kind: Kind
    public let emitsBOM: Bool

    public init(_ kind: Kind, emitsBOM: Bool = true) {
        self.kind = kind
        self.emitsBOM = emitsBOM
    }

    static func named(_ name: String) -> PSEncoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": return PSEncoding(.utf8)
        case "ascii", "us-ascii": return PSEncoding(.ascii)
        case "utf-16", "unicode", "utf-16le": return PSEncoding(.utf16LE)
        case "utf-16be", "unicodefffe": return PSEncoding(.utf16BE)
        case "utf-32", "utf-32le": return PSEncoding(.utf32LE)
        case "iso-8859-1", "latin1": return PSEncoding(.latin1)
        default: return nil
        }
    }

    private var swiftEncoding: String.Encoding {
        switch kind {
        case .utf8: return .utf8
        case .ascii: return .ascii
        case .utf16LE: return .utf16LittleEndian
        case .utf16BE: return .utf16BigEndian
        case .utf32LE: return .utf32LittleEndian
        case .latin1: return .isoLatin1
        }
    }

    public var webName: String {
        switch kind {
        case .utf8: return "utf-8"
        case .ascii: return "us-ascii"
        case .utf16LE: return "utf-16"
        case .utf16BE: return "utf-16BE"
        case .utf32LE: return "utf-32"
        case .latin1: return "iso-8859-1"
        }
    }

    public override var typeFullName: String {
        switch kind {
        case .utf8: return "System.Text.UTF8Encoding+UTF8EncodingSealed"
        case .ascii: return "System.Text.ASCIIEncoding+ASCIIEncodingSealed"
        case .utf16LE, .utf16BE: return "System.Text.UnicodeEncoding"
        case .utf32LE: return "System.Text.UTF32Encoding"
        case .latin1: return "System.Text.Latin1Encoding+Latin1EncodingSealed"
        }
    }

    public override var typeHierarchy: [String] { [typeFullName, "System.Text.Encoding", "System.Object"] }
    public override var propertyNames: [String] { ["BodyName", "EncodingName", "HeaderName", "WebName", "CodePage", "IsSingleByte"] }
    public override var methodNames: [String] { ["GetByteCount", "GetBytes", "GetCharCount", "GetChars", "GetPreamble", "GetString"] }
    public override func toPSString() -> String { typeFullName }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "webname", "bodyname", "headername": return .string(webName)
        case "encodingname":
            switch kind {
            case .utf8: return .string("Unicode (UTF-8)")
            case .ascii: return .string("US-ASCII")
            case .utf16LE: return .string("Unicode")
            case .utf16BE: return .string("Unicode (Big-Endian)")
            case .utf32LE: return .string("Unicode (UTF-32)")
            case .latin1: return .string("Western European (ISO)")
            }
        case "codepage":
            let pages: [Kind: Int32] = [.utf8: 65001, .ascii: 20127, .utf16LE: 1200, .utf16BE: 1201, .utf32LE: 12000, .latin1: 28591]
            return .int(pages[kind] ?? 0)
        case "issinglebyte": return .bool(kind == .ascii || kind == .latin1)
        default: return nil
        }
    }

    func encode(_ s: String) -> [UInt8] {
        switch kind {
        case .ascii: return s.unicodeScalars.map { $0.value < 128 ? UInt8($0.value) : 0x3F }
        case .latin1: return s.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0x3F }
        default: return Array(s.data(using: swiftEncoding) ?? Data())
        }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "getbytes":
            try a.expect(1...3)
            if a[0].isNull { throw StringMembers.nullArgument("s") }
            let text = a[0].array != nil ? String(decoding: try a.chars(0, "chars"), as: UTF16.self) : a.string(0)
            return ConvertMembers.byteArray(encode(text))
        case "getbytecount":
            try a.expect(1)
            return .int(Int32(clamping: encode(a.string(0)).count))
        case "getstring", "getchars":
            try a.expect(1...3)
            var b = try ConvertMembers.bytes(a, 0)
            if a.count == 3 {
                let off = try a.int(1, "index"), n = try a.int(2, "count")
                guard off >= 0, n >= 0, off <= b.count - n else { throw StringMembers.outOfRange("index") }
                b = Array(b[off..<(off + n)])
            }
            let s: String
            switch kind {
            case .ascii: s = String(b.map { Character(Unicode.Scalar($0 < 128 ? $0 : 0x3F)) })
            case .latin1: s = String(b.map { Character(Unicode.Scalar($0)) })
            case .utf8: s = String(decoding: b, as: UTF8.self)
            default: s = String(data: Data(b), encoding: swiftEncoding) ?? ""
            }
            if name == "getchars" { return .object(PSArray(s.utf16.map { .char($0) }, kind: .array(elementType: "System.Char"))) }
            return .string(s)
        case "getpreamble":
            try a.expect(0)
            guard emitsBOM else { return ConvertMembers.byteArray([]) }
            switch kind {
            case .utf8: return ConvertMembers.byteArray([0xEF, 0xBB, 0xBF])
            case .utf16LE: return ConvertMembers.byteArray([0xFF, 0xFE])
            case .utf16BE: return ConvertMembers.byteArray([0xFE, 0xFF])
            case .utf32LE: return ConvertMembers.byteArray([0xFF, 0xFE, 0, 0])
            default: return ConvertMembers.byteArray([])
            }
        default:
            return nil
        }
    }
}
