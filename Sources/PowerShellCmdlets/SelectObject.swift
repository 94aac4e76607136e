import PowerShellRuntime

/// `Select-Object [[-Property] <Object[]>] [-ExcludeProperty …] [-ExpandProperty …] [-Unique]
/// [-First n] [-Last n] [-Skip n] [-SkipLast n] [-Index …] [-SkipIndex …]`.
final class SelectObjectCommand: Cmdlet {
    private var properties: [PropertyExpression] = []
    private var exclude: [WildcardPattern] = []
    private var expand: String?
    private var unique = false
    private var caseInsensitive = false
    private var first: Int?
    private var last: Int?
    private var skip = 0
    private var skipLast = 0
    private var indexes: Set<Int>?
    private var maxIndex = -1
    private var skipIndexes: Set<Int>?
    private var selecting = false

    private var seen = 0
    private var emitted = 0
    private var lastBuffer: [Value] = []
    private var skipLastBuffer: [Value] = []
    private var uniqueSeen: [Value] = []

    override func begin(_ rt: CommandRuntime) throws {
        let b = rt.bound
        properties = try PropertyExpression.parseList(b.list("Property"), allowed: ["name", "label", "expression"], rt: rt)
        exclude = (b.strings("ExcludeProperty") ?? []).map { WildcardPattern($0) }
        expand = b.string("ExpandProperty")
        unique = b.isOn("Unique")
        caseInsensitive = b.isOn("CaseInsensitive")
        first = b.int("First")
        last = b.int("Last")
        skip = max(0, b.int("Skip") ?? 0)
        skipLast = max(0, b.int("SkipLast") ?? 0)
        if let idx = b.list("Index") {
            let ints = idx.compactMap { (try? Conversion.toInt64($0)).map { Int($0) } }
            indexes = Set(ints)
            maxIndex = ints.max() ?? -1
        }
        if let idx = b.list("SkipIndex") {
            skipIndexes = Set(idx.compactMap { (try? Conversion.toInt64($0)).map { Int($0) } })
        }
        selecting = !properties.isEmpty || !exclude.isEmpty
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let input = rt.bound[folded: "inputobject"] else { return }
        if rt.currentInput == nil && input.isNull && !rt.bound.has("InputObject") { return }
        for v in try select(input, rt) { try accept(v, rt) }
    }

    /// The objects one input gives after -Property / -ExcludeProperty / -ExpandProperty.
    private func select(_ input: Value, _ rt: CommandRuntime) throws -> [Value] {
        var selected: PSCustomObject?
        if selecting {
            let obj = PSCustomObject()
            let specs = properties.isEmpty ? [PropertyExpression(source: .name("*"))] : properties
            for spec in specs {
                let pairs = try spec.evaluate(input, rt: rt)
                if pairs.isEmpty, case .name(let n) = spec.source, !spec.hasWildcard {
                    if !isExcluded(n) && !obj.has(n) { obj.set(spec.label ?? n, .null) }
                    continue
                }
                for (name, value) in pairs where !isExcluded(name) {
                    if obj.has(name) {
                        if spec.hasWildcard { continue }
                        try rt.writeError(rt.error("AlreadyExistingUserSpecifiedPropertyNoExpand",
                                                   "The property cannot be processed because the property \"\(name)\" already exists.",
                                                   .InvalidOperation, target: input, type: .psArgumentException))
                        continue
                    }
                    obj.set(name, value)
                }
            }
            let original = Members.typeNames(input).first ?? "System.Object"
            obj.extraTypeNames = ["Selected." + original]
            selected = obj
        }
        guard let name = expand else {
            if let s = selected { return [.object(s)] }
            return [input]
        }
        guard let expanded = try rt.property(input, name) else {
            try rt.writeError(rt.error("ExpandPropertyNotFound", "Property \"\(name)\" cannot be found.", .InvalidArgument,
                                       target: input, type: .psArgumentException))
            return []
        }
        let values = Conversion.enumerate(expanded) ?? [expanded]
        if let s = selected {
            // The selected properties are added to each expanded object.
            for v in values {
                guard case .object(let o) = v else { continue }
                let table = o.instanceMembers ?? PSMemberTable()
                for (n, pv) in s.pairs where n.caseInsensitiveCompare(name) != .orderedSame {
                    table.set(PSMember(name: n, kind: .noteProperty(pv)))
                }
                o.instanceMembers = table
            }
        }
        return values
    }

    private func isExcluded(_ name: String) -> Bool {
        exclude.contains { $0.matches(name) }
    }

    /// Applies -Unique, -Index, -Skip, -First, -Last, -SkipLast to one selected object.
    private func accept(_ v: Value, _ rt: CommandRuntime) throws {
        if unique {
            if uniqueSeen.contains(where: { sameObject($0, v, rt) }) { return }
            uniqueSeen.append(v)
        }
        let position = seen
        seen += 1
        if let idx = indexes {
            if idx.contains(position) { try rt.writeObject(v) }
            if position >= maxIndex && !unique { try rt.stopUpstream() }
            return
        }
        if let idx = skipIndexes {
            if !idx.contains(position) { try rt.writeObject(v) }
            return
        }
        if position < skip { return }
        if skipLast > 0 {
            skipLastBuffer.append(v)
            if skipLastBuffer.count > skipLast { try rt.writeObject(skipLastBuffer.removeFirst()) }
            return
        }
        if let l = last {
            if first == nil || emitted < (first ?? 0) {
                lastBuffer.append(v)
                if lastBuffer.count > l { lastBuffer.removeFirst() }
            }
            return
        }
        if let f = first {
            if emitted < f {
                emitted += 1
                try rt.writeObject(v)
            }
            if emitted >= f { try rt.stopUpstream() }
            return
        }
        try rt.writeObject(v)
    }

    override func end(_ rt: CommandRuntime) throws {
        for v in lastBuffer { try rt.writeObject(v) }
    }

    /// -Unique compares selected objects property by property, scalars by value (case-sensitive
    /// unless -CaseInsensitive).
    private func sameObject(_ a: Value, _ b: Value, _ rt: CommandRuntime) -> Bool {
        if case .object(let x) = a, case .object(let y) = b, let p = x as? PSCustomObject, let q = y as? PSCustomObject {
            guard p.count == q.count else { return false }
            for (n, v) in p.pairs {
                guard let w = q.get(n), Operators.equals(v, w, caseSensitive: !caseInsensitive) else { return false }
            }
            return true
        }
        return Operators.equals(a, b, caseSensitive: !caseInsensitive)
    }
}
