import Foundation

/// The policy operations behind each policy type's New/Get/Set/Remove/Grant cmdlets, generic over
/// `PolicyTypeDescriptor`. Every mutating operation checks everything first and throws without
/// changing anything; with `validateOnly` it stops after the checks, which is what `-WhatIf`
/// needs (spec §3: What if is printed only after the not-found and preset checks pass).
extension Tenant {
    /// The descriptor of a policy type of this tenant's catalog, or `unknownPolicyType`.
    public func descriptor(_ policyType: String) throws -> PolicyTypeDescriptor {
        guard let descriptor = catalog.descriptor(named: policyType) else {
            throw TenantError.unknownPolicyType(name: policyType)
        }
        return descriptor
    }

    // MARK: Reading

    /// Every instance of a type: Global first, then presets and custom ones in creation order.
    public func policies(ofType policyType: String) throws -> [PolicyInstance] {
        let descriptor = try self.descriptor(policyType)
        return policies[descriptor.name] ?? Tenant.builtInInstances(of: descriptor)
    }

    /// One instance by identity (`Global`, `Tag:Name` or `Name`); `policyNotFound` names it as
    /// `Tag:Name`.
    public func policy(ofType policyType: String, identity: String) throws -> PolicyInstance {
        let descriptor = try self.descriptor(policyType)
        let parsed = try Tenant.parseIdentity(identity)
        guard let position = instancePosition(descriptor, parsed) else {
            throw TenantError.policyNotFound(identity: parsed.description)
        }
        return policies[descriptor.name]?[position] ?? PolicyInstance(identity: parsed, values: [:])
    }

    /// Instances whose Identity matches a wildcard as given or with `Tag:` in front (the module's
    /// `-Filter`), Global first. Nothing matching is not an error.
    public func policies(ofType policyType: String, filter: String) throws -> [PolicyInstance] {
        let plain = WildcardPattern(filter), tagged = WildcardPattern("Tag:" + filter)
        return try policies(ofType: policyType).filter { instance in
            let identity = instance.identity.description
            return plain.matches(identity) || tagged.matches(identity)
        }
    }

    static func parseIdentity(_ text: String) throws -> PolicyIdentity {
        guard let identity = PolicyIdentity(parsing: text) else { throw TenantError.invalidPolicyIdentity(text: text) }
        return identity
    }

    func instancePosition(_ descriptor: PolicyTypeDescriptor, _ identity: PolicyIdentity) -> Int? {
        policies[descriptor.name]?.firstIndex { $0.identity.matches(identity) }
    }

    /// The instance a `-PolicyName` names (bare or `Tag:`-prefixed), or `policyNameNotFound` with
    /// the name as given.
    func instanceNamed(_ descriptor: PolicyTypeDescriptor, _ policyName: String) throws -> PolicyInstance {
        let bare = PolicyIdentity.stripTagPrefix(policyName)
        guard !bare.isEmpty, let position = instancePosition(descriptor, .tag(bare)),
            let instance = policies[descriptor.name]?[position]
        else { throw TenantError.policyNameNotFound(name: policyName) }
        return instance
    }

    /// `values` with the changes applied, each checked and in canonical form, or the first error
    /// (in setting-name order, so the error a script sees does not depend on hashing).
    static func applying(
        _ changes: [String: PolicySettingChange], to values: [String: PolicyValue], _ descriptor: PolicyTypeDescriptor
    ) throws -> [String: PolicyValue] {
        var result = values
        for name in changes.keys.sorted() {
            guard let change = changes[name] else { continue }
            guard let setting = descriptor.setting(named: name) else {
                throw TenantError.unknownSetting(policyType: descriptor.name, setting: name)
            }
            switch change {
            case .value(let value):
                result[setting.name] = try setting.canonical(value)
            case .modify(let add, let remove, let replace):
                guard setting.kind.isList else {
                    throw TenantError.invalidSettingType(
                        setting: setting.name, value: "@{Add/Remove/Replace}", typeName: setting.typeNameForErrors)
                }
                var items = try replace.map { try setting.canonical(.list($0)).listItems }
                    ?? (result[setting.name] ?? .null).listItems
                for item in try setting.canonical(.list(add)).listItems where !items.contains(item) {
                    items.append(item)
                }
                let removed = try setting.canonical(.list(remove)).listItems
                items.removeAll { item in removed.contains { Tenant.sameElement($0, item, setting.kind) } }
                result[setting.name] = .list(items)
            }
        }
        return result
    }

