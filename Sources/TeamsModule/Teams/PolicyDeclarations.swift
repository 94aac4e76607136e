import PowerShellRuntime
import TeamsTenant

/// Parameter declarations of a policy type's five cmdlets, from its descriptor and the module
/// version (catalog §2): the 2021-era proxy shapes (Object-typed, `-LocalStore`, `-InMemory`,
/// `-Force`) up to 3.0.x, the generated proxy functions of 7.7.0 after, and the compiled cmdlets
/// of `Microsoft.Teams.Policy.Administration.Cmdlets.Core` from the version that re-implemented a
/// family (typed parameters, `-Force`, Set's pipeline `-Instance`).
enum PolicyDeclarations {
    static let switchType = "System.Management.Automation.SwitchParameter"
    static let stringType = "System.String"
    static let objectType = "System.Object"

    static func declaration(verb: PolicyCmdletVerb, descriptor: PolicyTypeDescriptor, version: ModuleVersion) -> CommandDeclaration {
        let implementation = descriptor.cmdlets.implementation(of: verb, in: version)
        let shape: Shape = implementation == .binaryCmdlet ? .binary
            : PolicyCmdletShape.forModule(version) == .modernProxy ? .proxy : .xdsObject
        let name = verb.rawValue + "-" + descriptor.cmdletNoun
        var parameters: [ParameterDeclaration]
        var defaultSet: String? = "Identity"
        switch verb {
        case .get:
            parameters = getParameters(shape)
            if shape == .xdsObject { defaultSet = nil }
        case .new, .set:
            parameters = [identity(shape, mandatory: verb == .new && shape != .xdsObject)]
                + settingParameters(descriptor, shape: shape, version: version)
            if shape != .proxy { parameters.append(ParameterDeclaration(name: "Force", typeName: switchType)) }
            if shape == .xdsObject, verb == .new { parameters.append(ParameterDeclaration(name: "InMemory", typeName: switchType)) }
            // NOTE: the docs give Set an `-Instance` taking a policy from the pipeline; 7.7.0's
            // compiled Set was not read, so teamsh keeps it there too (`Get-… | Set-… -X …`).
            if shape != .proxy, verb == .set {
                parameters.append(ParameterDeclaration(name: "Instance", typeName: shape == .binary ? "System.Management.Automation.PSObject" : objectType,
                                                       sets: [ParameterSetMembership(valueFromPipeline: true)]))
            }
        case .remove:
            parameters = [ParameterDeclaration(name: "Identity", typeName: shape == .xdsObject ? objectType : stringType,
                                               sets: [ParameterSetMembership(position: 1, mandatory: shape != .xdsObject,
                                                                             valueFromPipelineByPropertyName: true)])]
            if shape != .proxy { parameters.append(ParameterDeclaration(name: "Force", typeName: switchType)) }
        case .grant:
            parameters = grantParameters(shape, version: version)
        }
        let binary = shape == .binary
        var declaration = CommandDeclaration(
            name: name, parameters: parameters, defaultParameterSet: defaultSet,
            outputTypes: [binary && verb == .get ? descriptor.objectTypeName : objectType],
            supportsShouldProcess: verb != .get, positionalBinding: false, synopsis: synopsis(verb, descriptor),
            // NOTE: the compiled cmdlets' class names are not known; teamsh names them
            // `<Verb><Noun>Cmdlet` in the Core namespace (they appear only in FullyQualifiedErrorIds).
            implementingTypeName: binary ? "Microsoft.Teams.Policy.Administration.Cmdlets.Core." + verb.rawValue + descriptor.cmdletNoun + "Cmdlet" : nil,
            commandType: binary ? "Cmdlet" : "Function")
        resolveTypes(&declaration)
        return declaration
    }

    /// How a version declares a cmdlet's parameters.
    enum Shape {
        case xdsObject, proxy, binary
    }

    /// Parameter types resolved once here, not at every call (a bulk script binds them 100,000 times).
    static func resolveTypes(_ declaration: inout CommandDeclaration) {
        for index in declaration.parameters.indices where declaration.parameters[index].resolvedType == nil {
            declaration.parameters[index].resolvedType = TypeResolver.resolve(name: declaration.parameters[index].typeName)
        }
    }

