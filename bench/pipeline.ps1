# pipeline: 1..300,000 (times the size argument) filtered to multiples of 3, doubled, summed,
# through the pipeline.
param([int]$Size = 1)
(1..(300000 * $Size) | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum
