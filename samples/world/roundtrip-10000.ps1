# The round trip of tools/Export-TeamsWorld.ps1 on a large world: 10,000 users (a third with a
# direct assignment of one of three families), 20 teams of 50, a custom policy per family used,
# group assignments. Export, load, export again: the two files are equal.
# Evidence: teamsh's own rules (README "Snapshots of a real tenant").
$repo = Split-Path ([Environment]::ProcessPath)
while ($repo -and -not (Test-Path (Join-Path $repo 'tools/Export-TeamsWorld.ps1'))) { $repo = Split-Path $repo }
$export = Join-Path $repo 'tools/Export-TeamsWorld.ps1'
$domain = 'contoso.onmicrosoft.com'
$types = 'TeamsMeetingPolicy', 'TeamsMessagingPolicy', 'TeamsCallingPolicy'
$users = [System.Collections.Generic.List[object]]::new()
foreach ($i in 1..10000) {
    $user = [ordered]@{ userPrincipalName = "user$i@$domain"; displayName = "User $i" }
    if ($i % 3 -eq 0) { $user.policies = @{ $types[$i % 9 / 3] = 'Field' } }
    $users.Add($user)
}
$groups = foreach ($g in 1..20) {
    [ordered]@{ displayName = "Team $g"; mail = "team$g@$domain"; members = @(1..50 | ForEach-Object { "user$(($g - 1) * 50 + $_)@$domain" }) }
}
$world = [ordered]@{
    schemaVersion = 1
    tenant = [ordered]@{
        initialDomain = $domain; users = $users; groups = @($groups)
        policies = [ordered]@{
            TeamsMeetingPolicy = @(@{ identity = 'Tag:Field'; values = @{ AllowMeetNow = $false } })
            TeamsMessagingPolicy = @(@{ identity = 'Tag:Field'; values = @{ AllowGiphy = $false } })
            TeamsCallingPolicy = @(@{ identity = 'Tag:Field'; values = @{ AllowPrivateCalling = $false } })
        }
        groupAssignments = [ordered]@{ TeamsMeetingPolicy = @(@{ groupId = "team1@$domain"; policyName = 'Field' }) }
    }
}
$world | ConvertTo-Json -Depth 10 | Set-Content ./generated.json
Import-TeamsSimTenant ./generated.json
Connect-MicrosoftTeams | Out-Null
& $export -Path ./large-1.json
Import-TeamsSimTenant -Path ./large-1.json
& $export -Path ./large-2.json
"equal after a round trip: $((Get-Content ./large-1.json -Raw) -ceq (Get-Content ./large-2.json -Raw))"
"changes between the two files: $(@(Compare-TeamsSimTenant ./large-1.json ./large-2.json).Count)"
$snapshot = Get-Content ./large-1.json -Raw | ConvertFrom-Json
"users: $($snapshot.tenant.users.Count), with a direct assignment: $(@($snapshot.tenant.users | Where-Object policies -ne $null).Count)"
"teams: $($snapshot.tenant.groups.Count), members of the first: $($snapshot.tenant.groups[0].members.Count)"
"group assignments: $($snapshot.tenant.groupAssignments.TeamsMeetingPolicy.Count)"