    static func identity(_ shape: Shape, mandatory: Bool) -> ParameterDeclaration {
        ParameterDeclaration(name: "Identity", typeName: shape == .xdsObject ? objectType : stringType,
                             sets: [ParameterSetMembership(position: 1, mandatory: mandatory)])
    }

    static func getParameters(_ shape: Shape) -> [ParameterDeclaration] {
        if shape == .xdsObject {
            return [
                ParameterDeclaration(name: "LocalStore", typeName: switchType),
                ParameterDeclaration(name: "Identity", typeName: objectType, sets: [ParameterSetMembership(position: 1)]),
                ParameterDeclaration(name: "Filter", typeName: objectType),
            ]
        }
        return [
            ParameterDeclaration(name: "Identity", typeName: stringType, sets: [ParameterSetMembership(setName: "Identity", position: 1)]),
            ParameterDeclaration(name: "Filter", typeName: stringType, sets: [ParameterSetMembership(setName: "Filter")]),
        ]
    }

    /// Grant's Identity, Global and Group sets (Group and Rank from 4.5.0 on); compiled Grants add
    /// `-Force` and type Rank as Int32 (Microsoft365DSC's stubs), the proxies as Nullable[Int32].
    static func grantParameters(_ shape: Shape, version: ModuleVersion) -> [ParameterDeclaration] {
        var parameters = [
            ParameterDeclaration(name: "Identity", typeName: stringType,
                                 sets: [ParameterSetMembership(setName: "Identity", position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true)]),
            ParameterDeclaration(name: "PassThru", typeName: switchType),
            ParameterDeclaration(name: "PolicyName", typeName: stringType, sets: [ParameterSetMembership(position: 1)], allowNull: true, allowEmptyString: true),
            ParameterDeclaration(name: "Global", typeName: switchType, sets: [ParameterSetMembership(setName: "GrantToTenant")]),
        ]
        if version.release >= PolicyCmdletSet.grantToGroupSince {
            parameters.append(ParameterDeclaration(name: "Group", typeName: stringType,
                                                   sets: [ParameterSetMembership(setName: "GrantToGroup", position: 0, mandatory: true)]))
            parameters.append(ParameterDeclaration(name: "Rank", typeName: shape == .binary ? "System.Int32" : "System.Nullable`1[System.Int32]",
                                                   sets: [ParameterSetMembership(setName: "GrantToGroup")]))
        }
        if shape == .binary { parameters.append(ParameterDeclaration(name: "Force", typeName: switchType)) }
        return parameters
    }

    /// One parameter per setting the version takes. Proxy functions type them String, Boolean,
    /// Int64 or Object; compiled cmdlets as the descriptor says; the 2021-era shapes Object. Choice
    /// settings validate against their known values in every shape (the simulator spec's
    /// deliberate ValidateSet, carried over to every family: catalog §6).
    static func settingParameters(_ descriptor: PolicyTypeDescriptor, shape: Shape, version: ModuleVersion) -> [ParameterDeclaration] {
        descriptor.settings.filter { $0.isParameter(in: version) }.map { setting in
            var p = ParameterDeclaration(name: setting.name, typeName: parameterType(setting, shape))
            if case .choice(let values) = setting.kind { p.validations = [.set(values, ignoreCase: true)] }
            if setting.kind.isList { p.allowNull = true }
            return p
        }
    }

    static func parameterType(_ setting: PolicySettingDescriptor, _ shape: Shape) -> String {
        switch shape {
        case .xdsObject:
            return objectType
        case .binary:
            return setting.parameterTypeName
        case .proxy:
            switch setting.kind {
            case .boolean: return "System.Boolean"
            case .integer: return "System.Int64"
            case .stringList, .objectList: return objectType
            case .text, .choice, .guid, .dateTime: return stringType
            }
        }
    }

    /// Get-Help synopses, in our own words.
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
