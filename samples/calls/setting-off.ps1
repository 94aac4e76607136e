# The admin allows the setting for everybody by editing Global, but only Jay1 turns it on: the
# call is not end-to-end encrypted (a plain shield, no code), and the call says why.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Set-CsTeamsEnhancedEncryptionPolicy -Identity Global -CallingEndtoEndEncryptionEnabledType DisabledUserOverride

Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Get-TeamsSimClientSetting -User Jay3@JayTheAmazing.onmicrosoft.com | Format-Table

Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay3@JayTheAmazing.onmicrosoft.com

# Once Jay3 turns it on too, their next call is end-to-end encrypted.
Set-TeamsSimClientSetting -User Jay3@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
$next = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay3@JayTheAmazing.onmicrosoft.com
"$($next.Indicator): $($next.SecurityCode)"
