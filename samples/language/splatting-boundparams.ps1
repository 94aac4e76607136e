# Evidence: about_Splatting (hash table and array splatting, jagged array splatted to a
# PowerShell command vs a native command, Example 2 $PSBoundParameters forwarding and its
# output, Example 3 an explicit parameter overrides a splatted one (7.1+), Example 4 several
# splats in one command, @args), about_Automatic_Variables ($PSBoundParameters holds only
# the parameters that were passed).
function Test1
{
    param($a, $b, $c)
    "a = $a"
    "b = $b"
    "c = $c"
}
function Test2
{
    param($a, $b, $c)
    Test1 @PSBoundParameters
    Test1 -b $PSBoundParameters.b -c $PSBoundParameters.c
}
Test2 -a 1 -b 2 -c 3
$h = @{ a = 'A'; b = 'B' }
Test1 @h -a 'override'
$arr = 'x', 'y', 'z'
Test1 @arr
function Show-Args { "$($args.Count) argument(s)"; foreach ($x in $args) { "<$x>" } }
$arguments = 1, (2, 3), 4
Show-Args @arguments
/bin/echo @arguments
$m = @{ Object = 'Hello', 'World!' }
$s = @{ Separator = '|' }
Write-Host @m @s
function Get-Bound { param($First, $Second, [switch]$Flag) $PSBoundParameters.Count; ($PSBoundParameters.Keys | Sort-Object) -join ',' }
Get-Bound -Second 2
Get-Bound 1 2 -Flag
function Proxy { Test1 @args }
Proxy -c 3 1
