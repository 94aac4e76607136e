# The TeamsSim cmdlets run in any session (no Connect, no MicrosoftTeams version: only the
# admin step below needs those); they have help, and the ones that change the world support -WhatIf.
Get-Help Set-TeamsSimClientSetting
Get-Help Start-TeamsSimCall -Examples | Out-Host   # its own output: after a topic, Out-Default would keep the default view

# Global does not offer the setting yet: refused, with or without -WhatIf.
Set-TeamsSimClientSetting -User 'Ken Myer' -EndToEndEncryptedCalls $true -WhatIf

Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Set-CsTeamsEnhancedEncryptionPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Set-TeamsSimClientSetting -User 'Ken Myer' -EndToEndEncryptedCalls $true -WhatIf
(Get-TeamsSimClientSetting -User 'Ken Myer').EndToEndEncryptedCalls

$call = Start-TeamsSimCall -Caller 'Jay One' -Callee 'Jay Two' -WhatIf
@(Get-TeamsSimCall).Count
$call = Start-TeamsSimCall -Caller 'Jay One' -Callee 'Jay Two'
Stop-TeamsSimCall -Call $call.CallId -WhatIf
(Get-TeamsSimCall -CallId $call.CallId).State
Start-TeamsSimCall -Caller 'Jay One' -Callee Jay1@JayTheAmazing.onmicrosoft.com

# Last, as the parameter object is a list whose trailing blank lines do not count.
Get-Help Stop-TeamsSimCall -Parameter PassThru
