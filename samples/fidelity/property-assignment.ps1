# Evidence: pwsh v7.6.5 PSSetMemberBinder (Binders.cs): setting a property on $null raises
# PropertyNotFound, a property an object does not have PropertyAssignmentException (both
# "The property '{0}' cannot be found on this object. Verify that the property exists and can be
# set.", ParserStrings.resx), a property without a setter PropertyAssignmentException
# "'{0}' is a ReadOnly property."; all RuntimeException, category InvalidOperation, so ConciseView
# shows "InvalidOperation:" and underlines the whole assignment.
function Show($e) { '{0} | {1} | {2}' -f $e.FullyQualifiedErrorId, $e.CategoryInfo, $e.Exception.Message }
$user = [pscustomobject]@{ Name = 'Jay' }
try { $user.Mail = 'jay@contoso.com' } catch { Show $_ }
$user.Name = 'Ken'
$user.Name
$missing = $null
try { $missing.Name = 'x' } catch { Show $_ }
try { 'text'.Length = 1 } catch { Show $_ }
try { @(1, 2).Total = 3 } catch { Show $_ }
$h = @{}
$h.Added = 1
$h.Added
$user.Mail = 'x'
'continues'
