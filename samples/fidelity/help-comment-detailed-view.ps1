# Evidence: pwsh's Help_format_ps1xml.cs (the VerboseCommandHelp view: NAME, SYNOPSIS, SYNTAX,
# DESCRIPTION, PARAMETERS with each parameter's description and <CommonParameters>, the
# examples, REMARKS) and HelpCommentsParser.cs at v7.6.5 (parameter descriptions from comments
# inside the param block when .PARAMETER does not give one; several parameter sets give one
# syntax line each, in the order the sets were declared; -WhatIf/-Confirm of SupportsShouldProcess).
function Remove-Badge {
    <#
    .SYNOPSIS
    Removes badges.

    .PARAMETER Id
    The badge's id.

    .EXAMPLE
    Remove-Badge -Id 42 -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'ById')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'ById')]
        [int] $Id,

        # The badge's name; wildcards are not allowed.
        [Parameter(Mandatory, ParameterSetName = 'ByName', Position = 0)]
        [string] $Name,

        [string]
        # Who removes it.
        $By
    )
}
Get-Help Remove-Badge -Detailed
