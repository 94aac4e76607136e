# hashtable: 200,000 inserts of string keys, then 200,000 lookups summing the values (both
# times the size argument).
param([int]$Size = 1)
$n = 200000 * $Size
$h = @{}
for ($i = 0; $i -lt $n; $i++) { $h["k$i"] = $i }
$sum = 0
for ($i = 0; $i -lt $n; $i++) { $sum += $h["k$i"] }
"$($h.Count) $sum"
