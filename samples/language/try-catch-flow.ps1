# Evidence: v7.6.5 test/powershell/Language/Scripting/TryCatch.Tests.ps1 (Basic exception
# handling, Mix traps with try/catch, Catch by type #1-#5, break/continue in try with
# finally, nested try within foreach, ErrorRecord of throw 42, Nested try/catch, rethrow flow
# up, catch of ActionPreferenceStopException / ItemNotFoundException chosen over Exception).
(. { try { 1; throw "exception"; "test failed" } catch { 2 } }) -join ','
(. { try { 1 } finally { 2 } }) -join ','
(. { try { 1; throw "exception"; "test failed" } catch { 2 } finally { 3 } }) -join ','
(. { trap { "test failed" } try { 1; throw "exception"; "test failed" } catch { 2 } }) -join ','
(. { try { 1; throw "exception"; trap { 2; return }; "test failed" } catch { "test failed" } }) -join ','
(. { try { 1; $a = 0; 1/$a; "test failed" } catch [DivideByZeroException] { 2 } catch [Exception] { "test failed" } }) -join ','
(. { try { 1; throw ([ArgumentNullException]::new("bad")) } catch [DivideByZeroException],[ArgumentNullException] { 2 } }) -join ','
$r = foreach ($i in (1..3)) {
  try { if ($i -eq 2) { break }; $i } catch { "test failed" } finally { "finally: $i" }
}
$r -join ','
$r = foreach ($i in (1..3)) {
  try { if ($i -eq 2) { continue }; $i } catch { "test failed" } finally { "finally: $i" }
}
$r -join ','
$r = foreach ($i in (1..3)) {
    try {
        try { if ($i -eq 2) { continue }; $i }
        catch { "test failed: catch#2" }
        finally { "finally#2: $i" }
    } catch { "test failed: catch#1" } finally { "finally#1: $i" }
}
$r -join ','
$e = try { throw 42 } catch { $_ }
[int]$e.ToString()
try {
  "outer try"
  try { "inner try"; $a = 0; 1 / $a }
  catch [OutOfMemoryException] { "test failed" }
  finally { "inner finally" }
} catch [DivideByZeroException] { "caught" } finally { "outer finally" }
try {
  try { $a = 0; 1 / $a }
  catch { "inner catch"; $ex_inner = $_; throw }
} catch { "outer catch"; $ex_outer = $_ }
[object]::ReferenceEquals($ex_inner.Exception, $ex_outer.Exception)
try { Get-ChildItem ./NotExist -ErrorAction Stop }
catch [System.Management.Automation.ActionPreferenceStopException] { "ActionPreferenceStopException Caught"; $_.Exception.GetType().FullName }
try { Get-ChildItem ./NotExist -ErrorAction Stop }
catch [System.Management.Automation.ItemNotFoundException] { "ItemNotFoundException caught" }
catch [System.Exception] { "System.Exception caught" }
try { throw [System.Management.Automation.ItemNotFoundException]::new() }
catch [System.Management.Automation.ItemNotFoundException] { "ItemNotFoundException caught" }
catch [System.Management.Automation.RuntimeException] { "RuntimeException caught" }
