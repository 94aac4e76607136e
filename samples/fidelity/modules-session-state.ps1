# Evidence: a module runs in its own session state (about_Scopes, ModuleIntrinsics.CreateModule at
# v7.6.5): its script-scope variables live on between calls and stay invisible outside;
# $ExecutionContext.SessionState.Module is the module inside its code and $null outside
# (SessionState.Module); `& $module { }` runs a block in the module's session state;
# CommandInfo.Module/Source/Version come from the module. Remove-Module runs the module's
# OnRemove block first, then takes out what the import added (functions, aliases, exported
# variables); a module another loaded module requires (RequiredModules) is not removed without
# -Force (RemoveModuleCommand.cs, ModuleIsRequired in Modules.resx).
Set-Content ./Counter.psm1 @'
$script:Count = 0
$Label = 'counter'
function Step-Counter { $script:Count++; "$Label at $script:Count" }
function Get-Owner { $ExecutionContext.SessionState.Module.Name }
New-Alias -Name step -Value Step-Counter
Export-ModuleMember -Function Step-Counter, Get-Owner -Alias step -Variable Label
$ExecutionContext.SessionState.Module.OnRemove = { 'OnRemove ran' | Write-Host }
'@
Set-Content ./Counter.psd1 "@{ ModuleVersion = '2.1.0'; RootModule = 'Counter.psm1' }"
$m = Import-Module ./Counter.psd1 -PassThru
Step-Counter
step
"outside: [$Count]"
"outside module: [$($ExecutionContext.SessionState.Module)]"
Get-Owner
& $m { "inside, Count is $script:Count" }
& $m { $script:Count = 40 }
Step-Counter
$cmd = Get-Command Step-Counter
'{0} {1} {2}' -f $cmd.Source, $cmd.Version, $cmd.Module.Name

Set-Content ./App.psd1 "@{ ModuleVersion = '1.0'; RequiredModules = @('Counter') }"
Set-Content ./Uses.psd1 "@{ ModuleVersion = '1.0'; RequiredModules = @(@{ ModuleName = 'Counter'; ModuleVersion = '2.0' }) }"
$app = Import-Module ./App.psd1 -PassThru
$app.RequiredModules.Name
Import-Module ./Uses.psd1
(Get-Module).Name -join ', '
Remove-Module Counter
Remove-Module App, Uses
Remove-Module Counter
"after: Step-Counter $([bool](Get-Command Step-Counter -ErrorAction SilentlyContinue)), step $([bool](Get-Alias step -ErrorAction SilentlyContinue)), Label [$Label]"
(Get-Module).Name -join ', '
