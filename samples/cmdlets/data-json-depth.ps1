# Past -Depth (2 by default) a value is written as its string, with one warning.
$deep = [ordered]@{ level1 = [ordered]@{ level2 = [ordered]@{ level3 = @{ x = 1 } } } }
$deep | ConvertTo-Json -Compress
$deep | ConvertTo-Json -Compress -Depth 5
@{ list = @(1, @(2, 3)) } | ConvertTo-Json -Compress -Depth 1
