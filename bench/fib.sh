# fib: naive recursive Fibonacci, fib(24) (150,049 calls), computed once per unit of the size
# argument; prints the sum of the results. The result comes back in $r.
fib() {
    local n=$1
    if ((n < 2)); then r=$n; return; fi
    fib $((n - 1)); local a=$r
    fib $((n - 2)); r=$((a + r))
}
total=0
for ((k = 0; k < ${1:-1}; k++)); do fib 24; total=$((total + r)); done
echo "$total"
