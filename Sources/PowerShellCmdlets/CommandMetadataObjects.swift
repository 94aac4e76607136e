import PowerShellRuntime

/// The parameter metadata a CommandInfo carries (pwsh's CommandInfo.Parameters,
/// ParameterSets, DefaultParameterSet and OutputType, CommandInfo.cs and
/// CommandParameterSetInfo.cs at v7.6.5): `Parameters` maps every parameter — the declared
/// ones, then the common parameters of cmdlets and advanced functions, then -WhatIf and
/// -Confirm — to a ParameterMetadata; `ParameterSets` lists one CommandParameterSetInfo per
/// set (the one set `__AllParameterSets` when none is declared), whose ToString is the set's
/// syntax.
enum CommandMetadata {
    static func install() {
        CommandInfoObject.metadataProperty = property
    }

    static func property(_ info: CommandInfoObject, _ name: String) -> Value? {
        guard let d = info.declaration else { return nil }
        switch name {
        case "parameters":
            let h = PSHashtable(ordered: true, caseInsensitive: true)
            h.dictionaryTypes = (TypeResolver.string, PSType(kind: .named, fullName: "System.Management.Automation.ParameterMetadata"))
            for p in allParameters(d) { h.set(.string(p.name), .object(ParameterMetadataObject(p))) }
            return .object(h)
        case "parametersets":
            let sets = CommandSyntax.setNames(d)
            let items: [Value] = sets.map { set in
                let members = allParameters(d).compactMap { p in CommandSyntax.membership(p, in: set).map { (p, $0) } }
                let isDefault = sets.count == 1 || set.caseInsensitiveCompare(d.defaultParameterSet ?? "") == .orderedSame
                let syntax = CommandSyntax.parameterText(d, in: set, common: d.supportsCommonParameters)
                return .object(CommandParameterSetInfoObject(name: set, isDefault: isDefault, parameters: members, syntax: syntax))
            }
            return .object(PSArray(items, kind: .genericList(elementType: "System.Management.Automation.CommandParameterSetInfo")))
        case "defaultparameterset":
            return d.defaultParameterSet.map { .string($0) } ?? .null
        case "outputtype":
            return .object(PSArray(d.outputTypes.map { .object(PSTypeNameObject($0)) },
                                   kind: .genericList(elementType: "System.Management.Automation.PSTypeName")))
        default:
            return nil
        }
    }

    static func allParameters(_ d: CommandDeclaration) -> [ParameterDeclaration] {
        var all = d.parameters
        if d.supportsCommonParameters {
            for c in CommandDeclaration.commonParameters where !all.contains(where: { $0.name.caseInsensitiveCompare(c.name) == .orderedSame }) {
                all.append(c)
            }
        }
        if d.supportsShouldProcess {
            for c in CommandDeclaration.shouldProcessParameters where !all.contains(where: { $0.name.caseInsensitiveCompare(c.name) == .orderedSame }) {
                all.append(c)
            }
        }
        return all
    }

    static func typeObject(_ p: ParameterDeclaration) -> Value {
        .object(PSTypeObject(TypeResolver.resolve(name: p.typeName) ?? PSType(kind: .named, fullName: p.typeName)))
    }

    static func strings(_ items: [String]) -> Value {
        .object(PSArray(items.map { .string($0) }, kind: .genericList(elementType: "System.String")))
    }
}

/// `System.Management.Automation.ParameterMetadata`: Name, ParameterType, ParameterSets
/// (set name → ParameterSetMetadata), IsDynamic, Aliases, Attributes, SwitchParameter.
final class ParameterMetadataObject: PSNativeObject {
    let parameter: ParameterDeclaration

    init(_ p: ParameterDeclaration) {
        parameter = p
    }

    override var typeFullName: String { "System.Management.Automation.ParameterMetadata" }
    override var propertyNames: [String] { ["Name", "ParameterType", "ParameterSets", "IsDynamic", "Aliases", "Attributes", "SwitchParameter"] }
    override func toPSString() -> String { typeFullName }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "name": return .string(parameter.name)
        case "parametertype": return CommandMetadata.typeObject(parameter)
        case "parametersets":
            let h = PSHashtable(ordered: true, caseInsensitive: true)
            h.dictionaryTypes = (TypeResolver.string, PSType(kind: .named, fullName: "System.Management.Automation.ParameterSetMetadata"))
            for m in parameter.sets { h.set(.string(m.setName), .object(ParameterSetMetadataObject(m))) }
            return .object(h)
        case "isdynamic": return .bool(false)
        case "aliases": return CommandMetadata.strings(parameter.aliases)
        case "attributes": return .object(PSArray([], kind: .genericList(elementType: "System.Attribute")))
        case "switchparameter": return .bool(parameter.isSwitch)
        default: return nil
        }
    }
}

