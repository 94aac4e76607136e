# Evidence: about_Parameter_Sets ("How to know which parameter set is used":
# Get-ParameterSetName and its two outputs; DefaultParameterSetName is used when the set
# can't be determined; "__AllParameterSets is the name of the default parameter set when an
# explicit default name is not used"; parameters without a set belong to all sets; the
# "Parameter set cannot be resolved ..." error when parameters of two sets are used), v7.6.5
# test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 (its id is
# AmbiguousParameterSet, as samples/language/params-binding shows).
function Get-ParameterSetName {

    [CmdletBinding(DefaultParameterSetName = 'Set1')]
    param (
        [Parameter(ParameterSetName = 'Set1', Position = 0)]
        $Var1,

        [Parameter(ParameterSetName = 'Set2', Position = 0)]
        $Var2,

        [Parameter(ParameterSetName = 'Set1', Position = 1)]
        [Parameter(ParameterSetName = 'Set2', Position = 1)]
        $Var3,

        [Parameter(Position = 2)]
        $Var4
    )

    "Using Parameter set named '$($PSCmdlet.ParameterSetName)'"

    switch ($PSCmdlet.ParameterSetName) {
        'Set1' {
            "`$Var1 = $Var1"
            "`$Var3 = $Var3"
            "`$Var4 = $Var4"
            break
        }
        'Set2' {
            "`$Var2 = $Var2"
            "`$Var3 = $Var3"
            "`$Var4 = $Var4"
            break
        }
    }
}
Get-ParameterSetName 1 2 3
Get-ParameterSetName -Var2 1 2 3
Get-ParameterSetName
function Get-Policy {
  [CmdletBinding(DefaultParameterSetName = 'Identity')]
  param(
    [Parameter(ParameterSetName = 'Identity', Position = 0)] [string]$Identity,
    [Parameter(Mandatory, ParameterSetName = 'Filter')] [string]$Filter,
    [switch]$Detailed
  )
  "$($PSCmdlet.ParameterSetName): Identity=[$Identity] Filter=[$Filter] Detailed=$Detailed"
}
Get-Policy
Get-Policy Global
Get-Policy -Filter 'Tag:*'
Get-Policy -Filter 'Tag:*' -Detailed
Get-Policy -Detailed
try { Get-Policy -Identity Global -Filter 'Tag:*' } catch {
  $_.FullyQualifiedErrorId
  $_.Exception.Message
}
function Get-NoSets { [CmdletBinding()] param($Name) $PSCmdlet.ParameterSetName }
Get-NoSets -Name x
