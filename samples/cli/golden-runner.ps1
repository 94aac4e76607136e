# teamsh -Golden on a folder of three scripts: one whose output matches its NAME.out, one that
# differs (a unified diff, and the exit code 1), and one with no expected files yet (reported as
# new; -Update writes its files, after which it passes). A GUID is matched by <guid>.
# Evidence: teamsh's own rules (README "Golden tests"); the unified diff follows `diff -u`.
$teamsh = [Environment]::ProcessPath
$demo = Join-Path $PWD 'demo'
New-Item -ItemType Directory -Path $demo | Out-Null
Set-Content -Path $demo/greet.ps1 -Value '"Hello, $(''Jay'')"', '[guid]::NewGuid().Guid'
Set-Content -Path $demo/greet.out -Value 'Hello, Jay', '<guid>'
Set-Content -Path $demo/count.ps1 -Value '1..3', 'Write-Error "three is enough"'
Set-Content -Path $demo/count.out -Value '1', '2', '4'
Set-Content -Path $demo/fresh.ps1 -Value "'new script'"

& $teamsh -Golden $demo
"exit code: $LASTEXITCODE"
& $teamsh -Golden $demo -Update -Filter fresh
"exit code: $LASTEXITCODE"
Get-Content $demo/fresh.out
& $teamsh -Golden $demo -Filter fresh
"exit code: $LASTEXITCODE"
