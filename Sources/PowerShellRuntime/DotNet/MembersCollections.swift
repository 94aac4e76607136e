import Foundation

/// Members of arrays, ArrayList, List[T], Hashtable and OrderedDictionary.
enum CollectionMembers {
    // MARK: - Arrays and lists

    static let arrayMethodNames = [
        "Add", "AddRange", "Clear", "Clone", "Contains", "CopyTo", "Exists", "Find", "FindAll", "FindIndex",
        "FindLast", "ForEach", "Get", "GetEnumerator", "GetLength", "GetLowerBound", "GetRange", "GetUpperBound",
        "GetValue", "IndexOf", "Insert", "InsertRange", "LastIndexOf", "Remove", "RemoveAll", "RemoveAt",
        "RemoveRange", "Reverse", "Set", "SetValue", "Sort", "ToArray", "TrueForAll", "Where",
    ]

    static func arrayPropertyNames(_ a: PSArray) -> [String] {
        switch a.kind {
        case .array: return ["Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize", "IsSynchronized", "Count"]
        case .arrayList: return ["Capacity", "Count", "IsFixedSize", "IsReadOnly", "IsSynchronized", "SyncRoot"]
        case .genericList: return ["Capacity", "Count"]
        }
    }

    /// An array's or list's own property (`name` lower-cased); nil when it has none.
    static func arrayProperty(_ a: PSArray, _ name: String) -> Value? {
        let isArray = a.isFixedSize
        switch name {
        case "count": return .int(Int32(clamping: a.count))
        case "length" where isArray: return .int(Int32(clamping: a.count))
        case "longlength" where isArray: return .long(Int64(a.count))
        case "rank" where isArray: return .int(Int32(a.rank))
        case "isfixedsize" where isArray || a.kind == .arrayList: return .bool(isArray)
        case "isreadonly" where isArray || a.kind == .arrayList: return .bool(false)
        case "issynchronized" where isArray || a.kind == .arrayList: return .bool(false)
        case "syncroot" where isArray || a.kind == .arrayList: return .object(a)
        case "capacity" where !isArray: return .int(Int32(clamping: max(a.items.capacity, a.count)))
        default: return nil
        }
    }

    private static func fixedSize() -> MemberFailure {
        .dotnet(.notSupportedException, "Collection was of a fixed size.")
    }

