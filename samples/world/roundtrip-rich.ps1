# The round trip of tools/Export-TeamsWorld.ps1 (export, load, export again: equal files) on a
# world with MicrosoftTeams 7.7.0, custom policies of several families (object lists, dial plan
# normalization rules, PSTN usages), group and direct assignments and a team owner. What a real
# tenant cannot give (client settings, calls) is not in the file, so Jay1's setting is off after
# loading it.
# Evidence: teamsh's own rules (README "Snapshots of a real tenant").
$repo = Split-Path ([Environment]::ProcessPath)
while ($repo -and -not (Test-Path (Join-Path $repo 'tools/Export-TeamsWorld.ps1'))) { $repo = Split-Path $repo }
$export = Join-Path $repo 'tools/Export-TeamsWorld.ps1'
function Test-RoundTrip([string] $name) {
    & $export -Path "./$name-1.json"
    Import-TeamsSimTenant -Path "./$name-1.json"
    & $export -Path "./$name-2.json"
    $first = Get-Content "./$name-1.json" -Raw
    "${name}: $((Get-Content "./$name-1.json").Count) lines, equal after a round trip: $($first -ceq (Get-Content "./$name-2.json" -Raw))"
    "${name}: changes between the two files: $(@(Compare-TeamsSimTenant "./$name-1.json" "./$name-2.json").Count)"
}
Update-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowMeetNow $false -BlockedAnonymousJoinClientTypes Teams, Skype | Out-Null
New-CsTeamsAppSetupPolicy -Identity FrontDesk -PinnedAppBarApps @{ Id = '14d6962d-6eeb-4f48-8890-de55454bb136'; Order = 1 } | Out-Null
$rule = New-CsVoiceNormalizationRule -Parent Redmond -Name Extensions -Pattern '^(\d{4})$' -Translation '+14255550$1' -InMemory
New-CsTenantDialPlan -Identity Redmond -NormalizationRules @{ Add = $rule } | Out-Null
Set-CsOnlinePstnUsage -Identity Global -Usage @{ Add = 'Local', 'Long Distance' }
New-CsOnlineVoiceRoutingPolicy -Identity Intl -OnlinePstnUsages 'Long Distance' | Out-Null
New-CsTeamsEnhancedEncryptionPolicy -Identity E2EE -CallingEndtoEndEncryptionEnabledType DisabledUserOverride | Out-Null
Set-CsTeamsEventsPolicy -Identity Global -AllowWebinars Disabled
Grant-CsTeamsMeetingPolicy -Group Sales -PolicyName Sales
Grant-CsTenantDialPlan -Group Engineering -PolicyName Redmond -Rank 1
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName E2EE
Grant-CsOnlineVoiceRoutingPolicy -Identity KenMyer@contoso.com -PolicyName Intl
Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Add-TeamUser -GroupId (Get-Team -DisplayName Sales).GroupId -User Jay4@JayTheAmazing.onmicrosoft.com -Role Owner
Test-RoundTrip rich
$world = Get-Content ./rich-1.json -Raw | ConvertFrom-Json
"modules: $($world.installedModules.version -join ', ')"
"instances per type: " + (@($world.tenant.policies.PSObject.Properties | ForEach-Object { "$($_.Name) $($_.Value.Count)" }) -join ', ')
"dial plan rule: " + ($world.tenant.policies.TenantDialPlan | Where-Object identity -eq 'Tag:Redmond').values.NormalizationRules[0].Pattern
"group assignments: " + (@($world.tenant.groupAssignments.PSObject.Properties | ForEach-Object { "$($_.Name) rank $($_.Value.rank)" }) -join ', ')
"direct: " + (@($world.tenant.users | Where-Object policies -ne $null | ForEach-Object { "$($_.userPrincipalName) $($_.policies.PSObject.Properties.Name)" }) -join ', ')
"owners of Sales: $(@(($world.tenant.groups | Where-Object displayName -eq Sales).owners).Count), PSTN usages: $($world.tenant.pstnUsages -join ', ')"
"client settings in the file: $($world.tenant.users.clientSettings.Count); Jay1's after loading it: $((Get-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com).EndToEndEncryptedCalls)"
