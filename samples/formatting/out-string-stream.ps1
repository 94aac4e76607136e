# Evidence: v7.6.5 test/powershell/Modules/Microsoft.PowerShell.Utility/Out-String.Tests.ps1
# ("a", " b" | Out-String is "a<nl> b<nl>"; -Stream returns an array of lines; -NoNewLine
# gives "ab"), Format-Table.Tests.ps1 (Out-String -Stream of a table: "", header, dashes,
# rows, ""), Format-List.Tests.ps1
# ("Should produce the expected output": "<nl>testName : testValue<nl><nl>"), oracle README
# (newlines are "\n" on Linux).
$s = 'a', ' b' | Out-String
$s.Length
$s.GetType().Name
'a', 'b' | Out-String -NoNewline
$l = [pscustomobject]@{ testName = 'testValue' } | Format-List | Out-String
$l.Length
$l.Trim()
$lines = [pscustomobject]@{ Name = 'x'; Size = 10 } | Out-String -Stream
$lines.Count
$lines[3]
$lines | Where-Object { $_ } | ForEach-Object { "<$_>" }
