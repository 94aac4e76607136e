# TeamsFeedbackPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsFeedbackPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsFeedbackPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsFeedbackPolicy -Identity SampleA -AllowScreenshotCollection $true -UserInitiatedMode disabled

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsFeedbackPolicy -Identity SampleA -UserInitiatedMode Disabled
Get-CsTeamsFeedbackPolicy -Identity sampleA | Format-List Identity, AllowScreenshotCollection, UserInitiatedMode

"-- errors"
New-CsTeamsFeedbackPolicy -Identity SampleA
Set-CsTeamsFeedbackPolicy -Identity SampleA -AllowScreenshotCollection maybe
Set-CsTeamsFeedbackPolicy -Identity SampleA -UserInitiatedMode NotAValue
Get-CsTeamsFeedbackPolicy -Identity NoSuchPolicy
Remove-CsTeamsFeedbackPolicy -Identity UserChoice

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsFeedbackPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsFeedbackPolicy -Group Sales -PolicyName UserChoice -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsFeedbackPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsFeedbackPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsFeedbackPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsFeedbackPolicy
Grant-CsTeamsFeedbackPolicy -Global -PolicyName SampleA
"Global AllowScreenshotCollection after Grant -Global: $((Get-CsTeamsFeedbackPolicy -Identity Global).AllowScreenshotCollection)"
Grant-CsTeamsFeedbackPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsFeedbackPolicy).Count

"-- remove"
Remove-CsTeamsFeedbackPolicy -Identity SampleA -WhatIf
Remove-CsTeamsFeedbackPolicy -Identity SampleA
(Get-CsTeamsFeedbackPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsFeedbackPolicy -Identity Global
"Global AllowScreenshotCollection after Remove: $((Get-CsTeamsFeedbackPolicy -Identity Global).AllowScreenshotCollection)"

"-- Global as the module shows it"
Get-CsTeamsFeedbackPolicy -Identity Global
