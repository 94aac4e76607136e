/// A scope's variables by folded name, in two parts:
///
/// - **slots**: when compiled code owns the scope (a function call, a script block invocation,
///   the script at the top level), the scope takes on that code's `SlotLayout` and the
///   variables the code assigns sit at fixed indices, so the code reads and writes them without
///   looking a name up. A slot holds the value itself: a `PSVariable` (the object
///   `Get-Variable`, `[ref]` and a name lookup from a called function see) is made for it only
///   when something asks for the variable by name, and from then on the slot holds that object
///   ("boxed"). A typed parameter's slot keeps its type and converts what is stored.
/// - **others**: every other variable (created by name, by dot-sourced code, by cmdlets). Most
///   scopes hold a handful, and for those a short list searched in order beats hashing; a table
///   that grows past `smallLimit` (the global scope's) switches to a dictionary for good.
///
/// A class, owned by its scope: reading `scope.variables[name]` is then a plain call, where a
/// struct behind an accessor would cost a coroutine frame (a malloc) or a copy on every read.
/// Adding or replacing a variable object in a table a cached lookup has passed through, or
/// removing one, bumps `Scope.generation`, which invalidates the lookups cached on variable expressions.
public final class VariableTable: Sequence {
    public typealias Element = (key: String, value: PSVariable)

    static let smallLimit = 8

    /// What one slot holds.
    enum Slot {
        case empty
        /// A variable of this scope known only to compiled code: its value.
        case value(Value)
        /// A variable that has an object (held retained, released when the slot changes).
        case boxed(Unmanaged<PSVariable>)
    }

