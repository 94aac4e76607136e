# MicrosoftTeams 2.3.1 and 7.7.0 are installed. Importing 2.3.1 first pins the session to it:
# the new cmdlet cannot autoload from 7.7.0, and importing 7.7.0 fails too (spec §2).
Import-Module MicrosoftTeams -RequiredVersion 2.3.1
$null = Connect-MicrosoftTeams
Get-CsTeamsEnhancedEncryptionPolicy
Import-Module MicrosoftTeams -RequiredVersion 7.7.0
(Get-Module MicrosoftTeams).Version.ToString()
