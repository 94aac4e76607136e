# Pester 4 mode, chosen as in pwsh by the version bounds of the import; its console output
# (Pester 4.10.1's Output.ps1: Write-PesterStart, Write-Describe, Write-PesterResult with
# ConvertTo-FailureLines, Write-PesterReport) and result object (Invoke-Pester -PassThru).
Import-Module Pester -MaximumVersion 4.99
(Get-Module Pester).Version.ToString()
$r = Invoke-Pester -Path ./Legacy4.Tests.ps1 -PassThru
'{0} total: {1} passed, {2} failed, {3} skipped, {4} pending' -f $r.TotalCount, $r.PassedCount, $r.FailedCount, $r.SkippedCount, $r.PendingCount
$r.TestResult | ForEach-Object { '{0,-12} {1,-26} {2}' -f $_.Result, $_.Describe, $_.Name }