    /// Whether a PSListModifier's Remove item names a list element: records by their key field
    /// (case-insensitively), strings case-insensitively.
    static func sameElement(_ removal: PolicyValue, _ element: PolicyValue, _ kind: PolicySettingKind) -> Bool {
        if case .objectList(let recordType) = kind {
            let a = removal.field(recordType.keyField)?.description.lowercased()
            return a != nil && a == element.field(recordType.keyField)?.description.lowercased()
        }
        return removal.description.lowercased() == element.description.lowercased()
    }

    /// Plain values as changes.
    static func changes(_ settings: [String: PolicyValue]) -> [String: PolicySettingChange] {
        settings.mapValues { PolicySettingChange.value($0) }
    }

    // MARK: New / Set / Remove

    /// Creates `Tag:Name` with the given settings over the type's defaults and returns it.
    @discardableResult
    public mutating func newPolicy(
        ofType policyType: String, identity: String, settings: [String: PolicyValue] = [:], validateOnly: Bool = false
    ) throws -> PolicyInstance {
        try newPolicy(ofType: policyType, identity: identity, changes: Tenant.changes(settings), validateOnly: validateOnly)
    }

    /// Creates `Tag:Name` with the given changes over the type's defaults and returns it.
    @discardableResult
    public mutating func newPolicy(
        ofType policyType: String, identity: String, changes: [String: PolicySettingChange], validateOnly: Bool = false
    ) throws -> PolicyInstance {
        let descriptor = try self.descriptor(policyType)
        let parsed = try Tenant.parseIdentity(identity)
        if !descriptor.namesMayContainSpaces, parsed.name.contains(where: \.isWhitespace) {
            throw TenantError.policyNameContainsSpaces(name: parsed.name)
        }
        if let existing = instancePosition(descriptor, parsed), let instance = policies[descriptor.name]?[existing] {
            // Named as stored: `-Identity dup` reports the existing `Tag:Dup`.
            throw TenantError.policyAlreadyExists(identity: instance.identity.description)
        }
        if parsed.isGlobal { throw TenantError.policyAlreadyExists(identity: "Global") }
        let values = try Tenant.applying(changes, to: descriptor.newInstanceValues(named: parsed.name), descriptor)
        let instance = PolicyInstance(identity: parsed, values: values)
        if !validateOnly { policies[descriptor.name, default: Tenant.builtInInstances(of: descriptor)].append(instance) }
        return instance
    }

    /// Changes settings of an instance (`nil` identity means Global, as Set's default) and returns
    /// the instance as it is afterwards.
    @discardableResult
    public mutating func setPolicy(
        ofType policyType: String, identity: String? = nil, settings: [String: PolicyValue], validateOnly: Bool = false
    ) throws -> PolicyInstance {
        try setPolicy(ofType: policyType, identity: identity, changes: Tenant.changes(settings), validateOnly: validateOnly)
    }

    /// Applies changes to an instance (`nil` identity means Global) and returns it as it is after.
    @discardableResult
    public mutating func setPolicy(
        ofType policyType: String, identity: String? = nil, changes: [String: PolicySettingChange],
        validateOnly: Bool = false
    ) throws -> PolicyInstance {
        let descriptor = try self.descriptor(policyType)
        let parsed = try Tenant.parseIdentity(identity ?? "Global")
        guard let position = instancePosition(descriptor, parsed), var instance = policies[descriptor.name]?[position]
        else { throw TenantError.policyNotFound(identity: parsed.description) }
        if instance.isPreset { throw TenantError.presetIsReadOnly(identity: instance.identity.description) }
        instance.values = try Tenant.applying(changes, to: instance.values, descriptor)
        if !validateOnly { policies[descriptor.name]?[position] = instance }
        return instance
    }

