# Evidence: v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
# ('Table header should use TableHeader': [pscustomobject]@{foo = 1} | Format-Table |
# Out-String -Stream gives the lines "", "foo", "---", "  1", ""), Out-String.Tests.ps1 (-Stream
# returns an array).
$t = [pscustomobject]@{foo = 1} | Format-Table | Out-String -Stream
$t.GetType().Name
$t.Count
"[$($t[0])] [$($t[1])] [$($t[2])] [$($t[3])] [$($t[4])]"
