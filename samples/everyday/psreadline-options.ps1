# Evidence: PSReadLine 2.4.5 (Cmdlets.cs, Options.cs, KeyBindings.cs; about_PSReadLine):
# Emacs is the default edit mode off Windows, history in
# ~/.local/share/powershell/PSReadLine/ConsoleHost_history.txt, 4096 items, enum options;
# Get-PSReadLineKeyHandler -Chord lists by group, then by function; script-block handlers keep
# their BriefDescription and Description; Get-History is empty in a script; Add-History takes
# objects with CommandLine, ExecutionStatus and start/end times (History.cs).
$o = Get-PSReadLineOption
$o.EditMode
$o.HistorySavePath
$o.MaximumHistoryCount
$o.HistoryNoDuplicates
$o.BellStyle
Set-PSReadLineOption -MaximumHistoryCount 500 -HistorySearchCursorMovesToEnd
(Get-PSReadLineOption).MaximumHistoryCount
(Get-PSReadLineOption).HistorySearchCursorMovesToEnd
Get-PSReadLineKeyHandler -Chord Ctrl+a, Alt+f, Ctrl+y | Format-Table Key, Function, Description -Wrap
Set-PSReadLineKeyHandler -Chord Ctrl+j -Function AcceptLine
Set-PSReadLineKeyHandler -Chord Alt+w -BriefDescription SaveLine -Description 'Keeps the line in history' -ScriptBlock { }
Get-PSReadLineKeyHandler -Chord Ctrl+j, Alt+w | Format-Table Key, Function, Description
Remove-PSReadLineKeyHandler -Chord Alt+w
(Get-PSReadLineKeyHandler -Chord Alt+w | Measure-Object).Count
Set-PSReadLineOption -EditMode Vim
Get-History | Measure-Object | Select-Object -ExpandProperty Count
$when = Get-Date -Year 2024 -Month 5 -Day 6 -Hour 7 -Minute 8 -Second 9
Add-History -InputObject ([pscustomobject]@{ CommandLine = 'Get-CsOnlineUser'; ExecutionStatus = 'Completed'; StartExecutionTime = $when; EndExecutionTime = $when.AddSeconds(2) })
Get-History | Format-List Id, CommandLine, ExecutionStatus, @{ n = 'Seconds'; e = { $_.Duration.TotalSeconds } }
Add-History -InputObject 'Get-Date'
