# pipeline: 1..300,000 filtered to multiples of 3, doubled, summed, in one loop.
sum=0
for ((n = 1; n <= 300000; n++)); do
    if ((n % 3 == 0)); then sum=$((sum + n * 2)); fi
done
echo "$sum"
