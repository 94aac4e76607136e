extension PolicyFamilies {
    public static let enhancedEncryptionName = "TeamsEnhancedEncryptionPolicy"
    public static let callingSetting = "CallingEndtoEndEncryptionEnabledType"
    public static let meetingSetting = "MeetingEndToEndEncryption"
    public static let disabled = "Disabled"
    public static let disabledUserOverride = "DisabledUserOverride"

    /// TeamsEnhancedEncryptionPolicy (microsoftteams-facts §1, §2; simulator spec §1, §3): proxy
    /// functions from 2.5.2-preview, both settings with the spec's deliberate ValidateSet.
    public static let enhancedEncryption = PolicyTypeDescriptor(
        name: enhancedEncryptionName,
        objectTypeName: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.TeamsEnhancedEncryptionPolicy",
        settings: [
            .choice(callingSetting, [disabled, disabledUserOverride], disabled),
            .choice(meetingSetting, [disabled, disabledUserOverride], disabled),
            .text("Description", "", configuration: false),
        ],
        // A real tenant's Global had meetings at DisabledUserOverride (facts §1.6); spec §1 keeps it.
        globalOverrides: [meetingSetting: .string(disabledUserOverride)],
        presets: [
            PolicyPreset(name: "Disabled", values: [callingSetting: "Disabled", meetingSetting: "Disabled", "Description": ""]),
            PolicyPreset(name: "UserControlled", values: [
                callingSetting: "DisabledUserOverride", meetingSetting: "DisabledUserOverride", "Description": "",
            ]),
        ],
        cmdlets: .proxy(since: ModuleVersion([2, 5, 2], prerelease: "preview")),
        // Not in New-CsBatchPolicyAssignmentOperation's documented list (facts §4.5).
        assignment: PolicyAssignmentRules(groupPolicyAssignment: true, batchAssignment: false),
        namesMayContainSpaces: false,
        userToggle: UserToggleDescriptor(
            clientSettingName: "End-to-end encrypted calls", policySetting: callingSetting,
            enablingValue: .string(disabledUserOverride)))
}
