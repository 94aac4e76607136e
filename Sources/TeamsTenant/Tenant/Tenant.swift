import Foundation

/// The simulated Microsoft Teams tenant: users, groups (and the teams they back), policy instances
/// and assignments of every policy type in its catalog, batch assignment operations, PSTN usages,
/// and the calls users make. A value type; the `World` that owns it is the shared reference.
///
/// Every family's state lives in the same three generic places, keyed by policy type name:
/// `policies`, `groupAssignments` and each user's `policies` (direct assignments), so code that
/// walks a tenant (the world file, a diff of two worlds) needs no per-family code.
///
/// Lookups are O(1): case-insensitive dictionaries from UPN, SIP address, object id, alias and
/// display name to the user's position, rebuilt after decoding (scripts grant policies to tens of
/// thousands of users one call at a time). A user's groups are indexed too, so effective-policy
/// resolution costs O(groups of the user).
public struct Tenant: Sendable {
    public var tenantId: String
    /// The organisation's name (`JayTheAmazing`).
    public var displayName: String
    /// `JayTheAmazing.onmicrosoft.com`.
    public var initialDomain: String
    /// Every verified domain, the initial one first.
    public var verifiedDomains: [String]
    /// The account Connect-MicrosoftTeams signs in as.
    public var adminAccount: String
    public var adminObjectId: String
    /// `AzureCloud`.
    public var environment: String
    /// The policy types this tenant knows (`PolicyCatalog.standard` unless a test gives another).
    public let catalog: PolicyCatalog

    public private(set) var users: [TenantUser] = []
    public private(set) var groups: [TenantGroup] = []
    /// Policy type name → its instances, Global first, then in creation order.
    public internal(set) var policies: [String: [PolicyInstance]] = [:]
    /// Policy type name → group assignments in rank order (rank = position + 1).
    public internal(set) var groupAssignments: [String: [GroupPolicyAssignment]] = [:]
    /// Calls in the order they started.
    public internal(set) var calls: [Call] = []
    /// Batch policy assignment operations in the order they were submitted.
    public internal(set) var batchOperations: [BatchPolicyAssignmentOperation] = []
    /// The tenant's PSTN usages (Get-/Set-CsOnlinePstnUsage), which voice routing policies name.
    public internal(set) var pstnUsages: [String] = []
    /// What loading the tenant from a file left out because teamsh does not simulate it (policy
    /// types, settings, object-list fields), one line per kind; empty for tenants built in memory.
    /// Not saved.
    public internal(set) var loadWarnings: [String] = []

    private var usersByPrincipalName: [String: Int] = [:]
    private var usersBySipAddress: [String: Int] = [:]
    private var usersByObjectId: [String: Int] = [:]
    private var usersByAlias: [String: Int] = [:]
    private var usersByDisplayName: [String: Int] = [:]
    private var groupsByKey: [String: Int] = [:]
    /// User position → positions of the groups the user is a direct member of.
    private var groupsOfUser: [Int: [Int]] = [:]
    private var callsById: [String: Int] = [:]
    /// The users changed since the world store last saved, while a store tracks this tenant (nil
    /// otherwise): the store writes only those to its journal.
    var changedUsers: ChangedEntities<TenantUser>?

    /// An empty tenant holding only each policy type's Global and preset instances.
    public init(
        tenantId: String, displayName: String, initialDomain: String, verifiedDomains: [String],
        adminAccount: String, adminObjectId: String, environment: String = "AzureCloud",
        catalog: PolicyCatalog = .standard
    ) {
        self.tenantId = tenantId
        self.displayName = displayName
        self.initialDomain = initialDomain
        self.verifiedDomains = verifiedDomains
        self.adminAccount = adminAccount
        self.adminObjectId = adminObjectId
        self.environment = environment
        self.catalog = catalog
        for descriptor in catalog.descriptors {
            policies[descriptor.name] = Tenant.builtInInstances(of: descriptor)
        }
    }

    /// Global followed by the presets, as a new tenant has them. A preset's values are Global's
    /// where it does not list them (families.json: exports give only part of each preset).
    static func builtInInstances(of descriptor: PolicyTypeDescriptor) -> [PolicyInstance] {
        let global = descriptor.globalDefaultValues
        return [PolicyInstance(identity: .global, values: global)]
            + descriptor.presets.map { preset in
                var values = global
                for (name, value) in preset.values {
                    if let (settingName, canonical) = try? descriptor.canonicalValue(value, for: name) {
                        values[settingName] = canonical
                    }
                }
                return PolicyInstance(identity: .tag(preset.name), values: values, isPreset: true)
            }
    }

