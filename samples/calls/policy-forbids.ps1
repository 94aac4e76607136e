# A user whose effective policy does not let users turn the setting on cannot switch it on: the
# setting is not offered (Available False) and Set-TeamsSimClientSetting fails, naming the policy.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Set-CsTeamsEnhancedEncryptionPolicy -Identity Global -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay4@JayTheAmazing.onmicrosoft.com -PolicyName Disabled

Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Set-TeamsSimClientSetting -User Jay4@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Get-TeamsSimClientSetting | Format-Table

$call = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay4@JayTheAmazing.onmicrosoft.com
"E2EE: $($call.EndToEndEncrypted)"
$call.Reason
