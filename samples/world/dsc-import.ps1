# Import-TeamsSimTenant -Microsoft365DSC reads a Microsoft365DSC export (dsc-export/, written by
# hand in the shape M365DSCReverse.psm1 writes: CRLF lines, credential and $ConfigurationData
# references, Node localhost, Ensure, arrays, CIM instances) as data, without running it: policy
# instances of every family teamsh knows (the voice routing one under its resource name
# TeamsVoiceRoutingPolicy), an Ensure = "Absent" removal, PSTN usages, group and user assignments.
# What it does not simulate is named in warnings, one per kind. Then the change it made, as a diff.
# Evidence: Microsoft365DSC's MSFT_Teams*.schema.mof resources and export format (M365DSCReverse.psm1,
# M365DSCUtil.psm1 at eb886cac), read for the shape only; teamsh's own rules for the rest.
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Legacy | Out-Null
Export-TeamsSimTenant ./before.json
Import-TeamsSimTenant -Microsoft365DSC ./dsc-export/M365TenantConfig.ps1
Compare-TeamsSimTenant ./before.json | ForEach-Object { $_.Kind + ' ' + $_.Action + ': ' + $_.Target }
"--- read back"
(Get-CsTeamsMeetingPolicy -Identity Sales).Description
(Get-CsTenantDialPlan -Identity Redmond).NormalizationRules | Format-Table Name, Pattern, Translation, IsInternalExtension
(Get-CsTeamsAppSetupPolicy -Identity FrontDesk).PinnedAppBarApps | Format-Table Id, Order
Get-CsGroupPolicyAssignment | Format-Table GroupId, PolicyType, PolicyName, Rank
(Get-Team -DisplayName Sales) -ne $null
Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com | Format-Table PolicyType, PolicyName
"PSTN usages: $((Get-CsOnlinePstnUsage).Usage -join ', ')"
