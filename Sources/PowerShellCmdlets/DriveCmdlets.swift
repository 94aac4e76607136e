import Foundation
import PowerShellRuntime

/// New-PSDrive, Remove-PSDrive and Get-PSDrive (src/Microsoft.PowerShell.Commands.Management/
/// commands/management/Navigation.cs at v7.6.5) for the drives teamsh has: `/`, the session
/// state drives (Alias, Env, Function, Variable) and file-system drives a script maps. Texts
/// from SessionStateStrings.resx and FileSystemProviderStrings.resx.
/// NOTE: a mapped drive belongs to the session, not to the scope that made it (pwsh removes a
/// drive with its scope unless made with -Scope Global); -Persist and -Credential are taken
/// and not used, as pwsh on Linux does for local roots.
enum DriveCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("New-PSDrive", NewPSDriveCommand.self),
        ("Remove-PSDrive", RemovePSDriveCommand.self),
        ("Get-PSDrive", GetPSDriveCommand.self),
    ]

    static let fileSystemProvider = "Microsoft.PowerShell.Core\\FileSystem"

    /// The drives of the session in Get-PSDrive's order (by name), each as (name, provider, root).
    static func drives(_ context: ExecutionContext) -> [(name: String, provider: String, root: String)] {
        var list: [(name: String, provider: String, root: String)] = [
            ("/", fileSystemProvider, "/"),
            ("Alias", "Microsoft.PowerShell.Core\\Alias", ""),
            ("Env", "Microsoft.PowerShell.Core\\Environment", ""),
            ("Function", "Microsoft.PowerShell.Core\\Function", ""),
            ("Variable", "Microsoft.PowerShell.Core\\Variable", ""),
        ]
        for (name, root) in context.fileSystemDrives {
            list.append((names(context).display[context.fileSystemDriveKey(name)] ?? name, fileSystemProvider, root))
        }
        return list.sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
    }

    /// A PSDriveInfo: Name, Provider, Root, Description, CurrentLocation; its text is the name.
    static func info(_ name: String, provider: String, root: String, description: String, context: ExecutionContext) -> Value {
        var current = ""
        if provider == fileSystemProvider {
            let location = context.currentLocation
            if root == "/" {
                current = String(location.dropFirst())
            } else if location == root || location.hasPrefix(root + "/") {
                current = String(location.dropFirst(root.count).drop { $0 == "/" })
            }
        }
        let shortProvider = provider.split(separator: "\\").last.map(String.init) ?? provider
        return .object(DriveInfoRecord(name: name, [
            ("Name", .string(name)), ("Provider", .string(shortProvider)), ("Root", .string(root)),
            ("Description", .string(description)), ("CurrentLocation", .string(current)),
        ]))
    }

    /// What the session keeps of the drives it mapped besides their roots.
    final class Names {
        /// Names as the script spelled them (the drive table keys are lower-cased).
        var display: [String: String] = [:]
        var descriptions: [String: String] = [:]
    }

    static func names(_ context: ExecutionContext) -> Names {
        if let n = context.extensionState["psdrives"] as? Names { return n }
        let n = Names()
        context.extensionState["psdrives"] = n
        return n
    }

    static func isBuiltIn(_ name: String) -> Bool {
        ["/", "alias", "env", "function", "variable"].contains(name.lowercased())
    }
}

/// PSDriveInfo, whose ToString is its name.
final class DriveInfoRecord: NativeRecord {
    let name: String

    init(name: String, _ pairs: [(String, Value)]) {
        self.name = name
        super.init(typeNames: ["System.Management.Automation.PSDriveInfo"], pairs)
    }

    override func toPSString() -> String { name }
}

extension ExecutionContext {
    /// The key of a file-system drive in `fileSystemDrives`.
    func fileSystemDriveKey(_ name: String) -> String { name.lowercased() }
}

