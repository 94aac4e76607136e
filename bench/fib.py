# fib: naive recursive Fibonacci, fib(24) (150,049 calls), computed once per unit of the size
# argument; prints the sum of the results.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
total = 0
for _ in range(size):
    total += fib(24)
print(total)