    // MARK: Users

    /// Adds a user; refuses a UPN or object id already in use.
    public mutating func addUser(_ user: TenantUser) throws {
        if usersByPrincipalName[user.userPrincipalName.lowercased()] != nil {
            throw TenantError.duplicateUser(identity: user.userPrincipalName)
        }
        if usersByObjectId[user.objectId.lowercased()] != nil {
            throw TenantError.duplicateUser(identity: user.objectId)
        }
        changedUsers?.willChange(key: user.objectId, at: users.count, from: nil)
        users.append(user)
        indexUser(at: users.count - 1)
    }

    /// Room for `count` more users in the list and its indexes (a 100,000-user file would
    /// otherwise rehash each index a dozen times while it loads).
    mutating func reserveUserCapacity(_ count: Int) {
        users.reserveCapacity(users.count + count)
        for index in [\Tenant.usersByPrincipalName, \.usersByObjectId, \.usersByAlias, \.usersByDisplayName] {
            self[keyPath: index].reserveCapacity(self[keyPath: index].count + count)
        }
    }

    private mutating func indexUser(at position: Int) {
        let user = users[position]
        let upn = CaseFolding.folded(user.userPrincipalName)
        usersByPrincipalName[upn] = position
        usersByObjectId[CaseFolding.folded(user.objectId)] = position
        if let sip = Tenant.sipIndexKey(user.sipAddress, foldedPrincipalName: upn) { usersBySipAddress[sip] = position }
        // Aliases and display names need not be unique: the first user keeps the name.
        let alias = CaseFolding.folded(user.alias)
        if usersByAlias[alias] == nil { usersByAlias[alias] = position }
        let displayName = CaseFolding.folded(user.displayName)
        if usersByDisplayName[displayName] == nil { usersByDisplayName[displayName] = position }
    }

    /// The SIP address index's key for a user, or nil for the usual address, `sip:` + UPN, which
    /// is found through the UPN (only other addresses are indexed).
    private static func sipIndexKey(_ sipAddress: String, foldedPrincipalName upn: String) -> String? {
        switch isUsualSipAddress(sipAddress, foldedPrincipalName: upn) {
        case true?: return nil
        case false?: return CaseFolding.folded(sipAddress)
        case nil:
            let sip = CaseFolding.folded(sipAddress)
            return sip.hasPrefix("sip:") && sip.utf8.dropFirst(4).elementsEqual(upn.utf8) ? nil : sip
        }
    }

    /// Whether an ASCII SIP address is `sip:` + the UPN, any case, compared byte by byte without a
    /// lower-cased copy (a 100,000-user world checks one per user as it loads); nil when either
    /// text is not ASCII, where only Unicode case folding can tell.
    private static func isUsualSipAddress(_ sipAddress: String, foldedPrincipalName upn: String) -> Bool? {
        var sip = sipAddress, name = upn
        return sip.withUTF8 { sip in
            name.withUTF8 { name -> Bool? in
                if name.contains(where: { $0 >= 0x80 }) { return nil }
                var usual = sip.count == name.count + 4
                for (offset, byte) in sip.enumerated() {
                    if byte >= 0x80 { return nil }
                    guard usual else { continue }
                    let expected = offset < 4 ? Tenant.sipScheme[offset] : name[offset - 4]
                    if CaseFolding.fold(byte) != expected { usual = false }
                }
                return usual
            }
        }
    }

    private static let sipScheme = Array("sip:".utf8)

    /// The position of the user an identity names: UPN, SIP address (`sip:` + UPN), object id,
    /// alias or display name, case-insensitively, tried in that order.
    public func userPosition(_ identity: String) -> Int? {
        let folded = CaseFolding.folded(String(identity.trimmingWhitespace()))
        if let position = usersByPrincipalName[folded] ?? usersByObjectId[folded] ?? usersBySipAddress[folded] {
            return position
        }
        if folded.hasPrefix("sip:"), let position = usersByPrincipalName[String(folded.dropFirst(4))] {
            return position
        }
        return usersByAlias[folded] ?? usersByDisplayName[folded]
    }

