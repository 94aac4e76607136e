# New-TimeSpan from parts and from two dates.
$t = New-TimeSpan -Days 1 -Hours 2 -Minutes 3
$t.TotalHours
$t.ToString()
(New-TimeSpan -Start '2024-02-01' -End '2024-03-01').Days
(New-TimeSpan -Start '2024-03-01' -End '2024-02-01').Days
(New-TimeSpan -Seconds 90).TotalMinutes
(New-TimeSpan -Minutes 90).ToString()
(New-TimeSpan -Milliseconds 1500).TotalSeconds
Start-Sleep -Milliseconds 5
Start-Sleep -Seconds 0.01
'done'
