# hashtable: 200,000 inserts of string keys, then 200,000 lookups summing the values.
h = {}
for i in range(200000):
    h[f"k{i}"] = i
total = 0
for i in range(200000):
    total += h[f"k{i}"]
print(f"{len(h)} {total}")
