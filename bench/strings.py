# strings: 200,000 one-character appends, then 200,000 interpolated pieces joined with commas
# (both times the size argument).
import sys

n = 200000 * (int(sys.argv[1]) if len(sys.argv) > 1 else 1)
s = ''
for i in range(n):
    s += 'x'
parts = [f"item{i}" for i in range(n)]
joined = ','.join(parts)
print(f"{len(s)} {len(joined)}")
