import Foundation
import XCTest

/// Where the evidence beside the repository is: the `shared` folder that holds what real pwsh
/// 7.6.9 printed (`oracle/`) and what it declares about itself (`reference/`). It is found from
/// the package root, never by an absolute path: `TEAMSH_SHARED` names it; else `../shared`
/// (a checkout next to it, as CI has) or `../../shared` (a git worktree one level deeper).
/// Tests that need it say so when it is missing (they are skipped with the reason) instead of
/// passing quietly.
public enum SharedEvidence {
    /// The package root: this file is `<root>/Tests/TestSupport/SharedEvidence.swift`.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder, or nil when there is none.
    public static func folder() -> URL? {
        var candidates = [
            packageRoot.appendingPathComponent("../shared").standardized,
            packageRoot.appendingPathComponent("../../shared").standardized,
        ]
        if let explicit = ProcessInfo.processInfo.environment["TEAMSH_SHARED"], !explicit.isEmpty {
            candidates.insert(URL(fileURLWithPath: explicit), at: 0)
        }
        return candidates.first(where: isFolder)
    }

    /// The oracle folder: `TEAMSH_ORACLE`, else the shared folder's `oracle`; nil when there is none.
    public static func oracleFolder() -> URL? {
        if let explicit = ProcessInfo.processInfo.environment["TEAMSH_ORACLE"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            if isFolder(url) { return url }
        }
        guard let oracle = folder()?.appendingPathComponent("oracle"), isFolder(oracle) else { return nil }
        return oracle
    }

    /// The oracle folder, or a skip saying where it was looked for.
    public static func requireOracle() throws -> URL {
        if let oracle = oracleFolder() { return oracle }
        throw XCTSkip("no pwsh oracle: looked for TEAMSH_ORACLE, TEAMSH_SHARED, ../shared/oracle and ../../shared/oracle"
            + " from \(packageRoot.path)")
    }

    /// A file of the oracle (`area/name.ps1`, `.out`, `.err`), nil when the oracle has no such file.
    public static func oracleText(_ relative: String) -> String? {
        guard let oracle = oracleFolder() else { return nil }
        return try? String(contentsOf: oracle.appendingPathComponent(relative), encoding: .utf8)
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
