import Foundation

/// `System.Collections.Generic.HashSet<T>`, `Queue<T>` and `Stack<T>` as .NET defines them
/// (learn.microsoft.com System.Collections.Generic): items converted to T on the way in;
/// a HashSet keeps one of each item (strings compared exactly unless an IgnoreCase
/// StringComparer is given) and lists them in the order added; a Queue gives items back
/// first-in first-out, a Stack last-in first-out, and both enumerate in that order. Like any
/// enumerable they unroll in the pipeline and list as `{a, b}` in a cell.
public final class PSGenericCollection: PSDotNetObject {
    public enum Kind: String {
        case hashSet = "HashSet", queue = "Queue", stack = "Stack"
    }

    let kind: Kind
    let elementType: PSType
    /// The items in enumeration order (a Stack's top first).
    private(set) var items: [Value] = []
    /// A HashSet's membership, keyed as its comparer compares.
    private let members: PSHashtable

    init(_ kind: Kind, elementType: PSType, ignoreCase: Bool = false) {
        self.kind = kind
        self.elementType = elementType
        self.members = PSHashtable(ordered: true, caseInsensitive: ignoreCase)
    }

    public override var typeFullName: String { "System.Collections.Generic.\(kind.rawValue)`1[[\(elementType.fullName)]]" }
    public override var typeHierarchy: [String] { [typeFullName, "System.Object"] }
    public override var propertyNames: [String] { kind == .hashSet ? ["Count", "Comparer"] : ["Count"] }
    public override var enumeratedItems: [Value]? { items }
    public override var declaresToString: Bool { false }
    public override func toPSString() -> String { Members.typeToString(typeFullName) }

