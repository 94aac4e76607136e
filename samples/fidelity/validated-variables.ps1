# Evidence: pwsh v7.6.5: the attributes of a declaration apply innermost first
# (AttributedExpressionAst.GetAttributes); a new variable whose value fails a validation attribute
# raises ValidationMetadataException "The attribute cannot be added because variable {0} with value
# {1} would no longer be valid." (PSVariableAttributeCollection.VerifyNewAttribute,
# Metadata.resx InvalidMetadataForCurrentValue), an existing one "The variable cannot be validated
# because the value {1} is not a valid value for the {0} variable." (PSVariable.SetValue,
# InvalidValueFailure); both have error id ValidateSetFailure and category MetadataError, and a
# rejected value leaves the variable unchanged.
function Show($e) { '{0} | {1} | {2}' -f $e.FullyQualifiedErrorId, $e.CategoryInfo.Category, $e.Exception.Message }
try { [ValidateRange(1, 5)][int]$level = 9 } catch { Show $_ }
[ValidateRange(1, 5)][int]$level = '3'
try { $level = 6 } catch { Show $_ }
"level $level"
[ValidateSet('Red', 'Green')][string]$color = 'Red'
try { $color = 'Blue' } catch { Show $_ }
$color = 'green'
"color $color"
try { [ValidateNotNullOrEmpty()][string]$name = '' } catch { Show $_ }
try { [ValidateLength(2, 3)][string]$code = 'ABCD' } catch { Show $_ }
$level = 10
'continues'
