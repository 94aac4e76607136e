# Evidence: pwsh's help system finds the commands of installed modules without importing them
# (the MicrosoftTeams module ships help for every command: synopsis, description, parameters,
# examples; the texts here are teamsh's own, from the facts of the teams-ps cmdlet reference).
# On the default world only MicrosoftTeams 2.3.1 is installed and nothing is imported yet.
# Help objects share one Out-Default view in a script (a MamlCommandHelpInfo#ExamplesView
# object is still a MamlCommandHelpInfo), so the examples views go through Out-Host.
Get-Module MicrosoftTeams | Measure-Object | ForEach-Object Count
Get-Help Get-CsOnlineUser
Get-Help Connect-MicrosoftTeams -Examples | Out-Host
(Get-Help New-CsGroupPolicyAssignment).Synopsis
Get-Help Get-CsOnlineUser -Parameter Identity
# Still not imported: Get-Help does not load the module.
Get-Module MicrosoftTeams | Measure-Object | ForEach-Object Count
# 2.3.1 has no enhanced encryption cmdlets, so there is no help for them either.
Get-Help Grant-CsTeamsEnhancedEncryptionPolicy
Update-Module MicrosoftTeams
Get-Help Grant-CsTeamsEnhancedEncryptionPolicy -Examples | Out-Host
