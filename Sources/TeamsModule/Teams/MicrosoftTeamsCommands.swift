import Foundation
import PowerShellRuntime
import TeamsTenant

/// The commands of a MicrosoftTeams version: Functions of the module (spec §2) whose behaviour
/// is compiled in. Each version gets its own declarations (names, parameter sets, Version), so
/// `Get-Command`, `Get-Help` and the binder see that version's signatures.
enum MicrosoftTeamsCommands {
    static let moduleName = MicrosoftTeamsReleases.moduleName

    /// Registrations for every command the version exports.
    static func registrations(for version: ModuleVersion) -> [CmdletRegistration] {
        MicrosoftTeamsReleases.exportedCommands(for: version).compactMap { registration(named: $0, version: version) }
    }

    static func registration(named name: String, version: ModuleVersion) -> CmdletRegistration? {
        let shape = PolicyCmdletShape.forModule(version)
        for descriptor in PolicyTypeRegistry.all {
            guard let verb = PolicyCmdletVerb.of(name, noun: descriptor.cmdletNoun) else { continue }
            var declaration = PolicyDeclarations.declaration(verb: verb, descriptor: descriptor, shape: shape)
            stamp(&declaration, version)
            return CmdletRegistration(declaration: declaration, type: verb.cmdletType)
        }
        guard let (declaration, type) = TeamsCommandDeclarations.declaration(named: name) else { return nil }
        var d = declaration
        stamp(&d, version)
        return CmdletRegistration(declaration: d, type: type)
    }

    private static func stamp(_ d: inout CommandDeclaration, _ version: ModuleVersion) {
        if d.helpText == nil { d.helpText = TeamsHelp.text(for: d.name) }
        d.moduleName = moduleName
        d.commandType = "Function"
        d.version = version.numericText
    }
}

/// The five cmdlets every policy type has.
enum PolicyCmdletVerb: String, CaseIterable {
    case get = "Get", new = "New", set = "Set", remove = "Remove", grant = "Grant"

    static func of(_ commandName: String, noun: String) -> PolicyCmdletVerb? {
        guard let dash = commandName.firstIndex(of: "-"),
              commandName[commandName.index(after: dash)...].caseInsensitiveCompare(noun) == .orderedSame else { return nil }
        let verb = commandName[..<dash]
        return allCases.first { $0.rawValue.caseInsensitiveCompare(verb) == .orderedSame }
    }

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

/// Parameter declarations of a policy type's five cmdlets, from its descriptor (facts §1).
enum PolicyDeclarations {
    static let switchType = "System.Management.Automation.SwitchParameter"

    static func declaration(verb: PolicyCmdletVerb, descriptor: PolicyTypeDescriptor, shape: PolicyCmdletShape) -> CommandDeclaration {
        let name = verb.rawValue + "-" + descriptor.cmdletNoun
        let modern = shape == .modernProxy
        let identityType = modern ? "System.String" : "System.Object"
        var parameters: [ParameterDeclaration] = []
        var defaultSet: String? = "Identity"
        var shouldProcess = true
        switch verb {
        case .get:
            shouldProcess = false
            if modern {
                parameters = [
                    ParameterDeclaration(name: "Identity", typeName: identityType, sets: [ParameterSetMembership(setName: "Identity", position: 1)]),
                    ParameterDeclaration(name: "Filter", typeName: "System.String", sets: [ParameterSetMembership(setName: "Filter")]),
                ]
            } else {
                defaultSet = nil
                parameters = [
                    ParameterDeclaration(name: "LocalStore", typeName: switchType),
                    ParameterDeclaration(name: "Identity", typeName: identityType, sets: [ParameterSetMembership(position: 1)]),
                    ParameterDeclaration(name: "Filter", typeName: "System.Object"),
                ]
            }
        case .new, .set:
            let identity = ParameterDeclaration(name: "Identity", typeName: identityType,
                                                sets: [ParameterSetMembership(position: 1, mandatory: verb == .new && modern)])
            parameters = [identity] + settingParameters(descriptor, modern: modern)
            if !modern {
                parameters.append(ParameterDeclaration(name: "Force", typeName: switchType))
                if verb == .new { parameters.append(ParameterDeclaration(name: "InMemory", typeName: switchType)) }
                if verb == .set {
                    parameters.append(ParameterDeclaration(name: "Instance", typeName: "System.Object",
                                                           sets: [ParameterSetMembership(valueFromPipeline: true)]))
                }
            }
        case .remove:
            parameters = [ParameterDeclaration(name: "Identity", typeName: identityType,
                                               sets: [ParameterSetMembership(position: 1, mandatory: modern, valueFromPipelineByPropertyName: true)])]
            if !modern { parameters.append(ParameterDeclaration(name: "Force", typeName: switchType)) }
        case .grant:
            parameters = [
                ParameterDeclaration(name: "Identity", typeName: "System.String",
                                     sets: [ParameterSetMembership(setName: "Identity", position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)]),
                ParameterDeclaration(name: "PassThru", typeName: switchType),
                ParameterDeclaration(name: "PolicyName", typeName: "System.String", sets: [ParameterSetMembership(position: 1)], allowNull: true, allowEmptyString: true),
                ParameterDeclaration(name: "Global", typeName: switchType, sets: [ParameterSetMembership(setName: "GrantToTenant")]),
                ParameterDeclaration(name: "Group", typeName: "System.String", sets: [ParameterSetMembership(setName: "GrantToGroup", position: 0, mandatory: true)]),
                ParameterDeclaration(name: "Rank", typeName: "System.Int32", sets: [ParameterSetMembership(setName: "GrantToGroup")]),
            ]
        }
        return CommandDeclaration(name: name, parameters: parameters, defaultParameterSet: defaultSet, outputTypes: ["System.Object"],
                                  supportsShouldProcess: shouldProcess, positionalBinding: false,
                                  synopsis: synopsis(verb, descriptor), commandType: "Function")
    }

    /// One String parameter per setting; choice settings validate against their values
    /// (spec §3's deliberate ValidateSet).
    static func settingParameters(_ descriptor: PolicyTypeDescriptor, modern: Bool) -> [ParameterDeclaration] {
        descriptor.settings.map { setting in
            var p = ParameterDeclaration(name: setting.name, typeName: modern ? "System.String" : "System.Object")
            if case .choice(let values) = setting.kind { p.validations = [.set(values, ignoreCase: true)] }
            return p
        }
    }

    static func synopsis(_ verb: PolicyCmdletVerb, _ d: PolicyTypeDescriptor) -> String {
        switch verb {
        case .get: return "Returns information about the \(d.name) instances configured in the tenant."
        case .new: return "Creates a new \(d.name) instance."
        case .set: return "Modifies an existing \(d.name) instance (Global when no Identity is given)."
        case .remove: return "Deletes a \(d.name) instance (on Global, resets it to its defaults)."
        case .grant: return "Assigns a \(d.name) to a user, a group, or the whole tenant."
        }
    }
}
