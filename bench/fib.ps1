# fib: naive recursive Fibonacci, fib(24) (150,049 calls), computed once per unit of the size
# argument; prints the sum of the results.
param([int]$Size = 1)
function fib([int]$n) {
    if ($n -lt 2) { return $n }
    (fib ($n - 1)) + (fib ($n - 2))
}
$total = 0
for ($k = 0; $k -lt $Size; $k++) { $total += fib 24 }
$total
