# Set-Content/Add-Content write UTF-8 lines; Get-Content reads them back as strings.
Set-Content ./notes.txt 'first', 'second'
Add-Content ./notes.txt 'third'
Get-Content ./notes.txt
(Get-Content ./notes.txt).Count
(Get-Content ./notes.txt -Raw).Length
Get-Content ./notes.txt -TotalCount 1
Get-Content ./notes.txt -Tail 1
Get-Content ./notes.txt -First 2 | Select-Object -Last 1
1..3 | Set-Content ./nums.txt
(Get-Content ./nums.txt) -join '+'
Set-Content ./raw.txt 'a', 'b' -NoNewline
Get-Content ./raw.txt
Add-Content ./raw.txt 'c' -NoNewline
Get-Content ./raw.txt -Raw
Clear-Content ./raw.txt
$null -eq (Get-Content ./raw.txt)
Set-Content ./csv.txt 'x;y;z' -NoNewline
(Get-Content ./csv.txt -Delimiter ';') -join '|'
'written' | Set-Content ./p.txt -PassThru
