# Evidence: v7.6.5 test/powershell/Language/Operators/TernaryOperator.Tests.ps1 (truthiness of
# the condition, nesting, precedence with -eq), NullConditional.Tests.ps1 (??, ??= and chains),
# PipelineChainOperator.Tests.ps1 (&& and || with native exit codes, expressions, pipelines and
# parenthesised chains; testexe stands in for sh -c here).
$true ? 1 : 2
0 ?1kb:0xf
's' ?1kb:0xf
$null ?1kb:0xf
'' ?1kb:0xf
1,2,3,4 ? 'Core' : 'Desktop'
@{name = 'name'} ? 'Core' : 'Desktop'
($a = 1) ? 2 : 3
$($a = 1) ? 2 : 3
1,2,3 -contains 2 ? 'Core' : 'Desktop'
$true ? $false ? 'nested-if-true' : 'nested-if-false' : 'if-false'
($true ? 'Core' : 'Desktop') -eq 'Core'
$variableDoesNotExist ?? 100
$x = 100
$x ?? 200
$null ?? $null ?? 100
$null ?? 100 ?? $null ?? 200
$z = $null
$z ??= 7
$z
$z ??= 8
$z
$null -eq ($null ?? $null ?? $null)
sh -c 'echo -1; exit 1' && sh -c 'echo A'
sh -c 'echo -1; exit 1' || sh -c 'echo A'
sh -c 'echo 0' && sh -c 'echo A'
sh -c 'echo 0' || sh -c 'echo A'
"hi" && sh -c 'echo 0'
"hi" || sh -c 'echo 0'
sh -c 'echo 1; exit 1' || "hi"
1 + 1 && "Hi"
sh -c 'echo 1; exit 1' || 1,2,3 | % { $_ + 1 }
(sh -c 'echo 0' && sh -c 'echo 1; exit 1') || "Bad"
