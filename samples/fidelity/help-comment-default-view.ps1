# Evidence: pwsh's Help_format_ps1xml.cs (the DefaultCommandHelp view: NAME, SYNOPSIS, SYNTAX,
# DESCRIPTION, RELATED LINKS, REMARKS; "For online help" only when the topic has links) and
# HelpCommentsParser.cs at v7.6.5 (sections, syntax in parameter order with .NET type names,
# [<CommonParameters>] on every line, enum values as {A | B}, ValidateSet not), the layout of
# the oracle's help cases (h01, h04: 4-space frames, wrapping at 79 columns).
function Set-Widget {
    <#
    .SYNOPSIS
    Sets a widget's colour and size.

    .DESCRIPTION
    Set-Widget changes one widget. The colour must be one the catalogue offers; the size is in
    millimetres and defaults to the catalogue's size for that colour.

    .LINK
    Get-Widget

    .LINK
    https://example.com/widgets/set-widget
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [ValidateSet('Red', 'Green')] [string] $Colour = 'Red',
        [int] $Size,
        [System.DayOfWeek] $Day,
        [switch] $PassThru
    )
}
Get-Help Set-Widget
'-- a function whose help has only a synopsis --'
function Get-Widget {
    # .SYNOPSIS
    #   Gets widgets.
    param([string[]] $Name)
}
Get-Help Get-Widget | Out-Host
