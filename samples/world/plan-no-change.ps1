# A plan of a script that changes nothing: a report, and changes asked for with -WhatIf only.
# "No changes", the summary with zeros, and exit code 0.
# Evidence: teamsh's own rules (README "Plan a change before you make it"); the What if lines are
# pwsh's ShouldProcess text (samples/teams/whatif.ps1).
$teamsh = [Environment]::ProcessPath
Set-Content -Path ./report.ps1 -Value @'
Connect-MicrosoftTeams | Out-Null
Get-CsOnlineUser | Select-Object -First 2 -Property DisplayName, TeamsMeetingPolicy
(Get-CsTeamsMeetingPolicy -Identity Global).AllowMeetNow
Set-CsTeamsMeetingPolicy -Identity Global -AllowMeetNow $false -WhatIf
Grant-CsTeamsMeetingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName Kiosk -WhatIf
'@
& $teamsh -Plan ./report.ps1
"exit code: $LASTEXITCODE"
