# Evidence: HelpCommands.cs at v7.6.5 (several topics for one name: each written as its short
# form, type HelpInfoShort; sorted here, as the order pwsh finds them in is not specified) and
# Help_format_ps1xml.cs (the HelpInfoShort table: Name 33, Category 9, Module 25, then
# Synopsis), with the table layout of the oracle's formatting cases (the last column gets what
# is left of 79 columns).
function Get-CrewReport {
    # .SYNOPSIS
    #   Reports on teams.
    param()
}
function Get-CrewMember {
    # .SYNOPSIS
    #   Lists the members of a team.
    param($Team)
}
filter Get-CrewOwner {
    # .SYNOPSIS
    #   Lists the owners of a team.
    $_
}
Get-Help Get-Crew* | Sort-Object Name
(Get-Help Get-Crew*).Count
(Get-Help Get-Crew* | Select-Object -First 1).pstypenames[0]
