# Evidence: PowerShellGet 2.2.5 Validate-VersionParameters.ps1 and PSGet.Resource.psd1 (checked
# in this order, each an ArgumentException thrown as the calling cmdlet's terminating error: a
# wildcard in Install-Module's names, -AllVersions with a version, -RequiredVersion with a
# range, MinimumVersion above MaximumVersion, a prerelease label without -AllowPrerelease),
# rendered as the oracle's g11 shows such an error.
Install-Module Microsoft*
Find-Module MicrosoftTeams -AllVersions -MinimumVersion 2.0
Find-Module MicrosoftTeams -RequiredVersion 2.6.0 -MaximumVersion 7.0
Find-Module MicrosoftTeams -MinimumVersion 7.0.0 -MaximumVersion 2.6.0
Update-Module MicrosoftTeams -MaximumVersion 7.5.1-preview
'went on'
