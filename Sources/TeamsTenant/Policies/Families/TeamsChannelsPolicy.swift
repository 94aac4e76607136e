// The TeamsChannelsPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
extension PolicyFamilies {
    /// TeamsChannelsPolicy (families.json rank 8): binary Get/New/Remove/Set, proxy Grant.
    /// 12 parameters documented after 7.7.0 (Next Generation channels) are marked as not released in the
    /// docs.
    public static let channels = PolicyTypeDescriptor(
        name: "TeamsChannelsPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsChannelsPolicy",
        settings: [
            .text("Description", "", .derived, configuration: false),
            .boolean("AllowOrgWideTeamCreation", true, .singleSource),
            .boolean("EnablePrivateTeamDiscovery", false, .singleSource, since: ModuleVersion([4, 9, 1])),
            .boolean("AllowPrivateChannelCreation", true),
            .boolean("AllowSharedChannelCreation", true),
            .boolean("AllowChannelSharingToExternalUser", true),
            .boolean("AllowUserToParticipateInExternalSharedChannel", true),
            .choice("ThreadedChannelCreation", ["Enabled", "Disabled"], "Enabled", .singleSource),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "Default", values: [:]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .new, .remove, .set], binarySince: ModuleVersion([4, 9, 1]))
    )
}
