# Evidence: pwsh's DefaultCommandHelpObjectBuilder.cs and HelpV3_format_ps1xml.cs at v7.6.5 (a
# command without help gets NAME, SYNTAX, ALIASES, REMARKS; syntax in display order: positional
# parameters by position, then mandatory named, then the others; pwsh's short type names;
# ValidateSet values and enum names as {A | B}; [<CommonParameters>] only for advanced
# functions; aliases from the session; REMARKS "None" for a function); its -Full view (0-based
# positions, "Named", parameters sorted by name, INPUTS from pipeline parameters, OUTPUTS
# System.Object); ScriptHelp.Tests.ps1 ('missingHelp': the Synopsis is the syntax).
function Set-Light {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateSet('On', 'Off')] [string] $State,
        [Parameter(Mandatory)] [string] $Room,
        [Parameter(ValueFromPipelineByPropertyName)] [int[]] $Level,
        [ConsoleColor] $Colour,
        [switch] $Force
    )
}
Set-Alias -Name sl2 -Value Set-Light
Get-Help Set-Light
function Get-Plain($Path, [switch]$Recurse) { }
"[$((Get-Help Get-Plain).Synopsis)]"
Get-Help Get-Plain -Full | Out-Host
