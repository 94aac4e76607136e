# TeamsCallingPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsCallingPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsCallingPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsCallingPolicy -Identity SampleA -AllowPrivateCalling $false -AllowVoicemail alwaysenabled -CallRecordingExpirationDays 7 -PopoutAppPathForIncomingPstnCalls 'sample text'

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsCallingPolicy -Identity SampleA -AllowVoicemail UserOverride
Get-CsTeamsCallingPolicy -Identity sampleA | Format-List Identity, AllowPrivateCalling, AllowVoicemail, CallRecordingExpirationDays, PopoutAppPathForIncomingPstnCalls

"-- errors"
New-CsTeamsCallingPolicy -Identity SampleA
Set-CsTeamsCallingPolicy -Identity SampleA -AllowPrivateCalling maybe
Set-CsTeamsCallingPolicy -Identity SampleA -AllowVoicemail NotAValue
Set-CsTeamsCallingPolicy -Identity SampleA -CallRecordingExpirationDays many
Get-CsTeamsCallingPolicy -Identity NoSuchPolicy
Remove-CsTeamsCallingPolicy -Identity AllowCalling

"-- a batch assignment: one policy to many users, run at once"
$ids = 'Jay3@JayTheAmazing.onmicrosoft.com', 'Jay4@JayTheAmazing.onmicrosoft.com', 'nobody@contoso.com'
$operation = New-CsBatchPolicyAssignmentOperation -PolicyType TeamsCallingPolicy -PolicyName DisallowCalling -Identity $ids -OperationName 'No calling'
$status = Get-CsBatchPolicyAssignmentOperation -Identity $operation
"$($status.OperationName): $($status.OverallStatus), $($status.ErrorCount) error(s)"
$status.UserState | Format-Table Id, Result, State
(Get-CsOnlineUser -Filter "TeamsCallingPolicy -eq 'DisallowCalling'").UserPrincipalName

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsCallingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsCallingPolicy -Group Sales -PolicyName AllowCalling -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsCallingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsCallingPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsCallingPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsCallingPolicy
Grant-CsTeamsCallingPolicy -Global -PolicyName SampleA
"Global AllowPrivateCalling after Grant -Global: $((Get-CsTeamsCallingPolicy -Identity Global).AllowPrivateCalling)"
Grant-CsTeamsCallingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsCallingPolicy).Count

"-- remove"
Remove-CsTeamsCallingPolicy -Identity SampleA -WhatIf
Remove-CsTeamsCallingPolicy -Identity SampleA
(Get-CsTeamsCallingPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsCallingPolicy -Identity Global
"Global AllowPrivateCalling after Remove: $((Get-CsTeamsCallingPolicy -Identity Global).AllowPrivateCalling)"

"-- Global as the module shows it"
Get-CsTeamsCallingPolicy -Identity Global
