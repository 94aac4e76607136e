# A script that needs MicrosoftTeams 2.6.0 fails on the default world's 2.3.1 and runs once
# Update-Module has installed a newer version (with -Tenant FILE the update is kept for later runs).
$child = "$PSScriptRoot/needs-teams.ps1"
[System.IO.File]::WriteAllText($child, "#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '2.6.0' }`n'requirements met: MicrosoftTeams ' + (Get-Module MicrosoftTeams).Version`n")
& $child
'updating'
Update-Module MicrosoftTeams
& $child
