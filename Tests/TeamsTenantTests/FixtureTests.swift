import XCTest
@testable import TeamsTenant

/// The tenant fixtures under `samples/tenants`: generated from code, so they stay in step with the
/// model. `UPDATE_FIXTURES=1 swift test --filter FixtureTests` rewrites them; otherwise the test
/// fails when a file differs from what the code generates.
final class FixtureTests: XCTestCase {
    /// `samples/tenants` of the repository this test file is in (symlinks resolved).
    private var fixtureDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/tenants")
    }

    /// The default world whose gallery holds only the versions the psget oracle's offline gallery had.
    static func psgetOracleWorld() -> World {
        let world = World.defaultWorld()
        world.gallery = world.gallery.restricting(
            MicrosoftTeamsReleases.moduleName,
            to: ["2.3.1", "2.6.0", "7.5.1-preview", "7.7.0"].compactMap(ModuleVersion.init))
        return world
    }

    /// The default world with MicrosoftTeams 7.7.0 installed beside 2.3.1 (the modules oracle).
    static func twoTeamsModulesWorld() throws -> World {
        let world = World.defaultWorld()
        try world.install(MicrosoftTeamsReleases.moduleName, version: ModuleVersion([7, 7, 0]))
        return world
    }

    private func check(_ name: String, _ world: World) throws {
        let url = fixtureDirectory.appendingPathComponent(name)
        let expected = try WorldStore.encode(world)
        if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
            try FileManager.default.createDirectory(at: fixtureDirectory, withIntermediateDirectories: true)
            try WorldStore.write(world, to: url.path)
        }
        let actual = try Data(contentsOf: url)
        XCTAssertEqual(actual, expected, "\(name) differs from the generated world; rerun with UPDATE_FIXTURES=1")
    }

    func testPsgetOracleFixture() throws {
        try check("psget-oracle.json", FixtureTests.psgetOracleWorld())
        let world = try WorldStore.read(from: fixtureDirectory.appendingPathComponent("psget-oracle.json").path)
        XCTAssertEqual(world.gallery.module(named: "MicrosoftTeams")?.versions.map(\.version.description),
                       ["2.3.1", "2.6.0", "7.5.1-preview", "7.7.0"])
    }

    func testTwoTeamsModulesFixture() throws {
        try check("two-teams-modules.json", try FixtureTests.twoTeamsModulesWorld())
        let world = try WorldStore.read(from: fixtureDirectory.appendingPathComponent("two-teams-modules.json").path)
        XCTAssertEqual(world.installedVersions(of: "MicrosoftTeams").map(\.version.description), ["7.7.0", "2.3.1"])
    }

    /// The hand-written example must load and mean what its README says.
    func testExampleTenantLoads() throws {
        let world = try WorldStore.read(from: fixtureDirectory.appendingPathComponent("example-small.json").path)
        let tenant = world.tenant
        XCTAssertEqual(tenant.users.count, 4)
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: "alex@fabrikam.onmicrosoft.com").source,
                       .direct(policyName: "PilotE2EE"))
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: "Blair Lee").instance.identity.description,
                       "Tag:PilotE2EE")
        XCTAssertEqual(try tenant.effectivePolicy(ofType: eePolicy, forUser: "casey").source, .global)
        XCTAssertEqual(try tenant.clientSetting(forUser: "alex").endToEndEncryptedCalls, true)
        XCTAssertEqual(try tenant.clientSetting(forUser: "casey").available, false)
        XCTAssertEqual(try tenant.clientSetting(forUser: "dana").available, true)
    }
}
