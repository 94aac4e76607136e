// The TeamsFeedbackPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 1 Global value is unknown in every source; it is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsFeedbackPolicy (families.json rank 12): binary Get/New/Remove/Set, proxy Grant.
    public static let feedback = PolicyTypeDescriptor(
        name: "TeamsFeedbackPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsFeedbackPolicy",
        settings: [
            .choice("UserInitiatedMode", ["Enabled", "Disabled"], "Enabled"),
            // NOTE: sources disagree (tenantExport "EnabledUserOverride", cmdletDoc "Enabled", m365dscExample
            // "EnabledUserOverride"); the facts chose "EnabledUserOverride".
            .choice("ReceiveSurveysMode", ["Enabled", "Disabled", "EnabledUserOverride"], "EnabledUserOverride", .conflict),
            .boolean("AllowScreenshotCollection", false),
            .boolean("AllowEmailCollection", false),
            .boolean("AllowLogCollection", false),
            // NOTE: Global value unknown; chosen: true (users can suggest features in a new tenant).
            .boolean("EnableFeatureSuggestions", true, .chosen, since: ModuleVersion([4, 9, 0])),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "UserChoice", values: [:]),
            PolicyPreset(name: "Enabled", values: [
                "ReceiveSurveysMode": "Enabled",
            ]),
            PolicyPreset(name: "Disabled", values: [
                "ReceiveSurveysMode": "Disabled",
                "UserInitiatedMode": "Disabled",
            ]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .new, .remove, .set], binarySince: ModuleVersion([4, 9, 0])),
        assignment: PolicyAssignmentRules(groupPolicyAssignment: true, batchAssignment: false)
    )
}
