# pipeline: 1..300,000 (times the size argument) filtered to multiples of 3, doubled, summed,
# in one loop.
n=$((300000 * ${1:-1}))
sum=0
for ((i = 1; i <= n; i++)); do
    if ((i % 3 == 0)); then sum=$((sum + i * 2)); fi
done
echo "$sum"
