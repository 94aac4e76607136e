import Foundation
import PowerShellRuntime
import TeamsTenant

/// PowerShellGet 2.2.5 against the simulated gallery: Find-Module, Install-Module,
/// Update-Module, Uninstall-Module, Get-InstalledModule, Get-PSRepository, Set-PSRepository.
/// Texts are PowerShellGet's resource strings (facts §6, §3.6; oracle `psget`).
enum PSGetCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Find-Module", FindModuleCommand.self),
        ("Install-Module", InstallModuleCommand.self),
        ("Update-Module", UpdateModuleCommand.self),
        ("Uninstall-Module", UninstallModuleCommand.self),
        ("Get-InstalledModule", GetInstalledModuleCommand.self),
        ("Get-PSRepository", GetPSRepositoryCommand.self),
        ("Set-PSRepository", SetPSRepositoryCommand.self),
    ]
}

/// The version parameters every PowerShellGet cmdlet takes, read and checked once.
struct VersionRequest {
    var required: ModuleVersion?
    var minimum: ModuleVersion?
    var maximum: ModuleVersion?
    var allowPrerelease: Bool

    /// Reads `-RequiredVersion`, `-MinimumVersion`, `-MaximumVersion`, `-AllowPrerelease` and
    /// checks them as PowerShellGet's Validate-VersionParameters does (PowerShellGet 2.2.5,
    /// PSGet.Resource.psd1), each failure terminating the calling cmdlet with an
    /// ArgumentException (InvalidArgument), in this order: a wildcard in a name (Install-Module
    /// and Uninstall-Module: `testWildcardsInName`), -AllVersions with a version, -RequiredVersion
    /// with a range, a minimum above the maximum, a prerelease label without -AllowPrerelease.
    init(_ rt: CommandRuntime, testWildcardsInName: Bool = false) throws {
        allowPrerelease = rt.bound.isOn("AllowPrerelease")
        func read(_ name: String) throws -> ModuleVersion? {
            guard let text = rt.bound.string(name), !text.isEmpty else { return nil }
            guard let v = ModuleVersion(text) else {
                try rt.throwTerminating(rt.makeError(.argumentException, "Cannot convert value '\(text)' to type 'System.Version'.",
                                                     errorId: "InvalidVersion", category: .InvalidArgument, target: .string(text)))
            }
            return v
        }
        required = try read("RequiredVersion")
        minimum = try read("MinimumVersion")
        maximum = try read("MaximumVersion")
        func fail(_ message: String, _ id: String) throws -> Never {
            try rt.throwTerminating(rt.makeError(.argumentException, message, errorId: id, category: .InvalidArgument))
        }
        let names = rt.bound.strings("Name") ?? []
        if testWildcardsInName, names.contains(where: Wildcard.containsWildcard) {
            try fail("The specified name '\(names.joined(separator: ","))' should not contain any wildcard characters, please correct it and try again.",
                     "NameShouldNotContainWildcardCharacters")
        }
        if rt.bound.isOn("AllVersions") && (required != nil || minimum != nil || maximum != nil) {
            try fail("You cannot use the parameter AllVersions with RequiredVersion, MinimumVersion or MaximumVersion in the same command.",
                     "AllVersionsCannotBeUsedWithOtherVersionParameters")
        }
        if required != nil && (minimum != nil || maximum != nil) {
            try fail("You cannot use the parameters RequiredVersion and either MinimumVersion or MaximumVersion in the same command. Specify only one of these parameters in your command.",
                     "VersionRangeAndRequiredVersionCannotBeSpecifiedTogether")
        }
        if let minimum, let maximum, minimum > maximum {
            try fail("The specified MinimumVersion '\(rt.bound.string("MinimumVersion") ?? "")' is greater than the specified MaximumVersion '\(rt.bound.string("MaximumVersion") ?? "")'.",
                     "MinimumVersionIsGreaterThanMaximumVersion")
        }
        if !allowPrerelease, [required, minimum, maximum].contains(where: { $0?.isPrerelease == true }) {
            try fail("The '-AllowPrerelease' parameter must be specified when using the Prerelease string in MinimumVersion, MaximumVersion, or RequiredVersion.",
                     "AllowPrereleaseRequiredToUsePrereleaseStringInVersion")
        }
    }

    var isEmpty: Bool { required == nil && minimum == nil && maximum == nil }