    /// Deletes a custom instance and the assignments that name it (its users fall back to their
    /// groups or Global); on `Global` it resets Global to the type's defaults instead.
    // NOTE: what the service does with assignments of a removed policy is unknown; clearing them
    // keeps every stored assignment pointing at an existing instance.
    public mutating func removePolicy(ofType policyType: String, identity: String, validateOnly: Bool = false) throws {
        let descriptor = try self.descriptor(policyType)
        let parsed = try Tenant.parseIdentity(identity)
        guard let position = instancePosition(descriptor, parsed), let instance = policies[descriptor.name]?[position]
        else { throw TenantError.policyNotFound(identity: parsed.description) }
        if instance.isPreset { throw TenantError.presetIsReadOnly(identity: instance.identity.description) }
        if validateOnly { return }
        if instance.identity.isGlobal {
            policies[descriptor.name]?[position].values = descriptor.globalDefaultValues
            return
        }
        policies[descriptor.name]?.remove(at: position)
        let removedName = instance.identity.name.lowercased()
        for userPosition in users.indices
        where users[userPosition].policies[descriptor.name].map(PolicyIdentity.stripTagPrefix)?.lowercased() == removedName {
            updateUser(at: userPosition) { $0.policies[descriptor.name] = nil }
        }
        if let assignments = groupAssignments[descriptor.name] {
            groupAssignments[descriptor.name] = Tenant.renumbered(
                assignments.filter { $0.policyName.lowercased() != removedName })
        }
    }

    // MARK: Grant

    /// Assigns a policy to one user (`policyName` nil or empty unassigns). The stored name is the
    /// one given, without `Tag:`, which is what Get-CsOnlineUser shows.
    public mutating func grantPolicy(
        ofType policyType: String, toUser userIdentity: String, policyName: String?, validateOnly: Bool = false
    ) throws {
        let descriptor = try self.descriptor(policyType)
        let position = try requireUserPosition(userIdentity)
        var storedName: String?
        if let policyName, !policyName.isEmpty {
            _ = try instanceNamed(descriptor, policyName)
            storedName = PolicyIdentity.stripTagPrefix(policyName)
        }
        if validateOnly { return }
        updateUser(at: position) { $0.policies[descriptor.name] = storedName }
    }

    /// `Grant -Global`: copies the named policy's configuration settings into Global (its
    /// Description stays); nil resets Global to the defaults.
    public mutating func grantPolicyGlobally(ofType policyType: String, policyName: String?, validateOnly: Bool = false)
        throws
    {
        let descriptor = try self.descriptor(policyType)
        guard let globalPosition = instancePosition(descriptor, .global) else {
            throw TenantError.policyNotFound(identity: "Global")
        }
        var values = descriptor.globalDefaultValues
        if let policyName, !policyName.isEmpty {
            let source = try instanceNamed(descriptor, policyName)
            values = policies[descriptor.name]?[globalPosition].values ?? values
            for setting in descriptor.settings where setting.isConfiguration {
                values[setting.name] = source.value(setting.name)
            }
        }
        if validateOnly { return }
        policies[descriptor.name]?[globalPosition].values = values
    }

