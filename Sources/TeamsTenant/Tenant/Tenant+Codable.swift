import Foundation

// MARK: - JSON

extension Tenant: Codable {
    private enum CodingKeys: String, CodingKey {
        case tenantId, displayName, initialDomain, verifiedDomains, adminAccount, adminObjectId, environment
        case users, groups, policies, groupAssignments, calls, batchOperations, pstnUsages
    }

    /// The decoder's `userInfo` key for a catalog other than the standard one.
    public static let catalogKey = CodingUserInfoKey(rawValue: "teamsh.policyCatalog")!

    /// Reads a tenant, filling what hand-written files leave out (object ids, Global and preset
    /// instances of every policy type, missing settings) and refusing what cannot be right
    /// (bad values, members or groups that do not exist, duplicate users). Policy types,
    /// settings and object-list fields this teamsh does not simulate (a snapshot of a real
    /// tenant has dozens) are left out and named in `loadWarnings`. Files written before a
    /// policy type existed load with that type's built-in instances.
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
            environment: try container.decodeIfPresent(String.self, forKey: .environment) ?? "AzureCloud",
            catalog: decoder.userInfo[Tenant.catalogKey] as? PolicyCatalog ?? .standard)
        let context = TenantDecodingContext(container: container)
        let storedUsers = try container.decodeIfPresent([TenantUser].self, forKey: .users) ?? []
        try context.wrap(.users) { try addUsers(storedUsers) }
        for group in try container.decodeIfPresent([TenantGroup].self, forKey: .groups) ?? [] {
            try context.wrap(.groups) { try addGroup(group) }
        }
        var notes = LoadNotes()
        let storedPolicies = try container.decodeIfPresent([String: [PolicyInstance]].self, forKey: .policies) ?? [:]
        for typeName in storedPolicies.keys.sorted() {
            guard let instances = storedPolicies[typeName] else { continue }
            guard let descriptor = catalog.descriptor(named: typeName) else {
                notes.unknownTypes.insert(typeName)
                continue
            }
            do {
                policies[descriptor.name] = try Tenant.normalised(instances, of: descriptor, notes: &notes)
            } catch let error as SettingValueError {
                // Named down to the setting: tenant.policies.TeamsMeetingPolicy[0].values.AllowMeetNow.
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: container.codingPath + [SectionKey.policies, PathKey(typeName), PathKey(index: error.instance),
                                                        PathKey("values"), PathKey(error.setting)],
                    // The file error's sentence goes on after the detail: no period of its own.
                    debugDescription: error.error.message.hasSuffix(".") ? String(error.error.message.dropLast()) : error.error.message))
            } catch let error as TenantError {
                throw context.error(.policies, error.message)
            }
        }
        let storedAssignments =
            try container.decodeIfPresent([String: [GroupPolicyAssignment]].self, forKey: .groupAssignments) ?? [:]
        for (typeName, assignments) in storedAssignments {
            guard let descriptor = catalog.descriptor(named: typeName) else {
                notes.unknownTypes.insert(typeName)
                continue
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
        try validateAssignments(context, notes: &notes)
        loadWarnings = notes.warnings
        for call in try container.decodeIfPresent([Call].self, forKey: .calls) ?? [] {
            appendCall(call)
        }
        batchOperations = try container.decodeIfPresent([BatchPolicyAssignmentOperation].self, forKey: .batchOperations) ?? []
        pstnUsages = try container.decodeIfPresent([String].self, forKey: .pstnUsages) ?? []
    }

    /// Refuses direct or group assignments of policies that do not exist, leaves out those of
    /// types not simulated, and stores direct assignments under the type's canonical name.
    private mutating func validateAssignments(_ context: TenantDecodingContext, notes: inout LoadNotes) throws {
        for position in users.indices {
            let user = users[position]
            var canonical: [String: String] = [:]
            for (typeName, policyName) in user.policies {
                guard let descriptor = catalog.descriptor(named: typeName) else {
                    notes.unknownTypes.insert(typeName)
                    continue
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
            guard let descriptor = catalog.descriptor(named: typeName) else { continue }
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
        // Microsoft-provided instances are built in: a file holds Global and the custom ones.
        try container.encode(policies.mapValues { $0.filter { !$0.isPreset } }, forKey: .policies)
        try container.encode(groupAssignments.filter { !$0.value.isEmpty }, forKey: .groupAssignments)
        try container.encode(calls, forKey: .calls)
        try container.encode(batchOperations, forKey: .batchOperations)
        try container.encode(pstnUsages, forKey: .pstnUsages)
    }

    /// A type's stored instances made whole: canonical setting names and values, missing settings
    /// at their defaults, Global first (created when absent), presets present and read-only.
    static func normalised(
        _ instances: [PolicyInstance], of descriptor: PolicyTypeDescriptor, notes: inout LoadNotes
    ) throws -> [PolicyInstance] {
        var global: PolicyInstance?
        var others: [PolicyInstance] = []
        for (position, var instance) in instances.enumerated() {
            var values = instance.identity.isGlobal
                ? descriptor.globalDefaultValues : descriptor.newInstanceValues(named: instance.identity.name)
            for name in instance.values.keys.sorted() {
                guard let value = instance.values[name] else { continue }
                guard let setting = descriptor.setting(named: name) else {
                    notes.unknownSettings.insert(descriptor.name + "." + name)
                    continue
                }
                do {
                    values[setting.name] = try setting.canonical(notes.knownFields(value, setting, descriptor))
                } catch let error as TenantError {
                    throw SettingValueError(instance: position, setting: name, error: error)
                }
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

/// A value a setting does not take, with where it is in the type's list of instances.
private struct SettingValueError: Error {
    let instance: Int
    let setting: String
    let error: TenantError
}

/// A step of a decoding error's path below the tenant's sections.
private struct PathKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    init(index: Int) {
        stringValue = String(index)
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

extension Tenant {
    /// The sections named in decoding errors.
    enum SectionKey: String, CodingKey {
        case users, groups, policies, groupAssignments
    }
}

/// What a file held that this teamsh does not simulate, left out while loading and reported once
/// (`Tenant.loadWarnings`): a snapshot of a real tenant carries policy types, settings and
/// object-list fields beyond the families teamsh ships.
struct LoadNotes {
    var unknownTypes = Set<String>()
    /// `Type.Setting`
    var unknownSettings = Set<String>()
    /// `Type.Setting.Field`
    var unknownFields = Set<String>()

    /// An object-list value without the record fields its element type does not have.
    mutating func knownFields(_ value: PolicyValue, _ setting: PolicySettingDescriptor, _ descriptor: PolicyTypeDescriptor)
        -> PolicyValue
    {
        guard case .objectList(let recordType) = setting.kind, case .list(let items) = value else { return value }
        return .list(items.map { item in
            guard case .record(let fields) = item else { return item }
            var kept: [String: PolicyValue] = [:]
            for (name, field) in fields {
                if recordType.field(named: name) != nil {
                    kept[name] = field
                } else {
                    unknownFields.insert(descriptor.name + "." + setting.name + "." + name)
                }
            }
            return .record(kept)
        })
    }

    /// One line per kind of thing left out, names sorted.
    var warnings: [String] {
        var lines: [String] = []
        func add(_ names: Set<String>, _ what: String) {
            guard !names.isEmpty else { return }
            let sorted = names.sorted { $0.lowercased() < $1.lowercased() }
            lines.append("\(sorted.count) \(what) teamsh does not simulate \(sorted.count == 1 ? "was" : "were") left out: "
                + sorted.joined(separator: ", "))
        }
        add(unknownTypes, unknownTypes.count == 1 ? "policy type" : "policy types")
        add(unknownSettings, unknownSettings.count == 1 ? "setting" : "settings")
        add(unknownFields, unknownFields.count == 1 ? "object-list field" : "object-list fields")
        return lines
    }
}
