# A plan of a script that fails half way: the grant to a user who does not exist stops it
# (-ErrorAction Stop), so the second policy is never made. The plan shows what happened before the
# failure, and the exit code is 1.
# Evidence: teamsh's own rules (README "Plan a change before you make it"); the error is
# Grant-CsTeamsMeetingPolicy's for an unknown user (samples/teams/errors.ps1).
$teamsh = [Environment]::ProcessPath
Set-Content -Path ./rollout.ps1 -Value @'
Connect-MicrosoftTeams | Out-Null
New-CsTeamsMeetingPolicy -Identity Sales -AllowMeetNow $false -AutoAdmittedUsers Everyone | Out-Null
Grant-CsTeamsMeetingPolicy -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyName Sales
Grant-CsTeamsMeetingPolicy -Identity nobody@JayTheAmazing.onmicrosoft.com -PolicyName Sales -ErrorAction Stop
New-CsTeamsMessagingPolicy -Identity Sales -AllowGiphy $false | Out-Null
'@
& $teamsh -Plan ./rollout.ps1
"exit code: $LASTEXITCODE"
