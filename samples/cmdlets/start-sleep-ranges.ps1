# Evidence: pwsh's StartSleepCommand.cs at v7.6.5 ([ValidateRange(0.0, (double)(int.MaxValue
# / 1000))] on -Seconds, [ValidateRange(0, int.MaxValue)] on -Milliseconds) and Metadata.resx's
# ValidateRangeTooSmall text; Measure-Command returns a TimeSpan.
Start-Sleep -Milliseconds 5
Start-Sleep -Seconds 0.005
try { Start-Sleep -Milliseconds -1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Start-Sleep -Seconds -0.5 } catch { $_.Exception.Message }
$elapsed = Measure-Command { Start-Sleep -Milliseconds 15 }
$elapsed.GetType().Name
$elapsed.TotalMilliseconds -ge 15
