# strings: 200,000 one-character appends, then 200,000 interpolated pieces joined with commas
# (both times the size argument).
param([int]$Size = 1)
$n = 200000 * $Size
$s = ''
for ($i = 0; $i -lt $n; $i++) { $s += 'x' }
$parts = for ($i = 0; $i -lt $n; $i++) { "item$i" }
$joined = $parts -join ','
"$($s.Length) $($joined.Length)"
