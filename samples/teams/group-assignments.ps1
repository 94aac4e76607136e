# Group assignments with ranks, and which policy each user ends up with: a direct assignment
# wins, then the best-ranked group, then Global.
Update-Module MicrosoftTeams
$null = Connect-MicrosoftTeams
Grant-CsTeamsEnhancedEncryptionPolicy -Group engineering@JayTheAmazing.onmicrosoft.com -PolicyName Disabled
Grant-CsTeamsEnhancedEncryptionPolicy -Group sales@JayTheAmazing.onmicrosoft.com -PolicyName UserControlled -Rank 1
Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay4@JayTheAmazing.onmicrosoft.com -PolicyName UserControlled
foreach ($g in Get-CsGroupPolicyAssignment -PolicyType TeamsEnhancedEncryptionPolicy) { "rank $($g.Rank): $($g.PolicyName)" }
foreach ($n in 1..4) {
    $upn = "Jay$n@JayTheAmazing.onmicrosoft.com"
    $rows = @(Get-CsUserPolicyAssignment -Identity $upn -PolicyType TeamsEnhancedEncryptionPolicy)
    if ($rows.Count -eq 0) { "Jay${n}: Global" }
    else { "Jay${n}: $($rows[0].PolicyName) from $(($rows[0].PolicySource | ForEach-Object { $_.AssignmentType }) -join ', ')" }
}
"Jay3 in Get-CsOnlineUser (direct only): [$((Get-CsOnlineUser Jay3@JayTheAmazing.onmicrosoft.com).TeamsEnhancedEncryptionPolicy)]"
Remove-CsGroupPolicyAssignment -GroupId sales@JayTheAmazing.onmicrosoft.com -PolicyType TeamsEnhancedEncryptionPolicy
foreach ($g in Get-CsGroupPolicyAssignment -PolicyType TeamsEnhancedEncryptionPolicy) { "rank $($g.Rank): $($g.PolicyName)" }
