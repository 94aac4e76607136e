# What Invoke-M365DSCLifecycle.ps1 does with each resource: the family, the instance, the
# properties to create it with and to change it to (resource parameters, as a DSC
# configuration would give them).
@(
    @{ Resource = 'MSFT_TeamsMeetingPolicy'; Family = 'TeamsMeetingPolicy'; Identity = 'DscMeeting'
        Create = @{ AllowMeetNow = $false; AllowCloudRecording = $false; ScreenSharingMode = 'SingleApplication'; MediaBitRateKb = 2000 }
        Change = @{ AllowMeetNow = $true; ScreenSharingMode = 'Disabled'; Description = 'changed' } }
    @{ Resource = 'MSFT_TeamsMessagingPolicy'; Family = 'TeamsMessagingPolicy'; Identity = 'DscMessaging'
        Create = @{ AllowGiphy = $false; GiphyRatingType = 'Strict'; AllowUserDeleteMessage = $false }
        Change = @{ AllowGiphy = $true; ReadReceiptsEnabledType = 'Everyone' } }
    @{ Resource = 'MSFT_TeamsCallingPolicy'; Family = 'TeamsCallingPolicy'; Identity = 'DscCalling'
        Create = @{ AllowPrivateCalling = $false; AllowVoicemail = 'AlwaysEnabled'; BusyOnBusyEnabledType = 'Enabled' }
        Change = @{ AllowPrivateCalling = $true; AllowCallGroups = $false } }
    @{ Resource = 'MSFT_TeamsAppSetupPolicy'; Family = 'TeamsAppSetupPolicy'; Identity = 'DscAppSetup'
        Create = @{ AllowSideLoading = $true; PinnedAppBarApps = '14d6962d-6eeb-4f48-8890-de55454bb136', '86fcd49b-61a2-4701-b771-54728cd291fb' }
        Change = @{ AllowSideLoading = $false; PinnedAppBarApps = '86fcd49b-61a2-4701-b771-54728cd291fb' } }
    @{ Resource = 'MSFT_TeamsAppPermissionPolicy'; Family = 'TeamsAppPermissionPolicy'; Identity = 'DscAppPermission'
        Create = @{ DefaultCatalogAppsType = 'AllowedAppList'; Description = 'allow listed apps' }
        Change = @{ DefaultCatalogAppsType = 'BlockedAppList' } }
    @{ Resource = 'MSFT_TeamsVoiceRoutingPolicy'; Family = 'OnlineVoiceRoutingPolicy'; Identity = 'DscRouting'
        Setup = { Set-CsOnlinePstnUsage -Identity Global -Usage @{ Add = 'Local', 'Long Distance' } }
        Create = @{ OnlinePstnUsages = 'Local'; Description = 'local calls' }
        Change = @{ OnlinePstnUsages = 'Local', 'Long Distance' } }
    @{ Resource = 'MSFT_TeamsTenantDialPlan'; Family = 'TenantDialPlan'; Identity = 'DscDialPlan'; SkipAgreement = 'NormalizationRules'
        Create = @{ Description = 'four digits'; SimpleName = 'DscDialPlan'
            NormalizationRules = @(@{ Identity = 'FourDigit'; Description = 'extensions'; Pattern = '^(\d{4})$'; Translation = '+1206555$1'; IsExternalExtension = $false }) }
        # The resource's update path changes the rules only (not the description), so only they change.
        Change = @{ Description = 'four digits'; SimpleName = 'DscDialPlan'
            NormalizationRules = @(@{ Identity = 'Intl'; Description = 'international'; Pattern = '^011(\d+)$'; Translation = '+$1'; IsExternalExtension = $false }) } }
    @{ Resource = 'MSFT_TeamsChannelsPolicy'; Family = 'TeamsChannelsPolicy'; Identity = 'DscChannels'
        Create = @{ AllowPrivateChannelCreation = $false; AllowSharedChannelCreation = $false }
        Change = @{ AllowPrivateChannelCreation = $true } }
    # This resource compares Identity too, so the configuration names the instance as Get shows it.
    @{ Resource = 'MSFT_TeamsUpdateManagementPolicy'; Family = 'TeamsUpdateManagementPolicy'; Identity = 'Tag:DscUpdates'
        Create = @{ AllowManagedUpdates = $true; AllowPreview = $false; UpdateDayOfWeek = 3; UpdateTime = '18:00'; UseNewTeamsClient = 'NewTeamsAsDefault' }
        Change = @{ UpdateDayOfWeek = 5; UseNewTeamsClient = 'UserChoice' } }
    @{ Resource = 'MSFT_TeamsMeetingBroadcastPolicy'; Family = 'TeamsMeetingBroadcastPolicy'; Identity = 'DscBroadcast'
        Create = @{ AllowBroadcastScheduling = $false; BroadcastAttendeeVisibilityMode = 'EveryoneInCompany' }
        Change = @{ AllowBroadcastScheduling = $true; BroadcastRecordingMode = 'AlwaysEnabled' } }
    @{ Resource = 'MSFT_TeamsEventsPolicy'; Family = 'TeamsEventsPolicy'; Identity = 'DscEvents'
        Create = @{ AllowWebinars = 'Disabled'; EventAccessType = 'EveryoneInCompanyExcludingGuests'; Description = 'no webinars' }
        Change = @{ AllowWebinars = 'Enabled' } }
    @{ Resource = 'MSFT_TeamsFeedbackPolicy'; Family = 'TeamsFeedbackPolicy'; Identity = 'DscFeedback'
        Create = @{ UserInitiatedMode = 'Disabled'; ReceiveSurveysMode = 'Enabled'; AllowEmailCollection = $true }
        Change = @{ UserInitiatedMode = 'Enabled'; AllowLogCollection = $true } }
    @{ Resource = 'MSFT_TeamsEnhancedEncryptionPolicy'; Family = 'TeamsEnhancedEncryptionPolicy'; Identity = 'DscE2EE'
        Create = @{ CallingEndtoEndEncryptionEnabledType = 'DisabledUserOverride'; Description = 'pilot' }
        Change = @{ CallingEndtoEndEncryptionEnabledType = 'Disabled'; MeetingEndToEndEncryption = 'DisabledUserOverride' } }
)
