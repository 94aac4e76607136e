import XCTest
import TeamsTenant
@testable import TeamsModule

/// Version ordering, module resolution and autoloading (spec §2), table-driven.
final class ModuleResolutionTests: XCTestCase {
    func testVersionOrdering() {
        // (lower, higher): prereleases sort below their release; System.Version's missing parts count as -1.
        let rows: [(String, String)] = [
            ("2.3.1", "2.6.0"), ("2.5.2-preview", "2.6.0"), ("7.5.1-preview", "7.5.1"), ("7.5.1-preview", "7.7.0"),
            ("7.0", "7.0.0"), ("1.1.10-preview", "1.1.11-preview"), ("6.9.0", "6.10.0"), ("2.6.0", "10.0.0"),
            ("1.0.0-alpha", "1.0.0-alpha.1"), ("1.0.0-alpha.1", "1.0.0-beta"), ("1.0.0-beta.2", "1.0.0-beta.11"),
        ]
        for (lower, higher) in rows {
            guard let a = ModuleVersion(lower), let b = ModuleVersion(higher) else { return XCTFail("\(lower) or \(higher) does not parse") }
            XCTAssertLessThan(a, b, "\(lower) < \(higher)")
            XCTAssertGreaterThan(b, a)
        }
        XCTAssertEqual(ModuleVersion("7.5.1-PREVIEW"), ModuleVersion("7.5.1-preview"))
        for bad in ["7", "1.2.3.4.5", "a.b", "1.-2", "", "1.0-"] { XCTAssertNil(ModuleVersion(bad), bad) }
    }

    func testEnhancedEncryptionCmdletsExistFromTheirFirstVersion() {
        // (version, has Get-CsTeamsEnhancedEncryptionPolicy)
        let rows: [(String, Bool)] = [("2.3.1", false), ("2.5.1", false), ("2.5.2-preview", true), ("2.6.0", true), ("7.7.0", true)]
        for (v, has) in rows {
            guard let version = ModuleVersion(v) else { return XCTFail(v) }
            let commands = MicrosoftTeamsCommands.registrations(for: version).map(\.declaration.name)
            XCTAssertEqual(commands.contains("Get-CsTeamsEnhancedEncryptionPolicy"), has, v)
            XCTAssertEqual(commands, commands.sorted { $0.lowercased() < $1.lowercased() }, "alphabetical exports of \(v)")
        }
    }

    func testDeclarationsFollowTheVersionsSignatures() throws {
        let old = try XCTUnwrap(MicrosoftTeamsCommands.registration(named: "Get-CsTeamsEnhancedEncryptionPolicy", version: XCTUnwrap(ModuleVersion("2.6.0"))))
        let new = try XCTUnwrap(MicrosoftTeamsCommands.registration(named: "Get-CsTeamsEnhancedEncryptionPolicy", version: XCTUnwrap(ModuleVersion("7.7.0"))))
        XCTAssertTrue(old.declaration.parameters.contains { $0.name == "LocalStore" })
        XCTAssertEqual(new.declaration.parameterSetNames, ["Identity", "Filter"])
        XCTAssertEqual(new.declaration.commandType, "Function")
        XCTAssertEqual(new.declaration.moduleName, "MicrosoftTeams")
        XCTAssertEqual(new.declaration.version, "7.7.0")
        let newPolicy = try XCTUnwrap(MicrosoftTeamsCommands.registration(named: "New-CsTeamsEnhancedEncryptionPolicy", version: XCTUnwrap(ModuleVersion("7.7.0"))))
        let calling = try XCTUnwrap(newPolicy.declaration.parameters.first { $0.name == "CallingEndtoEndEncryptionEnabledType" })
        XCTAssertEqual(calling.validValues, ["Disabled", "DisabledUserOverride"])
    }

