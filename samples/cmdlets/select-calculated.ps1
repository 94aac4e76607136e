$o = [pscustomobject]@{ First = 'Ada'; Last = 'Lovelace'; Year = 1815 }
$s = $o | Select-Object First, @{ Name = 'Full'; Expression = { "$($_.First) $($_.Last)" } }, @{ l = 'Age'; e = { 1852 - $_.Year } }
$s.Full
$s.Age
($s.PSObject.Properties.Name) -join ','
$o | Select-Object -ExpandProperty Last
