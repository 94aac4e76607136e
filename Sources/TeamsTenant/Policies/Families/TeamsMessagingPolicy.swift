// The TeamsMessagingPolicy family as data: settings in the 7.7.0 list view order with their Global values, the
// Microsoft-provided instances and the cmdlet shapes (facts: policy-families/families.json and catalog.md).
// 13 Global values are unknown in every source; each is chosen below and marked NOTE.
extension PolicyFamilies {
    /// TeamsMessagingPolicy (families.json rank 2): binary Get/New/Remove/Set, proxy Grant.
    public static let messaging = PolicyTypeDescriptor(
        name: "TeamsMessagingPolicy",
        objectTypeName: "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsMessagingPolicy",
        settings: [
            .text("Description", "", .derived, configuration: false),
            .boolean("AllowUrlPreviews", true),
            .boolean("AllowOwnerDeleteMessage", false),
            .boolean("AllowUserEditMessage", true),
            .boolean("AllowUserDeleteMessage", true),
            .boolean("UsersCanDeleteBotMessages", false, .singleSource),
            .boolean("AllowUserDeleteChat", true),
            .boolean("AllowUserChat", true),
            .boolean("AllowRemoveUser", true),
            .boolean("AllowGiphy", true),
            .choice("GiphyRatingType", ["Strict", "Moderate", "NoRestriction"], "Moderate"),
            // NOTE: Global value unknown; chosen: true (Giphy is shown in a new tenant, as AllowGiphy is on).
            .boolean("AllowGiphyDisplay", true, .chosen),
            // NOTE: Global value unknown; chosen: true (pasting images is allowed in a new tenant).
            .boolean("AllowPasteInternetImage", true, .chosen),
            .boolean("AllowMemes", true),
            .boolean("AllowImmersiveReader", true),
            .boolean("AllowStickers", true),
            .boolean("AllowUserTranslation", true),
            .choice("ReadReceiptsEnabledType", ["UserPreference", "Everyone", "None"], "UserPreference"),
            .boolean("AllowPriorityMessages", true),
            .boolean("AllowSmartReply", true),
            .boolean("AllowSmartCompose", true, .singleSource),
            .choice("ChannelsInChatListEnabledType", ["DisabledUserOverride", "EnabledUserOverride"], "DisabledUserOverride"),
            .choice("AudioMessageEnabledType", ["ChatsAndChannels", "ChatsOnly", "Disabled"], "ChatsAndChannels"),
            .choice("ChatPermissionRole", ["Restricted", "Limited", "Full"], "Restricted"),
            .boolean("AllowFullChatPermissionUserToDeleteAnyMessage", false, .singleSource),
            // NOTE: Global value unknown; chosen: false (off unless enabled).
            .boolean("AllowFluidCollaborate", false, .chosen),
            // NOTE: Global value unknown; chosen: true (video clips are allowed in a new tenant).
            .boolean("AllowVideoMessages", true, .chosen),
            // NOTE: Global value unknown; chosen: true (users can report messages in a new tenant).
            .boolean("AllowCommunicationComplianceEndUserReporting", true, .chosen),
            // NOTE: Global value unknown; chosen: true (on in a new tenant).
            .boolean("AllowChatWithGroup", true, .chosen, since: ModuleVersion([4, 9, 0])),
            // NOTE: Global value unknown; chosen: true (users can report security concerns in a new tenant).
            .boolean("AllowSecurityEndUserReporting", true, .chosen),
            // NOTE: Global value unknown; chosen: "BlockingAllowed" (users may block chats from people in the
            // organization).
            .text("InOrganizationChatControl", "BlockingAllowed", .chosen, since: ModuleVersion([5, 1, 0])),
            // NOTE: Global value unknown; chosen: true (on in a new tenant).
            .boolean("AllowGroupChatJoinLinks", true, .chosen),
            // NOTE: Global value unknown; chosen: true (users can add custom emojis in a new tenant).
            .boolean("CreateCustomEmojis", true, .chosen, since: ModuleVersion([5, 7, 0])),
            .boolean("UseB2BInvitesToAddExternalUsers", true, .singleSource),
            // NOTE: Global value unknown; chosen: "Disabled" (view-only; off in a new tenant).
            .text("AllowProactiveSummaries", "Disabled", .chosen, readOnly: true),
            // NOTE: Global value unknown; chosen: false (only admins delete custom emojis in a new tenant).
            .boolean("DeleteCustomEmojis", false, .chosen, since: ModuleVersion([5, 7, 0])),
            .choice("AutoShareFilesInExternalChats", ["Enabled", "Disabled"], "Enabled", .singleSource),
            .choice("DesignerForBackgroundsAndImages", ["Enabled", "Disabled"], "Enabled", .singleSource),
            // NOTE: Global value unknown; chosen: true (on in a new tenant).
            .boolean("AllowCustomGroupChatAvatars", true, .chosen),
        ],
        // Values a preset does not list are Global's.
        presets: [
            PolicyPreset(name: "Default", values: [:]),
            PolicyPreset(name: "EduFaculty", values: [
                "AllowGiphy": false,
                "AllowOwnerDeleteMessage": true,
                "GiphyRatingType": "Strict",
            ]),
            PolicyPreset(name: "EduStudent", values: [
                "AllowGiphy": false,
                "GiphyRatingType": "Strict",
            ]),
        ],
        cmdlets: PolicyCmdletSet(introducedIn: ModuleVersion([2, 0, 0]), binaryVerbs: [.get, .new, .remove, .set], binarySince: ModuleVersion([4, 9, 0]))
    )
}
