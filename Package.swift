// swift-tools-version:5.9
// teamsh: an offline Microsoft Teams admin shell. Swift toolchain only, no package dependencies.
import PackageDescription

/// The evaluator's and the per-object cmdlets' hot paths: no dynamic exclusivity checks in
/// release builds (they never overlap accesses on purpose; debug builds keep the checks).
let fastRuntime: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "teamsh",
    products: [
        .executable(name: "teamsh", targets: ["teamsh"]),
        .library(name: "PowerShellSyntax", targets: ["PowerShellSyntax"]),
        .library(name: "PowerShellRuntime", targets: ["PowerShellRuntime"]),
        .library(name: "PowerShellFormatting", targets: ["PowerShellFormatting"]),
        .library(name: "PowerShellCmdlets", targets: ["PowerShellCmdlets"]),
        .library(name: "TeamsTenant", targets: ["TeamsTenant"]),
        .library(name: "TeamsModule", targets: ["TeamsModule"]),
        .library(name: "Pester", targets: ["Pester"]),
    ],
    targets: [
        .target(name: "PowerShellSyntax"),
        .target(name: "PowerShellRuntime", dependencies: ["PowerShellSyntax"], swiftSettings: fastRuntime),
        .target(name: "PowerShellFormatting", dependencies: ["PowerShellRuntime"]),
        .target(name: "PowerShellCmdlets", dependencies: ["PowerShellFormatting"], swiftSettings: fastRuntime),
        .target(name: "TeamsTenant"),
        .target(name: "Pester", dependencies: ["PowerShellCmdlets"]),
        .target(name: "TeamsModule", dependencies: ["PowerShellCmdlets", "TeamsTenant", "Pester"]),
        .executableTarget(name: "teamsh", dependencies: ["TeamsModule"]),
        // What test targets share: where the evidence beside the repository (the pwsh oracle) is.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PowerShellSyntaxTests", dependencies: ["PowerShellSyntax", "TestSupport"]),
        .testTarget(name: "PowerShellRuntimeTests", dependencies: ["PowerShellRuntime"]),
        .testTarget(name: "PowerShellFormattingTests", dependencies: ["PowerShellFormatting", "TestSupport"]),
        .testTarget(name: "PowerShellCmdletsTests", dependencies: ["PowerShellCmdlets"]),
        .testTarget(name: "TeamsTenantTests", dependencies: ["TeamsTenant"]),
        .testTarget(name: "TeamsModuleTests", dependencies: ["TeamsModule"]),
        .testTarget(name: "PesterTests", dependencies: ["Pester", "TeamsModule"]),
        .testTarget(name: "GoldenTests", dependencies: ["teamsh", "TestSupport"], exclude: ["oracle-passing.txt", "golden-known-failures.txt"]),
    ]
)
