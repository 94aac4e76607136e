# TeamsMeetingBroadcastPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsMeetingBroadcastPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsMeetingBroadcastPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsMeetingBroadcastPolicy -Identity SampleA -AllowBroadcastScheduling $false -BroadcastAttendeeVisibilityMode everyoneincompany

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsMeetingBroadcastPolicy -Identity SampleA -BroadcastAttendeeVisibilityMode InvitedUsersInCompanyAndExternal
Get-CsTeamsMeetingBroadcastPolicy -Identity sampleA | Format-List Identity, AllowBroadcastScheduling, BroadcastAttendeeVisibilityMode

"-- errors"
New-CsTeamsMeetingBroadcastPolicy -Identity SampleA
Set-CsTeamsMeetingBroadcastPolicy -Identity SampleA -AllowBroadcastScheduling maybe
Set-CsTeamsMeetingBroadcastPolicy -Identity SampleA -BroadcastAttendeeVisibilityMode NotAValue
Get-CsTeamsMeetingBroadcastPolicy -Identity NoSuchPolicy
Remove-CsTeamsMeetingBroadcastPolicy -Identity Default

"-- proxy functions convert a Boolean as functions do"
Set-CsTeamsMeetingBroadcastPolicy -Identity SampleA -AllowBroadcastScheduling maybe
(Get-Command Set-CsTeamsMeetingBroadcastPolicy).CommandType

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsMeetingBroadcastPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsMeetingBroadcastPolicy -Group Sales -PolicyName Default -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingBroadcastPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingBroadcastPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsMeetingBroadcastPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsMeetingBroadcastPolicy
Grant-CsTeamsMeetingBroadcastPolicy -Global -PolicyName SampleA
"Global AllowBroadcastScheduling after Grant -Global: $((Get-CsTeamsMeetingBroadcastPolicy -Identity Global).AllowBroadcastScheduling)"
Grant-CsTeamsMeetingBroadcastPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsMeetingBroadcastPolicy).Count

"-- remove"
Remove-CsTeamsMeetingBroadcastPolicy -Identity SampleA -WhatIf
Remove-CsTeamsMeetingBroadcastPolicy -Identity SampleA
(Get-CsTeamsMeetingBroadcastPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsMeetingBroadcastPolicy -Identity Global
"Global AllowBroadcastScheduling after Remove: $((Get-CsTeamsMeetingBroadcastPolicy -Identity Global).AllowBroadcastScheduling)"

"-- Global as the module shows it"
Get-CsTeamsMeetingBroadcastPolicy -Identity Global
