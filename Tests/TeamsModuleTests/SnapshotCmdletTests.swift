import XCTest
import TeamsTenant
@testable import TeamsModule

/// Reading Microsoft365DSC exports, Get-CsTenant, Compare-TeamsSimTenant and
/// Import-TeamsSimTenant -Microsoft365DSC.
final class SnapshotCmdletTests: XCTestCase {
    /// A resource as one line: `Type 'Name' @line: Prop=value, …`.
    private func summary(_ r: DscResource) -> String {
        func text(_ v: DscValue) -> String {
            switch v {
            case .string(let s): return "'\(s)'"
            case .bool(let b): return b ? "$true" : "$false"
            case .int(let n): return String(n)
            case .double(let d): return String(d)
            case .null: return "$null"
            case .list(let items): return "@(" + items.map(text).joined(separator: ",") + ")"
            case .instance(let type, let properties):
                return type + "{" + properties.map { "\($0.name)=\(text($0.value))" }.joined(separator: ";") + "}"
            case .unresolved(let s): return "?" + s
            }
        }
        return "\(r.type) '\(r.name)' @\(r.line): " + r.properties.map { "\($0.name)=\(text($0.value))@\($0.line)" }.joined(separator: ", ")
    }

    private func configuration(_ node: String) -> String {
        "Configuration C\n{\n    Import-DscResource -ModuleName Microsoft365DSC\n    Node localhost\n    {\n" + node + "\n    }\n}\n"
    }

    func testReaderValues() throws {
        let rows: [(String, [String])] = [
            ("TeamsMeetingPolicy 'Global' { Identity = 'Global'; AllowMeetNow = $False; MediaBitRateKb = 50000 }",
             ["TeamsMeetingPolicy 'Global' @6: Identity='Global'@6, AllowMeetNow=$false@6, MediaBitRateKb=50000@6"]),
            ("X \"n\"\n{\n  A = @(\"a\",\"b\");\n  B = @()\n  C = \"x`\"y\"; D = -5; E = $null\n}",
             ["X 'n' @6: A=@('a','b')@8, B=@()@9, C='x\"y'@10, D=-5@10, E=$null@10"]),
            ("X n { A = 'a', 'b' ; B = @(@('c'), 'd'); C = @(@('e')) }", ["X 'n' @6: A=@('a','b')@6, B=@(@('c'),'d')@6, C=@('e')@6"]),
            ("X n {\n Credential = $Credscredential; ApplicationId = $ConfigurationData.NonNodeData.ApplicationId\n T = \"a@$OrganizationName\"; U = \"plain\"\n}",
             ["X 'n' @6: Credential=?$Credscredential@7, ApplicationId=?$ConfigurationData@7, T=?\"a@$OrganizationName\"@8, U='plain'@8"]),
            ("X n { R = @(\n  MSFT_Rule{\n    Pattern = '^1$'\n    Priority = 0\n  }\n  MSFT_Rule\n  {\n    Pattern = '^2$'\n  }\n) }",
             ["X 'n' @6: R=@(MSFT_Rule{Pattern='^1$';Priority=0},MSFT_Rule{Pattern='^2$'})@6"]),
            ("# a comment\n<# a block #>\nX n { A = @'\nhere\n'@ }", ["X 'n' @8: A='here'@8"]),
        ]
        for (node, expected) in rows {
            let resources = try Microsoft365DSCReader.read(configuration(node), path: "e.ps1")
            XCTAssertEqual(resources.map(summary), expected, node)
        }
    }

    func testReaderSkipsWhatIsNotANodeAndReadsCRLF() throws {
        let text = "param([PSCredential]$Credential)\r\nConfiguration M365TenantConfig\r\n{\r\n    param ($Credential)\r\n"
            + "    if ($null -eq $Credential) { <# Credentials #> }\r\n    else\r\n    {\r\n        $CredsCredential = $Credential\r\n    }\r\n"
            + "    $OrganizationName = $CredsCredential.UserName.Split('@')[1]\r\n    Node localhost\r\n    {\r\n"
            + "        TeamsFeedbackPolicy \"TeamsFeedbackPolicy-Global\"\r\n        {\r\n            Identity = \"Global\";\r\n        }\r\n"
            + "    }\r\n}\r\nM365TenantConfig -ConfigurationData .\\ConfigurationData.psd1 -Credential $Credential\r\n"
        XCTAssertEqual(try Microsoft365DSCReader.read(text, path: "e.ps1").map(summary),
                       ["TeamsFeedbackPolicy 'TeamsFeedbackPolicy-Global' @13: Identity='Global'@15"])
    }

