# Files that are not what they claim: one clear error naming the file and the line or the field,
# and nothing changes (the world compared with a copy taken before each attempt).
# World files: not JSON, a field of the wrong kind, a bad setting value. Microsoft365DSC exports:
# no Configuration, a block not closed, a property without '=', an unterminated string, a value
# the setting does not take, a group assignment naming a policy that does not exist.
# teamsh -Plan refuses a world file that is missing (exit code 64) rather than planning on another.
# Evidence: teamsh's own rules (README "Plan a change before you make it", "The world file");
# error layout as pwsh's ConciseView.
Connect-MicrosoftTeams | Out-Null
Export-TeamsSimTenant ./before.json
function Test-Unchanged { "  world unchanged: $(@(Compare-TeamsSimTenant ./before.json).Count -eq 0)" }
$worlds = [ordered]@{
    'not-json.json' = '{ "schemaVersion": 1, "tenant": '
    'wrong-field.json' = '{ "schemaVersion": 1, "tenant": { "initialDomain": "x.com", "users": [ { "userPrincipalName": 5 } ] } }'
    'bad-value.json' = '{ "schemaVersion": 1, "tenant": { "initialDomain": "x.com", "policies": { "TeamsMeetingPolicy": [ { "identity": "Global", "values": { "AllowMeetNow": "sometimes" } } ] } } }'
}
foreach ($name in $worlds.Keys) {
    Set-Content -Path "./$name" -Value $worlds[$name]
    try { Import-TeamsSimTenant -Path "./$name" -ErrorAction Stop } catch { "${name}: $($_.Exception.Message)" }
    Test-Unchanged
}
$exports = [ordered]@{
    'no-configuration.ps1' = "Write-Host 'hello'"
    'not-closed.ps1' = "Configuration C`n{`n    Node localhost`n    {`n        TeamsMeetingPolicy 'G'`n        {`n            Identity = 'Global'`n"
    'no-equals.ps1' = "Configuration C`n{`n    Node localhost`n    {`n        TeamsMeetingPolicy 'G'`n        {`n            Identity 'Global'`n        }`n    }`n}"
    'open-string.ps1' = "Configuration C { Node localhost { TeamsMeetingPolicy 'G' {`n Identity = 'Global`n } } }"
    'bad-value.ps1' = "Configuration C`n{`n    Node localhost`n    {`n        TeamsMeetingPolicy 'New'`n        {`n            Identity = 'Tag:New'`n        }`n        TeamsMeetingPolicy 'G'`n        {`n            Identity = 'Global'`n            AutoAdmittedUsers = 'Nobody'`n        }`n    }`n}"
    'no-policy.ps1' = "Configuration C { Node localhost {`n TeamsGroupPolicyAssignment 'A' {`n  GroupDisplayName = 'Sales'`n  PolicyType = 'TeamsMeetingPolicy'`n  PolicyName = 'Ghost'`n } } }"
}
foreach ($name in $exports.Keys) {
    Set-Content -Path "./$name" -Value $exports[$name]
    try { Import-TeamsSimTenant -Microsoft365DSC "./$name" -ErrorAction Stop } catch { "${name}: $($_.Exception.Message)" }
    Test-Unchanged
}
try { Compare-TeamsSimTenant ./wrong-field.json } catch { "compare: $($_.Exception.Message)" }
Import-TeamsSimTenant -Microsoft365DSC ./missing.ps1
$teamsh = [Environment]::ProcessPath
Set-Content ./change.ps1 'Connect-MicrosoftTeams | Out-Null'
$output = & $teamsh -Plan -Tenant ./missing.json ./change.ps1 2>&1
$output | Select-Object -First 1 | ForEach-Object { "plan: $_" }
"exit code: $LASTEXITCODE; file created: $(Test-Path ./missing.json)"
