# TeamsUpdateManagementPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsUpdateManagementPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsUpdateManagementPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsUpdateManagementPolicy -Identity SampleA -AllowManagedUpdates $true -AllowPublicPreview disabled -UpdateDayOfWeek 7 -UpdateTime 'sample text'

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -AllowPublicPreview FollowOfficePreview
Get-CsTeamsUpdateManagementPolicy -Identity sampleA | Format-List Identity, AllowManagedUpdates, AllowPublicPreview, UpdateDayOfWeek, UpdateTime

"-- errors"
New-CsTeamsUpdateManagementPolicy -Identity SampleA
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -AllowManagedUpdates maybe
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -AllowPublicPreview NotAValue
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -UpdateDayOfWeek many
Get-CsTeamsUpdateManagementPolicy -Identity NoSuchPolicy

"-- a date and time, a string list"
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -AllowManagedUpdates $true -UpdateDayOfWeek 3 -UpdateTimeOfDay '2026-02-01T18:30:00'
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -DisabledInProductMessages '91382d07-8b89-444c-bbcb-cfe43133af33', 'edf2633e-9827-44de-b34c-f6a9b7a7b3c1'
$p = Get-CsTeamsUpdateManagementPolicy -Identity SampleA
"update at $($p.UpdateTimeOfDay.ToShortTimeString()) on day $($p.UpdateDayOfWeek); $($p.DisabledInProductMessages.Count) messages off"
Set-CsTeamsUpdateManagementPolicy -Identity SampleA -UpdateTimeOfDay 'tea time'

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsUpdateManagementPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsUpdateManagementPolicy -Group Sales -PolicyName SampleA -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsUpdateManagementPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsUpdateManagementPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsUpdateManagementPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsUpdateManagementPolicy
Grant-CsTeamsUpdateManagementPolicy -Global -PolicyName SampleA
"Global AllowManagedUpdates after Grant -Global: $((Get-CsTeamsUpdateManagementPolicy -Identity Global).AllowManagedUpdates)"
Grant-CsTeamsUpdateManagementPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsUpdateManagementPolicy).Count

"-- remove"
Remove-CsTeamsUpdateManagementPolicy -Identity SampleA -WhatIf
Remove-CsTeamsUpdateManagementPolicy -Identity SampleA
(Get-CsTeamsUpdateManagementPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsUpdateManagementPolicy -Identity Global
"Global AllowManagedUpdates after Remove: $((Get-CsTeamsUpdateManagementPolicy -Identity Global).AllowManagedUpdates)"

"-- Global as the module shows it"
Get-CsTeamsUpdateManagementPolicy -Identity Global