/// `New-PSDrive [-Name] <string> [-PSProvider] <string> [-Root] <string> [-Description <string>]
/// [-Scope <string>] [-Persist] [-Credential <pscredential>]`: a FileSystem drive on a folder.
final class NewPSDriveCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let name = rt.bound.string("Name") ?? ""
        let provider = rt.bound.string("PSProvider") ?? ""
        let rootText = rt.bound.string("Root") ?? ""
        if name.contains(where: { ";~/\\.:".contains($0) }) {
            try rt.writeError(rt.error("DriveNameIllegalCharacters",
                                       "Cannot process the drive name because the drive name contains one or more of the following characters that are not valid: ; ~ / \\ . :",
                                       .InvalidArgument, target: .string(name)))
            return
        }
        let providerName = provider.split(separator: "\\").last.map { String($0).lowercased() } ?? ""
        guard providerName == "filesystem" else {
            let known = ["alias", "environment", "function", "variable"]
            let message = known.contains(providerName)
                ? "Cannot create a drive of the \(provider) provider: teamsh maps file-system drives only."
                : "Cannot find a provider with the name '\(provider)'."
            try rt.writeError(rt.makeError(known.contains(providerName) ? .psNotSupportedException : .itemNotFoundException, message,
                                           errorId: known.contains(providerName) ? "NotSupported" : "ProviderNotFound",
                                           category: known.contains(providerName) ? .NotImplemented : .ObjectNotFound, target: .string(provider)))
            return
        }
        let key = rt.context.fileSystemDriveKey(name)
        if DriveCmdlets.isBuiltIn(name) || rt.context.fileSystemDrives[key] != nil {
            try rt.writeError(rt.makeError(.sessionStateException, "A drive with the name '\(name)' already exists.",
                                           errorId: "DriveAlreadyExists", category: .ResourceExists, target: .string(name)))
            return
        }
        let root = rt.context.resolvePath(rootText)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            try rt.writeError(rt.makeError(.ioException, "The specified drive root \"\(rootText)\" either does not exist, or it is not a folder.",
                                           errorId: "DriveRootError", category: .ReadError, target: .string(name)))
            return
        }
        let description = rt.bound.string("Description") ?? ""
        guard try rt.shouldProcess(target: "Name: \(name) Provider: \(DriveCmdlets.fileSystemProvider) Root: \(root)", action: "New drive") else { return }
        rt.context.fileSystemDrives[key] = root
        DriveCmdlets.names(rt.context).display[key] = name
        DriveCmdlets.names(rt.context).descriptions[key] = description
        try rt.writeObject(DriveCmdlets.info(name, provider: DriveCmdlets.fileSystemProvider, root: root, description: description, context: rt.context))
    }
}

/// `Remove-PSDrive [-Name] <string[]> | -LiteralName <string[]> [-PSProvider <string[]>]
/// [-Scope <string>] [-Force]`: unmaps drives (a name may be a wildcard); the built-in ones
/// cannot go.
final class RemovePSDriveCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let literal = rt.bound.has("LiteralName")
        for name in rt.bound.strings(literal ? "LiteralName" : "Name") ?? [] {
            let keys: [String]
            if !literal && WildcardPattern.containsWildcard(name) {
                let pattern = WildcardPattern(name)
                keys = rt.context.fileSystemDrives.keys.filter { pattern.matches($0) }.sorted()
                if keys.isEmpty { continue }
            } else {
                keys = [rt.context.fileSystemDriveKey(name)]
            }
            for key in keys {
                guard rt.context.fileSystemDrives[key] != nil else {
                    let message = DriveCmdlets.isBuiltIn(name)
                        ? "Drive '\(name)' cannot be removed because the provider does not allow it."
                        : "Cannot find drive. A drive with the name '\(name)' does not exist."
                    try rt.writeError(rt.makeError(.driveNotFoundException, message, errorId: "DriveNotFound",
                                                   category: .ObjectNotFound, target: .string(name)))
                    continue
                }
                let names = DriveCmdlets.names(rt.context)
                guard try rt.shouldProcess(target: "Name: \(names.display[key] ?? key)", action: "Remove Drive") else { continue }
                rt.context.fileSystemDrives[key] = nil
                names.display[key] = nil
                names.descriptions[key] = nil
            }
        }
    }
}

/// `Get-PSDrive [[-Name] <string[]>] | -LiteralName <string[]> [-PSProvider <string[]>]`.
final class GetPSDriveCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let literal = rt.bound.has("LiteralName")
        let names = rt.bound.strings(literal ? "LiteralName" : "Name")
        let providers = (rt.bound.strings("PSProvider") ?? []).map { WildcardPattern($0) }
        let drives = DriveCmdlets.drives(rt.context).filter { d in
            providers.isEmpty || providers.contains { p in p.matches(d.provider) || p.matches(String(d.provider.split(separator: "\\").last ?? "")) }
        }
        func emit(_ d: (name: String, provider: String, root: String)) throws {
            let description = DriveCmdlets.names(rt.context).descriptions[rt.context.fileSystemDriveKey(d.name)] ?? ""
            try rt.writeObject(DriveCmdlets.info(d.name, provider: d.provider, root: d.root, description: description, context: rt.context))
        }
        guard let wanted = names else {
            for d in drives { try emit(d) }
            return
        }
        for name in wanted {
            let matches: [(name: String, provider: String, root: String)]
            if !literal && WildcardPattern.containsWildcard(name) {
                let pattern = WildcardPattern(name)
                matches = drives.filter { pattern.matches($0.name) }
                for d in matches { try emit(d) }
                continue
            }
            matches = drives.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if matches.isEmpty {
                try rt.writeError(rt.makeError(.driveNotFoundException, "Cannot find drive. A drive with the name '\(name)' does not exist.",
                                               errorId: "GetLocationNoMatchingDrive", category: .ObjectNotFound, target: .string(name)))
            }
            for d in matches { try emit(d) }
        }
    }
}
