# The whole story: the admin lets users turn on end-to-end encrypted calls with a custom policy,
# two users switch the setting on in their clients, and their 1:1 call is end-to-end encrypted:
# a shield with a lock, and the same 20-digit security code on both sides.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

# Admin: a policy whose users may turn the setting on, for Jay1 directly and for the Sales group.
$null = New-CsTeamsEnhancedEncryptionPolicy -Identity CustomeE2EEPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName CustomeE2EEPolicy
Grant-CsTeamsEnhancedEncryptionPolicy -Group sales@JayTheAmazing.onmicrosoft.com -PolicyName CustomeE2EEPolicy

# Users: Jay1 and Jay2 (Sales) turn on Settings > Privacy > End-to-end encrypted calls.
Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Set-TeamsSimClientSetting -User Jay2@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Get-TeamsSimClientSetting | Format-Table

# Jay1 calls Jay2 from Teams desktop; Jay2 answers on mobile.
$call = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay2@JayTheAmazing.onmicrosoft.com -CalleeClient Mobile
$call

# They read the code to each other.
if ($call.CallerSecurityCode -eq $call.CalleeSecurityCode) {
    "Both see $($call.SecurityCode): nobody is in the middle."
}
$call | Stop-TeamsSimCall
Get-TeamsSimCall | Format-Table CallId, EndToEndEncrypted, State
