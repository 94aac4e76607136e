import XCTest
import TeamsTenant
@testable import TeamsModule

/// The MicrosoftTeams cmdlets over the default world with 7.7.0 installed (spec §3), and the
/// simulator's tenant cmdlets.
final class TeamsCmdletTests: XCTestCase {
    static let preamble = "$null = Connect-MicrosoftTeams\n"

    /// (script after Connect, expected output lines, expected error fragment)
    let rows: [(String, [String], String?)] = [
        ("(Get-CsTeamsEnhancedEncryptionPolicy).Identity -join ','", ["Global,Tag:Disabled,Tag:UserControlled"], nil),
        ("$p = New-CsTeamsEnhancedEncryptionPolicy -Identity CustomeE2EEPolicy -CallingEndtoEndEncryptionEnabledType disableduseroverride; $p.CallingEndtoEndEncryptionEnabledType",
         ["DisabledUserOverride"], nil),
        ("New-CsTeamsEnhancedEncryptionPolicy -Identity 'A B'", [], "[ClientError] : Policy names cannot contain spaces"),
        ("Remove-CsTeamsEnhancedEncryptionPolicy -Identity Nope", [], "[ClientError] : \"Tag:Nope\" not found"),
        ("Set-CsTeamsEnhancedEncryptionPolicy -Identity Tag:Disabled -Description x", [], "Set or Remove host tag instance is not allowed"),
        ("Set-CsTeamsEnhancedEncryptionPolicy -CallingEndtoEndEncryptionEnabledType DisabledUserOverride; Remove-CsTeamsEnhancedEncryptionPolicy Global; (Get-CsTeamsEnhancedEncryptionPolicy Global).CallingEndtoEndEncryptionEnabledType",
         ["Disabled"], nil),
        ("Grant-CsTeamsEnhancedEncryptionPolicy -Identity 'Ken Myer' -PolicyName UserControlled; (Get-CsOnlineUser KenMyer@contoso.com).TeamsEnhancedEncryptionPolicy",
         ["UserControlled"], nil),
        ("Grant-CsTeamsEnhancedEncryptionPolicy -Identity nobody@x.com -PolicyName UserControlled", [], "[ClientError] : User \"nobody@x.com\" not found"),
        ("Grant-CsTeamsEnhancedEncryptionPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com", [], "missing mandatory parameters: PolicyName."),
        ("Grant-CsTeamsEnhancedEncryptionPolicy -Group sales@JayTheAmazing.onmicrosoft.com -PolicyName UserControlled -Rank 1\n(Get-CsUserPolicyAssignment -Identity Jay2@JayTheAmazing.onmicrosoft.com).PolicyName\n@(Get-CsUserPolicyAssignment -Identity Jay1@JayTheAmazing.onmicrosoft.com).Count",
         ["UserControlled", "0"], nil),
        ("New-CsGroupPolicyAssignment -GroupId Engineering -PolicyType TeamsEnhancedEncryptionPolicy -PolicyName Disabled\nNew-CsGroupPolicyAssignment -GroupId Sales -PolicyType TeamsEnhancedEncryptionPolicy -PolicyName UserControlled -Rank 1\n(Get-CsGroupPolicyAssignment -PolicyType TeamsEnhancedEncryptionPolicy).PolicyName -join ','\n(Get-CsUserPolicyAssignment -Identity Jay3@JayTheAmazing.onmicrosoft.com).PolicyName",
         ["UserControlled,Disabled", "UserControlled"], nil),
        ("(Get-CsOnlineUser -Filter \"DisplayName -like 'Jay*' -and UserPrincipalName -notlike '*4@*'\").DisplayName -join ','", ["Jay One,Jay Two,Jay Three"], nil),
        ("(Get-CsOnlineUser -ResultSize 2).Count", ["2"], nil),
        ("New-CsTeamsEnhancedEncryptionPolicy -Identity W -WhatIf; (Get-CsTeamsEnhancedEncryptionPolicy -Filter W).Count",
         ["What if: Performing the operation \"New-CsTeamsEnhancedEncryptionPolicy\" on target \"W\".", "0"], nil),
        ("Disconnect-MicrosoftTeams; Get-CsOnlineUser", [], "You must call the Connect-MicrosoftTeams cmdlet before calling any other"),
    ]

    func testPolicyCmdlets() {
        for (script, out, err) in rows {
            let r = TestSession.run(TeamsCmdletTests.preamble + script, world: TestSession.world(installing: ["7.7.0"]))
            XCTAssertEqual(TestSession.lines(r.out), out, script)
            let flat = r.err.replacingOccurrences(of: "\n     | ", with: " ")
            if let err { XCTAssertTrue(flat.contains(err), "\(script)\n\(r.err)") } else { XCTAssertEqual(r.err, "", script) }
        }
    }

    func testConnectChecksTheAccount() {
        let script = """
        try { Connect-MicrosoftTeams -AccountId Jay1@JayTheAmazing.onmicrosoft.com } catch { 'refused' }
        try { Connect-MicrosoftTeams -AccountId nobody@JayTheAmazing.onmicrosoft.com } catch { 'unknown' }
        (Connect-MicrosoftTeams -TenantId JayTheAmazing.onmicrosoft.com).TenantId
        try { Connect-MicrosoftTeams -TenantId nope.example } catch { 'no tenant' }
        """
        let r = TestSession.run(script, world: TestSession.world(installing: ["7.7.0"]))
        XCTAssertEqual(TestSession.lines(r.out), ["refused", "unknown", DefaultWorld.tenantId, "no tenant"], r.err)
    }

    func testResetAndExport() throws {
        let path = NSTemporaryDirectory() + "teamsh-export-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
        $null = Connect-MicrosoftTeams
        $null = New-CsTeamsEnhancedEncryptionPolicy -Identity Kept
        Export-TeamsSimTenant -Path '\(path)'
        Reset-TeamsSimTenant
        (Get-CsTeamsEnhancedEncryptionPolicy -Filter Kept).Count
        Import-TeamsSimTenant -Path '\(path)'
        (Get-CsTeamsEnhancedEncryptionPolicy -Filter Kept).Identity
        """
        let r = TestSession.run(script, world: TestSession.world(installing: ["7.7.0"]))
        XCTAssertEqual(TestSession.lines(r.out), ["0", "Tag:Kept"], r.err)
    }
}
