# Scenarios of the resource-shaped modules under Resources/ (teamsh's own, for CI).
@(
    @{ Resource = 'TeamshFeedbackPolicy'; Family = 'TeamsFeedbackPolicy'; Identity = 'OwnFeedback'
        Create = @{ UserInitiatedMode = 'Disabled'; AllowEmailCollection = $true }
        Change = @{ UserInitiatedMode = 'Enabled'; ReceiveSurveysMode = 'Disabled' } }
    @{ Resource = 'TeamshAppSetupPolicy'; Family = 'TeamsAppSetupPolicy'; Identity = 'OwnAppSetup'
        Create = @{ AllowSideLoading = $true; PinnedAppBarApps = '14d6962d-6eeb-4f48-8890-de55454bb136', 'ef56c0de-36fc-4ef8-b417-3d82ba9d073c' }
        Change = @{ AllowSideLoading = $false; PinnedAppBarApps = 'ef56c0de-36fc-4ef8-b417-3d82ba9d073c' } }
    @{ Resource = 'TeamshTenantDialPlan'; Family = 'TenantDialPlan'; Identity = 'OwnDialPlan'; SkipAgreement = 'Patterns'
        Create = @{ Description = 'extensions'; Patterns = '^(\d{4})$', '^(\d{5})$' }
        Change = @{ Description = 'five digits'; Patterns = '^(\d{5})$' } }
    @{ Resource = 'TeamshVoiceRoutingPolicy'; Family = 'OnlineVoiceRoutingPolicy'; Identity = 'OwnRouting'
        Setup = { Set-CsOnlinePstnUsage -Identity Global -Usage @{ Add = 'Local', 'Long Distance' } }
        Create = @{ OnlinePstnUsages = 'Local'; Description = 'local' }
        Change = @{ OnlinePstnUsages = 'Long Distance', 'Local' } }
)
