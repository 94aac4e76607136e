import Foundation

/// A loaded (or listed) module, `System.Management.Automation.PSModuleInfo`: its own session
/// state (a scope under the global one, which its functions run in), what it exports and what a
/// manifest said about it. The module layer fills it in; the runtime only needs the scope and
/// the export lists.
public final class PSModuleInfo: PSNativeObject {
    public let name: String
    public var version: String
    public var path: String
    public var moduleType: String
    /// The module's session state (its module scope).
    public let scope: Scope
    public var exportedFunctions: [String] = []
    public var exportedCmdlets: [String] = []
    public var exportedAliases: [String] = []
    public var exportedVariables: [String] = []
    /// The classes and enums the module's script defines, by lower-cased name: seen by its
    /// own code, and by scripts only through `using module`.
    public var definedTypes: [String: PSType] = [:]
    /// What each exported name stands for (a function's or alias' CommandInfo, a variable),
    /// when the module layer has it; the dictionaries then carry these as values.
    public var exportedValues: [String: Value] = [:]
    public var description: String = ""
    public var guid: String = ""
    /// The manifest's `PrivateData.PSData.Prerelease` label (`preview`), if any.
    public var prerelease: String?
    /// The manifest's CompatiblePSEditions (`Core`, `Desktop`).
    public var compatiblePSEditions: [String] = []
    /// The folder the module was loaded from (default: the folder of `path`).
    public var moduleBase: String?
    /// The `Version` property as a `[version]` object, when the module layer provides one.
    public var versionValue: Value?
    /// ExportedCommands in the module's own order, for modules whose commands are compiled in
    /// (MicrosoftTeams' versions); nil: the exported cmdlets, functions, then aliases.
    public var exportedCommandsOverride: [String]?
    /// The manifest's `PrivateData` as written (nil: only the prerelease label, if any).
    public var privateData: Value?
    public var author = ""
    public var companyName = ""
    public var copyright = ""
    public var rootModule: String?
    public var prefix = ""
    public var powerShellVersion: String?
    public var helpInfoUri: String?
    /// ScriptsToProcess, as full paths.
    public var scripts: [String] = []
    public var nestedModules: [PSModuleInfo] = []
    public var requiredModules: [PSModuleInfo] = []
    /// The text of a script module's file (`Definition`).
    public var definition = ""
    /// `$ExecutionContext.SessionState.Module.OnRemove = { … }`: runs when Remove-Module removes it.
    public var onRemove: Value = .null
    /// The manifest it was imported through (its `Path` is the root module's then).
    public var manifestPath: String?
    /// The session that loaded it (for its SessionState's paths).
    public weak var context: ExecutionContext?
    /// True for a module that exists only as a listing (`Get-Module -ListAvailable`).
    public var isListing = false

    public init(name: String, version: String, path: String, moduleType: String, parentScope: Scope) {
        self.name = name
        self.version = version
        self.path = path
        self.moduleType = moduleType
        self.scope = Scope(parent: parentScope, isScript: true)
        super.init()
        scope.module = self
    }

    public override var typeFullName: String { "System.Management.Automation.PSModuleInfo" }

    /// PSModuleInfo's public properties in the order .NET reflection lists them.
    public override var propertyNames: [String] {
        ["LogPipelineExecutionDetails", "Name", "Path", "ImplementingAssembly", "Definition", "Description", "Guid", "HelpInfoUri",
         "ModuleBase", "PrivateData", "ExperimentalFeatures", "Tags", "ProjectUri", "IconUri", "LicenseUri", "ReleaseNotes",
         "RepositorySourceLocation", "Version", "ModuleType", "Author", "AccessMode", "ClrVersion", "CompanyName", "Copyright",
         "DotNetFrameworkVersion", "ExportedFunctions", "Prefix", "ExportedCmdlets", "ExportedCommands", "FileList",
         "CompatiblePSEditions", "ModuleList", "NestedModules", "PowerShellHostName", "PowerShellHostVersion", "PowerShellVersion",
         "ProcessorArchitecture", "Scripts", "RequiredAssemblies", "RequiredModules", "RootModule", "ExportedVariables",
         "ExportedAliases", "ExportedDscResources", "SessionState", "OnRemove", "ExportedFormatFiles", "ExportedTypeFiles"]
    }

