# hashtable: 200,000 inserts of string keys, then 200,000 lookups summing the values.
$h = @{}
for ($i = 0; $i -lt 200000; $i++) { $h["k$i"] = $i }
$sum = 0
for ($i = 0; $i -lt 200000; $i++) { $sum += $h["k$i"] }
"$($h.Count) $sum"
