# The filter workload: a 100,000-user world with a direct assignment per user, then
# Get-CsOnlineUser -Filter on policy properties (an -eq and a -like with -and).
Import-TeamsSimTenant -Path ./filter-world.json
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
(Get-CsOnlineUser -Filter "TeamsMeetingPolicy -eq 'Kiosk'").Count
(Get-CsOnlineUser -Filter "TeamsCallingPolicy -like 'Allow*' -and DisplayName -like 'User 0*'").Count
