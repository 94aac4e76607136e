# Evidence: [PSTypeName('X')] on a parameter makes the binder check that the argument (each
# element of a collection) has X among its PSTypeNames, ignoring case, else
# MismatchedPSTypeName (ParameterBinderBase.ValidatePSTypeName and ParameterBinderStrings.resx at
# v7.6.5); $null passes. System.Management.Automation.PSTypeName (reachable as [PSTypeName]
# through `using namespace`, as TypeInference.Tests.ps1 does) has Name and Type.
using namespace System.Management.Automation
$t = [PSTypeName]'System.String'
$t.Name
$t.Type.Name
"$t"
$null -eq ([PSTypeName]'Contoso.Unknown').Type
function Show-User { param([PSTypeName('Contoso.User')]$User) "user $($User.Name)" }
Show-User ([pscustomobject]@{ PSTypeName = 'Contoso.User'; Name = 'Jay' })
Show-User $null
function Measure-Users { param([PSTypeName('Contoso.User')][object[]]$Users) $Users.Count }
Measure-Users @([pscustomobject]@{ PSTypeName = 'Contoso.User' }, [pscustomobject]@{ PSTypeName = 'contoso.user' })
Show-User ([pscustomobject]@{ Name = 'Ken' })
'continues'
