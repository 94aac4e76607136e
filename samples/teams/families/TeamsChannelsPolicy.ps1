# TeamsChannelsPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsChannelsPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsChannelsPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsChannelsPolicy -Identity SampleA -AllowOrgWideTeamCreation $false -ThreadedChannelCreation disabled

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsChannelsPolicy -Identity SampleA -ThreadedChannelCreation Disabled
Get-CsTeamsChannelsPolicy -Identity sampleA | Format-List Identity, AllowOrgWideTeamCreation, ThreadedChannelCreation

"-- errors"
New-CsTeamsChannelsPolicy -Identity SampleA
Set-CsTeamsChannelsPolicy -Identity SampleA -AllowOrgWideTeamCreation maybe
Set-CsTeamsChannelsPolicy -Identity SampleA -ThreadedChannelCreation NotAValue
Get-CsTeamsChannelsPolicy -Identity NoSuchPolicy
Remove-CsTeamsChannelsPolicy -Identity Default

"-- everyone in the Sales team, one Grant each"
$sales = Get-Team -DisplayName Sales
Get-TeamUser -GroupId $sales.GroupId | ForEach-Object { Grant-CsTeamsChannelsPolicy -Identity $_.User -PolicyName SampleA }
Get-CsOnlineUser | Where-Object TeamsChannelsPolicy -eq 'SampleA' | Format-Table UserPrincipalName, TeamsChannelsPolicy

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsChannelsPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsChannelsPolicy -Group Sales -PolicyName Default -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsChannelsPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsChannelsPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsChannelsPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsChannelsPolicy
Grant-CsTeamsChannelsPolicy -Global -PolicyName SampleA
"Global AllowOrgWideTeamCreation after Grant -Global: $((Get-CsTeamsChannelsPolicy -Identity Global).AllowOrgWideTeamCreation)"
Grant-CsTeamsChannelsPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsChannelsPolicy).Count

"-- remove"
Remove-CsTeamsChannelsPolicy -Identity SampleA -WhatIf
Remove-CsTeamsChannelsPolicy -Identity SampleA
(Get-CsTeamsChannelsPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsChannelsPolicy -Identity Global
"Global AllowOrgWideTeamCreation after Remove: $((Get-CsTeamsChannelsPolicy -Identity Global).AllowOrgWideTeamCreation)"

"-- Global as the module shows it"
Get-CsTeamsChannelsPolicy -Identity Global
