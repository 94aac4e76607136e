import Foundation

/// `$PSStyle` (System.Management.Automation.PSStyle, pwsh 7.2+): the escape sequences of text
/// attributes and colours, the colours pwsh formats errors, warnings and table headers with,
/// and OutputRendering, which decides whether they are written at all: `Host` (the default)
/// only when output goes to a terminal, `PlainText` never (the default when NO_COLOR is set),
/// `Ansi` always. One instance per process, as in pwsh. Values are PSStyle.cs's.
public final class PSStyle: PSDotNetObject, TypedPropertySetter {
    nonisolated(unsafe) public static let instance: PSStyle = {
        let style = PSStyle()
        style.applyEnvironment()
        return style
    }()

    public var outputRendering = "Host"
    public let formatting = PSStyleGroup(typeName: "System.Management.Automation.PSStyle+FormattingData", [
        ("FormatAccent", "\u{1B}[32;1m"), ("ErrorAccent", "\u{1B}[36;1m"), ("Error", "\u{1B}[31;1m"), ("Warning", "\u{1B}[33;1m"),
        ("Verbose", "\u{1B}[33;1m"), ("Debug", "\u{1B}[33;1m"), ("TableHeader", "\u{1B}[32;1m"), ("CustomTableHeaderLabel", "\u{1B}[32;1;3m"),
        ("FeedbackName", "\u{1B}[33m"), ("FeedbackText", "\u{1B}[96m"), ("FeedbackAction", "\u{1B}[97m"),
    ], escapesOnly: ["FormatAccent", "ErrorAccent", "Error", "Warning", "Verbose", "Debug", "TableHeader", "CustomTableHeaderLabel",
                     "FeedbackName", "FeedbackText", "FeedbackAction"])
    public let progress = PSStyleGroup(typeName: "System.Management.Automation.PSStyle+ProgressConfiguration", [
        ("Style", "\u{1B}[33;1m"), ("MaxWidth", "120"), ("View", "Minimal"), ("UseOSCIndicator", "False"),
    ], escapesOnly: ["Style"])
    public let fileInfo = PSStyleGroup(typeName: "System.Management.Automation.PSStyle+FileInfoFormatting", [
        ("Directory", "\u{1B}[44;1m"), ("SymbolicLink", "\u{1B}[36;1m"), ("Executable", "\u{1B}[32;1m"),
    ], escapesOnly: ["Directory", "SymbolicLink", "Executable"])
    public let foreground = PSStyleGroup(typeName: "System.Management.Automation.PSStyle+ForegroundColor", PSStyle.colors(base: 30, bright: 90))
    public let background = PSStyleGroup(typeName: "System.Management.Automation.PSStyle+BackgroundColor", PSStyle.colors(base: 40, bright: 100))

    static let attributes: [(String, String)] = [
        ("Reset", "\u{1B}[0m"), ("BlinkOff", "\u{1B}[25m"), ("Blink", "\u{1B}[5m"), ("BoldOff", "\u{1B}[22m"), ("Bold", "\u{1B}[1m"),
        ("DimOff", "\u{1B}[22m"), ("Dim", "\u{1B}[2m"), ("Hidden", "\u{1B}[8m"), ("HiddenOff", "\u{1B}[28m"), ("Reverse", "\u{1B}[7m"),
        ("ReverseOff", "\u{1B}[27m"), ("ItalicOff", "\u{1B}[23m"), ("Italic", "\u{1B}[3m"), ("UnderlineOff", "\u{1B}[24m"),
        ("Underline", "\u{1B}[4m"), ("StrikethroughOff", "\u{1B}[29m"), ("Strikethrough", "\u{1B}[9m"),
    ]

    static func colors(base: Int, bright: Int) -> [(String, String)] {
        let names = ["Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White"]
        return names.enumerated().map { ($1, "\u{1B}[\(base + $0)m") } + names.enumerated().map { ("Bright" + $1, "\u{1B}[\(bright + $0)m") }
    }

