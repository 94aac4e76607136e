# Evidence: v7.6.5 test/powershell/Language/Scripting/ParameterBinding.Tests.ps1 (positional
# parameters, Position order, ValueFromPipeline, ValueFromPipelineByPropertyName,
# ValueFromRemainingArguments, parameter sets with remaining arguments and
# DefaultParameterSetName, aliases, AmbiguousParameterSet, null/empty checks of mandatory
# parameters, AllowNull/AllowEmptyString/AllowEmptyCollection).
function get-a { [CmdletBinding()] param($a) $a }
get-a a
get-a -a b
function get-p1 { param([Parameter(position=1)] $a) $a }
get-p1 b
function get-two {
    param( [Parameter(position=1)] $a,
           [Parameter(position=2)] $b )
    $a; $b
}
( get-two c d ) -join ','
( get-two -a c d ) -join ','
( get-two -b d c ) -join ','
( get-two c -b d ) -join ','
function get-rev {
    param( [Parameter(position=2)] $a,
           [Parameter(position=1)] $b )
    $a; $b
}
(get-rev c d) -join ','
function get-vfp {
    param( [Parameter(valuefrompipeline=$true)] $a )
    process { if ($a % 2 -eq 0) { $a } }
}
(1..10 | get-vfp) -join ','
function get-byprop {
    param( [Parameter(valuefrompipelinebypropertyname=$true)] $foo )
    process { if ($foo % 2 -eq 0) { $foo } }
}
(1..10 | Select-Object @{name='foo'; expression={$_ * 10}} | get-byprop) -join ','
function get-rest {
    param(
        [Parameter(position=1)] $a,
        [Parameter(valuefromremainingarguments=$true)] $foo
    )
    $foo
}
( get-rest a b c d ) -join ','
( get-rest a b -a c d ) -join ','
( get-rest a b -a c -q d ) -join ','
function get-sets {
    param( [Parameter(parametersetname='set1',position=1)] $a,
           [Parameter(parametersetname='set2',position=1)] $b,
           [parameter(valuefromremainingarguments=$true)] $foo )
    $foo
}
try { get-sets -a a -b b c d } catch { $_.FullyQualifiedErrorId }
( get-sets -a a b c d ) -join ','
( get-sets -b b a c d ) -join ','
function get-default2 {
    [CmdletBinding(DefaultParameterSetName="set2")]
    param( [Parameter(parametersetname="set1", position = 1)] $a,
           [Parameter(parametersetname="set2", position = 1)] $b,
           [parameter(valuefromremainingarguments=$true)] $foo )
    $a,$b,$foo
}
$x, $y, $z = get-default2 a b c d
$null -eq $x
$y
$z -join ','
function get-alias { param( [Parameter(mandatory=$true)][alias("foo", "bar")] $a ) $a }
get-alias -foo b
function foo ($a, $b) { $b, $a }
( foo a b ) -join ','
function get-m { param( [Parameter(mandatory=$true)] $a ) $a }
try { get-m -a $null } catch { $_.FullyQualifiedErrorId }
function get-ms { param( [Parameter(mandatory=$true)][string] $a ) $a }
try { get-ms -a '' } catch { $_.FullyQualifiedErrorId }
function get-mc { param( [Parameter(mandatory=$true)][string[]] $a ) $a }
try { get-mc -a @() } catch { $_.FullyQualifiedErrorId }
function get-an { param( [Parameter(mandatory=$true)][allownull()] $a ) $a }
$null -eq (get-an -a $null)
function get-aes { param( [Parameter(mandatory=$true)][allowemptystring()][string] $a ) "[$a]" }
get-aes -a ''
