import Foundation

/// The simulated Microsoft Teams tenant: users, groups, policy instances and assignments, and the
/// calls users make. A value type; the `World` that owns it is the shared reference.
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

    public private(set) var users: [TenantUser] = []
    public private(set) var groups: [TenantGroup] = []
    /// Policy type name → its instances, Global first, then in creation order.
    public internal(set) var policies: [String: [PolicyInstance]] = [:]
    /// Policy type name → group assignments in rank order (rank = position + 1).
    public internal(set) var groupAssignments: [String: [GroupPolicyAssignment]] = [:]
    /// Calls in the order they started.
    public internal(set) var calls: [Call] = []

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
        adminAccount: String, adminObjectId: String, environment: String = "AzureCloud"
    ) {
        self.tenantId = tenantId
        self.displayName = displayName
        self.initialDomain = initialDomain
        self.verifiedDomains = verifiedDomains
        self.adminAccount = adminAccount
        self.adminObjectId = adminObjectId
        self.environment = environment
        for descriptor in PolicyTypeRegistry.all {
            policies[descriptor.name] = Tenant.builtInInstances(of: descriptor)
        }
    }

    /// Global followed by the presets, as a new tenant has them.
    static func builtInInstances(of descriptor: PolicyTypeDescriptor) -> [PolicyInstance] {
        [PolicyInstance(identity: .global, values: descriptor.globalDefaultValues)]
            + descriptor.presets.map { preset in
                PolicyInstance(
                    identity: .tag(preset.name), values: descriptor.defaultValues.merging(preset.values) { $1 },
                    isPreset: true)
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

    private mutating func indexUser(at position: Int) {
        let user = users[position]
        usersByPrincipalName[user.userPrincipalName.lowercased()] = position
        usersByObjectId[user.objectId.lowercased()] = position
        usersBySipAddress[user.sipAddress.lowercased()] = position
        // Aliases and display names need not be unique: the first user keeps the name.
        let alias = user.alias.lowercased()
        if usersByAlias[alias] == nil { usersByAlias[alias] = position }
        let displayName = user.displayName.lowercased()
        if usersByDisplayName[displayName] == nil { usersByDisplayName[displayName] = position }
    }

    /// The position of the user an identity names: UPN, SIP address (`sip:` + UPN), object id,
    /// alias or display name, case-insensitively, tried in that order.
    public func userPosition(_ identity: String) -> Int? {
        let folded = identity.trimmingWhitespace().lowercased()
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
            for user in newUsers { try addUser(user) }
            return
        }
        users = newUsers
        let all = users
        // The five indexes are independent: each is built on its own thread where there are
        // processors to spare.
        let built = ParallelWork.run(5) { index -> (keys: [String: Int], duplicate: String?) in
            // Each index reads one field of every user (through the buffer, so no user is copied).
            all.withUnsafeBufferPointer { users in
                var keys: [String: Int] = [:]
                keys.reserveCapacity(users.count)
                for position in users.indices {
                    switch index {
                    case 0:
                        let name = users[position].userPrincipalName
                        if keys.updateValue(position, forKey: name.foldedForIndex) != nil { return (keys, name) }
                    case 1:
                        let objectId = users[position].objectId
                        if keys.updateValue(position, forKey: objectId.foldedForIndex) != nil { return (keys, objectId) }
                    case 2:
                        keys[users[position].sipAddress.foldedForIndex] = position
                    default:
                        // Aliases and display names need not be unique: the first user keeps the name.
                        let name = (index == 3 ? users[position].alias : users[position].displayName).foldedForIndex
                        if keys[name] == nil { keys[name] = position }
                    }
                }
                return (keys, nil)
            }
        }
        // A UPN used twice is reported before an object id used twice, as `addUser` checks them.
        for index in 0..<2 {
            if let duplicate = built[index].duplicate { throw TenantError.duplicateUser(identity: duplicate) }
        }
        usersByPrincipalName = built[0].keys
        usersByObjectId = built[1].keys
        usersBySipAddress = built[2].keys
        usersByAlias = built[3].keys
        usersByDisplayName = built[4].keys
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

// MARK: - JSON

extension Tenant: Codable {
    private enum CodingKeys: String, CodingKey {
        case tenantId, displayName, initialDomain, verifiedDomains, adminAccount, adminObjectId, environment
        case users, groups, policies, groupAssignments, calls
    }

    /// Reads a tenant, filling what hand-written files leave out (object ids, Global and preset
    /// instances, missing settings) and refusing what cannot be right (unknown policy types or
    /// settings, bad values, members or groups that do not exist, duplicate users).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let initialDomain = try container.decode(String.self, forKey: .initialDomain)
        let adminAccount = try container.decodeIfPresent(String.self, forKey: .adminAccount) ?? "admin@" + initialDomain
        self.init(
            tenantId: try container.decodeIfPresent(String.self, forKey: .tenantId)
                ?? GuidText.derived(from: "tenant:" + initialDomain.lowercased()),
            displayName: try container.decodeIfPresent(String.self, forKey: .displayName)
                ?? initialDomain.split(separator: ".").first.map(String.init) ?? initialDomain,
            initialDomain: initialDomain,
            verifiedDomains: try container.decodeIfPresent([String].self, forKey: .verifiedDomains) ?? [initialDomain],
            adminAccount: adminAccount,
            adminObjectId: try container.decodeIfPresent(String.self, forKey: .adminObjectId)
                ?? GuidText.derived(from: "user:" + adminAccount.lowercased()),
            environment: try container.decodeIfPresent(String.self, forKey: .environment) ?? "AzureCloud")
        let context = TenantDecodingContext(container: container)
        let decodedUsers = try container.decodeIfPresent([TenantUser].self, forKey: .users) ?? []
        try context.wrap(.users) { try addUsers(decodedUsers) }
        for group in try container.decodeIfPresent([TenantGroup].self, forKey: .groups) ?? [] {
            try context.wrap(.groups) { try addGroup(group) }
        }
        let storedPolicies = try container.decodeIfPresent([String: [PolicyInstance]].self, forKey: .policies) ?? [:]
        for (typeName, instances) in storedPolicies {
            guard let descriptor = PolicyTypeRegistry.descriptor(named: typeName) else {
                throw context.error(.policies, "unknown policy type \"\(typeName)\"")
            }
            policies[descriptor.name] = try context.wrap(.policies) { try Tenant.normalised(instances, of: descriptor) }
        }
        let storedAssignments =
            try container.decodeIfPresent([String: [GroupPolicyAssignment]].self, forKey: .groupAssignments) ?? [:]
        for (typeName, assignments) in storedAssignments {
            guard let descriptor = PolicyTypeRegistry.descriptor(named: typeName) else {
                throw context.error(.groupAssignments, "unknown policy type \"\(typeName)\"")
            }
            var ordered: [GroupPolicyAssignment] = []
            // By rank; equal (or missing) ranks keep the file's order.
            let byRank = assignments.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            for var assignment in byRank.map(\.element) {
                let group = try context.wrap(.groupAssignments) { try requireGroup(assignment.groupId) }
                assignment.groupId = group.objectId
                assignment.policyType = descriptor.name
                assignment.policyName = PolicyIdentity.stripTagPrefix(assignment.policyName)
                ordered.append(assignment)
            }
            groupAssignments[descriptor.name] = Tenant.renumbered(ordered)
        }
        try validateAssignments(context)
        for call in try container.decodeIfPresent([Call].self, forKey: .calls) ?? [] {
            appendCall(call)
        }
    }

    /// Refuses direct or group assignments of unknown types or of policies that do not exist, and
    /// stores direct assignments under the type's canonical name.
    private mutating func validateAssignments(_ context: TenantDecodingContext) throws {
        for position in users.indices {
            let user = users[position]
            var canonical: [String: String] = [:]
            for (typeName, policyName) in user.policies {
                guard let descriptor = PolicyTypeRegistry.descriptor(named: typeName) else {
                    throw context.error(.users, "user \(user.userPrincipalName) has unknown policy type \"\(typeName)\"")
                }
                guard (try? instanceNamed(descriptor, policyName)) != nil else {
                    throw context.error(
                        .users, "user \(user.userPrincipalName) is assigned \(descriptor.name) \"\(policyName)\", which does not exist")
                }
                canonical[descriptor.name] = PolicyIdentity.stripTagPrefix(policyName)
            }
            if canonical != user.policies { updateUser(at: position) { $0.policies = canonical } }
        }
        for (typeName, assignments) in groupAssignments {
            guard let descriptor = PolicyTypeRegistry.descriptor(named: typeName) else { continue }
            for assignment in assignments where (try? instanceNamed(descriptor, assignment.policyName)) == nil {
                throw context.error(
                    .groupAssignments, "group \(assignment.groupId) is assigned \(typeName) \"\(assignment.policyName)\", which does not exist")
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenantId, forKey: .tenantId)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(initialDomain, forKey: .initialDomain)
        try container.encode(verifiedDomains, forKey: .verifiedDomains)
        try container.encode(adminAccount, forKey: .adminAccount)
        try container.encode(adminObjectId, forKey: .adminObjectId)
        try container.encode(environment, forKey: .environment)
        try container.encode(users, forKey: .users)
        try container.encode(groups, forKey: .groups)
        try container.encode(policies, forKey: .policies)
        try container.encode(groupAssignments.filter { !$0.value.isEmpty }, forKey: .groupAssignments)
        try container.encode(calls, forKey: .calls)
    }

    /// A type's stored instances made whole: canonical setting names and values, missing settings
    /// at their defaults, Global first (created when absent), presets present and read-only.
    static func normalised(_ instances: [PolicyInstance], of descriptor: PolicyTypeDescriptor) throws -> [PolicyInstance] {
        var global: PolicyInstance?
        var others: [PolicyInstance] = []
        for var instance in instances {
            let base = instance.identity.isGlobal ? descriptor.globalDefaultValues : descriptor.defaultValues
            var values = base
            for (name, value) in instance.values {
                let (canonicalName, canonicalValue) = try descriptor.canonicalValue(value, for: name)
                values[canonicalName] = canonicalValue
            }
            instance.values = values
            if instance.identity.isGlobal {
                instance.isPreset = false
                global = instance
            } else if others.contains(where: { $0.identity.matches(instance.identity) }) {
                throw TenantError.policyAlreadyExists(identity: instance.identity.description)
            } else {
                others.append(instance)
            }
        }
        for preset in builtInInstances(of: descriptor).dropFirst() {
            if let position = others.firstIndex(where: { $0.identity.matches(preset.identity) }) {
                others[position].isPreset = true
            } else {
                // Presets always exist; a fixture that leaves them out still gets them, first.
                let presetCount = others.prefix { $0.isPreset }.count
                others.insert(preset, at: presetCount)
            }
        }
        return [global ?? builtInInstances(of: descriptor)[0]] + others
    }

    /// Ranks set to 1, 2, 3… in the given order.
    static func renumbered(_ assignments: [GroupPolicyAssignment]) -> [GroupPolicyAssignment] {
        assignments.enumerated().map { offset, assignment in
            var copy = assignment
            copy.rank = offset + 1
            return copy
        }
    }
}

/// Turns a model error met while decoding into a DecodingError that names where it happened.
private struct TenantDecodingContext {
    let codingPath: [CodingKey]

    init<Keys>(container: KeyedDecodingContainer<Keys>) {
        codingPath = container.codingPath
    }

    func error(_ key: Tenant.SectionKey, _ detail: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath + [key], debugDescription: detail))
    }

    func wrap<T>(_ key: Tenant.SectionKey, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TenantError {
            throw self.error(key, error.message)
        }
    }
}

extension Tenant {
    /// The sections named in decoding errors.
    enum SectionKey: String, CodingKey {
        case users, groups, policies, groupAssignments
    }
}