    func accepts(_ v: ModuleVersion) -> Bool {
        if v.isPrerelease && !allowPrerelease { return false }
        if let required, v != required { return false }
        if let minimum, v < minimum { return false }
        if let maximum, v > maximum { return false }
        return true
    }
}

extension CommandRuntime {
    /// `-Repository`: Find-Module, Install-Module and Save-Module first look each name up with
    /// Get-PSRepository and stop when that wrote an error (PackageManagement's Get-PackageSource
    /// "Unable to find repository" for a name no repository has); nil then, else the names.
    func requestedRepositories(_ layer: ModuleLayer) throws -> [String]? {
        guard let names = bound.strings("Repository") else { return [] }
        var failed = false
        for name in names where !Wildcard.containsWildcard(name) && layer.world.repository(named: name) == nil {
            try writeError(PSGetObjects.packageError("Get-PackageSource", "Unable to find repository '\(name)'. Use Get-PSRepository to see all available repositories.",
                                                     errorId: "SourceNotFound", category: .ObjectNotFound, target: name))
            failed = true
        }
        return failed ? nil : names
    }

    /// Installing from an untrusted repository asks first (unless `-Force`): PowerShellGet's
    /// ShouldContinue (RepositoryIsNotTrusted / QueryInstallUntrustedPackage) with the host's
    /// Yes/Yes to All/No/No to All/Suspend choices, "N" by default as it has security impact;
    /// false when the answer is no. `-NonInteractive` cannot ask: PackageManagement's error.
    func confirmUntrustedRepository(_ repository: ModuleRepository, force: Bool) throws -> Bool {
        if repository.trusted || force { return true }
        let query = "You are installing the modules from an untrusted repository. If you trust this repository, change its InstallationPolicy value by running the Set-PSRepository cmdlet. Are you sure you want to install the modules from '\(repository.name)'?"
        if context.nonInteractive {
            // NOTE: pwsh under -NonInteractive fails the prompt; the text is the host's.
            try writeError(PSGetObjects.packageError("Install-Package", "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                                                     errorId: "NonInteractiveMode", category: .InvalidOperation, target: repository.name))
            return false
        }
        let choice = try context.promptForChoice(caption: "Untrusted repository", message: query,
                                                 choices: ExecutionContext.confirmationChoices, defaultChoice: 2)
        return choice <= 1
    }
}

/// PowerShellGet 2.2.5's own VERBOSE lines (PSGet.Resource.psd1, in the order Find-Package.ps1,
/// Install-PackageUtility.ps1, Update-Module.ps1 and Uninstall-Package.ps1 write them).
/// NOTE: the lines PackageManagement and its NuGet provider add between them (searching,
/// downloading, package yield) are left out: their texts are compiled into those assemblies.
enum PSGetVerbose {
    /// Find-Package.ps1: which repositories are searched.
    static func searching(_ rt: CommandRuntime, _ repository: ModuleRepository, named: Bool) throws {
        if named {
            try rt.writeVerbose("Using the specified source names : '\(repository.name)'.")
        } else {
            try rt.writeVerbose("The -Repository parameter was not specified.  PowerShellGet will use all of the registered repositories.")
        }
        try rt.writeVerbose("Getting the provider object for the PackageManagement Provider '\(repository.packageManagementProvider)'.")
        try rt.writeVerbose("The specified Location is '\(repository.sourceLocation)' and PackageManagementProvider is '\(repository.packageManagementProvider)'.")
    }

    /// Install-PackageUtility.ps1: the scope and the folder modules go to.
    static func destination(_ rt: CommandRuntime, _ layer: ModuleLayer, scope: ModuleScope) throws {
        try rt.writeVerbose("The installation scope is specified to be '\(scope == .allUsers ? "AllUsers" : "CurrentUser")'.")
        try rt.writeVerbose(" The specified module will be installed in '\(layer.world.machine.modulePath(for: scope))'.")
    }

    /// Install-PackageUtility.ps1: the download and the installed folder.
    static func installed(_ rt: CommandRuntime, _ module: InstalledModule, from repository: ModuleRepository) throws {
        let provider = repository.packageManagementProvider
        try rt.writeVerbose("The specified Location is '\(provider)' and PackageManagementProvider is '\(provider)'.")
        try rt.writeVerbose("Downloading module '\(module.name)' with version '\(module.version)' from the repository '\(repository.sourceLocation)'.")
        try rt.writeVerbose("Module '\(module.name)' was installed successfully to path '\(module.installedLocation)'.")
    }
}

// MARK: - Find-Module

/// `Find-Module [[-Name] <string[]>] [-MinimumVersion] [-MaximumVersion] [-RequiredVersion] [-AllVersions] [-AllowPrerelease]`
final class FindModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let request = try VersionRequest(rt)
        guard let repositories = try rt.requestedRepositories(layer) else { return }
        // NOTE: the simulated gallery is the one repository modules are found in (PSGallery).
        let repository = layer.world.repository(named: repositories.first.flatMap { Wildcard.containsWildcard($0) ? nil : $0 } ?? "PSGallery")
        if let repository { try PSGetVerbose.searching(rt, repository, named: rt.bound.has("Repository")) }
        for name in rt.bound.strings("Name") ?? ["*"] {
            let modules = Wildcard.containsWildcard(name) ? layer.world.gallery.modules(matching: name)
                : layer.world.gallery.module(named: name).map { [$0] } ?? []
            var found = false
            for module in modules {
                var versions = module.versions.reversed().filter { request.accepts($0.version) }
                if !rt.bound.isOn("AllVersions") { versions = Array(versions.prefix(1)) }
                for entry in versions {
                    found = true
                    try rt.writeObject(PSGetObjects.item(module: module, installed: nil, version: entry.version, published: entry.publishedDate,
                                                         repository: repository))
                }
            }
            if !found && !Wildcard.containsWildcard(name) {
                try rt.writeError(PSGetObjects.packageError("Find-Package", ModuleOperationError.notInGallery(name: name, version: nil).message,
                                                            errorId: "NoMatchFoundForCriteria", category: .ObjectNotFound, target: name))
            }
        }
    }
}