    /// The layout of the compiled code that owns this scope, if any, and its number, which
    /// compiled code compares with its own before using a slot.
    private(set) var layout: SlotLayout?
    private(set) var layoutID = 0
    private var slots: UnsafeMutablePointer<Slot>?
    /// A typed parameter's type, per slot (nil: none), so that stores convert.
    private var types: UnsafeMutablePointer<PSType?>?
    private var slotCount = 0
    /// Whether any slot may have a type (so emptying the slots must clear the types too).
    private var hasTypes = false
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
        slots?.deallocate()
        types?.deallocate()
    }

    // MARK: - Slots

    /// The value in slot `index` (the caller checked `layoutID`), nil when the slot is empty.
    @inline(__always)
    func slotValue(_ index: Int) -> Value? {
        switch slots.unsafelyUnwrapped[index] {
        case .value(let v): return v
        case .boxed(let u): return u._withUnsafeGuaranteedRef { $0.value }
        case .empty: return nil
        }
    }

    /// Stores `value` in slot `index` when the slot holds a variable that takes it as it is (a
    /// value without a type, or a plain variable object); false otherwise (empty, typed,
    /// validated, read-only: the general path decides).
    @inline(__always)
    func setPlainSlot(_ index: Int, _ value: Value) -> Bool {
        let base = slots.unsafelyUnwrapped
        switch base[index] {
        case .value:
            if types.unsafelyUnwrapped[index] != nil { return false }
            base[index] = .value(value)
            return true
        case .boxed(let u):
            return u._withUnsafeGuaranteedRef { v in
                guard v.isPlain else { return false }
                v.value = value
                return true
            }
        case .empty:
            return false
        }
    }

    /// Stores `value` in slot `index` when it holds a typed parameter's value, converted by
    /// `convert`; false for any other slot.
    @inline(__always)
    func setTypedSlot(_ index: Int, _ value: Value, _ convert: (Value, PSType) throws -> Value) rethrows -> Bool {
        guard case .value = slots.unsafelyUnwrapped[index], let t = types.unsafelyUnwrapped[index] else { return false }
        slots.unsafelyUnwrapped[index] = .value(try convert(value, t))
        return true
    }

    /// Whether slot `index` is empty.
    @inline(__always)
    func slotIsEmpty(_ index: Int) -> Bool {
        if case .empty = slots.unsafelyUnwrapped[index] { return true }
        return false
    }

    /// Creates a variable of this scope in an empty slot, holding `value` (converted to `type`
    /// on every later store when given).
    @inline(__always)
    func fillSlot(_ index: Int, _ value: Value, type: PSType? = nil) {
        if seenByCache { Scope.generation &+= 1 }
        slots.unsafelyUnwrapped[index] = .value(value)
        if let t = type {
            types.unsafelyUnwrapped[index] = t
            hasTypes = true
        }
    }

    /// Puts a variable object in slot `index` (releasing what the slot held).
    private func setSlot(_ index: Int, _ variable: PSVariable?) {
        let base = slots.unsafelyUnwrapped
        let old = base[index]
        base[index] = variable.map { .boxed(Unmanaged.passRetained($0)) } ?? .empty
        types.unsafelyUnwrapped[index] = nil
        if case .boxed(let u) = old { u.release() }
    }

    /// The variable object of slot `index`, made now when the slot holds only a value.
    func slot(_ index: Int) -> PSVariable? {
        let base = slots.unsafelyUnwrapped
        switch base[index] {
        case .empty:
            return nil
        case .boxed(let u):
            return u.takeUnretainedValue()
        case .value(let v):
            let name = layout?.displayNames[index] ?? ""
            let variable = PSVariable(name: name, value: v, typeConstraint: types.unsafelyUnwrapped[index])
            base[index] = .boxed(Unmanaged.passRetained(variable))
            types.unsafelyUnwrapped[index] = nil
            return variable
        }
    }

    private func emptySlots() {
        guard let base = slots else { return }
        var i = 0
        while i < slotCount {
            if case .boxed(let u) = base[i] { u.release() }
            base[i] = .empty
            i += 1
        }
        if hasTypes {
            let t = types.unsafelyUnwrapped
            i = 0
            while i < slotCount {
                t[i] = nil
                i += 1
            }
            hasTypes = false
        }
    }

    /// Makes room for `count` empty slots; `emptied` says the slots in use are empty already
    /// (a new table, or one emptied for recycling).
    private func makeSlots(_ count: Int, emptied: Bool = false) {
        if !emptied { emptySlots() }
        if count > slotCapacity {
            slots?.deinitialize(count: slotCapacity)
            slots?.deallocate()
            types?.deinitialize(count: slotCapacity)
            types?.deallocate()
            slots = UnsafeMutablePointer<Slot>.allocate(capacity: count)
            slots.unsafelyUnwrapped.initialize(repeating: .empty, count: count)
            types = UnsafeMutablePointer<PSType?>.allocate(capacity: count)
            types.unsafelyUnwrapped.initialize(repeating: nil, count: count)
            slotCapacity = count
        }
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
        makeSlots(newLayout.names.count, emptied: true)
        if layout !== newLayout {
            layout = newLayout
            layoutID = newLayout.id
        }
    }

    /// Empties a table whose scope is being recycled (nothing can hold a cached lookup through
    /// it: the scope gets a new id), keeping its storage.
    func removeAllForRecycling() {
        emptySlots()
        if !rest.isEmpty { rest.removeAll(keepingCapacity: true) }
        if isLarge {
            large = [:]
            isLarge = false
        }
        seenByCache = false
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
            // A cached lookup holds the variable object it found: a new object under the
            // name, added or replacing one, must invalidate it.
            if seenByCache { Scope.generation &+= 1 }
            if let l = layout, let i = l.slot(of: key) {
                setSlot(i, variable)
                return
            }
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

    public var count: Int { entries.count }
    public var isEmpty: Bool { count == 0 }
    public var keys: [String] { entries.map(\.key) }
    public var values: [PSVariable] { entries.map(\.value) }

    /// Every variable, slots first (each gets its object).
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
    /// The names as first written, for the variable objects made for slots.
    let displayNames: ContiguousArray<String>
    /// A number no other layout has (never 0, which a table without a layout holds).
    let id: Int
    private nonisolated(unsafe) static var nextID = 1
    /// How many of the first slots are the parameters, in declaration order.
    let parameterCount: Int
    private let index: [String: Int]

    init(names: [String], displayNames: [String], parameterCount: Int) {
        self.names = ContiguousArray(names)
        self.displayNames = ContiguousArray(displayNames)
        self.parameterCount = parameterCount
        id = SlotLayout.nextID
        SlotLayout.nextID += 1
        var index: [String: Int] = [:]
        if names.count > VariableTable.smallLimit {
            for (i, n) in names.enumerated() where index[n] == nil { index[n] = i }
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
    static let empty = SlotLayout(names: [], displayNames: [], parameterCount: 0)
}
