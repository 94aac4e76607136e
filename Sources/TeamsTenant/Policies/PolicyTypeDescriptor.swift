/// The five cmdlets every policy type has, in alphabetical order.
public enum PolicyCmdletVerb: String, CaseIterable, Hashable, Sendable {
    case get = "Get", grant = "Grant", new = "New", remove = "Remove", set = "Set"
}

/// How a MicrosoftTeams version implements one policy cmdlet (catalog §2): a generated proxy
/// function (typed String/Boolean/Int64/Object parameters, no -Force) or a compiled cmdlet of
/// `Microsoft.Teams.Policy.Administration.Cmdlets.Core` (typed parameters, -Force).
public enum PolicyCmdletImplementation: String, Equatable, Sendable {
    case proxyFunction
    case binaryCmdlet
}

/// A policy type's five cmdlets across MicrosoftTeams versions.
public struct PolicyCmdletSet: Equatable, Sendable {
    /// The first version exporting the five cmdlets.
    public let introducedIn: ModuleVersion
    /// Cmdlets that are compiled cmdlets in 7.7.0.
    public let binaryVerbs: Set<PolicyCmdletVerb>
    /// The version that re-implemented them as compiled cmdlets (they were proxy functions
    /// before); nil when they always were.
    public let binarySince: ModuleVersion?

    public init(introducedIn: ModuleVersion, binaryVerbs: Set<PolicyCmdletVerb> = [], binarySince: ModuleVersion? = nil) {
        self.introducedIn = introducedIn
        self.binaryVerbs = binaryVerbs
        self.binarySince = binarySince
    }

    /// Proxy functions in every version (the enhanced encryption pattern).
    public static func proxy(since version: ModuleVersion) -> PolicyCmdletSet {
        PolicyCmdletSet(introducedIn: version)
    }

    /// How `version` implements `verb`.
    public func implementation(of verb: PolicyCmdletVerb, in version: ModuleVersion) -> PolicyCmdletImplementation {
        guard binaryVerbs.contains(verb) else { return .proxyFunction }
        if let binarySince, version.release < binarySince { return .proxyFunction }
        return .binaryCmdlet
    }

    /// Grant's `-Group` and `-Rank` exist from 4.5.0 on, for every type (SFB-RN 4.5.0).
    public static let grantToGroupSince = ModuleVersion([4, 5, 0])
}

/// Which assignment cmdlets take a policy type besides its own Grant.
public struct PolicyAssignmentRules: Equatable, Sendable {
    /// New-/Set-CsGroupPolicyAssignment accept the type (the docs exclude a few, such as
    /// TeamsAppPermissionPolicy, although its Grant has `-Group`).
    public let groupPolicyAssignment: Bool
    /// New-CsBatchPolicyAssignmentOperation accepts the type (its documented list).
    public let batchAssignment: Bool

    public init(groupPolicyAssignment: Bool = true, batchAssignment: Bool = true) {
        self.groupPolicyAssignment = groupPolicyAssignment
        self.batchAssignment = batchAssignment
    }
}

/// A Microsoft-provided instance (`Tag:Disabled`), present in every tenant and read-only. Values
/// it does not list are Global's.
public struct PolicyPreset: Equatable, Sendable {
    public let name: String
    public let values: [String: PolicyValue]

    public init(name: String, values: [String: PolicyValue]) {
        self.name = name
        self.values = values
    }
}

/// A client setting that exists for a user only while their effective policy has a given value
/// (the "End-to-end encrypted calls" toggle behind `DisabledUserOverride`).
public struct UserToggleDescriptor: Equatable, Sendable {
    /// The name the clients show (`End-to-end encrypted calls`).
    public let clientSettingName: String
    public let policySetting: String
    public let enablingValue: PolicyValue

    public init(clientSettingName: String, policySetting: String, enablingValue: PolicyValue) {
        self.clientSettingName = clientSettingName
        self.policySetting = policySetting
        self.enablingValue = enablingValue
    }
}