// MARK: - Install-Module

/// `Install-Module [-Name] <string[]> [-RequiredVersion] [-Scope] [-Force] [-AllowClobber] [-AllowPrerelease] [-PassThru]`
final class InstallModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let request = try VersionRequest(rt, testWildcardsInName: true)
        let force = rt.bound.isOn("Force")
        let scope: ModuleScope = rt.bound.string("Scope")?.lowercased() == "allusers" ? .allUsers : .currentUser
        guard let repositories = try rt.requestedRepositories(layer),
              let repository = layer.world.repository(named: repositories.first ?? "PSGallery") else { return }
        try PSGetVerbose.searching(rt, repository, named: rt.bound.has("Repository"))
        for name in rt.bound.strings("Name") ?? [] {
            guard let module = layer.world.gallery.module(named: name),
                  let target = module.versions.reversed().first(where: { request.accepts($0.version) }) else {
                try rt.writeError(PSGetObjects.packageError("Install-Package", ModuleOperationError.notInGallery(name: name, version: nil).message,
                                                            errorId: "NoMatchFoundForCriteria", category: .ObjectNotFound, target: name))
                continue
            }
            let installed = layer.world.installedVersions(of: module.name)
            if !force, let newest = installed.first {
                // Install-PackageUtility.ps1 names the scope and folder before it finds the
                // module installed.
                try PSGetVerbose.destination(rt, layer, scope: scope)
                if request.required != nil {
                    if installed.contains(where: { $0.version == target.version }) { continue }
                } else {
                    if newest.version != target.version {
                        try rt.writeWarning("Version '\(newest.version)' of module '\(module.name)' is already installed at '\(newest.installedLocation)'. To install version '\(target.version)', run Install-Module and add the -Force parameter, this command will install version '\(target.version)' side-by-side with version '\(newest.version)'.")
                    } else {
                        try rt.writeVerbose("Version '\(newest.version)' of module '\(newest.name)' is already installed at '\(newest.installedLocation)'.")
                    }
                    continue
                }
            }
            guard try rt.shouldProcess(target: "Version '\(target.version)' of module '\(module.name)'", action: "Install-Module") else { continue }
            guard try rt.confirmUntrustedRepository(repository, force: force) else { continue }
            try PSGetVerbose.destination(rt, layer, scope: scope)
            let result: InstalledModule
            if let existing = layer.world.installedModule(module.name, version: target.version) {
                result = existing
            } else {
                guard let installed = try layer.change(rt, { world in
                    try world.install(module.name, version: target.version, scope: scope, repository: repository.name)
                }) else { continue }
                result = installed
            }
            try PSGetVerbose.installed(rt, result, from: repository)
            if rt.bound.isOn("PassThru") {
                try rt.writeObject(PSGetObjects.item(module: module, installed: result, version: result.version, published: target.publishedDate,
                                                     repository: repository))
            }
        }
    }
}

