# The bulk workload on a world file: bench/run runs it as `teamsh -Tenant bulk-world.json`, so
# every grant is a transaction of the world store (saved to the journal before the next one) and
# the journal is folded into the file when teamsh exits. The same grants as bulk.ps1, which runs
# them in memory after importing the same world.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Import-Csv ./bulk-users.csv | ForEach-Object {
    Grant-CsTeamsEnhancedEncryptionPolicy -Identity $_.UserPrincipalName -PolicyName $_.PolicyName
}
Get-CsOnlineUser | Group-Object TeamsEnhancedEncryptionPolicy | Sort-Object Name | ForEach-Object { "$($_.Name): $($_.Count)" }
