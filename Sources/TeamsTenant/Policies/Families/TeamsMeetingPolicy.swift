// The TeamsMeetingPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 35 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsMeetingPolicy (families.json rank 1): binary Get/New/Remove/Set, proxy Grant.
    /// Largest family: 105 settings in the 7.7.0 list view, 16 more documented later. Many settings are
    /// documented as not yet released or internal; a simulator can store them as opaque strings.
    public static let meeting = PolicyTypeDescriptor(
        name: "TeamsMeetingPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsMeetingPolicy",
        settings: [
            .text("Description", "", .derived, configuration: false),
            .boolean("AllowChannelMeetingScheduling", true),
            .boolean("AllowMeetNow", true),
            .boolean("AllowPrivateMeetNow", true),
            .choice("MeetingChatEnabledType", ["Disabled", "Enabled", "EnabledExceptAnonymous"], "Enabled"),
            // NOTE: Global value unknown; chosen: true (chat with untrusted external participants follows the
            // admin-center On default of meeting chat).
            .boolean("AllowExternalNonTrustedMeetingChat", true, .chosen),
            .boolean("CopyRestriction", true, .singleSource, since: ModuleVersion([5, 6, 0])),
            .choice("LiveCaptionsEnabledType", ["Disabled", "DisabledUserOverride"], "DisabledUserOverride"),
            .choice("DesignatedPresenterRoleMode", ["OrganizerOnlyUserOverride", "EveryoneInCompanyUserOverride", "EveryoneUserOverride"], "EveryoneUserOverride"),
            .boolean("AllowIPAudio", true),
            .boolean("AllowIPVideo", true),
            .choice("AllowEngagementReport", ["Enabled", "Disabled", "ForceEnabled"], "Enabled"),
            // NOTE: Global value unknown; chosen: "Enabled" (attendance tracking is on in a new tenant).
            .text("AllowTrackingInReport", "Enabled", .chosen),
            .choice("IPAudioMode", ["EnabledOutgoingIncoming", "Disabled"], "EnabledOutgoingIncoming"),
            .choice("IPVideoMode", ["EnabledOutgoingIncoming", "Disabled"], "EnabledOutgoingIncoming"),
            .boolean("AllowAnonymousUsersToDialOut", false, .singleSource),
            .boolean("AllowAnonymousUsersToStartMeeting", false),
            .boolean("AllowAnonymousUsersToJoinMeeting", true),
            .stringList("BlockedAnonymousJoinClientTypes", []),
            // NOTE: Global value unknown; chosen: "" (no streaming input until an admin enables one).
            .choice("AllowedStreamingMediaInput", ["", "RTMP", "SRT", "RTMP,SRT"], "", .chosen),
            .choice("ExplicitRecordingConsent", ["Enabled", "Disabled", "LegitimateInterest"], "Disabled", .singleSource, since: ModuleVersion([4, 9, 0])),
            // NOTE: Global value unknown; chosen: false (no custom message unless configured).
            .boolean("EnableRecordingAndTranscriptionCustomMessage", false, .chosen),
            // NOTE: Global value unknown; chosen: null (no custom message unless configured).
            .guid("RecordingAndTranscriptionCustomMessageIdentifier", nil, .chosen),
            // NOTE: Global value unknown; chosen: true (follows AllowCloudRecording, which is on).
            .boolean("AllowLocalRecording", true, .chosen),
            // NOTE: Global value unknown; chosen: "Disabled" (meetings are not recorded automatically).
            .text("AutoRecording", "Disabled", .chosen, since: ModuleVersion([5, 7, 0])),
            // NOTE: Global value unknown; chosen: "Disabled" (attendees keep their names unless allowed).
            .choice("ParticipantNameChange", ["Enabled", "Disabled"], "Disabled", .chosen, since: ModuleVersion([5, 7, 0])),
            .boolean("AllowPrivateMeetingScheduling", true),
            .choice("AutoAdmittedUsers", ["EveryoneInCompany", "Everyone", "EveryoneInSameAndFederatedCompany", "OrganizerOnly", "InvitedUsers", "EveryoneInCompanyExcludingGuests"], "EveryoneInCompany"),
            .boolean("AllowCloudRecording", true),
            .choice("SetRecordingAndTranscriptOwnership", ["Disabled", "Enabled"], "Disabled", .singleSource),
            .boolean("AllowRecordingStorageOutsideRegion", false),
            // NOTE: Global value unknown; chosen: "OneDriveForBusiness" (recordings have been stored in OneDrive
            // since the move from Stream).
            .choice("RecordingStorageMode", ["Stream", "OneDriveForBusiness"], "OneDriveForBusiness", .chosen),
            .boolean("AllowOutlookAddIn", true),
            .boolean("AllowPowerPointSharing", true),
            .boolean("AllowParticipantGiveRequestControl", true),
            .boolean("AllowExternalParticipantGiveRequestControl", false),
            .boolean("AllowSharedNotes", true),
            .boolean("AllowWhiteboard", true),
            // NOTE: sources disagree (tenantExport false, adminCenterDoc true); the facts chose true.
            .boolean("AllowTranscription", true, .conflict),
            .boolean("AllowNetworkConfigurationSettingsLookup", false),
            .integer("MediaBitRateKb", .uint32, 50000),
            .choice("ScreenSharingMode", ["SingleApplication", "EntireScreen", "Disabled"], "EntireScreen"),
            .boolean("AllowMultipleScreenshare", true, .singleSource),
            .choice("VideoFiltersMode", ["NoFilters", "BlurOnly", "BlurAndDefaultBackgrounds", "AllFilters"], "AllFilters"),
            .boolean("AllowPSTNUsersToBypassLobby", false),
            .boolean("AllowOrganizersToOverrideLobbySettings", false),
            .choice("PreferredMeetingProviderForIslandsMode", ["TeamsAndSfb", "Teams"], "TeamsAndSfb"),
            .boolean("AllowNDIStreaming", false),
            .choice("SpeakerAttributionMode", ["Enabled", "EnabledUserOverride", "DisabledUserOverride", "Disabled"], "EnabledUserOverride"),
            .choice("EnrollUserOverride", ["Disabled", "Enabled"], "Disabled"),
            // NOTE: Global value unknown; chosen: "Attribute" (rooms attribute speakers by default).
            .choice("RoomAttributeUserOverride", ["Off", "Distinguish", "Attribute"], "Attribute", .chosen),
            // NOTE: sources disagree (tenantExport "Disabled", adminCenterDoc "Enabled", cmdletDoc "Disabled"); the
            // facts chose "Disabled".
            .choice("StreamingAttendeeMode", ["Disabled", "Enabled"], "Disabled", .conflict),
            // NOTE: Global value unknown; chosen: "Disabled" (identities are shown unless masking is enabled).
            .choice("AttendeeIdentityMasking", ["Enabled", "Disabled"], "Disabled", .chosen),
            .boolean("AllowBreakoutRooms", true),
            .choice("TeamsCameraFarEndPTZMode", ["Disabled", "AutoAcceptInTenant", "AutoAcceptAll"], "Disabled"),
            .boolean("AllowMeetingReactions", true),
            .boolean("AllowMeetingRegistration", true),
            .choice("WhoCanRegister", ["Everyone", "EveryoneInCompany"], "Everyone"),
            // NOTE: Global value unknown; chosen: "Enabled" (content digitization is on in a new tenant).
            .text("AllowScreenContentDigitization", "Enabled", .chosen),
            // NOTE: Global value unknown; chosen: true (meeting summaries are on in a new tenant).
            .boolean("AllowCarbonSummary", true, .chosen),
            .choice("RoomPeopleNameUserOverride", ["Off", "On"], "Off", .singleSource),
            .boolean("AllowMeetingCoach", true),
            .integer("NewMeetingRecordingExpirationDays", .int64, 120),
            .choice("LiveStreamingMode", ["Disabled", "Enabled"], "Disabled"),
            // NOTE: Global value unknown; chosen: "" (no extra invitation languages).
            .text("MeetingInviteLanguages", "", .chosen),
            .choice("ChannelRecordingDownload", ["Allow", "Block"], "Allow"),
            .choice("AllowCartCaptionsScheduling", ["EnabledUserOverride", "DisabledUserOverride", "Disabled"], "DisabledUserOverride"),
            // NOTE: Global value unknown; chosen: "Enabled" (tasks from transcripts are on in a new tenant).
            .text("AllowTasksFromTranscript", "Enabled", .chosen),
            .choice("InfoShownInReportMode", ["FullInformation", "IdentityOnly"], "FullInformation"),
            .choice("LiveInterpretationEnabledType", ["DisabledUserOverride", "Disabled"], "DisabledUserOverride"),
            .choice("QnAEngagementMode", ["Enabled", "Disabled"], "Enabled"),
            // NOTE: Global value unknown; chosen: true (immersive view is on in a new tenant).
            .boolean("AllowImmersiveView", true, .chosen),
            // NOTE: Global value unknown; chosen: true (avatars are on in a new tenant).
            .boolean("AllowAvatarsInGallery", true, .chosen),
            .boolean("AllowAnnotations", true, .singleSource),
            .text("AllowDocumentCollaboration", "Enabled", .singleSource),
            .boolean("AllowWatermarkForScreenSharing", false),
            .boolean("AllowWatermarkForCameraVideo", false),
            // NOTE: Global value unknown; chosen: false (watermarks are off unless configured).
            .boolean("AllowWatermarkCustomizationForCameraVideo", false, .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: null (unset until watermarks are configured).
            .integer("WatermarkForCameraVideoOpacity", .int64, nil, .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: "" (unset until watermarks are configured).
            .text("WatermarkForCameraVideoPattern", "", .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: false (watermarks are off unless configured).
            .boolean("AllowWatermarkCustomizationForScreenSharing", false, .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: null (unset until watermarks are configured).
            .integer("WatermarkForScreenSharingOpacity", .int64, nil, .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: "" (unset until watermarks are configured).
            .text("WatermarkForScreenSharingPattern", "", .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: "" (unset until watermarks are configured).
            .text("WatermarkForAnonymousUsers", "", .chosen),
            // NOTE: Global value unknown; chosen: false (off unless configured).
            .boolean("DetectSensitiveContentDuringScreenSharing", false, .chosen),
            // NOTE: Global value unknown; chosen: "Default" (the default notification).
            .text("AudibleRecordingNotification", "Default", .chosen),
            .choice("ConnectToMeetingControls", ["Enabled", "Disabled"], "Enabled", .singleSource),
            // NOTE: Global value unknown; chosen: "EnabledWithTranscript" (the documented default of the
            // parameter).
            .choice("Copilot", ["Enabled", "EnabledWithTranscript"], "EnabledWithTranscript", .chosen),
            // NOTE: Global value unknown; chosen: "Disabled" (Copilot does not start on its own).
            .choice("AutomaticallyStartCopilot", ["Enabled", "Disabled"], "Disabled", .chosen),
            .choice("VoiceIsolation", ["Enabled", "Disabled"], "Enabled", .singleSource, since: ModuleVersion([5, 6, 0])),
            .choice("ExternalMeetingJoin", ["EnabledForAnyone", "EnabledForTrustedOrgs", "Disabled"], "EnabledForAnyone", .singleSource),
            // NOTE: Global value unknown; chosen: "Enabled" (sharing in external meetings is allowed in a new
            // tenant).
            .text("ContentSharingInExternalMeetings", "Enabled", .chosen, since: ModuleVersion([5, 8, 0])),
            .choice("AllowedUsersForMeetingDetails", ["UsersAllowedToByPassTheLobby", "Everyone"], "UsersAllowedToByPassTheLobby", .singleSource),
            // NOTE: Global value unknown; chosen: "Enabled" (SMS notifications are on in a new tenant).
            .text("SmsNotifications", "Enabled", .chosen, since: ModuleVersion([6, 1, 0])),
            // NOTE: Global value unknown; chosen: "NotRequired" (no CAPTCHA unless configured).
            .choice("CaptchaVerificationForMeetingJoin", ["NotRequired", "AnonymousUsersAndUntrustedOrganizations"], "NotRequired", .chosen),
            // NOTE: Global value unknown; chosen: "OrganizersAndPresenters" (organizers and presenters admit, as in
            // the clients).
            .text("UsersCanAdmitFromLobby", "OrganizersAndPresenters", .chosen),
            // NOTE: Global value unknown; chosen: "Enabled" (lobby chat is on in a new tenant).
            .choice("LobbyChat", ["Enabled", "Disabled"], "Enabled", .chosen),
            // NOTE: Global value unknown; chosen: "Enabled" (view-only; presenters can chat in a new tenant).
            .text("BackroomChat", "Enabled", .chosen, readOnly: true),
            .choice("AnonymousUserAuthenticationMethod", ["OneTimePasscode", "None"], "OneTimePasscode", .singleSource),
            // NOTE: Global value unknown; chosen: "MicrosoftDefault" (Microsoft decides).
            .choice("NoiseSuppressionForDialInParticipants", ["MicrosoftDefault", "Enabled", "Disabled"], "MicrosoftDefault", .chosen),
            .choice("RealTimeText", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("AIInterpreter", ["Disabled", "Enabled"], "Enabled", .singleSource),
            .choice("VoiceSimulationInInterpreter", ["Disabled", "Enabled"], "Disabled", .singleSource),
            // NOTE: the cmdlet doc gives "Enabled", which is not among the documented values; teamsh uses
            // "Everyone".
            .choice("ParticipantSlideControl", ["Everyone", "EveryoneInOrganization", "EveryoneInOrganizationAndGuests", "None"], "Everyone", .conflict),
            .choice("PasscodeComplexity", ["Default", "NumericOnly"], "Default", .singleSource),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "AllOn", values: [
                "AllowTranscription": false,
                "Description": "Do not assign: equals the global defaults and will be retired.",
            ]),
            PolicyPreset(name: "RestrictedAnonymousAccess", values: [
                "AllowTranscription": false,
                "LiveCaptionsEnabledType": "Disabled",
                "Description": "Do not assign: equals the global defaults and will be retired.",
            ]),
            PolicyPreset(name: "AllOff", values: [
                "AllowChannelMeetingScheduling": false,
                "AllowCloudRecording": false,
                "AllowIPVideo": false,
                "AllowMeetNow": false,
                "AllowOutlookAddIn": false,
                "AllowParticipantGiveRequestControl": false,
                "AllowPowerPointSharing": false,
                "AllowPrivateMeetingScheduling": false,
                "AllowPrivateMeetNow": false,
                "AllowSharedNotes": false,
                "AllowTranscription": false,
                "AllowWhiteboard": false,
                "LiveCaptionsEnabledType": "Disabled",
                "MeetingChatEnabledType": "Disabled",
                "ScreenSharingMode": "Disabled",
            ]),
            PolicyPreset(name: "RestrictedAnonymousNoRecording", values: [
                "AllowCloudRecording": false,
                "AllowTranscription": false,
                "LiveCaptionsEnabledType": "Disabled",
                "Description": "Do not assign: close to the global defaults and will be retired.",
            ]),
            PolicyPreset(name: "Default", values: [
                "AllowTranscription": false,
            ]),
            PolicyPreset(name: "Kiosk", values: [
                "AllowChannelMeetingScheduling": false,
                "AllowCloudRecording": false,
                "AllowOutlookAddIn": false,
                "AllowPrivateMeetingScheduling": false,
                "AllowTranscription": false,
                "LiveCaptionsEnabledType": "Disabled",
            ]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .new, .remove, .set], binarySince: ModuleVersion([4, 9, 0]))
    )
}