    /// Applies NO_COLOR (and `TERM=dumb`) as pwsh does at start-up.
    public func applyEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        if environment["NO_COLOR"] != nil || environment["TERM"] == "dumb" { outputRendering = "PlainText" }
    }

    /// Whether escape sequences go to the console whose output is (or is not) redirected.
    public func usesColor(outputRedirected: Bool) -> Bool {
        switch outputRendering.lowercased() {
        case "ansi": return true
        case "host": return !outputRedirected
        default: return false
        }
    }

    public override var typeFullName: String { "System.Management.Automation.PSStyle" }
    public override var propertyNames: [String] {
        PSStyle.attributes.map(\.0) + ["OutputRendering", "Formatting", "Progress", "FileInfo", "Foreground", "Background"]
    }
    public override var methodNames: [String] { ["FormatHyperlink"] }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "outputrendering":
            // An OutputRendering enum value, as pwsh's property is typed.
            guard case .enumeration(let d) = TypeResolver.outputRendering.kind,
                  let member = d.members.first(where: { $0.name == outputRendering }) else { return .string(outputRendering) }
            return .object(PSEnumValue(d, member.value))
        case "formatting": return .object(formatting)
        case "progress": return .object(progress)
        case "fileinfo": return .object(fileInfo)
        case "foreground": return .object(foreground)
        case "background": return .object(background)
        default: return PSStyle.attributes.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }.map { .string($0.1) }
        }
    }

    /// OutputRendering converts what it is given to the enum as a .NET setter would; a value that
    /// does not convert fails as pwsh's PSSetMemberBinder reports it.
    func setTypedProperty(_ name: String, _ value: Value, hooks: RuntimeHooks) throws -> Bool {
        guard name.lowercased() == "outputrendering" else { return false }
        do {
            let converted = try Conversion.convert(value, to: TypeResolver.outputRendering, hooks: hooks)
            if case .object(let o) = converted, let e = o as? PSEnumValue,
               case .enumeration(let d) = TypeResolver.outputRendering.kind,
               let member = d.members.first(where: { $0.value == e.value }) {
                outputRendering = member.name
            }
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

    public override func toPSString() -> String { typeFullName }
}

/// One group of `$PSStyle` (Formatting, Foreground, …): named sequences, settable where pwsh's are.
public final class PSStyleGroup: PSDotNetObject, TypedPropertySetter {
    private let typeNameText: String
    private var names: [String]
    private var values: [String]
    /// The properties whose setter refuses text with printable content (PSStyle.cs's
    /// ValidateNoContent): the Formatting, Progress.Style and FileInfo sequences.
    private let escapesOnly: Set<String>

    init(typeName: String, _ pairs: [(String, String)], escapesOnly: Set<String> = []) {
        typeNameText = typeName
        names = pairs.map(\.0)
        values = pairs.map(\.1)
        self.escapesOnly = escapesOnly
    }

    func setTypedProperty(_ name: String, _ value: Value, hooks: RuntimeHooks) throws -> Bool {
        guard let i = names.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return false }
        let text = Conversion.toString(value, hooks: hooks)
        if escapesOnly.contains(names[i]) {
            let content = PSStyleGroup.printableContent(text)
            if !content.isEmpty {
                let inner = PSExceptionObject(.argumentException,
                                              "The specified string contains printable content when it should only contain ANSI escape sequences: \(content)")
                throw MemberErrors.setValueInvocation(names[i], inner)
            }
        } else if names[i] == "MaxWidth" {
            // ProgressConfiguration.MaxWidth: at least 18 (PSStyleStrings.ProgressWidthTooSmall).
            guard let width = try? Conversion.toInt32(value) else { return false }
            if width < 18 {
                let inner = PSExceptionObject(.argumentOutOfRangeException,
                                              "The MaxWidth for the Progress rendering must be at least 18 to render correctly. (Parameter 'MaxWidth')")
                throw MemberErrors.setValueInvocation(names[i], inner)
            }
        }
        values[i] = text
        return true
    }

    /// The text left once the escape sequences are taken out (CSI `ESC [ … final`, OSC
    /// `ESC ] … BEL` or `ESC ] … ESC \`, and two-character `ESC x`).
    static func printableContent(_ text: String) -> String {
        var out = ""
        let u = Array(text.unicodeScalars)
        var i = 0
        while i < u.count {
            guard u[i] == "\u{1B}", i + 1 < u.count else {
                out.unicodeScalars.append(u[i])
                i += 1
                continue
            }
            switch u[i + 1] {
            case "[":
                var j = i + 2
                while j < u.count, !(0x40...0x7E).contains(u[j].value) { j += 1 }
                i = j + 1
            case "]":
                var j = i + 2
                while j < u.count, u[j] != "\u{07}", !(u[j] == "\u{1B}" && j + 1 < u.count && u[j + 1] == "\\") { j += 1 }
                i = j < u.count && u[j] == "\u{1B}" ? j + 2 : j + 1
            default:
                i += 2
            }
        }
        return out
    }

    public override var typeFullName: String { typeNameText }
    public override var propertyNames: [String] { names }
    public override var methodNames: [String] { typeNameText.hasSuffix("Color") ? ["FromRgb"] : [] }

    /// A sequence by name (nil when the group has none).
    public func sequence(_ name: String) -> String? {
        names.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }.map { values[$0] }
    }

    public override func property(_ name: String) -> Value? { sequence(name).map { .string($0) } }

    public override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard let i = names.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return false }
        values[i] = Conversion.toString(value)
        return true
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        guard name == "fromrgb" else { return nil }
        let isBackground = typeNameText.hasSuffix("BackgroundColor")
        let a = MethodArgs(args, hooks)
        var parts: [Int] = []
        switch args.count {
        case 1:
            let rgb = try a.int(0, "rgb")
            parts = [(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF]
        case 3:
            for (i, p) in ["red", "green", "blue"].enumerated() {
                let n = try a.int(i, p)
                guard (0...255).contains(n) else {
                    throw MemberFailure.dotnet(.overflowException, "Value was either too large or too small for an unsigned byte.")
                }
                parts.append(n)
            }
        default:
            throw MemberFailure.noOverload
        }
        return .string("\u{1B}[\(isBackground ? 48 : 38);2;\(parts[0]);\(parts[1]);\(parts[2])m")
    }

    public override func toPSString() -> String { typeNameText }
}