// MARK: - Update-Module

/// `Update-Module [[-Name] <string[]>] [-RequiredVersion] [-MaximumVersion] [-AllowPrerelease] [-Force] [-PassThru] [-WhatIf]`
final class UpdateModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let request = try VersionRequest(rt)
        let force = rt.bound.isOn("Force")
        var names: [String] = []
        for name in rt.bound.strings("Name") ?? ["*"] {
            if Wildcard.containsWildcard(name) {
                let pattern = Wildcard(name)
                for m in layer.world.installedModules where m.installedWithInstallModule && pattern.matches(m.name)
                    && !names.contains(where: { $0.caseInsensitiveCompare(m.name) == .orderedSame }) {
                    names.append(m.name)
                }
            } else {
                names.append(name)
            }
        }
        for name in names { try update(name, request, force, rt, layer) }
    }

    private func update(_ name: String, _ request: VersionRequest, _ force: Bool, _ rt: CommandRuntime, _ layer: ModuleLayer) throws {
        let installed = layer.world.installedVersions(of: name)
        if installed.isEmpty, !layer.moduleFiles(named: name).isEmpty || layer.availableModuleFiles().contains(where: {
            (($0 as NSString).lastPathComponent as NSString).deletingPathExtension.caseInsensitiveCompare(name) == .orderedSame
        }) {
            // On disk (Get-Module -ListAvailable finds it) but not installed by PowerShellGet.
            try rt.writeError(rt.makeError(.writeErrorException, "Module '\(name)' was not installed by using Install-Module, so it cannot be updated.",
                                           errorId: "ModuleNotInstalledUsingInstallModuleCmdlet", category: .InvalidOperation, target: .string(name)))
            return
        }
        guard let newest = installed.first else {
            try rt.writeError(rt.makeError(.argumentException,
                                           "Module '\(name)' was not updated because no valid module was found in the module directory. Verify that the module is located in the folder specified by $env:PSModulePath.",
                                           errorId: "ModuleNotInstalledOnThisMachine", category: .ObjectNotFound, target: .string(name)))
            return
        }
        guard newest.installedWithInstallModule else {
            try rt.writeError(rt.makeError(.writeErrorException, "Module '\(newest.name)' was not installed by using Install-Module, so it cannot be updated.",
                                           errorId: "ModuleNotInstalledUsingInstallModuleCmdlet", category: .InvalidOperation, target: .string(name)))
            return
        }
        let repository = layer.world.repository(named: newest.repository ?? "PSGallery") ?? ModuleRepository.psGallery(trusted: true)
        try rt.writeVerbose(" Checking for updates for module '\(newest.name)'.")
        try PSGetVerbose.searching(rt, repository, named: true)
        guard let module = layer.world.gallery.module(named: newest.name) else { return }
        var upper = request
        upper.minimum = nil
        guard let target = module.versions.reversed().first(where: { upper.accepts($0.version) }) else {
            if request.required != nil {
                try rt.writeError(PSGetObjects.packageError("Install-Package", ModuleOperationError.notInGallery(name: name, version: nil).message,
                                                            errorId: "NoMatchFoundForCriteria", category: .ObjectNotFound, target: name))
            }
            return
        }
        if installed.contains(where: { $0.version == target.version }) || request.required == nil && target.version <= newest.version {
            try rt.writeVerbose("No updates were found for module '\(newest.name)'.")
            return
        }
        let what = "Version '\(newest.version)' of module '\(newest.name)', updating to version '\(target.version)'"
        guard try rt.shouldProcess(target: what, action: "Update-Module") else { return }
        guard try rt.confirmUntrustedRepository(repository, force: force) else { return }
        try PSGetVerbose.destination(rt, layer, scope: newest.scope)
        try rt.writeVerbose("An update for the module '\(newest.name)' was found with version '\(target.version)'.")
        guard let result = try layer.change(rt, { world in
            try world.install(newest.name, version: target.version, scope: newest.scope, repository: repository.name)
        }) else { return }
        try PSGetVerbose.installed(rt, result, from: repository)
        if rt.bound.isOn("PassThru") {
            try rt.writeObject(PSGetObjects.item(module: module, installed: result, version: result.version, published: target.publishedDate,
                                                 repository: repository))
        }
    }
}

