# Evidence: pwsh's OutCommandInner at v7.6.5 (every Format-Table output is a sequence of its
# own: FormatStartData ends what Out-Default had open, and the next objects start a new one
# with their own view); DotNetTypes_format_ps1xml.cs (System.Version: Major, Minor, Build 6
# wide and Revision 8; System.Globalization.CultureInfo: LCID and Name 16 wide, then
# DisplayName); the oracle's version-display case for the Version view's layout. A table
# without fixed widths (a PSCustomObject's) sizes its columns from its rows; a view with
# fixed widths keeps them, whatever came before.
[pscustomobject]@{ Id = 1; Name = 'a' } | Format-Table
[version]'1.2.3' | Format-Table
[version]'10.20'
Get-Culture | Format-Table
Get-Culture
[pscustomobject]@{ Id = 22; Name = 'bb' } | Format-Table -AutoSize
[version]'7.6.9'
'between'
[version]'2.0' | Format-Table Major, Minor
[version]'3.1'
