import Foundation

/// A value of a Microsoft365DSC export, as written in a resource block: `"text"`, `$True`, `120`,
/// `$null`, `@("a", "b")`, a CIM instance `MSFT_TeamsVoiceNormalizationRule { Pattern = … }`, or a
/// reference the file resolves only when it runs (`$Credscredential`,
/// `$ConfigurationData.NonNodeData.ApplicationId`, `"admin@$OrganizationName"`).
public indirect enum DscValue: Equatable, Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case null
    case list([DscValue])
    /// A CIM instance (`type` empty for a hashtable `@{ … }`).
    case instance(type: String, properties: [DscProperty])
    /// Text that needs the script to run: a variable, or a string that expands one.
    case unresolved(String)
}

/// `Name = value` in a resource block, with the line it is on.
public struct DscProperty: Equatable, Sendable {
    public let name: String
    public let value: DscValue
    public let line: Int

    public init(name: String, value: DscValue, line: Int) {
        self.name = name
        self.value = value
        self.line = line
    }
}

/// One resource block: `TeamsMeetingPolicy "TeamsMeetingPolicy-Global" { … }`.
public struct DscResource: Equatable, Sendable {
    /// The resource type (`TeamsMeetingPolicy`, `AADUser`).
    public let type: String
    /// The block's name (`TeamsMeetingPolicy-Global`).
    public let name: String
    public let line: Int
    public let properties: [DscProperty]

    public init(type: String, name: String, line: Int, properties: [DscProperty]) {
        self.type = type
        self.name = name
        self.line = line
        self.properties = properties
    }

    /// A property by name, case-insensitively (exports write `GroupDisplayname` as well as
    /// `GroupDisplayName`).
    public func property(_ name: String) -> DscProperty? {
        let folded = name.lowercased()
        return properties.first { $0.name.lowercased() == folded }
    }
}

/// Input that is not what it claims (a world file, an export): the file, the line (0 when the
/// problem is the file as a whole) and what is wrong.
public struct InputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `file:line: message`, as compilers and linters name a place in a file.
    public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}

/// What an import did besides the changes: what it left out and why, one line each.
public struct Microsoft365DSCImportReport: Equatable, Sendable {
    public var warnings: [String] = []
    /// How many resource blocks were applied.
    public var applied = 0
}

/// Applies the resource blocks of a Microsoft365DSC export to a world, generically through the
/// catalog: each type's resource (`PolicyTypeDescriptor.microsoft365DSCResource`) creates or
/// changes the instance its `Identity` names (`Ensure = "Absent"` removes it), with the settings
/// it lists; `TeamsGroupPolicyAssignment` and `TeamsUserPolicyAssignment` assign. Everything is
/// checked first; a problem throws `InputFileError` and the world is left as it was.
public enum Microsoft365DSCImport {
    /// Properties every Microsoft365DSC resource has for signing in and for DSC itself.
    static let connectionProperties: Set<String> = [
        "ensure", "credential", "applicationid", "tenantid", "certificatethumbprint", "certificatepath",
        "certificatepassword", "applicationsecret", "managedidentity", "accesstokens", "psdscrunascredential", "dependson",
    ]

    public static let groupAssignmentResource = "TeamsGroupPolicyAssignment"
    public static let userAssignmentResource = "TeamsUserPolicyAssignment"
    public static let pstnUsageResource = "TeamsPstnUsage"

    @discardableResult
    public static func apply(_ resources: [DscResource], path: String, to world: World) throws -> Microsoft365DSCImportReport {
        let working = world.copy()
        var importer = Importer(path: path, world: working)
        try importer.run(resources)
        world.replaceContents(with: working)
        return importer.report
    }
}

/// The state of one import: the world being changed (a copy) and what was left out.
private struct Importer {
    let path: String
    let world: World
    var report = Microsoft365DSCImportReport()
    var unknownResources: [String: Int] = [:]
    var unknownSettings = Set<String>()
    var unresolved = Set<String>()
    var unknownPolicyTypes = Set<String>()
    var addedGroups: [String] = []
    var missingUsers: [String] = []

    init(path: String, world: World) {
        self.path = path
        self.world = world
    }

