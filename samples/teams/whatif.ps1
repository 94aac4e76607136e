# -WhatIf shows what would happen and changes nothing.
Update-Module MicrosoftTeams -WhatIf
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
New-CsTeamsEnhancedEncryptionPolicy -Identity Pilot -CallingEndtoEndEncryptionEnabledType DisabledUserOverride -WhatIf
$null = New-CsTeamsEnhancedEncryptionPolicy -Identity Pilot
Set-CsTeamsEnhancedEncryptionPolicy -Identity Pilot -CallingEndtoEndEncryptionEnabledType DisabledUserOverride -WhatIf
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay2@JayTheAmazing.onmicrosoft.com -PolicyName Pilot -WhatIf
Grant-CsTeamsEnhancedEncryptionPolicy -Global -PolicyName Pilot -WhatIf
Grant-CsTeamsEnhancedEncryptionPolicy -Group Sales -PolicyName Pilot -WhatIf
Remove-CsTeamsEnhancedEncryptionPolicy -Identity Pilot -WhatIf
Remove-CsTeamsEnhancedEncryptionPolicy -Identity NoSuchPolicy -WhatIf
(Get-CsTeamsEnhancedEncryptionPolicy Pilot).CallingEndtoEndEncryptionEnabledType
"Jay2: [$((Get-CsOnlineUser Jay2@JayTheAmazing.onmicrosoft.com).TeamsEnhancedEncryptionPolicy)]"
@(Get-CsGroupPolicyAssignment).Count
