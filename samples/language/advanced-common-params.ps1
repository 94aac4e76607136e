# Evidence: v7.6.5 test/powershell/Language/Scripting/CommonParameters.Tests.ps1 (-Verbose and
# -ErrorAction SilentlyContinue/Stop on an advanced function); OutErrorVariable.Tests.ps1
# (-ErrorVariable with 2> $null holds the function's Write-Error record); ErrorHistoryId.Tests.ps1
# (Write-Error in function bar has id "Microsoft.PowerShell.Commands.WriteErrorException,bar");
# oracle errors/error-record-fields (the caught record of -ErrorAction Stop is the original
# error), formatting/write-streams ("VERBOSE: " lines on stdout), errors/write-error-in-function
# (the error shows at the call of the function).
function Get-Foo {
    [CmdletBinding()]
    param()
    Write-Verbose 'verbose foo'
    Write-Error 'error foo'
    'output foo'
}
Get-Foo -ErrorAction SilentlyContinue
Get-Foo -Verbose -ErrorAction SilentlyContinue
try { Get-Foo -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
Get-Foo -ErrorVariable ev 2> $null | Out-Null
$ev | ForEach-Object { $_.ToString() }
Get-Foo
'done'
