$people = @(
  [pscustomobject]@{ Name = 'Cy'; Age = 30 }
  [pscustomobject]@{ Name = 'Al'; Age = 25 }
  [pscustomobject]@{ Name = 'Bo'; Age = 30 }
)
($people | Sort-Object Age, Name | ForEach-Object Name) -join ','
($people | Sort-Object -Property @{ Expression = 'Age'; Descending = $true }, Name | ForEach-Object Name) -join ','
(5, 3, 5, 1, 3 | Sort-Object -Unique) -join ','
(5, 3, 9, 1 | Sort-Object -Descending) -join ','
(5, 3, 9, 1 | Sort-Object -Top 2) -join ','
