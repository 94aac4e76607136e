# Runs one of PowerShell's own test files as PowerShell's CI does (Pester 4, the CI helpers'
# stand-ins loaded first), then prints one tab-separated line per result for
# script/conformance: "##conformance", result, Describe, Context, name, first line of the
# failure message.
param(
    [Parameter(Mandatory)] [string] $Path,
    [string] $Prelude
)
Import-Module Pester -MaximumVersion 4.99
if ($Prelude) { . $Prelude }
$run = Invoke-Pester -Path $Path -PassThru
foreach ($test in $run.TestResult) {
    $message = @("$($test.FailureMessage)".Trim() -split "`n")[0]
    $fields = foreach ($text in $test.Result, $test.Describe, $test.Context, $test.Name, $message) { "$text" -replace '[\t\r\n]+', ' ' }
    "##conformance`t" + ($fields -join "`t")
}
