import Foundation

/// A user's own client settings. One value per user: the real setting syncs to all of a user's
/// endpoints.
public struct ClientSettings: Codable, Equatable, Sendable {
    /// What the user chose for "End-to-end encrypted calls". It only takes effect while their
    /// effective policy offers the setting.
    public var endToEndEncryptedCalls: Bool

    public init(endToEndEncryptedCalls: Bool = false) {
        self.endToEndEncryptedCalls = endToEndEncryptedCalls
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        endToEndEncryptedCalls = try container.decodeIfPresent(Bool.self, forKey: .endToEndEncryptedCalls) ?? false
    }
}

/// A user of the tenant. Hand-written fixtures may give only `userPrincipalName` (and
/// `displayName`); the rest is derived.
public struct TenantUser: Codable, Equatable, Sendable {
    /// A GUID; the stable key of the user.
    public var objectId: String
    public var userPrincipalName: String
    /// The mail nickname (the UPN's part before `@`).
    public var alias: String
    public var displayName: String
    public var givenName: String?
    public var surname: String?
    public var accountEnabled: Bool
    /// `sip:` + UPN.
    public var sipAddress: String
    public var usageLocation: String
    public var department: String?
    /// Admin roles held (`Teams Administrator`); empty for ordinary users.
    public var adminRoles: [String]
    /// Direct policy assignments: policy type → the name as given to `-PolicyName` (no `Tag:`).
    public var policies: [String: String]
    public var clientSettings: ClientSettings

    public init(
        objectId: String, userPrincipalName: String, displayName: String, alias: String? = nil,
        givenName: String? = nil, surname: String? = nil, accountEnabled: Bool = true, sipAddress: String? = nil,
        usageLocation: String = "US", department: String? = nil, adminRoles: [String] = [],
        policies: [String: String] = [:], clientSettings: ClientSettings = ClientSettings()
    ) {
        self.objectId = objectId
        self.userPrincipalName = userPrincipalName
        self.alias = alias ?? TenantUser.defaultAlias(for: userPrincipalName)
        self.displayName = displayName
        self.givenName = givenName
        self.surname = surname
        self.accountEnabled = accountEnabled
        self.sipAddress = sipAddress ?? "sip:" + userPrincipalName
        self.usageLocation = usageLocation
        self.department = department
        self.adminRoles = adminRoles
        self.policies = policies
        self.clientSettings = clientSettings
    }

    static func defaultAlias(for userPrincipalName: String) -> String {
        String(userPrincipalName.split(separator: "@", maxSplits: 1).first ?? Substring(userPrincipalName))
    }

    /// Decodes only the keys the file has (a 100,000-user file names two or three per user; asking
    /// for each of the thirteen costs a lookup each).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var objectId: String?, alias: String?, displayName: String?, givenName: String?, surname: String?
        var accountEnabled = true, sipAddress: String?, usageLocation = "US", department: String?
        var adminRoles: [String] = [], policies: [String: String] = [:], clientSettings = ClientSettings()
        for key in container.allKeys {
            switch key {
            case .objectId: objectId = try container.decodeIfPresent(String.self, forKey: key)
            case .userPrincipalName: continue
            case .alias: alias = try container.decodeIfPresent(String.self, forKey: key)
            case .displayName: displayName = try container.decodeIfPresent(String.self, forKey: key)
            case .givenName: givenName = try container.decodeIfPresent(String.self, forKey: key)
            case .surname: surname = try container.decodeIfPresent(String.self, forKey: key)
            case .accountEnabled: accountEnabled = try container.decodeIfPresent(Bool.self, forKey: key) ?? true
            case .sipAddress: sipAddress = try container.decodeIfPresent(String.self, forKey: key)
            case .usageLocation: usageLocation = try container.decodeIfPresent(String.self, forKey: key) ?? "US"
            case .department: department = try container.decodeIfPresent(String.self, forKey: key)
            case .adminRoles: adminRoles = try container.decodeIfPresent([String].self, forKey: key) ?? []
            case .policies: policies = try container.decodeIfPresent([String: String].self, forKey: key) ?? [:]
            case .clientSettings: clientSettings = try container.decodeIfPresent(ClientSettings.self, forKey: key) ?? ClientSettings()
            }
        }
        let upn = try container.decode(String.self, forKey: .userPrincipalName)
        let resolvedAlias = alias ?? TenantUser.defaultAlias(for: upn)
        self.init(
            objectId: objectId ?? GuidText.derived(from: "user:" + upn.lowercased()), userPrincipalName: upn,
            displayName: displayName ?? resolvedAlias, alias: resolvedAlias, givenName: givenName, surname: surname,
            accountEnabled: accountEnabled, sipAddress: sipAddress, usageLocation: usageLocation, department: department,
            adminRoles: adminRoles, policies: policies, clientSettings: clientSettings)
    }
}

