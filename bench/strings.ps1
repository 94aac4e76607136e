# strings: 200,000 one-character appends, then 200,000 interpolated pieces joined with commas.
$s = ''
for ($i = 0; $i -lt 200000; $i++) { $s += 'x' }
$parts = for ($i = 0; $i -lt 200000; $i++) { "item$i" }
$joined = $parts -join ','
"$($s.Length) $($joined.Length)"
