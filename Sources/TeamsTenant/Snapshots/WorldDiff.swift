import Foundation

/// The changes that turn one world into another, in a stable order: modules, the tenant, PSTN
/// usages, policy instances (the catalog's order of types), groups and teams, group assignments,
/// users, direct assignments, client settings. Within a kind, things keep the first world's order
/// and new ones follow in the second world's order.
///
/// It walks every policy type generically through the catalog and each type's descriptor, so a
/// family added as data appears in plans and diffs with no code of its own. What only the
/// simulation keeps (the clock, the random generator, calls, batch operation records, the
/// gallery and repositories) is not compared.
public enum WorldDiff {
    public static func changes(from old: World, to new: World) -> [WorldChange] {
        var changes = moduleChanges(old.installedModules, new.installedModules)
        let context = Context(old: old.tenant, new: new.tenant)
        changes += context.tenantChanges()
        changes += context.pstnUsageChanges()
        changes += context.policyChanges()
        changes += context.groupChanges()
        changes += context.groupAssignmentChanges()
        changes += context.userChanges()
        return changes
    }

    // MARK: Modules

    /// Per module name: added when it had no version, removed when none is left, changed when
    /// its set of installed versions changed (Update-Module installs beside the old version).
    static func moduleChanges(_ old: [InstalledModule], _ new: [InstalledModule]) -> [WorldChange] {
        func versions(_ modules: [InstalledModule]) -> [String: (name: String, versions: [ModuleVersion])] {
            var table: [String: (name: String, versions: [ModuleVersion])] = [:]
            for module in modules {
                table[module.name.lowercased(), default: (module.name, [])].versions.append(module.version)
            }
            return table.mapValues { ($0.name, $0.versions.sorted()) }
        }
        let before = versions(old), after = versions(new)
        let names = Set(before.keys).union(after.keys).sorted()
        return names.compactMap { key in
            let was = before[key]?.versions ?? [], now = after[key]?.versions ?? []
            guard was != now, let name = after[key]?.name ?? before[key]?.name else { return nil }
            let list = { (versions: [ModuleVersion]) in PolicyValue.list(versions.map { .string($0.description) }) }
            let subject = [(key: "module", value: name)]
            if was.isEmpty {
                return WorldChange(.add, .module, target: "module " + name, subject: subject,
                                   details: [.init("Versions", old: nil, new: list(now))])
            }
            if now.isEmpty {
                return WorldChange(.remove, .module, target: "module " + name, subject: subject,
                                   details: [.init("Versions", old: list(was), new: nil)])
            }
            return WorldChange(.change, .module, target: "module " + name, subject: subject,
                               details: [.init("Versions", old: list(was), new: list(now))])
        }
    }
}

/// The two tenants being compared, with the lookups the comparison needs.
private struct Context {
    let old: Tenant
    let new: Tenant

    /// A user's UPN by object id, from whichever tenant has the user (the new one first).
    func userName(_ objectId: String) -> String {
        (new.findUser(objectId) ?? old.findUser(objectId))?.userPrincipalName ?? objectId
    }

    /// A group's display name by object id, from whichever tenant has it.
    func groupName(_ objectId: String) -> String {
        (new.findGroup(objectId) ?? old.findGroup(objectId))?.displayName ?? objectId
    }

    /// Keys of both sides in a stable order: the old side's order, then what only the new has.
    static func merged<T>(_ old: [T], _ new: [T], key: (T) -> String) -> [String] {
        var seen = Set<String>(), keys: [String] = []
        for item in old + new where seen.insert(key(item)).inserted { keys.append(key(item)) }
        return keys
    }

    /// A detail for each named value that differs.
    static func details(_ pairs: [(String, PolicyValue?, PolicyValue?)]) -> [WorldChange.Detail] {
        pairs.compactMap { name, was, now in was == now ? nil : WorldChange.Detail(name, old: was, new: now) }
    }

    static func text(_ value: String?) -> PolicyValue? { value.map(PolicyValue.string) }
    static func texts(_ values: [String]) -> PolicyValue { .list(values.map(PolicyValue.string)) }

    // MARK: Tenant

    func tenantChanges() -> [WorldChange] {
        let details = Context.details([
            ("DisplayName", .string(old.displayName), .string(new.displayName)),
            ("TenantId", .string(old.tenantId), .string(new.tenantId)),
            ("InitialDomain", .string(old.initialDomain), .string(new.initialDomain)),
            ("VerifiedDomains", Context.texts(old.verifiedDomains), Context.texts(new.verifiedDomains)),
        ])
        guard !details.isEmpty else { return [] }
        return [WorldChange(.change, .tenant, target: "tenant " + new.displayName, subject: [("tenant", new.tenantId)],
                            details: details)]
    }

    func pstnUsageChanges() -> [WorldChange] {
        let before = Set(old.pstnUsages.map { $0.lowercased() }), after = Set(new.pstnUsages.map { $0.lowercased() })
        let removed = old.pstnUsages.filter { !after.contains($0.lowercased()) }.map {
            WorldChange(.remove, .pstnUsage, target: "PSTN usage '\($0)'", subject: [("pstnUsage", $0)])
        }
        let added = new.pstnUsages.filter { !before.contains($0.lowercased()) }.map {
            WorldChange(.add, .pstnUsage, target: "PSTN usage '\($0)'", subject: [("pstnUsage", $0)])
        }
        return removed + added
    }

