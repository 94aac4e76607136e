# hashtable: 200,000 inserts of string keys, then 200,000 lookups summing the values (both
# times the size argument).
import sys

n = 200000 * (int(sys.argv[1]) if len(sys.argv) > 1 else 1)
h = {}
for i in range(n):
    h[f"k{i}"] = i
total = 0
for i in range(n):
    total += h[f"k{i}"]
print(f"{len(h)} {total}")
