/// Lays out table rows (pwsh's TableWriter and ColumnWidthManager): columns separated by one
/// space, values padded or cut with `…` to the column width, the last left-aligned column not
/// padded, headers and wrapped rows split over several lines.
struct TableWriter {
    private struct Column {
        var width: Int
        var alignment: Alignment
    }

    private var columns: [Column] = []
    private(set) var disabled = false
    private var hideHeader = false
    private var cachedHeader: [String]?
    static let separator = 1

    /// `widths` are the requested widths (0: let the table decide); they are fitted to
    /// `screenColumns` here.
    init(screenColumns: Int, widths: [Int], alignments: [Alignment], hideHeader: Bool) {
        if screenColumns < 5 {
            disabled = true
            return
        }
        self.hideHeader = hideHeader
        var w = widths
        TableWriter.calculateColumnWidths(&w, tableWidth: screenColumns)
        if !w.contains(where: { $0 >= 1 }) {
            disabled = true
            return
        }
        for k in 0..<w.count {
            columns.append(Column(width: w[k], alignment: k < alignments.count ? alignments[k] : .left))
        }
    }

    // MARK: Column widths

    /// Gives unspecified (0) columns an equal share of what is left, or hides columns from the
    /// right (width -1) and narrows the last visible one until the table fits.
    static func calculateColumnWidths(_ w: inout [Int], tableWidth: Int) {
        if assignColumnWidths(&w, tableWidth: tableWidth) { return }
        trimToFit(&w, tableWidth: tableWidth)
    }

    private static func assignColumnWidths(_ w: inout [Int], tableWidth: Int) -> Bool {
        if !w.contains(where: { $0 <= 0 }) {
            return w.reduce(0, +) + separator * (w.count - 1) <= tableWidth
        }
        var fixed = [Bool](repeating: false, count: w.count)
        for k in 0..<w.count {
            fixed[k] = w[k] > 0
            if w[k] == 0 { w[k] = 1 }
        }
        var available = tableWidth - currentWidth(w)
        if available < 0 { return false }
        if available == 0 { return true }
        if !fixed.contains(false) { return true }
        while available > 0 {
            for k in 0..<w.count where !fixed[k] {
                w[k] += 1
                available -= 1
                if available == 0 { break }
            }
        }
        return true
    }

    private static func trimToFit(_ w: inout [Int], tableWidth: Int) {
        while true {
            let excess = currentWidth(w) - tableWidth
            if excess <= 0 { return }
            var last = w.count - 1
            if let hidden = w.firstIndex(where: { $0 < 0 }) { last = hidden - 1 }
            if last < 0 { return }
            let newWidth = w[last] - excess
            if newWidth < 1 {
                w[last] = -1
            } else {
                w[last] = newWidth
            }
        }
    }

    private static func currentWidth(_ w: [Int]) -> Int {
        var sum = 0, visible = 0
        for x in w where x > 0 {
            sum += x
            visible += 1
        }
        return sum + separator * (visible - 1)
    }

    // MARK: Header and rows

    /// The header lines (labels, then dashes as long as each label, at most the column width).
    mutating func generateHeader(_ labels: [String]) -> [String] {
        if disabled || hideHeader { return [] }
        if let h = cachedHeader { return h }
        var lines = generateRow(labels, multiLine: true, alignments: nil)
        var dashes: [String] = []
        for k in 0..<columns.count {
            let width = columns[k].width
            if width <= 0 {
                dashes.append("")
                continue
            }
            var count = width
            let label = k < labels.count ? labels[k] : ""
            if !label.isEmpty {
                let cells = DisplayCells.width(label)
                if cells < count { count = cells }
            }
            dashes.append(String(repeating: "-", count: count))
        }
        lines += generateRow(dashes, multiLine: false, alignments: nil)
        cachedHeader = lines
        return lines
    }

    /// One row: a single line (cut at the width) or, with `multiLine`, as many lines as the
    /// tallest cell needs.
    func generateRow(_ values: [String], multiLine: Bool, alignments: [Alignment]?) -> [String] {
        if disabled { return [] }
        var align = columns.map { $0.alignment }
        if let a = alignments {
            for i in 0..<min(a.count, align.count) where a[i] != .undefined { align[i] = a[i] }
        }
        if multiLine { return generateMultiLineRow(values, align) }
        var line = ""
        for k in 0..<columns.count {
            let width = columns[k].width
            if width <= 0 { continue }
            if k > 0 { line += " " }
            let v = k < values.count ? values[k] : ""
            line += TableWriter.rowField(v, width: width, alignment: align[k], addPadding: k != columns.count - 1)
        }
        return [line]
    }

