$m = 2, 4, 6 | Measure-Object -AllStats
$m.Count
$m.Sum
$m.Average
$m.Minimum
$m.Maximum
$m.StandardDeviation
$t = 'hello world', 'x' | Measure-Object -Line -Word -Character
"$($t.Lines) $($t.Words) $($t.Characters)"
