import Foundation
import XCTest
@testable import TeamsTenant

/// A MicrosoftTeams release's exported commands are worked out from the release table when they
/// are first read; they must be the list the release table gives, sorted as a list given to the
/// initializers is, whether read, compared, saved or refreshed for another catalog.
final class ModuleExportsTests: XCTestCase {
    func testReleaseListsAreTheTablesSorted() throws {
        let world = World.defaultWorld()
        let teams = try XCTUnwrap(world.gallery.module(named: MicrosoftTeamsReleases.moduleName))
        XCTAssertEqual(teams.versions.count, MicrosoftTeamsReleases.publishedDays.count)
        for entry in teams.versions {
            let table = MicrosoftTeamsReleases.exportedCommands(for: entry.version)
            let eager = GalleryModuleVersion(version: entry.version, publishedDate: entry.publishedDate, exportedCommands: table.reversed())
            XCTAssertEqual(entry.exportedCommands, table, "\(entry.version)")
            XCTAssertEqual(entry.exportedCommands, eager.exportedCommands, "\(entry.version)")
            XCTAssertEqual(entry, eager, "\(entry.version)")
            XCTAssertEqual(eager, entry, "\(entry.version)")
        }
        let installed = try XCTUnwrap(world.installedVersions(of: MicrosoftTeamsReleases.moduleName).first)
        XCTAssertEqual(installed.exportedCommands, MicrosoftTeamsReleases.exportedCommands(for: DefaultWorld.installedTeamsVersion))
        XCTAssertTrue(installed.exports("get-csteamsmeetingpolicy"))
        XCTAssertFalse(installed.exports("Get-NoSuchCommand"))
    }

    func testDifferentListsDiffer() throws {
        let world = World.defaultWorld()
        let teams = try XCTUnwrap(world.gallery.module(named: MicrosoftTeamsReleases.moduleName))
        let first = try XCTUnwrap(teams.versions.first), last = try XCTUnwrap(teams.versions.last)
        var changed = last
        changed.exportedCommands = Array(last.exportedCommands.dropFirst())
        XCTAssertNotEqual(changed, last)
        XCTAssertEqual(changed.exportedCommands, Array(last.exportedCommands.dropFirst()))
        var moved = first
        moved.version = last.version
        XCTAssertNotEqual(moved, first)
        XCTAssertNotEqual(first.exportedCommands, last.exportedCommands)
        // An empty list stays empty; a given list keeps its order when set.
        changed.exportedCommands = []
        XCTAssertEqual(changed.exportedCommands, [])
        changed.exportedCommands = ["b", "A"]
        XCTAssertEqual(changed.exportedCommands, ["b", "A"])
    }

    func testSavedListsReadBackEqual() throws {
        let world = World.defaultWorld()
        let data = try JSONEncoder().encode(world)
        let read = try JSONDecoder().decode(World.self, from: data)
        XCTAssertEqual(read.gallery, world.gallery)
        XCTAssertEqual(read.installedModules, world.installedModules)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let gallery = try XCTUnwrap(object["gallery"] as? [String: Any])
        let modules = try XCTUnwrap(gallery["modules"] as? [[String: Any]])
        let versions = try XCTUnwrap(modules.first?["versions"] as? [[String: Any]])
        let last = try XCTUnwrap(versions.last)
        XCTAssertEqual(Set(last.keys), ["version", "publishedDate", "exportedCommands"])
        XCTAssertEqual(last["exportedCommands"] as? [String], world.gallery.modules.first?.versions.last?.exportedCommands)
    }

    func testRefreshTakesTheTenantsCatalog() throws {
        let world = World.defaultWorld()
        let catalog = PolicyCatalog(Array(PolicyCatalog.standard.descriptors.prefix(3)))
        world.tenant = Tenant(tenantId: "t", displayName: "T", initialDomain: "t.onmicrosoft.com", verifiedDomains: ["t.onmicrosoft.com"],
                              adminAccount: "admin@t.onmicrosoft.com", adminObjectId: "a", catalog: catalog)
        world.refreshMicrosoftTeamsExports()
        let teams = try XCTUnwrap(world.gallery.module(named: MicrosoftTeamsReleases.moduleName))
        for entry in teams.versions {
            XCTAssertEqual(entry.exportedCommands, MicrosoftTeamsReleases.exportedCommands(for: entry.version, catalog: catalog))
        }
        let installed = try XCTUnwrap(world.installedVersions(of: MicrosoftTeamsReleases.moduleName).first)
        XCTAssertEqual(installed.exportedCommands, MicrosoftTeamsReleases.exportedCommands(for: installed.version, catalog: catalog))
        XCTAssertNotEqual(world.gallery, World.defaultWorld().gallery)
    }
}
