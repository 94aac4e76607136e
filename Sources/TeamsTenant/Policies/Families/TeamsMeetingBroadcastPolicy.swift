// The TeamsMeetingBroadcastPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
extension PolicyFamilies {
    /// TeamsMeetingBroadcastPolicy (families.json rank 10): proxy functions.
    public static let meetingBroadcast = PolicyTypeDescriptor(
        name: "TeamsMeetingBroadcastPolicy",
        objectTypeName: "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.TeamsMeetingBroadcastPolicy",
        settings: [
            .text("Description", "", .derived, configuration: false),
            .boolean("AllowBroadcastScheduling", true),
            .boolean("AllowBroadcastTranscription", false),
            .choice("BroadcastAttendeeVisibilityMode", ["Everyone", "EveryoneInCompany", "InvitedUsersInCompany", "EveryoneInCompanyAndExternal", "InvitedUsersInCompanyAndExternal"], "Everyone"),
            .choice("BroadcastRecordingMode", ["AlwaysEnabled", "AlwaysDisabled", "UserOverride"], "UserOverride"),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "Default", values: [
                "BroadcastAttendeeVisibilityMode": "EveryoneInCompany",
                "BroadcastRecordingMode": "AlwaysEnabled",
            ]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]))
    )
}
