# Evidence: oracle formatting/object-table-many (rows of one type share one table; int column
# right-aligned), formatting/same-type-sequence (widths take every row into account: " A  B"),
# formatting/bools-nulls-in-tables ($null is an empty cell), v7.6.5
# test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1 ("Should render
# header/row correctly where values are wider than header").
$users = 1..3 | ForEach-Object {
  [pscustomobject]@{ Id = $_ * 10; User = "jay$_@contoso.com"; Rank = $_ - 2; Note = $(if ($_ -eq 2) { 'second' }) }
}
$users
