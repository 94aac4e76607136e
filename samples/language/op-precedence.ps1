# Evidence: about_Operator_Precedence (Examples) and about_Arithmetic_Operators
# (OPERATOR PRECEDENCE: "3+6/3*4 # result = 11", and the $b[$a] = $c[$a++] example).
2 + 3 * 4
(2 + 3) * 4
[string]@('Windows', 'PowerShell', '2.0')[0]
([string]@('Windows', 'PowerShell', '2.0'))[0]
2 -gt 4 -and 1
(2 -gt 4) -and 1
2 -gt (4 -and 1)
$true -or $false -and $false
3+6/3*4
3+6/(3*4)
(3+6)/3*4
$a = 0
$b = @(1, 2)
$c = @(-1, -2)
$b[$a] = $c[$a++]
"$a | $($b -join ',')"
