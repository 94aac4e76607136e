$r = Invoke-Command -ScriptBlock { param($a, $b) $a + $b } -ArgumentList 2, 3
$r
Invoke-Command { $inner = 5 } -NoNewScope
$inner
Invoke-Expression '$q = 6; $q * 2'
$q
