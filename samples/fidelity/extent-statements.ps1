# Evidence: pwsh's Compiler.cs at v7.6.5 records a sequence point for each statement pipeline
# and each whole assignment statement (UpdatePosition in VisitPipeline, CompileAssignment), and
# ExceptionHandlingOps.CheckActionPreference gives an error without a position of its own the
# current one; ConciseView underlines that extent (PositionUtilities.VerboseMessage). Oracle
# errors/divide-by-zero-literal, cast-error, index-assignment-oob and method-not-found show the
# same rule where the statement is the whole line. Texts: ParserStrings.resx and .NET messages.
$zero = 0
$x = 10 / $zero
Write-Output (1 / $zero)
$n = 5
$n += 'abc'
$a = 1, 2
$a[7] = 3
$s = 'abc'
$len = $s.Substring(10)
[int]'x' + 1
'after', $n