/// `System.Management.Automation.ParameterSetMetadata`: how a parameter takes part in one set.
final class ParameterSetMetadataObject: PSNativeObject {
    let membership: ParameterSetMembership

    init(_ m: ParameterSetMembership) {
        membership = m
    }

    override var typeFullName: String { "System.Management.Automation.ParameterSetMetadata" }
    override var propertyNames: [String] {
        ["IsMandatory", "Position", "ValueFromPipeline", "ValueFromPipelineByPropertyName", "ValueFromRemainingArguments", "HelpMessage"]
    }
    override func toPSString() -> String { typeFullName }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "ismandatory": return .bool(membership.mandatory)
        case "position": return .int(Int32(membership.position ?? Int(Int32.min)))
        case "valuefrompipeline": return .bool(membership.valueFromPipeline)
        case "valuefrompipelinebypropertyname": return .bool(membership.valueFromPipelineByPropertyName)
        case "valuefromremainingarguments": return .bool(membership.valueFromRemainingArguments)
        case "helpmessage": return .null
        default: return nil
        }
    }
}

/// `System.Management.Automation.CommandParameterSetInfo`: Name, IsDefault, Parameters (one
/// CommandParameterInfo each); ToString is the set's syntax.
final class CommandParameterSetInfoObject: PSNativeObject {
    let name: String
    let isDefault: Bool
    let parameters: [(ParameterDeclaration, ParameterSetMembership)]
    let syntax: String

    init(name: String, isDefault: Bool, parameters: [(ParameterDeclaration, ParameterSetMembership)], syntax: String) {
        self.name = name
        self.isDefault = isDefault
        self.parameters = parameters
        self.syntax = syntax
    }

    override var typeFullName: String { "System.Management.Automation.CommandParameterSetInfo" }
    override var propertyNames: [String] { ["Name", "IsDefault", "Parameters"] }
    override func toPSString() -> String { syntax }

    override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "isdefault": return .bool(isDefault)
        case "parameters":
            return .object(PSArray(parameters.map { .object(CommandParameterInfoObject($0.0, $0.1)) },
                                   kind: .genericList(elementType: "System.Management.Automation.CommandParameterInfo")))
        default: return nil
        }
    }
}

/// `System.Management.Automation.CommandParameterInfo`: one parameter within a set.
final class CommandParameterInfoObject: PSNativeObject {
    let parameter: ParameterDeclaration
    let membership: ParameterSetMembership

    init(_ p: ParameterDeclaration, _ m: ParameterSetMembership) {
        parameter = p
        membership = m
    }

    override var typeFullName: String { "System.Management.Automation.CommandParameterInfo" }
    override var propertyNames: [String] {
        ["Name", "ParameterType", "IsMandatory", "IsDynamic", "Position", "ValueFromPipeline", "ValueFromPipelineByPropertyName",
         "ValueFromRemainingArguments", "HelpMessage", "Aliases", "Attributes"]
    }
    override func toPSString() -> String { typeFullName }

    override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(parameter.name)
        case "parametertype": return CommandMetadata.typeObject(parameter)
        case "ismandatory": return .bool(membership.mandatory)
        case "isdynamic": return .bool(false)
        case "position": return .int(Int32(membership.position ?? Int(Int32.min)))
        case "valuefrompipeline": return .bool(membership.valueFromPipeline)
        case "valuefrompipelinebypropertyname": return .bool(membership.valueFromPipelineByPropertyName)
        case "valuefromremainingarguments": return .bool(membership.valueFromRemainingArguments)
        case "helpmessage": return .null
        case "aliases": return CommandMetadata.strings(parameter.aliases)
        case "attributes": return .object(PSArray([], kind: .genericList(elementType: "System.Attribute")))
        default: return nil
        }
    }
}

/// `System.Management.Automation.PSTypeName` of `[OutputType(...)]`: Name, and Type when the
/// name is a type the runtime knows.
final class PSTypeNameObject: PSNativeObject {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    override var typeFullName: String { "System.Management.Automation.PSTypeName" }
    override var propertyNames: [String] { ["Name", "Type"] }
    override func toPSString() -> String { name }

    override func property(_ n: String) -> Value? {
        switch n.lowercased() {
        case "name": return .string(name)
        case "type": return TypeResolver.resolve(name: name).map { .object(PSTypeObject($0)) } ?? .null
        default: return nil
        }
    }
}
