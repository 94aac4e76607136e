# Evidence: pwsh's MshCommandRuntime.WriteInformation at v7.6.5 (unless the preference is
# Ignore, an information record goes to a redirected stream — 6>&1, *>&1, 6>file — whatever
# $InformationPreference says; the console shows Write-Information only under Continue);
# WriteConsoleCmdlet.cs (Write-Host writes an information record tagged PSHOST; ProcessObject
# unrolls enumerables with the separator and shows other objects by ToString, a DateTime in the
# current culture); about_Redirection.
Write-Information 'hidden by default'
Write-Information 'shown' -InformationAction Continue
$captured = & {
    Write-Information 'info record'
    Write-Host 'host record'
    'output'
} 6>&1
$captured.Count
foreach ($r in $captured) { '{0} [{1}] {2}' -f $r.GetType().Name, ($r.Tags -join ','), $r }
$none = Write-Information 'ignored' -InformationAction Ignore 6>&1
$null -eq $none
Write-Information 'to a file' 6> info.txt
Get-Content info.txt
Write-Host 'a', 'b', @('c', 'd') -Separator '|'
Write-Host ([datetime]'2024-03-05 14:07:09') ([version]'1.2.3') 2.5 $true
Write-Host ([ordered]@{ one = 1; two = 2 }) -Separator '; '
