# TeamsEventsPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsEventsPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsEventsPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsEventsPolicy -Identity SampleA -AllowEventIntegrations $true -AllowWebinars disabled

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsEventsPolicy -Identity SampleA -AllowWebinars Enabled
Get-CsTeamsEventsPolicy -Identity sampleA | Format-List Identity, AllowEventIntegrations, AllowWebinars

"-- errors"
New-CsTeamsEventsPolicy -Identity SampleA
Set-CsTeamsEventsPolicy -Identity SampleA -AllowEventIntegrations maybe
Set-CsTeamsEventsPolicy -Identity SampleA -AllowWebinars NotAValue
Get-CsTeamsEventsPolicy -Identity NoSuchPolicy

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsEventsPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsEventsPolicy -Group Sales -PolicyName SampleA -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEventsPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEventsPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsEventsPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsEventsPolicy
Grant-CsTeamsEventsPolicy -Global -PolicyName SampleA
"Global AllowEventIntegrations after Grant -Global: $((Get-CsTeamsEventsPolicy -Identity Global).AllowEventIntegrations)"
Grant-CsTeamsEventsPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEventsPolicy).Count

"-- remove"
Remove-CsTeamsEventsPolicy -Identity SampleA -WhatIf
Remove-CsTeamsEventsPolicy -Identity SampleA
(Get-CsTeamsEventsPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsEventsPolicy -Identity Global
"Global AllowEventIntegrations after Remove: $((Get-CsTeamsEventsPolicy -Identity Global).AllowEventIntegrations)"

"-- Global as the module shows it"
Get-CsTeamsEventsPolicy -Identity Global
