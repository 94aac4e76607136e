# The families workload: a 100,000-user world, then one Grant per CSV row across three policy
# families, then the direct assignments counted per policy with Get-CsOnlineUser -Filter.
# bench/run writes the data into the folder this runs in (bench/make-families-data.py).
Import-TeamsSimTenant -Path ./families-world.json
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Import-Csv ./families-grants.csv | ForEach-Object {
    $row = $_
    switch ($row.PolicyType) {
        'TeamsMeetingPolicy' { Grant-CsTeamsMeetingPolicy -Identity $row.UserPrincipalName -PolicyName $row.PolicyName }
        'TeamsMessagingPolicy' { Grant-CsTeamsMessagingPolicy -Identity $row.UserPrincipalName -PolicyName $row.PolicyName }
        'TeamsCallingPolicy' { Grant-CsTeamsCallingPolicy -Identity $row.UserPrincipalName -PolicyName $row.PolicyName }
    }
}
foreach ($check in 'TeamsMeetingPolicy Kiosk', 'TeamsMessagingPolicy EduStudent', 'TeamsCallingPolicy DisallowCalling') {
    $type, $name = $check -split ' '
    "${type} ${name}: $(@(Get-CsOnlineUser -Filter "$type -eq '$name'").Count)"
}