    /// `Grant -Group X [-Rank n]`: assigns (or re-assigns) a policy to a group at a rank (last
    /// when no rank is given; an existing assignment keeps its place unless a rank is given);
    /// nil or empty `policyName` removes the group's assignment.
    public mutating func grantPolicyToGroup(
        ofType policyType: String, group groupIdentity: String, policyName: String?, rank: Int? = nil, at time: Date,
        validateOnly: Bool = false
    ) throws {
        let descriptor = try self.descriptor(policyType)
        let group = try requireGroup(groupIdentity)
        guard let policyName, !policyName.isEmpty else {
            if !validateOnly { removeGroupAssignment(descriptor, groupId: group.objectId) }
            return
        }
        _ = try instanceNamed(descriptor, policyName)
        if let rank, rank < 1 { throw TenantError.invalidRank(rank) }
        var assignments = groupAssignments[descriptor.name] ?? []
        let bare = PolicyIdentity.stripTagPrefix(policyName)
        if let existing = assignments.firstIndex(where: { $0.groupId == group.objectId }) {
            if validateOnly { return }
            var assignment = assignments[existing]
            assignment.policyName = bare
            if let rank {
                assignments.remove(at: existing)
                assignments.insert(assignment, at: min(rank - 1, assignments.count))
            } else {
                assignments[existing] = assignment
            }
        } else {
            guard assignments.count < descriptor.maximumGroupAssignments else {
                throw TenantError.tooManyGroupAssignments(
                    policyType: descriptor.name, maximum: descriptor.maximumGroupAssignments)
            }
            if validateOnly { return }
            let assignment = GroupPolicyAssignment(
                groupId: group.objectId, policyType: descriptor.name, policyName: bare, rank: 0, createdTime: time,
                createdBy: adminObjectId)
            assignments.insert(assignment, at: min((rank ?? Int.max) - 1, assignments.count))
        }
        groupAssignments[descriptor.name] = Tenant.renumbered(assignments)
    }

    private mutating func removeGroupAssignment(_ descriptor: PolicyTypeDescriptor, groupId: String) {
        guard let assignments = groupAssignments[descriptor.name] else { return }
        groupAssignments[descriptor.name] = Tenant.renumbered(assignments.filter { $0.groupId != groupId })
    }

    // MARK: Group policy assignment cmdlets

    /// Group assignments, optionally of one type and/or one group, each type in rank order.
    public func groupPolicyAssignments(ofType policyType: String? = nil, group groupIdentity: String? = nil) throws
        -> [GroupPolicyAssignment]
    {
        let types = try policyType.map { [try self.descriptor($0)] } ?? catalog.descriptors
        let groupId = try groupIdentity.map { try requireGroup($0).objectId }
        return types.flatMap { descriptor in
            (groupAssignments[descriptor.name] ?? []).filter { groupId == nil || $0.groupId == groupId }
        }
    }

    /// `New-CsGroupPolicyAssignment`: refuses a group that already has an assignment of the type.
    @discardableResult
    public mutating func newGroupPolicyAssignment(
        group groupIdentity: String, policyType: String, policyName: String, rank: Int? = nil, at time: Date,
        validateOnly: Bool = false
    ) throws -> GroupPolicyAssignment {
        let descriptor = try self.descriptor(policyType)
        if !descriptor.assignment.groupPolicyAssignment {
            throw TenantError.groupAssignmentNotSupported(policyType: descriptor.name)
        }
        let group = try requireGroup(groupIdentity)
        if (groupAssignments[descriptor.name] ?? []).contains(where: { $0.groupId == group.objectId }) {
            throw TenantError.groupAssignmentExists(group: groupIdentity, policyType: descriptor.name)
        }
        try grantPolicyToGroup(
            ofType: descriptor.name, group: group.objectId, policyName: policyName, rank: rank, at: time,
            validateOnly: validateOnly)
        if validateOnly {
            return GroupPolicyAssignment(
                groupId: group.objectId, policyType: descriptor.name,
                policyName: PolicyIdentity.stripTagPrefix(policyName), rank: rank ?? 0, createdTime: time,
                createdBy: adminObjectId)
        }
        guard let created = try groupPolicyAssignments(ofType: descriptor.name, group: group.objectId).first else {
            throw TenantError.groupAssignmentNotFound(group: groupIdentity, policyType: descriptor.name)
        }
        return created
    }

