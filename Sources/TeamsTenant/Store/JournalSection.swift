import Foundation

/// One part of the world as the journal sees it, named by its place in the world file
/// (`machine`, `tenant.users`, `tenant.policies`). A section finds what changed in its part since
/// the store last saved, writes that as operations, applies operations read from the journal, and
/// puts the saved state back when a save fails.
///
/// Operations are JSON arrays, the same for every kind of data:
/// - `["set", SECTION, VALUE]` replaces a whole value (`machine`, `random`, a list);
/// - `["put", SECTION, KEY…, VALUE]` replaces the entity with that key, or appends it;
/// - `["del", SECTION, KEY…]` removes it.
/// Keyed lists take one key (`["put","tenant.users","<objectId>",{…}]`); lists kept per policy
/// type take the type first (`["put","tenant.policies","TeamsEnhancedEncryptionPolicy","tag:x",{…}]`).
///
/// The kinds of section (`ValueSection`, `ListSection`, `ListMapSection`, `UserSection`) are
/// generic: new world data plugs in with one line in `JournalSection.all` (see there).
class JournalSection {
    let name: String

    init(name: String) {
        self.name = name
    }

    /// Remembers the world's current state of this part as saved.
    func markSaved(_ view: WorldView) {}

    /// Writes the operations that turn the saved state into the current one; true when there
    /// were any.
    func changes(in view: WorldView, into record: JournalRecord) throws -> Bool { false }

    /// Applies this section's operations of one journal record, in order.
    func apply(_ operations: [JournalOperation], to world: World) throws {}

    /// Puts the saved state back (a save failed). Throws when it cannot; the store then reloads
    /// the world from the file.
    func restoreSaved(in world: World) throws {}
}

/// The world and one copy of its tenant, taken once per save so that the sections do not each
/// copy the tenant (a struct of two dozen arrays and indexes) to read one field of it.
struct WorldView {
    let world: World
    let tenant: Tenant

    init(_ world: World) {
        self.world = world
        tenant = world.tenant
    }
}

/// An operation read from the journal: its verb, keys, and the node of its value.
struct JournalOperation {
    enum Verb: String {
        case set, put, del
    }

    let verb: Verb
    let section: String
    let keys: [String]
    /// The value's node in `document` (`set` and `put`).
    let value: Int?
    let document: JSONDocument

    /// Reads `[verb, section, key…, value?]`; nil when the array is not one.
    init?(document: JSONDocument, node: Int) {
        guard document.nodes[node].kind == .array else { return nil }
        let parts = document.elements(of: node)
        guard parts.count >= 2, document.nodes[parts[0]].kind == .string, document.nodes[parts[1]].kind == .string,
            let verbText = document.string(parts[0]), let verb = Verb(rawValue: verbText),
            let section = document.string(parts[1])
        else { return nil }
        let rest = Array(parts.dropFirst(2))
        let keyNodes = verb == .del ? rest : Array(rest.dropLast())
        var keys: [String] = []
        for key in keyNodes {
            guard document.nodes[key].kind == .string, let text = document.string(key) else { return nil }
            keys.append(text)
        }
        if verb != .del && rest.isEmpty { return nil }
        self.verb = verb
        self.section = section
        self.keys = keys
        value = verb == .del ? nil : rest.last
        self.document = document
    }

    /// The operation's value decoded as `T`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        guard let value else { throw JournalApplyError(operation: "\(verb.rawValue) \(section) has no value") }
        return try document.decodeValue(type, value)
    }

}

/// One journal record being written, `{"ops":[…]}`: each operation's value is streamed into it
/// as the sections find them (`CompactEncoder`), with no tree in between.
final class JournalRecord {
    private let encoder = CompactEncoder(capacity: 1_024)
    private(set) var isEmpty = true

    init() {
        encoder.append("{\"ops\":[")
    }

    private func begin(_ verb: JournalOperation.Verb, _ section: String, _ keys: [String]) {
        if !isEmpty { encoder.append(UInt8(ascii: ",")) }
        isEmpty = false
        encoder.append(UInt8(ascii: "["))
        encoder.appendString(verb.rawValue)
        encoder.append(UInt8(ascii: ","))
        encoder.appendString(section)
        for key in keys {
            encoder.append(UInt8(ascii: ","))
            encoder.appendString(key)
        }
    }

