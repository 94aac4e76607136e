# Evidence: ModuleIntrinsics.GetModulePath/SetModulePath at v7.6.5 (unset at start-up: the user,
# shared and $PSHOME module folders, ':'-separated); ModuleUtils.GetModuleFilesFromAbsolutePath
# (a name is the folder NAME in each entry: its version folders newest first, when the
# manifest's ModuleVersion matches the folder, then NAME.psd1/.psm1; the first entry with the
# module wins; -RequiredVersion only takes manifests); GetModuleCommand (-ListAvailable: each
# entry's modules ordered by name, every matching version; the ModuleInfoGrouping table grouped
# by the folder above the module); command autoloading imports the module that exports a
# command the first time it is used (about_Modules, CommandDiscovery.cs). PowerShellGet 2.2.5's
# Update-Module on a module Get-Module -ListAvailable finds but Install-Module did not install:
# ModuleNotInstalledUsingPowerShellGet (PSGet.Resource.psd1).
$env:PSModulePath -split ':'
$mods = Join-Path $PWD 'mods'
foreach ($v in '1.0.0', '2.0.0') {
    New-Item -ItemType Directory "$mods/Stamp/$v" | Out-Null
    Set-Content "$mods/Stamp/$v/Stamp.psd1" "@{ ModuleVersion = '$v'; RootModule = 'Stamp.psm1'; FunctionsToExport = 'Get-Stamp' }"
    Set-Content "$mods/Stamp/$v/Stamp.psm1" "function Get-Stamp { 'stamp $v' }"
}
New-Item -ItemType Directory "$mods/Plain" | Out-Null
Set-Content "$mods/Plain/Plain.psm1" 'function Get-Plain { "plain from $PSScriptRoot" }'
$env:PSModulePath = $mods + [IO.Path]::PathSeparator + $env:PSModulePath

Get-Module -ListAvailable Stamp, Plain
Import-Module Stamp
Get-Stamp
Import-Module Stamp -RequiredVersion 1.0.0 -Force
Get-Stamp
# Another version loads beside the first (pwsh unloads only the same version with -Force).
(Get-Module Stamp).Version -join ', '
Get-Plain
(Get-Module Plain).Path
Import-Module Stamp -RequiredVersion 3.0
Update-Module Plain
