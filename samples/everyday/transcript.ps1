# Evidence: Start-Transcript / Stop-Transcript (cmdlet reference; TranscriptStrings and
# hostifaces/MshHostUserInterface.cs at v7.6.5: the "Transcript started, output file is"
# lines, the header's fields between rows of 22 asterisks, output and host text copied, the
# "PowerShell transcript end" footer, NoClobber, and Stop-Transcript without a transcript).
Start-Transcript -Path ./session.txt
'inside the transcript'
Write-Host 'from Write-Host'
Stop-Transcript
$lines = Get-Content ./session.txt
$lines[0..1]
$lines | Where-Object { $_ -match '^[A-Za-z ]+: ' } | ForEach-Object { ($_ -split ':')[0] }
$lines | Where-Object { $_ -match 'inside the transcript|from Write-Host' }
($lines | Where-Object { $_ -eq '**********************' }).Count
$lines[-3]
Stop-Transcript
Start-Transcript -Path ./session.txt -Append -NoClobber
Stop-Transcript
Start-Transcript -Path ./session.txt -NoClobber
