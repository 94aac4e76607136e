import PowerShellRuntime

/// Out-Default and Out-String: receives the objects that reach the end of a pipeline one at a
/// time and writes the text pwsh prints for them. Keep one instance for a whole script run (or
/// one REPL input): pwsh's Out-Default continues a table across statements.
///
/// ```
/// let out = OutputFormatter(width: 80, registry: views, source: source) { print($0) }
/// out.write(value)   // each pipeline object (collections already unrolled by the caller)
/// out.finish()       // end of the script: closes the open table or list
/// ```
public final class OutputFormatter {
    private let generator: FormatShapeGenerator
    private let engine: FormatOutputEngine
    private let emit: (FormatPacket) -> Void

    /// Out-Default for a console `width` columns wide (pwsh writes tables and lists one column
    /// short of it: 79 for 80). Error records that reach it are written with `writeError`
    /// (default: `write`) in the ConciseView.
    public convenience init(width: Int = 80, registry: FormatViewRegistry, source: FormatValueSource = .basic,
                            enumerationLimit: Int = 4, writeError: ((String) -> Void)? = nil, write: @escaping (String) -> Void) {
        self.init(columnNumber: max(1, width - 1), tableWidth: max(1, width - 1), errorWidth: width, registry: registry,
                  source: source, enumerationLimit: enumerationLimit, writeError: writeError, write: write)
    }

    /// Out-String's line output: `width` nil formats lists without wrapping and tables at
    /// `unboundedTableWidth` (pwsh uses the console's window width there).
    public static func outString(width: Int?, unboundedTableWidth: Int = 120, registry: FormatViewRegistry, source: FormatValueSource = .basic,
                                 enumerationLimit: Int = 4, write: @escaping (String) -> Void) -> OutputFormatter {
        OutputFormatter(columnNumber: width ?? Int.max, tableWidth: width ?? unboundedTableWidth, errorWidth: width ?? unboundedTableWidth,
                        registry: registry, source: source, enumerationLimit: enumerationLimit, writeError: nil, write: write)
    }

    init(columnNumber: Int, tableWidth: Int, errorWidth: Int, registry: FormatViewRegistry, source: FormatValueSource,
         enumerationLimit: Int, writeError: ((String) -> Void)?, write: @escaping (String) -> Void) {
        generator = FormatShapeGenerator(shape: nil, options: nil, registry: registry, source: source, enumerationLimit: enumerationLimit)
        let eng = FormatOutputEngine(columnNumber: columnNumber, tableWidth: tableWidth, write: write, writeError: writeError,
                                     renderError: { ErrorView.concise($0, width: errorWidth, source: source) })
        engine = eng
        emit = { eng.process($0) }
    }

    /// Seconds a table waits for more rows before fixing its column widths (pwsh: 0.3). Nil,
    /// the default, sizes each table from all its rows, which is what pwsh does whenever a
    /// script produces its rows within that time.
    public var groupingTimeout: Double? {
        get { engine.groupingTimeout }
        set { engine.groupingTimeout = newValue }
    }

    /// The console's colours (table headers, list labels); nil for plain text.
    public var style: OutputStyle? {
        get { engine.style }
        set { engine.style = newValue }
    }

    /// Formats one object.
    public func write(_ value: Value) {
        generator.process(value, emit: emit)
    }

    /// Ends the pipeline: closes the current table or list and writes what was held back.
    public func finish() {
        generator.end(emit: emit)
        engine.end()
    }

    // MARK: One-shot helpers

    /// The lines Out-Default prints for these objects.
    public static func lines(_ values: [Value], width: Int = 80, registry: FormatViewRegistry, source: FormatValueSource = .basic) -> [String] {
        var out: [String] = []
        let f = OutputFormatter(width: width, registry: registry, source: source) { out.append($0) }
        for v in values { f.write(v) }
        f.finish()
        return out
    }

    /// `… | Out-String`: the whole text, each line ending in a newline (`-NoNewline`: joined).
    public static func outStringText(_ values: [Value], width: Int? = nil, noNewline: Bool = false, registry: FormatViewRegistry,
                                     source: FormatValueSource = .basic) -> String {
        var text = ""
        let f = OutputFormatter.outString(width: width, registry: registry, source: source) { line in
            text += line
            if !noNewline { text += "\n" }
        }
        for v in values { f.write(v) }
        f.finish()
        return text
    }
}

/// Format-Table / Format-List / Format-Wide / Format-Custom as a streaming command: each input
/// object gives zero or more format packets (values to write to the pipeline); Out-Default and
/// Out-String turn them into text.
public final class FormatCommand {
    private let generator: FormatShapeGenerator

    public init(shape: FormatShape, options: FormatOptions = FormatOptions(), registry: FormatViewRegistry, source: FormatValueSource = .basic,
                enumerationLimit: Int = 4) {
        generator = FormatShapeGenerator(shape: shape, options: options, registry: registry, source: source, enumerationLimit: enumerationLimit)
    }

    /// The packets for one input object.
    public func process(_ value: Value) -> [Value] {
        var out: [Value] = []
        generator.process(value) { out.append(.object($0)) }
        return out
    }

    /// The closing packets.
    public func end() -> [Value] {
        var out: [Value] = []
        generator.end { out.append(.object($0)) }
        return out
    }

    /// The text of `objects | Format-<shape> …` as Out-Default prints it.
    public static func render(_ objects: [Value], shape: FormatShape, options: FormatOptions = FormatOptions(), width: Int = 80,
                              registry: FormatViewRegistry, source: FormatValueSource = .basic) -> [String] {
        let cmd = FormatCommand(shape: shape, options: options, registry: registry, source: source)
        var packets: [Value] = []
        for o in objects { packets += cmd.process(o) }
        packets += cmd.end()
        return OutputFormatter.lines(packets, width: width, registry: registry, source: source)
    }
}

/// The escape sequences output is coloured with when it goes to a console ($PSStyle.Formatting).
public struct OutputStyle {
    public var tableHeader: String
    public var formatAccent: String
    public var error: String
    public var warning: String
    public var verbose: String
    public var debug: String
    public var reset = "\u{1B}[0m"

    /// The current `$PSStyle.Formatting` values.
    public static func fromPSStyle(_ style: PSStyle = .instance) -> OutputStyle {
        let f = style.formatting
        return OutputStyle(tableHeader: f.sequence("TableHeader") ?? "", formatAccent: f.sequence("FormatAccent") ?? "",
                           error: f.sequence("Error") ?? "", warning: f.sequence("Warning") ?? "",
                           verbose: f.sequence("Verbose") ?? "", debug: f.sequence("Debug") ?? "")
    }
}
