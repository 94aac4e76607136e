(1, 1, 2, 2, 2, 3 | Get-Unique) -join ','
Set-StrictMode -Version 2.0
try { $nope } catch { $_.FullyQualifiedErrorId }
Set-StrictMode -Off
$null -eq $nope
