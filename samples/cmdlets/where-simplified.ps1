$items = @(
  [pscustomobject]@{ Name = 'a1'; N = 1; On = $true }
  [pscustomobject]@{ Name = 'b2'; N = 2; On = $false }
  [pscustomobject]@{ Name = 'a3'; N = 3; On = $true }
)
($items | Where-Object N -ge 2).Name -join ','
($items | Where-Object Name -NotLike 'a*').Name -join ','
($items | Where-Object On).Name -join ','
($items | Where-Object -Not On).Name -join ','
($items | Where-Object N -NotIn 1, 3).Name -join ','
($items | Where-Object Name -CEQ 'A1').Count
($items | ? { $_.N % 2 -eq 1 }).Name -join ','