/// Everything that differs between one Teams policy type and another. The generic machinery
/// (identities, instances, assignments, the five cmdlets and their parameters, the list view,
/// completion, the world file) reads only this, so a new family is a new descriptor and nothing
/// else.
public struct PolicyTypeDescriptor: Equatable, Sendable {
    /// The policy type as assignment cmdlets name it (`TeamsMeetingPolicy`); also the
    /// Get-CsOnlineUser property that shows a user's direct assignment.
    public let name: String
    /// The cmdlet noun (`CsTeamsMeetingPolicy`).
    public let cmdletNoun: String
    /// The type name the module puts on instances; its format view keys on it.
    public let objectTypeName: String
    /// Settings in list-view order, after Identity.
    public let settings: [PolicySettingDescriptor]
    /// Values of the tenant's Global instance at creation and after `Remove -Identity Global`,
    /// where they differ from the settings' defaults.
    public let globalOverrides: [String: PolicyValue]
    public let presets: [PolicyPreset]
    public let cmdlets: PolicyCmdletSet
    public let assignment: PolicyAssignmentRules
    /// Whether instance names may contain spaces (the EE admin doc says they may not).
    public let namesMayContainSpaces: Bool
    /// How many groups one policy type can be assigned to.
    public let maximumGroupAssignments: Int
    public let userToggle: UserToggleDescriptor?
    /// The Microsoft365DSC resource that exports the type's instances (`MSFT_<name>`, written
    /// `TeamsMeetingPolicy 'X' { … }` in an export): the type's name when it starts with
    /// `Teams`, else `Teams` + the name (`TeamsTenantDialPlan`), unless a descriptor says
    /// otherwise.
    public let microsoft365DSCResource: String
    /// Lower-cased setting name → position in `settings`.
    private let settingIndex: [String: Int]

    public init(
        name: String, cmdletNoun: String? = nil, objectTypeName: String, settings: [PolicySettingDescriptor],
        globalOverrides: [String: PolicyValue] = [:], presets: [PolicyPreset] = [], cmdlets: PolicyCmdletSet,
        assignment: PolicyAssignmentRules = PolicyAssignmentRules(), namesMayContainSpaces: Bool = true,
        maximumGroupAssignments: Int = 64, userToggle: UserToggleDescriptor? = nil, microsoft365DSCResource: String? = nil
    ) {
        self.name = name
        self.cmdletNoun = cmdletNoun ?? "Cs" + name
        self.objectTypeName = objectTypeName
        self.settings = settings
        self.globalOverrides = globalOverrides
        self.presets = presets
        self.cmdlets = cmdlets
        self.assignment = assignment
        self.namesMayContainSpaces = namesMayContainSpaces
        self.maximumGroupAssignments = maximumGroupAssignments
        self.userToggle = userToggle
        self.microsoft365DSCResource = microsoft365DSCResource ?? (name.hasPrefix("Teams") ? name : "Teams" + name)
        var index: [String: Int] = [:]
        for (position, setting) in settings.enumerated() where index[setting.name.lowercased()] == nil {
            index[setting.name.lowercased()] = position
        }
        settingIndex = index
    }

    /// The first MicrosoftTeams version exporting this type's cmdlets.
    public var introducedIn: ModuleVersion { cmdlets.introducedIn }

    /// Property names in the module's list-view order: `Identity`, then the settings.
    public var propertyOrder: [String] { ["Identity"] + settings.map(\.name) }

    /// `Get-`, `Grant-`, `New-`, `Remove-` and `Set-` + noun, alphabetically.
    public var cmdletNames: [String] {
        PolicyCmdletVerb.allCases.map { $0.rawValue + "-" + cmdletNoun }
    }

    /// A setting by name, case-insensitively (as parameters bind).
    public func setting(named name: String) -> PolicySettingDescriptor? {
        settingIndex[name.lowercased()].map { settings[$0] }
    }

    /// Values of a newly created instance.
    public var defaultValues: [String: PolicyValue] {
        var values: [String: PolicyValue] = [:]
        for setting in settings { values[setting.name] = setting.defaultValue }
        return values
    }

    /// Values of a new instance named `name` (settings that default to the name get it).
    public func newInstanceValues(named name: String) -> [String: PolicyValue] {
        var values = defaultValues
        for setting in settings where setting.defaultsToName { values[setting.name] = .string(name) }
        return values
    }

    /// Values of a fresh Global instance.
    public var globalDefaultValues: [String: PolicyValue] {
        defaultValues.merging(globalOverrides) { _, override in override }
    }

    /// Checks a value against its setting and returns the setting's canonical name with the value
    /// in canonical form (`disableduseroverride` becomes `DisabledUserOverride`).
    public func canonicalValue(_ value: PolicyValue, for settingName: String) throws -> (String, PolicyValue) {
        guard let setting = setting(named: settingName) else {
            throw TenantError.unknownSetting(policyType: name, setting: settingName)
        }
        return (setting.name, try setting.canonical(value))
    }
}
