# Update-Module installs the newest MicrosoftTeams beside the old one; the cmdlet now exists
# and autoloads from the new version.
Update-Module MicrosoftTeams
((Get-InstalledModule MicrosoftTeams -AllVersions).Version | Sort-Object) -join ', '
$cmd = Get-Command Get-CsTeamsEnhancedEncryptionPolicy
"$($cmd.CommandType) $($cmd.Name) $($cmd.Version) $($cmd.Source)"
$null = Connect-MicrosoftTeams
(Get-CsTeamsEnhancedEncryptionPolicy).Identity
(Get-Module MicrosoftTeams).Version.ToString()
