import Foundation
import PowerShellRuntime

/// Select-Object, Sort-Object, Group-Object, Compare-Object and Get-Unique: commands that
/// choose, order and group whole objects.
enum ObjectSelectionCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Select-Object", SelectObjectCommand.self),
        ("Sort-Object", SortObjectCommand.self),
        ("Group-Object", GroupObjectCommand.self),
        ("Compare-Object", CompareObjectCommand.self),
        ("Get-Unique", GetUniqueCommand.self),
    ]
}

/// An object a cmdlet creates with a fixed .NET type name and ordered properties
/// (GroupInfo, GenericMeasureInfo, TextMeasureInfo, MatchInfo …).
class NativeRecord: PSNativeObject {
    let typeNameList: [String]
    var names: [String]
    var values: [Value]

    init(typeNames: [String], _ pairs: [(String, Value)]) {
        self.typeNameList = typeNames
        self.names = pairs.map { $0.0 }
        self.values = pairs.map { $0.1 }
    }

    override var typeFullName: String { typeNameList.first ?? "System.Object" }
    override var typeHierarchy: [String] { typeNameList + ["System.Object"] }
    override var propertyNames: [String] { names }

    override func property(_ name: String) -> Value? {
        guard let i = names.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return nil }
        return values[i]
    }

    override func setProperty(_ name: String, _ value: Value) -> Bool {
        guard let i = names.firstIndex(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return false }
        values[i] = value
        return true
    }

    override func toPSString() -> String { typeFullName }
}

/// One sort key of Sort-Object: the expression and its direction.
private struct SortKey {
    let expression: PropertyExpression?
    let descending: Bool
}

/// Compares two key lists as Sort-Object does: each key in turn, in its direction.
private func compareKeys(_ a: [Value], _ b: [Value], _ keys: [SortKey], caseSensitive: Bool) -> Int {
    for (i, k) in keys.enumerated() where i < a.count && i < b.count {
        var c = (try? Operators.compare(a[i], b[i], caseSensitive: caseSensitive)) ?? 0
        if k.descending { c = -c }
        if c != 0 { return c }
    }
    return 0
}

/// `Sort-Object [[-Property] <Object[]>] [-Descending] [-Unique] [-CaseSensitive] [-Stable]
/// [-Top n | -Bottom n]`: all input sorted; stable with -Stable, -Top or -Bottom, otherwise
/// ties in the order .NET's List.Sort gives them.
final class SortObjectCommand: Cmdlet {
    private var rows: [(keys: [Value], value: Value)] = []
    private var keys: [SortKey] = []

    override func begin(_ rt: CommandRuntime) throws {
        let descending = rt.bound.isOn("Descending")
        let exprs = try PropertyExpression.parseList(rt.bound.list("Property"), allowed: ["expression", "ascending", "descending"], rt: rt)
        if exprs.isEmpty {
            keys = [SortKey(expression: nil, descending: descending)]
        } else {
            keys = exprs.map { e in
                // pwsh's OrderByProperty: an `ascending` key wins over `descending`; both
                // given and saying opposite things (equal values) are ignored.
                var d = descending
                switch (e.ascending, e.descending) {
                case (let a?, let x?) where a == x: break
                case (let a?, _): d = !a
                case (nil, let x?): d = x
                case (nil, nil): break
                }
                return SortKey(expression: e, descending: d)
            }
        }
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"] else { return }
        if rt.currentInput == nil && !rt.bound.has("InputObject") { return }
        var ks: [Value] = []
        ks.reserveCapacity(keys.count)
        for k in keys {
            guard let e = k.expression else {
                ks.append(v)
                continue
            }
            ks.append((try? e.value(of: v, rt: rt)) ?? nil ?? .null)
        }
        rows.append((ks, v))
    }

