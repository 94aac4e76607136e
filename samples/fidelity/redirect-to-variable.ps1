# Evidence: pwsh's FileRedirection (MiscOps.cs at v7.6.5): a redirection target on the
# variable: drive runs Set-Variable -Name name (-Append for >>) on what the stream carries;
# Set-Variable (VariableCommands.cs) stores one object as it is, several as an array, and
# nothing as $null; `>>` adds to what the variable held. about_Redirection lists
# "Redirecting to a variable" (7.4+).
Get-Item ./nope.txt 2>variable:err
$err.GetType().Name
$err.Exception.Message
Write-Output 'a', 'b' >variable:out
$out.Count
$out -join ','
Write-Output 'c' >>variable:out
$out -join ','
Write-Warning 'careful' 3>variable:warn
"$warn"
Get-ChildItem / 2>variable:none | Out-Null
$null -eq $none
function Get-Mixed { 'result'; Write-Error 'failed' }
$value = Get-Mixed 2>variable:problems
$value
"$problems"
