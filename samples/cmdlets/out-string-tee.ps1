$s = 'a', 'b' | Out-String
$s.Length
($s -split "`n").Count
$lines = 'p', 'q' | Out-String -Stream
$lines.Count
$x = 'r', 's' | Tee-Object -Variable keep
$keep -join '+'
