# Evidence: v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility/Format-Table.Tests.ps1
# ("Format-Table with Autosize should work": name size booleanValue / Bob 1234 True; "Should
# render header correctly where header is shorter than column width with justification":
# "a     b" over "abc 123"; "Format-Table should not add trailing whitespace to rows":
# -HideTableHeaders gives "1 2"), oracle cmdlets/csv-import-file (a Format-Table block ends with one blank line; the next
# table starts with its own).
$IPs = @(
  [PSCustomObject]@{'name'='Bob';'size'=1234;'booleanValue'=$true;}
  [PSCustomObject]@{'name'='Jim';'size'=5678;'booleanValue'=$false;}
)
$IPs | Format-Table -AutoSize
[PSCustomObject]@{a="abc";b=123} | Format-Table
$IPs | Format-Table -Property booleanValue, name
([pscustomobject]@{a=1;b=2} | Format-Table -HideTableHeaders | Out-String).Trim()
