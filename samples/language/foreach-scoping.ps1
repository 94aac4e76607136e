# Evidence: ForEach-Object (the scriptblocks run in the caller's scope: they see its variables
# and create variables that persist after the cmdlet completes; -Begin/-Process/-End),
# about_Foreach (variables from outside the loop are changed inside it; the statement runs
# in the current scope), about_Scopes (a script block run with & gets a child scope: its
# assignments do not change the parent's variable), oracle semantics/s18-break-in-pipeline
# (return in a ForEach-Object block ends only that input's block) and language/foreach-more
# (continue in foreach).
$count = 0
foreach ($n in 1..3) { $count += $n; $inLoop = 'set in foreach' }
$count
$inLoop
$sum = 0
1..3 | ForEach-Object { $sum += $_; $inBlock = 'set in ForEach-Object' }
$sum
$inBlock
1..3 | ForEach-Object -Begin { $seen = @() } -Process { $seen += $_ } -End { "end: $($seen -join ',')" }
$seen -join ','
$total = 0
& { foreach ($n in 1..3) { $total += $n }; "inside: $total" }
$total
& { 1..3 | ForEach-Object { $total += $_ }; "inside with ForEach-Object: $total" }
$total
(1..5 | ForEach-Object { if ($_ -eq 3) { return }; $_ }) -join ','
$(foreach ($n in 1..5) { if ($n -eq 3) { continue }; $n }) -join ','
$squares = foreach ($n in 1..3) { $n * $n }
$squares -join ','
$doubled = 1..3 | ForEach-Object { $_ * 2 }
$doubled -join ','
