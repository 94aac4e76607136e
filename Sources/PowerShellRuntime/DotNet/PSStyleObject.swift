import Foundation

/// A native object whose settable properties have .NET types: a value is converted to the
/// property's type as a .NET setter takes it, and one that does not convert fails as pwsh's
/// PSSetMemberBinder reports it (`Exception setting "X": "Cannot convert …"`).
protocol TypedPropertySetter {
    /// Sets the property and returns true, or returns false when the object has no settable
    /// property of that name.
    func setTypedProperty(_ name: String, _ value: Value, hooks: RuntimeHooks) throws -> Bool
}

/// `$PSStyle` (System.Management.Automation.PSStyle): the ANSI escape sequences pwsh's
/// formatting uses and the OutputRendering setting, with the values PSStyle.cs declares.
/// OutputRendering starts as PlainText when NO_COLOR is set (as pwsh's console host does), else
/// Host.
/// NOTE: teamsh writes no escape sequences of its own whatever OutputRendering says; scripts
/// that set it (commonly to PlainText) run, and the strings here can be written out by scripts.
public final class PSStyleObject: PSDotNetObject, TypedPropertySetter {
    private var outputRendering: Int64 = ProcessInfo.processInfo.environment["NO_COLOR"] != nil ? 1 : 0
    private let formatting = PSStyleFormatting()
    private let foreground = PSStyleColors(background: false)
    private let background = PSStyleColors(background: true)

    static let decorations: [(String, String)] = [
        ("Reset", "\u{1B}[0m"), ("BlinkOff", "\u{1B}[25m"), ("Blink", "\u{1B}[5m"), ("BoldOff", "\u{1B}[22m"),
        ("Bold", "\u{1B}[1m"), ("DimOff", "\u{1B}[22m"), ("Dim", "\u{1B}[2m"), ("Hidden", "\u{1B}[8m"),
        ("HiddenOff", "\u{1B}[28m"), ("Reverse", "\u{1B}[7m"), ("ReverseOff", "\u{1B}[27m"), ("ItalicOff", "\u{1B}[23m"),
        ("Italic", "\u{1B}[3m"), ("UnderlineOff", "\u{1B}[24m"), ("Underline", "\u{1B}[4m"),
        ("StrikethroughOff", "\u{1B}[29m"), ("Strikethrough", "\u{1B}[9m"),
    ]

    public override var typeFullName: String { "System.Management.Automation.PSStyle" }
    public override var propertyNames: [String] {
        ["OutputRendering"] + Self.decorations.map { $0.0 } + ["Formatting", "Foreground", "Background"]
    }
    public override var methodNames: [String] { ["FormatHyperlink"] }

    public override func property(_ name: String) -> Value? {
        let key = name.lowercased()
        switch key {
        case "outputrendering":
            guard case .enumeration(let d) = TypeResolver.outputRendering.kind else { return nil }
            return .object(PSEnumValue(d, outputRendering))
        case "formatting": return .object(formatting)
        case "foreground": return .object(foreground)
        case "background": return .object(background)
        default: return Self.decorations.first { $0.0.lowercased() == key }.map { .string($0.1) }
        }
    }

    func setTypedProperty(_ name: String, _ value: Value, hooks: RuntimeHooks) throws -> Bool {
        guard name.lowercased() == "outputrendering" else { return false }
        do {
            let converted = try Conversion.convert(value, to: TypeResolver.outputRendering, hooks: hooks)
            if case .object(let o) = converted, let e = o as? PSEnumValue { outputRendering = e.value }
        } catch let e as RuntimeError {
            throw MemberErrors.setValueInvocation("OutputRendering", e.record.exception)
        }
        return true
    }

    /// `FormatHyperlink(text, uri)`: the OSC 8 sequence around the text.
    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard name == "formathyperlink" else { return nil }
        guard args.count == 2 else { throw MemberFailure.noOverload }
        let text = Conversion.toString(args[0], hooks: hooks), link = Conversion.toString(args[1], hooks: hooks)
        return .string("\u{1B}]8;;\(link)\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\")
    }
}

/// `$PSStyle.Formatting`: the sequences pwsh's formatting puts around headers, errors and
/// stream prefixes; each may be set to another string.
final class PSStyleFormatting: PSDotNetObject {
    private var values: [(name: String, value: String)] = [
        ("FormatAccent", "\u{1B}[32;1m"), ("TableHeader", "\u{1B}[32;1m"), ("CustomTableHeaderLabel", "\u{1B}[32;1;3m"),
        ("ErrorAccent", "\u{1B}[36;1m"), ("Error", "\u{1B}[31;1m"), ("Warning", "\u{1B}[33;1m"),
        ("Verbose", "\u{1B}[33;1m"), ("Debug", "\u{1B}[33;1m"), ("FeedbackName", "\u{1B}[33m"),
        ("FeedbackText", "\u{1B}[96m"), ("FeedbackAction", "\u{1B}[97m"),
    ]

    override var typeFullName: String { "System.Management.Automation.PSStyle+FormattingData" }
    override var propertyNames: [String] { values.map { $0.name } }

    override func property(_ name: String) -> Value? {
        values.first { $0.name.lowercased() == name.lowercased() }.map { .string($0.value) }
    }

    override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard let i = values.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { return false }
        values[i].value = Conversion.toString(value)
        return true
    }
}

/// `$PSStyle.Foreground` / `.Background`: the sixteen console colors and `FromRgb`.
final class PSStyleColors: PSDotNetObject {
    private let isBackground: Bool
    private static let names = ["Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White"]

    init(background: Bool) {
        isBackground = background
    }

    override var typeFullName: String {
        "System.Management.Automation.PSStyle+" + (isBackground ? "BackgroundColor" : "ForegroundColor")
    }
    override var propertyNames: [String] { Self.names + Self.names.map { "Bright" + $0 } }
    override var methodNames: [String] { ["FromRgb"] }

    override func property(_ name: String) -> Value? {
        let key = name.lowercased()
        let bright = key.hasPrefix("bright")
        guard let i = Self.names.firstIndex(where: { $0.lowercased() == (bright ? String(key.dropFirst(6)) : key) }) else { return nil }
        let base = (isBackground ? 40 : 30) + (bright ? 60 : 0)
        return .string("\u{1B}[\(base + i)m")
    }

    /// `FromRgb(r, g, b)` or `FromRgb(0xRRGGBB)`: a 24-bit color sequence.
    override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard name == "fromrgb" else { return nil }
        let a = MethodArgs(args, hooks)
        var rgb: [Int] = []
        switch args.count {
        case 1:
            let n = try a.int(0, "rgb")
            rgb = [(n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF]
        case 3:
            for (i, p) in ["red", "green", "blue"].enumerated() {
                let n = try a.int(i, p)
                guard (0...255).contains(n) else {
                    throw MemberFailure.dotnet(.overflowException, "Value was either too large or too small for an unsigned byte.")
                }
                rgb.append(n)
            }
        default:
            throw MemberFailure.noOverload
        }
        return .string("\u{1B}[\(isBackground ? 48 : 38);2;\(rgb[0]);\(rgb[1]);\(rgb[2])m")
    }
}
