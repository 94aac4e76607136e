# Evidence: pwsh's help function (InitialSessionState.UnixHelpFunctionText at v7.6.5): Get-Help
# with the full view by default, its output paged through $env:PAGER (or less): a pager that is
# a PowerShell command gets the help objects; lists (HelpInfoShort) are not paged. Pause is
# `$null = Read-Host 'Press Enter to continue...'`; cd.. and cd~ are Set-Location .. and ~.
function Show-Page { process { "page> $_" } }
$env:PAGER = 'Show-Page'
help about_Execution_Policies
help about_Teams* | Select-Object -ExpandProperty Name
(Get-Command help).CommandType
(Get-Command help).Parameters.Keys -contains 'Examples'
Set-Location /tmp
cd..
(Get-Location).Path
cd~
(Get-Location).Path -eq $HOME
prompt
(Get-Command Pause).Definition.Trim()
