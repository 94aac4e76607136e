# Every example command line of the five cmdlets' documentation, in a tenant where the docs'
# user KenMyer@contoso.com (Ken Myer) exists.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams

# New-CsTeamsEnhancedEncryptionPolicy, examples 1 and 2
New-CsTeamsEnhancedEncryptionPolicy -Identity ContosoPartnerTeamsEnhancedEncryptionPolicy
Remove-CsTeamsEnhancedEncryptionPolicy -Identity 'ContosoPartnerTeamsEnhancedEncryptionPolicy'
New-CsTeamsEnhancedEncryptionPolicy -Identity ContosoPartnerTeamsEnhancedEncryptionPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride -MeetingEndToEndEncryption DisabledUserOverride

# Set-CsTeamsEnhancedEncryptionPolicy, examples 1 to 3
Set-CsTeamsEnhancedEncryptionPolicy -Identity "ContosoPartnerTeamsEnhancedEncryptionPolicy" -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Set-CsTeamsEnhancedEncryptionPolicy -Identity "ContosoPartnerTeamsEnhancedEncryptionPolicy" -MeetingEndToEndEncryption DisabledUserOverride
Set-CsTeamsEnhancedEncryptionPolicy -Identity "ContosoPartnerTeamsEnhancedEncryptionPolicy" -Description "allow useroverride"

# Get-CsTeamsEnhancedEncryptionPolicy, examples 1 and 2 (the doc's second name has no "Teams")
Get-CsTeamsEnhancedEncryptionPolicy
Get-CsTeamsEnhancedEncryptionPolicy -Identity 'ContosoPartnerEnhancedEncryptionPolicy'

# Grant-CsTeamsEnhancedEncryptionPolicy, examples 1 and 2
Grant-CsTeamsEnhancedEncryptionPolicy -Identity 'KenMyer@contoso.com' -PolicyName 'ContosoPartnerTeamsEnhancedEncryptionPolicy'
"Ken Myer: $((Get-CsOnlineUser -Identity KenMyer@contoso.com).TeamsEnhancedEncryptionPolicy)"
Grant-CsTeamsEnhancedEncryptionPolicy -Identity 'Ken Myer' -PolicyName $null
"Ken Myer: [$((Get-CsOnlineUser -Identity KenMyer@contoso.com).TeamsEnhancedEncryptionPolicy)]"

# Remove-CsTeamsEnhancedEncryptionPolicy, examples 1 and 2
Remove-CsTeamsEnhancedEncryptionPolicy -Identity 'ContosoPartnerTeamsEnhancedEncryptionPolicy'
$null = New-CsTeamsEnhancedEncryptionPolicy -Identity Temp1
$null = New-CsTeamsEnhancedEncryptionPolicy -Identity Temp2
Get-CsTeamsEnhancedEncryptionPolicy -Filter 'Tag:Temp*' | Remove-CsTeamsEnhancedEncryptionPolicy
(Get-CsTeamsEnhancedEncryptionPolicy).Identity -join ', '