// MARK: - Uninstall-Module

/// `Uninstall-Module [-Name] <string[]> [-RequiredVersion] [-AllVersions] [-MinimumVersion] [-MaximumVersion]`
final class UninstallModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        var request = try VersionRequest(rt, testWildcardsInName: true)
        request.allowPrerelease = true
        for name in rt.bound.strings("Name") ?? [] {
            let versions = layer.world.installedVersions(of: name).filter { $0.installedWithInstallModule && request.accepts($0.version) }
            let chosen = rt.bound.isOn("AllVersions") || !request.isEmpty && request.required == nil ? versions : Array(versions.prefix(1))
            if chosen.isEmpty {
                try rt.writeError(PSGetObjects.packageError("Get-Package", ModuleOperationError.notInstalled(name: name, version: nil).message,
                                                            errorId: "NoMatchFound", category: .ObjectNotFound, target: name))
                continue
            }
            for m in chosen {
                guard try rt.shouldProcess(target: "Version '\(m.version)' of module '\(m.name)'", action: "Uninstall-Module") else { continue }
                guard try layer.change(rt, { world in try world.uninstall(m.name, version: m.version) }) != nil else { continue }
                try rt.writeVerbose("Successfully uninstalled the module '\(m.name)' from module base '\(m.installedLocation)'.")
            }
        }
    }
}

// MARK: - Get-InstalledModule

/// `Get-InstalledModule [[-Name] <string[]>] [-MinimumVersion] [-RequiredVersion] [-MaximumVersion] [-AllVersions] [-AllowPrerelease]`
final class GetInstalledModuleCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let request = try VersionRequest(rt)
        let all = rt.bound.isOn("AllVersions") || request.minimum != nil || request.maximum != nil
        for name in rt.bound.strings("Name") ?? ["*"] {
            let pattern = Wildcard(name)
            let candidates = layer.world.installedModules.filter { $0.installedWithInstallModule && pattern.matches($0.name) }
            var byName: [String: [InstalledModule]] = [:]
            for m in candidates where request.accepts(m.version) { byName[m.name.lowercased(), default: []].append(m) }
            var found = false
            for key in byName.keys.sorted() {
                var versions = (byName[key] ?? []).sorted { $0.version > $1.version }
                if !all { versions = Array(versions.prefix(1)) }
                for m in versions {
                    found = true
                    let module = layer.world.gallery.module(named: m.name)
                    try rt.writeObject(PSGetObjects.item(module: module, installed: m, version: m.version, published: m.publishedDate,
                                                         repository: layer.world.repository(named: m.repository ?? "PSGallery")))
                }
            }
            if !found && !Wildcard.containsWildcard(name) {
                try rt.writeError(PSGetObjects.packageError("Get-Package", ModuleOperationError.notInstalled(name: name, version: nil).message,
                                                            errorId: "NoMatchFound", category: .ObjectNotFound, target: name))
            }
        }
    }
}

// MARK: - Repositories

/// `Get-PSRepository [[-Name] <string[]>]`
final class GetPSRepositoryCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        for name in rt.bound.strings("Name") ?? ["*"] {
            let pattern = Wildcard(name)
            let matches = layer.world.repositories.filter { pattern.matches($0.name) }
            for r in matches { try rt.writeObject(PSGetObjects.repository(r)) }
            if matches.isEmpty && !Wildcard.containsWildcard(name) {
                try rt.writeError(PSGetObjects.packageError("Get-PackageSource", "Unable to find repository '\(name)'. Use Get-PSRepository to see all available repositories.",
                                                            errorId: "SourceNotFound", category: .ObjectNotFound, target: name))
            }
        }
    }
}

/// `Set-PSRepository [-Name] <string> [-InstallationPolicy Trusted|Untrusted]`
final class SetPSRepositoryCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard let name = rt.bound.string("Name") else { return }
        guard layer.world.repository(named: name) != nil else {
            try rt.writeError(PSGetObjects.packageError("Set-PackageSource", "Unable to find repository '\(name)'. Use Get-PSRepository to see all available repositories.",
                                                        errorId: "SourceNotFound", category: .ObjectNotFound, target: name))
            return
        }
        if let policy = rt.bound.string("InstallationPolicy") {
            try layer.change(rt) { world in world.setRepositoryTrusted(name, trusted: policy.lowercased() == "trusted") }
        }
    }
}
