# Evidence: Get-Process (cmdlet reference; ProcessResources at v7.6.5 for "Cannot find a process
# with the name ..." and "... with the process identifier ..."; a wildcard name matching
# nothing is no error).
$me = Get-Process -Id $PID
$me.Id -eq $PID
$me.GetType().FullName
$me.Path -eq [Environment]::ProcessPath
(Get-Process | Where-Object Id -EQ $PID | Measure-Object).Count
Get-Process -Name no-such-process
Get-Process -Id 999999
Get-Process -Name no-such-* | Measure-Object | Select-Object -ExpandProperty Count
