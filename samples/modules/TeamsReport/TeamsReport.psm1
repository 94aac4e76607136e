# A small module an admin keeps beside the scripts (data of samples/modules/script-module.ps1).
$script:calls = 0

function Get-ReportLine {
    param([string]$Name)
    $script:calls++
    "$Name (call $script:calls, module $($MyInvocation.MyCommand.ModuleName))"
}

function Format-Internal { 'hidden' }

Export-ModuleMember -Function Get-ReportLine
