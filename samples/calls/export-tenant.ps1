# Evidence: the simulator's own Export-TeamsSimTenant follows pwsh's file-writing cmdlets
# (Out-File, Export-Csv, Export-Clixml: PathUtils.MasterStreamOpen at v7.6.5): an existing file
# is replaced unless -NoClobber (alias -NoOverwrite), whose error is PathUtilsStrings'
# "File X already exists and NoClobber was specified." with the path as typed; -WhatIf prints
# ShouldProcess's line and writes nothing; the file reads back with Import-TeamsSimTenant.
Export-TeamsSimTenant -Path ./world.json
Test-Path ./world.json
Export-TeamsSimTenant -Path ./world.json
Export-TeamsSimTenant -Path ./world.json -NoClobber
Export-TeamsSimTenant -Path ./other.json -WhatIf
Test-Path ./other.json
Export-TeamsSimTenant -Path ./other.json -NoOverwrite -Verbose
Import-TeamsSimTenant -Path ./other.json
(Get-Content ./other.json -Raw | ConvertFrom-Json).PSObject.Properties.Name -contains 'machine'
