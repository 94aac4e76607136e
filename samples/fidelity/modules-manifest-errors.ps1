# Evidence: ModuleCmdletBase.LoadModuleManifest and Modules.resx at v7.6.5, in the order pwsh
# checks: members not allowed in a manifest (InvalidModuleManifestMember, listing the valid
# ones), a missing ModuleVersion (ModuleManifestMissingModuleVersion), PowerShellVersion above
# 7.6.9 (ModuleManifestInsufficientPowerShellVersion), RequiredModules that are neither loaded
# nor available (RequiredModuleNotLoaded / ...WrongVersion), then NestedModules and the
# RootModule that no file matches (ManifestMemberNotFound, a terminating error of Import-Module:
# the statement ends, the script goes on). A module name found nowhere: ModuleNotFound.
Set-Content ./BadKey.psd1 "@{ ModuleVersion = '1.0'; Owner = 'me' }"
Import-Module ./BadKey.psd1
Set-Content ./NoVersion.psd1 "@{ RootModule = 'NoVersion.psm1' }"
Import-Module ./NoVersion.psd1
Set-Content ./Future.psd1 "@{ ModuleVersion = '1.0'; PowerShellVersion = '9.0' }"
Import-Module ./Future.psd1
Set-Content ./NeedsOther.psd1 "@{ ModuleVersion = '1.0'; RequiredModules = @('NoSuchModule') }"
Import-Module ./NeedsOther.psd1
Set-Content ./NeedsVersion.psd1 "@{ ModuleVersion = '1.0'; RequiredModules = @(@{ ModuleName = 'NoSuchModule'; ModuleVersion = '2.0' }) }"
Import-Module ./NeedsVersion.psd1
Set-Content ./LostNested.psd1 "@{ ModuleVersion = '1.0'; NestedModules = @('Missing.psm1') }"
Import-Module ./LostNested.psd1
'the script goes on'
Set-Content ./LostRoot.psd1 "@{ ModuleVersion = '1.0'; RootModule = 'Nope.psm1' }"
Import-Module ./LostRoot.psd1
Import-Module NoSuchModuleAnywhere
"loaded: [$((Get-Module).Name -join ', ')]"
