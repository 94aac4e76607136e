// The TeamsEventsPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 10 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsEventsPolicy (families.json rank 11): binary cmdlets.
    /// Released in 4.6.0 (Jul 2022); the tenant export (older M365DSC resource) only shows AllowWebinars,
    /// EventAccessType and Description.
    public static let events = PolicyTypeDescriptor(
        name: "TeamsEventsPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsEventsPolicy",
        settings: [
            .choice("AllowWebinars", ["Disabled", "Enabled"], "Enabled", .singleSource),
            .choice("EventAccessType", ["Everyone", "EveryoneInCompanyExcludingGuests"], "Everyone", .singleSource),
            // NOTE: Global value unknown; chosen: "Enabled" (town halls are allowed in a new tenant).
            .choice("AllowTownhalls", ["Disabled", "Enabled"], "Enabled", .chosen, since: ModuleVersion([5, 1, 0])),
            .choice("TownhallEventAttendeeAccess", ["Everyone", "EveryoneInOrganizationAndGuests"], "Everyone", .singleSource),
            // NOTE: Global value unknown; chosen: "Disabled" (view-only; off).
            .text("ExternalPresenterJoinVerification", "Disabled", .chosen, readOnly: true),
            // NOTE: Global value unknown; chosen: "Enabled" (organizers may edit event emails).
            .choice("AllowEmailEditing", ["Disabled", "Enabled"], "Enabled", .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: "AllQuestions" (every question type is allowed).
            .choice("AllowedQuestionTypesInRegistrationForm", ["DefaultOnly", "DefaultAndPredefinedOnly", "AllQuestions"], "AllQuestions", .chosen),
            // NOTE: Global value unknown; chosen: true (on in a new tenant).
            .boolean("AllowEventIntegrations", true, .chosen),
            // NOTE: Global value unknown; chosen: "Everyone" (recordings may be published to every audience).
            .choice("AllowedWebinarTypesForRecordingPublish", ["None", "InviteOnly", "EveryoneInCompanyIncludingGuests", "Everyone"], "Everyone", .chosen),
            // NOTE: Global value unknown; chosen: "Everyone" (recordings may be published to every audience).
            .choice("AllowedTownhallTypesForRecordingPublish", ["None", "InviteOnly", "EveryoneInCompanyIncludingGuests", "Everyone"], "Everyone", .chosen),
            .choice("RecordingForTownhall", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("RecordingForWebinar", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("TranscriptionForTownhall", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("TranscriptionForWebinar", ["Enabled", "Disabled"], "Enabled", .singleSource),
            // NOTE: Global value unknown; chosen: "Optimized" (the optimized chat).
            .choice("TownhallChatExperience", ["Optimized", "None"], "Optimized", .chosen),
            .choice("BroadcastPremiumApps", ["Enabled", "Disabled"], "Enabled", .singleSource),
            // NOTE: Global value unknown; chosen: true (Microsoft eCDN is used).
            .boolean("UseMicrosoftECDN", true, .chosen),
            .choice("ImmersiveEvents", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("TownhallMaxResolution", ["Max720p", "Max1080p", "MicrosoftManaged"], "MicrosoftManaged", .singleSource),
            .choice("HighBitrateForTownhall", ["Enabled", "Disabled"], "Disabled", .singleSource),
            // NOTE: Global value unknown; chosen: "Enabled" (view-only; presenters can chat).
            .text("BackroomChat", "Enabled", .chosen, readOnly: true),
            .choice("Registration", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .text("Description", "Default policy", .singleSource, configuration: false),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([4, 6, 0]), binaryVerbs: [.get, .grant, .new, .remove, .set], binarySince: ModuleVersion([5, 2, 0])),
        assignment: PolicyAssignmentRules(groupPolicyAssignment: true, batchAssignment: false)
    )
}
