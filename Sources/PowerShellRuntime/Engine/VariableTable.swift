/// A scope's variables by folded name, in two parts:
///
/// - **slots**: when compiled code owns the scope (a function call, a script block invocation,
///   the script at the top level), the scope takes on that code's `SlotLayout` and the
///   variables the code assigns sit at fixed indices, so the code reads and writes them without
///   looking a name up. Looking the same names up by name (a called function reading them
///   dynamically, `Get-Variable`) finds them through the layout.
/// - **others**: every other variable (created by name, by dot-sourced code, by cmdlets). Most
///   scopes hold a handful, and for those a short list searched in order beats hashing; a table
///   that grows past `smallLimit` (the global scope's) switches to a dictionary for good.
///
/// A class, owned by its scope: reading `scope.variables[name]` is then a plain call, where a
/// struct behind an accessor would cost a coroutine frame (a malloc) or a copy on every read.
/// Adding a variable to a table a cached lookup has passed through, or removing one, bumps
/// `Scope.generation`, which invalidates the lookups cached on variable expressions.
public final class VariableTable: Sequence {
    public typealias Element = (key: String, value: PSVariable)

    static let smallLimit = 8

    /// The layout of the compiled code that owns this scope, if any.
    private(set) var layout: SlotLayout?
    /// One entry per layout name; nil while the variable does not exist in this scope.
    private(set) var slots: ContiguousArray<PSVariable?> = []
    private var rest: ContiguousArray<Element> = []
    private var large: [String: PSVariable] = [:]
    private var isLarge = false
    /// Set once a cached lookup has walked through this table: a variable added here could
    /// then hide the one the cache found further up.
    var seenByCache = false

    public init() {}

    // MARK: - Slots

    /// The variable in slot `index` of this table's layout.
    @inline(__always)
    func slot(_ index: Int) -> PSVariable? {
        slots[index]
    }

    /// Stores a variable in an empty slot (a new variable of this scope).
    @inline(__always)
    func fillSlot(_ index: Int, _ variable: PSVariable) {
        if seenByCache { Scope.generation &+= 1 }
        slots[index] = variable
    }

    /// Takes on the layout of the code about to run in this scope. Variables already here
    /// under a layout name move into their slots; those of a previous layout move out to the
    /// others, so every variable stays reachable by name.
    func adopt(_ newLayout: SlotLayout) {
        if layout === newLayout { return }
        if let old = layout {
            for (i, name) in old.names.enumerated() {
                if let v = slots[i] { storeOther(name, v) }
            }
        }
        layout = newLayout
        slots = ContiguousArray(repeating: nil, count: newLayout.names.count)
        if isLarge || !rest.isEmpty {
            for (i, name) in newLayout.names.enumerated() {
                if let v = takeOther(name) { slots[i] = v }
            }
        }
    }

    /// Prepares an empty table (a new or recycled call scope) for `newLayout`, keeping the slot
    /// storage of its last use.
    @inline(__always)
    func reset(to newLayout: SlotLayout?) {
        layout = newLayout
        let count = newLayout?.names.count ?? 0
        if slots.count == count {
            for i in slots.indices { slots[i] = nil }
        } else {
            slots.removeAll(keepingCapacity: true)
            for _ in 0..<count { slots.append(nil) }
        }
    }

    // MARK: - By name

    public subscript(key: String) -> PSVariable? {
        @inline(__always)
        get {
            if let l = layout, let i = l.slot(of: key) { return slots[i] }
            return other(key)
        }
        set {
            guard let variable = newValue else {
                removeValue(forKey: key)
                return
            }
            if let l = layout, let i = l.slot(of: key) {
                if slots[i] == nil, seenByCache { Scope.generation &+= 1 }
                slots[i] = variable
                return
            }
            if seenByCache, other(key) == nil { Scope.generation &+= 1 }
            storeOther(key, variable)
        }
    }

    @inline(__always)
    private func other(_ key: String) -> PSVariable? {
        if isLarge { return large[key] }
        for entry in rest where entry.key == key { return entry.value }
        return nil
    }

    private func storeOther(_ key: String, _ variable: PSVariable) {
        if isLarge {
            large[key] = variable
            return
        }
        for i in rest.indices where rest[i].key == key {
            rest[i].value = variable
            return
        }
        if rest.count < VariableTable.smallLimit {
            rest.append((key, variable))
            return
        }
        large.reserveCapacity(VariableTable.smallLimit * 2)
        for entry in rest { large[entry.key] = entry.value }
        large[key] = variable
        rest = []
        isLarge = true
    }

    private func takeOther(_ key: String) -> PSVariable? {
        if isLarge { return large.removeValue(forKey: key) }
        guard let i = rest.firstIndex(where: { $0.key == key }) else { return nil }
        return rest.remove(at: i).value
    }

    @discardableResult
    public func removeValue(forKey key: String) -> PSVariable? {
        Scope.generation &+= 1
        if let l = layout, let i = l.slot(of: key) {
            let old = slots[i]
            slots[i] = nil
            return old
        }
        return takeOther(key)
    }

    /// Empties a table whose scope is being recycled (nothing can hold a cached lookup through
    /// it: the scope gets a new id), keeping its storage.
    func removeAllForRecycling() {
        for i in slots.indices { slots[i] = nil }
        if !rest.isEmpty { rest.removeAll(keepingCapacity: true) }
        if isLarge {
            large = [:]
            isLarge = false
        }
        seenByCache = false
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { count == 0 }
    public var keys: [String] { entries.map(\.key) }
    public var values: [PSVariable] { entries.map(\.value) }

    private var entries: [Element] {
        var all: [Element] = []
        if let l = layout {
            for (i, name) in l.names.enumerated() {
                if let v = slots[i] { all.append((key: name, value: v)) }
            }
        }
        if isLarge {
            all += large.map { (key: $0.key, value: $0.value) }
        } else {
            all += rest
        }
        return all
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        entries.makeIterator()
    }
}

/// The variables a script block's own scope keeps in slots, worked out once from its syntax
/// tree (see `VariableAnalysis`): its parameters first, then every variable it assigns.
final class SlotLayout {
    /// Folded names, by slot.
    let names: ContiguousArray<String>
    /// How many of the first slots are the parameters, in declaration order.
    let parameterCount: Int
    private let index: [String: Int]

    init(names: [String], parameterCount: Int) {
        self.names = ContiguousArray(names)
        self.parameterCount = parameterCount
        var index: [String: Int] = [:]
        if names.count > VariableTable.smallLimit {
            for (i, n) in names.enumerated() { index[n] = i }
        }
        self.index = index
    }

    /// The slot of a folded name, if the layout has one.
    @inline(__always)
    func slot(of key: String) -> Int? {
        if names.count > VariableTable.smallLimit { return index[key] }
        var i = 0
        while i < names.count {
            if names[i] == key { return i }
            i += 1
        }
        return nil
    }

    /// The layout of code that keeps no variables in slots.
    static let empty = SlotLayout(names: [], parameterCount: 0)
}
