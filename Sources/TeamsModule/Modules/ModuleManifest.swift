import Foundation
import PowerShellRuntime
import TeamsTenant

/// Why a module file could not be imported (Import-Module reports it, as a non-terminating
/// error unless `terminating`).
struct ModuleFileError: Error {
    let message: String
    let errorId: String
    let category: ErrorCategory
    var exception: ExceptionType = .exception
    var target: Value = .null
    /// pwsh throws these (a terminating error of Import-Module) rather than writing them.
    var terminating = false

    static let missingMember = ExceptionType.custom(["System.MissingMemberException", "System.MemberAccessException",
                                                     "System.SystemException", "System.Exception"])
}

/// A module manifest (`.psd1`) read as pwsh's LoadModuleManifest reads it: the data file's
/// hashtable with its keys checked against the members a manifest may have, then the fields
/// in the order pwsh checks them (ModuleToProcess/RootModule, ModuleVersion, PowerShellVersion).
/// Evidence: ModuleCmdletBase.cs and Modules.resx at v7.6.5.
struct ModuleManifest {
    /// pwsh's ModuleManifestMembers, in its order (the error text lists them so).
    static let members = [
        "ModuleToProcess", "NestedModules", "GUID", "Author", "CompanyName", "Copyright", "ModuleVersion", "Description",
        "PowerShellVersion", "PowerShellHostName", "PowerShellHostVersion", "CLRVersion", "DotNetFrameworkVersion",
        "ProcessorArchitecture", "RequiredModules", "TypesToProcess", "FormatsToProcess", "ScriptsToProcess", "PrivateData",
        "RequiredAssemblies", "ModuleList", "FileList", "FunctionsToExport", "VariablesToExport", "AliasesToExport",
        "CmdletsToExport", "DscResourcesToExport", "CompatiblePSEditions", "HelpInfoURI", "RootModule", "DefaultCommandPrefix",
    ]

