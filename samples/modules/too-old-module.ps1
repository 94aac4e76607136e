# The walkthrough's first surprise: the installed MicrosoftTeams (2.3.1) is older than the
# enhanced encryption cmdlets (2.5.2-preview / 2.6.0), so the cmdlet does not exist yet.
$installed = Get-InstalledModule MicrosoftTeams
"Installed MicrosoftTeams: $($installed.Version)"
[version]$installed.Version -lt [version]'2.6.0'
Get-CsTeamsEnhancedEncryptionPolicy
'the script goes on'
