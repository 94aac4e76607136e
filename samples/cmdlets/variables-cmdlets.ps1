New-Variable -Name v1 -Value 10
Get-Variable v1 -ValueOnly
Set-Variable -Name v1 -Value 20
$v1
New-Variable -Name ro -Value 1 -Option ReadOnly
try { Set-Variable -Name ro -Value 2 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { New-Variable -Name v1 -Value 3 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
Clear-Variable v1
$null -eq $v1
Remove-Variable v1
try { Get-Variable v1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
(Get-Variable -Name 'ro').Options
