# TeamsMeetingPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsMeetingPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsMeetingPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsMeetingPolicy -Identity SampleA -AllowChannelMeetingScheduling $false -MeetingChatEnabledType disabled -MediaBitRateKb 7 -AllowTrackingInReport 'sample text'

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsMeetingPolicy -Identity SampleA -MeetingChatEnabledType EnabledExceptAnonymous
Get-CsTeamsMeetingPolicy -Identity sampleA | Format-List Identity, AllowChannelMeetingScheduling, MeetingChatEnabledType, MediaBitRateKb, AllowTrackingInReport

"-- errors"
New-CsTeamsMeetingPolicy -Identity SampleA
Set-CsTeamsMeetingPolicy -Identity SampleA -AllowChannelMeetingScheduling maybe
Set-CsTeamsMeetingPolicy -Identity SampleA -MeetingChatEnabledType NotAValue
Set-CsTeamsMeetingPolicy -Identity SampleA -MediaBitRateKb many
Get-CsTeamsMeetingPolicy -Identity NoSuchPolicy
Remove-CsTeamsMeetingPolicy -Identity AllOn

"-- a UInt32, a GUID, a string list"
Set-CsTeamsMeetingPolicy -Identity SampleA -MediaBitRateKb 2000 -RecordingAndTranscriptionCustomMessageIdentifier 'D8EBFA45-0F28-4D2D-9BCC-B158A49E2D17' -BlockedAnonymousJoinClientTypes 'Teams', 'Meet'
Get-CsTeamsMeetingPolicy -Identity SampleA | Format-List MediaBitRateKb, RecordingAndTranscriptionCustomMessageIdentifier, BlockedAnonymousJoinClientTypes
Set-CsTeamsMeetingPolicy -Identity SampleA -MediaBitRateKb -1
Set-CsTeamsMeetingPolicy -Identity SampleA -RecordingAndTranscriptionCustomMessageIdentifier 'not-a-guid'
"-- group policy assignment, the older way"
New-CsGroupPolicyAssignment -GroupId Engineering -PolicyType TeamsMeetingPolicy -PolicyName Kiosk -Rank 1
Get-CsGroupPolicyAssignment -PolicyType TeamsMeetingPolicy | Format-Table GroupId, PolicyType, PolicyName, Rank

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsMeetingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsMeetingPolicy -Group Sales -PolicyName AllOn -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsMeetingPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsMeetingPolicy
Grant-CsTeamsMeetingPolicy -Global -PolicyName SampleA
"Global AllowChannelMeetingScheduling after Grant -Global: $((Get-CsTeamsMeetingPolicy -Identity Global).AllowChannelMeetingScheduling)"
Grant-CsTeamsMeetingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingPolicy).Count

"-- remove"
Remove-CsTeamsMeetingPolicy -Identity SampleA -WhatIf
Remove-CsTeamsMeetingPolicy -Identity SampleA
(Get-CsTeamsMeetingPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsMeetingPolicy -Identity Global
"Global AllowChannelMeetingScheduling after Remove: $((Get-CsTeamsMeetingPolicy -Identity Global).AllowChannelMeetingScheduling)"

"-- Global as the module shows it"
Get-CsTeamsMeetingPolicy -Identity Global
