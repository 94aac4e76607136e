# TeamsMessagingPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsMessagingPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsMessagingPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsMessagingPolicy -Identity SampleA -AllowUrlPreviews $false -GiphyRatingType strict -InOrganizationChatControl 'sample text'

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsMessagingPolicy -Identity SampleA -GiphyRatingType NoRestriction
Get-CsTeamsMessagingPolicy -Identity sampleA | Format-List Identity, AllowUrlPreviews, GiphyRatingType, InOrganizationChatControl

"-- errors"
New-CsTeamsMessagingPolicy -Identity SampleA
Set-CsTeamsMessagingPolicy -Identity SampleA -AllowUrlPreviews maybe
Set-CsTeamsMessagingPolicy -Identity SampleA -GiphyRatingType NotAValue
Get-CsTeamsMessagingPolicy -Identity NoSuchPolicy
Remove-CsTeamsMessagingPolicy -Identity Default

"-- a team as the group: create it, add members, assign to it"
$team = New-Team -DisplayName 'Education Pilot' -MailNickName EduPilot -Owner Jay4@JayTheAmazing.onmicrosoft.com
Add-TeamUser -GroupId $team.GroupId -User KenMyer@contoso.com
Get-TeamUser -GroupId $team.GroupId | Format-Table User, Role
Grant-CsTeamsMessagingPolicy -Group $team.GroupId -PolicyName EduStudent
(Get-CsUserPolicyAssignment -Identity KenMyer@contoso.com -PolicyType TeamsMessagingPolicy).PolicyName
Remove-TeamUser -GroupId $team.GroupId -User Jay4@JayTheAmazing.onmicrosoft.com
Remove-Team -GroupId $team.GroupId
@(Get-CsUserPolicyAssignment -Identity KenMyer@contoso.com -PolicyType TeamsMessagingPolicy).Count

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsMessagingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsMessagingPolicy -Group Sales -PolicyName Default -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMessagingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMessagingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsMessagingPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsMessagingPolicy
Grant-CsTeamsMessagingPolicy -Global -PolicyName SampleA
"Global AllowUrlPreviews after Grant -Global: $((Get-CsTeamsMessagingPolicy -Identity Global).AllowUrlPreviews)"
Grant-CsTeamsMessagingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMessagingPolicy).Count

"-- remove"
Remove-CsTeamsMessagingPolicy -Identity SampleA -WhatIf
Remove-CsTeamsMessagingPolicy -Identity SampleA
(Get-CsTeamsMessagingPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsMessagingPolicy -Identity Global
"Global AllowUrlPreviews after Remove: $((Get-CsTeamsMessagingPolicy -Identity Global).AllowUrlPreviews)"

"-- Global as the module shows it"
Get-CsTeamsMessagingPolicy -Identity Global
