# Evidence: pwsh v7.6.5 VariableOps.SetVariableValue, PSVariable.SetValue and
# ArgumentTypeConverterAttribute: a value that does not convert to a typed variable's type raises
# ArgumentTransformationMetadataException (category MetadataError, error id RuntimeException,
# reason checked by ActionPreference.Tests.ps1) carrying the conversion's message, on the
# declaration and on later assignments; ConciseView shows the category before the colon and
# underlines the whole assignment (the statement's sequence point).
function Show($e) { '{0} | {1}' -f $e.FullyQualifiedErrorId, $e.CategoryInfo }
try { [int]$count = 'many' } catch { Show $_ }
[int]$n = '42'
$n.GetType().Name
try { $n = 'forty' } catch { Show $_; $_.Exception.Message }
"n is still $n"
$n = '7'
$n + 1
try { [datetime]$when = 'someday' } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name }
[string]$text = 12
$text.GetType().Name
$n = 'x'
'continues'
