# Evidence: NewModuleCommand.cs at v7.6.5 and New-Module's documentation: the block runs in a new
# session state (its variables stay there, functions see them); without Export-ModuleMember
# the functions (only those -Function names) are exported and imported into the caller, aliases
# and variables are not; the module object is written (ModuleType Script) but no module list has
# it, so Get-Module does not show it; -ReturnResult writes the block's output instead;
# -AsCustomObject imports nothing and writes an object whose script methods are the functions
# and whose properties are the exported variables.
$m = New-Module -Name Greeter -ScriptBlock {
    $greeting = 'Hello'
    function Get-Greeting([string]$Name) { "$greeting, $Name" }
    function Set-Greeting([string]$Text) { $script:greeting = $Text }
}
Get-Greeting World
Set-Greeting Hi
Get-Greeting again
$m.Name
$m.ModuleType
"in Get-Module: [$((Get-Module Greeter).Name)]"
"greeting outside: [$greeting]"
$o = New-Module -AsCustomObject { $Count = 3; function Double($x) { $x * 2 }; Export-ModuleMember -Function Double -Variable Count }
$o.Count
$o.Double(21)
New-Module { 'result one'; 'result two'; function Get-R { 'r' } } -ReturnResult
Get-R
New-Module -ScriptBlock { function Get-Only { 1 }; function Get-Other { 2 } } -Function Get-Only | Out-Null
[bool](Get-Command Get-Other -ErrorAction SilentlyContinue)