    func fail(_ line: Int, _ message: String) -> InputFileError {
        InputFileError(path: path, line: line, message: message)
    }

    mutating func run(_ resources: [DscResource]) throws {
        var byResource: [String: PolicyTypeDescriptor] = [:]
        for descriptor in world.tenant.catalog.descriptors { byResource[descriptor.microsoft365DSCResource.lowercased()] = descriptor }
        var groupBlocks: [DscResource] = [], userBlocks: [DscResource] = []
        // Policies first: assignments name them.
        for resource in resources {
            let key = resource.type.lowercased()
            if let descriptor = byResource[key] {
                try applyPolicy(resource, descriptor)
            } else if key == Microsoft365DSCImport.groupAssignmentResource.lowercased() {
                groupBlocks.append(resource)
            } else if key == Microsoft365DSCImport.userAssignmentResource.lowercased() {
                userBlocks.append(resource)
            } else if key == Microsoft365DSCImport.pstnUsageResource.lowercased() {
                try applyPstnUsage(resource)
            } else {
                unknownResources[resource.type, default: 0] += 1
            }
        }
        for resource in groupBlocks { try applyGroupAssignment(resource) }
        for resource in userBlocks { try applyUserAssignment(resource) }
        report.warnings = warnings()
    }

    // MARK: Policy instances

    mutating func applyPolicy(_ resource: DscResource, _ descriptor: PolicyTypeDescriptor) throws {
        guard let identityProperty = resource.property("Identity") else {
            throw fail(resource.line, "\(resource.type) '\(resource.name)' has no Identity")
        }
        guard case .string(let identityText) = identityProperty.value, let identity = PolicyIdentity(parsing: identityText) else {
            throw fail(identityProperty.line, "\(resource.type) '\(resource.name)': Identity must be a policy name such as 'Global' or 'Tag:Name'")
        }
        let absent = try ensureAbsent(resource)
        var instances = world.tenant.policies[descriptor.name] ?? Tenant.builtInInstances(of: descriptor)
        let position = instances.firstIndex { $0.identity.matches(identity) }
        if absent {
            guard let position else { return }
            if instances[position].identity.isGlobal || instances[position].isPreset {
                throw fail(resource.line, "\(resource.type) '\(resource.name)': \(identity.description) cannot be removed (Ensure = 'Absent')")
            }
            try? world.tenant.removePolicy(ofType: descriptor.name, identity: instances[position].identity.description)
            report.applied += 1
            return
        }
        var values = position.map { instances[$0].values } ?? descriptor.newInstanceValues(named: identity.name)
        for property in resource.properties {
            let name = property.name.lowercased()
            if name == "identity" || Microsoft365DSCImport.connectionProperties.contains(name) { continue }
            guard let setting = descriptor.setting(named: property.name) else {
                unknownSettings.insert(descriptor.name + "." + property.name)
                continue
            }
            guard let value = try policyValue(property.value, setting, line: property.line, resource: resource) else {
                unresolved.insert(descriptor.name + "." + setting.name)
                continue
            }
            do {
                values[setting.name] = try setting.canonical(value)
            } catch let error as TenantError {
                throw fail(property.line, "\(resource.type) '\(resource.name)': \(error.message)")
            }
        }
        if let position {
            instances[position].values = values
        } else {
            instances.append(PolicyInstance(identity: identity, values: values))
        }
        world.tenant.policies[descriptor.name] = instances
        report.applied += 1
    }

    /// Whether the block says `Ensure = "Absent"`.
    func ensureAbsent(_ resource: DscResource) throws -> Bool {
        guard let ensure = resource.property("Ensure") else { return false }
        guard case .string(let text) = ensure.value, ["present", "absent"].contains(text.lowercased()) else {
            throw fail(ensure.line, "\(resource.type) '\(resource.name)': Ensure must be 'Present' or 'Absent'")
        }
        return text.lowercased() == "absent"
    }

    /// An export's value as the setting's kind of policy value; nil when it needs the script to run.
    func policyValue(_ value: DscValue, _ setting: PolicySettingDescriptor, line: Int, resource: DscResource) throws -> PolicyValue? {
        if case .objectList(let recordType) = setting.kind, case .list(let items) = value {
            var records: [PolicyValue] = []
            for (offset, item) in items.enumerated() {
                guard let record = try element(item, recordType, position: offset + 1, line: line, resource: resource) else { return nil }
                records.append(record)
            }
            return .list(records)
        }
        return try plain(value, line: line, resource: resource)
    }

