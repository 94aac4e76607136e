import Foundation
import XCTest
import PowerShellSyntax
import PowerShellRuntime
import TeamsTenant
@testable import TeamsModule

/// Runs scripts in a fresh teamsh session on a given world and returns what they printed.
enum TestSession {
    /// The default world with these MicrosoftTeams versions installed (side by side).
    static func world(installing versions: [String] = []) -> World {
        let world = World.defaultWorld()
        for v in versions {
            if let version = ModuleVersion(v) { _ = try? world.install("MicrosoftTeams", version: version) }
        }
        return world
    }

    /// stdout and stderr of a script run as a file.
    static func run(_ script: String, world: World = World.defaultWorld(), store: WorldStore? = nil) -> (out: String, err: String, context: ExecutionContext) {
        let host = BufferHost()
        let context = TeamshSession.make(host: host, nonInteractive: true, world: world, store: store)
        _ = context.runTopLevel(SourceText(text: script, path: "/tmp/case/test.ps1"), asScriptFile: true)
        return (host.output, host.errors, context)
    }

    /// The output lines, trailing blanks removed.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }.filter { !$0.isEmpty }
    }
}
