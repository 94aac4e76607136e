# Evidence: CompletionCompleters.cs at v7.6.5 (a ValidateSet value: the value equal to the word
# first, then the other matches sorted, values with spaces quoted, empty values never; an
# enum: the same, names sorted), the oracle's c03 and c13.
function Set-Level {
    param(
        [ValidateSet('High', 'Highest', 'Very High', 'Low')] [string] $Level,
        [ConsoleColor] $Colour
    )
}
(TabExpansion2 'Set-Level -Level High' 21).CompletionMatches.CompletionText -join ' | '
(TabExpansion2 'Set-Level -Level ' 17).CompletionMatches.CompletionText -join ' | '
(TabExpansion2 'Set-Level -Level V' 18).CompletionMatches.CompletionText
(TabExpansion2 'Set-Level -Colour Dark' 22).CompletionMatches.CompletionText -join ' '
(TabExpansion2 'Set-Level -Colour Red' 21).CompletionMatches.CompletionText -join ' '
(TabExpansion2 'Set-Level -Level Low -C' 23).CompletionMatches.CompletionText
