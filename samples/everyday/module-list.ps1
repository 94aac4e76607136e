# Evidence: Get-Module -ListAvailable lists the modules of $env:PSModulePath's folders in path
# order, by name within a folder (about_Modules; pwsh 7.6's $PSHOME/Modules on Linux). teamsh
# lists only modules whose commands exist: the Teams module, the simulator's PowerShellGet,
# PSReadLine, Archive and the built-in Microsoft.PowerShell.* ones (README, deliberate limits).
Get-Module -ListAvailable | Format-Table Name, Version, ModuleType
(Get-Module -ListAvailable Microsoft.PowerShell.Host).ExportedCommands.Keys | Sort-Object
