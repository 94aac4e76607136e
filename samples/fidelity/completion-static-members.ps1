# Evidence: CompletionCompleters.cs at v7.6.5 (after `::` the type's static members, in the same
# MemberType-then-Name order: fields and properties before methods), .NET's System.Math,
# System.String, System.DateTime and System.Int32 static members.
(TabExpansion2 '[math]::P' 9).CompletionMatches | ForEach-Object { '{0} | {1} | {2}' -f $_.CompletionText, $_.ListItemText, $_.ResultType }
(TabExpansion2 '[math]::Sq' 10).CompletionMatches.CompletionText
(TabExpansion2 '[string]::IsN' 13).CompletionMatches.CompletionText -join ' '
(TabExpansion2 '[datetime]::U' 13).CompletionMatches.CompletionText -join ' '
(TabExpansion2 '[int]::Max' 10).CompletionMatches.CompletionText
$r = TabExpansion2 '[math]::Ro' 10
"$($r.ReplacementIndex) $($r.ReplacementLength) $($r.CompletionMatches[0].CompletionText)"
