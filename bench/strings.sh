# strings: 200,000 one-character appends, then 200,000 interpolated pieces joined with commas
# (both times the size argument).
n=$((200000 * ${1:-1}))
s=''
for ((i = 0; i < n; i++)); do s+='x'; done
parts=()
for ((i = 0; i < n; i++)); do parts+=("item$i"); done
IFS=,; joined="${parts[*]}"; unset IFS
echo "${#s} ${#joined}"
