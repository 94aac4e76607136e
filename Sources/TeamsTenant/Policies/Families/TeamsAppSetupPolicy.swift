// The TeamsAppSetupPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 2 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsAppSetupPolicy (families.json rank 4): binary cmdlets.
    public static let appSetup = PolicyTypeDescriptor(
        name: "TeamsAppSetupPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsAppSetupPolicy",
        settings: [
            // NOTE: sources disagree (adminCenterDoc [], cmdletDocExampleOutput
            // ["d2c6f111-ffad-42a0-b65e-ee00425598aa"]); the facts chose [].
            .objectList("AppPresetList", .appPreset, [], .conflict),
            .objectList("PinnedAppBarApps", .pinnedApp, [["Id": "14d6962d-6eeb-4f48-8890-de55454bb136", "Order": 1], ["Id": "86fcd49b-61a2-4701-b771-54728cd291fb", "Order": 2], ["Id": "2a84919f-59d8-4441-a975-2a8c2643b741", "Order": 3], ["Id": "ef56c0de-36fc-4ef8-b417-3d82ba9d073c", "Order": 4], ["Id": "20c3440d-c67e-4420-9f80-0e50c39693df", "Order": 5], ["Id": "5af6a76b-40fc-4ba1-af29-8f49b08e44fd", "Order": 6]], .singleSource),
            .objectList("PinnedMessageBarApps", .pinnedMessageBarApp, [], .singleSource),
            .objectList("AppPresetMeetingList", .appPresetMeeting, [], .singleSource),
            // NOTE: Global value unknown; chosen: [] (no customized apps).
            .objectList("AdditionalCustomizationApps", .additionalCustomizationApp, [], .chosen),
            // NOTE: Global value unknown; chosen: [] (no pinned calling bar apps).
            .objectList("PinnedCallingBarApps", .pinnedCallingBarApp, [], .chosen, parameterType: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedCallingBarApp[]"),
            .text("Description", "", .derived, configuration: false),
            // NOTE: sources disagree (tenantExport false, adminCenterDoc false, cmdletDocExampleOutput true); the
            // facts chose false.
            .boolean("AllowSideLoading", false, .conflict),
            .boolean("AllowUserPinning", true),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "FirstLineWorker", values: [
                "Description": "App setup for Firstline workers; read-only.",
            ]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .grant, .new, .remove, .set], binarySince: ModuleVersion([5, 2, 0]))
    )
}