    override func end(_ rt: CommandRuntime) throws {
        let caseSensitive = rt.bound.isOn("CaseSensitive")
        let keys = self.keys
        var order = Array(rows.indices)
        if rt.bound.isOn("Stable") || rt.bound.has("Top") || rt.bound.has("Bottom") {
            order.sort { i, j in
                let c = compareKeys(rows[i].keys, rows[j].keys, keys, caseSensitive: caseSensitive)
                return c != 0 ? c < 0 : i < j
            }
        } else {
            // pwsh sorts with List.Sort, which is not stable: equal objects come out in the
            // order .NET's introspective sort leaves them.
            IntrospectiveSort.sort(&order) { i, j in compareKeys(rows[i].keys, rows[j].keys, keys, caseSensitive: caseSensitive) }
        }
        var sorted = order.map { rows[$0] }
        if rt.bound.isOn("Unique") {
            var kept: [(keys: [Value], value: Value)] = []
            for r in sorted {
                if let prev = kept.last, compareKeys(prev.keys, r.keys, keys, caseSensitive: caseSensitive) == 0 { continue }
                kept.append(r)
            }
            sorted = kept
        }
        if let top = rt.bound.int("Top") {
            sorted = Array(sorted.prefix(max(0, top)))
        } else if let bottom = rt.bound.int("Bottom") {
            sorted = Array(sorted.suffix(max(0, bottom)))
        }
        for r in sorted { try rt.writeObject(r.value) }
    }
}

/// `Group-Object [[-Property] <Object[]>] [-NoElement] [-AsHashTable [-AsString]] [-CaseSensitive]`:
/// GroupInfo objects (Count, Name, Group, Values). As pwsh 7's GroupObjectCommand: when every
/// key has one .NET type, the input is stably sorted by its keys and equal neighbours form a
/// group (so groups come out sorted); with mixed types, groups keep the order they first appear.
final class GroupObjectCommand: Cmdlet {
    private var exprs: [PropertyExpression] = []
    private var entries: [(keys: [Value], value: Value)] = []
    private var keyTypes: [String?]?
    private var mixedTypes = false
    private var groups: [(name: String, values: [Value], items: [Value])] = []

    override func begin(_ rt: CommandRuntime) throws {
        exprs = try PropertyExpression.parseList(rt.bound.list("Property"), allowed: ["expression"], rt: rt)
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"] else { return }
        if rt.currentInput == nil && !rt.bound.has("InputObject") { return }
        if entries.isEmpty {
            // Checked with the first object, as pwsh's GroupObjectCommand does.
            if rt.bound.isOn("AsString") && !rt.bound.isOn("AsHashTable") {
                try rt.throwTerminating(rt.error("ArgumentException", "The command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.",
                                                 .InvalidArgument, target: .bool(true), type: .argumentException))
            }
            if rt.bound.isOn("AsHashTable") && !rt.bound.isOn("AsString") && exprs.count > 1 {
                try rt.throwTerminating(rt.error("ArgumentException", "The command cannot be run because using the AsHashTable parameter with more than one property requires adding the AsString parameter.",
                                                 .InvalidArgument, target: rt.bound["Property"] ?? .null, type: .argumentException))
            }
        }
        var keyValues: [Value] = []
        if exprs.isEmpty {
            keyValues = [v]
        } else {
            for e in exprs { keyValues.append((try e.value(of: v, rt: rt)) ?? .null) }
        }
        entries.append((keyValues, v))
        if !mixedTypes { noteTypes(keyValues) }
    }

    /// pwsh's UpdateOrderPropertyTypeInfo: nulls match any type.
    private func noteTypes(_ keys: [Value]) {
        let types: [String?] = keys.map { $0.isNull ? nil : Members.typeFullName($0) }
        guard var known = keyTypes else {
            keyTypes = types
            return
        }
        if known.count != types.count {
            mixedTypes = true
            return
        }
        for (i, t) in types.enumerated() {
            guard let t else { continue }
            if let k = known[i] {
                if k != t {
                    mixedTypes = true
                    return
                }
            } else {
                known[i] = t
            }
        }
        keyTypes = known
    }

