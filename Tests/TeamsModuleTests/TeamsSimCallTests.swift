import Foundation
import XCTest
import TeamsTenant
@testable import TeamsModule

/// The TeamsSim client and call cmdlets (spec §4) through the shell: no Connect and no
/// MicrosoftTeams version needed.
final class TeamsSimCallTests: XCTestCase {
    static let jay1 = "Jay1@JayTheAmazing.onmicrosoft.com", jay2 = "Jay2@JayTheAmazing.onmicrosoft.com"

    /// The default world with Global allowing the setting (what the walkthrough's admin does).
    static func allowingWorld() -> World {
        let world = World.defaultWorld()
        try? world.tenant.setPolicy(ofType: "TeamsEnhancedEncryptionPolicy",
                                    settings: ["CallingEndtoEndEncryptionEnabledType": .string("DisabledUserOverride")])
        return world
    }

    static let bothOn = """
    Set-TeamsSimClientSetting -User \(jay1) -EndToEndEncryptedCalls $true
    Set-TeamsSimClientSetting -User 'Jay Two' -EndToEndEncryptedCalls $true

    """

    /// (script, expected output lines, expected error fragment); run on `allowingWorld()`.
    let rows: [(String, [String], String?)] = [
        // Client settings.
        ("(Get-TeamsSimClientSetting).Count", ["5"], nil),
        ("$s = Get-TeamsSimClientSetting jay1; \"$($s.User) $($s.EndToEndEncryptedCalls) $($s.Available)\"",
         ["\(jay1) False True"], nil),
        ("Set-TeamsSimClientSetting -User jay1 -EndToEndEncryptedCalls $true -PassThru | ForEach-Object EndToEndEncryptedCalls", ["True"], nil),
        ("Get-TeamsSimClientSetting nobody", [], "[ClientError] : User \"nobody\" not found"),
        // By property name from piped user objects (Get-CsOnlineUser's have UserPrincipalName).
        ("([pscustomobject]@{ UserPrincipalName = 'jay2' }, [pscustomobject]@{ UserPrincipalName = 'jay3' } | Get-TeamsSimClientSetting).User -join ','",
         ["\(jay2),Jay3@JayTheAmazing.onmicrosoft.com"], nil),
        ("Set-TeamsSimClientSetting -User jay1 -EndToEndEncryptedCalls maybe", [],
         "Boolean parameters accept only Boolean values and numbers"),
        ("Set-TeamsSimClientSetting -User jay1 -EndToEndEncryptedCalls $true -WhatIf; (Get-TeamsSimClientSetting jay1).EndToEndEncryptedCalls",
         ["What if: Performing the operation \"Set-TeamsSimClientSetting\" on target \"jay1\".", "False"], nil),
        // The call: E2EE with equal codes.
        (bothOn + "$c = Start-TeamsSimCall \(jay1) \(jay2); $c.EndToEndEncrypted; $c.Indicator; $c.CallerSecurityCode -eq $c.CalleeSecurityCode; $c.SecurityCode",
         ["True", "Shield with lock", "True", "53580 11410 57744 41805"], nil),
        (bothOn + "$c = Start-TeamsSimCall \(jay1) \(jay2) -Intercepted; $c.EndToEndEncrypted; $c.CallerSecurityCode -eq $c.CalleeSecurityCode",
         ["True", "False"], nil),
        (bothOn + "$c = Start-TeamsSimCall \(jay1) \(jay2) -CalleeClient Web; $c.EndToEndEncrypted; $c.Indicator; \"[$($c.SecurityCode)]\"; $c.Reason",
         ["False", "Shield", "[]", "\(jay2) is on Teams on the web, which does not support end-to-end encrypted calls."], nil),
        (bothOn + "(Start-TeamsSimCall \(jay1) \(jay2) -CallerClient Mobile -CalleeClient rooms).EndToEndEncrypted", ["True"], nil),
        ("Set-TeamsSimClientSetting -User jay1 -EndToEndEncryptedCalls $true; (Start-TeamsSimCall jay1 jay2).Reason",
         ["\(jay2) has 'End-to-end encrypted calls' turned off."], nil),
        ("Start-TeamsSimCall jay1 'Jay One'", [], "cannot call themselves"),
        ("Start-TeamsSimCall jay1 jay2 -CallerClient Fax", [], "does not belong to the set \"Desktop,Mobile,Web,Rooms\""),
        ("Start-TeamsSimCall jay1 jay2 -WhatIf; @(Get-TeamsSimCall).Count",
         ["What if: Performing the operation \"Start-TeamsSimCall\" on target \"jay1 -> jay2\".", "0"], nil),
        // Features, stop, get.
        (bothOn + "$c = Start-TeamsSimCall jay1 jay2; Invoke-TeamsSimCallFeature -Call $c -Feature recording", [],
         "Recording isn't available in end-to-end encrypted calls."),
        (bothOn + "$c = Start-TeamsSimCall jay1 jay2; $c | Invoke-TeamsSimCallFeature -Feature Transfer", [],
         "Transfer isn't available in end-to-end encrypted calls."),
        ("$c = Start-TeamsSimCall jay1 jay2; (Invoke-TeamsSimCallFeature $c.CallId Recording -PassThru).FeaturesUsed", ["Recording"], nil),
        ("$c = Start-TeamsSimCall jay1 jay2; Invoke-TeamsSimCallFeature $c Park -WhatIf; (Get-TeamsSimCall $c.CallId).FeaturesUsed.Count",
         ["What if: Performing the operation \"Invoke-TeamsSimCallFeature\" on target \"12b7cad7-3d52-400b-9260-684f530ea350\".", "0"], nil),
        ("$c = Start-TeamsSimCall jay1 jay2; $c | Stop-TeamsSimCall; (Get-TeamsSimCall $c.CallId).State; $c | Stop-TeamsSimCall", ["Ended"],
         "has already ended."),
        ("Get-TeamsSimCall nope", [], "No call with id 'nope' was found."),
        ("Stop-TeamsSimCall -Call nope", [], "No call with id 'nope' was found."),
    ]