    /// `["set", section, keys…, value]` or `["put", section, keys…, value]`.
    func add<Value: Encodable>(_ verb: JournalOperation.Verb, _ section: String, keys: [String] = [], value: Value) throws {
        begin(verb, section, keys)
        encoder.append(UInt8(ascii: ","))
        try encoder.encode(value)
        encoder.append(UInt8(ascii: "]"))
    }

    /// `["del", section, keys…]`.
    func remove(_ section: String, keys: [String]) {
        begin(.del, section, keys)
        encoder.append(UInt8(ascii: "]"))
    }

    /// The record's JSON text.
    var json: [UInt8] {
        var bytes = encoder.bytes
        bytes.append(contentsOf: Array("]}".utf8))
        return bytes
    }
}

/// A journal operation this teamsh cannot apply (a damaged or foreign journal): the store reloads
/// the file instead.
struct JournalApplyError: Error {
    let operation: String
}

// MARK: - Value

/// A value replaced whole when it changes (`machine`, `random`, the tenant's name). Changes are
/// found by comparing with the saved copy; keep such values small, since each change to one is
/// written whole.
final class ValueSection<Value: Codable & Equatable>: JournalSection {
    private let get: (WorldView) -> Value
    private let set: (World, Value) -> Void
    private let saved: SavedState<Value?>
    // Made in `init`, where `Value` is a known type, so they run specialized code: the
    // overridden methods below are generic code, several times slower, and run on every save.
    private let remember: (WorldView) -> Void
    private let write: (WorldView, JournalRecord) throws -> Bool

    init(_ name: String, get: @escaping (WorldView) -> Value, set: @escaping (World, Value) -> Void) {
        let saved = SavedState<Value?>(nil)
        self.get = get
        self.set = set
        self.saved = saved
        remember = { saved.value = get($0) }
        write = { view, record in
            let current = get(view)
            guard current != saved.value else { return false }
            try record.add(.set, name, value: current)
            return true
        }
        super.init(name: name)
    }

    override func markSaved(_ view: WorldView) { remember(view) }

    override func changes(in view: WorldView, into record: JournalRecord) throws -> Bool { try write(view, record) }

    override func apply(_ operations: [JournalOperation], to world: World) throws {
        for operation in operations {
            guard operation.verb == .set, operation.keys.isEmpty else {
                throw JournalApplyError(operation: "\(operation.verb.rawValue) \(name)")
            }
            set(world, try operation.decodeValue(Value.self))
        }
    }

    override func restoreSaved(in world: World) throws {
        if let value = saved.value, get(WorldView(world)) != value { set(world, value) }
    }
}

/// A section's saved state, shared with the closures the section makes in its `init`.
final class SavedState<State> {
    var value: State

    init(_ value: State) {
        self.value = value
    }
}

// MARK: - Keyed list

/// The changes between two versions of a keyed list, as element operations: the entities that
/// are new or differ, and the keys that are gone. Nil when that cannot describe it: the order of
/// the remaining entities changed, a new one is not at the end, or two share a key. Applying
/// replaces an entity in place and appends a new one, so those cases are written whole instead.
func keyedListChanges<Element: Equatable>(from saved: [Element], to current: [Element], key: (Element) -> String)
    -> (puts: [Element], deletes: [String])?
{
    // The common changes first, without hashing every key: entities added at the end, or one
    // changed in place (a policy created or set among thousands).
    var prefix = 0
    while prefix < saved.count, prefix < current.count, saved[prefix] == current[prefix] { prefix += 1 }
    if prefix == saved.count, current.count - prefix <= 8 {
        var added: [String] = []
        for element in current[prefix...] {
            let newKey = key(element)
            if added.contains(newKey) || saved.contains(where: { key($0) == newKey }) { return nil }
            added.append(newKey)
        }
        return (Array(current[prefix...]), [])
    }
    if prefix < saved.count, current.count == saved.count, key(saved[prefix]) == key(current[prefix]),
        current[(prefix + 1)...] == saved[(prefix + 1)...]
    {
        return ([current[prefix]], [])
    }
    var savedPositions: [String: Int] = [:]
    savedPositions.reserveCapacity(saved.count)
    for (position, element) in saved.enumerated() where savedPositions.updateValue(position, forKey: key(element)) != nil {
        return nil
    }
    var puts: [Element] = []
    var currentKeys = Set<String>()
    currentKeys.reserveCapacity(current.count)
    var lastSavedPosition = -1
    var sawNew = false
    for element in current {
        let elementKey = key(element)
        guard currentKeys.insert(elementKey).inserted else { return nil }
        if let position = savedPositions[elementKey] {
            if sawNew || position < lastSavedPosition { return nil }
            lastSavedPosition = position
            if saved[position] != element { puts.append(element) }
        } else {
            sawNew = true
            puts.append(element)
        }
    }
    let deletes = saved.map(key).filter { !currentKeys.contains($0) }
    return (puts, deletes)
}

