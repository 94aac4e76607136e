<#
.SYNOPSIS
Writes a snapshot of a Microsoft Teams tenant as a teamsh world file.

.DESCRIPTION
Reads the tenant you are connected to with read-only cmdlets of the MicrosoftTeams module and
writes what they return as a teamsh world file, so `teamsh -Plan -Tenant FILE script.ps1` can show
what a change script would do to that tenant before it runs there. Nothing in the tenant changes.

It calls Get-InstalledModule, Get-CsTenant, Get-CsOnlineUser, the Get- cmdlet of every policy
type the installed MicrosoftTeams module has (the Get-Cs*Policy cmdlets and those named after a
policy property of the users, such as Get-CsTenantDialPlan), Get-CsGroupPolicyAssignment,
Get-CsOnlinePstnUsage, Get-Team and Get-TeamUser. Run it in PowerShell 7 after
Connect-MicrosoftTeams; it runs unchanged in teamsh, which is how it is tested.

A policy's settings are the properties of its objects that its Set- cmdlet takes as parameters.
What these cmdlets cannot give is not in the file, and teamsh uses its defaults: client settings
(every user's "End-to-end encrypted calls" reads off), calls (none), the members of groups that
are not teams (a group named only by a group policy assignment is written with its id as its
name and no members), given names, surnames, usage locations, departments and admin roles of
users, the admin account and the machine (PowerShell version, clock). Policy types and settings
teamsh does not simulate are written all the same; teamsh leaves them out when it loads the file
and says which.

.PARAMETER Path
The world file to write (replaced when it exists).

.EXAMPLE
Connect-MicrosoftTeams
./tools/Export-TeamsWorld.ps1 -Path ./contoso.json

Writes the connected tenant to contoso.json; `teamsh -Plan -Tenant ./contoso.json change.ps1`
then shows what change.ps1 would change in it.
#>

#Requires -Version 7.0
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [string] $Path
)

$ErrorActionPreference = 'Stop'

# A value read from a cmdlet's object as the world file holds it: text, Boolean, number, null,
# a list, or an object's properties (the elements of object lists such as pinned apps).
function ConvertTo-WorldValue {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [System.Enum]) { return $Value.ToString() }
    if ($Value -is [datetime]) { return $Value.ToString('yyyy-MM-ddTHH:mm:ss', [cultureinfo]::InvariantCulture) }
    if ($Value -is [guid]) { return $Value.ToString() }
    if ($Value -is [System.ValueType]) { return $Value }
    if ($Value -is [System.Collections.IEnumerable]) {
        $items = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $Value) { $items.Add((ConvertTo-WorldValue $item)) }
        return , $items.ToArray()
    }
    $record = [ordered]@{}
    foreach ($property in $Value.PSObject.Properties) {
        $record[$property.Name] = ConvertTo-WorldValue $property.Value
    }
    return $record
}

# A date as the world file writes instants: ISO 8601 in UTC.
function ConvertTo-WorldTime {
    param($Value)
    if ($null -eq $Value -or "$Value" -eq '') { return $null }
    ([datetime]$Value).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture)
}

Write-Verbose 'Reading the installed modules'
$modules = @(Get-InstalledModule -AllVersions -AllowPrerelease -ErrorAction SilentlyContinue |
    Sort-Object -Property Name, { "$($_.Version)" } |
    ForEach-Object {
        $entry = [ordered]@{ name = $_.Name; version = "$($_.Version)" }
        if ($_.Repository) { $entry.repository = "$($_.Repository)" }
        if ($_.InstalledDate) { $entry.installedDate = ConvertTo-WorldTime $_.InstalledDate }
        $entry
    })

Write-Verbose 'Reading the tenant'
$csTenant = Get-CsTenant
$domains = @($csTenant.VerifiedDomains | ForEach-Object { if ($_.Name) { "$($_.Name)" } else { "$_" } })
$initialDomain = @($domains | Where-Object { $_ -match '^[^.]+\.onmicrosoft\.com$' }) + $domains | Select-Object -First 1
$domains = @($initialDomain) + @($domains | Where-Object { $_ -ne $initialDomain })

Write-Verbose 'Reading the users'
$users = @(Get-CsOnlineUser)
$userProperties = if ($users.Count -gt 0) { @($users[0].PSObject.Properties.Name) } else { @() }

# Policy types: the nouns of the module's Get-Cs*Policy cmdlets, and of its Get-Cs<Property>
# cmdlets where the users have a property of that name (TenantDialPlan).
$policyTypes = @(Get-Command -Module MicrosoftTeams -Verb Get |
    Where-Object { $_.Noun -like 'Cs*' } |
    ForEach-Object { $_.Noun.Substring(2) } |
    Where-Object { $_ -like '*Policy' -or $userProperties -contains $_ } |
    Sort-Object -Unique)

