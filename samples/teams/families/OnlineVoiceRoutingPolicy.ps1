# OnlineVoiceRoutingPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsOnlineVoiceRoutingPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsOnlineVoiceRoutingPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsOnlineVoiceRoutingPolicy -Identity SampleA -RouteType 'sample text'

"-- Set, then Get as a list of chosen properties"
Get-CsOnlineVoiceRoutingPolicy -Identity sampleA | Format-List Identity, RouteType

"-- errors"
New-CsOnlineVoiceRoutingPolicy -Identity SampleA
Get-CsOnlineVoiceRoutingPolicy -Identity NoSuchPolicy

"-- string lists: the PSTN usages a policy names, replaced or changed with @{ Add; Remove }"
Set-CsOnlinePstnUsage -Identity Global -Usage @{ Add = 'Local', 'Long Distance', 'Internal' }
(Get-CsOnlinePstnUsage).Usage -join ', '
Set-CsOnlineVoiceRoutingPolicy -Identity SampleA -OnlinePstnUsages 'Long Distance', 'Local'
Set-CsOnlineVoiceRoutingPolicy -Identity SampleA -OnlinePstnUsages @{ Add = 'Internal'; Remove = 'local' }
"usages now: $((Get-CsOnlineVoiceRoutingPolicy -Identity SampleA).OnlinePstnUsages -join ', ')"

"-- assignment: user, group, tenant; the effective policy"
Grant-CsOnlineVoiceRoutingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsOnlineVoiceRoutingPolicy -Group Sales -PolicyName SampleA -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType OnlineVoiceRoutingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType OnlineVoiceRoutingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "OnlineVoiceRoutingPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).OnlineVoiceRoutingPolicy
Grant-CsOnlineVoiceRoutingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType OnlineVoiceRoutingPolicy).Count

"-- remove"
Remove-CsOnlineVoiceRoutingPolicy -Identity SampleA -WhatIf
Remove-CsOnlineVoiceRoutingPolicy -Identity SampleA
(Get-CsOnlineVoiceRoutingPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsOnlineVoiceRoutingPolicy -Identity Global

"-- Global as the module shows it"
Get-CsOnlineVoiceRoutingPolicy -Identity Global
