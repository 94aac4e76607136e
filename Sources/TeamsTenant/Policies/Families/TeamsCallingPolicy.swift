// The TeamsCallingPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 5 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsCallingPolicy (families.json rank 3): binary cmdlets.
    public static let calling = PolicyTypeDescriptor(
        name: "TeamsCallingPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsCallingPolicy",
        settings: [
            .text("Description", "", .derived, configuration: false),
            .boolean("AllowPrivateCalling", true),
            .boolean("AllowWebPSTNCalling", true),
            // NOTE: sources disagree (tenantExport true, adminCenterDoc false); the facts chose false.
            .boolean("AllowSIPDevicesCalling", false, .conflict),
            .choice("AllowVoicemail", ["AlwaysEnabled", "AlwaysDisabled", "UserOverride"], "UserOverride"),
            .boolean("AllowCallGroups", true),
            .boolean("AllowDelegation", true),
            .boolean("AllowCallForwardingToUser", true),
            .boolean("AllowCallForwardingToPhone", true),
            .boolean("PreventTollBypass", false),
            .choice("BusyOnBusyEnabledType", ["Enabled", "Disabled", "Unanswered", "UserOverride"], "Disabled"),
            .choice("MusicOnHoldEnabledType", ["Enabled", "Disabled", "UserOverride"], "Enabled"),
            // NOTE: sources disagree (tenantExport true, adminCenterDoc false); the facts chose false.
            .boolean("AllowCloudRecordingForCalls", false, .conflict),
            .choice("ExplicitRecordingConsent", ["Enabled", "Disabled"], "Disabled", .singleSource),
            // NOTE: Global value unknown; chosen: false (no custom message unless configured).
            .boolean("EnableRecordingAndTranscriptionCustomMessage", false, .chosen),
            // NOTE: Global value unknown; chosen: null (no custom message unless configured).
            .guid("RecordingAndTranscriptionCustomMessageIdentifier", nil, .chosen),
            // NOTE: sources disagree (tenantExport true, adminCenterDoc false); the facts chose false.
            .boolean("AllowTranscriptionForCalling", false, .conflict, readOnly: true),
            .choice("PopoutForIncomingPstnCalls", ["Enabled", "Disabled"], "Disabled"),
            .text("PopoutAppPathForIncomingPstnCalls", "", .singleSource),
            .choice("LiveCaptionsEnabledTypeForCalling", ["DisabledUserOverride", "Disabled"], "DisabledUserOverride"),
            .choice("AutoAnswerEnabledType", ["Enabled", "Disabled"], "Disabled"),
            .choice("SpamFilteringEnabledType", ["Enabled", "Disabled"], "Enabled"),
            .integer("CallRecordingExpirationDays", .int64, 60),
            .choice("AllowCallRedirect", ["Enabled", "Disabled", "UserOverride"], "Disabled", .singleSource),
            .choice("InboundPstnCallRoutingTreatment", ["RegularIncoming", "Unanswered", "Voicemail", "UserOverride"], "RegularIncoming", .singleSource, since: ModuleVersion([5, 1, 0])),
            .choice("InboundFederatedCallRoutingTreatment", ["RegularIncoming", "Unanswered", "Voicemail"], "RegularIncoming", .singleSource, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: false (off unless enabled).
            .boolean("EnableWebPstnMediaBypass", false, .chosen),
            .boolean("EnableSpendLimits", false, .singleSource),
            // NOTE: Global value unknown; chosen: null (no spend limit).
            .integer("CallingSpendUserLimit", .int64, nil, .chosen, parameterType: "System.Int64"),
            .choice("Copilot", ["Enabled", "EnabledWithTranscript", "Disabled"], "Enabled", .singleSource),
            // NOTE: Global value unknown; chosen: "Enabled" (view-only; calls show in the call log).
            .text("ShowTeamsCallsInCallLog", "Enabled", .chosen, readOnly: true),
            .choice("RealTimeText", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("AIInterpreter", ["Disabled", "Enabled"], "Enabled", .singleSource),
            .choice("VoiceSimulationInInterpreter", ["Disabled", "Enabled"], "Disabled", .singleSource),
            .choice("ReportCall", ["Enabled", "Disabled"], "Enabled", .singleSource),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "AllowCalling", values: [:]),
            PolicyPreset(name: "DisallowCalling", values: [
                "AllowCallForwardingToPhone": false,
                "AllowCallForwardingToUser": false,
                "AllowCallGroups": false,
                "AllowDelegation": false,
                "AllowPrivateCalling": false,
                "AllowVoicemail": "AlwaysDisabled",
            ]),
            PolicyPreset(name: "AllowCallingPreventTollBypass", values: [
                "PreventTollBypass": true,
            ]),
            PolicyPreset(name: "AllowCallingPreventForwardingtoPhone", values: [
                "AllowCallForwardingToPhone": false,
            ]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .grant, .new, .remove, .set], binarySince: ModuleVersion([5, 2, 0]))
    )
}