    /// An object-list element. Microsoft365DSC writes app lists as ids (`@("…", "…")`), which
    /// its resources turn into elements numbered from 1 in list order, as done here for types
    /// with an `Order` field; CIM instances give the fields by name, and an element without its
    /// key field takes it from its Identity's last part, as New-CsVoiceNormalizationRule names a
    /// rule (`Global/Rule1` → `Rule1`).
    func element(_ item: DscValue, _ type: PolicyRecordType, position: Int, line: Int, resource: DscResource) throws -> PolicyValue? {
        switch item {
        case .instance(_, let properties):
            var fields: [String: PolicyValue] = [:]
            for property in properties {
                guard let field = type.field(named: property.name) else { continue }
                guard let value = try plain(property.value, line: property.line, resource: resource) else { return nil }
                fields[field.name] = value
            }
            if fields[type.keyField] == nil, case .string(let identity)? = fields["Identity"] {
                fields[type.keyField] = .string(String(identity.split(separator: "/").last ?? Substring(identity)))
            }
            return .record(fields)
        case .unresolved:
            return nil
        default:
            guard let key = try plain(item, line: line, resource: resource) else { return nil }
            var fields: [String: PolicyValue] = [type.keyField: key]
            if let order = type.field(named: "Order"), order.kind == .integer { fields[order.name] = .int(position) }
            return .record(fields)
        }
    }

