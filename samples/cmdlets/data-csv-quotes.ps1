# -UseQuotes and -QuoteFields; null values are written as nothing at all.
$o = [pscustomobject]@{ Name = 'a,b'; Say = 'he said "hi"'; Plain = 'x'; Missing = $null }
$o | ConvertTo-Csv
$o | ConvertTo-Csv -UseQuotes AsNeeded
$o | ConvertTo-Csv -UseQuotes Never
$o | ConvertTo-Csv -QuoteFields Plain
$o | ConvertTo-Csv -Delimiter ';' -NoHeader
[pscustomobject]@{ n = 1 } | ConvertTo-Csv -IncludeTypeInformation
