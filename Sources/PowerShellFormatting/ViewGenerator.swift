import PowerShellRuntime

/// A property resolved against an object: the label shown and how to read the value.
struct ResolvedProperty {
    var label: String
    var expression: FormatExpression
    var spec: PropertySpec?
}

/// Turns objects into format entries for one view (pwsh's Table/List/Wide/ComplexViewGenerator):
/// either a registered view or one generated from the first object's properties.
final class ViewGenerator {
    let shape: FormatShape
    let view: FormatViewDefinition?
    let options: FormatOptions?
    let text: ValueText
    private let source: FormatValueSource
    /// Table columns generated from the first object (no view).
    private var tableColumns: [ResolvedProperty] = []
    private var grouping: (expression: FormatExpression, label: String?)?
    private var groupKey: Value?
    private var groupKeyDisplayName = ""
    private var hasGroupKey = false

    init(shape: FormatShape, view: FormatViewDefinition?, options: FormatOptions?, firstObject: Value, source: FormatValueSource, text: ValueText) {
        self.shape = shape
        self.view = view
        self.options = options
        self.source = source
        self.text = text
        if let g = options?.groupBy {
            grouping = (g.expression, g.label)
        } else if let g = view?.groupBy {
            grouping = (g.expression, g.label)
        }
        if view == nil && shape == .table {
            tableColumns = ViewGenerator.limitColumns(activeProperties(for: firstObject, table: true))
        }
    }

    /// Generated tables show at most ten columns.
    private static func limitColumns(_ list: [ResolvedProperty]) -> [ResolvedProperty] {
        list.count <= 10 ? list : Array(list.prefix(10))
    }

    var autoSize: Bool {
        if let a = options?.autoSize { return a }
        if case .table(let t)? = view?.control, let a = t.autoSize { return a }
        return false
    }

    // MARK: Property resolution

    /// The properties to show for an object: the -Property list (wildcards expanded; in a table
    /// a missing plain name stays as an empty column), else the default display property set,
    /// else every property.
    func activeProperties(for obj: Value, table: Bool) -> [ResolvedProperty] {
        var result: [ResolvedProperty] = []
        if let specs = options?.properties, !specs.isEmpty {
            for spec in specs {
                switch spec.expression {
                case .script:
                    result.append(ResolvedProperty(label: spec.label ?? "", expression: spec.expression, spec: spec))
                case .property(let name):
                    let names = resolveNames(name, in: obj, wildcard: spec.hasWildcard)
                    if names.isEmpty && !spec.hasWildcard && table {
                        result.append(ResolvedProperty(label: spec.label ?? name, expression: .property(name), spec: spec))
                    }
                    for n in names {
                        result.append(ResolvedProperty(label: spec.label ?? n, expression: .property(n), spec: spec))
                    }
                }
            }
        } else {
            let names: [String]
            if let d = source.defaultDisplayProperties(obj), !d.isEmpty {
                names = d
            } else {
                names = uniqueNames(source.propertyNames(obj))
            }
            result = names.map { ResolvedProperty(label: $0, expression: .property($0), spec: nil) }
        }
        if let excluded = options?.excludeProperties, !excluded.isEmpty {
            let patterns = excluded.map { WildcardPattern($0) }
            result.removeAll { p in
                guard case .property(let n) = p.expression else { return false }
                return patterns.contains { $0.matches(n) }
            }
        }
        return result
    }