    /// A scalar or list value as a policy value; nil when it needs the script to run.
    func plain(_ value: DscValue, line: Int, resource: DscResource) throws -> PolicyValue? {
        switch value {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number):
            guard let whole = Int(exactly: number) else {
                throw fail(line, "\(resource.type) '\(resource.name)': \(number) is not a whole number")
            }
            return .int(whole)
        case .null: return .null
        case .unresolved: return nil
        case .list(let items):
            var values: [PolicyValue] = []
            for item in items {
                guard let converted = try plain(item, line: line, resource: resource) else { return nil }
                values.append(converted)
            }
            return .list(values)
        case .instance(_, let properties):
            var fields: [String: PolicyValue] = [:]
            for property in properties {
                guard let converted = try plain(property.value, line: property.line, resource: resource) else { return nil }
                fields[property.name] = converted
            }
            return .record(fields)
        }
    }

    func text(_ resource: DscResource, _ name: String) throws -> (String, Int)? {
        guard let property = resource.property(name) else { return nil }
        switch property.value {
        case .string(let text): return (text, property.line)
        case .int(let number): return (String(number), property.line)
        case .null, .unresolved: return nil
        default: throw fail(property.line, "\(resource.type) '\(resource.name)': \(property.name) must be text")
        }
    }

    /// `TeamsPstnUsage`: one usage (`Usage`), added or, with `Ensure = "Absent"`, removed.
    mutating func applyPstnUsage(_ resource: DscResource) throws {
        guard let (usage, _) = try text(resource, "Usage"), !usage.isEmpty else {
            throw fail(resource.line, "\(resource.type) '\(resource.name)' has no Usage")
        }
        let change: PolicySettingChange = try ensureAbsent(resource)
            ? .modify(add: [], remove: [.string(usage)], replace: nil) : .modify(add: [.string(usage)], remove: [], replace: nil)
        world.tenant.setPstnUsages(change)
        report.applied += 1
    }

    // MARK: Assignments

    /// `TeamsGroupPolicyAssignment`: GroupId or GroupDisplayName, PolicyType, PolicyName,
    /// Priority (the rank), Ensure. A group the world does not have is added (no members, not a
    /// team) and named in a warning.
    mutating func applyGroupAssignment(_ resource: DscResource) throws {
        guard let (typeName, _) = try text(resource, "PolicyType") else {
            throw fail(resource.line, "\(resource.type) '\(resource.name)' has no PolicyType")
        }
        guard let descriptor = world.tenant.catalog.descriptor(named: typeName) else {
            unknownPolicyTypes.insert(typeName)
            return
        }
        let groupId = try text(resource, "GroupId").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
        let displayName = try text(resource, "GroupDisplayName").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
        guard let groupKey = groupId ?? displayName else {
            throw fail(resource.line, "\(resource.type) '\(resource.name)' names no group (GroupId or GroupDisplayName)")
        }
        let existing = world.tenant.findGroup(groupKey) ?? displayName.flatMap { world.tenant.findGroup($0) }
        let group = existing ?? TenantGroup(
            objectId: groupId ?? GuidText.derived(from: "group:" + groupKey.lowercased()), displayName: displayName ?? groupKey,
            mail: nil, members: [], isTeam: false)
        if existing == nil {
            try world.tenant.addGroup(group)
            addedGroups.append(group.displayName)
        }
        var rank: Int?
        if let (priority, line) = try text(resource, "Priority"), !priority.isEmpty {
            guard let number = Int(priority.trimmingWhitespace()), number >= 1 else {
                throw fail(line, "\(resource.type) '\(resource.name)': Priority must be a rank (1, 2, 3…), not '\(priority)'")
            }
            rank = number
        }
        var policyName: String?
        if try !ensureAbsent(resource) {
            guard let (name, _) = try text(resource, "PolicyName"), !name.isEmpty else {
                throw fail(resource.line, "\(resource.type) '\(resource.name)' has no PolicyName")
            }
            policyName = name
        }
        do {
            try world.grantPolicyToGroup(ofType: descriptor.name, group: group.objectId, policyName: policyName, rank: rank)
        } catch let error as TenantError {
            throw fail(resource.property("PolicyName")?.line ?? resource.line, "\(resource.type) '\(resource.name)': \(error.message)")
        }
        report.applied += 1
    }

    /// `TeamsUserPolicyAssignment`: User, then one property per policy type (an empty name
    /// unassigns). Users the world does not have are named in a warning.
    mutating func applyUserAssignment(_ resource: DscResource) throws {
        guard let (user, _) = try text(resource, "User") else {
            throw fail(resource.line, "\(resource.type) '\(resource.name)' has no User")
        }
        guard world.tenant.findUser(user) != nil else {
            missingUsers.append(user)
            return
        }
        for property in resource.properties {
            let name = property.name.lowercased()
            if name == "user" || Microsoft365DSCImport.connectionProperties.contains(name) { continue }
            guard let descriptor = world.tenant.catalog.descriptor(named: property.name) else {
                unknownPolicyTypes.insert(property.name)
                continue
            }
            guard let (policyName, line) = try text(resource, property.name) else { continue }
            do {
                try world.tenant.grantPolicy(ofType: descriptor.name, toUser: user, policyName: policyName.isEmpty ? nil : policyName)
            } catch let error as TenantError {
                throw fail(line, "\(resource.type) '\(resource.name)': \(error.message)")
            }
        }
        report.applied += 1
    }

    // MARK: Report

    func warnings() -> [String] {
        var lines: [String] = []
        func sorted(_ names: some Sequence<String>) -> [String] { names.sorted { $0.lowercased() < $1.lowercased() } }
        if !unknownResources.isEmpty {
            let names = sorted(unknownResources.keys).map { name in
                let count = unknownResources[name] ?? 0
                return count == 1 ? name : "\(name) (\(count))"
            }
            lines.append("Resources teamsh does not simulate were left out: " + names.joined(separator: ", "))
        }
        if !unknownSettings.isEmpty {
            lines.append("Settings teamsh does not simulate were left out: " + sorted(unknownSettings).joined(separator: ", "))
        }
        if !unknownPolicyTypes.isEmpty {
            lines.append("Assignments of policy types teamsh does not simulate were left out: "
                + sorted(unknownPolicyTypes).joined(separator: ", "))
        }
        if !unresolved.isEmpty {
            lines.append("Settings whose values the export computes when it runs were left out: "
                + sorted(unresolved).joined(separator: ", "))
        }
        if !addedGroups.isEmpty {
            lines.append("Groups the world did not have were added without members: " + addedGroups.joined(separator: ", "))
        }
        if !missingUsers.isEmpty {
            lines.append("Assignments of users the world does not have were left out: " + missingUsers.joined(separator: ", "))
        }
        return lines
    }
}