/// Applies element operations to a keyed list: put replaces the entity with the key or appends
/// it, del removes it, set replaces the list.
func applyKeyedList<Element: Decodable>(_ list: inout [Element], _ operation: JournalOperation, keyIndex: Int,
                                        key: (Element) -> String) throws
{
    switch operation.verb {
    case .set:
        list = try operation.decodeValue([Element].self)
    case .put:
        guard operation.keys.count > keyIndex else { throw JournalApplyError(operation: "put \(operation.section)") }
        let element = try operation.decodeValue(Element.self)
        if let position = list.firstIndex(where: { key($0) == operation.keys[keyIndex] }) {
            list[position] = element
        } else {
            list.append(element)
        }
    case .del:
        guard operation.keys.count > keyIndex else { throw JournalApplyError(operation: "del \(operation.section)") }
        list.removeAll { key($0) == operation.keys[keyIndex] }
    }
}

/// A list of entities with keys (groups, calls). Changes are found by comparing with the saved
/// copy, which is instant while the list is untouched and costs one pass over it when it changed;
/// only the entities that differ are written. `set` must rebuild any index the tenant keeps.
final class ListSection<Element: Codable & Equatable>: JournalSection {
    private let get: (Tenant) -> [Element]
    private let set: (World, [Element]) -> Void
    private let key: (Element) -> String
    private let saved = SavedState<[Element]>([])
    // Made in `init`, where `Element` is known (see `ValueSection`).
    private let remember: (WorldView) -> Void
    private let write: (WorldView, JournalRecord) throws -> Bool

    init(_ name: String, get: @escaping (Tenant) -> [Element], set: @escaping (World, [Element]) -> Void,
         key: @escaping (Element) -> String)
    {
        let saved = self.saved
        self.get = get
        self.set = set
        self.key = key
        remember = { saved.value = get($0.tenant) }
        write = { view, record in
            let current = get(view.tenant)
            guard current != saved.value else { return false }
            guard let diff = keyedListChanges(from: saved.value, to: current, key: key) else {
                try record.add(.set, name, value: current)
                return true
            }
            for gone in diff.deletes { record.remove(name, keys: [gone]) }
            for element in diff.puts { try record.add(.put, name, keys: [key(element)], value: element) }
            return !diff.deletes.isEmpty || !diff.puts.isEmpty
        }
        super.init(name: name)
    }

    override func markSaved(_ view: WorldView) { remember(view) }

    override func changes(in view: WorldView, into record: JournalRecord) throws -> Bool { try write(view, record) }

    override func apply(_ operations: [JournalOperation], to world: World) throws {
        var list = get(world.tenant)
        for operation in operations { try applyKeyedList(&list, operation, keyIndex: 0, key: key) }
        set(world, list)
    }

    override func restoreSaved(in world: World) throws {
        if get(world.tenant) != saved.value { set(world, saved.value) }
    }
}

/// Keyed lists kept per name (policy instances and group assignments per policy type). Each
/// name's list is compared on its own, so a change to one policy type writes only its changes.
final class ListMapSection<Element: Codable & Equatable>: JournalSection {
    private let get: (Tenant) -> [String: [Element]]
    private let set: (World, [String: [Element]]) -> Void
    private let key: (Element) -> String
    private let saved = SavedState<[String: [Element]]>([:])
    // Made in `init`, where `Element` is known (see `ValueSection`).
    private let remember: (WorldView) -> Void
    private let write: (WorldView, JournalRecord) throws -> Bool

