# Evidence: about_Redirection (stream numbers 2-6, n>&1 merges a stream into Success,
# *> and > $null, > and >> write and append to files), about_Output_Streams (record types of
# the streams), oracle language/redirection (2>&1 gives an ErrorRecord).
function Emit {
    'out'
    Write-Warning 'careful'
    Write-Verbose 'details' -Verbose
    Write-Error 'failed'
}
$all = Emit *>&1
$all.Count
$all | ForEach-Object { $_.GetType().Name }
$w = Write-Warning 'w1' 3>&1
$w.Message
Emit *> $null
$r = & { 'a'; Write-Error 'b' } 2>&1
$r.Count
"$($r[1])"
'one' > ./out.txt
'two' >> ./out.txt
(Get-Content ./out.txt) -join ','
1..3 > $null
$ok = Emit 2> $null 3> $null 4> $null
$ok