    /// The user an identity names, or nil.
    public func findUser(_ identity: String) -> TenantUser? {
        userPosition(identity).map { users[$0] }
    }

    /// The user an identity names, or `userNotFound` with the identity as typed.
    public func requireUser(_ identity: String) throws -> TenantUser {
        guard let user = findUser(identity) else { throw TenantError.userNotFound(identity: identity) }
        return user
    }

    func requireUserPosition(_ identity: String) throws -> Int {
        guard let position = userPosition(identity) else { throw TenantError.userNotFound(identity: identity) }
        return position
    }

    /// Changes one user in place; indexes stay valid because keys (UPN, object id) do not change.
    mutating func updateUser(at position: Int, _ change: (inout TenantUser) -> Void) {
        changedUsers?.willChange(key: users[position].objectId, at: position, from: users[position])
        change(&users[position])
    }

    // MARK: Groups

    /// Adds a group; members may be named by any user identity and are stored as object ids.
    public mutating func addGroup(_ group: TenantGroup) throws {
        var group = group
        group.members = try group.members.map { member in
            guard let position = userPosition(member) else { throw TenantError.userNotFound(identity: member) }
            return users[position].objectId
        }
        groups.append(group)
        indexGroup(at: groups.count - 1)
    }

    private mutating func indexGroup(at position: Int) {
        let group = groups[position]
        for key in [group.objectId, group.displayName] + (group.mail.map { [$0] } ?? []) {
            let folded = key.lowercased()
            if groupsByKey[folded] == nil { groupsByKey[folded] = position }
        }
        var seen = Set<Int>()
        for member in group.members {
            guard let userPosition = usersByObjectId[member.lowercased()], seen.insert(userPosition).inserted else {
                continue
            }
            groupsOfUser[userPosition, default: []].append(position)
        }
    }

    /// Rebuilds the group indexes after groups were removed (positions moved).
    mutating func reindexGroups() {
        groupsByKey = [:]
        groupsOfUser = [:]
        for position in groups.indices { indexGroup(at: position) }
    }

    /// Removes a group with its members' links and its group policy assignments.
    mutating func removeGroup(at position: Int) {
        let groupId = groups[position].objectId
        groups.remove(at: position)
        reindexGroups()
        for (type, assignments) in groupAssignments where assignments.contains(where: { $0.groupId == groupId }) {
            groupAssignments[type] = Tenant.renumbered(assignments.filter { $0.groupId != groupId })
        }
    }

    /// Changes one group in place; `reindex` when its keys or members changed.
    mutating func updateGroup(at position: Int, reindex: Bool = false, _ change: (inout TenantGroup) -> Void) {
        change(&groups[position])
        if reindex { reindexGroups() }
    }

    /// The position of the group an identity names.
    func groupPosition(_ identity: String) -> Int? {
        groupsByKey[identity.trimmingWhitespace().lowercased()]
    }

    /// The group an identity names: mail, display name or object id, case-insensitively.
    public func findGroup(_ identity: String) -> TenantGroup? {
        groupsByKey[identity.trimmingWhitespace().lowercased()].map { groups[$0] }
    }

    /// The group an identity names, or `groupNotFound` with the identity as typed.
    public func requireGroup(_ identity: String) throws -> TenantGroup {
        guard let group = findGroup(identity) else { throw TenantError.groupNotFound(identity: identity) }
        return group
    }

    /// The groups a user is a direct member of, in group order.
    public func groups(ofUser identity: String) -> [TenantGroup] {
        guard let position = userPosition(identity) else { return [] }
        return groupIds(ofUserAt: position).compactMap { findGroup($0) }
    }

    func groupIds(ofUserAt position: Int) -> [String] {
        (groupsOfUser[position] ?? []).map { groups[$0].objectId }
    }

    /// Adds a user to a group (no-op when already a member).
    public mutating func addMember(_ userIdentity: String, toGroup groupIdentity: String) throws {
        let userPosition = try requireUserPosition(userIdentity)
        guard let groupPosition = groupsByKey[groupIdentity.trimmingWhitespace().lowercased()] else {
            throw TenantError.groupNotFound(identity: groupIdentity)
        }
        let objectId = users[userPosition].objectId
        guard !groups[groupPosition].members.contains(where: { $0.lowercased() == objectId.lowercased() }) else {
            return
        }
        groups[groupPosition].members.append(objectId)
        groupsOfUser[userPosition, default: []].append(groupPosition)
    }

