# Evidence: oracle formatting/convertfrom-json-variants (JSON numbers become Int64, booleans
# Boolean), cmdlets/csv-import-file (CSV fields come back as strings; Format-Table of the
# imported rows, strings left-aligned; one blank line after a Format-Table block),
# samples/cmdlets/data-csv-roundtrip and oracle cmdlets/csv-delimiter-append (ConvertTo-Csv /
# Export-Csv quote every field), formatting/object-table-many (numbers and booleans right-aligned).
$json = '[{"Identity":"Global","Rank":0,"Enabled":true},{"Identity":"Tag:Sales","Rank":12,"Enabled":false}]'
$fromJson = $json | ConvertFrom-Json
$fromJson | Format-Table
$fromJson[1].Rank.GetType().Name
$csv = $fromJson | ConvertTo-Csv
$csv
$fromCsv = $csv | ConvertFrom-Csv
$fromCsv[1].Rank.GetType().Name
$fromCsv | Format-Table