    // MARK: Policies

    /// Every type of the catalog: instances added (with the settings that differ from a new
    /// instance's), changed (each setting that differs, in the type's order) and removed.
    func policyChanges() -> [WorldChange] {
        var changes: [WorldChange] = []
        for descriptor in new.catalog.descriptors {
            let was = (try? old.policies(ofType: descriptor.name)) ?? []
            let now = (try? new.policies(ofType: descriptor.name)) ?? []
            let key = { (instance: PolicyInstance) in instance.identity.description.lowercased() }
            let before = Dictionary(was.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(now.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for identity in Context.merged(was, now, key: key) {
                let previous = before[identity], current = after[identity]
                guard let shown = current ?? previous else { continue }
                let target = descriptor.name + " " + shown.identity.description
                let subject = [(key: "policyType", value: descriptor.name), (key: "identity", value: shown.identity.description)]
                switch (previous, current) {
                case (nil, let added?):
                    let defaults = descriptor.newInstanceValues(named: added.identity.name)
                    let details = descriptor.settings.compactMap { setting -> WorldChange.Detail? in
                        let value = added.value(setting.name)
                        return value == (defaults[setting.name] ?? .null)
                            ? nil : .init(setting.name, old: nil, new: value, kind: setting.kind)
                    }
                    changes.append(WorldChange(.add, .policy, target: target, subject: subject, details: details))
                case (_?, nil):
                    changes.append(WorldChange(.remove, .policy, target: target, subject: subject))
                case (let was?, let now?):
                    let details = descriptor.settings.compactMap { setting -> WorldChange.Detail? in
                        let a = was.value(setting.name), b = now.value(setting.name)
                        return a == b ? nil : .init(setting.name, old: a, new: b, kind: setting.kind)
                    }
                    if !details.isEmpty {
                        changes.append(WorldChange(.change, .policy, target: target, subject: subject, details: details))
                    }
                case (nil, nil):
                    continue
                }
            }
        }
        return changes
    }

    // MARK: Groups and teams

    func groupChanges() -> [WorldChange] {
        let key = { (group: TenantGroup) in group.objectId.lowercased() }
        let before = Dictionary(old.groups.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.groups.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [WorldChange] = []
        for id in Context.merged(old.groups, new.groups, key: key) {
            let previous = before[id], current = after[id]
            guard let shown = current ?? previous else { continue }
            let target = (shown.isTeam ? "team " : "group ") + shown.displayName
            let subject = [(key: "group", value: shown.displayName), (key: "groupId", value: shown.objectId)]
            switch (previous, current) {
            case (nil, let added?):
                // A group that is not a team has no visibility of its own.
                let details = (added.isTeam ? [WorldChange.Detail("Visibility", old: nil, new: .string(added.visibility))] : [])
                    + membership(nil, added)
                changes.append(WorldChange(.add, .group, target: target, subject: subject, details: details))
            case (_?, nil):
                changes.append(WorldChange(.remove, .group, target: target, subject: subject))
            case (let was?, let now?):
                var details = Context.details([
                    ("DisplayName", .string(was.displayName), .string(now.displayName)),
                    ("Description", Context.text(was.description), Context.text(now.description)),
                    ("Mail", Context.text(was.mail), Context.text(now.mail)),
                    ("MailNickName", .string(was.mailNickName), .string(now.mailNickName)),
                    ("Visibility", .string(was.visibility), .string(now.visibility)),
                    ("Archived", .bool(was.archived), .bool(now.archived)),
                    ("IsTeam", .bool(was.isTeam), .bool(now.isTeam)),
                ])
                details += membership(was, now)
                if !details.isEmpty {
                    changes.append(WorldChange(.change, .group, target: target, subject: subject, details: details))
                }
            case (nil, nil):
                continue
            }
        }
        return changes
    }

    /// Each member whose role changed, by UPN: `(none) → 'Member'` when added, `'Member' →
    /// 'Owner'` when made an owner, `'Owner' → (none)` when removed.
    func membership(_ was: TenantGroup?, _ now: TenantGroup?) -> [WorldChange.Detail] {
        func roles(_ group: TenantGroup?) -> [String: String] {
            var table: [String: String] = [:]
            for id in group?.members ?? [] { table[id.lowercased()] = "Member" }
            for id in group?.owners ?? [] { table[id.lowercased()] = "Owner" }
            return table
        }
        let before = roles(was), after = roles(now)
        let ids = Context.merged((was?.members ?? []) + (was?.owners ?? []), (now?.members ?? []) + (now?.owners ?? []),
                                 key: { $0.lowercased() })
        return ids.compactMap { id in
            let old = before[id], new = after[id]
            return old == new ? nil : WorldChange.Detail(userName(id), old: Context.text(old), new: Context.text(new))
        }
    }

    // MARK: Group assignments

    /// Per type and group: the policy name and the rank.
    func groupAssignmentChanges() -> [WorldChange] {
        var changes: [WorldChange] = []
        for descriptor in new.catalog.descriptors {
            let was = old.groupAssignments[descriptor.name] ?? [], now = new.groupAssignments[descriptor.name] ?? []
            let key = { (assignment: GroupPolicyAssignment) in assignment.groupId.lowercased() }
            let before = Dictionary(was.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let after = Dictionary(now.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for id in Context.merged(was, now, key: key) {
                let previous = before[id], current = after[id]
                guard let shown = current ?? previous else { continue }
                let group = groupName(shown.groupId)
                let target = descriptor.name + " for group " + group
                let subject = [(key: "policyType", value: descriptor.name), (key: "group", value: group),
                               (key: "groupId", value: shown.groupId)]
                let details = Context.details([
                    ("PolicyName", previous.map { .string($0.policyName) }, current.map { .string($0.policyName) }),
                    ("Rank", previous.map { .int($0.rank) }, current.map { .int($0.rank) }),
                ])
                let sameName = previous?.policyName.lowercased() == current?.policyName.lowercased()
                let shownDetails = sameName ? details.filter { $0.name != "PolicyName" } : details
                guard !shownDetails.isEmpty else { continue }
                let action: WorldChange.Action = previous == nil ? .add : current == nil ? .remove : .change
                changes.append(WorldChange(action, .groupAssignment, target: target, subject: subject, details: shownDetails))
            }
        }
        return changes
    }

    // MARK: Users

    /// Users added, removed or changed; then each user's direct assignments (type by type) and
    /// client settings.
    func userChanges() -> [WorldChange] {
        let key = { (user: TenantUser) in user.objectId.lowercased() }
        let ids = Context.merged(old.users, new.users, key: key)
        var users: [WorldChange] = [], assignments: [WorldChange] = [], settings: [WorldChange] = []
        for id in ids {
            let previous = old.findUser(id), current = new.findUser(id)
            guard let shown = current ?? previous else { continue }
            let name = shown.userPrincipalName
            let subject = [(key: "user", value: name), (key: "userId", value: shown.objectId)]
            switch (previous, current) {
            case (nil, let added?):
                users.append(WorldChange(.add, .user, target: "user " + name, subject: subject,
                                         details: [.init("DisplayName", old: nil, new: .string(added.displayName))]))
            case (_?, nil):
                users.append(WorldChange(.remove, .user, target: "user " + name, subject: subject))
            case (let was?, let now?):
                let details = Context.details([
                    ("UserPrincipalName", .string(was.userPrincipalName), .string(now.userPrincipalName)),
                    ("DisplayName", .string(was.displayName), .string(now.displayName)),
                    ("Alias", .string(was.alias), .string(now.alias)),
                    ("AccountEnabled", .bool(was.accountEnabled), .bool(now.accountEnabled)),
                    ("SipAddress", .string(was.sipAddress), .string(now.sipAddress)),
                    ("GivenName", Context.text(was.givenName), Context.text(now.givenName)),
                    ("Surname", Context.text(was.surname), Context.text(now.surname)),
                    ("UsageLocation", .string(was.usageLocation), .string(now.usageLocation)),
                    ("Department", Context.text(was.department), Context.text(now.department)),
                    ("AdminRoles", Context.texts(was.adminRoles), Context.texts(now.adminRoles)),
                ])
                if !details.isEmpty { users.append(WorldChange(.change, .user, target: "user " + name, subject: subject, details: details)) }
            case (nil, nil):
                continue
            }
            // A user who is gone takes their assignments along; the removal says it.
            if current != nil { assignments += directAssignmentChanges(previous, current, name: name, userId: shown.objectId) }
            let wasOn = previous?.clientSettings.endToEndEncryptedCalls, isOn = current?.clientSettings.endToEndEncryptedCalls
            if let wasOn, let isOn, wasOn != isOn {
                settings.append(WorldChange(.change, .clientSetting, target: "client settings of user " + name, subject: subject,
                                            details: [.init("EndToEndEncryptedCalls", old: .bool(wasOn), new: .bool(isOn))]))
            }
        }
        return users + assignments + settings
    }

    /// A user's direct assignments, type by type in the catalog's order (names compare without
    /// regard to case, as the cmdlets resolve them).
    func directAssignmentChanges(_ previous: TenantUser?, _ current: TenantUser?, name: String, userId: String) -> [WorldChange] {
        new.catalog.descriptors.compactMap { descriptor in
            let was = previous?.policies[descriptor.name], now = current?.policies[descriptor.name]
            guard was?.lowercased() != now?.lowercased() else { return nil }
            let action: WorldChange.Action = was == nil ? .add : now == nil ? .remove : .change
            return WorldChange(action, .userAssignment, target: descriptor.name + " for user " + name,
                               subject: [("policyType", descriptor.name), ("user", name), ("userId", userId)],
                               details: [.init("PolicyName", old: Context.text(was), new: Context.text(now))])
        }
    }
}