    init(_ name: String, get: @escaping (Tenant) -> [String: [Element]], set: @escaping (World, [String: [Element]]) -> Void,
         key: @escaping (Element) -> String)
    {
        let saved = self.saved
        self.get = get
        self.set = set
        self.key = key
        remember = { saved.value = get($0.tenant) }
        write = { view, record in
            let current = get(view.tenant)
            guard current != saved.value else { return false }
            var wrote = false
            for listName in saved.value.keys.sorted() where current[listName] == nil {
                record.remove(name, keys: [listName])
                wrote = true
            }
            for listName in current.keys.sorted() {
                guard let list = current[listName] else { continue }
                let before = saved.value[listName]
                guard list != before else { continue }
                wrote = true
                guard let before, let diff = keyedListChanges(from: before, to: list, key: key) else {
                    try record.add(.set, name, keys: [listName], value: list)
                    continue
                }
                for gone in diff.deletes { record.remove(name, keys: [listName, gone]) }
                for element in diff.puts { try record.add(.put, name, keys: [listName, key(element)], value: element) }
            }
            return wrote
        }
        super.init(name: name)
    }

    override func markSaved(_ view: WorldView) { remember(view) }

    override func changes(in view: WorldView, into record: JournalRecord) throws -> Bool { try write(view, record) }

    override func apply(_ operations: [JournalOperation], to world: World) throws {
        var map = get(world.tenant)
        for operation in operations {
            guard let listName = operation.keys.first else { throw JournalApplyError(operation: "\(operation.verb.rawValue) \(name)") }
            if operation.keys.count == 1 {
                switch operation.verb {
                case .set: map[listName] = try operation.decodeValue([Element].self)
                case .del: map[listName] = nil
                case .put: throw JournalApplyError(operation: "put \(name) \(listName)")
                }
                continue
            }
            var list = map[listName] ?? []
            try applyKeyedList(&list, operation, keyIndex: 1, key: key)
            map[listName] = list
        }
        set(world, map)
    }

    override func restoreSaved(in world: World) throws {
        if get(world.tenant) != saved.value { set(world, saved.value) }
    }
}

// MARK: - Users

/// The tenant's users: the one list that grows with the tenant (100,000 users and more) and that
/// bulk scripts change one entity at a time. Comparing it would cost O(users) per change, so the
/// tenant notes each user it changes (`Tenant.changedUsers`, kept while a store tracks it) and
/// only those are written. A tenant replaced whole (Import, Reset) arrives without that log, which
/// tells the store to write the whole file instead.
final class UserSection: JournalSection {
    init() {
        super.init(name: "tenant.users")
    }

    override func markSaved(_ view: WorldView) {
        view.world.tenant.changedUsers = ChangedEntities()
    }

    override func changes(in view: WorldView, into record: JournalRecord) throws -> Bool {
        guard let log = view.tenant.changedUsers else { throw WholeWorldChanged() }
        for (key, noted) in zip(log.keysInOrder, log.positions) {
            // Users keep their positions; the lookup is for a list changed in some other way.
            let position = noted < view.tenant.users.count && view.tenant.users[noted].objectId == key
                ? noted : view.tenant.userPosition(key)
            if let position, view.tenant.users[position].objectId == key {
                try record.add(.put, name, keys: [key], value: view.tenant.users[position])
            } else {
                record.remove(name, keys: [key])
            }
        }
        return !log.keysInOrder.isEmpty
    }

    override func apply(_ operations: [JournalOperation], to world: World) throws {
        for operation in operations {
            guard operation.verb == .put, let key = operation.keys.first else {
                throw JournalApplyError(operation: "\(operation.verb.rawValue) \(name)")
            }
            let user = try operation.decodeValue(TenantUser.self)
            try world.tenant.upsertUser(user, objectId: key)
        }
    }

    override func restoreSaved(in world: World) throws {
        guard let log = world.tenant.changedUsers else { throw WholeWorldChanged() }
        for key in log.keysInOrder {
            guard case .some(.some(let before)) = log.before[key] else { throw JournalApplyError(operation: "remove a user") }
            try world.tenant.upsertUser(before, objectId: key)
        }
    }
}

/// The tenant was replaced whole: the store writes the whole file.
struct WholeWorldChanged: Error {}