    private func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for n in names where seen.insert(n.lowercased()).inserted { out.append(n) }
        return out
    }

    /// Property names matching a name or pattern, in the object's order.
    func resolveNames(_ name: String, in obj: Value, wildcard: Bool) -> [String] {
        let all = uniqueNames(source.propertyNames(obj))
        if wildcard {
            let p = WildcardPattern(name)
            return all.filter { p.matches($0) }
        }
        if let exact = all.first(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return [exact] }
        // Hashtables and other objects may answer properties they do not list.
        if source.property(obj, name) != nil { return [name] }
        return []
    }

    /// Reads an expression; nil when the property is missing or the script failed.
    func evaluate(_ e: FormatExpression, on obj: Value) -> Value? {
        switch e {
        case .property(let name): return source.property(obj, name)
        case .script(let f): return try? f(obj)
        }
    }

    // MARK: Start data

    func startShape(for obj: Value) -> ShapeInfo {
        switch shape {
        case .table:
            if case .table(let t)? = view?.control {
                let cols = t.columns.map { c -> TableColumnInfo in
                    TableColumnInfo(label: c.label ?? c.expression.defaultLabel, width: c.width, alignment: c.alignment)
                }
                return .table(columns: cols, hideHeader: options?.hideTableHeaders ?? t.hideHeader, repeatHeader: options?.repeatHeader ?? false)
            }
            let cols = tableColumns.map { p -> TableColumnInfo in
                let align = p.spec?.alignment ?? ValueText.defaultAlignment(evaluate(p.expression, on: obj))
                return TableColumnInfo(label: p.label, width: p.spec?.width ?? 0, alignment: align)
            }
            return .table(columns: cols, hideHeader: options?.hideTableHeaders ?? false, repeatHeader: options?.repeatHeader ?? false)
        case .list:
            return .list
        case .wide:
            if autoSize { return .wide(columns: 0) }
            if let c = options?.columns { return .wide(columns: c) }
            if case .wide(_, let c)? = view?.control { return .wide(columns: c) }
            return .wide(columns: 0)
        case .custom:
            return .complex
        }
    }

    // MARK: Payload

    func payload(_ obj: Value) -> FormatEntry {
        switch shape {
        case .table: return tableRow(obj)
        case .list: return listEntry(obj)
        case .wide: return wideEntry(obj)
        case .custom:
            if case .custom(let render)? = view?.control { return .complex(render(obj, source)) }
            if case .customControl(let control)? = view?.control {
                return .complexNodes(ComplexControlGenerator(source: source, text: text).generate(control, obj))
            }
            return .complex(source.toString(obj))
        }
    }

    private func tableRow(_ obj: Value) -> FormatEntry {
        let multiLine: Bool
        if case .table(let t)? = view?.control {
            multiLine = options?.wrap ?? t.wrap
            var values: [String] = []
            var aligns: [Alignment] = []
            values.reserveCapacity(t.columns.count)
            for c in t.columns {
                let v = evaluate(c.expression, on: obj)
                values.append(v.map { text.display($0, formatString: c.formatString, formatFloat: false) } ?? "")
                aligns.append(c.alignment)
            }
            return .tableRow(values: values, alignments: aligns, multiLine: multiLine)
        }
        multiLine = options?.wrap ?? false
        var values: [String] = []
        values.reserveCapacity(tableColumns.count)
        for p in tableColumns {
            let v = evaluate(p.expression, on: obj)
            let fs = p.spec?.formatString
            values.append(v.map { text.display($0, formatString: fs, formatFloat: fs == nil) } ?? "")
        }
        return .tableRow(values: values, alignments: Array(repeating: .undefined, count: values.count), multiLine: multiLine)
    }

    /// A list entry for any object: the view's items, or its properties.
    func listEntry(_ obj: Value) -> FormatEntry {
        if case .list(let items)? = view?.control {
            var fields: [(label: String, value: String)] = []
            for item in items {
                if let cond = item.condition, !cond(obj) { continue }
                let v = evaluate(item.expression, on: obj)
                let label = item.label ?? item.expression.defaultLabel
                fields.append((label, v.map { text.display($0, formatString: item.formatString, formatFloat: false) } ?? ""))
            }
            return .listEntry(fields)
        }
        return ViewGenerator.listEntryFromProperties(activeProperties(for: obj, table: false), obj, self)
    }

    static func listEntryFromProperties(_ props: [ResolvedProperty], _ obj: Value, _ gen: ViewGenerator) -> FormatEntry {
        var fields: [(label: String, value: String)] = []
        fields.reserveCapacity(props.count)
        for p in props {
            let v = gen.evaluate(p.expression, on: obj)
            fields.append((p.label, v.map { gen.text.display($0, formatString: p.spec?.formatString, formatFloat: false) } ?? ""))
        }
        return .listEntry(fields)
    }

    private func wideEntry(_ obj: Value) -> FormatEntry {
        if case .wide(let e, _)? = view?.control {
            return .wide(evaluate(e, on: obj).map { text.display($0) } ?? "")
        }
        if let specs = options?.properties, !specs.isEmpty {
            guard let p = activeProperties(for: obj, table: false).first else { return .wide("") }
            return .wide(evaluate(p.expression, on: obj).map { text.display($0, formatString: p.spec?.formatString, formatFloat: false) } ?? "")
        }
        if let name = displayNameProperty(obj) {
            return .wide(source.property(obj, name).map { text.display($0) } ?? "")
        }
        guard let first = activeProperties(for: obj, table: false).first else { return .wide("") }
        return .wide(evaluate(first.expression, on: obj).map { text.display($0) } ?? "")
    }

    /// pwsh's display-name guess: the first property matching name, id, key, *key, *name, *id.
    private func displayNameProperty(_ obj: Value) -> String? {
        let names = source.propertyNames(obj)
        for pattern in ["name", "id", "key", "*key", "*name", "*id"] {
            let p = WildcardPattern(pattern)
            if let n = names.first(where: { p.matches($0) }) { return n }
        }
        return nil
    }

    // MARK: Grouping

    /// True when the grouping value changed (a new group starts).
    func updateGroupingKey(_ obj: Value) -> Bool {
        guard let g = grouping else { return false }
        guard let newValue = evaluate(g.expression, on: obj) else { return false }
        let old = groupKey
        let hadKey = hasGroupKey
        groupKey = newValue
        hasGroupKey = true
        let changed = !hadKey || !groupValuesEqual(old ?? .null, newValue)
        if changed && g.label == nil {
            if case .property(let n) = g.expression {
                groupKeyDisplayName = resolveNames(n, in: obj, wildcard: false).first ?? n
            }
        }
        return changed
    }

    private func groupValuesEqual(_ a: Value, _ b: Value) -> Bool {
        if a.isNull && b.isNull { return true }
        return source.toString(a).caseInsensitiveCompare(source.toString(b)) == .orderedSame
    }

    /// The `   Label: value` line that opens a group, nil without grouping.
    func groupLabel() -> String? {
        guard let g = grouping, hasGroupKey, let key = groupKey else { return nil }
        if options?.groupBy == nil, let custom = view?.groupByText { return custom + text.display(key) }
        let label = g.label ?? groupKeyDisplayName
        return "   \(label): " + text.display(key)
    }

    /// Whether an object belongs in this view (pwsh's IsObjectApplicable): any object when the
    /// view was generated from properties, else only the view's types.
    func isApplicable(_ typeNames: [String], registry: FormatViewRegistry) -> Bool {
        guard let v = view else { return true }
        if typeNames.isEmpty { return false }
        return registry.applies(v, to: typeNames)
    }
}

