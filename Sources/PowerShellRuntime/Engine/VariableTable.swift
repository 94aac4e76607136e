/// A scope's variables by folded name. Most scopes (a call's parameters, a script block's
/// `$_`) hold a handful, and for those a short list searched in order beats hashing: looking a
/// name up costs a few string comparisons instead of a SipHash of the key. The first variable
/// is held inline, so a one-parameter call allocates no list. A table that grows past
/// `smallLimit` (the global scope's) switches to a dictionary for good.
///
/// A class, owned by its scope: reading `scope.variables[name]` is then a plain call, where a
/// struct behind an accessor would cost a coroutine frame (a malloc) or a copy on every read.
/// Adding or removing a variable bumps `Scope.generation`, which invalidates the lookups cached
/// on variable expressions.
public final class VariableTable: Sequence {
    public typealias Element = (key: String, value: PSVariable)

    static let smallLimit = 8

    private var first: Element?
    private var rest: ContiguousArray<Element> = []
    private var large: [String: PSVariable] = [:]
    private var isLarge = false

    public init() {}

    public subscript(key: String) -> PSVariable? {
        @inline(__always)
        get {
            if isLarge { return large[key] }
            guard let head = first else { return nil }
            if head.key == key { return head.value }
            for entry in rest where entry.key == key { return entry.value }
            return nil
        }
        set {
            guard let variable = newValue else {
                removeValue(forKey: key)
                return
            }
            Scope.generation &+= 1
            store(key, variable)
        }
    }

    /// The first variable of a short table, when it has this name.
    @inline(__always)
    func firstVariable(named key: String) -> PSVariable? {
        guard !isLarge, let head = first, head.key == key else { return nil }
        return head.value
    }

    /// Adds a variable to a table no code has looked anything up in yet (a new call's
    /// parameters): nothing can have cached a lookup through it, so caches stay valid.
    @inline(__always)
    public func defineInNewScope(_ key: String, _ variable: PSVariable) {
        store(key, variable)
    }

    private func store(_ key: String, _ variable: PSVariable) {
        if isLarge {
            large[key] = variable
            return
        }
        guard let head = first else {
            first = (key, variable)
            return
        }
        if head.key == key {
            first = (key, variable)
            return
        }
        for i in rest.indices where rest[i].key == key {
            rest[i].value = variable
            return
        }
        if rest.count + 1 < VariableTable.smallLimit {
            rest.append((key, variable))
            return
        }
        large.reserveCapacity(VariableTable.smallLimit * 2)
        large[head.key] = head.value
        for entry in rest { large[entry.key] = entry.value }
        large[key] = variable
        first = nil
        rest = []
        isLarge = true
    }

    @discardableResult
    public func removeValue(forKey key: String) -> PSVariable? {
        Scope.generation &+= 1
        if isLarge { return large.removeValue(forKey: key) }
        guard let head = first else { return nil }
        if head.key == key {
            first = rest.isEmpty ? nil : rest.removeFirst()
            return head.value
        }
        guard let i = rest.firstIndex(where: { $0.key == key }) else { return nil }
        return rest.remove(at: i).value
    }

    /// Empties a table whose scope is being recycled (nothing can hold a cached lookup through
    /// it: the scope gets a new id), keeping the list's storage. Returns the first variable
    /// when nothing else holds it, for the next call to reuse.
    func removeAllForRecycling() -> PSVariable? {
        var spare = first?.value
        first = nil
        if !rest.isEmpty { rest.removeAll(keepingCapacity: true) }
        defer {
            if isLarge {
                large = [:]
                isLarge = false
            }
        }
        guard isKnownUniquelyReferenced(&spare), let variable = spare else { return nil }
        variable.value = .null
        return variable
    }

    public var count: Int { isLarge ? large.count : (first == nil ? 0 : 1 + rest.count) }
    public var isEmpty: Bool { count == 0 }
    public var keys: [String] { entries.map(\.key) }
    public var values: [PSVariable] { entries.map(\.value) }

    private var entries: [Element] {
        if isLarge { return large.map { (key: $0.key, value: $0.value) } }
        guard let head = first else { return [] }
        return [head] + Array(rest)
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        entries.makeIterator()
    }
}
