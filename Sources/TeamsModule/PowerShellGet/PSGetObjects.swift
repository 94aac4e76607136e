import Foundation
import PowerShellRuntime
import PowerShellSyntax
import PowerShellFormatting
import TeamsTenant

/// The objects PowerShellGet 2.2.5 writes and the views its format file (PSGet.Format.ps1xml)
/// and pwsh's own format data give them.
enum PSGetObjects {
    static let itemTypeName = "Microsoft.PowerShell.Commands.PSRepositoryItemInfo"
    static let repositoryTypeName = "Microsoft.PowerShell.Commands.PSRepository"

    /// A module version as Find-Module (gallery) or Get-InstalledModule (installed) shows it.
    static func item(module: GalleryModule?, installed: InstalledModule?, version: ModuleVersion, published: Date?,
                     repository: ModuleRepository?) -> Value {
        let name = installed?.name ?? module?.name ?? ""
        let description = installed?.description ?? module?.description ?? ""
        let author = installed?.author ?? module?.author ?? ""
        let tags = module?.tags ?? ["Office365", "MicrosoftTeams", "Teams"]
        let pairs: [(String, Value)] = [
            ("Name", .string(name)),
            ("Version", versionValue(version)),
            ("Type", .string("Module")),
            ("Description", .string(description)),
            ("Author", .string(author)),
            ("CompanyName", .string(installed?.companyName ?? module?.companyName ?? "")),
            ("Copyright", .string(installed?.copyright ?? module?.copyright ?? "")),
            ("PublishedDate", published.map(DateTimeText.value) ?? .null),
            ("InstalledDate", installed?.installedDate.map(DateTimeText.value) ?? .null),
            ("UpdatedDate", .null),
            ("LicenseUri", module?.licenseUri.map { .string($0) } ?? .null),
            ("ProjectUri", module?.projectUri.map { .string($0) } ?? .null),
            ("IconUri", .null),
            ("Tags", .object(PSArray(tags.map { .string($0) }))),
            ("Includes", .object(PSHashtable())),
            ("PowerShellGetFormatVersion", .null),
            ("ReleaseNotes", .null),
            ("Dependencies", .object(PSArray([]))),
            ("RepositorySourceLocation", .string(repository?.sourceLocation ?? "https://www.powershellgallery.com/api/v2")),
            ("Repository", .string(installed?.repository ?? repository?.name ?? "PSGallery")),
            ("PackageManagementProvider", .string("NuGet")),
            ("AdditionalMetadata", .object(PSCustomObject())),
            ("InstalledLocation", installed.map { .string($0.installedLocation) } ?? .null),
        ]
        return .object(PSCustomObject(pairs, typeName: itemTypeName))
    }

    /// The version as text: PowerShellGet 2.2.5 writes Version as a string (`2.6.0`,
    /// `7.5.1-preview`), which is why it prints bare and scripts cast it with `[version]`.
    static func versionValue(_ version: ModuleVersion) -> Value {
        .string(version.description)
    }

    /// A registered repository (Get-PSRepository).
    static func repository(_ r: ModuleRepository) -> Value {
        .object(PSCustomObject([
            ("Name", .string(r.name)),
            ("SourceLocation", .string(r.sourceLocation)),
            ("Trusted", .bool(r.trusted)),
            ("Registered", .bool(true)),
            ("InstallationPolicy", .string(r.installationPolicy)),
            ("PackageManagementProvider", .string(r.packageManagementProvider)),
            ("PublishLocation", .string(r.publishLocation)),
            ("ScriptSourceLocation", .string(r.scriptSourceLocation)),
            ("ScriptPublishLocation", .string(r.scriptPublishLocation)),
            ("ProviderOptions", .object(PSHashtable())),
        ], typeName: repositoryTypeName))
    }

    // MARK: Views