    /// `Set-CsGroupPolicyAssignment`: changes the policy and/or rank of an existing assignment.
    public mutating func setGroupPolicyAssignment(
        group groupIdentity: String, policyType: String, policyName: String? = nil, rank: Int? = nil,
        validateOnly: Bool = false
    ) throws {
        let descriptor = try self.descriptor(policyType)
        if !descriptor.assignment.groupPolicyAssignment {
            throw TenantError.groupAssignmentNotSupported(policyType: descriptor.name)
        }
        let group = try requireGroup(groupIdentity)
        guard let existing = (groupAssignments[descriptor.name] ?? []).first(where: { $0.groupId == group.objectId })
        else { throw TenantError.groupAssignmentNotFound(group: groupIdentity, policyType: descriptor.name) }
        try grantPolicyToGroup(
            ofType: descriptor.name, group: group.objectId, policyName: policyName ?? existing.policyName, rank: rank,
            at: existing.createdTime, validateOnly: validateOnly)
    }

    /// `Remove-CsGroupPolicyAssignment`: the ranks below move up.
    public mutating func removeGroupPolicyAssignment(
        group groupIdentity: String, policyType: String, validateOnly: Bool = false
    ) throws {
        let descriptor = try self.descriptor(policyType)
        let group = try requireGroup(groupIdentity)
        guard (groupAssignments[descriptor.name] ?? []).contains(where: { $0.groupId == group.objectId }) else {
            throw TenantError.groupAssignmentNotFound(group: groupIdentity, policyType: descriptor.name)
        }
        if !validateOnly { removeGroupAssignment(descriptor, groupId: group.objectId) }
    }

    // MARK: Effective policy

    /// The user's direct assignment of a type, as given to `-PolicyName`, or nil (what
    /// Get-CsOnlineUser shows).
    public func directPolicyName(ofType policyType: String, forUser userIdentity: String) throws -> String? {
        let descriptor = try self.descriptor(policyType)
        return try requireUser(userIdentity).policies[descriptor.name]
    }

    /// Direct assignment, else the best-ranked assignment among the user's groups, else Global.
    /// Costs O(groups of the user).
    public func effectivePolicy(ofType policyType: String, forUser userIdentity: String) throws -> EffectivePolicy {
        let descriptor = try self.descriptor(policyType)
        let position = try requireUserPosition(userIdentity)
        return effectivePolicy(descriptor, userAt: position)
    }

    func effectivePolicy(_ descriptor: PolicyTypeDescriptor, userAt position: Int) -> EffectivePolicy {
        for source in assignmentSources(descriptor, userAt: position) {
            if let instance = try? instanceNamed(descriptor, source.policyName) {
                return EffectivePolicy(policyType: descriptor.name, instance: instance, source: source)
            }
        }
        let global = (policies[descriptor.name] ?? Tenant.builtInInstances(of: descriptor))[0]
        return EffectivePolicy(policyType: descriptor.name, instance: global, source: .global)
    }

    /// Every assignment of a type that reaches a user: direct first, then their groups' by rank.
    func assignmentSources(_ descriptor: PolicyTypeDescriptor, userAt position: Int) -> [PolicyAssignmentSource] {
        var sources: [PolicyAssignmentSource] = []
        if let direct = users[position].policies[descriptor.name], !direct.isEmpty {
            sources.append(.direct(policyName: direct))
        }
        let groupIds = groupIds(ofUserAt: position)
        if !groupIds.isEmpty, let assignments = groupAssignments[descriptor.name], !assignments.isEmpty {
            let memberOf = Set(groupIds)
            for assignment in assignments where memberOf.contains(assignment.groupId) {
                sources.append(.group(groupId: assignment.groupId, policyName: assignment.policyName, rank: assignment.rank))
            }
        }
        return sources
    }

    /// Get-CsUserPolicyAssignment: one row per policy type with a direct or group assignment
    /// (optionally only `policyType`); types that fall back to Global give no row.
    public func policyAssignments(forUser userIdentity: String, policyType: String? = nil) throws
        -> [UserPolicyAssignment]
    {
        let position = try requireUserPosition(userIdentity)
        let types = try policyType.map { [try self.descriptor($0)] } ?? catalog.descriptors
        return types.compactMap { descriptor in
            let sources = assignmentSources(descriptor, userAt: position)
            guard let winner = sources.first else { return nil }
            return UserPolicyAssignment(policyType: descriptor.name, policyName: winner.policyName, policySource: sources)
        }
    }
}
