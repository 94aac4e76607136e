# TenantDialPlan: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTenantDialPlan); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTenantDialPlan).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTenantDialPlan -Identity SampleA -SimpleName 'sample text'

"-- Set, then Get as a list of chosen properties"
Get-CsTenantDialPlan -Identity sampleA | Format-List Identity, SimpleName

"-- errors"
New-CsTenantDialPlan -Identity SampleA
Get-CsTenantDialPlan -Identity NoSuchPolicy

"-- object lists: normalization rules made in memory, added, renamed, removed (the docs' examples)"
$four = New-CsVoiceNormalizationRule -Parent SampleA -Name FourDigit -Description 'Internal extensions' -Pattern '^(\d{4})$' -Translation '+1206555$1' -InMemory
$intl = New-CsVoiceNormalizationRule -Identity Global/Intl -Pattern '^011(\d+)$' -Translation '+$1' -InMemory
Set-CsTenantDialPlan -Identity SampleA -NormalizationRules @{ Add = $four, $intl }
$dp = Get-CsTenantDialPlan -Identity SampleA
$dp.NormalizationRules | Format-Table Name, Pattern, Translation
$rule = $dp.NormalizationRules | Where-Object Name -eq 'FourDigit'
$rule.Name = 'Extension'
Set-CsTenantDialPlan -Identity SampleA -NormalizationRules $dp.NormalizationRules
Set-CsTenantDialPlan -Identity SampleA -NormalizationRules @{ Remove = $intl }
Get-CsTenantDialPlan -Identity SampleA | Format-List Identity, NormalizationRules, SimpleName
New-CsVoiceNormalizationRule -Identity Global/NotInMemory

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTenantDialPlan -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTenantDialPlan -Group Sales -PolicyName SampleA -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TenantDialPlan | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TenantDialPlan | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TenantDialPlan -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TenantDialPlan
Grant-CsTenantDialPlan -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TenantDialPlan).Count

"-- remove"
Remove-CsTenantDialPlan -Identity SampleA -WhatIf
Remove-CsTenantDialPlan -Identity SampleA
(Get-CsTenantDialPlan -Filter 'Tag:*').Identity -join ', '
Remove-CsTenantDialPlan -Identity Global

"-- Global as the module shows it"
Get-CsTenantDialPlan -Identity Global
