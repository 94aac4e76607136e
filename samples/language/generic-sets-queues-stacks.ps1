# Evidence: .NET's System.Collections.Generic.HashSet<T>, Queue<T> and Stack<T>
# (learn.microsoft.com: Add returns false for an item already there; the default string
# comparer is exact, StringComparer.OrdinalIgnoreCase makes it ignore case; Dequeue/Pop/Peek
# on an empty collection throw InvalidOperationException "Queue empty." / "Stack empty."; a
# Stack enumerates last-in first); about_Type_Operators and LanguagePrimitives' constructor
# conversion for casting an array to a collection; enumerables unroll in the pipeline and
# show as {…} in a cell (MshObjectUtil.SmartToString).
$seen = [System.Collections.Generic.HashSet[string]]::new()
foreach ($name in 'ann', 'bob', 'Ann', 'ann') { '{0}: {1}' -f $name, $seen.Add($name) }
$seen.Count
$folded = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($name in 'ann', 'bob', 'Ann') { [void]$folded.Add($name) }
$folded -join ','
$ids = [System.Collections.Generic.HashSet[int]]@(3, 1, 3, 2)
$ids.Count
$ids.UnionWith([int[]](5, 1))
$ids.IntersectWith([int[]](1, 2, 5, 8))
($ids | Sort-Object) -join ','
$ids.IsSubsetOf([int[]](1, 2, 5, 9))
$ids.Contains(5), $ids.Remove(5), $ids.Contains(5) -join '/'
$work = [System.Collections.Generic.Queue[string]]::new()
'first', 'second', 'third' | ForEach-Object { $work.Enqueue($_) }
$work.Peek()
while ($work.Count -gt 0) { 'processing ' + $work.Dequeue() }
try { $work.Dequeue() } catch { $_.Exception.InnerException.GetType().Name + ': ' + $_.Exception.InnerException.Message }
$undo = [System.Collections.Generic.Stack[int]]::new()
1..3 | ForEach-Object { $undo.Push($_ * 10) }
$undo -join ','
$undo.Pop()
$undo.ToArray() -join ','
[pscustomobject]@{ Set = $folded; Stack = $undo }
$ids.GetType().FullName -replace '`1.*', ''
