# Drives one Microsoft365DSC-shaped resource (Get-, Set- and Test-TargetResource) through a whole
# life against teamsh's tenant and checks that it agrees with the family's own cmdlets:
# absent, drift found, created, in desired state, values equal to Get-Cs<Family>'s, changed,
# the old state seen as drift, removed. Prints one line per step, `ok` or `FAIL: why`.
param(
    [Parameter(Mandatory)] [string] $ResourcePath,
    [Parameter(Mandatory)] [hashtable] $Scenario
)

$family = $Scenario.Family
$id = $Scenario.Identity
$resource = Import-Module $ResourcePath -Force -PassThru
"$($resource.Name) $id"

function Step([string]$Name, [bool]$Passed, [string]$Detail) {
    if ($Passed) { "  ${Name}: ok" } else { "  ${Name}: FAIL: $Detail" }
}

# The text of a value for comparison: objects by their Id when they have one, lists as sets.
function Texts($Value) {
    @($Value | Where-Object { $null -ne $_ } | ForEach-Object {
            if ($_ -isnot [string] -and $null -ne $_.PSObject.Properties['Id']) { "$($_.Id)" } else { "$_" }
        } | Sort-Object)
}

if ($Scenario.Setup) { & $Scenario.Setup }
# A configuration always says Ensure; resources rely on it.
$create = $Scenario.Create + @{ Ensure = 'Present' }
$change = $Scenario.Change + @{ Ensure = 'Present' }

$before = Get-TargetResource -Identity $id
Step 'absent before' ($before.Ensure -eq 'Absent') "Ensure is $($before.Ensure)"
$test = Test-TargetResource -Identity $id @create
Step 'drift before set' ($test -eq $false) "Test-TargetResource said $test"

$null = Set-TargetResource -Identity $id @create
$test = Test-TargetResource -Identity $id @create
Step 'in desired state after set' ($test -eq $true) "Test-TargetResource said $test"

$got = Get-TargetResource -Identity $id
$policy = Get-Command "Get-Cs$family" | ForEach-Object { & $_ -Identity $id }
$disagree = @()
foreach ($key in $create.Keys) {
    if ($key -in @($Scenario.SkipAgreement) + 'Ensure') { continue }
    $a = Texts $got[$key]; $b = Texts $policy.$key; $c = Texts $create[$key]
    if (($a -join '|') -ne ($b -join '|') -or ($a -join '|') -ne ($c -join '|')) { $disagree += "$key (resource '$($a -join ',')', cmdlet '$($b -join ',')', desired '$($c -join ',')')" }
}
Step "agrees with Get-Cs$family" ($disagree.Count -eq 0) ($disagree -join '; ')

$null = Set-TargetResource -Identity $id @change
$test = Test-TargetResource -Identity $id @change
Step 'in desired state after change' ($test -eq $true) "Test-TargetResource said $test"
$test = Test-TargetResource -Identity $id @create
Step 'old state is drift' ($test -eq $false) "Test-TargetResource said $test"

# As a configuration would: the properties, with Ensure Absent (some resources insist on one).
$absent = $Scenario.Change + @{ Ensure = 'Absent' }
$null = Set-TargetResource -Identity $id @absent
$after = Get-TargetResource -Identity $id
$gone = $null -eq (Get-Command "Get-Cs$family" | ForEach-Object { & $_ -Identity $id -ErrorAction SilentlyContinue })
Step 'removed' ($after.Ensure -eq 'Absent' -and $gone) "Ensure is $($after.Ensure)"
