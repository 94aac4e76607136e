# Evidence: about_Script_Blocks (param blocks, & and Invoke(), begin/process/end blocks in a
# script block, $args), about_Scopes (& runs in a child scope, . in the current one),
# oracle language/scriptblocks-more (GetNewClosure captures the value at that time).
$sb = { param($p) "p=$p" }
& $sb 1
$sb.Invoke(2)
$sb.GetType().FullName
function New-Adder($n) { { param($x) $x + $n }.GetNewClosure() }
$add5 = New-Adder 5
$add2 = New-Adder 2
& $add5 10
& $add2 10
& $add5 1
{ $args.Count }.Invoke(1, 2, 3)
1, 2 | & { begin { 'B' } process { "P$_" } end { 'E' } }
$v = 'outer'
& { $v = 'inner'; $v }
$v
. { $v = 'dot' }
$v
Invoke-Command -ScriptBlock { param($a) $a * 2 } -ArgumentList 21
$list = foreach ($i in 1..3) { { "item $i" }.GetNewClosure() }
$list | ForEach-Object { & $_ }