    /// ExportedCommands' keys: cmdlets, then functions, then aliases (the order pwsh fills the
    /// dictionary in), each name once.
    public var exportedCommandNames: [String] {
        if let names = exportedCommandsOverride { return names }
        var seen = Set<String>()
        return (exportedCmdlets + exportedFunctions + exportedAliases).filter { seen.insert($0.lowercased()).inserted }
    }

    /// A `Dictionary[string, …]` of exports, modelled as an ordered hashtable keyed by name.
    private func dictionary(_ names: [String]) -> Value {
        let table = PSHashtable(ordered: true)
        for n in names { table.set(.string(n), exportedValues[n.lowercased()] ?? .string(n)) }
        return .object(table)
    }

    private static func strings(_ items: [String]) -> Value { .object(PSArray(items.map { .string($0) })) }

    public override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "path": return .string(path)
        case "description": return .string(description)
        case "guid": return .string(guid.isEmpty ? "00000000-0000-0000-0000-000000000000" : guid)
        case "version": return versionValue ?? .string(version)
        case "modulebase": return .string(moduleBase ?? (path as NSString).deletingLastPathComponent)
        case "moduletype": return .string(moduleType)
        case "compatiblepseditions": return PSModuleInfo.strings(compatiblePSEditions)
        case "privatedata":
            if let privateData { return privateData }
            guard let label = prerelease else { return .null }
            let data = PSHashtable()
            let psData = PSHashtable()
            psData.set(.string("Prerelease"), .string(label))
            data.set(.string("PSData"), .object(psData))
            return .object(data)
        case "exportedfunctions": return dictionary(exportedFunctions)
        case "exportedcmdlets": return dictionary(exportedCmdlets)
        case "exportedaliases": return dictionary(exportedAliases)
        case "exportedvariables": return dictionary(exportedVariables)
        case "exportedcommands": return dictionary(exportedCommandNames)
        case "logpipelineexecutiondetails": return .bool(false)
        case "definition": return .string(definition)
        case "author": return .string(author)
        case "companyname": return .string(companyName)
        case "copyright": return .string(copyright)
        case "accessmode": return .string("ReadWrite")
        case "prefix": return .string(prefix)
        case "rootmodule": return rootModule.map { .string($0) } ?? .null
        case "powershellversion": return powerShellVersion.flatMap(PSVersion.parse).map { .object($0) } ?? .null
        case "processorarchitecture": return .string("None")
        case "helpinfouri": return helpInfoUri.map { .string($0) } ?? .null
        case "scripts": return PSModuleInfo.strings(scripts)
        case "nestedmodules": return .object(PSArray(nestedModules.map { .object($0) }))
        case "requiredmodules": return .object(PSArray(requiredModules.map { .object($0) }))
        case "onremove": return onRemove
        case "sessionstate": return isListing ? .null : .object(SessionStateObject(module: self))
        case "experimentalfeatures", "tags", "filelist", "modulelist", "requiredassemblies", "exporteddscresources",
             "exportedformatfiles", "exportedtypefiles":
            return .object(PSArray([]))
        case "implementingassembly", "projecturi", "iconuri", "licenseuri", "releasenotes", "repositorysourcelocation",
             "clrversion", "dotnetframeworkversion", "powershellhostname", "powershellhostversion":
            return .null
        default: return nil
        }
    }

    public override func setProperty(_ n: String, _ v: Value) -> Bool {
        switch n.lowercased() {
        case "onremove": onRemove = v; return true
        case "description": description = Conversion.toString(v); return true
        default: return false
        }
    }

    public override func toPSString() -> String { name }
}
