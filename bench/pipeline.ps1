# pipeline: 1..300,000 filtered to multiples of 3, doubled, summed, through the pipeline.
(1..300000 | Where-Object { $_ % 3 -eq 0 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum
