# Bulk assignment from a CSV file, one Grant per row, then a check of every user.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
$null = New-CsTeamsEnhancedEncryptionPolicy -Identity CustomeE2EEPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Import-Csv ./assignments.csv | ForEach-Object {
    Grant-CsTeamsEnhancedEncryptionPolicy -Identity $_.UserPrincipalName -PolicyName $_.Policy
}
Get-CsOnlineUser | Select-Object DisplayName, TeamsEnhancedEncryptionPolicy