    public override var methodNames: [String] {
        switch kind {
        case .hashSet:
            return ["Add", "Clear", "Contains", "CopyTo", "ExceptWith", "IntersectWith", "IsProperSubsetOf", "IsProperSupersetOf",
                    "IsSubsetOf", "IsSupersetOf", "Overlaps", "Remove", "SetEquals", "SymmetricExceptWith", "UnionWith"]
        case .queue: return ["Clear", "Contains", "Dequeue", "Enqueue", "Peek", "ToArray"]
        case .stack: return ["Clear", "Contains", "Peek", "Pop", "Push", "ToArray"]
        }
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "count": return .int(Int32(clamping: items.count))
        default: return nil
        }
    }

    private func element(_ v: Value, _ a: MethodArgs, _ parameter: String = "item") throws -> Value {
        do {
            return try Conversion.convert(v, to: elementType, hooks: a.hooks)
        } catch let e as RuntimeError {
            throw MemberFailure.conversion(parameter: parameter, value: v, type: elementType.fullName, message: e.record.exception.message)
        }
    }

    private func contains(_ v: Value) -> Bool {
        if kind == .hashSet { return members.containsKey(v) }
        return items.contains { (try? Operators.compare($0, v, caseSensitive: true)) == 0 }
    }

    /// Adds an item the way the collection does; for a HashSet, false when already there.
    @discardableResult
    func add(_ v: Value) -> Bool {
        switch kind {
        case .hashSet:
            if members.containsKey(v) { return false }
            members.set(v, .bool(true))
            items.append(v)
        case .queue: items.append(v)
        case .stack: items.insert(v, at: 0)
        }
        return true
    }

    private func remove(_ v: Value) -> Bool {
        guard members.containsKey(v) else { return false }
        members.remove(v)
        let key = members.hashKey(v)
        items.removeAll { members.hashKey($0) == key }
        return true
    }

    private func otherItems(_ a: MethodArgs) throws -> [Value] {
        if a[0].isNull { throw StringMembers.nullArgument("other") }
        return try (Conversion.enumerate(a[0]) ?? [a[0]]).map { try element($0, a, "other") }
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "count": return nil
        case "clear":
            try a.expect(0)
            items = []
            members.removeAll()
            return .voidResult
        case "contains":
            try a.expect(1)
            return .bool(contains(try element(a[0], a)))
        case "toarray" where kind != .hashSet:
            try a.expect(0)
            return .object(PSArray(items, kind: .array(elementType: elementType.fullName == "System.Object" ? nil : elementType.fullName)))
        case "add" where kind == .hashSet:
            try a.expect(1)
            return .bool(add(try element(a[0], a)))
        case "remove" where kind == .hashSet:
            try a.expect(1)
            return .bool(remove(try element(a[0], a)))
        case "unionwith" where kind == .hashSet:
            try a.expect(1)
            for v in try otherItems(a) { add(v) }
            return .voidResult
        case "intersectwith" where kind == .hashSet:
            try a.expect(1)
            let other = PSHashtable(ordered: true, caseInsensitive: members.caseInsensitive)
            for v in try otherItems(a) { other.set(v, .bool(true)) }
            for v in items where !other.containsKey(v) { _ = remove(v) }
            return .voidResult
        case "exceptwith" where kind == .hashSet:
            try a.expect(1)
            for v in try otherItems(a) { _ = remove(v) }
            return .voidResult
        case "symmetricexceptwith" where kind == .hashSet:
            try a.expect(1)
            for v in try otherItems(a) { if !remove(v) { add(v) } }
            return .voidResult
        case "issubsetof", "ispropersubsetof", "issupersetof", "ispropersupersetof", "overlaps", "setequals":
            guard kind == .hashSet else { return nil }
            try a.expect(1)
            let other = PSHashtable(ordered: true, caseInsensitive: members.caseInsensitive)
            for v in try otherItems(a) { other.set(v, .bool(true)) }
            let mineInOther = items.allSatisfy { other.containsKey($0) }
            let otherInMine = other.keys.allSatisfy { members.containsKey($0) }
            switch name {
            case "issubsetof": return .bool(mineInOther)
            case "ispropersubsetof": return .bool(mineInOther && other.count > items.count)
            case "issupersetof": return .bool(otherInMine)
            case "ispropersupersetof": return .bool(otherInMine && items.count > other.count)
            case "overlaps": return .bool(items.contains { other.containsKey($0) })
            default: return .bool(mineInOther && otherInMine)
            }
        case "enqueue" where kind == .queue, "push" where kind == .stack:
            try a.expect(1)
            add(try element(a[0], a))
            return .voidResult
        case "dequeue" where kind == .queue, "pop" where kind == .stack:
            try a.expect(0)
            guard !items.isEmpty else { throw MemberFailure.dotnet(.invalidOperationException, "\(kind.rawValue) empty.") }
            return items.removeFirst()
        case "peek" where kind != .hashSet:
            try a.expect(0)
            guard let first = items.first else { throw MemberFailure.dotnet(.invalidOperationException, "\(kind.rawValue) empty.") }
            return first
        default:
            return nil
        }
    }

    /// `[HashSet[T]]::new()`, `::new(capacity)`, `::new(collection)`, `::new(comparer)`,
    /// `::new(collection, comparer)`; `[Queue[T]]`/`[Stack[T]]` `::new()`, `(capacity)`,
    /// `(collection)` (a Stack built from a collection pops its last item first). Nil for
    /// other types.
    static func construct(_ type: PSType, _ a: MethodArgs) throws -> Value? {
        guard type.genericArguments.count == 1 else { return nil }
        let kind: Kind
        if type.fullName.hasPrefix("System.Collections.Generic.HashSet`1") {
            kind = .hashSet
        } else if type.fullName.hasPrefix("System.Collections.Generic.Queue`1") {
            kind = .queue
        } else if type.fullName.hasPrefix("System.Collections.Generic.Stack`1") {
            kind = .stack
        } else {
            return nil
        }
        try a.expect(0...2)
        var source: Value?
        var ignoreCase = false
        for (i, v) in a.values.enumerated() {
            if kind == .hashSet, case .object(let o) = v, o is PSStringComparer {
                ignoreCase = CollectionMembers.isIgnoreCaseComparer(v)
            } else if i == 0, a.count == 1, case .int(let n) = v {
                if n < 0 { throw StringMembers.negative("capacity", Int(n)) }
            } else if v.isNull {
                throw StringMembers.nullArgument("collection")
            } else {
                source = v
            }
        }
        let c = PSGenericCollection(kind, elementType: type.genericArguments[0], ignoreCase: ignoreCase)
        if let s = source {
            for v in Conversion.enumerate(s) ?? [s] { c.add(try c.element(v, a, "collection")) }
        }
        return .object(c)
    }
}
