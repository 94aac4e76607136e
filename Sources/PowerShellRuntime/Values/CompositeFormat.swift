import Foundation

/// .NET composite formatting: `-f` and `[string]::Format`. `{index[,alignment][:format]}`,
/// `{{`/`}}` escapes; numbers take .NET format strings (NumberFormatting), other values use
/// their text (native objects such as DateTime format through `PSNativeObject.toString(format:)`).
public enum CompositeFormat {
    static func formatError(_ detail: String) -> RuntimeError {
        let message = "Error formatting a string: \(detail)."
        let inner = PSExceptionObject(.formatException, detail)
        let ex = PSExceptionObject(.runtimeException, message, inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "FormatError", category: .InvalidOperation))
    }

    static let badIndex = "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."

    /// .NET 8+'s parse failure text.
    static func parseFailure(_ offset: Int, _ reason: String) -> RuntimeError {
        formatError("Input string was not in a correct format. Failure to parse near offset \(offset). \(reason)")
    }

    static let unexpectedClosingBrace = "Unexpected closing brace without a corresponding opening brace."
    static let unclosedItem = "Format item ends prematurely."
    static let expectedDigit = "Expected an ASCII digit."

    /// Formats like .NET's `String.Format` (same grammar, limits and error offsets).
    public static func format(_ template: String, _ args: [Value], hooks: RuntimeHooks?) throws -> String {
        let u = Array(template.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(u.count + 16)
        var pos = 0
        /// The next character; running off the end is "Format item ends prematurely."
        func moveNext() throws -> UInt16 {
            pos += 1
            guard pos < u.count else { throw parseFailure(pos, unclosedItem) }
            return u[pos]
        }
        @inline(__always) func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }
        while pos < u.count {
            let brace = u[pos]
            if brace != 0x7B && brace != 0x7D { out.append(brace); pos += 1; continue }
            var ch = try moveNext()
            if ch == brace { out.append(ch); pos += 1; continue }
            if brace != 0x7B { throw parseFailure(pos, unexpectedClosingBrace) }
            // {index[,alignment][:format]}
            guard isDigit(ch) else { throw parseFailure(pos, expectedDigit) }
            var index = Int(ch - 0x30)
            var width = 0
            var leftJustify = false
            var itemFormat: String? = nil
            ch = try moveNext()
            if ch != 0x7D {
                while isDigit(ch) && index < 1_000_000 {
                    index = index * 10 + Int(ch - 0x30)
                    ch = try moveNext()
                }
                while ch == 0x20 { ch = try moveNext() }
                if ch == 0x2C {
                    repeat { ch = try moveNext() } while ch == 0x20
                    if ch == 0x2D { leftJustify = true; ch = try moveNext() }
                    guard isDigit(ch) else { throw parseFailure(pos, expectedDigit) }
                    width = Int(ch - 0x30)
                    ch = try moveNext()
                    while isDigit(ch) && width < 1_000_000 {
                        width = width * 10 + Int(ch - 0x30)
                        ch = try moveNext()
                    }
                    while ch == 0x20 { ch = try moveNext() }
                }
                if ch != 0x7D {
                    guard ch == 0x3A else { throw parseFailure(pos, unclosedItem) }
                    let start = pos + 1
                    while true {
                        ch = try moveNext()
                        if ch == 0x7D { break }
                        if ch == 0x7B { throw parseFailure(pos, unclosedItem) }
                    }
                    if pos > start { itemFormat = String(decoding: u[start..<pos], as: UTF16.self) }
                }
            }
            pos += 1
            guard index < args.count else { throw formatError(badIndex) }
            let text = Array(try formatOne(args[index], itemFormat, hooks: hooks).utf16)
            let pad = width - text.count
            if pad > 0 && !leftJustify { out += [UInt16](repeating: 0x20, count: pad) }
            out += text
            if pad > 0 && leftJustify { out += [UInt16](repeating: 0x20, count: pad) }
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// One argument's text with an optional format string.
    static func formatOne(_ v: Value, _ fmt: String?, hooks: RuntimeHooks?) throws -> String {
        guard let f = fmt, !f.isEmpty else {
            switch v {
            // .NET formats numbers itself: doubles round-trip ('{0}' -f 0.1 + 0.2 gives 0.30000000000000004).
            case .double, .sized: return NumberFormatting.dotNetText(v)
            // Arrays are not joined by -f: .NET calls ToString() on them.
            default: return Conversion.elementText(v, hooks: hooks)
            }
        }
        switch v {
        case .int, .long, .double, .decimal, .sized:
            do {
                return try NumberFormatting.toString(v, format: f)
            } catch {
                throw formatError("Format specifier was invalid.")
            }
        default:
            if let n = v.reference as? PSNativeObject {
                if let s = n.toString(format: f) { return s }
                // IFormattable objects the Members files model (DateTime, TimeSpan, Guid …)
                // take the format through their ToString(format) method.
                if let h = hooks, n is PSDotNetObject,
                   case .string(let s)? = try? Members.invokeMethod(v, "ToString", [.string(f)], hooks: h) {
                    return s
                }
            }
            return Conversion.elementText(v, hooks: hooks)
        }
    }
}