    private func generateMultiLineRow(_ values: [String], _ align: [Alignment]) -> [String] {
        let valid = (0..<columns.count).filter { columns[$0].width > 0 }
        if valid.isEmpty { return [] }
        var cells: [[String]] = []
        for (i, k) in valid.enumerated() {
            let width = columns[k].width
            let addPadding = i != valid.count - 1
            var lines = TextLines.generateLines(k < values.count ? values[k] : "", firstLineLen: width, followingLinesLen: width)
            if addPadding || align[k] == .right || align[k] == .center {
                for j in 0..<lines.count where DisplayCells.width(lines[j]) < width {
                    lines[j] = TableWriter.rowField(lines[j], width: width, alignment: align[k], addPadding: addPadding)
                }
            }
            if i > 0 { lines = lines.map { " " + $0 } }
            cells.append(lines)
        }
        let rows = cells.map { $0.count }.max() ?? 0
        var lastWithContent = [Int](repeating: 0, count: rows)
        for r in 0..<rows {
            for c in 0..<cells.count where cells[c].count > r { lastWithContent[r] = c }
        }
        for c in 0..<cells.count {
            var pad = 0
            if c < cells.count - 1 {
                pad = columns[valid[c]].width + (c > 0 ? TableWriter.separator : 0)
            }
            let missing = rows - cells[c].count
            if missing > 0 {
                for r in (rows - missing)..<rows {
                    cells[c].append(c > lastWithContent[r] ? "" : DisplayCells.spaces(pad))
                }
            }
        }
        var out: [String] = []
        out.reserveCapacity(rows)
        for r in 0..<rows {
            var line = ""
            for c in 0..<cells.count {
                var v = cells[c][r]
                if c == lastWithContent[r] && rows > 1 { v = trimEnd(v) }
                line += v
            }
            out.append(line)
        }
        return out
    }

    private func trimEnd(_ s: String) -> String {
        var units = Array(s.utf16)
        while let last = units.last, last == 0x20 || last == 0x09 { units.removeLast() }
        return String(decoding: units, as: UTF16.self)
    }

    /// One cell: padded to `width` per alignment, or cut with `…` (from the left for right
    /// alignment).
    static func rowField(_ val: String, width: Int, alignment: Alignment, addPadding: Bool) -> String {
        var s = TextLines.truncateAtNewLine(val)
        let length = DisplayCells.width(s)
        if length < width {
            let pad = width - length
            switch alignment {
            case .right:
                s = DisplayCells.spaces(pad) + s
            case .center:
                let left = pad / 2
                s = DisplayCells.spaces(left) + s
                if addPadding { s += DisplayCells.spaces(pad - left) }
            default:
                if addPadding { s += DisplayCells.spaces(pad) }
            }
        } else if length > width {
            let units = Array(s.utf16)
            let keep = width - 1
            if keep > 0 {
                if alignment == .right {
                    let tail = DisplayCells.fitFromTail(units, cells: keep)
                    s = "\u{2026}" + DisplayCells.string(units[(units.count - tail)...])
                } else {
                    let head = DisplayCells.fitFromHead(units, cells: keep)
                    s = DisplayCells.string(units[..<head]) + "\u{2026}"
                }
            } else {
                if alignment == .right {
                    let tail = DisplayCells.fitFromTail(units, cells: width)
                    s = DisplayCells.string(units[(units.count - tail)...])
                } else {
                    let head = DisplayCells.fitFromHead(units, cells: width)
                    s = DisplayCells.string(units[..<head])
                }
            }
        }
        // A wide character may leave the cell one short.
        if DisplayCells.width(s) == width { return s }
        switch alignment {
        case .right: return " " + s
        default: return addPadding ? s + " " : s
        }
    }

    /// Items per row of a wide view whose widest item is `stringLen` cells.
    static func wideItemsPerRow(_ stringLen: Int, screenColumns: Int) -> Int {
        if stringLen <= 0 || screenColumns < 1 || stringLen >= screenColumns { return 1 }
        var n = 1
        while true {
            let next = n + 1
            if stringLen * next + (next - 1) * separator >= screenColumns { return n }
            n += 1
        }
    }
}
