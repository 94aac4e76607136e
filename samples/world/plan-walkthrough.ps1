# teamsh -Plan on the walkthrough (samples/teams/walkthrough.ps1): the script runs on a copy of the
# embedded default world and prints what it prints, then the plan, computed from the world before
# and after: the module update, the edited Global, the new policy and the grant. Nothing is saved;
# exit code 2 says the script would change something.
# Evidence: teamsh's own rules (README "Plan a change before you make it").
$teamsh = [Environment]::ProcessPath
# The repository this teamsh was built from: the folder above the build holding samples/.
$repo = Split-Path $teamsh
while ($repo -and -not (Test-Path (Join-Path $repo 'samples/teams/walkthrough.ps1'))) { $repo = Split-Path $repo }
& $teamsh -Plan (Join-Path $repo 'samples/teams/walkthrough.ps1')
"exit code: $LASTEXITCODE"
