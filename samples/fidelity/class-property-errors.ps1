# Evidence: a class property is a .NET property to pwsh, so a value that does not convert to its
# type fails in the setter: PSSetMemberBinder wraps it with ConvertToMethodInvocationException as
# SetValueInvocationException, error id ExceptionWhenSetting, category NotSpecified,
# "Exception setting "{0}": "{1}"" (ExtendedTypeSystem.resx); a Windows PowerShell report
# (ecitsolutions/Autotask issue 25) shows the same id and category. ConciseView shows the
# exception's type name when the category is NotSpecified.
class Policy {
    [int]$Rank
    [string]$Name
}
$p = [Policy]::new()
$p.Rank = '3'
$p.Rank + 1
try { $p.Rank = 'first' } catch { '{0} | {1}' -f $_.FullyQualifiedErrorId, $_.CategoryInfo; $_.Exception.Message }
"rank $($p.Rank)"
$p.Name = 42
$p.Name.GetType().Name
$p.Rank = 'last'
'continues'
