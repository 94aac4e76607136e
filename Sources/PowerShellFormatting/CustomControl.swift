import PowerShellRuntime

/// A custom view (pwsh's `<CustomControl>`): entries of text, new lines, frames and
/// expressions, the first entry whose type list matches the object chosen (else the entry
/// without one). Help topics, and any object whose view is free text laid out in indented
/// blocks, are defined with it.
public final class CustomControl {
    public struct Entry {
        /// The type names this entry is for; nil for the default entry.
        public var selectedBy: [String]?
        public var items: [CustomItem]

        public init(selectedBy: [String]? = nil, _ items: [CustomItem]) {
            self.selectedBy = selectedBy
            self.items = items
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// A control with one default entry.
    public convenience init(_ items: [CustomItem]) {
        self.init([Entry(items)])
    }

    /// pwsh's GetActiveComplexControlEntryDefinition: the entry matching the object's most
    /// specific type name, else the default entry.
    func entry(for typeNames: [String]) -> Entry? {
        var best: (rank: Int, entry: Entry)?
        for e in entries {
            guard let types = e.selectedBy else { continue }
            let lowered = Set(types.map { $0.lowercased() })
            guard let rank = typeNames.firstIndex(where: { lowered.contains($0.lowercased()) }) else { continue }
            if rank == 0 { return e }
            if best == nil || rank < best!.rank { best = (rank, e) }
        }
        return best?.entry ?? entries.first { $0.selectedBy == nil }
    }
}

/// One item of a custom control entry.
public indirect enum CustomItem {
    case text(String)
    case newline(Int)
    /// Lines written inside get `leftIndent` more spaces (and `rightIndent` fewer columns);
    /// `firstLine` indents (positive) or hangs (negative) a paragraph's first line.
    case frame(leftIndent: Int, rightIndent: Int, firstLine: Int, [CustomItem])
    case expression(CustomExpression)

    public static var newline: CustomItem { .newline(1) }

    public static func frame(left: Int = 0, hanging: Int = 0, _ items: [CustomItem]) -> CustomItem {
        .frame(leftIndent: left, rightIndent: 0, firstLine: -hanging, items)
    }

    /// A property's value, as text or through a control.
    public static func property(_ name: String, enumerate: Bool = false, control: CustomControl? = nil,
                                when condition: ((Value) -> Bool)? = nil) -> CustomItem {
        .expression(CustomExpression(.property(name), enumerate: enumerate, control: control, condition: condition))
    }

    /// A computed value (a view's script block); nil is "wrote nothing" (AutomationNull).
    public static func script(_ compute: @escaping (Value) -> Value?, enumerate: Bool = false, control: CustomControl? = nil,
                              when condition: ((Value) -> Bool)? = nil) -> CustomItem {
        .expression(CustomExpression(.script(compute), enumerate: enumerate, control: control, condition: condition))
    }

    /// The object itself through a control (`<ExpressionBinding><CustomControl>`).
    public static func control(_ control: CustomControl, when condition: ((Value) -> Bool)? = nil) -> CustomItem {
        .expression(CustomExpression(.current, enumerate: false, control: control, condition: condition))
    }
}

/// An expression binding: where the value comes from, whether a collection is written item by
/// item, the control that lays it out (none: its text), and when it is shown at all.
public struct CustomExpression {
    public enum Source {
        case property(String)
        case current
        case script((Value) -> Value?)
    }

    public var source: Source
    public var enumerate: Bool
    public var control: CustomControl?
    public var condition: ((Value) -> Bool)?

    public init(_ source: Source, enumerate: Bool = false, control: CustomControl? = nil, condition: ((Value) -> Bool)? = nil) {
        self.source = source
        self.enumerate = enumerate
        self.control = control
        self.condition = condition
    }
}

/// What running a custom control on an object gives: text, line breaks and frames, written
/// out by `ComplexWriter` at the output's width.
public indirect enum ComplexNode {
    case text(String)
    case newline
    case frame(leftIndent: Int, rightIndent: Int, firstLine: Int, [ComplexNode])
}

/// Runs custom controls on objects (pwsh's ComplexControlGenerator).
struct ComplexControlGenerator {
    let source: FormatValueSource
    let text: ValueText
    /// pwsh's limit on nested controls.
    static let maxDepth = 50

    func generate(_ control: CustomControl, _ obj: Value) -> [ComplexNode] {
        var out: [ComplexNode] = []
        run(control, obj, depth: 0, into: &out)
        return out
    }

