# Export-Csv quotes every field (pwsh 7 default) and Import-Csv reads it back as strings.
$rows = @(
    [pscustomobject]@{ UserPrincipalName = 'jay1@contoso.com'; DisplayName = 'Jay One'; Rank = 1 }
    [pscustomobject]@{ UserPrincipalName = 'jay2@contoso.com'; DisplayName = 'Two, Jay'; Rank = 2 }
)
$rows | Export-Csv ./users.csv
Get-Content ./users.csv
$back = Import-Csv ./users.csv
$back.Count
$back[1].DisplayName
$back[1].Rank.GetType().Name
[pscustomobject]@{ UserPrincipalName = 'jay3@contoso.com'; DisplayName = 'Three'; Rank = 3 } | Export-Csv ./users.csv -Append
(Import-Csv ./users.csv).UserPrincipalName -join ';'