/// A PowerShell wildcard pattern (`*`, `?`, `[a-z]`), case-insensitive.
struct WildcardPattern {
    private let pattern: [UInt16]

    init(_ p: String) {
        pattern = Array(p.lowercased().utf16)
    }

    func matches(_ s: String) -> Bool {
        let text = Array(s.lowercased().utf16)
        return match(0, text, 0)
    }

    private func match(_ pi: Int, _ t: [UInt16], _ ti: Int) -> Bool {
        var pi = pi, ti = ti
        while pi < pattern.count {
            let c = pattern[pi]
            switch c {
            case 0x2A: // *
                if pi == pattern.count - 1 { return true }
                var k = ti
                while k <= t.count {
                    if match(pi + 1, t, k) { return true }
                    k += 1
                }
                return false
            case 0x3F: // ?
                if ti >= t.count { return false }
            case 0x5B: // [
                guard ti < t.count, let close = pattern[(pi + 1)...].firstIndex(of: 0x5D) else {
                    if ti >= t.count || t[ti] != c { return false }
                    pi += 1
                    ti += 1
                    continue
                }
                if !classMatches(Array(pattern[(pi + 1)..<close]), t[ti]) { return false }
                pi = close + 1
                ti += 1
                continue
            default:
                if ti >= t.count || t[ti] != c { return false }
            }
            pi += 1
            ti += 1
        }
        return ti == t.count
    }

    private func classMatches(_ cls: [UInt16], _ u: UInt16) -> Bool {
        var i = 0
        while i < cls.count {
            if i + 2 < cls.count && cls[i + 1] == 0x2D {
                if u >= cls[i] && u <= cls[i + 2] { return true }
                i += 3
            } else {
                if u == cls[i] { return true }
                i += 1
            }
        }
        return false
    }
}
