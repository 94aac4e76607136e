$r = 1..3 | ForEach-Object -Begin { $t = 0 } -Process { $t += $_ } -End { "total $t" }
$r
1..3 | ForEach-Object { $_ * 2 }
'x', 'y' | ForEach-Object -MemberName ToUpper
'a-b', 'c' | ForEach-Object Split '-'
