# Evidence: pwsh's tokenizer (ScanVariable in tokenizer.cs at v7.6.5): a `$` that no variable
# name follows starts a generic token, in either mode; so `$ x` is the command `$` with the
# argument x (not a parse error), `$` alone is an argument, and "$ 5" keeps the `$`.
Write-Output $ x
"cost: $ 5"
'price $ 3'
$text = "ends with $"
$text
$ x
'continues'
