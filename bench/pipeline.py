# pipeline: 1..300,000 filtered to multiples of 3, doubled, summed, through generators.
numbers = range(1, 300001)
multiples = (n for n in numbers if n % 3 == 0)
doubled = (n * 2 for n in multiples)
print(sum(doubled))
