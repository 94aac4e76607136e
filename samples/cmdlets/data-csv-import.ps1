# ImportCsvHelper's rules: blanks around quoted fields dropped, "" is a quote, empty fields
# are empty strings, blank lines are skipped.
$p = Import-Csv ./data-policies.csv
$p.Count
foreach ($row in $p) { "[$($row.Identity)] [$($row.Mode)] [$($row.Description)]" }
$p[2].Mode -eq ''
(Import-Csv ./data-policies.csv -Header A, B).Count
(Import-Csv ./data-policies.csv -Header A, B)[0].A
'a;b', '1;2' | ConvertFrom-Csv -Delimiter ';' | ForEach-Object { $_.a + $_.b }
