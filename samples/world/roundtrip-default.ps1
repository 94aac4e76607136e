# tools/Export-TeamsWorld.ps1 run unchanged in teamsh (it calls only real, read-only MicrosoftTeams
# cmdlets): export the simulated tenant, load the file, export again, and the two files are equal.
# Here on the embedded default world (MicrosoftTeams 2.3.1, so the families it has);
# roundtrip-rich.ps1 does it on a world with custom policies and assignments. The export only
# reads: the world it ran on is unchanged. What the snapshot cannot hold (the users' given names
# and surnames, the teams' mail addresses) is what differs between the world and the snapshot.
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
Connect-MicrosoftTeams | Out-Null
Export-TeamsSimTenant ./before.json
& $export -Path ./check.json
"changes the export made to the world it read: $(@(Compare-TeamsSimTenant ./before.json).Count)"
Test-RoundTrip default
"what the snapshot could not hold (the world, then the world loaded from the snapshot):"
Compare-TeamsSimTenant ./before.json ./default-1.json | ForEach-Object { $_.Target + ': ' + ($_.Details.Name -join ', ') }
$world = Get-Content ./default-1.json -Raw | ConvertFrom-Json
"modules: $($world.installedModules.name) $($world.installedModules.version)"
"tenant: $($world.tenant.displayName) $($world.tenant.initialDomain) $($world.tenant.verifiedDomains -join ', ')"
"users: $($world.tenant.users.Count), teams: $($world.tenant.groups.Count)"
"policy types: $($world.tenant.policies.PSObject.Properties.Name -join ', ')"
