# The env: drive: Test-Path, Get-Item, Get-Content, Set-Item, New-Item, Remove-Item.
$env:TEAMSH_SAMPLE = 'one'
Test-Path env:TEAMSH_SAMPLE
(Get-Item env:TEAMSH_SAMPLE).Value
(Get-Item env:TEAMSH_SAMPLE).Name
Get-Content env:TEAMSH_SAMPLE
Set-Item env:TEAMSH_SAMPLE 'two'
$env:TEAMSH_SAMPLE
(Get-ChildItem env:TEAMSH_SAMPLE).Value
New-Item env:TEAMSH_OTHER -Value 'new' | Out-Null
$env:TEAMSH_OTHER
Remove-Item env:TEAMSH_SAMPLE, env:TEAMSH_OTHER
Test-Path env:TEAMSH_SAMPLE
$null -eq $env:TEAMSH_OTHER
(Get-ChildItem env: | Where-Object Name -eq 'HOME').Value
try { Get-Item env:TEAMSH_NOPE -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
