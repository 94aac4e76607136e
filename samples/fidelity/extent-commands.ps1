# Evidence: pwsh's MiscOps.cs (PipelineOps.AddCommand) at v7.6.5: an error finding the command
# points at the command's name, and its InvocationName (shown before the colon by ConciseView)
# is `&` or `.` when the command was invoked with one, else the name; an empty name is
# ParserStrings.BadExpression. A command's own errors carry its whole CommandAst extent
# (oracle errors/get-content-missing, command-not-found, command-not-found-in-pipeline).
# Binding errors point at the argument, else the parameter (ParameterBinderBase.GetErrorExtent,
# oracle errors/binding-named-not-found); a positional argument keeps its own extent
# (ParameterBinderController binds it with argument.ArgumentAst).
& 'no such tool' -x 1
. ./missing-helper.ps1
$name = $null
& $name
Get-Item ./nope.txt > $null
function Set-Size { param([int]$Size) "size $Size" }
Set-Size big
Set-Size -Size:huge
function Test-Range { [CmdletBinding()] param([ValidateRange(1, 5)][int]$N) $N }
Test-Range 9
Test-Range -N:7
Test-Range -Nope 1
'end'