/// A group (Microsoft 365 or security group) with its direct members. Nested groups do not
/// propagate policy (facts §4.1), so members are users only. A group may back a team (Get-Team,
/// Add-TeamUser): then it has a visibility, a mail nickname and owners, who are members too.
public struct TenantGroup: Codable, Equatable, Sendable {
    public var objectId: String
    public var displayName: String
    public var mail: String?
    public var description: String?
    /// Member users' object ids, in the order they were added. Fixtures may list UPNs; the tenant
    /// turns them into object ids when it loads.
    public var members: [String]
    /// Whether the group backs a team (groups of hand-written files do unless they say not).
    public var isTeam: Bool
    /// `Public` or `Private`.
    public var visibility: String
    /// The mail nickname (the mail's part before `@` unless given).
    public var mailNickName: String
    public var archived: Bool
    /// Owners' object ids (each is also a member).
    public var owners: [String]

    public init(
        objectId: String, displayName: String, mail: String?, description: String? = nil, members: [String],
        isTeam: Bool = true, visibility: String = "Private", mailNickName: String? = nil, archived: Bool = false,
        owners: [String] = []
    ) {
        self.objectId = objectId
        self.displayName = displayName
        self.mail = mail
        self.description = description
        self.members = members
        self.isTeam = isTeam
        self.visibility = visibility
        self.mailNickName = mailNickName ?? TenantGroup.defaultNickName(mail: mail, displayName: displayName)
        self.archived = archived
        self.owners = owners
    }

    /// The mail's local part, or the display name without spaces.
    static func defaultNickName(mail: String?, displayName: String) -> String {
        if let mail, let local = mail.split(separator: "@", maxSplits: 1).first, !local.isEmpty { return String(local) }
        return displayName.filter { !$0.isWhitespace }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let displayName = try container.decode(String.self, forKey: .displayName)
        let mail = try container.decodeIfPresent(String.self, forKey: .mail)
        self.init(
            objectId: try container.decodeIfPresent(String.self, forKey: .objectId)
                ?? GuidText.derived(from: "group:" + (mail ?? displayName).lowercased()),
            displayName: displayName, mail: mail,
            description: try container.decodeIfPresent(String.self, forKey: .description),
            members: try container.decodeIfPresent([String].self, forKey: .members) ?? [],
            isTeam: try container.decodeIfPresent(Bool.self, forKey: .isTeam) ?? true,
            visibility: try container.decodeIfPresent(String.self, forKey: .visibility) ?? "Private",
            mailNickName: try container.decodeIfPresent(String.self, forKey: .mailNickName),
            archived: try container.decodeIfPresent(Bool.self, forKey: .archived) ?? false,
            owners: try container.decodeIfPresent([String].self, forKey: .owners) ?? [])
    }
}

/// One instance of a policy type (`Global` or `Tag:Name`) with its values.
public struct PolicyInstance: Codable, Equatable, Sendable {
    public var identity: PolicyIdentity
    /// Setting name (canonical case) → value; holds every setting of the type.
    public var values: [String: PolicyValue]
    /// Microsoft-provided (`Tag:Disabled`, `Tag:UserControlled`): Set and Remove refuse it.
    public var isPreset: Bool

    public init(identity: PolicyIdentity, values: [String: PolicyValue], isPreset: Bool = false) {
        self.identity = identity
        self.values = values
        self.isPreset = isPreset
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identity = try container.decode(PolicyIdentity.self, forKey: .identity)
        values = try container.decodeIfPresent([String: PolicyValue].self, forKey: .values) ?? [:]
        isPreset = try container.decodeIfPresent(Bool.self, forKey: .isPreset) ?? false
    }

    /// A setting's value (`.null` when the instance lacks it).
    public func value(_ setting: String) -> PolicyValue {
        if let exact = values[setting] { return exact }
        let folded = setting.lowercased()
        return values.first { $0.key.lowercased() == folded }?.value ?? .null
    }

    /// `(property, value)` pairs in the type's list-view order, Identity first: what the policy
    /// object shows.
    public func orderedProperties(_ descriptor: PolicyTypeDescriptor) -> [(name: String, value: PolicyValue)] {
        [("Identity", .string(identity.description))] + descriptor.settings.map { ($0.name, value($0.name)) }
    }
}

/// A policy assigned to a group, with its rank among the type's group assignments (1 = wins).
public struct GroupPolicyAssignment: Codable, Equatable, Sendable {
    public var groupId: String
    public var policyType: String
    /// The policy name without `Tag:`.
    public var policyName: String
    /// 1, 2, 3…; renumbered after every change.
    public var rank: Int
    public var createdTime: Date
    /// Object id of the admin who made it.
    public var createdBy: String

