import Foundation
import PowerShellRuntime
import TeamsTenant

/// The commands of a MicrosoftTeams version: Functions of the module (spec §2) whose behaviour
/// is compiled in. Each version gets its own declarations (names, parameter sets, Version), so
/// `Get-Command`, `Get-Help` and the binder see that version's signatures.
enum MicrosoftTeamsCommands {
    static let moduleName = MicrosoftTeamsReleases.moduleName

    /// Registrations for every command the version exports (the policy cmdlets of `catalog`'s types).
    static func registrations(for version: ModuleVersion, catalog: PolicyCatalog = .standard) -> [CmdletRegistration] {
        MicrosoftTeamsReleases.exportedCommands(for: version, catalog: catalog).compactMap {
            registration(named: $0, version: version, catalog: catalog)
        }
    }

    static func registration(named name: String, version: ModuleVersion, catalog: PolicyCatalog = .standard) -> CmdletRegistration? {
        if let (descriptor, verb) = catalog.policyCmdlet(named: name) {
            var declaration = PolicyDeclarations.declaration(verb: verb, descriptor: descriptor, version: version)
            declaration.helpText = declaration.helpText ?? TeamsHelp.text(for: name, catalog: catalog)
            stamp(&declaration, version)
            return CmdletRegistration(declaration: declaration, type: verb.cmdletType)
        }
        guard let (declaration, type) = TeamsCommandDeclarations.declaration(named: name) else { return nil }
        var d = declaration
        stamp(&d, version)
        PolicyDeclarations.resolveTypes(&d)
        return CmdletRegistration(declaration: d, type: type)
    }

    /// The commands that are compiled cmdlets in a version (the rest are functions): the team
    /// cmdlets, and the policy cmdlets a version implements as compiled cmdlets.
    static func isCompiled(_ name: String, version: ModuleVersion, catalog: PolicyCatalog) -> Bool {
        if let (descriptor, verb) = catalog.policyCmdlet(named: name) {
            return descriptor.cmdlets.implementation(of: verb, in: version) == .binaryCmdlet
        }
        return TeamsCommandDeclarations.compiledCommands.contains(name.lowercased())
    }

    /// Module name and version; CommandType stays as declared (Function for the generated proxy
    /// functions, Cmdlet for compiled cmdlets).
    private static func stamp(_ d: inout CommandDeclaration, _ version: ModuleVersion) {
        if d.helpText == nil { d.helpText = TeamsHelp.text(for: d.name) }
        d.moduleName = moduleName
        d.version = version.numericText
        // The module's help files are not shipped; Get-Help shows the synopsis written for teamsh.
        if d.helpText == nil, let synopsis = d.synopsis { d.helpText = ".SYNOPSIS\n" + synopsis + "\n" }
    }
}

extension PolicyCmdletVerb {
    /// The generic cmdlet class serving this verb for every policy type.
    var cmdletType: Cmdlet.Type {
        switch self {
        case .get: return GetPolicyCommand.self
        case .new: return NewPolicyCommand.self
        case .set: return SetPolicyCommand.self
        case .remove: return RemovePolicyCommand.self
        case .grant: return GrantPolicyCommand.self
        }
    }
}

