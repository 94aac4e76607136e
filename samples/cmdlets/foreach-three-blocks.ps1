1..2 | ForEach-Object { 'begin' } { "item $_" } { 'end' }
$n = 0; 1..5 | % { $n++ }; $n
