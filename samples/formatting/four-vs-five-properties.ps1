# Evidence: oracle formatting/object-list-5props and numbers-in-tables (5 properties: a list),
# formatting/bools-nulls-in-tables (fewer: a table), the PowerShell team's "How PowerShell
# Formatting and Outputting REALLY works" (an object with 5 or more properties goes to
# Format-List), v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
# and Format-List.Tests.ps1 (Out-String of a table is "\n" + lines + "\n\n", of a list
# "\nName : value\n\n"; a string prints with its newlines, then a newline).
$four = [pscustomobject]@{ A = 1; B = 'two'; C = 3; D = $false }
$five = [pscustomobject]@{ A = 1; B = 'two'; C = 3; D = $false; E = 'five' }
$four | Out-String
$five | Out-String
'end'
