import Foundation
import PowerShellRuntime

/// The back half of Out-Default / Out-String (pwsh's OutCommandInner): reads format packets
/// and writes text lines. Tables whose columns have no fixed width are held back until their
/// group ends (or a timeout passes) so the columns can be sized from the data.
final class FormatOutputEngine {
    /// pwsh's LineOutput.ColumnNumber: lists and text wrap here (79 on an 80-column console).
    let columnNumber: Int
    /// The width tables and wide views fit into.
    let tableWidth: Int
    /// How long a table waits for rows to size its columns; nil waits for the whole group.
    var groupingTimeout: Double?
    /// Colours for the console ($PSStyle.Formatting); nil writes plain text.
    var style: OutputStyle?
    private let write: (String) -> Void
    private let renderError: (ErrorRecord) -> [String]
    private let writeError: ((String) -> Void)?

    private enum Context {
        case format(ShapeInfo)
        case group(GroupContext)
    }

    private var stack: [Context] = []
    private var queue: GroupQueue?
    private var hint: Hint?

    enum Hint {
        case table([Int])
        case wide(Int)
    }

    init(columnNumber: Int, tableWidth: Int, groupingTimeout: Double? = nil, write: @escaping (String) -> Void,
         writeError: ((String) -> Void)? = nil, renderError: @escaping (ErrorRecord) -> [String]) {
        self.columnNumber = columnNumber
        self.tableWidth = tableWidth
        self.groupingTimeout = groupingTimeout
        self.write = write
        self.writeError = writeError
        self.renderError = renderError
    }

    // MARK: Packets in

    func process(_ p: FormatPacket) {
        if case .formatStart(let shape, let autoSize) = p.kind {
            if !stack.isEmpty {
                // A new sequence inside an unfinished one: finish what we have first.
                end()
            }
            // Each sequence sizes its own table: one whose view fixes the widths must not
            // inherit the previous table's holding back (and auto-sizing).
            if let q = queue {
                for x in q.drain() { dispatch(x) }
                queue = nil
            }
            if autoSize {
                queue = GroupQueue(objectCount: 0, duration: nil, onNotify: { [unowned self] in self.computeHint($0, $1) })
            } else if case .table(let cols, _, _) = shape, let first = cols.first, first.width == 0 {
                queue = GroupQueue(objectCount: 0, duration: groupingTimeout, onNotify: { [unowned self] in self.computeHint($0, $1) })
            }
        }
        guard let q = queue else {
            dispatch(p)
            return
        }
        if let ready = q.add(p) {
            for x in ready { dispatch(x) }
        }
    }

    /// Writes whatever is still held back and resets.
    func end() {
        if let q = queue {
            for x in q.drain() { dispatch(x) }
        }
        stack.removeAll()
    }

    private func computeHint(_ start: ShapeInfo?, _ packets: [FormatPacket]) {
        hint = nil
        switch start {
        case .table(let cols, _, _)?:
            if cols.isEmpty { return }
            var widths = cols.map { DisplayCells.width($0.label) }
            for p in packets {
                guard case .entry(.tableRow(let values, _, _), _) = p.kind else { continue }
                for (k, v) in values.enumerated() where k < widths.count {
                    let n = DisplayCells.width(v)
                    if widths[k] < n { widths[k] = n }
                }
            }
            hint = .table(widths)
        case .wide(let columns)?:
            if columns != 0 { return }
            var maxLen = 0
            for p in packets {
                guard case .entry(.wide(let v), _) = p.kind, !v.isEmpty else { continue }
                maxLen = max(maxLen, DisplayCells.width(v))
            }
            hint = .wide(maxLen)
        default:
            return
        }
    }

    // MARK: Contexts

    private var currentShape: ShapeInfo? {
        for c in stack.reversed() {
            if case .format(let s) = c { return s }
        }
        return nil
    }

