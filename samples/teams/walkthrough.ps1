# The E2EE walkthrough: update the module, connect, check the cmdlet, create a policy that lets
# users turn on end-to-end encrypted calls, grant it to one user, or edit Global for everyone.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
"Cmdlet available: $([bool](Get-Command Get-CsTeamsEnhancedEncryptionPolicy -ErrorAction SilentlyContinue))"

# What the tenant has before we start.
Get-CsTeamsEnhancedEncryptionPolicy

# A policy that lets its users turn on "End-to-end encrypted calls".
New-CsTeamsEnhancedEncryptionPolicy -Identity CustomeE2EEPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride

# Give it to one user and look at the assignment.
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName CustomeE2EEPolicy
"Jay1's policy: $((Get-CsOnlineUser -Identity Jay1@JayTheAmazing.onmicrosoft.com).TeamsEnhancedEncryptionPolicy)"
$assignment = Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com
"$($assignment.PolicyType): $($assignment.PolicyName) ($($assignment.PolicySource.AssignmentType))"

# Or allow it for everybody without an assignment: edit Global instead.
Set-CsTeamsEnhancedEncryptionPolicy -Identity Global -CallingEndtoEndEncryptionEnabledType DisabledUserOverride
Get-CsTeamsEnhancedEncryptionPolicy -Identity Global
