# Evidence: PowerShellGet 2.2.5 Find-Module.ps1 and Install-Module.ps1 (with -Repository they
# first call Get-PSRepository -Name <each> and stop when it wrote an error), PackageManagement's
# Get-PackageSource error mapped by PowerShellGet's message resolver (SourceNotFound: "Unable
# to find repository '{0}'. Use Get-PSRepository to see all available repositories."), shown as
# the oracle's psget cases show package errors (the command's name, no Line block).
Find-Module MicrosoftTeams -Repository NoSuchRepo
'after Find-Module'
Install-Module MicrosoftTeams -Repository NoSuchRepo, Other
'after Install-Module'
@(Find-Module MicrosoftTeams -Repository PSGallery, NoSuchRepo).Count
(Find-Module MicrosoftTeams -Repository PSGallery).Name