    private func run(_ control: CustomControl, _ obj: Value, depth: Int, into out: inout [ComplexNode]) {
        guard depth < ComplexControlGenerator.maxDepth, let entry = control.entry(for: FormatTypeNames.of(obj)) else { return }
        run(entry.items, obj, depth: depth, into: &out)
    }

    private func run(_ items: [CustomItem], _ obj: Value, depth: Int, into out: inout [ComplexNode]) {
        for item in items {
            switch item {
            case .text(let s): out.append(.text(s))
            case .newline(let n): for _ in 0..<max(0, n) { out.append(.newline) }
            case .frame(let l, let r, let f, let inner):
                var nodes: [ComplexNode] = []
                run(inner, obj, depth: depth, into: &nodes)
                out.append(.frame(leftIndent: l, rightIndent: r, firstLine: f, nodes))
            case .expression(let e):
                expression(e, obj, depth: depth, into: &out)
            }
        }
    }

    /// A leaf shows its value's text ("" for null); a control is not run on null, and runs on
    /// each item of a collection when the binding enumerates.
    private func expression(_ e: CustomExpression, _ obj: Value, depth: Int, into out: inout [ComplexNode]) {
        if let condition = e.condition, !condition(obj) { return }
        var value: Value?
        var wroteNothing = false
        switch e.source {
        case .property(let name): value = source.property(obj, name)
        case .current: value = obj
        case .script(let f):
            value = f(obj)
            wroteNothing = value == nil
        }
        guard let control = e.control else {
            let v = value ?? .null
            if e.enumerate, let items = Conversion.enumerate(v) {
                for x in items where !x.isNull { out.append(.text(text.display(x))) }
            } else {
                out.append(.text(wroteNothing || v.isNull ? "" : text.display(v)))
            }
            return
        }
        if wroteNothing {
            run(control, .null, depth: depth + 1, into: &out)
            return
        }
        guard let v = value, !v.isNull else { return }
        if e.enumerate, let items = Conversion.enumerate(v) {
            for x in items where !x.isNull { run(control, x, depth: depth + 1, into: &out) }
        } else {
            run(control, v, depth: depth + 1, into: &out)
        }
    }
}

/// Writes complex view output (pwsh's ComplexWriter): text collects in a buffer that each
/// new line writes out, word-wrapped to the width left by the frames open *at that moment*,
/// indented by them; the buffer is written once more at the end (so an entry ends with a
/// line, blank when nothing was pending).
enum ComplexWriter {
    static func lines(_ nodes: [ComplexNode], columns: Int) -> [String] {
        var state = State(columns: columns)
        state.walk(nodes, depth: 0)
        state.flush()
        return state.output
    }

    private struct Frame {
        let left: Int
        let right: Int
        let firstLine: Int
    }

    private struct State {
        let columns: Int
        var frames: [Frame] = []
        var buffer = ""
        var output: [String] = []

        init(columns: Int) {
            self.columns = columns
        }

        mutating func walk(_ nodes: [ComplexNode], depth: Int) {
            for n in nodes {
                switch n {
                case .text(let s): buffer += s
                case .newline: flush()
                case .frame(let l, let r, let f, let inner):
                    guard depth < ComplexControlGenerator.maxDepth else { continue }
                    frames.append(Frame(left: l, right: r, firstLine: f))
                    walk(inner, depth: depth + 1)
                    frames.removeLast()
                }
            }
        }

        /// pwsh's WriteToScreen.
        mutating func flush() {
            let left = frames.reduce(0) { $0 + $1.left }
            let right = frames.reduce(0) { $0 + $1.right }
            var firstLine = frames.last?.firstLine ?? 0
            let useful = columns - right - left
            if useful <= 0 { buffer = "" }
            if abs(firstLine) >= useful { firstLine = 0 }
            var firstWidth = columns - right - left
            var followingWidth = firstWidth
            if firstLine >= 0 { firstWidth -= firstLine } else { followingWidth += firstLine }
            let lines = TextLines.generateLines(buffer, firstLineLen: max(0, firstWidth), followingLinesLen: max(0, followingWidth))
            var firstPadding = left, followingPadding = left
            if firstLine >= 0 { firstPadding += firstLine } else { followingPadding -= firstLine }
            for (i, line) in lines.enumerated() {
                output.append(DisplayCells.spaces(i == 0 ? firstPadding : followingPadding) + line)
            }
            buffer = ""
        }
    }
}

/// The type names formatting matches views and control entries against, most specific first.
enum FormatTypeNames {
    static func of(_ v: Value) -> [String] {
        switch v {
        case .object(let o): return o.typeNames
        case .null: return []
        default: return Conversion.typeNames(v)
        }
    }
}
