# Evidence: PowerShellGet 2.2.5's own VERBOSE lines (PSGet.Resource.psd1, written by
# Find-Package.ps1, Install-PackageUtility.ps1, Update-Module.ps1 and Uninstall-Package.ps1:
# NoSourceNameIsSpecified with its two spaces, SpecifiedSourceName, GettingPackageManagement-
# ProviderObject, SpecifiedLocationAndOGP, CheckingForModuleUpdate and ModuleDestination with
# their leading space, SpecifiedInstallationScope, FoundModuleUpdate, DownloadingModuleFrom-
# Gallery, ModuleInstalledSuccessfully, ModuleAlreadyInstalledVerbose, NoUpdateAvailable,
# ModuleUninstallationSucceeded) and ShouldProcess's "Performing the operation" line
# (MshCommandRuntime.DoShouldProcess with -Verbose). The lines PackageManagement and its NuGet
# provider add between them are left out (README, deliberate limits).
Find-Module MicrosoftTeams -Verbose | Select-Object -ExpandProperty Version
Update-Module MicrosoftTeams -Verbose
Update-Module MicrosoftTeams -Verbose
Install-Module MicrosoftTeams -Verbose
Uninstall-Module MicrosoftTeams -RequiredVersion 2.3.1 -Verbose
Get-InstalledModule MicrosoftTeams -AllVersions | Select-Object -ExpandProperty Version
