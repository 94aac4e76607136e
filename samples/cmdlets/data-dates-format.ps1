# Get-Date on fixed dates: -Format (.NET format strings and the FileDate names) and parts.
$d = Get-Date -Date '2024-02-29 13:05:09'
$d.Kind
Get-Date -Date $d -Format 'yyyy-MM-dd HH:mm:ss'
Get-Date -Date $d -Format 'dddd, MMMM d'
Get-Date -Date $d -Format 'dd/MM/yyyy'
Get-Date -Date $d -Format o
Get-Date -Date $d -Format s
Get-Date -Date $d -Format FileDate
Get-Date -Date $d -Format FileDateTime
(Get-Date -Date $d -Year 2023).ToString('yyyy-MM-dd')
(Get-Date -Date $d -Month 4 -Day 30 -Hour 0).ToString('yyyy-MM-dd HH:mm')
(Get-Date -Year 2024 -Month 2 -Day 29 -Hour 13 -Minute 5 -Second 9 -Millisecond 250).ToString('yyyy-MM-dd HH:mm:ss.fff')
(Get-Date -UnixTimeSeconds 1700000000 -AsUTC).ToString('yyyy-MM-ddTHH:mm:ss')
(Get-Date -Date $d).DisplayHint
(Get-Date -Date $d -DisplayHint Date).DisplayHint
(Get-Date).Kind
