/// A policy setting's value. Settings are strings today; the other cases exist so the next policy
/// families (booleans, numbers) fit the same machinery.
public enum PolicyValue: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .null: try container.encodeNil()
        }
    }

    /// The value as text (`True`/`False` for booleans, as PowerShell prints them; empty for null).
    public var description: String {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let number): return String(number)
        case .null: return ""
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// What values a setting takes.
public enum PolicySettingKind: Equatable, Sendable {
    /// One of a fixed list, matched case-insensitively and stored in the list's case.
    case choice([String])
    /// Free text.
    case text
    case boolean
}

/// One setting of a policy type, in the order its list view shows it.
public struct PolicySettingDescriptor: Equatable, Sendable {
    /// The property and parameter name (`CallingEndtoEndEncryptionEnabledType`).
    public let name: String
    public let kind: PolicySettingKind
    /// The value a new instance gets when the setting is not given.
    public let defaultValue: PolicyValue
    /// False for settings that describe an instance rather than configure it (`Description`):
    /// `Grant -Global` copies only the others into Global.
    public let isConfiguration: Bool

    public init(name: String, kind: PolicySettingKind, defaultValue: PolicyValue, isConfiguration: Bool = true) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.isConfiguration = isConfiguration
    }

    /// The allowed values of a choice setting (empty for other kinds).
    public var allowedValues: [String] {
        if case .choice(let values) = kind { return values }
        return []
    }
}

/// A Microsoft-provided instance (`Tag:Disabled`), present in every tenant and read-only.
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
/// (identities, instances, assignments, the five cmdlets) reads only this.
public struct PolicyTypeDescriptor: Equatable, Sendable {
    /// The policy type as assignment cmdlets name it (`TeamsEnhancedEncryptionPolicy`); also the
    /// Get-CsOnlineUser property that shows a user's direct assignment.
    public let name: String
    /// The cmdlet noun (`CsTeamsEnhancedEncryptionPolicy`).
    public let cmdletNoun: String
    /// The type name the module puts on instances; its format view keys on it.
    public let objectTypeName: String
    /// Settings in list-view order, after Identity.
    public let settings: [PolicySettingDescriptor]
    /// Values of the tenant's Global instance at creation and after `Remove -Identity Global`,
    /// where they differ from the settings' defaults.
    public let globalOverrides: [String: PolicyValue]
    public let presets: [PolicyPreset]
    /// The first MicrosoftTeams version exporting this type's cmdlets.
    public let introducedIn: ModuleVersion
    /// Whether instance names may contain spaces (the EE admin doc says they may not).
    public let namesMayContainSpaces: Bool
    /// How many groups one policy type can be assigned to.
    public let maximumGroupAssignments: Int
    public let userToggle: UserToggleDescriptor?

    public init(
        name: String, cmdletNoun: String, objectTypeName: String, settings: [PolicySettingDescriptor],
        globalOverrides: [String: PolicyValue], presets: [PolicyPreset], introducedIn: ModuleVersion,
        namesMayContainSpaces: Bool, maximumGroupAssignments: Int = 64, userToggle: UserToggleDescriptor? = nil
    ) {
        self.name = name
        self.cmdletNoun = cmdletNoun
        self.objectTypeName = objectTypeName
        self.settings = settings
        self.globalOverrides = globalOverrides
        self.presets = presets
        self.introducedIn = introducedIn
        self.namesMayContainSpaces = namesMayContainSpaces
        self.maximumGroupAssignments = maximumGroupAssignments
        self.userToggle = userToggle
    }

    /// Property names in the module's list-view order: `Identity`, then the settings.
    public var propertyOrder: [String] { ["Identity"] + settings.map(\.name) }

    /// `New-`, `Get-`, `Set-`, `Remove-` and `Grant-` + noun, alphabetically.
    public var cmdletNames: [String] {
        ["Get", "Grant", "New", "Remove", "Set"].map { $0 + "-" + cmdletNoun }
    }

    /// A setting by name, case-insensitively (as parameters bind).
    public func setting(named name: String) -> PolicySettingDescriptor? {
        let folded = name.lowercased()
        return settings.first { $0.name.lowercased() == folded }
    }

