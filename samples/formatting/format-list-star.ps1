# Evidence: oracle formatting/format-list-options (Format-List, -Property, * and a wildcard),
# numbers-in-tables (several objects: one block each, separated by a blank line), v7.6.5
# test/powershell/Modules/Microsoft.PowerShell.Utility/Format-List.Tests.ps1 ("Float, double,
# and decimal should not be truncated": a list shows 1234.56789 and 4567.123456789 in full;
# labels padded to the longest name: "double  : ").
$o = [PSCustomObject]@{
    double = [double]1234.56789
    decimal = [decimal]4567.123456789
}
$o | Format-List
$rows = @(
  [pscustomobject]@{ Identity = 'Global'; Rank = 0; Enabled = $true }
  [pscustomobject]@{ Identity = 'Tag:Sales'; Rank = 12; Enabled = $false }
)
$rows | Format-List *
$rows | Format-List -Property I*, Enabled
