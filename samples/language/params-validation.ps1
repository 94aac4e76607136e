# Evidence: v7.6.5 test/powershell/Language/Scripting/ParameterBinding.Tests.ps1
# ("Unspecified non-mandatory bool", "Parameter binding failure on Parameter1 should not
# cause parameter binding failure on Length", bool[] binding with and without
# CmdletBinding, validation attributes not run on default values, ValidateScript and
# ValidatePattern custom ErrorMessage texts).
function get-foo1 {
    param([Parameter(Mandatory=$true, Position=0, ValueFromPipeline=$true)] $a,
          [System.Boolean] $b)
    $a
}
42 | get-foo1
function get-foo2 {
  param( [Parameter(ValueFromPipeline = $true)] [int] $Parameter1 = 10,
         [Parameter(ValueFromPipelineByPropertyName = $true)] [int] $Length = 100 )
  process { $Length }
}
'abc' | get-foo2
function get-foo3 { [cmdletbinding()] param ([bool[]] $Parameter) $Parameter }
try { get-foo3 'a','b' } catch { $_.FullyQualifiedErrorId }
function get-foo4 { param ([bool[]] $Parameter) $Parameter }
$x = get-foo4 'a','b'
$x[0]
$x[1]
function get-fooe { param([ValidateRange(1,42)] $p = 55) $p }
get-fooe
function get-foof { [CmdletBinding()] param([ValidateRange(1,42)] $p = 55) $p }
get-foof
function get-fooi {
    [CmdletBinding()]
    param([ValidateScript({$_ -gt 2}, ErrorMessage = "Item '{0}' failed '{1}' validation")] $p)
    $p
}
try { get-fooi -p 2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
get-fooi -p 3
function get-fooj {
    [CmdletBinding()]
    param([ValidatePattern("\s+", ErrorMessage = "Item '{0}' failed '{1}' regex")] $p)
    $p
}
try { get-fooj -p 2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
