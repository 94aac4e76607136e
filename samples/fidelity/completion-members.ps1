# Evidence: CompletionCompleters.cs CompleteMemberHelper at v7.6.5 (members matching the word,
# sorted by MemberType (AliasProperty, Property, NoteProperty, …, Method, …) then Name;
# methods complete with "("; a dictionary's string keys follow the members; Where( and
# ForEach( come last for a collection; ListItemText is the bare name) and the oracle's c04.
$o = [pscustomobject]@{ Zeta = 1; Beta = 'b' }
(TabExpansion2 '$o.' 3).CompletionMatches.CompletionText -join ' '
(TabExpansion2 '$o.Ze' 5).CompletionMatches | ForEach-Object { '{0} | {1} | {2} | {3}' -f $_.CompletionText, $_.ListItemText, $_.ResultType, $_.ToolTip }
$h = @{ Kernel = 1; alpha = 2 }
(TabExpansion2 '$h.Ke' 5).CompletionMatches | ForEach-Object { '{0} | {1} | {2}' -f $_.CompletionText, $_.ListItemText, $_.ResultType }
$items = 1, 2, 3
(TabExpansion2 '$items.Cou' 10).CompletionMatches.CompletionText
(TabExpansion2 '$items.Fo' 9).CompletionMatches.CompletionText
(TabExpansion2 '$items.W' 8).CompletionMatches.CompletionText
(TabExpansion2 '''text''.L' 8).CompletionMatches | ForEach-Object { '{0} | {1} | {2}' -f $_.CompletionText, $_.ListItemText, $_.ResultType }
$r = TabExpansion2 '$o.Be' 5
"$($r.ReplacementIndex) $($r.ReplacementLength)"
