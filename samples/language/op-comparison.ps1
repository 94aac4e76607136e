# Evidence: about_Comparison_Operators (Equality operators, -gt/-ge/-lt/-le, -like, -match,
# $Matches) — each value below is given there as the output.
2 -eq 2
'abc' -eq 'abc', 'def'
'abc' -ne 'abc', 'def'
1, 2, 3 -eq 2
'abc', 'def' -ne 'abc'
'zzz', 'def', 'zzz' -eq 'zzz'
1 -eq '1.0'
'1.0' -eq 1
$a = 1, 2, $null, 4, $null, 6
$null -ne $a
$a -ne $null
$b = 5, 6, 7, 8, 9
$b -ge 7
[datetime]'2001-11-12' -lt [datetime]'2020-08-01'
'macOS' -ilt 'MacOS'
'MacOS' -ilt 'macOS'
'macOS' -clt 'MacOS'
'PowerShell' -like 'Power[p-w]hell'
'PowerShell', 'Server' -notlike '*shell'
'f??' -like 'f`?`?'
'for' -like 'f`?`?'
'PowerShell' -match 'shell'
'bag' -notmatch 'b[iou]g'
'Rhell', 'Chell', 'Mel', 'Smell', 'Shell' -match 'hell'
$string = 'The last logged on user was CONTOSO\jsmith'
$string -match 'was (?<domain>.+)\\(?<user>.+)'
$Matches.domain
$Matches.user
$Matches[0]
