# Evidence: about_Automatic_Variables ($MyInvocation.PSCommandPath is the path of the calling
# script; $PSCommandPath and $PSScriptRoot;
# $args holds the values of undeclared parameters; $PSBoundParameters holds only the
# parameters that were passed, and can be changed and splatted on), v7.6.5
# test/powershell/Language/Scripting/MyInvocation.Tests.ps1 ($MyInvocation.Line holds the
# calling line, ScriptName the script file), oracle README (the script runs as
# /tmp/case/NAME.ps1), oracle language/functions-more ($args beside a declared parameter).
$PSCommandPath
$PSScriptRoot
function Get-Caller { $MyInvocation.PSCommandPath }
Get-Caller
& { $MyInvocation.ScriptName }
function Get-Line { $MyInvocation.Line.IndexOf('Get-Line') -gt -1 }
$r = Get-Line; $r
function Show-Args {
  "count=$($args.Count)"
  foreach ($a in $args) { "arg <$a> $($a.GetType().Name)" }
}
Show-Args one 2 'three'
Show-Args
function Show-Mixed { param($Name) "Name=$Name args=$($args -join '|')" }
Show-Mixed a b c
Show-Mixed -Name n x
function Show-Bound {
  param($First = 'default', $Second, [switch]$Flag)
  "count=$($PSBoundParameters.Count) first=$First"
  "has First: $($PSBoundParameters.ContainsKey('First'))"
  ($PSBoundParameters.Keys | Sort-Object) -join ','
  if ($PSBoundParameters.ContainsKey('Flag')) { "Flag bound, Flag=$Flag" }
}
Show-Bound
Show-Bound -Second 2
Show-Bound 1 2 -Flag
function Inner { param($a, $b) "inner a=$a b=$b" }
function Outer {
  param($a, $b)
  $PSBoundParameters['b'] = 'changed'
  $PSBoundParameters.Remove('a') | Out-Null
  Inner @PSBoundParameters
}
Outer -a 1 -b 2
