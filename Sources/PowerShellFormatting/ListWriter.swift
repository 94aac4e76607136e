/// Writes one list entry (pwsh's ListWriter): `Label : value` with labels padded to the longest,
/// values wrapped at the width with continuation lines indented under the value.
enum ListWriter {
    private static let separator = " : "

    /// `accent`: the colour the labels are written in, and the sequence that ends it.
    static func write(_ fields: [(label: String, value: String)], columnWidth: Int, accent: (String, String)? = nil, to write: (String) -> Void) {
        if fields.isEmpty { return }
        if columnWidth - separator.count - 2 < 0 { return }
        let maxLabel = columnWidth - separator.count - 1
        var labelWidth = 0
        var cellCounts: [Int] = []
        cellCounts.reserveCapacity(fields.count)
        for f in fields {
            let n = DisplayCells.width(f.label)
            cellCounts.append(n)
            if n > labelWidth { labelWidth = n }
        }
        if labelWidth > maxLabel { labelWidth = maxLabel }
        let totalLabel = labelWidth + separator.count
        let padding = DisplayCells.spaces(totalLabel)
        let fieldCells = columnWidth - totalLabel
        for (k, f) in fields.enumerated() {
            var label = f.label
            if cellCounts[k] < labelWidth {
                label += DisplayCells.spaces(labelWidth - cellCounts[k])
            } else if cellCounts[k] > labelWidth {
                let units = Array(label.utf16)
                label = DisplayCells.string(units[..<DisplayCells.fitFromHead(units, cells: labelWidth)])
            }
            label += separator
            if let (start, end) = accent { label = start + label + end }
            for (i, line) in TextLines.split(f.value).enumerated() {
                let prefix = i == 0 ? label : padding
                for (j, piece) in TextLines.generateLines(line, firstLineLen: fieldCells, followingLinesLen: fieldCells).enumerated() {
                    write((j == 0 ? prefix : padding) + piece)
                }
            }
        }
    }
}
