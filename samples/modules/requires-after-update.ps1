# A script that needs MicrosoftTeams 2.6.0 fails on the default world's 2.3.1 and runs once
# Update-Module has installed a newer version (with -Tenant FILE the update is kept for later runs).
# Evidence for the error's position: pwsh's PipelineOps.AddCommand (MiscOps.cs at v7.6.5) gives an
# error raised while finding the command (the #Requires check, CommandDiscovery.cs) an InvocationInfo
# at the command's name whose InvocationName is `&`, which ConciseView shows before the colon.
$child = "$PSScriptRoot/needs-teams.ps1"
[System.IO.File]::WriteAllText($child, "#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '2.6.0' }`n'requirements met: MicrosoftTeams ' + (Get-Module MicrosoftTeams).Version`n")
& $child
'updating'
Update-Module MicrosoftTeams
& $child
