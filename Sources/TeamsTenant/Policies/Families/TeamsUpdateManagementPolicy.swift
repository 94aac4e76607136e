// The TeamsUpdateManagementPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 10 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsUpdateManagementPolicy (families.json rank 9): binary Get/New/Remove/Set, proxy Grant.
    /// No Global values found in any source: every globalDefault is unknown. UpdateTimeOfDay is displayed
    /// with ToShortTimeString() by the 7.7.0 view. Several settings can only be set when
    /// AllowManagedUpdates is True (docs).
    public static let updateManagement = PolicyTypeDescriptor(
        name: "TeamsUpdateManagementPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsUpdateManagementPolicy",
        settings: [
            // NOTE: Global value unknown; chosen: [] (no messages disabled).
            .stringList("DisabledInProductMessages", [], .chosen, parameterType: "System.Management.Automation.PSListModifier`1[System.String]"),
            // NOTE: Global value unknown; chosen: "" (empty).
            .text("Description", "", .chosen, configuration: false),
            // NOTE: Global value unknown; chosen: false (updates are not managed in a new tenant).
            .boolean("AllowManagedUpdates", false, .chosen),
            // NOTE: Global value unknown; chosen: false (no preview builds).
            .boolean("AllowPreview", false, .chosen),
            // NOTE: Global value unknown; chosen: 1 (Monday, as the docs example).
            .integer("UpdateDayOfWeek", .int64, 1, .chosen),
            // NOTE: Global value unknown; chosen: "18:00" (the docs example time).
            .text("UpdateTime", "18:00", .chosen),
            // NOTE: Global value unknown; chosen: "0001-01-01T18:00:00" (the docs example time, on .NET's first
            // day).
            .dateTime("UpdateTimeOfDay", "0001-01-01T18:00:00", .chosen),
            // NOTE: Global value unknown; chosen: "FollowOfficePreview" (public preview follows the Office preview
            // channel).
            .choice("AllowPublicPreview", ["Disabled", "Enabled", "Forced", "FollowOfficePreview"], "FollowOfficePreview", .chosen),
            // NOTE: Global value unknown; chosen: "MicrosoftChoice" (Microsoft decides when users get the new
            // client).
            .choice("UseNewTeamsClient", ["NewTeamsAsDefault", "UserChoice", "MicrosoftChoice", "AdminDisabled", "NewTeamsOnly"], "MicrosoftChoice", .chosen, since: ModuleVersion([4, 9, 1])),
            // NOTE: Global value unknown; chosen: false (legacy authorization is not blocked).
            .boolean("BlockLegacyAuthorization", false, .chosen),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .new, .remove, .set], binarySince: ModuleVersion([4, 9, 1]))
    )
}
