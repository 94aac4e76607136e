# Teams on the web does not support end-to-end encrypted calls; desktop, mobile and Teams Rooms do.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Set-CsTeamsEnhancedEncryptionPolicy -Identity Global -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Set-TeamsSimClientSetting -User KenMyer@contoso.com -EndToEndEncryptedCalls $true

Start-TeamsSimCall -Caller KenMyer@contoso.com -Callee Jay1@JayTheAmazing.onmicrosoft.com -CallerClient Web

foreach ($client in 'Desktop', 'Mobile', 'Rooms', 'Web') {
    $call = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee KenMyer@contoso.com -CalleeClient $client
    '{0,-8} {1,-5} {2}' -f $client, $call.EndToEndEncrypted, $call.Indicator
}
