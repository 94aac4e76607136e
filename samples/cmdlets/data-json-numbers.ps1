# Json.NET's number text: whole doubles keep ".0", large and tiny ones use E notation.
1 | ConvertTo-Json
1.0 | ConvertTo-Json
2.5 | ConvertTo-Json
1e20 | ConvertTo-Json
0.00001 | ConvertTo-Json
(0.1 + 0.2) | ConvertTo-Json
12345678901 | ConvertTo-Json
[int64]::MaxValue | ConvertTo-Json
$true, $false, $null | ConvertTo-Json -Compress
ConvertTo-Json @() -Compress
'tab	and "quote" and \' | ConvertTo-Json
