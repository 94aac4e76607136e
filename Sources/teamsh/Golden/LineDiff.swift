/// A unified diff of two lists of lines, as `diff -u` prints one: `---`/`+++` headers, then
/// hunks `@@ -a,b +c,d @@` with three lines of context. `equal` decides which lines match, so
/// the golden runner can let `<guid>`-style placeholders of an expected line match.
enum LineDiff {
    /// One step of an edit script: keep a line of both, drop one of the old, add one of the new.
    enum Edit: Equatable {
        case keep(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    static func unified(old: [String], new: [String], oldName: String, newName: String,
                        context: Int = 3, equal: (String, String) -> Bool = { $0 == $1 }) -> String {
        let edits = script(old: old, new: new, equal: equal)
        if !edits.contains(where: { if case .keep = $0 { return false } else { return true } }) { return "" }
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks(edits, context: context) {
            let firstOld = hunk.compactMap(\.oldIndex).first ?? 0
            let firstNew = hunk.compactMap(\.newIndex).first ?? 0
            let oldCount = hunk.filter { $0.oldIndex != nil }.count
            let newCount = hunk.filter { $0.newIndex != nil }.count
            lines.append("@@ -\(range(firstOld, oldCount)) +\(range(firstNew, newCount)) @@")
            for edit in hunk {
                switch edit {
                case .keep(let o, _): lines.append(" " + old[o])
                case .delete(let o): lines.append("-" + old[o])
                case .insert(let n): lines.append("+" + new[n])
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `diff -u`'s range: `start,count` with a 1-based start (the line before, for no lines).
    private static func range(_ first: Int, _ count: Int) -> String {
        count == 0 ? "\(first),0" : count == 1 ? "\(first + 1)" : "\(first + 1),\(count)"
    }

    /// Groups the changes with `context` unchanged lines around them; changes closer than
    /// twice the context share a hunk.
    private static func hunks(_ edits: [Edit], context: Int) -> [[Edit]] {
        let changed = edits.indices.filter { if case .keep = edits[$0] { return false } else { return true } }
        var result: [[Edit]] = []
        var start = -1, end = -1
        for index in changed {
            if start >= 0 && index - end <= 2 * context {
                end = index
                continue
            }
            if start >= 0 { result.append(Array(edits[max(0, start - context)...min(edits.count - 1, end + context)])) }
            start = index
            end = index
        }
        if start >= 0 { result.append(Array(edits[max(0, start - context)...min(edits.count - 1, end + context)])) }
        return result
    }

    /// The shortest edit script (Myers' O((N+M)·D) algorithm), deletions before insertions.
    static func script(old: [String], new: [String], equal: (String, String) -> Bool) -> [Edit] {
        let n = old.count, m = new.count
        let maxD = n + m
        if maxD == 0 { return [] }
        let offset = maxD + 1
        var frontier = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && equal(old[x], new[y]) {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk the trace back from the end to recover the path.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if d == 0 {
                previousK = 0
            } else if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                edits.append(.keep(old: x, new: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(.insert(new: y))
                } else {
                    x -= 1
                    edits.append(.delete(old: x))
                }
            }
        }
        return edits.reversed()
    }
}

private extension LineDiff.Edit {
    var oldIndex: Int? {
        switch self {
        case .keep(let o, _), .delete(let o): return o
        case .insert: return nil
        }
    }
    var newIndex: Int? {
        switch self {
        case .keep(_, let n), .insert(let n): return n
        case .delete: return nil
        }
    }
}
