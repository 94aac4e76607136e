# Evidence: oracle formatting/object-nested-list (a nested array shows as {1, 2, 3}, a
# hashtable as {[k, v]}, an object as @{x=1}, more than 4 items end in …), Add-Member
# (Example output "Position  : @{DepartmentName=IT; Role=Dev Manager}": properties joined by
# "; "), v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
# ("Format-Table with array should work": {0, 1, 2, 3…} in a table cell).
[pscustomobject]@{
  Name  = 'n'
  Owner = [pscustomobject]@{ Id = 7; Name = 'Jay' }
  Tags  = @('a', 'b')
  Many  = 1..10
}
