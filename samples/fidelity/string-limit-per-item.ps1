# Evidence: a failing statement in a ForEach-Object block is reported and the block runs for the
# next object (CompileStatementListWithTraps at v7.6.5); the OutOfMemoryException of a too long
# string (0x3FFFFFDF UTF-16 units at most) underlines that statement; catch [type] matches the
# .NET exception an operator threw, as it does for 1/0 and DivideByZeroException.
$sizes = 1, 1100000000, 2
$sizes | ForEach-Object { ('z' * $_).Length }
try { 'q' * 1100000000 } catch [System.OutOfMemoryException] { 'caught OutOfMemoryException' }
try { 'q' * 1100000000 } catch [System.Management.Automation.RuntimeException] { 'caught RuntimeException' }
'end'