    private static func indexRange() -> MemberFailure {
        .dotnet(.argumentOutOfRangeException, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
    }

    /// The element type of a typed array or List[T], for converting arguments.
    private static func elementType(_ a: PSArray, _ hooks: RuntimeHooks) -> PSType? {
        switch a.kind {
        case .array(let e): return e.flatMap { TypeResolver.resolve(name: $0, hooks: hooks) }
        case .genericList(let e): return TypeResolver.resolve(name: e, hooks: hooks)
        case .arrayList: return nil
        }
    }

    /// Converts an argument to the collection's element type (List[int].Add('5') stores 5).
    private static func element(_ v: Value, _ a: PSArray, _ args: MethodArgs) throws -> Value {
        guard let t = elementType(a, args.hooks) else { return v }
        do {
            return try Conversion.convert(v, to: t, hooks: args.hooks)
        } catch let e as RuntimeError {
            throw MemberFailure.conversion(parameter: "item", value: v, type: t.fullName, message: e.record.exception.message)
        }
    }

    /// Runs a method of an array or list; nil when it has none by that name.
    static func invokeArray(_ a: PSArray, _ name: String, _ args: MethodArgs) throws -> Value? {
        let isList: Bool = { if case .genericList = a.kind { return true }; return false }()
        switch name {
        case "item", "get_item", "set_item":
            // A List's or ArrayList's indexer as a parameterized property (`$list.Item(0)`).
            // An array's indexer is IList's explicit implementation, which pwsh's adapter does
            // not show: arrays have no Item.
            if case .array = a.kind { return nil }
            try args.expect(name == "set_item" ? 2 : 1)
            let i = try args.int(0, "index")
            guard i >= 0 && i < a.count else { throw indexRange() }
            if name != "set_item" { return a.items[i] }
            a.items[i] = try element(args[1], a, args)
            return .voidResult
        case "add":
            try args.expect(1)
            if a.isFixedSize { throw fixedSize() }
            a.items.append(try element(args[0], a, args))
            return isList ? .voidResult : .int(Int32(clamping: a.count - 1))
        case "addrange":
            try args.expect(1)
            if a.isFixedSize { throw fixedSize() }
            if args[0].isNull { throw StringMembers.nullArgument("collection") }
            let items = args.items(0)
            a.items.append(contentsOf: try items.map { try element($0, a, args) })
            return .voidResult
        case "insert":
            try args.expect(2)
            if a.isFixedSize { throw fixedSize() }
            let i = try args.int(0, "index")
            guard i >= 0 && i <= a.count else { throw indexRange() }
            a.items.insert(try element(args[1], a, args), at: i)
            return .voidResult
        case "insertrange":
            try args.expect(2)
            if a.isFixedSize { throw fixedSize() }
            let i = try args.int(0, "index")
            guard i >= 0 && i <= a.count else { throw indexRange() }
            a.items.insert(contentsOf: try args.items(1).map { try element($0, a, args) }, at: i)
            return .voidResult
        case "remove":
            try args.expect(1)
            if a.isFixedSize { throw fixedSize() }
            let target = try element(args[0], a, args)
            if let i = a.items.firstIndex(where: { dotnetEquals($0, target) }) {
                a.items.remove(at: i)
                return isList ? .bool(true) : .voidResult
            }
            // List<T>.Remove says whether it found the item; ArrayList.Remove is void.
            return isList ? .bool(false) : .voidResult
        case "removeat":
            try args.expect(1)
            if a.isFixedSize { throw fixedSize() }
            let i = try args.int(0, "index")
            guard i >= 0 && i < a.count else { throw indexRange() }
            a.items.remove(at: i)
            return .voidResult
        case "removerange", "getrange":
            try args.expect(2)
            if a.isFixedSize { if name == "removerange" { throw fixedSize() } else { return nil } }
            let i = try args.int(0, "index"), n = try args.int(1, "count")
            if i < 0 { throw StringMembers.negative("index", i) }
            if n < 0 { throw StringMembers.negative("count", n) }
            guard a.count - i >= n else { throw MemberFailure.dotnet(.argumentException, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.") }
            if name == "getrange" { return .object(PSArray(Array(a.items[i..<(i + n)]), kind: a.kind)) }
            a.items.removeSubrange(i..<(i + n))
            return .voidResult
        case "clear":
            try args.expect(0)
            if a.isFixedSize {
                let empty = elementType(a, args.hooks).map { defaultValue($0) } ?? .null
                for i in a.items.indices { a.items[i] = empty }
            } else {
                a.items.removeAll()
            }
            return .voidResult
        case "contains":
            try args.expect(1)
            let target = isList ? try element(args[0], a, args) : args[0]
            return .bool(a.items.contains { dotnetEquals($0, target) })
        case "indexof", "lastindexof":
            try args.expect(1...3)
            let target = isList ? try element(args[0], a, args) : args[0]
            var lo = 0, hi = a.count
            if args.count >= 2 {
                let start = try args.int(1, "startIndex")
                if name == "indexof" {
                    guard start >= 0 && start <= a.count else { throw StringMembers.outOfRange("startIndex") }
                    lo = start
                    if args.count == 3 {
                        let n = try args.int(2, "count")
                        guard n >= 0 && start <= a.count - n else { throw StringMembers.outOfRange("count") }
                        hi = start + n
                    }
                } else {
                    guard start >= 0 && start < max(a.count, 1) else { throw StringMembers.outOfRange("startIndex") }
                    hi = min(start + 1, a.count)
                    if args.count == 3 {
                        let n = try args.int(2, "count")
                        guard n >= 0 && start - n + 1 >= 0 else { throw StringMembers.outOfRange("count") }
                        lo = start - n + 1
                    }
                }
            }
            guard lo < hi else { return .int(-1) }
            let range = a.items[lo..<hi]
            let found = name == "indexof" ? range.firstIndex { dotnetEquals($0, target) } : range.lastIndex { dotnetEquals($0, target) }
            return .int(Int32(found ?? -1))
        case "clone":
            try args.expect(0)
            return .object(PSArray(a.items, kind: a.kind))
        case "toarray":
            try args.expect(0...1)
            switch a.kind {
            case .genericList(let e): return .object(PSArray(a.items, kind: .array(elementType: e)))
            default: return .object(PSArray(a.items))
            }
        case "reverse":
            if args.count == 2 {
                let i = try args.int(0, "index"), n = try args.int(1, "count")
                guard i >= 0, n >= 0, a.count - i >= n else { throw StringMembers.outOfRange("count") }
                a.items[i..<(i + n)].reverse()
                return .voidResult
            }
            try args.expect(0)
            if a.isFixedSize { return nil }
            a.items.reverse()
            return .voidResult
        case "sort":
            if a.isFixedSize { return nil }
            if args.count == 1, case .object(let o) = args[0], let block = o as? ScriptBlock {
                try sortWithScript(a, block, args.hooks)
                return .voidResult
            }
            try args.expect(0)
            try sortDefault(&a.items)
            return .voidResult
        case "getvalue", "get":
            try args.expect(1)
            let i = try args.int(0, "index")
            guard i >= 0 && i < a.count else { throw MemberFailure.dotnet(.indexOutOfRangeException, "Index was outside the bounds of the array.") }
            return a.items[i]
        case "setvalue", "set":
            try args.expect(2)
            let (vi, ii) = name == "set" ? (1, 0) : (0, 1)
            let i = try args.int(ii, "index")
            guard i >= 0 && i < a.count else { throw MemberFailure.dotnet(.indexOutOfRangeException, "Index was outside the bounds of the array.") }
            a.items[i] = try element(args[vi], a, args)
            return .voidResult
        case "getlength", "getupperbound", "getlowerbound":
            guard a.isFixedSize else { return nil }
            try args.expect(1)
            let dim = try args.int(0, "dimension")
            guard dim == 0 else { throw MemberFailure.dotnet(.indexOutOfRangeException, "Index was outside the bounds of the array.") }
            return .int(name == "getlength" ? Int32(clamping: a.count) : (name == "getupperbound" ? Int32(clamping: a.count - 1) : 0))
        case "copyto":
            try args.expect(1...2)
            guard let dest = args[0].array else { throw StringMembers.nullArgument("array") }
            let start = args.count == 2 ? try args.int(1, "index") : 0
            guard start >= 0, start <= dest.count - a.count else {
                throw MemberFailure.dotnet(.argumentException, "Destination array was not long enough. Check the destination index, length, and the array's lower bounds. (Parameter 'destinationArray')")
            }
            for (k, v) in a.items.enumerated() { dest.items[start + k] = v }
            return .voidResult
        case "getenumerator":
            try args.expect(0)
            return .object(PSArray(a.items))
        case "exists", "find", "findall", "findindex", "findlast", "removeall", "trueforall":
            guard isList else { return nil }
            return try predicateMethod(a, name, args)
        default:
            return nil
        }
    }

    /// List[T] methods taking a Predicate[T]: pwsh converts a script block to the delegate,
    /// which sees the item as `$_` and `$args[0]`.
    private static func predicateMethod(_ a: PSArray, _ name: String, _ args: MethodArgs) throws -> Value {
        try args.expect(1)
        guard case .object(let o) = args[0], let block = o as? ScriptBlock else { throw StringMembers.nullArgument("match") }
        func test(_ v: Value) throws -> Bool {
            let out = try args.hooks.invokeScriptBlock(block, v, [v])
            return out.count == 1 ? Conversion.toBool(out[0]) : out.count > 1
        }
        switch name {
        case "exists": return .bool(try a.items.contains(where: test))
        case "trueforall": return .bool(try a.items.allSatisfy(test))
        case "find": return try a.items.first(where: test) ?? (elementType(a, args.hooks).map { defaultValue($0) } ?? .null)
        case "findlast": return try a.items.last(where: test) ?? (elementType(a, args.hooks).map { defaultValue($0) } ?? .null)
        case "findindex": return .int(Int32(try a.items.firstIndex(where: test) ?? -1))
        case "findall": return .object(PSArray(try a.items.filter(test), kind: a.kind))
        default:
            let before = a.count
            a.items = try a.items.filter { try !test($0) }
            return .int(Int32(before - a.count))
        }
    }

    private static func sortWithScript(_ a: PSArray, _ block: ScriptBlock, _ hooks: RuntimeHooks) throws {
        var failure: Error?
        a.items.sort { x, y in
            guard failure == nil else { return false }
            do {
                let out = try hooks.invokeScriptBlock(block, .null, [x, y])
                if let first = out.first, case .int(let n) = first { return n < 0 }
                return false
            } catch {
                failure = error
                return false
            }
        }
        if let f = failure { throw f }
    }

    /// Comparer.Default ordering: numbers by value, strings by culture, comparable objects by their order.
    static func sortDefault(_ items: inout [Value]) throws {
        var failed = false
        let sorted = items.enumerated().sorted { x, y in
            guard let c = dotnetCompare(x.element, y.element) else { failed = true; return x.offset < y.offset }
            return c != 0 ? c < 0 : x.offset < y.offset
        }
        if failed { throw MemberFailure.dotnet(.invalidOperationException, "Failed to compare two elements in the array.") }
        items = sorted.map { $0.element }
    }

    /// The default value of a .NET type (0 for numbers, $null for references).
    static func defaultValue(_ t: PSType) -> Value {
        switch t.kind {
        case .int32: return .int(0)
        case .int64: return .long(0)
        case .double: return .double(0)
        case .decimal: return .decimal(.zero)
        case .bool: return .bool(false)
        case .char: return .char(0)
        case .sized(let k): return k == .single ? .sized(SizedNumber(single: 0)) : .sized(SizedNumber(kind: k, integer: 0))
        default: return .null
        }
    }

    // MARK: - Equality and order as .NET sees them

    /// Object.Equals: same type and value; strings ordinal; reference objects by identity
    /// unless they are value-like native objects (Version, DateTime, Guid, …).
    static func dotnetEquals(_ x: Value, _ y: Value) -> Bool {
        switch (x, y) {
        case (.null, .null): return true
        case (.string(let p), .string(let q)): return p == q
        case (.object(let p), .object(let q)):
            if p === q { return true }
            if let n = p as? PSNativeObject, let same = n.isEqual(to: y) { return same }
            if let e = p as? PSEnumValue, let f = q as? PSEnumValue { return e.definition === f.definition && e.value == f.value }
            return false
        default: return NumberMembers.equals(x, y)
        }
    }

    /// Comparer.Default: nil when the two cannot be compared.
    static func dotnetCompare(_ x: Value, _ y: Value) -> Int? {
        switch (x, y) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.string(let p), .string(let q)): return StringMembers.cultureCompare(p, q, ignoreCase: false)
        case (.object(let p), .object(let q)):
            if let n = p as? PSNativeObject, let c = n.compare(to: y) { return c }
            if let e = p as? PSEnumValue, let f = q as? PSEnumValue { return e.value < f.value ? -1 : (e.value > f.value ? 1 : 0) }
            return nil
        default:
            guard let p = NumberMembers.asDouble(x), let q = NumberMembers.asDouble(y) else { return nil }
            if case .string = x { return nil }
            if case .string = y { return nil }
            return p < q ? -1 : (p > q ? 1 : 0)
        }
    }

    // MARK: - Hashtables

    static let hashtableMethodNames = [
        "Add", "AsReadOnly", "Clear", "Clone", "Contains", "ContainsKey", "ContainsValue", "CopyTo",
        "GetEnumerator", "GetObjectData", "Insert", "OnDeserialization", "Remove", "RemoveAt",
    ]

    static func hashtablePropertyNames(_ h: PSHashtable) -> [String] {
        h.isOrdered
            ? ["Count", "IsReadOnly", "Keys", "Values", "IsFixedSize", "SyncRoot", "IsSynchronized"]
            : ["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"]
    }

    /// A hashtable's own property after keys were looked up (`name` lower-cased).
    static func hashtableProperty(_ h: PSHashtable, _ name: String) -> Value? {
        switch name {
        case "count": return .int(Int32(clamping: h.count))
        case "keys": return .object(PSArray(h.keys))
        case "values": return .object(PSArray(h.values))
        case "isreadonly", "isfixedsize", "issynchronized": return .bool(false)
        case "syncroot": return .object(h)
        default: return nil
        }
    }

    /// Runs a method of a Hashtable or OrderedDictionary; nil when it has none by that name.
    static func invokeHashtable(_ h: PSHashtable, _ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "item", "get_item":
            // The indexer as a parameterized property: `$h.Item('k')` is `$h['k']`; an
            // OrderedDictionary also takes a position.
            try a.expect(1)
            if h.isOrderedDictionary, case .int(let n) = a[0] {
                guard n >= 0 && Int(n) < h.count else { throw indexRange() }
                return h.values[Int(n)]
            }
            if a[0].isNull { throw MemberFailure.dotnet(.argumentNullException, "Key cannot be null. (Parameter 'key')") }
            return h[a[0]] ?? .null
        case "set_item":
            try a.expect(2)
            if a[0].isNull { throw MemberFailure.dotnet(.argumentNullException, "Key cannot be null. (Parameter 'key')") }
            if let types = h.dictionaryTypes {
                h.set(try dictionaryArgument(a[0], types.key, "key", a), try dictionaryArgument(a[1], types.value, "value", a))
            } else {
                h.set(a[0], a[1])
            }
            return .voidResult
        case "add":
            try a.expect(2)
            if a[0].isNull { throw MemberFailure.dotnet(.argumentNullException, "Key cannot be null. (Parameter 'key')") }
            if let types = h.dictionaryTypes {
                // Dictionary<TKey,TValue>.Add: arguments convert to the type arguments; a key
                // already there is .NET's ArgumentException with the Dictionary wording.
                let key = try dictionaryArgument(a[0], types.key, "key", a)
                let value = try dictionaryArgument(a[1], types.value, "value", a)
                if !h.add(key, value) {
                    throw MemberFailure.dotnet(.argumentException, "An item with the same key has already been added. Key: \(Conversion.toString(key, hooks: a.hooks))")
                }
                return .voidResult
            }
            if !h.add(a[0], a[1]) {
                let existing = h.keys.first { h.hashKey($0) == h.hashKey(a[0]) } ?? a[0]
                let shown = Conversion.toString(existing, hooks: a.hooks), adding = Conversion.toString(a[0], hooks: a.hooks)
                throw MemberFailure.dotnet(.argumentException, "Item has already been added. Key in dictionary: '\(shown)'  Key being added: '\(adding)'")
            }
            return .voidResult
        case "insert":
            guard h.isOrderedDictionary else { return nil }
            try a.expect(3)
            let i = try a.int(0, "index")
            guard i >= 0 && i <= h.count else { throw indexRange() }
            if h.containsKey(a[1]) { throw MemberFailure.dotnet(.argumentException, "An item with the same key has already been added. Key: \(a.string(1))") }
            rebuild(h, inserting: (a[1], a[2]), at: i)
            return .voidResult
        case "removeat":
            guard h.isOrderedDictionary else { return nil }
            try a.expect(1)
            let i = try a.int(0, "index")
            guard i >= 0 && i < h.count else { throw indexRange() }
            h.remove(h.keys[i])
            return .voidResult
        case "remove":
            try a.expect(1)
            if a[0].isNull { throw MemberFailure.dotnet(.argumentNullException, "Key cannot be null. (Parameter 'key')") }
            // Dictionary<K,V>.Remove says whether the key was there; Hashtable.Remove is void.
            let existed = h.isGenericDictionary && h.containsKey(a[0])
            h.remove(a[0])
            return h.isGenericDictionary ? .bool(existed) : .voidResult
        case "clear":
            try a.expect(0)
            h.removeAll()
            return .voidResult
        case "containskey", "contains":
            try a.expect(1)
            if a[0].isNull { throw MemberFailure.dotnet(.argumentNullException, "Key cannot be null. (Parameter 'key')") }
            return .bool(h.containsKey(a[0]))
        case "trygetvalue":
            // Dictionary<K,V>.TryGetValue(key, [ref]$value), as $PSBoundParameters has it.
            guard h.isGenericDictionary else { return nil }
            try a.expect(2)
            if a[0].isNull { throw MemberFailure.dotnet(.argumentNullException, "Value cannot be null. (Parameter 'key')") }
            let found = h[a[0]]
            if case .object(let o) = a[1], let r = o as? PSReference { r.value = found ?? .null }
            return .bool(found != nil)
        case "containsvalue":
            try a.expect(1)
            return .bool(h.values.contains { dotnetEquals($0, a[0]) })
        case "clone":
            try a.expect(0)
            return .object(h.copy())
        case "getenumerator":
            try a.expect(0)
            return .object(PSArray(zip(h.keys, h.values).map { .object(PSDictionaryEntry(key: $0.0, value: $0.1)) }))
        case "copyto":
            try a.expect(2)
            guard let dest = a[0].array else { throw StringMembers.nullArgument("array") }
            let start = try a.int(1, "arrayIndex")
            guard start >= 0, start <= dest.count - h.count else { throw StringMembers.outOfRange("arrayIndex") }
            for (k, pair) in zip(h.keys, h.values).enumerated() {
                dest.items[start + k] = .object(PSDictionaryEntry(key: pair.0, value: pair.1))
            }
            return .voidResult
        default:
            return nil
        }
    }

