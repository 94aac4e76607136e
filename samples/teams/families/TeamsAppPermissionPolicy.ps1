# TeamsAppPermissionPolicy: New/Get/Set/Remove/Grant of the family, each kind of setting, assignment to a user,
# a group and the tenant, the effective policy, the errors. Facts: policy-families/families.json
# (7.7.0 list view order, Global values, Microsoft-provided instances) and the cmdlet docs
# (New-/Set-/Get-/Remove-/Grant-CsTeamsAppPermissionPolicy); rendering and error layout as the oracle's teams area.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

"-- the tenant's instances"
(Get-CsTeamsAppPermissionPolicy).Identity -join ', '

"-- New with a Boolean, a value from a known list (any case), a whole number, text"
New-CsTeamsAppPermissionPolicy -Identity SampleA -DefaultCatalogAppsType allowedapplist

"-- Set, then Get as a list of chosen properties"
Set-CsTeamsAppPermissionPolicy -Identity SampleA -DefaultCatalogAppsType BlockedAppList
Get-CsTeamsAppPermissionPolicy -Identity sampleA | Format-List Identity, DefaultCatalogAppsType

"-- errors"
New-CsTeamsAppPermissionPolicy -Identity SampleA
Set-CsTeamsAppPermissionPolicy -Identity SampleA -DefaultCatalogAppsType NotAValue
Get-CsTeamsAppPermissionPolicy -Identity NoSuchPolicy

"-- object lists: allow two Microsoft apps only"
$lists = New-Object -TypeName Microsoft.Teams.Policy.Administration.Cmdlets.Core.DefaultCatalogApp -Property @{ Id = '0d820ecd-def2-4297-adad-78056cde7c78' }
$onenote = New-Object -TypeName Microsoft.Teams.Policy.Administration.Cmdlets.Core.DefaultCatalogApp -Property @{ Id = '26bc2873-6023-480c-a11b-76b66605ce8c' }
Set-CsTeamsAppPermissionPolicy -Identity SampleA -DefaultCatalogAppsType AllowedAppList -DefaultCatalogApps $lists, $onenote
Get-CsTeamsAppPermissionPolicy -Identity SampleA | Format-List Identity, DefaultCatalogApps, DefaultCatalogAppsType
"-- the docs exclude this type from New-CsGroupPolicyAssignment (Grant -Group works)"
New-CsGroupPolicyAssignment -GroupId Engineering -PolicyType TeamsAppPermissionPolicy -PolicyName SampleA

"-- assignment: user, group, tenant; the effective policy"
Grant-CsTeamsAppPermissionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName SampleA
Grant-CsTeamsAppPermissionPolicy -Group Sales -PolicyName SampleA -Rank 1
Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsAppPermissionPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyType TeamsAppPermissionPolicy | ForEach-Object { "$($_.PolicyType): $($_.PolicyName) from $($_.PolicySource.AssignmentType)" }
(Get-CsOnlineUser -Filter "TeamsAppPermissionPolicy -eq 'SampleA'").UserPrincipalName
(Get-CsOnlineUser -Identity Jay2@JayTheAmazing.onmicrosoft.com).TeamsAppPermissionPolicy
Grant-CsTeamsAppPermissionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName $null
@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyType TeamsAppPermissionPolicy).Count

"-- remove"
Remove-CsTeamsAppPermissionPolicy -Identity SampleA -WhatIf
Remove-CsTeamsAppPermissionPolicy -Identity SampleA
(Get-CsTeamsAppPermissionPolicy -Filter 'Tag:*').Identity -join ', '
Remove-CsTeamsAppPermissionPolicy -Identity Global

"-- Global as the module shows it"
Get-CsTeamsAppPermissionPolicy -Identity Global
