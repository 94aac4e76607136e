# loop: sum the integers 1..1,000,000 in a counting loop.
total = 0
i = 1
while i <= 1000000:
    total += i
    i += 1
print(total)
