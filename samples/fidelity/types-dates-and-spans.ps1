# Evidence: DotNetTypes_format_ps1xml.cs at v7.6.5 (DateTime: a custom view writing its
# DateTime property, long date and long time; TimeSpan: a list view Days … TotalMilliseconds
# and a table view Days, Hours, Minutes, Seconds, Milliseconds; Guid: table Guid) and the
# oracle's formatting cases (datetime-display, timespan-display).
Get-Date -Date '2024-02-29T13:45:10'
New-TimeSpan -Days 1 -Hours 2 -Minutes 30 | Format-List
[timespan]'00:00:42', [timespan]'1.02:03:04.5' | Format-Table
[guid]'0f8fad5b-d9cb-469f-a165-70867728950e' | Format-Table
(Get-Date -Date '2024-02-29T13:45:10').DayOfWeek
