# The remedy: a new session that imports the version it needs first (with -Tenant FILE the
# machine state carries over between sessions).
Import-Module MicrosoftTeams -MinimumVersion 2.6.0
(Get-Module MicrosoftTeams).Version.ToString()
$null = Connect-MicrosoftTeams
(Get-CsTeamsEnhancedEncryptionPolicy -Identity Global).Identity
