# The bulk workload: 10,000 users from a world fixture, one Grant per CSV row, then the
# assignments counted per policy. bench/run writes bulk-users.csv and bulk-world.json into the
# folder this runs in (bench/make-bulk-csv.py --world).
Import-TeamsSimTenant -Path ./bulk-world.json
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Import-Csv ./bulk-users.csv | ForEach-Object {
    Grant-CsTeamsEnhancedEncryptionPolicy -Identity $_.UserPrincipalName -PolicyName $_.PolicyName
}
Get-CsOnlineUser | Group-Object TeamsEnhancedEncryptionPolicy | Sort-Object Name | ForEach-Object { "$($_.Name): $($_.Count)" }
