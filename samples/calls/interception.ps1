# A man in the middle: each client completes its handshake with the interceptor instead of the
# other client, so the call still shows the lock but the two sides see different codes. Reading
# the code aloud reveals it.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Set-CsTeamsEnhancedEncryptionPolicy -Identity Global -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
'Jay1', 'Jay2' | ForEach-Object {
    Set-TeamsSimClientSetting -User "$_@JayTheAmazing.onmicrosoft.com" -EndToEndEncryptedCalls $true
}

$call = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay2@JayTheAmazing.onmicrosoft.com -Intercepted
$call | Format-List Indicator, CallerSecurityCode, CalleeSecurityCode
if ($call.CallerSecurityCode -ne $call.CalleeSecurityCode) {
    Write-Warning 'The security codes differ: someone may be in the middle. Hang up.'
    $call | Stop-TeamsSimCall
}

# The next call without an interceptor: the codes agree again.
$call = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay2@JayTheAmazing.onmicrosoft.com
$call.CallerSecurityCode -eq $call.CalleeSecurityCode
