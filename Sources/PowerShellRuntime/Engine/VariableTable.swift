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

    /// The layout of the compiled code that owns this scope, if any, and its number, which
    /// compiled code compares with its own before using a slot.
    private(set) var layout: SlotLayout?
    private(set) var layoutID = 0
    /// One strong reference per layout name (nil while the variable does not exist in this
    /// scope), held as unmanaged pointers so that compiled code reads and writes a slot's value
    /// without retaining the variable.
    private var slotBase: UnsafeMutablePointer<Unmanaged<PSVariable>?>?
    private var slotCount = 0
    private var slotCapacity = 0
    private var rest: ContiguousArray<Element> = []
    private var large: [String: PSVariable] = [:]
    private var isLarge = false
    /// Set once a cached lookup has walked through this table: a variable added here could
    /// then hide the one the cache found further up.
    var seenByCache = false

    public init() {}

    deinit {
        emptySlots()
        slotBase?.deallocate()
        dropSpares()
        spareBase?.deallocate()
    }

    // MARK: - Slots

    /// The variable in slot `index` of this table's layout (the caller checked `layoutID`).
    @inline(__always)
    func slot(_ index: Int) -> PSVariable? {
        slotBase.unsafelyUnwrapped[index]?.takeUnretainedValue()
    }

    /// The value of the variable in slot `index`, nil when the slot is empty.
    @inline(__always)
    func slotValue(_ index: Int) -> Value? {
        guard let u = slotBase.unsafelyUnwrapped[index] else { return nil }
        return u._withUnsafeGuaranteedRef { $0.value }
    }

    /// Stores `value` in slot `index` when it holds a plain variable; false otherwise (empty,
    /// or a variable with a type, validation or read-only option to honour).
    @inline(__always)
    func setPlainSlot(_ index: Int, _ value: Value) -> Bool {
        guard let u = slotBase.unsafelyUnwrapped[index] else { return false }
        return u._withUnsafeGuaranteedRef { v in
            guard v.isPlain else { return false }
            v.value = value
            return true
        }
    }

    /// Whether slot `index` is empty.
    @inline(__always)
    func slotIsEmpty(_ index: Int) -> Bool {
        slotBase.unsafelyUnwrapped[index] == nil
    }

    /// Stores a variable in an empty slot (a new variable of this scope).
    @inline(__always)
    func fillSlot(_ index: Int, _ variable: PSVariable) {
        if seenByCache { Scope.generation &+= 1 }
        setSlot(index, variable)
    }

    @inline(__always)
    private func setSlot(_ index: Int, _ variable: PSVariable?) {
        let base = slotBase.unsafelyUnwrapped
        let old = base[index]
        base[index] = variable.map { Unmanaged.passRetained($0) }
        old?.release()
    }

    private func emptySlots() {
        guard let base = slotBase else { return }
        for i in 0..<slotCount {
            if let u = base[i] {
                base[i] = nil
                u.release()
            }
        }
    }

    /// Makes room for `count` empty slots.
    private func makeSlots(_ count: Int) {
        emptySlots()
        if count > slotCapacity {
            dropSpares()
            slotBase?.deallocate()
            spareBase?.deallocate()
            slotBase = UnsafeMutablePointer<Unmanaged<PSVariable>?>.allocate(capacity: count)
            spareBase = UnsafeMutablePointer<Unmanaged<PSVariable>?>.allocate(capacity: count)
            spareBase.unsafelyUnwrapped.initialize(repeating: nil, count: count)
            slotCapacity = count
        }
        if let base = slotBase { base.initialize(repeating: nil, count: count) }
        slotCount = count
    }

    /// Takes on the layout of the code about to run in this scope. Variables already here
    /// under a layout name move into their slots; those of a previous layout move out to the
    /// others, so every variable stays reachable by name.
    func adopt(_ newLayout: SlotLayout) {
        if layout === newLayout { return }
        if let old = layout {
            for (i, name) in old.names.enumerated() {
                if let v = slot(i) { storeOther(name, v) }
            }
        }
        makeSlots(newLayout.names.count)
        layout = newLayout
        layoutID = newLayout.id
        if isLarge || !rest.isEmpty {
            for (i, name) in newLayout.names.enumerated() {
                if let v = takeOther(name) { setSlot(i, v) }
            }
        }
    }

    /// Prepares an empty table (a new or recycled call scope) for `newLayout`.
    @inline(__always)
    func reset(to newLayout: SlotLayout) {
        makeSlots(newLayout.names.count)
        layout = newLayout
        layoutID = newLayout.id
        if sparesLayoutID != layoutID { dropSpares() }
    }

    // MARK: - By name

    public subscript(key: String) -> PSVariable? {
        @inline(__always)
        get {
            if let l = layout, let i = l.slot(of: key) { return slot(i) }
            return other(key)
        }
        set {
            guard let variable = newValue else {
                removeValue(forKey: key)
                return
            }
            if let l = layout, let i = l.slot(of: key) {
                if slotIsEmpty(i), seenByCache { Scope.generation &+= 1 }
                setSlot(i, variable)
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
            let old = slot(i)
            setSlot(i, nil)
            return old
        }
        return takeOther(key)
    }

    /// Empties a table whose scope is being recycled (nothing can hold a cached lookup through
    /// it: the scope gets a new id), keeping its storage and, for the next call of the same
    /// code, the slot variables nothing else holds.
    func removeAllForRecycling() {
        if let base = slotBase, let spares = spareBase {
            for i in 0..<slotCount {
                guard let u = base[i] else { continue }
                base[i] = nil
                var variable = u.takeRetainedValue()
                if isKnownUniquelyReferenced(&variable), spares[i] == nil {
                    variable.value = .null
                    spares[i] = Unmanaged.passRetained(variable)
                }
            }
        }
        sparesLayoutID = layoutID
        if !rest.isEmpty { rest.removeAll(keepingCapacity: true) }
        if isLarge {
            large = [:]
            isLarge = false
        }
        seenByCache = false
    }

    /// The variables of this table's last use, by slot, kept for the next use with the same
    /// layout (see `recycledVariable`).
    private var spareBase: UnsafeMutablePointer<Unmanaged<PSVariable>?>?
    private var sparesLayoutID = 0

    private func dropSpares() {
        guard let spares = spareBase else { return }
        for i in 0..<slotCapacity {
            if let u = spares[i] {
                spares[i] = nil
                u.release()
            }
        }
    }

    /// A parameter variable of the last call of the same code, made what a new one would be,
    /// or nil when there is none to reuse (which saves an allocation per parameter per call).
    @inline(__always)
    func recycledVariable(_ p: PlanParameter, _ value: Value) -> PSVariable? {
        guard sparesLayoutID == layoutID, !p.isSwitch, let spares = spareBase, let u = spares[p.index] else { return nil }
        spares[p.index] = nil
        let v = u.takeRetainedValue()
        guard v.extraTypeNames.isEmpty, v.instanceMembers == nil else { return nil }
        v.reset(value: value, typeConstraint: p.type, validations: p.validations)
        return v
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { count == 0 }
    public var keys: [String] { entries.map(\.key) }
    public var values: [PSVariable] { entries.map(\.value) }

    private var entries: [Element] {
        var all: [Element] = []
        if let l = layout {
            for (i, name) in l.names.enumerated() {
                if let v = slot(i) { all.append((key: name, value: v)) }
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
    /// A number no other layout has (never 0, which a table without a layout holds).
    let id: Int
    private nonisolated(unsafe) static var nextID = 1
    /// How many of the first slots are the parameters, in declaration order.
    let parameterCount: Int
    private let index: [String: Int]

    init(names: [String], parameterCount: Int) {
        self.names = ContiguousArray(names)
        self.parameterCount = parameterCount
        id = SlotLayout.nextID
        SlotLayout.nextID += 1
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
