# Get-Error (Get-Error.cs at v7.6.5) and its GetErrorInstance view (PowerShellCore_format_ps1xml.cs):
# the newest error, or -Newest N of them numbered by PSErrorIndex; each property with a value,
# names padded to the longest (PSErrorIndex counts for the width, though it is not shown);
# exceptions and records opened four spaces in; exceptions lead with Type.
# Get-Error.Tests.ps1 checks the type names and what the text holds.
$inner = [System.ArgumentException]::new('bad value', 'Name')
$record = [System.Management.Automation.ErrorRecord]::new($inner, 'BadValue', 'InvalidArgument', 'the target')
$error.Insert(0, $record)
$e = Get-Error
$e.PSObject.TypeNames -join ', '
$error[0].PSObject.TypeNames -join ', '
$e | Out-String -Width 120
# Shown once, the copy is an ErrorRecord again; the original was never touched.
$e.PSObject.TypeNames -join ', '
$error.Insert(0, [System.Exception]::new('plain'))
Get-Error -Newest 2 | Out-String -Width 120
(Get-Error -Last 9999).Count -eq $error.Count
try { Get-Error -Newest 0 } catch { $_.FullyQualifiedErrorId }
# Only error records and exceptions are taken from the pipeline.
'not an error' | Get-Error
$inner | Get-Error | Out-String
