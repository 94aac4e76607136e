# Evidence: ModuleCmdletBase.LoadModule (.psm1 branch) and ModuleIntrinsics.ExportModuleMembers
# at v7.6.5: a .psm1 that never calls Export-ModuleMember exports all its functions and aliases
# but no variables; Export-ModuleMember exports what matches when it runs (a function defined
# after the call is not exported) and its calls add up; export lists are sorted
# (OrdinalIgnoreCase). ImportModuleMembers: -Prefix goes before the noun (aliases follow the
# renamed command), -Function narrows what is imported; a module's Import-Module imports into
# that module's session state, so the outer module re-exports those functions. Export-ModuleMember
# outside a module: Modules_CanOnlyExecuteExportModuleMemberInsideAModule (Modules.resx).
Set-Content ./Implicit.psm1 @'
$Hidden = 'not exported'
function Get-Zeta { 'zeta' }
function get-alpha { 'alpha' }
Set-Alias -Name za -Value Get-Zeta
'@
$m = Import-Module ./Implicit.psm1 -PassThru
$m.ExportedFunctions.Keys -join ', '
$m.ExportedAliases.Keys -join ', '
"Hidden: [$Hidden]"

Set-Content ./Explicit.psm1 @'
param([int]$Start = 0)
$script:Count = $Start
$Shared = 'exported variable'
Export-ModuleMember -Function Later
function Later { 'defined after the call' }
function Step-Counter { $script:Count++; $script:Count }
function Get-Count { $script:Count }
New-Alias -Name sc -Value Step-Counter
Export-ModuleMember -Function Step-Counter, Get-Count -Variable Shared
Export-ModuleMember -Alias sc
'@
$e = Import-Module ./Explicit.psm1 -ArgumentList 10 -Prefix My -PassThru
$e.ExportedFunctions.Keys -join ', '
$e.ExportedVariables.Keys -join ', '
Step-MyCounter
Mysc
Get-MyCount
$Shared
"Later: $([bool](Get-Command Later -ErrorAction SilentlyContinue))"
(Get-Command Step-MyCounter).Source

Remove-Module Explicit
Import-Module ./Explicit.psm1 -Function Get-Count
"Step-Counter after -Function Get-Count: $([bool](Get-Command Step-Counter -ErrorAction SilentlyContinue))"
Get-Count

Set-Content ./Outer.psm1 @'
Import-Module (Join-Path $PSScriptRoot 'Implicit.psm1') -Force
function Get-Outer { "outer calls $(Get-Zeta)" }
'@
$o = Import-Module ./Outer.psm1 -PassThru
$o.ExportedFunctions.Keys -join ', '
(Get-Module).Name -join ', '
Export-ModuleMember -Function Get-Outer
