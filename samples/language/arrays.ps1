# Evidence: about_Arrays (creating arrays, @() count, indexing with ranges and negative
# indexes, Count/Length, Rank, multidimensional arrays and flattening, Clear(), ForEach(),
# Where() modes) — every output below is given there.
$B = ,7
$B.Count
$a = @("Hello World")
$a.Count
$b = @()
$b.Count
$a = 0..9
$a[1..4] -join ','
$a[-3..-1] -join ','
$a[-1..-3] -join ','
$a[2..-2] -join ','
$a[0,2+4..6] -join ','
$a[+0..2+4..6+8] -join ','
for ($i = 0; $i -le ($a.Length - 1); $i += 2) { $a[$i] }
$a.Count
$a.Length
[string[,]]$rank2 = [string[,]]::new(3,2)
$rank2.Rank
$rank2.Length
$rank2[1,1] = 'd'
$rank2[1,1]
$x = 1, 2, 3
$x.Clear()
$x | % { $null -eq $_ }
[int[]] $intA = 1, 2, 3
$intA.Clear()
$intA
$y = @(0 .. 3)
$y.ForEach({ $_ * $_ })
("one", "two", "three").ForEach("ToUpper")
(0..9).Where{ $_ % 2 }
('hi', '', 'there').Where{ $_ }
(1..50).Where({ $_ -gt 10 }, 'Until').Count
$myObject = [pscustomobject]@{ singleValue = 'Hello'; arrayValue = @(0..10) }
$myObject.ForEach('singleValue')
$myObject.ForEach('arrayValue').Count
