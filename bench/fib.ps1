# fib: naive recursive Fibonacci, fib(24) (75,025 calls).
function fib([int]$n) {
    if ($n -lt 2) { return $n }
    (fib ($n - 1)) + (fib ($n - 2))
}
fib 24
