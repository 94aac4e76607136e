# Evidence: pwsh 7.3+ parses `.Method[T1, T2](…)` as a generic method call when the type
# arguments are plain type names and `(` follows the `]` at once; otherwise `[` indexes the
# member (Parser.cs MemberAccessRule and GenericMethodArgumentsRule at v7.6.5;
# about_Calling_Generic_Methods). [Array]::Empty[T]() returns an empty T[].
$empty = [System.Array]::Empty[int]()
$empty.GetType().Name
$empty.Count
[array]::Empty[string]().GetType().Name
$data = [pscustomobject]@{ Items = @('a', 'b', 'c') }
$data.Items[1]
$i = 2
$data.Items[$i]
$h = @{ Keys2 = @{ x = 'y' } }
$h.Keys2['x']
