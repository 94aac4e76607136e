# strings: 200,000 one-character appends, then 200,000 interpolated pieces joined with commas.
s = ''
for i in range(200000):
    s += 'x'
parts = [f"item{i}" for i in range(200000)]
joined = ','.join(parts)
print(f"{len(s)} {len(joined)}")