    /// An argument of a generic Dictionary's method converted to its type argument.
    static func dictionaryArgument(_ v: Value, _ t: PSType, _ parameter: String, _ a: MethodArgs) throws -> Value {
        do {
            return try Conversion.convert(v, to: t, hooks: a.hooks)
        } catch let e as RuntimeError {
            throw MemberFailure.conversion(parameter: parameter, value: v, type: t.fullName, message: e.record.exception.message)
        }
    }

    /// True for a comparer argument that ignores case (`[StringComparer]::OrdinalIgnoreCase`).
    static func isIgnoreCaseComparer(_ v: Value) -> Bool {
        if case .object(let o) = v, let c = o as? PSStringComparer { return c.ignoreCase }
        if case .string(let s) = v { return s.lowercased().hasSuffix("ignorecase") }
        return false
    }

    /// A new `Dictionary<TKey,TValue>` (`[Dictionary[K,V]]::new()`): insertion order, keys
    /// compared as .NET's default comparer does — exactly for strings — unless an IgnoreCase
    /// StringComparer is passed.
    static func newDictionary(_ type: PSType, _ a: MethodArgs) throws -> Value {
        let args = type.genericArguments
        guard args.count == 2 else { throw MemberFailure.noOverload }
        let ignoreCase = a.count == 1 && isIgnoreCaseComparer(a[0])
        let h = PSHashtable(ordered: true, caseInsensitive: ignoreCase)
        h.dictionaryTypes = (args[0], args[1])
        if a.count == 1, let source = a[0].hashtable {
            for (k, v) in zip(source.keys, source.values) {
                h.set(try dictionaryArgument(k, args[0], "key", a), try dictionaryArgument(v, args[1], "value", a))
            }
        }
        return .object(h)
    }

    /// Re-inserts every entry with one new entry at position `index` (OrderedDictionary.Insert).
    private static func rebuild(_ h: PSHashtable, inserting entry: (Value, Value), at index: Int) {
        var pairs = Array(zip(h.keys, h.values))
        pairs.insert(entry, at: index)
        h.removeAll()
        for (k, v) in pairs { h.set(k, v) }
    }
}
