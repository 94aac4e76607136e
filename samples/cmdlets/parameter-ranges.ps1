# Evidence: the [ValidateRange] attributes of pwsh's cmdlets at v7.6.5 — GetDateCommand.cs
# (Year 1-9999, Month 1-12, Day 1-31, Hour 0-23, Minute and Second 0-59, Millisecond 0-999),
# Out-String.cs and Out-File.cs (Width from 2), Format-Wide.cs (Column from 1),
# Compare-Object.cs (SyncWindow from 0) — and Metadata.resx's ValidateRangeTooSmall /
# ValidateRangeTooBig texts; the binder's ParameterArgumentValidationError id.
function Show-Failure([scriptblock]$Block) {
    try { & $Block } catch { '{0}: {1}' -f $_.FullyQualifiedErrorId.Split(',')[0], $_.Exception.Message }
}
Show-Failure { Get-Date -Month 13 }
Show-Failure { Get-Date -Hour 24 }
Show-Failure { Get-Date -Year 0 }
(Get-Date -Date '2024-02-10' -Day 29).ToString('yyyy-MM-dd')
Show-Failure { 'text' | Out-String -Width 1 }
Show-Failure { 1..3 | Format-Wide -Column 0 }
Show-Failure { Compare-Object 1 2 -SyncWindow -1 }
