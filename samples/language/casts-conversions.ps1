# Evidence: about_Type_Conversion (Numeric, Boolean, String type conversion, Type-constrained
# variable conversions, Operator conversions, Comparison operations) — each output below is
# shown there; about_Type_Conversion "Best practices for parameter binding" (Test-String).
$byte = [byte] 42.1
$byte
$byte.GetType().Name
[byte]21.5
[byte]22.5
[boolean]0
[boolean]-1
[boolean]42.1
[boolean]''
[boolean]'Hello'
[boolean]@(0)
[boolean]@(0,0)
[boolean]@{}
[string] @(1, 2, 3)
[int]$foo = '43'
$foo.GetType().Name
$foo = '44'
$foo.GetType().Name
[int]$a = 1
[int]$b = 2
$result = $a / $b
$result
$result.GetType().Name
([int64]([int]::MaxValue + 1)).GetType().Name
([int64]::MaxValue + 1D).GetType().Name
([int64]::MaxValue + 1D)
10 - ' 9 '
10 -eq ' 10'
10 -eq '0xa'
'10' - '2'
'10' / '2'
'10' + '2'
'10' * '2'
$false - $true
$true -in 'true', 'false'
'true', 'false' -contains $true
function Test-String {
    param([string] $String)
    $String
}
Test-String -String 1, 2
