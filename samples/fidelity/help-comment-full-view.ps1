# Evidence: pwsh's Help_format_ps1xml.cs (the FullCommandHelp view: parameters with
# Required?/Position?/Default value/Accept pipeline input?/Aliases/Accept wildcard characters?,
# "-Switch [<SwitchParameter>]", <CommonParameters> text from HelpDisplayStrings.resx, INPUTS,
# OUTPUTS, NOTES, examples, RELATED LINKS) and HelpCommentsParser.cs at v7.6.5 (1-based
# positions or "named"; defaults: a constant's value, else the expression's text; the example
# prompt is the text up to the first ">" of its first line, else "PS > "; code up to the first
# blank line, remarks after it).
function Grant-Badge {
    <#
    .SYNOPSIS
    Grants a badge to users.

    .DESCRIPTION
    Grants the named badge to each user piped in.

    .PARAMETER User
    The user principal name of each user.

    .PARAMETER Badge
    The badge to grant.

    .INPUTS
    System.String. User principal names.

    .OUTPUTS
    None.

    .NOTES
    Badges are kept for a year.

    .EXAMPLE
    Grant-Badge -User jay@contoso.com -Badge Gold

    .EXAMPLE
    PS C:\> 'ken@contoso.com' | Grant-Badge -Badge Silver -Force

    Grants Silver to Ken even when he has one.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline, Position = 0)] [string] $User,
        [Parameter(Position = 1)] [string] $Badge = 'Bronze',
        [SupportsWildcards()] [string] $Team = '*',
        [datetime] $Until = (Get-Date).AddYears(1),
        [switch] $Force
    )
}
Get-Help Grant-Badge -Full