    /// Puts the entries into groups: a group with the same key text, else (sorted input) the
    /// last group or (mixed types) any group whose keys compare equal.
    private func makeGroups(_ rt: CommandRuntime) {
        let caseSensitive = rt.bound.isOn("CaseSensitive")
        func compare(_ a: [Value], _ b: [Value]) -> Int {
            for i in 0..<min(a.count, b.count) {
                let c = (try? Operators.compare(a[i], b[i], caseSensitive: caseSensitive)) ?? 0
                if c != 0 { return c }
            }
            return 0
        }
        var ordered = entries
        if !mixedTypes {
            let order = entries.indices.sorted { i, j in
                let c = compare(entries[i].keys, entries[j].keys)
                return c != 0 ? c < 0 : i < j
            }
            ordered = order.map { entries[$0] }
        }
        var index: [String: Int] = [:]
        for e in ordered {
            let name = e.keys.map { rt.text($0) }.joined(separator: ", ")
            if let i = index[name] {
                groups[i].items.append(e.value)
                continue
            }
            let candidates = mixedTypes ? Array(groups.indices) : (groups.isEmpty ? [] : [groups.count - 1])
            if let i = candidates.first(where: { compare(groups[$0].values, e.keys) == 0 }) {
                groups[i].items.append(e.value)
                continue
            }
            index[name] = groups.count
            groups.append((name, e.keys, [e.value]))
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        makeGroups(rt)
        if rt.bound.isOn("AsHashTable") {
            let table = PSHashtable(ordered: false, caseInsensitive: !rt.bound.isOn("CaseSensitive"))
            let asString = rt.bound.isOn("AsString")
            for g in groups {
                let key: Value = asString || g.values.count != 1 ? .string(g.name) : (g.values.first ?? .null)
                table.set(key, .object(PSArray(g.items, kind: .arrayList)))
            }
            try rt.writeObject(.object(table))
            return
        }
        let noElement = rt.bound.isOn("NoElement")
        for g in groups {
            let record: NativeRecord
            if noElement {
                record = NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.GroupInfoNoElement", "Microsoft.PowerShell.Commands.GroupInfo"], [
                    ("Values", .object(PSArray(g.values, kind: .arrayList))), ("Count", .int(Int32(clamping: g.items.count))),
                    ("Group", .object(PSArray([], kind: .arrayList))), ("Name", .string(g.name)),
                ])
            } else {
                record = NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.GroupInfo"], [
                    ("Values", .object(PSArray(g.values, kind: .arrayList))), ("Count", .int(Int32(clamping: g.items.count))),
                    ("Group", .object(PSArray(g.items, kind: .arrayList))), ("Name", .string(g.name)),
                ])
            }
            try rt.writeObject(.object(record))
        }
    }
}

/// `Compare-Object [-ReferenceObject] <psobject[]> [-DifferenceObject] <psobject[]> [-Property …]
/// [-IncludeEqual] [-ExcludeDifferent] [-PassThru] [-CaseSensitive]`.
final class CompareObjectCommand: Cmdlet {
    private var exprs: [PropertyExpression] = []
    private var referenceQueue: [Value] = []
    private var referenceBacklog: [(keys: [Value], value: Value)] = []
    private var differenceBacklog: [(keys: [Value], value: Value)] = []
    private var readReference = 0

    override func begin(_ rt: CommandRuntime) throws {
        exprs = try PropertyExpression.parseList(rt.bound.list("Property"), allowed: ["expression"], rt: rt)
        referenceQueue = rt.bound.list("ReferenceObject") ?? []
    }

    private func keys(_ v: Value, _ rt: CommandRuntime) throws -> [Value] {
        if exprs.isEmpty { return [v] }
        return try exprs.map { (try $0.value(of: v, rt: rt)) ?? .null }
    }

