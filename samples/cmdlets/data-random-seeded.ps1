# With -SetSeed, Get-Random repeats .NET's System.Random sequence, and the session keeps it.
Get-Random -SetSeed 42 -Maximum 100
Get-Random -Maximum 100
Get-Random -SetSeed 7 -Minimum 1 -Maximum 7
Get-Random -SetSeed 1 -InputObject 'a', 'b', 'c', 'd'
(Get-Random -SetSeed 3 -InputObject (1..10) -Count 3) -join ','
$a = Get-Random -SetSeed 42 -Maximum 100
$b = Get-Random -SetSeed 42 -Maximum 100
$a -eq $b
try { Get-Random -Minimum 5 -Maximum 5 } catch { $_.Exception.Message }
