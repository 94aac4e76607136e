# TeamsEnhancedEncryptionPolicy: New/Get/Set/Remove/Grant of the family, its two settings with
# known values and its text, assignment to a user, a group and the tenant, the effective policy,
# the errors. Facts: microsoftteams-facts §1-§4 and the simulator spec §3 (the deliberate
# ValidateSet, the error texts); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsEnhancedEncryptionPolicy).Identity -join ', '

"-- New with a value from a known list (any case) and text"
New-CsTeamsEnhancedEncryptionPolicy -Identity SampleA -CallingEndtoEndEncryptionEnabledType disableduseroverride -Description 'sample text'

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsEnhancedEncryptionPolicy -Identity SampleA -MeetingEndToEndEncryption DisabledUserOverride
Get-CsTeamsEnhancedEncryptionPolicy -Identity sampleA | Format-List Identity, CallingEndtoEndEncryptionEnabledType, MeetingEndToEndEncryption

"-- errors"
New-CsTeamsEnhancedEncryptionPolicy -Identity SampleA
New-CsTeamsEnhancedEncryptionPolicy -Identity 'Sample B'
Set-CsTeamsEnhancedEncryptionPolicy -Identity SampleA -CallingEndtoEndEncryptionEnabledType NotAValue
Get-CsTeamsEnhancedEncryptionPolicy -Identity NoSuchPolicy
Remove-CsTeamsEnhancedEncryptionPolicy -Identity UserControlled

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsEnhancedEncryptionPolicy -Group Sales -PolicyName UserControlled -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsEnhancedEncryptionPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsEnhancedEncryptionPolicy
Grant-CsTeamsEnhancedEncryptionPolicy -Global -PolicyName SampleA
"Global calling after Grant -Global: $((Get-CsTeamsEnhancedEncryptionPolicy -Identity Global).CallingEndtoEndEncryptionEnabledType)"
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy).Count
"-- not in the documented batch list"
New-CsBatchPolicyAssignmentOperation -PolicyType TeamsEnhancedEncryptionPolicy -PolicyName SampleA -Identity KenMyer@contoso.com

"-- remove"
Remove-CsTeamsEnhancedEncryptionPolicy -Identity SampleA -WhatIf
Remove-CsTeamsEnhancedEncryptionPolicy -Identity SampleA
(Get-CsTeamsEnhancedEncryptionPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsEnhancedEncryptionPolicy -Identity Global
"Global calling after Remove: $((Get-CsTeamsEnhancedEncryptionPolicy -Identity Global).CallingEndtoEndEncryptionEnabledType)"

"-- Global as the module shows it"
Get-CsTeamsEnhancedEncryptionPolicy -Identity Global
