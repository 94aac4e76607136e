# fib: naive recursive Fibonacci, fib(24) (75,025 calls); the result comes back in $r.
fib() {
    local n=$1
    if ((n < 2)); then r=$n; return; fi
    fib $((n - 1)); local a=$r
    fib $((n - 2)); r=$((a + r))
}
fib 24
echo "$r"
