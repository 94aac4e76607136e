'one' | Out-File ./o.txt
'two' | Out-File ./o.txt -Append
Get-Content ./o.txt -Raw | ForEach-Object { $_.Length }
'x' | Out-File ./n.txt -NoNewline
(Get-Content ./n.txt -Raw).Length
