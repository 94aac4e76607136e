# Evidence: a script block or function body is compiled with its own sequence points (pwsh's
# Compiler.cs at v7.6.5), and each of its statements is wrapped so that an error is reported and
# the next statement runs (CompileStatementListWithTraps); so a failing statement in a
# ForEach-Object block is reported once per input object and underlines that statement, as in
# oracle errors/terminating-in-pipeline and throw-in-function. Statements of $( ) and @( ), and
# each hashtable value, are sequence points too.
$zero = 0
1..2 | ForEach-Object { $_ / $zero }
1..3 | Where-Object { $_.Foo() } | ForEach-Object { "kept $_" }
function Get-Half { param($v) $v / $zero; 'half done' }
Get-Half 4
& { 'in block'; [int]'b' }
"value: $(1 / $zero) end"
$h = @{ Name = 'x'; Size = [int]'big' }
$h.Count
