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
    private var queue: SelectObjectQueue?
    private var wait = false
    private var ended = false
    private var uniques: [Value] = []

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
        wait = b.isOn("Wait")
        queue = SelectObjectQueue(first: first ?? 0, last: last ?? 0, skip: skip, skipLast: skipLast,
                                  firstOrLastSpecified: first != nil || last != nil)
    }

    override func process(_ rt: CommandRuntime) throws {
        // Null input is no input (SelectObjectCommand.ProcessRecord).
        guard let input = rt.bound[folded: "inputobject"], !input.isNull, !ended else { return }
        if indexes != nil || skipIndexes != nil {
            try processIndexed(input, rt)
            return
        }
        guard var q = queue else { return }
        q.enqueue(input)
        let streamed = q.streamingDequeue()
        queue = q
        if let v = streamed { try output(v, rt) }
        if q.allRequestedObjectsProcessed && !wait {
            try finish(rt)
            try rt.stopUpstream()
        }
    }

    /// -Index / -SkipIndex: input objects picked by position.
    private func processIndexed(_ input: Value, _ rt: CommandRuntime) throws {
        let position = seen
        seen += 1
        if let idx = indexes {
            if idx.contains(position) { try output(input, rt) }
            if position >= maxIndex && !wait {
                try finish(rt)
                try rt.stopUpstream()
            }
        } else if let idx = skipIndexes, !idx.contains(position) {
            try output(input, rt)
        }
    }

    /// One chosen input object: its selected form(s), written (or kept for -Unique).
    private func output(_ input: Value, _ rt: CommandRuntime) throws {
        for v in try select(input, rt) {
            if unique {
                if !uniques.contains(where: { sameObject($0, v, rt) }) { uniques.append(v) }
            } else {
                try rt.writeObject(v)
            }
        }
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
                    if name.isEmpty {
                        try rt.throwTerminating(rt.error("EmptyScriptBlockAndNoName", "A property is an empty script block and does not provide a name. (Parameter 'Property')",
                                                         .InvalidArgument, type: .psArgumentException))
                    }
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
            // A custom object passed through gets the Selected type name once
            // (SelectObjectCommand.SetPSCustomObject), when it is not a wrapper.
            if case .object(let o) = input, let custom = o as? PSCustomObject, !custom.wrapsObject {
                let typeName = "Selected.System.Management.Automation.PSCustomObject"
                if !custom.extraTypeNames.contains(typeName) { custom.extraTypeNames.insert(typeName, at: 0) }
            }
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

    override func end(_ rt: CommandRuntime) throws {
        try finish(rt)
    }

    /// EndProcessing: what the queue still holds (the -Last objects), then the -Unique ones.
    private func finish(_ rt: CommandRuntime) throws {
        guard !ended else { return }
        ended = true
        if indexes == nil && skipIndexes == nil, skipLast == 0, var q = queue {
            while let v = q.dequeueAtEnd() { try output(v, rt) }
            queue = q
        }
        for v in uniques { try rt.writeObject(v) }
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

/// Select-Object's queue (pwsh's SelectObjectQueue): which input objects -First, -Last, -Skip
/// and -SkipLast let through, and when. The first objects stream at once; the last ones are
/// held until the input ends; -Last counts only objects after the -First ones.
struct SelectObjectQueue {
    let first: Int
    let last: Int
    var skip: Int
    let skipLast: Int
    let firstOrLastSpecified: Bool
    private var items: [Value] = []
    private var streamed = 0

    init(first: Int, last: Int, skip: Int, skipLast: Int, firstOrLastSpecified: Bool) {
        self.first = first
        self.last = last
        self.skip = skip
        self.skipLast = skipLast
        self.firstOrLastSpecified = firstOrLastSpecified
    }

    /// True once -First objects were streamed and no -Last ones are wanted.
    var allRequestedObjectsProcessed: Bool {
        firstOrLastSpecified && last == 0 && first != 0 && streamed >= first
    }

    mutating func enqueue(_ v: Value) {
        if last > 0 && ((first == 0 && items.count >= last + skip) || (first != 0 && items.count >= last)) {
            items.removeFirst()
        }
        items.append(v)
    }

    /// The object to pass on now, if any.
    mutating func streamingDequeue() -> Value? {
        if skip == 0 {
            if skipLast > 0 {
                return items.count > skipLast ? items.removeFirst() : nil
            }
            if streamed < first || !firstOrLastSpecified {
                streamed += 1
                return items.isEmpty ? nil : items.removeFirst()
            }
            if last == 0, !items.isEmpty { items.removeFirst() }
        } else if last == 0 || first != 0 {
            if !items.isEmpty { items.removeFirst() }
            skip -= 1
        }
        return nil
    }

    /// At the end of input: the next held object to pass on (skipping the -Skip ones when
    /// only -Last was given).
    mutating func dequeueAtEnd() -> Value? {
        guard !items.isEmpty else { return nil }
        if first != 0 || items.count > skip { return items.removeFirst() }
        return nil
    }
}