    /// Bad input: the file and the line, and what is wrong.
    func testReaderErrors() {
        let rows: [(String, String)] = [
            ("$x = 1\n", "e.ps1: not a Microsoft365DSC export: it has no 'Configuration Name { Node … { … } }' block"),
            ("Configuration C {\n Node localhost {\n  X n {\n   A = 1\n", "e.ps1:3: the X block is not closed with '}'"),
            ("Configuration C { Node localhost {\n  X n {\n   A 1\n  }\n} }", "e.ps1:3: '=' expected after 'A' in the X block"),
            ("Configuration C { Node localhost {\n  X n {\n   A = \n  }\n} }", "e.ps1:4: a value is expected after 'A =', found '}'"),
            ("Configuration C { Node localhost {\n  X n {\n   A = 'x' 'y'\n  }\n} }", "e.ps1:3: unexpected ''y'' after the value of A"),
            ("Configuration C { Node localhost {\n  'X' n { }\n} }", "e.ps1:2: a resource block (Type 'Name' { … }) is expected, found ''X''"),
            ("Configuration C { Node localhost {\n  X n {\n   A = 'open\n  }\n} }", "e.ps1:3: The string is missing the terminator: '."),
        ]
        for (text, expected) in rows {
            XCTAssertThrowsError(try Microsoft365DSCReader.read(text, path: "e.ps1"), text) { error in
                XCTAssertEqual("\(error)", expected, text)
            }
        }
    }

    func testCmdlets() {
        let rows: [(String, [String], String?)] = [
            ("$null = Connect-MicrosoftTeams; $t = Get-CsTenant; $t.TenantId; $t.DisplayName; ($t.VerifiedDomains.Name -join ','); $t.VerifiedDomains[0].Status",
             [DefaultWorld.tenantId, "JayTheAmazing", "JayTheAmazing.onmicrosoft.com,contoso.com", "Enabled"], nil),
            ("Get-CsTenant", [], "You must call the Connect-MicrosoftTeams cmdlet before calling any other"),
            ("Export-TeamsSimTenant ./a.json; @(Compare-TeamsSimTenant ./a.json).Count", ["0"], nil),
            ("Export-TeamsSimTenant ./a.json; $null = Connect-MicrosoftTeams; Grant-CsTeamsMeetingPolicy -Identity Jay1@JayTheAmazing.onmicrosoft.com -PolicyName Kiosk; $c = Compare-TeamsSimTenant ./a.json; $c.Action; $c.Kind; $c.Subject.policyType; $c.Details.New; \"$c\"",
             ["Add", "userAssignment", "TeamsMeetingPolicy", "Kiosk", "+ TeamsMeetingPolicy for user Jay1@JayTheAmazing.onmicrosoft.com: 'Kiosk'"], nil),
            ("Set-Content ./bad.json '{ \"schemaVersion\": 1, \"tenant\": 3 }'; Compare-TeamsSimTenant ./bad.json", [], "bad.json"),
            ("Set-Content ./e.ps1 'Configuration C { Node localhost { TeamsMeetingPolicy s { Identity = \"Global\"; AllowMeetNow = \"maybe\" } } }'; Import-TeamsSimTenant -Microsoft365DSC ./e.ps1; (Get-TeamsSimCall).Count",
             ["0"], "e.ps1:1: TeamsMeetingPolicy 's': "),
        ]
        let folder = NSTemporaryDirectory() + "teamsh-snapshot-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (script, out, err) in rows {
            let r = TestSession.run("Set-Location '\(folder)'\n" + script)
            XCTAssertEqual(TestSession.lines(r.out), out, script + "\n" + r.err)
            let flat = r.err.replacingOccurrences(of: "\n     | ", with: " ")
            if let err { XCTAssertTrue(flat.contains(err), "\(script)\n\(r.err)") } else { XCTAssertEqual(r.err, "", script) }
        }
    }
}
