# loop: sum the integers 1..1,000,000 (times the size argument) in a counting loop.
n=$((1000000 * ${1:-1}))
sum=0
for ((i = 1; i <= n; i++)); do sum=$((sum + i)); done
echo "$sum"