    private func dispatch(_ p: FormatPacket) {
        switch p.kind {
        case .formatStart(let shape, _):
            stack.append(.format(shape))
            write("")
        case .formatEnd:
            guard let top = stack.popLast() else { return }
            if case .format(.list) = top { return }
            write("")
        case .groupStart(let label):
            let shape = currentShape ?? .table(columns: [], hideHeader: true, repeatHeader: false)
            let ctx = GroupContext(shape: shape, hint: takeHint(), engine: self)
            stack.append(.group(ctx))
            if let l = label {
                writeText(l)
                write("")
            }
            ctx.groupStart()
        case .groupEnd:
            guard let top = stack.popLast() else { return }
            if case .group(let ctx) = top { ctx.groupEnd() }
        case .entry(let e, let outOfBand):
            if !outOfBand, case .group(let ctx)? = stack.last {
                ctx.payload(e)
            } else {
                outOfBandPayload(e)
            }
        }
    }

    private func takeHint() -> Hint? {
        let h = hint
        hint = nil
        return h
    }

    private func outOfBandPayload(_ e: FormatEntry) {
        switch e {
        case .rawText(let s): write(s)
        case .complex(let s): writeText(s)
        case .complexNodes(let nodes): for line in ComplexWriter.lines(nodes, columns: columnNumber) { write(line) }
        case .listEntry(let fields):
            write("")
            ListWriter.write(fields, columnWidth: columnNumber, accent: style.map { ($0.formatAccent, $0.reset) }, to: write)
            write("")
        case .errorRecord(let r):
            let sink = writeError ?? write
            for line in renderError(r) { sink(line) }
        case .tableRow(let values, _, _): write(values.joined(separator: " "))
        case .wide(let s): write(s)
        }
    }

    /// Free text as the complex writer prints it: line by line, wrapped at the width.
    fileprivate func writeText(_ s: String) {
        if s.isEmpty {
            write("")
            return
        }
        for line in TextLines.generateLines(s, firstLineLen: columnNumber, followingLinesLen: columnNumber) { write(line) }
    }

    fileprivate func emit(_ s: String) { write(s) }

    // MARK: Group contexts

    /// One group's writer state: a table (widths fixed at the group's start), list, wide rows
    /// or free text.
    private final class GroupContext {
        private enum Kind {
            case table(TableWriter, labels: [String])
            case list
            case wide(TableWriter, perRow: Int)
            case complex
        }

        private var kind: Kind
        private unowned let engine: FormatOutputEngine
        private var wideBuffer: [String] = []

        init(shape: ShapeInfo, hint: Hint?, engine: FormatOutputEngine) {
            self.engine = engine
            switch shape {
            case .table(let cols, let hideHeader, _):
                var widths = cols.map { $0.width }
                if case .table(let h)? = hint, h.count == widths.count { widths = h }
                let writer = TableWriter(screenColumns: engine.tableWidth, widths: widths, alignments: cols.map { $0.alignment }, hideHeader: hideHeader)
                kind = .table(writer, labels: cols.map { $0.label })
            case .list:
                kind = .list
            case .wide(let columns):
                var perRow = 2
                if case .wide(let maxWidth)? = hint, maxWidth > 0 {
                    perRow = TableWriter.wideItemsPerRow(maxWidth, screenColumns: engine.tableWidth)
                } else if columns > 0 {
                    perRow = columns
                }
                let writer = TableWriter(screenColumns: engine.tableWidth, widths: Array(repeating: 0, count: perRow),
                                         alignments: Array(repeating: .left, count: perRow), hideHeader: false)
                kind = .wide(writer, perRow: perRow)
            case .complex:
                kind = .complex
            }
        }

        func groupStart() {
            if case .table(var writer, let labels) = kind, !labels.isEmpty {
                for line in writer.generateHeader(labels) { engine.emit(engine.style.map { $0.tableHeader + line + $0.reset } ?? line) }
                kind = .table(writer, labels: labels)
            }
        }