    private func same(_ a: [Value], _ b: [Value], _ rt: CommandRuntime) -> Bool {
        let cs = rt.bound.isOn("CaseSensitive")
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            if case .object(let o) = x, case .object(let p) = y, !(o is PSNativeObject), !(p is PSNativeObject) {
                if o === p { continue }
                if rt.text(x).compare(rt.text(y), options: cs ? [] : .caseInsensitive) != .orderedSame { return false }
                continue
            }
            if !Operators.equals(x, y, caseSensitive: cs) && (try? Operators.compare(x, y, caseSensitive: cs)) != 0 { return false }
        }
        return true
    }

    override func process(_ rt: CommandRuntime) throws {
        guard let d = rt.bound["DifferenceObject"] else { return }
        let diffs = rt.currentInput == nil ? (d.array?.items ?? [d]) : [d]
        for item in diffs { try compare(item, rt) }
    }

    private func compare(_ item: Value, _ rt: CommandRuntime) throws {
        let k = try keys(item, rt)
        if let i = referenceBacklog.firstIndex(where: { same($0.keys, k, rt) }) {
            let match = referenceBacklog.remove(at: i)
            try emit(match.value, match.keys, "==", rt)
            return
        }
        while readReference < referenceQueue.count {
            let r = referenceQueue[readReference]
            readReference += 1
            let rk = try keys(r, rt)
            if same(rk, k, rt) {
                try emit(r, rk, "==", rt)
                return
            }
            referenceBacklog.append((rk, r))
        }
        differenceBacklog.append((k, item))
    }

    override func end(_ rt: CommandRuntime) throws {
        while readReference < referenceQueue.count {
            let r = referenceQueue[readReference]
            readReference += 1
            referenceBacklog.append((try keys(r, rt), r))
        }
        for d in differenceBacklog { try emit(d.value, d.keys, "=>", rt) }
        for r in referenceBacklog { try emit(r.value, r.keys, "<=", rt) }
    }

    private func emit(_ v: Value, _ keys: [Value], _ side: String, _ rt: CommandRuntime) throws {
        if side == "==" {
            if !rt.bound.isOn("IncludeEqual") && !rt.bound.isOn("ExcludeDifferent") { return }
        } else if rt.bound.isOn("ExcludeDifferent") {
            return
        }
        if rt.bound.isOn("PassThru") {
            if case .object(let o) = v {
                let table = o.instanceMembers ?? PSMemberTable()
                table.set(PSMember(name: "SideIndicator", kind: .noteProperty(.string(side))))
                o.instanceMembers = table
            }
            try rt.writeObject(v)
            return
        }
        let obj = PSCustomObject()
        if exprs.isEmpty {
            obj.set("InputObject", v)
        } else {
            for (e, k) in zip(exprs, keys) { obj.set(e.displayName, k) }
        }
        obj.set("SideIndicator", .string(side))
        try rt.writeObject(.object(obj))
    }
}

/// `Get-Unique [-AsString] [-OnType] [-CaseInsensitive]`: drops adjacent duplicates of sorted input.
final class GetUniqueCommand: Cmdlet {
    private var previous: Value?

    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound[folded: "inputobject"] else { return }
        if rt.currentInput == nil && !rt.bound.has("InputObject") { return }
        defer { previous = v }
        guard let p = previous else {
            try rt.writeObject(v)
            return
        }
        let duplicate: Bool
        if rt.bound.isOn("OnType") {
            duplicate = Members.typeFullName(p) == Members.typeFullName(v)
        } else if case .string = v, case .string = p {
            duplicate = rt.bound.isOn("CaseInsensitive") ? rt.text(p).lowercased() == rt.text(v).lowercased() : rt.text(p) == rt.text(v)
        } else if rt.bound.isOn("AsString") {
            duplicate = rt.bound.isOn("CaseInsensitive") ? rt.text(p).lowercased() == rt.text(v).lowercased() : rt.text(p) == rt.text(v)
        } else {
            duplicate = Operators.equals(p, v, caseSensitive: !rt.bound.isOn("CaseInsensitive"))
        }
        if !duplicate { try rt.writeObject(v) }
    }
}
