# hashtable: 200,000 inserts of string keys, then 200,000 lookups summing the values (both
# times the size argument).
n=$((200000 * ${1:-1}))
declare -A h
for ((i = 0; i < n; i++)); do h["k$i"]=$i; done
sum=0
for ((i = 0; i < n; i++)); do sum=$((sum + h["k$i"])); done
echo "${#h[@]} $sum"
