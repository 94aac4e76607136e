# Evidence: the ForEach-Object reference's -Parallel examples applied to the Teams cmdlets
# (Grant-CsTeamsEnhancedEncryptionPolicy, Get-CsOnlineUser as in the MicrosoftTeams docs): every
# task works on the same tenant, and the sign-in of Connect-MicrosoftTeams in the caller holds in
# the tasks (the module keeps it in process-wide state). Results are sorted: tasks finish in any
# order.
Update-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null
New-CsTeamsEnhancedEncryptionPolicy -Identity ParallelPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride | Out-Null
$policyName = 'ParallelPolicy'
$users = 'Jay1', 'Jay2', 'Jay3', 'Jay4' | ForEach-Object { "$_@JayTheAmazing.onmicrosoft.com" }
$users | ForEach-Object -ThrottleLimit 3 -Parallel {
    Grant-CsTeamsEnhancedEncryptionPolicy -Identity $_ -PolicyName $using:policyName
    "granted $_"
} | Sort-Object
Get-CsOnlineUser | Sort-Object UserPrincipalName | Select-Object UserPrincipalName, TeamsEnhancedEncryptionPolicy
# A task's failure is the command's error; the other tasks still run.
'Jay1@JayTheAmazing.onmicrosoft.com', 'nobody@contoso.com' | ForEach-Object -Parallel {
    Grant-CsTeamsEnhancedEncryptionPolicy -Identity $_ -PolicyName $null
}
(Get-CsOnlineUser -Identity Jay1@JayTheAmazing.onmicrosoft.com).TeamsEnhancedEncryptionPolicy -eq $null