Write-Verbose "Reading $($policyTypes.Count) policy types"
$setCommands = @{}
foreach ($command in Get-Command -Module MicrosoftTeams -Verb Set) { $setCommands[$command.Name] = $command }
$policies = [ordered]@{}
foreach ($type in $policyTypes) {
    $settable = @{}
    if ($setCommands.ContainsKey("Set-Cs$type")) {
        foreach ($name in $setCommands["Set-Cs$type"].Parameters.Keys) { $settable[$name] = $true }
    }
    try {
        $found = @(& "Get-Cs$type")
    } catch {
        Write-Warning "Get-Cs$type failed, so its policies are not in the file: $($_.Exception.Message)"
        continue
    }
    $instances = foreach ($policy in $found) {
        $values = [ordered]@{}
        foreach ($property in $policy.PSObject.Properties) {
            if ($property.Name -ne 'Identity' -and $settable.ContainsKey($property.Name)) {
                $values[$property.Name] = ConvertTo-WorldValue $property.Value
            }
        }
        [ordered]@{ identity = "$($policy.Identity)"; values = $values }
    }
    $policies[$type] = @($instances)
}

Write-Verbose 'Reading the group policy assignments'
$groupAssignments = [ordered]@{}
foreach ($assignment in Get-CsGroupPolicyAssignment) {
    $type = "$($assignment.PolicyType)"
    if (-not $groupAssignments.Contains($type)) { $groupAssignments[$type] = [System.Collections.Generic.List[object]]::new() }
    $groupAssignments[$type].Add([ordered]@{
        groupId     = "$($assignment.GroupId)"
        policyName  = ("$($assignment.PolicyName)" -replace '^Tag:', '')
        rank        = [int]$assignment.Rank
        createdTime = ConvertTo-WorldTime $assignment.CreatedTime
        createdBy   = "$($assignment.CreatedBy)"
    })
}

Write-Verbose 'Reading the teams'
$knownUsers = @{}
foreach ($user in $users) { $knownUsers["$($user.Identity)"] = $true }
$groups = [System.Collections.Generic.List[object]]::new()
$groupIds = @{}
foreach ($team in Get-Team) {
    $members = [System.Collections.Generic.List[string]]::new()
    $owners = [System.Collections.Generic.List[string]]::new()
    foreach ($member in Get-TeamUser -GroupId $team.GroupId) {
        $id = "$($member.UserId)"
        # Guests and others Get-CsOnlineUser does not list are not users of the world.
        if (-not $knownUsers.ContainsKey($id)) { continue }
        $members.Add($id)
        if ("$($member.Role)" -eq 'owner') { $owners.Add($id) }
    }
    $group = [ordered]@{
        objectId     = "$($team.GroupId)"
        displayName  = "$($team.DisplayName)"
        mailNickName = "$($team.MailNickName)"
        visibility   = "$($team.Visibility)"
        archived     = [bool]$team.Archived
        members      = $members.ToArray()
        owners       = $owners.ToArray()
    }
    if ($team.Description) { $group.description = "$($team.Description)" }
    $groups.Add($group)
    $groupIds["$($team.GroupId)"] = $true
}
# Groups that hold a policy assignment but are not teams: the module cannot read their names or
# members.
foreach ($list in $groupAssignments.Values) {
    foreach ($assignment in $list) {
        if ($groupIds.ContainsKey($assignment.groupId)) { continue }
        $groups.Add([ordered]@{ objectId = $assignment.groupId; displayName = $assignment.groupId; isTeam = $false })
        $groupIds[$assignment.groupId] = $true
    }
}

# Direct assignments, one pass per policy type the users show as a property (fast on large
# tenants: only the users with an assignment are visited).
Write-Verbose 'Reading the direct assignments'
$assignments = @{}
foreach ($type in @($policyTypes | Where-Object { $userProperties -contains $_ })) {
    foreach ($user in @($users | Where-Object $type -ne $null)) {
        $name = "$($user.$type)"
        if (-not $name) { continue }
        $id = "$($user.Identity)"
        if (-not $assignments.ContainsKey($id)) { $assignments[$id] = [ordered]@{} }
        $assignments[$id][$type] = $name -replace '^Tag:', ''
    }
}
Write-Verbose 'Writing the users'
$worldUsers = foreach ($user in $users) {
    $upn = "$($user.UserPrincipalName)"
    $id = "$($user.Identity)"
    $entry = [ordered]@{ userPrincipalName = $upn; objectId = $id; displayName = "$($user.DisplayName)" }
    # Only what differs from what teamsh derives from the UPN.
    $alias = "$($user.Alias)"
    if ($alias -and $alias -cne ($upn -replace '@[^@]*$')) { $entry.alias = $alias }
    if ($user.AccountEnabled -eq $false) { $entry.accountEnabled = $false }
    if ($user.SipAddress -and "$($user.SipAddress)" -cne "sip:$upn") { $entry.sipAddress = "$($user.SipAddress)" }
    if ($assignments.ContainsKey($id)) { $entry.policies = $assignments[$id] }
    $entry
}

$pstnUsages = @((Get-CsOnlinePstnUsage).Usage | Where-Object { $_ } | ForEach-Object { "$_" })

$world = [ordered]@{
    schemaVersion    = 1
    installedModules = $modules
    tenant           = [ordered]@{
        tenantId         = "$($csTenant.TenantId)"
        displayName      = "$($csTenant.DisplayName)"
        initialDomain    = $initialDomain
        verifiedDomains  = $domains
        users            = @($worldUsers)
        groups           = $groups.ToArray()
        policies         = $policies
        groupAssignments = $groupAssignments
        pstnUsages       = $pstnUsages
    }
}
Write-Verbose "Writing $Path"
$world | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $Path -Encoding utf8NoBOM
