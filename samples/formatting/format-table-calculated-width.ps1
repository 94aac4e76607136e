# Evidence: v7.6.5 test/powershell/engine/Formatting/PSStyle.Tests.ps1 ("Truncation for
# strings with no escape sequences": calculated columns with Width 10, 15 and 3 cut longer
# values to width-1 characters and …, numbers right-aligned), Format-Table.Tests.ps1 ("Should
# be formatted correctly if width is declared and using center alignment").
function Get-DemoObjects {
  [PSCustomObject]@{PSTypeName = "User"; Name = "Bob Saggat"; Tenure = 2; Role = "Developer" }
  [PSCustomObject]@{PSTypeName = "User"; Name = "John Seymour"; Tenure = 6; Role = "Sw Engineer" }
  [PSCustomObject]@{PSTypeName = "User"; Name = "Billy Bob Thorton"; Tenure = 13; Role = "Senior DevOps Engineer" }
}
Get-DemoObjects |
  Format-Table @{Width = 10; Name = "Name"; E = { $_.Name }},
               @{Width = 15; Name = "Role";  E = { $_.Role }},
               @{Width = 3; Name = "YIR";  E = { $_.Tenure }}
[pscustomobject] @{ one = 1 } | Format-Table @{ l='one'; e='one'; width=10; alignment='center' }