    static func registerViews(_ registry: FormatViewRegistry) {
        registry.register(FormatViewDefinition(name: "PSRepositoryItemInfo", typeNames: [itemTypeName], control: .table(TableViewDefinition(columns: [
            .property("Version", width: 20), .property("Name", width: 35), .property("Repository", width: 20), .property("Description"),
        ]))))
        registry.register(FormatViewDefinition(name: "PSRepository", typeNames: [repositoryTypeName], control: .table(TableViewDefinition(columns: [
            .property("Name", width: 25), .property("InstallationPolicy", width: 20), .property("SourceLocation"),
        ]))))
        let moduleColumns: [TableColumnDefinition] = [
            .property("ModuleType", width: 10), .property("Version", width: 10),
            TableColumnDefinition(.script({ v in prerelease(v) }), label: "PreRelease", width: 10),
            .property("Name", width: 35),
        ]
        // `$_.ExportedCommands.Keys`
        let exported = TableColumnDefinition(.script({ v in exportedCommandKeys(v) }), label: "ExportedCommands")
        registry.register(FormatViewDefinition(name: "ModuleInfoGrouping", typeNames: ["ModuleInfoGrouping"], control: .table(TableViewDefinition(columns:
            moduleColumns + [TableColumnDefinition(.script({ v in editions(v) }), label: "PSEdition", width: 9), exported])),
            groupBy: (expression: .script({ v in .string(moduleDirectory(v)) }), label: "Directory"),
            groupByText: "    Directory: "))
        registry.register(FormatViewDefinition(name: "Module", typeNames: ["System.Management.Automation.PSModuleInfo"],
                                               control: .table(TableViewDefinition(columns: moduleColumns + [exported]))))
        // pwsh's list view of PSModuleInfo (`$_.ExportedFunctions.Keys`, …).
        func keys(_ names: @escaping (PSModuleInfo) -> [String]) -> FormatExpression {
            .script({ v in
                guard case .object(let o) = v, let m = o as? PSModuleInfo else { return .null }
                return .object(PSArray(names(m).map { .string($0) }))
            })
        }
        registry.register(FormatViewDefinition(name: "Module", typeNames: ["System.Management.Automation.PSModuleInfo"], control: .list([
            .property("Name"), .property("Path"), .property("Description"), .property("ModuleType"), .property("Version"),
            ListItemDefinition(.script({ v in prerelease(v) }), label: "PreRelease"), .property("NestedModules"),
            ListItemDefinition(keys(\.exportedFunctions), label: "ExportedFunctions"),
            ListItemDefinition(keys(\.exportedCmdlets), label: "ExportedCmdlets"),
            ListItemDefinition(keys(\.exportedVariables), label: "ExportedVariables"),
            ListItemDefinition(keys(\.exportedAliases), label: "ExportedAliases"),
        ])))
    }

    private static func exportedCommandKeys(_ v: Value) -> Value {
        guard case .object(let o) = v, let m = o as? PSModuleInfo else { return .null }
        return .object(PSArray(m.exportedCommandNames.map { .string($0) }))
    }

    private static func prerelease(_ v: Value) -> Value {
        guard case .object(let o) = v, let m = o as? PSModuleInfo, let label = m.prerelease else { return .null }
        return .string(label)
    }

    private static func editions(_ v: Value) -> Value {
        guard case .object(let o) = v, let m = o as? PSModuleInfo else { return .null }
        // pwsh's view: each edition's first four letters, sorted (no editions: Desktop).
        let editions = m.compatiblePSEditions.isEmpty ? ["Desktop"] : m.compatiblePSEditions
        return .string(editions.map { String($0.prefix(4)) }.sorted().joined(separator: ","))
    }

    /// The module folder a listed module sits in: its base without the version folder and name.
    static func moduleDirectory(_ v: Value) -> String {
        guard case .object(let o) = v, let m = o as? PSModuleInfo else { return "" }
        var dir = (m.path as NSString).deletingLastPathComponent
        if PSVersion.parse((dir as NSString).lastPathComponent) != nil { dir = (dir as NSString).deletingLastPathComponent }
        return (dir as NSString).deletingLastPathComponent
    }

    // MARK: Errors raised inside PowerShellGet's helpers

    /// PackageManagement's functions live in a module file, so pwsh shows their errors as
    /// `Find-Package: message` with no source line (oracle `psget`).
    static func innerInvocation(_ command: String) -> InvocationInfo {
        let source = SourceText(text: command + "\n", path: "/opt/microsoft/powershell/7/Modules/PackageManagement/PackageManagement.psm1")
        return InvocationInfo(commandName: command, extent: SourceExtent(source: source, start: 0, end: command.utf16.count))
    }

    /// An error of a PackageManagement command as PowerShellGet passes it on.
    static func packageError(_ command: String, _ message: String, errorId: String, category: ErrorCategory, target: String) -> ErrorRecord {
        ErrorRecord(exception: PSExceptionObject(.exception, message), errorId: errorId, category: category, targetObject: .string(target),
                    invocationInfo: innerInvocation(command), errorIdSuffix: "Microsoft.PowerShell.PackageManagement.Cmdlets." + command.replacingOccurrences(of: "-", with: ""))
    }
}