        func groupEnd() {
            if case .wide(let writer, let perRow) = kind { flushWide(writer, perRow) }
        }

        func payload(_ e: FormatEntry) {
            switch kind {
            case .table(let writer, let labels):
                guard !labels.isEmpty else { return }
                if case .tableRow(let values, let aligns, let multiLine) = e {
                    var vals = values
                    var al = aligns
                    while vals.count < labels.count {
                        vals.append("")
                        al.append(.left)
                    }
                    for line in writer.generateRow(vals, multiLine: multiLine, alignments: al) { engine.emit(line) }
                } else {
                    engine.outOfBandPayload(e)
                }
            case .list:
                if case .listEntry(let fields) = e {
                    ListWriter.write(fields, columnWidth: engine.columnNumber, accent: engine.style.map { ($0.formatAccent, $0.reset) }, to: engine.emit)
                    engine.emit("")
                } else {
                    engine.outOfBandPayload(e)
                }
            case .wide(let writer, let perRow):
                if case .wide(let s) = e {
                    wideBuffer.append(s)
                    if wideBuffer.count == perRow { flushWide(writer, perRow) }
                } else {
                    engine.outOfBandPayload(e)
                }
            case .complex:
                if case .complex(let s) = e { engine.writeText(s) } else { engine.outOfBandPayload(e) }
            }
        }

        private func flushWide(_ writer: TableWriter, _ perRow: Int) {
            if wideBuffer.isEmpty { return }
            var values = wideBuffer
            while values.count < perRow { values.append("") }
            for line in writer.generateRow(values, multiLine: false, alignments: nil) { engine.emit(line) }
            wideBuffer.removeAll(keepingCapacity: true)
        }
    }
}

/// Holds back one group's packets so its table can be sized from the data (pwsh's
/// OutputGroupQueue): until the group ends, `objectCount` rows arrived, or `duration` passed.
private final class GroupQueue {
    private let objectCount: Int
    private let duration: Double?
    private let onNotify: (ShapeInfo?, [FormatPacket]) -> Void
    private var queue: [FormatPacket] = []
    private var processingGroup = false
    private var currentObjectCount = 0
    private var startTime: UInt64?
    private var formatStart: ShapeInfo?

    init(objectCount: Int, duration: Double?, onNotify: @escaping (ShapeInfo?, [FormatPacket]) -> Void) {
        self.objectCount = objectCount
        self.duration = duration
        self.onNotify = onNotify
    }

    /// The packets ready to write, or nil while holding them back.
    func add(_ p: FormatPacket) -> [FormatPacket]? {
        if case .formatStart(let s, _) = p.kind { formatStart = s }
        if case .entry(_, let oob) = p.kind, !oob { currentObjectCount += 1 }
        if !processingGroup, case .groupStart = p.kind {
            processingGroup = true
            currentObjectCount = 0
            if duration != nil { startTime = DispatchTime.now().uptimeNanoseconds }
            queue.append(p)
            return nil
        }
        var isGroupEnd = false
        if case .groupEnd = p.kind { isGroupEnd = true }
        if processingGroup && (isGroupEnd || (objectCount > 0 && currentObjectCount >= objectCount) || timedOut) {
            currentObjectCount = 0
            startTime = nil
            queue.append(p)
            notify()
            processingGroup = false
            let out = queue
            queue.removeAll()
            return out
        }
        if processingGroup {
            queue.append(p)
            return nil
        }
        return [p]
    }

    private var timedOut: Bool {
        guard let d = duration, let start = startTime else { return false }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        return elapsed > d
    }

    private func notify() {
        onNotify(formatStart, queue.filter { !$0.isOutOfBandEntry })
    }

    /// Everything still held, without sizing (pwsh writes it with the view's widths).
    func drain() -> [FormatPacket] {
        let out = queue
        queue.removeAll()
        processingGroup = false
        return out
    }
}
