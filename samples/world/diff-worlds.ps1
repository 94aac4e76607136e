# Compare-TeamsSimTenant between two world files: the same change list as a plan, as objects on
# the pipeline (Action, Kind, Target, Subject, Details) whose view prints the plan's lines.
# Evidence: teamsh's own rules (README "Plan a change before you make it").
Update-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null
Export-TeamsSimTenant ./monday.json
New-CsTeamsMessagingPolicy -Identity Interns -AllowGiphy $false -AllowUserDeleteMessage $false | Out-Null
Set-CsTeamsChannelsPolicy -Identity Global -AllowPrivateChannelCreation $false
Grant-CsTeamsMessagingPolicy -Group Sales -PolicyName Interns
New-CsTeamsEnhancedEncryptionPolicy -Identity E2EE -CallingEndtoEndEncryptionEnabledType DisabledUserOverride | Out-Null
Grant-CsTeamsEnhancedEncryptionPolicy -Identity KenMyer@contoso.com -PolicyName E2EE
Set-TeamsSimClientSetting -User KenMyer@contoso.com -EndToEndEncryptedCalls $true
$team = New-Team -DisplayName Interns -Visibility Public -Owner Jay4@JayTheAmazing.onmicrosoft.com
Add-TeamUser -GroupId $team.GroupId -User Jay1@JayTheAmazing.onmicrosoft.com
Export-TeamsSimTenant ./friday.json
Compare-TeamsSimTenant -ReferencePath ./monday.json -DifferencePath ./friday.json
"--- objects"
$changes = Compare-TeamsSimTenant ./monday.json ./friday.json
$changes | Group-Object Action -NoElement | Format-Table -AutoSize
$changes | Where-Object Kind -eq policy | Select-Object Action, Target | Format-Table -AutoSize
($changes | Where-Object Kind -eq policy)[0].Details | Format-Table Name, Old, New -AutoSize
"--- the other way round"
Compare-TeamsSimTenant ./friday.json ./monday.json | Select-Object -First 3 | ForEach-Object { "$_" }
