# Runs Invoke-M365DSCLifecycle.ps1 for every scenario of a scenario file whose resource is found
# under a folder (either `Name.psm1` or Microsoft365DSC's `Name/Name.psm1` layout), after
# importing the helper stand-ins. A resource that is not there is reported as skipped.
param(
    [Parameter(Mandatory)] [string] $ResourceRoot,
    [string] $ScenarioFile = (Join-Path $PSScriptRoot 'Scenarios.ps1')
)
Update-Module MicrosoftTeams
Import-Module (Join-Path $PSScriptRoot 'M365DSCStandIns.psm1') -Force
foreach ($scenario in (& $ScenarioFile)) {
    $name = $scenario.Resource
    $path = @((Join-Path $ResourceRoot "$name.psm1"), (Join-Path (Join-Path $ResourceRoot $name) "$name.psm1")) |
        Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $path) { "$name skipped: not found under $ResourceRoot"; continue }
    & (Join-Path $PSScriptRoot 'Invoke-M365DSCLifecycle.ps1') -ResourcePath $path -Scenario $scenario
}
