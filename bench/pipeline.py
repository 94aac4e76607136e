# pipeline: 1..300,000 (times the size argument) filtered to multiples of 3, doubled, summed,
# through generators.
import sys

numbers = range(1, 300000 * (int(sys.argv[1]) if len(sys.argv) > 1 else 1) + 1)
multiples = (n for n in numbers if n % 3 == 0)
doubled = (n * 2 for n in multiples)
print(sum(doubled))
