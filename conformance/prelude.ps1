# Stand-ins for the helpers PowerShell's CI makes available to its Pester tests (the
# HelpersCommon module of test/tools/Modules), written for teamsh's conformance runs. Each one
# does what the conformance files need of it; nothing here is copied from PowerShell.

# PowerShell's helper compiles a C# DynamicObject ([TestDynamic]) with Add-Type. teamsh has no
# C# compiler and no dynamic language runtime, so the stand-in defines nothing: the tests that
# use [TestDynamic] fail one by one (docs/conformance.md lists them) instead of the whole file.
function Add-TestDynamicType { }

# Runs the script block until it returns true or the time is up; returns whether it did.
function Wait-UntilTrue {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $sb,
        [int] $TimeoutInMilliseconds = 10000,
        [int] $IntervalInMilliseconds = 1000
    )
    $deadline = [datetime]::Now.AddMilliseconds($TimeoutInMilliseconds)
    while ([datetime]::Now -lt $deadline) {
        if (& $sb) { return $true }
        Start-Sleep -Milliseconds $IntervalInMilliseconds
    }
    return $false
}
