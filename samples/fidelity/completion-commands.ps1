# Evidence: CompletionCompleters.cs CompleteCommand at v7.6.5 (Get-Command -Name word* results
# sorted by name OrdinalIgnoreCase, so '_' sorts after letters; functions the input itself
# defines and that are not found otherwise are put first), the oracle's c06 and c11.
function Get-CrewA { }
function Get-Crew_b { }
Set-Alias -Name gcrew -Value Get-CrewA
(TabExpansion2 'Get-Crew' 8).CompletionMatches.CompletionText -join ' '
(TabExpansion2 'function Get-CrewNew {}; Get-Crew' 33).CompletionMatches.CompletionText -join ' '
(TabExpansion2 'gcre' 4).CompletionMatches | ForEach-Object { '{0} | {1} | {2}' -f $_.CompletionText, $_.ListItemText, $_.ResultType }
