# Evidence: HelpCommentsParser.cs at v7.6.5 (a script's help is its first help block unless
# that block sits right above the file's first function; the topic is named by the script's
# full path, category ExternalScript), examples-of-comment-based-help (Get-Help on a script path),
# ScriptCommandProcessor.cs (Script.ps1 -? shows its help instead of running it).
Set-Content -Path ./Invoke-Nightly.ps1 -Value @'
<#
.SYNOPSIS
Runs the nightly checks.

.DESCRIPTION
Checks every team and writes a summary.

.PARAMETER Tenant
The tenant to check.
#>
param(
    [Parameter(Mandatory)] [string] $Tenant,
    [int] $Days = 1
)

function Get-Summary { "summary" }

"checked $Tenant"
'@
$h = Get-Help ./Invoke-Nightly.ps1
$h.Name
$h.Category
$h.Synopsis
$h.parameters.parameter | ForEach-Object { '{0} required={1} default=[{2}] {3}' -f $_.name, $_.required, $_.defaultValue, $_.description.Text }
(./Invoke-Nightly.ps1 -?).Synopsis
./Invoke-Nightly.ps1 -Tenant contoso
Get-Help ./Invoke-Nightly.ps1 -Examples