    // MARK: Calls index

    func callPosition(_ callId: String) -> Int? {
        callsById[callId.trimmingWhitespace().lowercased()]
    }

    mutating func appendCall(_ call: Call) {
        calls.append(call)
        callsById[call.callId.lowercased()] = calls.count - 1
    }

    mutating func updateCall(at position: Int, _ change: (inout Call) -> Void) {
        change(&calls[position])
    }

    // MARK: The world store's access (loading, applying its journal)

    /// Adds the users a world file lists in one step: the list is taken over rather than copied
    /// user by user, and the indexes are made for their final size, so a 100,000-user world loads
    /// without rehashing. Refuses a UPN or object id used twice, as `addUser` does.
    mutating func addUsers(_ newUsers: [TenantUser]) throws {
        guard users.isEmpty, changedUsers == nil else {
            reserveUserCapacity(newUsers.count)
            for user in newUsers { try addUser(user) }
            return
        }
        users = newUsers
        let all = users
        // The indexes are independent: each is built on its own thread where there are processors
        // to spare. They hold what `indexUser` puts in them.
        let built = ParallelWork.run(4) { index -> (keys: [String: Int], sipKeys: [String: Int], duplicate: String?) in
            // Each index reads one field of every user (through the buffer, so no user is copied);
            // the SIP index is built with the UPNs, whose folded form it compares with.
            all.withUnsafeBufferPointer { users in
                var keys: [String: Int] = [:], sipKeys: [String: Int] = [:]
                keys.reserveCapacity(users.count)
                for position in users.indices {
                    switch index {
                    case 0:
                        let name = users[position].userPrincipalName
                        let folded = CaseFolding.folded(name)
                        if keys.updateValue(position, forKey: folded) != nil { return (keys, sipKeys, name) }
                        if let sip = Tenant.sipIndexKey(users[position].sipAddress, foldedPrincipalName: folded) {
                            sipKeys[sip] = position
                        }
                    case 1:
                        let objectId = users[position].objectId
                        if keys.updateValue(position, forKey: CaseFolding.folded(objectId)) != nil { return (keys, sipKeys, objectId) }
                    default:
                        // Aliases and display names need not be unique: the first user keeps the name.
                        let name = CaseFolding.folded(index == 2 ? users[position].alias : users[position].displayName)
                        if keys[name] == nil { keys[name] = position }
                    }
                }
                return (keys, sipKeys, nil)
            }
        }
        // A UPN used twice is reported before an object id used twice, as `addUser` checks them.
        for index in 0..<2 {
            if let duplicate = built[index].duplicate { throw TenantError.duplicateUser(identity: duplicate) }
        }
        usersByPrincipalName = built[0].keys
        usersBySipAddress = built[0].sipKeys
        usersByObjectId = built[1].keys
        usersByAlias = built[2].keys
        usersByDisplayName = built[3].keys
    }

    /// Puts a user as the world store read it from its journal (or back after a failed save):
    /// replaces the user with that object id, or adds it.
    mutating func upsertUser(_ user: TenantUser, objectId: String) throws {
        guard let position = usersByObjectId[objectId.lowercased()] else { return try addUser(user) }
        let old = users[position]
        updateUser(at: position) { $0 = user }
        if old.userPrincipalName != user.userPrincipalName || old.sipAddress != user.sipAddress
            || old.alias != user.alias || old.displayName != user.displayName || old.objectId != user.objectId {
            usersByPrincipalName = [:]
            usersBySipAddress = [:]
            usersByObjectId = [:]
            usersByAlias = [:]
            usersByDisplayName = [:]
            for index in users.indices { indexUser(at: index) }
        }
    }

    /// Replaces the groups as the world store read them from its journal, and rebuilds the group
    /// indexes.
    mutating func replaceGroups(_ newGroups: [TenantGroup]) {
        groups = newGroups
        groupsByKey = [:]
        groupsOfUser = [:]
        for position in groups.indices { indexGroup(at: position) }
    }

    /// Replaces the calls as the world store read them from its journal, and rebuilds their index.
    mutating func replaceCalls(_ newCalls: [Call]) {
        calls = []
        callsById = [:]
        for call in newCalls { appendCall(call) }
    }
}

