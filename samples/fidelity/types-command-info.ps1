# Evidence: PowerShellCore_format_ps1xml.cs at v7.6.5 (CommandInfo table: CommandType 15,
# Name 50 (an alias as "name -> command"), Version 10, Source, squeezed at 80 columns as the
# oracle's m05 shows; Format-List of a FunctionInfo/FilterInfo: Name, CommandType, Definition;
# of an AliasInfo: DisplayName, CommandType, Definition, ReferencedCommand, ResolvedCommand),
# FunctionInfo.Definition (the body's text) and CommandInfo.Verb/Noun.
function Get-Fruit { param($Kind) "a $Kind" }
filter Get-Upper { $_.ToUpper() }
Set-Alias -Name fruit -Value Get-Fruit
Get-Command Get-Fruit
Get-Command Get-Fruit | Format-List
Get-Command Get-Upper | Format-List
Get-Command fruit | Format-List
$c = Get-Command Get-Fruit
"$($c.Verb) / $($c.Noun) / $($c.CommandType) / $c"
(Get-Command Get-Date).ImplementingType
(Get-Command gci).ResolvedCommand