    /// (installed versions beside the default 2.3.1, script, expected output lines, expected error fragment)
    let resolutionRows: [(installed: [String], script: String, out: [String], err: String?)] = [
        ([], "Get-CsTeamsEnhancedEncryptionPolicy", [], "is not recognized"),
        (["7.7.0"], "try { $null = Get-CsTeamsEnhancedEncryptionPolicy } catch {}; (Get-Module MicrosoftTeams).Version.ToString()", ["7.7.0"], nil),
        (["2.6.0", "7.7.0"], "$null = Connect-MicrosoftTeams; (Get-Module MicrosoftTeams).Version.ToString()", ["7.7.0"], nil),
        (["7.7.0"], "try { $null = MicrosoftTeams\\Get-CsOnlineUser -Identity x } catch {}; (Get-Module MicrosoftTeams).Version.ToString()", ["7.7.0"], nil),
        (["7.7.0"], "Import-Module MicrosoftTeams -RequiredVersion 2.3.1; Get-CsTeamsEnhancedEncryptionPolicy; 'after'", ["after"],
         "but the module could not be loaded due to the following error: [Assembly with same name is already loaded]"),
        (["7.7.0"], "Import-Module MicrosoftTeams -RequiredVersion 2.3.1; Remove-Module MicrosoftTeams; Import-Module MicrosoftTeams -RequiredVersion 7.7.0; 'x'",
         ["x"], "Assembly with same name is already loaded"),
        (["7.7.0"], "Import-Module MicrosoftTeams; Import-Module MicrosoftTeams -RequiredVersion 7.7.0; (Get-Module MicrosoftTeams).Count", ["1"], nil),
        ([], "Import-Module MicrosoftTeams -MinimumVersion 2.6; 'x'", ["x"], "with version '2.6' was not loaded"),
        (["7.7.0"], "(Import-Module MicrosoftTeams -MaximumVersion 3.0 -PassThru).Version.ToString()", ["2.3.1"], nil),
        ([], "Remove-Module MicrosoftTeams; 'x'", ["x"], "No modules were removed"),
    ]

    func testResolutionAndAutoload() {
        for row in resolutionRows {
            let r = TestSession.run(row.script, world: TestSession.world(installing: row.installed))
            XCTAssertEqual(TestSession.lines(r.out), row.out, row.script)
            if let fragment = row.err {
                XCTAssertTrue(r.err.replacingOccurrences(of: "\n     | ", with: " ").contains(fragment), "\(row.script)\n\(r.err)")
            } else {
                XCTAssertEqual(r.err, "", row.script)
            }
        }
    }

    func testRequires() {
        let rows: [(String, [String], String?)] = [
            ("#Requires -Version 7.2\n'ok'", ["ok"], nil),
            ("#Requires -Version 8.0\n'never'", [], "for PowerShell 8.0"),
            ("#Requires -PSEdition Core\n'ok'", ["ok"], nil),
            ("#Requires -PSEdition Desktop\n'never'", [], "PowerShell editions 'Desktop'"),
            ("#Requires -RunAsAdministrator\n'ok'", ["ok"], nil),
            ("#Requires -Modules MicrosoftTeams\n(Get-Module MicrosoftTeams).Version.ToString()", ["2.3.1"], nil),
            ("#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '2.6.0' }\n'never'", [],
             "The module 'MicrosoftTeams' cannot be found with ModuleVersion '2.6.0'.."),
            ("#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; RequiredVersion = '2.3.1' }\n'ok'", ["ok"], nil),
            ("#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; MaximumVersion = '2.0' }\n'never'", [], "with MaximumVersion '2.0'."),
            ("#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '1.0'; GUID = 'd910df43-3ca6-4c9c-a2e3-e9f45a8e2ad9' }\n'ok'", ["ok"], nil),
            ("#Requires -Modules NoSuchModule, MicrosoftTeams\n'never'", [], "The module 'NoSuchModule' cannot be found.."),
        ]
        for (script, out, err) in rows {
            let r = TestSession.run(script)
            XCTAssertEqual(TestSession.lines(r.out), out, script)
            if let err { XCTAssertTrue(r.err.contains(err), "\(script)\n\(r.err)") } else { XCTAssertEqual(r.err, "", script) }
        }
    }

    func testUpdatePersistsThroughTheWorldFile() throws {
        let path = NSTemporaryDirectory() + "teamsh-modules-\(getpid()).json"
        let store = WorldStore(path: path)
        defer {
            try? store.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        let first = TestSession.run("Update-Module MicrosoftTeams", world: try store.loadOrCreate(), store: store)
        XCTAssertEqual(first.err, "")
        let second = TestSession.run("(Get-InstalledModule MicrosoftTeams -AllVersions).Version -join ','", world: try store.loadOrCreate(), store: store)
        XCTAssertEqual(TestSession.lines(second.out), ["7.7.0,2.3.1"])
    }
}
