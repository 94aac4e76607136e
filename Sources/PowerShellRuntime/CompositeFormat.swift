import Foundation

/// .NET composite formatting: `-f` and `[string]::Format`. `{index[,alignment][:format]}`,
/// `{{`/`}}` escapes; numbers take .NET format strings (NumberFormatting), other values use
/// their text (the Members files format DateTime/TimeSpan through `formatHook`).
public enum CompositeFormat {
    /// Formats a non-numeric value with a format string (`{0:yyyy}` on a DateTime): set by
    /// the Members files; returns nil when the value has no format-aware ToString.
    nonisolated(unsafe) public static var formatHook: ((Value, String) -> String?)? = nil

    static func formatError(_ detail: String) -> RuntimeError {
        let message = "Error formatting a string: \(detail)."
        let inner = PSExceptionObject(.formatException, detail)
        let ex = PSExceptionObject(.runtimeException, message, inner: inner)
        return RuntimeError(ErrorRecord(exception: ex, errorId: "FormatError", category: .InvalidOperation))
    }

    static let badFormat = "Input string was not in a correct format."
    static let badIndex = "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."

    public static func format(_ template: String, _ args: [Value], hooks: RuntimeHooks?) throws -> String {
        let u = Array(template.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(u.count + 16)
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == 0x7D { // }
                if i + 1 < u.count, u[i + 1] == 0x7D { out.append(0x7D); i += 2; continue }
                throw formatError(badFormat)
            }
            if c != 0x7B { out.append(c); i += 1; continue }
            if i + 1 < u.count, u[i + 1] == 0x7B { out.append(0x7B); i += 2; continue }
            // {index[,alignment][:format]}
            i += 1
            var index = 0
            var digits = 0
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39 {
                index = index * 10 + Int(u[i] - 0x30)
                digits += 1
                i += 1
                if index > 1_000_000 { throw formatError(badFormat) }
            }
            guard digits > 0 else { throw formatError(badFormat) }
            while i < u.count, u[i] == 0x20 { i += 1 }
            var alignment = 0
            if i < u.count, u[i] == 0x2C {
                i += 1
                while i < u.count, u[i] == 0x20 { i += 1 }
                var neg = false
                if i < u.count, u[i] == 0x2D { neg = true; i += 1 }
                var ad = 0
                while i < u.count, u[i] >= 0x30, u[i] <= 0x39 {
                    alignment = alignment * 10 + Int(u[i] - 0x30)
                    ad += 1
                    i += 1
                    if alignment > 1_000_000 { throw formatError(badFormat) }
                }
                guard ad > 0 else { throw formatError(badFormat) }
                if neg { alignment = -alignment }
                while i < u.count, u[i] == 0x20 { i += 1 }
            }
            var fmt: [UInt16]? = nil
            if i < u.count, u[i] == 0x3A {
                i += 1
                var f: [UInt16] = []
                while i < u.count {
                    if u[i] == 0x7D {
                        if i + 1 < u.count, u[i + 1] == 0x7D { f.append(0x7D); i += 2; continue }
                        break
                    }
                    if u[i] == 0x7B {
                        if i + 1 < u.count, u[i + 1] == 0x7B { f.append(0x7B); i += 2; continue }
                        throw formatError(badFormat)
                    }
                    f.append(u[i])
                    i += 1
                }
                fmt = f
            }
            guard i < u.count, u[i] == 0x7D else { throw formatError(badFormat) }
            i += 1
            guard index < args.count else { throw formatError(badIndex) }
            let text = try formatOne(args[index], fmt.map { String(decoding: $0, as: UTF16.self) }, hooks: hooks)
            let tu = Array(text.utf16)
            let pad = abs(alignment) - tu.count
            if pad > 0 && alignment > 0 { out += [UInt16](repeating: 0x20, count: pad) }
            out += tu
            if pad > 0 && alignment < 0 { out += [UInt16](repeating: 0x20, count: pad) }
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
            if let hook = formatHook, let s = hook(v, f) { return s }
            return Conversion.elementText(v, hooks: hooks)
        }
    }
}
