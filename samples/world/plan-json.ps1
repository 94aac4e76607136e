# The loop of the README on a snapshot: tools/Export-TeamsWorld.ps1 writes a world file (here of
# the simulated tenant, as it would of a real one in pwsh), then `teamsh -Plan -OutputFormat Json
# -Tenant` plans a bulk change on it for CI: standard output is the JSON document alone (the
# script's own output goes to standard error), exit code 2, and the snapshot is not changed.
# Evidence: teamsh's own rules (README "Plan a change before you make it").
$teamsh = [Environment]::ProcessPath
$repo = Split-Path $teamsh
while ($repo -and -not (Test-Path (Join-Path $repo 'tools/Export-TeamsWorld.ps1'))) { $repo = Split-Path $repo }
Connect-MicrosoftTeams | Out-Null
& (Join-Path $repo 'tools/Export-TeamsWorld.ps1') -Path ./snapshot.json
$before = Get-Content ./snapshot.json -Raw
Set-Content -Path ./bulk.ps1 -Value @'
Connect-MicrosoftTeams | Out-Null
"granting"
Get-TeamUser -GroupId (Get-Team -DisplayName Engineering).GroupId |
    ForEach-Object { Grant-CsTeamsCallingPolicy -Identity $_.User -PolicyName DisallowCalling }
Set-CsTeamsCallingPolicy -Identity Global -AllowCallGroups $false
'@
$json = & $teamsh -Plan -OutputFormat Json -Tenant ./snapshot.json ./bulk.ps1 2>$null
"exit code: $LASTEXITCODE"
$json
$plan = $json | ConvertFrom-Json
"$($plan.status): $($plan.summary.add) to add, $($plan.summary.change) to change, $($plan.summary.remove) to remove"
$plan.changes | ForEach-Object { "$($_.action) $($_.kind): $($_.target)" }
"snapshot unchanged: $((Get-Content ./snapshot.json -Raw) -ceq $before)"
