import XCTest
@testable import TeamsTenant

/// World files from snapshots of real tenants (tools/Export-TeamsWorld.ps1): what they leave out
/// is filled in, what teamsh does not simulate is left out with a warning.
final class SnapshotTests: XCTestCase {
    func testASnapshotLoadsWithWarningsForWhatIsNotSimulated() throws {
        let json = """
        {
          "schemaVersion": 1,
          "installedModules": [
            { "name": "MicrosoftTeams", "version": "7.7.0", "repository": "PSGallery", "installedDate": "2026-01-30T10:00:00Z" },
            { "name": "Microsoft.Graph.Authentication", "version": "2.25.0", "repository": "PSGallery" }
          ],
          "tenant": {
            "initialDomain": "contoso.onmicrosoft.com",
            "users": [
              { "userPrincipalName": "ann@contoso.onmicrosoft.com",
                "policies": { "TeamsMeetingPolicy": "Tag:Sales", "TeamsUpgradePolicy": "UpgradeToTeams" } }
            ],
            "policies": {
              "TeamsMeetingPolicy": [
                { "identity": "Global", "values": { "AllowMeetNow": false, "AllowBrandNewThing": true } },
                { "identity": "Tag:Sales", "values": { "AllowMeetNow": true } }
              ],
              "TeamsAppSetupPolicy": [
                { "identity": "Global", "values": { "PinnedAppBarApps": [ { "Id": "a", "Order": 1, "Extra": "x" } ] } }
              ],
              "TeamsUpgradePolicy": [ { "identity": "Global", "values": { "Mode": "TeamsOnly" } } ],
              "CallingLineIdentity": []
            },
            "groupAssignments": { "TeamsCallParkPolicy": [ { "groupId": "x", "policyName": "y" } ] }
          }
        }
        """
        let world = try WorldStore.decode(Data(json.utf8), path: "snapshot.json")
        XCTAssertEqual(world.loadWarnings, [
            "3 policy types teamsh does not simulate were left out: CallingLineIdentity, TeamsCallParkPolicy, TeamsUpgradePolicy",
            "1 setting teamsh does not simulate was left out: TeamsMeetingPolicy.AllowBrandNewThing",
            "1 object-list field teamsh does not simulate was left out: TeamsAppSetupPolicy.PinnedAppBarApps.Extra",
        ])
        let tenant = world.tenant
        XCTAssertEqual(try tenant.policy(ofType: "TeamsMeetingPolicy", identity: "Global").value("AllowMeetNow"), .bool(false))
        XCTAssertEqual(try tenant.directPolicyName(ofType: "TeamsMeetingPolicy", forUser: "ann@contoso.onmicrosoft.com"), "Sales")
        XCTAssertEqual(tenant.findUser("ann")?.policies.keys.sorted(), ["TeamsMeetingPolicy"])
        XCTAssertEqual(try tenant.policy(ofType: "TeamsAppSetupPolicy", identity: "Global").value("PinnedAppBarApps"),
                       .list([.record(["Id": "a", "Order": 1])]))
        // Installed modules: filled from the gallery and the machine; pwsh's own modules added.
        let teams = try XCTUnwrap(world.installedModule("MicrosoftTeams", version: ModuleVersion([7, 7, 0])))
        XCTAssertEqual(teams.installedLocation, "/root/.local/share/powershell/Modules/MicrosoftTeams/7.7.0")
        XCTAssertTrue(teams.installedWithInstallModule)
        XCTAssertEqual(teams.guid, MicrosoftTeamsReleases.moduleGuid)
        XCTAssertTrue(teams.exports("Get-CsTeamsEnhancedEncryptionPolicy"))
        XCTAssertEqual(teams.installedDate, SimulatedDates.parse("2026-01-30T10:00:00Z"))
        let graph = try XCTUnwrap(world.installedVersions(of: "Microsoft.Graph.Authentication").first)
        XCTAssertEqual(graph.moduleType, "Script")
        XCTAssertEqual(graph.exportedCommands, [])
        XCTAssertTrue(world.installedModules.contains { $0.name == "PowerShellGet" && $0.scope == .psHome })
    }

    func testAFileWithOnlyKnownContentHasNoWarnings() throws {
        XCTAssertEqual(try WorldStore.decode(try WorldStore.encode(World.defaultWorld()), path: "x.json").loadWarnings, [])
        XCTAssertEqual(World.defaultWorld().loadWarnings, [])
    }

    func testBadValuesAreStillRefused() {
        let json = """
        { "schemaVersion": 1, "tenant": { "initialDomain": "x.com", "policies": {
          "TeamsMeetingPolicy": [ { "identity": "Global", "values": { "AllowMeetNow": "sometimes" } } ] } } }
        """
        XCTAssertThrowsError(try WorldStore.decode(Data(json.utf8), path: "bad.json")) { error in
            XCTAssertTrue("\(error)".contains("bad.json"), "\(error)")
            XCTAssertTrue("\(error)".contains("sometimes"), "\(error)")
        }
    }
}
