# loop: sum the integers 1..1,000,000 (times the size argument) in a counting loop.
import sys

n = 1000000 * (int(sys.argv[1]) if len(sys.argv) > 1 else 1)
total = 0
i = 1
while i <= n:
    total += i
    i += 1
print(total)