    let path: String
    let data: PSHashtable
    /// The folder the manifest is in (`$PSScriptRoot` of everything it names).
    var base: String { (path as NSString).deletingLastPathComponent }
    var name: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }

    func string(_ key: String) -> String? { data.string(key) }
    func strings(_ key: String) -> [String]? { data.strings(key) }

    /// RootModule (or its older name ModuleToProcess), if the manifest names one.
    var rootModule: String? {
        let root = string("RootModule") ?? string("ModuleToProcess")
        return root?.isEmpty == false ? root : nil
    }

    /// An export list (`FunctionsToExport` …): nil when the manifest leaves it out; `@()` and
    /// `$null` entries count as an empty list.
    func exportPatterns(_ key: String) -> [String]? {
        guard let value = data.get(key) else { return nil }
        if value.isNull { return [] }
        return (Conversion.enumerate(value) ?? [value]).filter { !$0.isNull }.map { Conversion.toString($0) }
    }

    func specifications(_ key: String) -> [ModuleSpecification] {
        guard let value = data.get(key), !value.isNull else { return [] }
        return (Conversion.enumerate(value) ?? [value]).compactMap(ModuleSpecification.init)
    }

    /// The manifest's checks that stop an import, in pwsh's order; each is written as a
    /// non-terminating error of Import-Module.
    func validate(psVersion: String) -> ModuleFileError? {
        let valid = Set(ModuleManifest.members.map { $0.lowercased() })
        let bad = data.keys.map { Conversion.toString($0) }.filter { !valid.contains($0.lowercased()) }
        if !bad.isEmpty {
            if let required = string("PowerShellVersion"), let error = insufficientVersion(required, current: psVersion) { return error }
            let list = "'" + ModuleManifest.members.joined(separator: "', '") + "'"
            let badList = bad.map { "'\($0)'" }.joined(separator: ", ")
            return ModuleFileError(
                message: "The '\(path)' module cannot be imported because its manifest contains one or more members that are not valid. The valid manifest members are (\(list)). Remove the members that are not valid (\(badList)), then try to import the module again.",
                errorId: "Modules_InvalidManifestMember", category: .InvalidData, exception: .invalidOperationException, target: .string(path))
        }
        if data.get("RootModule").map({ !$0.isNull }) == true, data.get("ModuleToProcess").map({ !$0.isNull }) == true {
            return ModuleFileError(
                message: "The module manifest cannot contain both the 'ModuleToProcess' and 'RootModule' members. Change the module manifest file to remove one of these members at '\(path)', and then try again.",
                errorId: "Modules_ModuleManifestCannotContainBothModuleToProcessAndRootModule", category: .InvalidOperation,
                exception: .invalidOperationException, target: .string(path))
        }
        if let root = rootModule, WildcardPattern.containsWildcard(root) { return wildcardNotAllowed() }
        guard let version = string("ModuleVersion"), !version.isEmpty else {
            return ModuleFileError(
                message: "The member 'ModuleVersion' is not present in the module manifest. This member must exist and be assigned a version number of the form 'n.n.n.n'. Add the missing member to the file '\(path)'.",
                errorId: "Modules_InvalidManifest", category: .ResourceUnavailable, exception: ModuleFileError.missingMember, target: .string(path))
        }
        guard PSVersion.parse(version) != nil else {
            return invalidMember("ModuleVersion", value: version, type: "System.Version")
        }
        // A manifest in a version folder (`M/1.2.0/M.psd1`) must carry that version.
        let folder = (base as NSString).lastPathComponent
        if let folderVersion = ModuleVersion(folder), PSVersion.parse(folder) != nil,
           ((base as NSString).deletingLastPathComponent as NSString).lastPathComponent == name,
           let own = ModuleVersion(version), own.release != folderVersion.release {
            return ModuleFileError(
                message: "The ModuleVersion key in module manifest '\(path)' specifies module version '\(version)' which does not match its version folder name at '\(base)'. Change the value of the ModuleVersion key to match the version folder name.",
                errorId: "Modules_InvalidModuleManifestVersion", category: .InvalidArgument, exception: .invalidOperationException, target: .string(path))
        }
        if let required = string("PowerShellVersion") {
            guard PSVersion.parse(required) != nil else { return invalidMember("PowerShellVersion", value: required, type: "System.Version") }
            if let error = insufficientVersion(required, current: psVersion) { return error }
        }
        return nil
    }

    func wildcardNotAllowed() -> ModuleFileError {
        ModuleFileError(
            message: "Wildcard characters are not allowed in members 'ModuleToProcess', 'RootModule', or 'NestedModules' in the module manifest '\(path)'.",
            errorId: "Modules_WildCardNotAllowedInModuleToProcessAndInNestedModules", category: .InvalidOperation,
            exception: .psInvalidOperationException, target: .null, terminating: true)
    }

    private func insufficientVersion(_ required: String, current: String) -> ModuleFileError? {
        guard let want = ModuleVersion(required), let have = ModuleVersion(current), have.release < want.release else { return nil }
        return ModuleFileError(
            message: "The version of PowerShell on this computer is '\(current)'. The module '\(path)' requires a minimum PowerShell version of '\(required)' to run. Verify that you have the minimum required version of PowerShell installed, and then try again.",
            errorId: "Modules_InsufficientPowerShellVersion", category: .ResourceUnavailable, exception: .invalidOperationException, target: .string(path))
    }

    /// A member whose value does not convert to the type pwsh reads it as.
    private func invalidMember(_ member: String, value: String, type: String) -> ModuleFileError {
        // The reason is the conversion's own error text.
        var reason = "Cannot convert value \"\(value)\" to type \"\(type)\"."
        do {
            _ = try Conversion.convert(.string(value), to: TypeResolver.version)
        } catch let error as RuntimeError {
            reason = error.record.exception.message
        } catch {}
        return ModuleFileError(
            message: "The member '\(member)' in the module manifest is not valid: \(reason). Verify that a valid value is specified for this field in the '\(path)' file.",
            errorId: "Modules_InvalidManifest", category: .ResourceUnavailable, exception: .argumentException, target: .string(path))
    }
}

/// A module named by `#Requires -Modules`, RequiredModules or NestedModules (pwsh's
/// ModuleSpecification): a name (or path), or a hashtable with ModuleName and ModuleVersion
/// (the minimum) / RequiredVersion / MaximumVersion / GUID.
struct ModuleSpecification {
    var name: String
    var minimumVersion: String?
    var requiredVersion: String?
    var maximumVersion: String?
    var guid: String?

    init(name: String) {
        self.name = name
    }

    /// A name or a hashtable; nil for an empty name or a hashtable without ModuleName.
    init?(_ value: Value) {
        guard let table = value.hashtable else {
            name = Conversion.toString(value)
            if name.isEmpty { return nil }
            return
        }
        guard let name = table.string("ModuleName") else { return nil }
        self.name = name
        minimumVersion = table.string("ModuleVersion")
        requiredVersion = table.string("RequiredVersion")
        maximumVersion = table.string("MaximumVersion")
        guid = table.string("GUID")
    }
}

extension PSHashtable {
    func string(_ key: String) -> String? {
        guard let v = get(key), !v.isNull else { return nil }
        return Conversion.toString(v)
    }

    func strings(_ key: String) -> [String]? {
        guard let v = get(key), !v.isNull else { return nil }
        if let items = Conversion.enumerate(v) { return items.map { Conversion.toString($0) } }
        return [Conversion.toString(v)]
    }
}
