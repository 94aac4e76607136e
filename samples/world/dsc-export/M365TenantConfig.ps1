# Generated with Microsoft365DSC version 1.24.1016.1
# For additional information on the Dependencies loaded, please refer to the Microsoft365DSC documentation
# This file is a fixture written for teamsh in the shape of a Microsoft365DSC export (credential
# authentication): Teams policies and assignments, and resources of other workloads.
param (
    [parameter()]
    [System.Management.Automation.PSCredential]
    $Credential
)

Configuration M365TenantConfig
{
    param (
        [parameter()]
        [System.Management.Automation.PSCredential]
        $Credential
    )

    if ($null -eq $Credential)
    {
        <# Credentials #>
    }
    else
    {
        $CredsCredential = $Credential
    }

    $OrganizationName = $CredsCredential.UserName.Split('@')[1]

    Import-DscResource -ModuleName 'Microsoft365DSC' -ModuleVersion '1.24.1016.1'

    Node localhost
    {
        AADUser "AADUser-Jay1@JayTheAmazing.onmicrosoft.com"
        {
            Credential           = $Credscredential;
            DisplayName          = "Jay One";
            Ensure               = "Present";
            UserPrincipalName    = "Jay1@$OrganizationName";
            UsageLocation        = "US";
        }
        EXOMailboxSettings "EXOMailboxSettings-Jay One"
        {
            Credential           = $Credscredential;
            DisplayName          = "Jay One";
            Ensure               = "Present";
            TimeZone             = "Pacific Standard Time";
        }
        TeamsMeetingPolicy "TeamsMeetingPolicy-Global"
        {
            AllowAnonymousUsersToJoinMeeting           = $True;
            AllowCloudRecording                        = $False;
            AllowMeetNow                               = $True;
            AllowTranscription                         = $True;
            AutoAdmittedUsers                          = "EveryoneInCompanyExcludingGuests";
            Credential                                 = $Credscredential;
            Description                                = "";
            Ensure                                     = "Present";
            Identity                                   = "Global";
            MediaBitRateKb                             = 50000;
            NewMeetingRecordingExpirationDays          = 60;
            ScreenSharingMode                          = "EntireScreen";
            AllowUserToJoinExternalMeeting             = "Disabled";
        }
        TeamsMeetingPolicy "TeamsMeetingPolicy-Tag:Sales"
        {
            AllowMeetNow                               = $False;
            AllowPrivateMeetingScheduling              = $True;
            AutoAdmittedUsers                          = "Everyone";
            BlockedAnonymousJoinClientTypes            = @("Teams","Skype");
            Credential                                 = $Credscredential;
            Description                                = "Sales team meetings: no Meet now, `"everyone`" skips the lobby";
            Ensure                                     = "Present";
            Identity                                   = "Tag:Sales";
        }
        TeamsMeetingPolicy "TeamsMeetingPolicy-Tag:Legacy"
        {
            Credential                                 = $Credscredential;
            Ensure                                     = "Absent";
            Identity                                   = "Tag:Legacy";
        }
        TeamsMessagingPolicy "TeamsMessagingPolicy-Global"
        {
            AllowGiphy                                 = $False;
            AllowMemes                                 = $True;
            AllowUserDeleteMessage                     = $False;
            ApplicationId                              = $ConfigurationData.NonNodeData.ApplicationId;
            Credential                                 = $Credscredential;
            Ensure                                     = "Present";
            GiphyRatingType                            = "Strict";
            Identity                                   = "Global";
            ReadReceiptsEnabledType                    = "UserPreference";
            Tenant                                     = "";
        }
        TeamsAppSetupPolicy "TeamsAppSetupPolicy-FrontDesk"
        {
            AllowSideLoading                           = $False;
            AllowUserPinning                           = $True;
            AppPresetList                              = @("d2c6f111-ffad-42a0-b65e-ee00425598aa");
            Credential                                 = $Credscredential;
            Description                                = "Front desk";
            Ensure                                     = "Present";
            Identity                                   = "FrontDesk";
            PinnedAppBarApps                           = @("14d6962d-6eeb-4f48-8890-de55454bb136","86fcd49b-61a2-4701-b771-54728cd291fb");
            PinnedMessageBarApps                       = @();
        }
        TeamsTenantDialPlan "TeamsTenantDialPlan-Redmond"
        {
            Credential                                 = $Credscredential;
            Description                                = "Redmond extensions";
            Ensure                                     = "Present";
            Identity                                   = "Redmond";
            NormalizationRules                         = @(
                MSFT_TeamsVoiceNormalizationRule{
                    Identity = 'Redmond/Extensions'
                    Priority = 0
                    Description = 'Four-digit extensions'
                    Pattern = '^(\d{4})$'
                    Translation = '+14255550$1'
                    IsInternalExtension = $True
                }
                MSFT_TeamsVoiceNormalizationRule{
                    Identity = 'Redmond/International'
                    Priority = 1
                    Description = ''
                    Pattern = '^00(\d+)$'
                    Translation = '+$1'
                    IsInternalExtension = $False
                }
            );
            SimpleName                                 = "Redmond";
        }
        TeamsPstnUsage "TeamsPstnUsage-Local"
        {
            Credential                                 = $Credscredential;
            Ensure                                     = "Present";
            Usage                                      = "Local";
        }
        TeamsEnhancedEncryptionPolicy "TeamsEnhancedEncryptionPolicy-Tag:CustomeE2EEPolicy"
        {
            CallingEndtoEndEncryptionEnabledType       = "DisabledUserOverride";
            Credential                                 = $Credscredential;
            Description                                = "";
            Ensure                                     = "Present";
            Identity                                   = "Tag:CustomeE2EEPolicy";
            MeetingEndToEndEncryption                  = "Disabled";
        }
        TeamsMeetingConfiguration "TeamsMeetingConfiguration-Global"
        {
            ClientAppSharingPort                       = 50040;
            Credential                                 = $Credscredential;
            Identity                                   = "Global";
        }
        TeamsGroupPolicyAssignment "TeamsGroupPolicyAssignment-Sales-TeamsMeetingPolicy"
        {
            Credential                                 = $Credscredential;
            Ensure                                     = "Present";
            GroupDisplayName                           = "Sales";
            GroupId                                    = "";
            PolicyName                                 = "Sales";
            PolicyType                                 = "TeamsMeetingPolicy";
            Priority                                   = "1";
        }
        TeamsGroupPolicyAssignment "TeamsGroupPolicyAssignment-Front Desk-TeamsAppSetupPolicy"
        {
            Credential                                 = $Credscredential;
            Ensure                                     = "Present";
            GroupDisplayname                           = "Front Desk";
            GroupId                                    = "5f6a7b8c-1d2e-4f30-9a8b-7c6d5e4f3a21";
            PolicyName                                 = "FrontDesk";
            PolicyType                                 = "TeamsAppSetupPolicy";
            Priority                                   = "1";
        }
        TeamsGroupPolicyAssignment "TeamsGroupPolicyAssignment-Sales-TeamsCallParkPolicy"
        {
            Credential                                 = $Credscredential;
            Ensure                                     = "Present";
            GroupDisplayName                           = "Sales";
            PolicyName                                 = "SalesPark";
            PolicyType                                 = "TeamsCallParkPolicy";
            Priority                                   = "1";
        }
        TeamsUserPolicyAssignment "TeamsUserPolicyAssignment-Jay2@JayTheAmazing.onmicrosoft.com"
        {
            Credential                                 = $Credscredential;
            TeamsEnhancedEncryptionPolicy              = "CustomeE2EEPolicy";
            TeamsMeetingPolicy                         = "";
            TeamsUpgradePolicy                         = "";
            TenantDialPlan                             = "Redmond";
            User                                       = "Jay2@JayTheAmazing.onmicrosoft.com";
        }
        SPOSharingSettings "SPOSharingSettings"
        {
            Credential                                 = $Credscredential;
            IsSingleInstance                           = "Yes";
            SharingCapability                          = "ExternalUserSharingOnly";
        }
    }
}

M365TenantConfig -ConfigurationData .\ConfigurationData.psd1 -Credential $Credential
