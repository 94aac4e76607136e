import Foundation
import PowerShellRuntime
import PowerShellSyntax
import TeamsTenant

/// `#Requires` checked before a script runs, with pwsh's messages, in pwsh's order
/// (CommandDiscovery.VerifyScriptRequirements at v7.6.5): `-RunAsAdministrator`, `-Version`
/// (valid: 1.0–5.1, 6.0–6.2, 7.0 up to the running minor version; only major and minor count),
/// `-PSEdition` (one of the editions must be Core), `-Modules` (names, or hashtables with
/// ModuleName and ModuleVersion / RequiredVersion / MaximumVersion / GUID; required modules
/// that are found are imported), then `-ShellId` (never satisfied in pwsh's single shell).
/// The parser has already refused malformed directives (see Parser+Requires.swift).
extension ModuleLayer {
    func checkRequires(_ ast: ScriptBlockAst, path: String) -> ErrorRecord? {
        let script = (path as NSString).lastPathComponent
        func arguments(_ name: String) -> [String] {
            ast.requires.filter { $0.parameter.caseInsensitiveCompare(name) == .orderedSame }.map(\.argument)
        }
        if !arguments("RunAsAdministrator").isEmpty && !world.machine.isAdministrator {
            return failure("The script '\(script)' cannot be run because it contains a \"#requires\" statement for running as Administrator. The current PowerShell session is not running as Administrator. Start PowerShell by using the Run as Administrator option, and then try running the script again.",
                           errorId: "ScriptRequiresElevation", category: .PermissionDenied)
        }
        for text in arguments("Version") where !ModuleLayer.isValidPSVersion(text, running: world.machine.powerShellVersion) {
            return failure("The script '\(script)' cannot be run because it contained a \"#requires\" statement for PowerShell \(text). The version of PowerShell that is required by the script does not match the currently running version of PowerShell \(world.machine.powerShellVersion).",
                           errorId: "ScriptRequiresUnmatchedPSVersion")
        }
        for editions in arguments("PSEdition") {
            let list = editions.split(separator: ",").map(String.init)
            if list.isEmpty || list.contains(where: { $0.caseInsensitiveCompare("Core") == .orderedSame }) { continue }
            // A plain RuntimeException (category NotSpecified), so ConciseView names it by its type.
            return ErrorRecord(exception: PSExceptionObject(.runtimeException, "The script '\(script)' cannot be run because it contained a \"#requires\" statement for PowerShell editions '\(list.joined(separator: ","))'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core edition."),
                               errorId: "ScriptRequiresUnmatchedPSEdition", category: .NotSpecified, targetObject: .string(script))
        }
        var missing: [String] = []
        for argument in arguments("Modules") {
            for spec in moduleSpecifications(argument) {
                if let problem = satisfy(spec) { missing.append(problem) }
            }
        }
        if !missing.isEmpty {
            return failure("The script '\(script)' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: \(missing.joined(separator: ", ")).",
                           errorId: "ScriptRequiresMissingModules")
        }
        if !arguments("ShellId").isEmpty {
            return failure("A #requires statement has specified only a shellID. #Requires statements must specify a required PowerShell snap-in when running in PowerShell.",
                           errorId: "RequiresShellIDInvalidForSingleShell")
        }
        return nil
    }