    func testCmdletTable() {
        for (script, out, err) in rows {
            let r = TestSession.run(script, world: TeamsSimCallTests.allowingWorld())
            XCTAssertEqual(TestSession.lines(r.out), out, script + "\n" + r.err)
            let flat = r.err.replacingOccurrences(of: "\n     | ", with: " ")
            if let err { XCTAssertTrue(flat.contains(err), "\(script)\n\(r.err)") } else { XCTAssertEqual(r.err, "", script) }
        }
    }

    /// A user whose effective policy does not allow the setting cannot switch it on, and the error
    /// names the policy.
    func testForbiddenByPolicy() {
        let r = TestSession.run("Set-TeamsSimClientSetting -User KenMyer@contoso.com -EndToEndEncryptedCalls $true")
        XCTAssertTrue(r.err.replacingOccurrences(of: "\n     | ", with: " ").contains(
            "The setting 'End-to-end encrypted calls' is not available to KenMyer@contoso.com: their enhanced encryption policy (Global) does not let users turn it on."),
            r.err)
    }

    /// The call's list view shows what the client shows, in spec §4's order.
    func testCallListView() {
        let r = TestSession.run(TeamsSimCallTests.bothOn + "Start-TeamsSimCall jay1 jay2", world: TeamsSimCallTests.allowingWorld())
        let labels = TestSession.lines(r.out).compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(labels, ["CallId", "Caller", "Callee", "EndToEndEncrypted", "Indicator", "SecurityCode", "CallerSecurityCode",
                                "CalleeSecurityCode", "Reason", "UnavailableFeatures"], r.out)
        XCTAssertTrue(r.out.contains("UnavailableFeatures : {Recording, LiveCaptions, Transcription, Transfer…}"), r.out)
    }

    /// Client settings and calls persist in the world file; the next session continues the
    /// generator, so codes do not repeat.
    func testPersistsWithTenantFile() throws {
        let path = NSTemporaryDirectory() + "teamsh-calls-\(getpid()).json"
        let store = WorldStore(path: path)
        defer {
            try? store.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        try store.save(TeamsSimCallTests.allowingWorld())
        let first = TestSession.run(TeamsSimCallTests.bothOn + "(Start-TeamsSimCall jay1 jay2).SecurityCode", world: try store.loadOrCreate(), store: store)
        XCTAssertEqual(TestSession.lines(first.out), ["53580 11410 57744 41805"], first.err)
        let second = TestSession.run("""
        (Get-TeamsSimClientSetting jay2).EndToEndEncryptedCalls
        (Get-TeamsSimCall).SecurityCode
        Get-TeamsSimCall | Stop-TeamsSimCall
        (Start-TeamsSimCall jay2 jay1).SecurityCode -eq '53580 11410 57744 41805'
        """, world: try store.loadOrCreate(), store: store)
        XCTAssertEqual(TestSession.lines(second.out), ["True", "53580 11410 57744 41805", "False"], second.err)
        let third = try store.loadOrCreate()
        XCTAssertEqual(third.tenant.calls.map(\.state), [.ended, .active])
    }

    /// Every TeamsSim cmdlet has help: a synopsis, syntax, described parameters and an example.
    func testHelp() {
        for name in ["Get-TeamsSimClientSetting", "Set-TeamsSimClientSetting", "Start-TeamsSimCall", "Get-TeamsSimCall",
                     "Stop-TeamsSimCall", "Invoke-TeamsSimCallFeature", "Export-TeamsSimTenant", "Import-TeamsSimTenant",
                     "Reset-TeamsSimTenant"] {
            // The examples view goes through its own Out-Host: after a topic, Out-Default keeps the
            // topic's view. -WhatIf and -Confirm are pwsh's own parameters, without description.
            let r = TestSession.run("Get-Help \(name); Get-Help \(name) -Examples | Out-Host; Get-Help \(name) -Parameter * | Where-Object name -NotIn WhatIf, Confirm | ForEach-Object { $_.name + ': ' + $_.description.Text }")
            XCTAssertEqual(r.err, "", name)
            for part in ["SYNOPSIS", "SYNTAX\n    \(name) ", "EXAMPLE 1", "PS > "] {
                XCTAssertTrue(r.out.contains(part), "\(name): \(part)\n\(r.out)")
            }
            for line in TestSession.lines(r.out) where line.hasSuffix(": ") {
                XCTFail("\(name): parameter without description: \(line)")
            }
        }
    }
}
