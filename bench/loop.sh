# loop: sum the integers 1..1,000,000 in a counting loop.
sum=0
for ((i = 1; i <= 1000000; i++)); do sum=$((sum + i)); done
echo "$sum"
