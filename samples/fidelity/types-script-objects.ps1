# Evidence: PowerShellCore_format_ps1xml.cs at v7.6.5 (ScriptBlock: an out-of-band custom
# view writing its text; PSVariable: table Name 30, Value) and DotNetTypes_format_ps1xml.cs
# (DictionaryEntry: table "Dictionary" Name 30, Value; Version: table Major 6, Minor 6, Build 6,
# Revision 8), with the oracle's table layout. Each kind goes through its own Format-Table so
# no object is formatted out of band against another kind's table.
$sb = {
    param($x)
    $x * 2
}
$sb
'--'
{ 'one-liner' }
$sb.GetType().FullName
$first = 1; $second = 'two'
Get-Variable first, second | Format-Table
$h = [ordered]@{ Alpha = 1; Beta = 'b' }
$h.GetEnumerator() | Format-Table
[version]'1.2.3.4', [version]'10.0' | Format-Table
