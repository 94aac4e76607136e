# loop: sum the integers 1..1,000,000 (times the size argument) in a counting loop.
param([int]$Size = 1)
$n = 1000000 * $Size
$sum = 0
for ($i = 1; $i -le $n; $i++) { $sum += $i }
$sum
