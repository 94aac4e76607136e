# Evidence: pwsh's CommandInfo.cs and CommandParameterSetInfo.cs at v7.6.5 (Parameters maps
# each parameter name to a ParameterMetadata — declared parameters, then the common
# parameters of cmdlets and advanced functions, then WhatIf/Confirm; ParameterSets holds one
# CommandParameterSetInfo per set, `__AllParameterSets` when none is declared, ToString giving
# the set's syntax; DefaultParameterSet is the cmdlet's DefaultParameterSetName);
# Get-Date's four parameter sets and default set as pwsh 7.6.9 declares them (the recorded
# reference of Get-Command).
$date = Get-Command Get-Date
$date.DefaultParameterSet
$date.ParameterSets.Count
($date.ParameterSets | Where-Object IsDefault).Name
$date.Parameters['Date'].ParameterType.FullName
$date.Parameters.Format.ParameterSets.Keys -join ', '
$date.Parameters.ContainsKey('ErrorAction')
function Set-Widget {
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName')][string]$Name,
        [Parameter(Mandatory, ParameterSetName = 'ById')][int]$Id,
        [switch]$Force
    )
}
$w = Get-Command Set-Widget
$w.DefaultParameterSet
$w.ParameterSets | ForEach-Object { '{0} (default: {1}): {2}' -f $_.Name, $_.IsDefault, $_ }
($w.ParameterSets[0].Parameters | Where-Object IsMandatory).Name
$w.Parameters.Force.SwitchParameter
$w.Parameters.Keys.Count
function Get-Plain($Path, $Filter) { }
$p = Get-Command Get-Plain
$p.Parameters.Keys -join ','
$p.ParameterSets[0].Name
"$($p.ParameterSets[0])"
