$x = 'script'
function Show { $x = 'local'; (Get-Variable x -Scope 1).Value; (Get-Variable x -Scope 0).Value }
Show
function SetUp { Set-Variable -Name x -Value 'changed' -Scope 1 }
SetUp
$x
