# Evidence: about_Scopes (Scope modifiers: Script:, Local: "doesn't search parent scopes",
# Global: functions; "Functions create a new scope"; Using dot-source notation with scope:
# a dot-sourced script or function runs in the current scope, "&" runs a script in its own
# script scope), about_Functions (Function scope).
$a = 'script'
function Set-ScriptA { $script:a = 'changed by function' }
Set-ScriptA
$a
function Set-LocalA { $a = 'local only'; $a }
Set-LocalA
$a
function Read-LocalA { "[$local:a]" }
Read-LocalA
function Add-Vars { $dotted = 'from function' }
Add-Vars
$null -eq $dotted
. Add-Vars
$dotted
Set-Content ./helper.ps1 -Value '$helperVar = "from helper"; function Get-Helper { "helper function" }'
& ./helper.ps1
$null -eq $helperVar
. ./helper.ps1
$helperVar
Get-Helper
function Outer { function Inner { 'inner' }; Inner }
Outer
$null -eq (Get-Command Inner -ErrorAction SilentlyContinue)
function Global:Hello { 'Hello, World' }
Hello
