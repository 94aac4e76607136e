# Evidence: about_Arithmetic_Operators (DIVISION AND ROUNDING, TYPE CONVERSION TO ACCOMMODATE
# RESULT, Potential loss of precision, Bigint arithmetic, ADDING AND MULTIPLYING NON NUMERIC
# TYPES): every value below is shown there as the output.
[int](5 / 2)
[int](7 / 2)
[int][Math]::Round(5 / 2, [MidpointRounding]::AwayFromZero)
[int][Math]::Ceiling(5 / 2)
[int][Math]::Floor(5 / 2)
2 + 3.1
(2).GetType().FullName
(2 + 3.1).GetType().FullName
(512MB).GetType().FullName
(512MB * 512MB).GetType().FullName
([int32]::MinValue + [uint32]::MaxValue).GetType().FullName
[decimal]::MaxValue
(9223372036854775807 + 2).GetType().FullName
9223372036854775807ul + 2
([ulong]::MaxValue + 1).GetType().FullName
[bigint]1 / 1.9
1 / [bigint]1.9
1 / 1.9
1 / [int]1.9
$a = 1, 2, 3
$b = "A", "B", "C"
$a + $b
"file" + 16
"file" * 3
($a * 2) -join ','
($a + "file") -join ','
+ '123'
$array = @()
(0..2).ForEach{ $array += $_ }
$array