    /// pwsh's PSVersionInfo.IsValidPSVersion: the versions that have existed, by major and minor.
    static func isValidPSVersion(_ text: String, running: String) -> Bool {
        let parts = text.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return false }
        let (major, minor) = (parts[0], parts[1])
        let runningMinor = running.split(separator: ".").dropFirst().first.flatMap { Int($0) } ?? 0
        switch major {
        case 1, 2, 3, 4: return minor == 0
        case 5: return minor == 0 || minor == 1
        case 6: return minor >= 0 && minor <= 2
        case 7: return minor >= 0 && minor <= runningMinor
        default: return false
        }
    }

    private func failure(_ message: String, errorId: String, category: ErrorCategory = .ResourceUnavailable) -> ErrorRecord {
        ErrorRecord(exception: PSExceptionObject(.custom(["System.Management.Automation.ScriptRequiresException", "System.Management.Automation.RuntimeException",
                                                          "System.SystemException", "System.Exception"]), message),
                    errorId: errorId, category: category)
    }

    /// The entries of a `-Modules` argument: names and `@{ … }` hashtables, comma-separated.
    func moduleSpecifications(_ argument: String) -> [ModuleSpecification] {
        var specs: [ModuleSpecification] = []
        for piece in splitTopLevel(argument) {
            let text = piece.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("@{") {
                guard let sb = try? context.parseScriptBlock(text),
                      let values = try? context.invokeScriptBlock(sb, args: [], dollarUnder: nil),
                      let value = values.first, value.hashtable != nil, let spec = ModuleSpecification(value) else { continue }
                specs.append(spec)
            } else if !text.isEmpty {
                specs.append(ModuleSpecification(name: text.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))))
            }
        }
        return specs
    }

    private func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for ch in text {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "{" || ch == "(" {
                depth += 1
            } else if ch == "}" || ch == ")" {
                depth -= 1
            } else if ch == ",", depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(ch)
        }
        parts.append(current)
        return parts
    }

    /// Imports what a specification names; the missing-module text when nothing fits.
    private func satisfy(_ spec: ModuleSpecification) -> String? {
        let versions = world.installedVersions(of: spec.name).filter { m in
            if let g = spec.guid, m.guid.caseInsensitiveCompare(g) != .orderedSame { return false }
            if let v = spec.minimumVersion.flatMap(ModuleVersion.init), m.version.release < v.release { return false }
            if let v = spec.requiredVersion.flatMap(ModuleVersion.init), m.version.release != v.release { return false }
            if let v = spec.maximumVersion.flatMap(ModuleVersion.init), m.version.release > v.release { return false }
            return true
        }
        guard let best = versions.first else {
            if satisfyOutsideWorld(spec) { return nil }
            if let v = spec.requiredVersion { return "The module '\(spec.name)' cannot be found with RequiredVersion '\(v)'." }
            if let v = spec.minimumVersion { return "The module '\(spec.name)' cannot be found with ModuleVersion '\(v)'." }
            if let v = spec.maximumVersion { return "The module '\(spec.name)' cannot be found with MaximumVersion '\(v)'." }
            if let g = spec.guid { return "The module '\(spec.name)' cannot be found with GUID '\(g)'." }
            return "The module '\(spec.name)' cannot be found."
        }
        if let loaded = loadedModule(named: best.name), versions.contains(where: { $0.version.numericText == loaded.version }) { return nil }
        do {
            try importInstalled(best)
        } catch let error as ModuleImportError {
            return "The module '\(spec.name)' cannot be loaded: \(error.message)."
        } catch {
            return "The module '\(spec.name)' cannot be found."
        }
        return nil
    }

    /// A module the simulated machine does not have: a loaded one that fits, else the bundled
    /// Pester or a module on `$env:PSModulePath`, imported globally.
    private func satisfyOutsideWorld(_ spec: ModuleSpecification) -> Bool {
        let required = spec.requiredVersion.flatMap(ModuleVersion.init)
        let minimum = spec.minimumVersion.flatMap(ModuleVersion.init)
        let maximum = spec.maximumVersion.flatMap(ModuleVersion.init)
        func fits(_ m: PSModuleInfo) -> Bool {
            if let g = spec.guid, m.guid.caseInsensitiveCompare(g) != .orderedSame { return false }
            guard let v = ModuleVersion(m.version) else { return required == nil && minimum == nil && maximum == nil }
            if let required, v.release != required.release { return false }
            if let minimum, v.release < minimum.release { return false }
            if let maximum, v.release > maximum.release { return false }
            return true
        }
        let leaf = ((spec.name as NSString).lastPathComponent as NSString).deletingPathExtension
        if allModules.contains(where: { $0.name.caseInsensitiveCompare(leaf) == .orderedSame && fits($0) }) { return true }
        var options = ModuleImportOptions()
        options.global = true
        guard let module = try? importByName(spec.name, options: options, required: required, minimum: minimum, maximum: maximum,
                                             importer: ModuleImporter(runtime: nil)) else { return false }
        return fits(module)
    }
}
