# Evidence: CompletionCompleters.cs CompleteVariable at v7.6.5 (variables the input assigns
# before the cursor first, with "[type]$name" when the assigned value's type is evident; then
# session variables sorted OrdinalIgnoreCase, so '_' sorts after letters; scope prefixes such
# as Global: last; $env:NAME from the environment; a name typed in braces completes in
# braces), the oracle's c04.
$zzA = 'a'
$zz_b = 2
(TabExpansion2 '$zz' 3).CompletionMatches.CompletionText -join ' '
(TabExpansion2 '$zzNew = 5; $zz' 15).CompletionMatches | ForEach-Object { '{0} | {1} | {2} | {3}' -f $_.CompletionText, $_.ListItemText, $_.ResultType, $_.ToolTip }
(TabExpansion2 '$glo' 4).CompletionMatches.CompletionText
(TabExpansion2 '$env:HOM' 8).CompletionMatches | ForEach-Object { '{0} | {1} | {2}' -f $_.CompletionText, $_.ListItemText, $_.ResultType }
(TabExpansion2 '${zz' 4).CompletionMatches.CompletionText -join ' '
