# Recording, transfer and the other features of facts §7.2 are not available during an
# end-to-end encrypted call; on a call without E2EE they work.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Set-CsTeamsEnhancedEncryptionPolicy -Identity Global -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Set-TeamsSimClientSetting -User Jay1@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true
Set-TeamsSimClientSetting -User Jay2@JayTheAmazing.onmicrosoft.com -EndToEndEncryptedCalls $true

$secure = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay2@JayTheAmazing.onmicrosoft.com
"Unavailable: $($secure.UnavailableFeatures -join ', ')"
Invoke-TeamsSimCallFeature -Call $secure -Feature Recording
$secure | Invoke-TeamsSimCallFeature -Feature Transfer
try {
    Invoke-TeamsSimCallFeature -Call $secure -Feature LiveCaptions -ErrorAction Stop
} catch {
    "Caught: $($_.Exception.Message)"
}

# Jay3 has not turned the setting on: a standard call, where recording and transfer work.
$plain = Start-TeamsSimCall -Caller Jay1@JayTheAmazing.onmicrosoft.com -Callee Jay3@JayTheAmazing.onmicrosoft.com
$plain = Invoke-TeamsSimCallFeature -Call $plain -Feature Recording -PassThru
$plain = Invoke-TeamsSimCallFeature -Call $plain -Feature Transfer -PassThru
"Used on the standard call: $($plain.FeaturesUsed -join ', ')"
Invoke-TeamsSimCallFeature -Call $plain -Feature Park -WhatIf
