# Evidence: pwsh v7.6.5 Binders.cs: under Set-StrictMode -Version 2 or later, reading a property an
# object does not have throws PropertyNotFoundException "PropertyNotFoundStrict" (category
# NotSpecified, "The property '{0}' cannot be found on this object. Verify that the property
# exists.", ParserStrings.resx); setting one is the same PropertyAssignmentException as without
# strict mode; Count and Length of a scalar are exempt (1), of $null 0 only without strict mode.
function Show($e) { '{0} | {1} | {2}' -f $e.FullyQualifiedErrorId, $e.CategoryInfo, $e.Exception.Message }
$o = [pscustomobject]@{ A = 1 }
$o.Nope
Set-StrictMode -Version 2
try { $o.Nope } catch { Show $_ }
try { $o.Nope = 1 } catch { Show $_ }
(5).Count
'abc'.Length
Set-StrictMode -Off
$null.Count
'done'
