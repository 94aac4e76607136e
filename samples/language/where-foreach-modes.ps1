# Evidence: about_Arrays (ForEach(): scriptblock, scriptblock with arguments, a type to convert
# to ("1/1/2017" .. as [datetime]), a property name to get or to set with a new value, a method
# name with arguments; Where(): the modes Default/First/Last/SkipUntil/Until/Split and
# numberToReturn, "Both the Default mode and First mode return the first (numberToReturn)
# items", SkipUntil returns the first passing item and all after it untested, Until the items
# before the first pass, Split two collections where the second also holds passing items
# past numberToReturn), oracle semantics/s21-where-foreach-methods.
$a = @(0 .. 3)
$a.ForEach({ $_ * $_ })
(1, 2).ForEach({ param($m) $_ * $m }, 10)
("1/1/2017", "2/1/2017", "3/1/2017").ForEach([datetime]).ForEach({ $_.ToString('yyyy-MM-dd dddd') })
('a-b', 'c-d').ForEach('Replace', '-', '+') -join ','
("one", "two", "three").ForEach("ToUpper")
$objs = @([pscustomobject]@{ v = 1 }, [pscustomobject]@{ v = 2 })
$objs.ForEach('v') -join ','
$null = $objs.ForEach('v', 9)
$objs.v -join ','
(1..10).Where({ $_ -gt 3 }, 'First')
(1..10).Where({ $_ -gt 3 }, 'First', 2) -join ','
(1..10).Where({ $_ -gt 3 }, 'Default', 2) -join ','
(1..10).Where({ $_ -gt 3 }, 'Last')
(1..10).Where({ $_ -gt 3 }, 'Last', 3) -join ','
(1..10).Where({ $_ % 4 -eq 0 }, 'SkipUntil') -join ','
(1..10).Where({ $_ % 4 -eq 0 }, 'SkipUntil', 2) -join ','
(1..10).Where({ $_ % 4 -eq 0 }, 'Until') -join ','
$even, $odd = (1..6).Where({ $_ % 2 -eq 0 }, 'Split')
"even=$($even -join ',') odd=$($odd -join ',')"
$first, $rest = (1..6).Where({ $_ % 2 -eq 0 }, 'Split', 1)
"first=$($first -join ',') rest=$($rest -join ',')"
(1..3).Where({ $_ -gt 5 }).Count
('hi', '', 'there').Where{ $_ } -join ' '
