# Evidence: oracle errors/write-error-top (a top-level Write-Error is "Write-Error: msg"),
# errors/throw-in-function (an uncaught throw shows the throw statement of the function, the
# script stops, exit code 1), errors/terminating-in-pipeline.
function Inner { throw "inner failure" }
function Outer { Inner }
'start'
Write-Error 'first problem'
Outer
'unreached'