    public init(groupId: String, policyType: String, policyName: String, rank: Int, createdTime: Date, createdBy: String) {
        self.groupId = groupId
        self.policyType = policyType
        self.policyName = policyName
        self.rank = rank
        self.createdTime = createdTime
        self.createdBy = createdBy
    }

    /// Hand-written files may leave out what the tenant can supply: the type (the key it is
    /// filed under), the rank (list order), the time and the creator.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groupId = try container.decode(String.self, forKey: .groupId)
        policyType = try container.decodeIfPresent(String.self, forKey: .policyType) ?? ""
        policyName = try container.decode(String.self, forKey: .policyName)
        rank = try container.decodeIfPresent(Int.self, forKey: .rank) ?? Int.max
        createdTime = try container.decodeIfPresent(Date.self, forKey: .createdTime)
            ?? SimulatedDates.parse(DefaultWorld.startTime) ?? Date(timeIntervalSince1970: 0)
        createdBy = try container.decodeIfPresent(String.self, forKey: .createdBy) ?? ""
    }
}

/// Where a user's effective policy of one type comes from.
public enum PolicyAssignmentSource: Equatable, Sendable {
    /// Assigned to the user (the name as given).
    case direct(policyName: String)
    /// Inherited from a group the user is a direct member of.
    case group(groupId: String, policyName: String, rank: Int)
    /// No assignment: the tenant's Global instance applies.
    case global

    /// `Direct`, `Group` (the AssignmentType column), or `Global`.
    public var assignmentType: String {
        switch self {
        case .direct: return "Direct"
        case .group: return "Group"
        case .global: return "Global"
        }
    }

    public var policyName: String {
        switch self {
        case .direct(let name), .group(_, let name, _): return name
        case .global: return "Global"
        }
    }

    /// The group id for group sources (the Reference column), nil otherwise.
    public var reference: String? {
        if case .group(let groupId, _, _) = self { return groupId }
        return nil
    }
}

/// A user's effective policy of one type and why it applies.
public struct EffectivePolicy: Equatable, Sendable {
    public let policyType: String
    public let instance: PolicyInstance
    public let source: PolicyAssignmentSource
}

/// One row of Get-CsUserPolicyAssignment: a policy type that has a direct or group assignment.
public struct UserPolicyAssignment: Equatable, Sendable {
    public let policyType: String
    /// The winning assignment's policy name (no `Tag:`).
    public let policyName: String
    /// Every assignment that reaches the user: direct first, then groups by rank.
    public let policySource: [PolicyAssignmentSource]
}

/// What Get-TeamsSimClientSetting shows for one user.
public struct ClientSettingState: Equatable, Sendable {
    public let userPrincipalName: String
    /// Whether the setting is on and in effect (false whenever `available` is false).
    public let endToEndEncryptedCalls: Bool
    /// Whether the user's effective policy offers the setting.
    public let available: Bool
    /// The effective policy's identity (`Global`, `Tag:UserControlled`).
    public let effectivePolicy: String
}

/// One user's line of a batch operation (Get-CsBatchPolicyAssignmentOperation's UserState).
public struct BatchUserState: Codable, Equatable, Sendable {
    /// The identity as given in the batch.
    public var id: String
    /// `Success`, or why the assignment failed (`User not found`).
    public var result: String
    /// `Completed` (the simulator runs a batch at once).
    public var state: String

    public init(id: String, result: String, state: String = "Completed") {
        self.id = id
        self.result = result
        self.state = state
    }
}

/// A batch policy assignment (New-CsBatchPolicyAssignmentOperation): one policy to many users.
/// The service runs it asynchronously; the simulator completes it when it is submitted.
public struct BatchPolicyAssignmentOperation: Codable, Equatable, Sendable {
    public var operationId: String
    public var operationName: String
    public var policyType: String
    /// The policy assigned, nil when the batch unassigns.
    public var policyName: String?
    /// `Completed`.
    public var overallStatus: String
    public var createdTime: Date
    /// Object id of the admin who submitted it.
    public var createdBy: String
    public var completedTime: Date?
    public var userState: [BatchUserState]

    public init(
        operationId: String, operationName: String, policyType: String, policyName: String?, overallStatus: String,
        createdTime: Date, createdBy: String, completedTime: Date?, userState: [BatchUserState]
    ) {
        self.operationId = operationId
        self.operationName = operationName
        self.policyType = policyType
        self.policyName = policyName
        self.overallStatus = overallStatus
        self.createdTime = createdTime
        self.createdBy = createdBy
        self.completedTime = completedTime
        self.userState = userState
    }

    public var completedCount: Int { userState.filter { $0.state == "Completed" }.count }
    public var errorCount: Int { userState.filter { $0.result != "Success" }.count }
    public var inProgressCount: Int { userState.filter { $0.state == "InProgress" }.count }
    public var notStartedCount: Int { userState.filter { $0.state == "NotStarted" }.count }
}
