# Each error of the policy cmdlets (spec §3); every one is reported and the script goes on.
Get-CsTeamsEnhancedEncryptionPolicy
Update-Module MicrosoftTeams
Get-CsTeamsEnhancedEncryptionPolicy
$null = Connect-MicrosoftTeams
Get-CsTeamsEnhancedEncryptionPolicy -Identity NoSuchPolicy
New-CsTeamsEnhancedEncryptionPolicy -Identity 'Has Spaces'
$null = New-CsTeamsEnhancedEncryptionPolicy -Identity Dup
New-CsTeamsEnhancedEncryptionPolicy -Identity dup
New-CsTeamsEnhancedEncryptionPolicy -Identity X1 -CallingEndtoEndEncryptionEnabledType Sometimes
Set-CsTeamsEnhancedEncryptionPolicy -Identity UserControlled -Description 'mine now'
Remove-CsTeamsEnhancedEncryptionPolicy -Identity Tag:Disabled
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName NoSuchPolicy
Grant-CsTeamsEnhancedEncryptionPolicy -Identity nobody@JayTheAmazing.onmicrosoft.com -PolicyName UserControlled
'end'
