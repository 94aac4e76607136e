$g = 'one', 'two', 'four', 'three' | Group-Object Length
$g.Count
($g | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' '
$g[0].Group -join ','
$h = 'a', 'bb', 'cc' | Group-Object Length -AsHashTable -AsString
$h['2'] -join ','
