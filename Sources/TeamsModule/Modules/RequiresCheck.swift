import Foundation
import PowerShellRuntime
import PowerShellSyntax
import TeamsTenant

/// `#Requires` checked before a script runs, with pwsh's messages: `-Version`, `-PSEdition`,
/// `-Modules` (names, or hashtables with ModuleName and ModuleVersion / RequiredVersion /
/// MaximumVersion / GUID) and `-RunAsAdministrator`. Required modules that are found are
/// imported, as pwsh does.
extension ModuleLayer {
    func checkRequires(_ ast: ScriptBlockAst, path: String) -> ErrorRecord? {
        let script = (path as NSString).lastPathComponent
        var missing: [String] = []
        for directive in ast.requires {
            switch directive.parameter.lowercased() {
            case "version":
                let text = directive.argument.trimmingCharacters(in: .whitespaces)
                guard let wanted = ModuleVersion(text.contains(".") ? text : text + ".0"),
                      let running = ModuleVersion(world.machine.powerShellVersion), wanted > running else { continue }
                return failure("The script '\(script)' cannot be run because it contained a \"#requires\" statement for PowerShell \(text). The version of PowerShell that is required by the script does not match the currently running version of PowerShell \(world.machine.powerShellVersion).",
                               errorId: "ScriptRequiresUnmatchedPSVersion")
            case "psedition":
                let edition = directive.argument.trimmingCharacters(in: .whitespaces)
                if edition.caseInsensitiveCompare("Core") == .orderedSame { continue }
                return failure("The script '\(script)' cannot be run because it contained a \"#requires\" statement for PowerShell editions '\(edition)'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core.",
                               errorId: "ScriptRequiresUnmatchedPSEdition")
            case "runasadministrator":
                if world.machine.isAdministrator { continue }
                return failure("The script '\(script)' cannot be run because it contains a \"#requires\" statement for running as Administrator. The current PowerShell session is not running as Administrator. Start PowerShell by using the Run as Administrator option, and then try running the script again.",
                               errorId: "ScriptRequiresElevation", category: .PermissionDenied)
            case "modules":
                for spec in moduleSpecifications(directive.argument) {
                    if let problem = satisfy(spec) { missing.append(problem) }
                }
            default:
                continue
            }
        }
        if missing.isEmpty { return nil }
        return failure("The script '\(script)' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: \(missing.joined(separator: ", ")).",
                       errorId: "ScriptRequiresMissingModules")
    }

    private func failure(_ message: String, errorId: String, category: ErrorCategory = .ResourceUnavailable) -> ErrorRecord {
        ErrorRecord(exception: PSExceptionObject(.custom(["System.Management.Automation.ScriptRequiresException", "System.Management.Automation.RuntimeException",
                                                          "System.SystemException", "System.Exception"]), message),
                    errorId: errorId, category: category)
    }

    /// One `-Modules` entry: a name, or ModuleName with one version bound and/or a GUID.
    struct ModuleSpecification {
        var name: String
        var moduleVersion: String?
        var requiredVersion: String?
        var maximumVersion: String?
        var guid: String?
    }

    /// The entries of a `-Modules` argument: names and `@{ … }` hashtables, comma-separated.
    func moduleSpecifications(_ argument: String) -> [ModuleSpecification] {
        var specs: [ModuleSpecification] = []
        for piece in splitTopLevel(argument) {
            let text = piece.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("@{") {
                guard let sb = try? context.parseScriptBlock(text),
                      let values = try? context.invokeScriptBlock(sb, args: [], dollarUnder: nil),
                      let table = values.first?.hashtable, let name = table.string("ModuleName") else { continue }
                specs.append(ModuleSpecification(name: name, moduleVersion: table.string("ModuleVersion"), requiredVersion: table.string("RequiredVersion"),
                                                 maximumVersion: table.string("MaximumVersion"), guid: table.string("GUID")))
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
            if let v = spec.moduleVersion.flatMap(ModuleVersion.init), m.version.release < v.release { return false }
            if let v = spec.requiredVersion.flatMap(ModuleVersion.init), m.version.release != v.release { return false }
            if let v = spec.maximumVersion.flatMap(ModuleVersion.init), m.version.release > v.release { return false }
            return true
        }
        guard let best = versions.first else {
            if let v = spec.requiredVersion { return "The module '\(spec.name)' cannot be found with RequiredVersion '\(v)'." }
            if let v = spec.moduleVersion { return "The module '\(spec.name)' cannot be found with ModuleVersion '\(v)'." }
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
}
