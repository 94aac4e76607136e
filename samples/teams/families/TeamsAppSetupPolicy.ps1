# TeamsAppSetupPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsAppSetupPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsAppSetupPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsAppSetupPolicy -Identity SampleA -AllowSideLoading $true

"-- Set, then Get as a list of chosen properties"
Get-CsTeamsAppSetupPolicy -Identity sampleA | Format-List Identity, AllowSideLoading

"-- errors"
New-CsTeamsAppSetupPolicy -Identity SampleA
Set-CsTeamsAppSetupPolicy -Identity SampleA -AllowSideLoading maybe
Get-CsTeamsAppSetupPolicy -Identity NoSuchPolicy
Remove-CsTeamsAppSetupPolicy -Identity FirstLineWorker

"-- object lists: pinned apps made as the module's objects"
$activity = New-Object -TypeName Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp -Property @{ Id = '14d6962d-6eeb-4f48-8890-de55454bb136'; Order = 1 }
$chat = [Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp]::new('86fcd49b-61a2-4701-b771-54728cd291fb', 2)
Set-CsTeamsAppSetupPolicy -Identity SampleA -PinnedAppBarApps $activity, $chat
(Get-CsTeamsAppSetupPolicy -Identity SampleA).PinnedAppBarApps | Format-Table Id, Order
Set-CsTeamsAppSetupPolicy -Identity SampleA -PinnedAppBarApps @{ Remove = $activity }
"pinned now: $((Get-CsTeamsAppSetupPolicy -Identity SampleA).PinnedAppBarApps)"
Set-CsTeamsAppSetupPolicy -Identity SampleA -PinnedAppBarApps 'not an app'

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsAppSetupPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsAppSetupPolicy -Group Sales -PolicyName FirstLineWorker -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsAppSetupPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsAppSetupPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsAppSetupPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsAppSetupPolicy
Grant-CsTeamsAppSetupPolicy -Global -PolicyName SampleA
"Global AllowSideLoading after Grant -Global: $((Get-CsTeamsAppSetupPolicy -Identity Global).AllowSideLoading)"
Grant-CsTeamsAppSetupPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsAppSetupPolicy).Count

"-- remove"
Remove-CsTeamsAppSetupPolicy -Identity SampleA -WhatIf
Remove-CsTeamsAppSetupPolicy -Identity SampleA
(Get-CsTeamsAppSetupPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsAppSetupPolicy -Identity Global
"Global AllowSideLoading after Remove: $((Get-CsTeamsAppSetupPolicy -Identity Global).AllowSideLoading)"

"-- Global as the module shows it"
Get-CsTeamsAppSetupPolicy -Identity Global