    /// Values of a newly created instance.
    public var defaultValues: [String: PolicyValue] {
        var values: [String: PolicyValue] = [:]
        for setting in settings { values[setting.name] = setting.defaultValue }
        return values
    }

    /// Values of a fresh Global instance.
    public var globalDefaultValues: [String: PolicyValue] {
        defaultValues.merging(globalOverrides) { _, override in override }
    }

    /// Checks a value against its setting and returns it in canonical form (`disableduseroverride`
    /// becomes `DisabledUserOverride`).
    public func canonicalValue(_ value: PolicyValue, for settingName: String) throws -> (String, PolicyValue) {
        guard let setting = setting(named: settingName) else {
            throw TenantError.unknownSetting(policyType: name, setting: settingName)
        }
        switch (setting.kind, value) {
        case (.choice(let allowed), .string(let text)):
            let folded = text.lowercased()
            guard let match = allowed.first(where: { $0.lowercased() == folded }) else {
                throw TenantError.invalidSettingValue(setting: setting.name, value: text, allowed: allowed)
            }
            return (setting.name, .string(match))
        case (.choice(let allowed), _):
            throw TenantError.invalidSettingValue(setting: setting.name, value: value.description, allowed: allowed)
        case (.text, .string), (.text, .null), (.boolean, .bool):
            return (setting.name, value)
        case (.text, _):
            return (setting.name, .string(value.description))
        case (.boolean, _):
            throw TenantError.invalidSettingValue(setting: setting.name, value: value.description, allowed: ["True", "False"])
        }
    }
}

/// The policy types teamsh knows, each described by data.
public enum PolicyTypeRegistry {
    public static let enhancedEncryptionName = "TeamsEnhancedEncryptionPolicy"
    public static let callingSetting = "CallingEndtoEndEncryptionEnabledType"
    public static let meetingSetting = "MeetingEndToEndEncryption"
    public static let disabled = "Disabled"
    public static let disabledUserOverride = "DisabledUserOverride"

    /// TeamsEnhancedEncryptionPolicy (facts §1, §2; spec §1, §3).
    public static let enhancedEncryption = PolicyTypeDescriptor(
        name: enhancedEncryptionName,
        cmdletNoun: "CsTeamsEnhancedEncryptionPolicy",
        objectTypeName: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.TeamsEnhancedEncryptionPolicy",
        settings: [
            PolicySettingDescriptor(
                name: callingSetting, kind: .choice([disabled, disabledUserOverride]), defaultValue: .string(disabled)),
            PolicySettingDescriptor(
                name: meetingSetting, kind: .choice([disabled, disabledUserOverride]), defaultValue: .string(disabled)),
            PolicySettingDescriptor(name: "Description", kind: .text, defaultValue: .string(""), isConfiguration: false),
        ],
        // A real tenant's Global had meetings at DisabledUserOverride (facts §1.6); spec §1 keeps it.
        globalOverrides: [meetingSetting: .string(disabledUserOverride)],
        presets: [
            PolicyPreset(name: "Disabled", values: [
                callingSetting: .string(disabled), meetingSetting: .string(disabled), "Description": .string(""),
            ]),
            PolicyPreset(name: "UserControlled", values: [
                callingSetting: .string(disabledUserOverride), meetingSetting: .string(disabledUserOverride),
                "Description": .string(""),
            ]),
        ],
        introducedIn: ModuleVersion([2, 5, 2], prerelease: "preview"),
        namesMayContainSpaces: false,
        userToggle: UserToggleDescriptor(
            clientSettingName: "End-to-end encrypted calls", policySetting: callingSetting,
            enablingValue: .string(disabledUserOverride)))

    /// Every known type, in the order Get-CsUserPolicyAssignment lists them.
    public static let all: [PolicyTypeDescriptor] = [enhancedEncryption]

    /// A type by name, case-insensitively.
    public static func descriptor(named name: String) -> PolicyTypeDescriptor? {
        let folded = name.lowercased()
        return all.first { $0.name.lowercased() == folded }
    }
}
