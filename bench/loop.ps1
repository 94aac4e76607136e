# loop: sum the integers 1..1,000,000 in a counting loop.
$sum = 0
for ($i = 1; $i -le 1000000; $i++) { $sum += $i }
$sum