/// The entities of a large list changed since the world store last saved, by key, each with its
/// value before its first change (nil: it was added), so the store writes only those and can put
/// them back when a save fails.
struct ChangedEntities<Entity: Sendable>: Sendable {
    private(set) var before: [String: Entity?] = [:]
    private(set) var keysInOrder: [String] = []
    /// Where each entity was in its list when it changed.
    private(set) var positions: [Int] = []

    mutating func willChange(key: String, at position: Int, from old: Entity?) {
        guard before.index(forKey: key) == nil else { return }
        before[key] = .some(old)
        keysInOrder.append(key)
        positions.append(position)
    }
}

// MARK: - The sections

extension JournalSection {
    /// Every part of the world the journal records, in the order a record's operations are
    /// applied (users before groups, whose members name them).
    ///
    /// New world data plugs in here with one line, and `WorldStoreTests.testEverySavedKeyHasAJournalSection`
    /// fails until it does:
    /// - a small value (a setting, a short list):
    ///   `ValueSection("tenant.pstnUsages", get: { $0.tenant.pstnUsages }, set: { $0.tenant.pstnUsages = $1 })`;
    /// - a list of entities with keys that stays in the thousands: `ListSection(…, get:, set:, key:)`,
    ///   whose `set` rebuilds the tenant's index of it;
    /// - lists kept per policy type: `ListMapSection("tenant.x", get: { $0.x }, set: { $0.tenant.x = $1 }, key: …)`;
    /// - a list that grows with the users: note each change in the tenant's primitive, as
    ///   `Tenant.updateUser` does for `UserSection`.
    /// New policy types need nothing: their instances and assignments live in `tenant.policies`,
    /// `tenant.groupAssignments` and each user's `policies`.
    static func all() -> [JournalSection] {
        [
            ValueSection("machine", get: { $0.world.machine }, set: { $0.machine = $1 }),
            ValueSection("installedModules", get: { $0.world.installedModules }, set: { $0.installedModules = $1 }),
            ValueSection("repositories", get: { $0.world.repositories }, set: { $0.repositories = $1 }),
            ValueSection("gallery", get: { $0.world.gallery }, set: { $0.gallery = $1 }),
            ValueSection("random", get: { $0.world.random }, set: { $0.random = $1 }),
            ValueSection("tenant.tenantId", get: { $0.tenant.tenantId }, set: { $0.tenant.tenantId = $1 }),
            ValueSection("tenant.displayName", get: { $0.tenant.displayName }, set: { $0.tenant.displayName = $1 }),
            ValueSection("tenant.initialDomain", get: { $0.tenant.initialDomain }, set: { $0.tenant.initialDomain = $1 }),
            ValueSection("tenant.verifiedDomains", get: { $0.tenant.verifiedDomains }, set: { $0.tenant.verifiedDomains = $1 }),
            ValueSection("tenant.adminAccount", get: { $0.tenant.adminAccount }, set: { $0.tenant.adminAccount = $1 }),
            ValueSection("tenant.adminObjectId", get: { $0.tenant.adminObjectId }, set: { $0.tenant.adminObjectId = $1 }),
            ValueSection("tenant.environment", get: { $0.tenant.environment }, set: { $0.tenant.environment = $1 }),
            UserSection(),
            ListSection("tenant.groups", get: { $0.groups }, set: { $0.tenant.replaceGroups($1) }, key: { $0.objectId }),
            // Keys are the stored names (no lower-casing): the tenant refuses names that differ only
            // in case, and a list that does hold two equal keys is written whole.
            ListMapSection("tenant.policies", get: { $0.policies }, set: { $0.tenant.policies = $1 }, key: { $0.identity.name }),
            ListMapSection("tenant.groupAssignments", get: { $0.groupAssignments }, set: { $0.tenant.groupAssignments = $1 },
                           key: { $0.groupId }),
            ListSection("tenant.calls", get: { $0.calls }, set: { $0.tenant.replaceCalls($1) }, key: { $0.callId }),
            ListSection("tenant.batchOperations", get: { $0.batchOperations }, set: { $0.tenant.batchOperations = $1 },
                        key: { $0.operationId }),
            ValueSection("tenant.pstnUsages", get: { $0.tenant.pstnUsages }, set: { $0.tenant.pstnUsages = $1 }),
        ]
    }
}
