# Evidence: ModuleCmdletBase.LoadModuleManifest at v7.6.5: ScriptsToProcess are dot-sourced into
# the caller's scope first; NestedModules load into the module's own session state (their
# exports become the module's functions); the RootModule .psm1 runs in that same session state
# and the module takes its Path and ModuleType (Script) with the manifest's name and version;
# without Export-ModuleMember the root exports every function and alias of its scope, which
# FunctionsToExport/AliasesToExport (wildcards allowed) then narrow; VariablesToExport alone
# exports nothing (variables are not exported implicitly). Get-Module lists top-level modules,
# -All the nested ones too, ordered by name; Remove-Module takes the nested modules with it
# (RemoveModuleCommand.cs). PSModuleInfo's list view (PowerShellCore_format_ps1xml.cs).
New-Item -ItemType Directory ./Tools/Private | Out-Null
Set-Content ./Tools/Tools.psd1 @'
@{
    ModuleVersion     = '1.2.0'
    RootModule        = 'Tools.psm1'
    NestedModules     = @('Private/Helpers.psm1')
    ScriptsToProcess  = @('Init.ps1')
    FunctionsToExport = @('Get-Tool', 'Invoke-Help*')
    AliasesToExport   = '*'
    VariablesToExport = 'ToolVersion'
    Description       = 'Test tools'
}
'@
Set-Content ./Tools/Init.ps1 '$InitRan = "Init.ps1 ran in the caller''s scope"'
Set-Content ./Tools/Private/Helpers.psm1 @'
function Invoke-Helper { 'helper' }
function Invoke-Hidden { 'hidden' }
'@
Set-Content ./Tools/Tools.psm1 @'
$ToolVersion = '1.2'
function Get-Tool { "tool uses $(Invoke-Helper) and $(Invoke-Hidden)" }
function Get-Internal { 'internal' }
New-Alias -Name gtool -Value Get-Tool
'@

$m = Import-Module ./Tools/Tools.psd1 -PassThru
$InitRan
Get-Tool
gtool
Invoke-Helper
"ToolVersion: [$ToolVersion]"
"Get-Internal visible: $([bool](Get-Command Get-Internal -ErrorAction SilentlyContinue))"
"Invoke-Hidden visible: $([bool](Get-Command Invoke-Hidden -ErrorAction SilentlyContinue))"
$m.Name
$m.ModuleType
$m.Version.ToString()
Split-Path -Leaf $m.Path
$m.ExportedCommands.Keys -join ', '
$m.NestedModules.Name
(Get-Module).Name -join ', '
(Get-Module -All).Name -join ', '
$m | Format-List
Remove-Module Tools
"after Remove-Module: [$((Get-Module -All).Name -join ', ')]"
