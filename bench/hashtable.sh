# hashtable: 200,000 inserts of string keys, then 200,000 lookups summing the values.
declare -A h
for ((i = 0; i < 200000; i++)); do h["k$i"]=$i; done
sum=0
for ((i = 0; i < 200000; i++)); do sum=$((sum + h["k$i"])); done
echo "${#h[@]} $sum"
