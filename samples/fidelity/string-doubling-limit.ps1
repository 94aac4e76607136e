# Evidence: .NET cannot make a string longer than 0x3FFFFFDF (1,073,741,791) UTF-16 units (the
# String class docs: "about 1 billion characters"); String.Concat then throws
# OutOfMemoryException "Insufficient memory to continue the execution of the program.", which pwsh
# reports like any .NET exception of an operator (ExceptionHandlingOps.ConvertToRuntimeException
# at v7.6.5: error id = the exception's type name, category OperationStopped) and the loop goes
# on with $s unchanged. 2^29 characters is the last length that doubles.
$s = 'x'
$failures = 0
for ($i = 0; $i -lt 31; $i++) {
    try { $s += $s } catch { $failures++; $last = $_ }
}
$s.Length
$failures
$last.FullyQualifiedErrorId
$last.CategoryInfo.Category
$last.Exception.Message
$s += $s
'still running'
