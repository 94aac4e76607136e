import Foundation
import XCTest
import TestSupport

/// What the golden test cases share: where the package, the teamsh binary and the oracle are,
/// and how to run one of the harness scripts in `script/` and read its JSON report.
///
/// The oracle's comparison rules live in `script/teamsh_harness.py` (run by `script/oracle`), the
/// golden samples' in `teamsh -Golden`; these tests only run them and report.
enum Harness {
    /// The package root: this file is `<root>/Tests/GoldenTests/HarnessSupport.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The teamsh binary built beside this test bundle (GoldenTests depends on the `teamsh`
    /// target, so `swift test` builds it into the same products folder). `TEAMSH_BIN` overrides.
    static func teamshBinary() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["TEAMSH_BIN"], !explicit.isEmpty {
            return explicit
        }
        let bundle = Bundle.main.bundleURL
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
            .deletingLastPathComponent()
        let folders = [bundle, bundle.deletingLastPathComponent(), executable,
                       executable.deletingLastPathComponent()]
        for folder in folders {
            let candidate = folder.appendingPathComponent("teamsh").path
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw XCTSkip("no teamsh binary beside the test bundle (looked in "
            + folders.map(\.path).joined(separator: ", ") + "); set TEAMSH_BIN")
    }

    /// The oracle folder (found from the package root, see SharedEvidence); nil when there is none.
    static func oracleFolder() -> String? {
        SharedEvidence.oracleFolder()?.path
    }

    /// Runs `python3 script/NAME ARGUMENTS` from the package root and decodes its stdout as `T`.
    /// The script's stderr goes to the test log.
    static func runScript<T: Decodable>(_ name: String, _ arguments: [String],
                                        as type: T.Type) throws -> (status: Int32, report: T) {
        try runReporting(URL(fileURLWithPath: "/usr/bin/env"),
                         ["python3", packageRoot.appendingPathComponent("script/\(name)").path] + arguments,
                         label: "script/\(name)", as: type)
    }

    /// Runs teamsh itself with `arguments` from the package root and decodes its stdout as `T`.
    static func runTeamsh<T: Decodable>(_ teamsh: String, _ arguments: [String],
                                        as type: T.Type) throws -> (status: Int32, report: T) {
        try runReporting(URL(fileURLWithPath: teamsh), arguments,
                         label: "teamsh " + arguments.joined(separator: " "), as: type)
    }

    /// Runs a program whose stdout is one JSON report, and decodes it.
    private static func runReporting<T: Decodable>(_ executable: URL, _ arguments: [String], label: String,
                                                   as type: T.Type) throws -> (status: Int32, report: T) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        do {
            return (process.terminationStatus, try JSONDecoder().decode(T.self, from: data))
        } catch {
            let text = String(decoding: data.prefix(4000), as: UTF8.self)
            throw HarnessError(message: "\(label) exited with \(process.terminationStatus)"
                + " and printed no JSON report (\(error)):\n\(text)")
        }
    }
}

/// A harness script that did not produce its report.
struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One case in a harness report: `id` is `area/name` (oracle) or the sample's path.
struct HarnessCase: Decodable {
    let id: String
    let status: String
    let problems: [String]
}
