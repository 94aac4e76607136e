# Evidence: the ForEach-Object reference (examples "Run slow script in parallel batches",
# "Using the $using: keyword to pass variable references", "Parallel running script blocks are
# run in separate runspaces": the caller's variables are not visible, $using: passes values by
# reference, the default ThrottleLimit is 5) and pwsh's ForEachObjectCommand at v7.6.5
# (InternalCommands.cs) with InternalCommandStrings.resx and AutomationExceptions.resx for the
# errors. Results arrive in the order tasks finish, so they are sorted before printing.

# Each object runs the block with $_ set; output comes back to the caller's pipeline.
1..5 | ForEach-Object -Parallel { $_ * 10 } | Sort-Object

# $using: reads the caller's value when the command starts; caller variables are otherwise unset.
$prefix = 'item'
$hidden = 'not visible'
1..3 | ForEach-Object -Parallel { "$using:prefix $_ sees [$hidden]" } | Sort-Object

# A shared object passed with $using: is the same object in every task.
$results = [hashtable]::Synchronized(@{})
'a', 'b', 'c' | ForEach-Object -Parallel { $table = $using:results; $table[$_] = $_.ToUpper() }
$results.Keys | Sort-Object | ForEach-Object { "$_ -> $($results[$_])" }

# Tasks overlap their waits: five one-second sleeps take about one second, not five.
$watch = [System.Diagnostics.Stopwatch]::StartNew()
1..5 | ForEach-Object -Parallel { Start-Sleep -Milliseconds 600 }
"five 600 ms sleeps overlapped: $($watch.Elapsed.TotalSeconds -lt 2.5)"

# -ThrottleLimit caps how many run at once: the most seen running together.
$state = [hashtable]::Synchronized(@{ Running = 0; Most = 0 })
1..6 | ForEach-Object -ThrottleLimit 2 -Parallel {
    $s = $using:state
    $s.Running++
    if ($s.Running -gt $s.Most) { $s.Most = $s.Running }
    Start-Sleep -Milliseconds 300
    $s.Running--
}
"most running together with -ThrottleLimit 2: $($state.Most)"

# Each task is its own session: functions of the caller are not there.
function Get-Double { param($n) 2 * $n }
1 | ForEach-Object -Parallel { (Get-Command Get-Double -ErrorAction SilentlyContinue) -eq $null }

# Errors of a task are the command's errors; a terminating one ends only its task.
$errorsBefore = $Error.Count
1..3 | ForEach-Object -Parallel { if ($_ -eq 2) { throw "task $_ failed" }; "task $_ ok" } | Sort-Object
"errors added: $($Error.Count - $errorsBefore)"

# What pwsh refuses.
try { 1 | ForEach-Object -Parallel { $using:undefinedVariable } } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
$block = { 'x' }
try { 1 | ForEach-Object -Parallel { $using:block } } catch { $_.FullyQualifiedErrorId }
try { 1 | ForEach-Object -Parallel { $_ } -ThrottleLimit 0 } catch { $_.FullyQualifiedErrorId }
try { 1 | ForEach-Object -Parallel { $_ } -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
try { 1 | ForEach-Object -Parallel { $_ } -AsJob -TimeoutSeconds 5 } catch { $_.FullyQualifiedErrorId }
# NOTE: teamsh has no background jobs, so -AsJob is refused.
try { 1 | ForEach-Object -Parallel { $_ } -AsJob } catch { $_.FullyQualifiedErrorId }
