# strings: 200,000 one-character appends, then 200,000 interpolated pieces joined with commas.
s=''
for ((i = 0; i < 200000; i++)); do s+='x'; done
parts=()
for ((i = 0; i < 200000; i++)); do parts+=("item$i"); done
IFS=,; joined="${parts[*]}"; unset IFS
echo "${#s} ${#joined}"
