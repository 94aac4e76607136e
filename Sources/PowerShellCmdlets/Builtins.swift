import PowerShellRuntime

/// Installs the built-in commands into a session: every cmdlet family registers its classes
/// against pwsh's recorded declarations, and the start-up aliases are defined.
public enum Builtins {
    /// The cmdlet families; each file of cmdlets contributes one list.
    static var families: [[(String, Cmdlet.Type)]] {
        [OutputCmdlets.all, StreamCmdlets.all, ForEachWhereCmdlets.all, ObjectSelectionCmdlets.all, MeasureCmdlets.all,
         [("Select-String", SelectStringCommand.self)], FormatCmdlets.all, ObjectCmdlets.all, VariableCmdlets.all, CommandCmdlets.all,
         JsonCmdlets.all, CsvCmdlets.all, ContentCmdlets.all, ItemCmdlets.all, LocationCmdlets.all,
         DateCmdlets.all, RandomCmdlets.all, HostCmdlets.all, [("Add-Type", AddTypeCommand.self)]]
    }

    public static func install(into context: ExecutionContext) {
        var registrations: [CmdletRegistration] = []
        for family in families {
            for (name, type) in family {
                if let r = registration(name, type) { registrations.append(r) }
            }
        }
        context.register(registrations)
        CompletionSupport.install(into: context)
        TextEncoding.registerConversion()
        OutputWiring.install(into: context)
        for (name, definition) in BuiltinAliases.startup {
            context.setAlias(name, definition, options: [.readOnly, .allScope])
        }
    }

    /// Pairs a cmdlet class with pwsh's declaration of it.
    static func registration(_ name: String, _ type: Cmdlet.Type) -> CmdletRegistration? {
        guard let decl = BuiltinDeclarations.declaration(named: name) ?? SourceDeclarations.declaration(named: name) else {
            assertionFailure("no recorded declaration for \(name)")
            return nil
        }
        return CmdletRegistration(declaration: transformed(decl), type: type)
    }

    /// Parameters pwsh converts with its own ArgumentTransformationAttribute rather than by
    /// type; the binder passes their values through and the cmdlet converts them.
    static let transformedParameters: [String: Set<String>] = [
        // ArgumentToVersionTransformation: `-Version Latest`, `-Version 3`.
        "set-strictmode": ["version"],
    ]

    /// Validation attributes pwsh declares that the recorded declarations do not carry
    /// (commands.json lists ValidateSet only): `[ValidateRange(0, int.MaxValue)]` on
    /// Select-Object's counts (Select-Object.cs) and Get-Content's (Get-Content.Tests.ps1).
    static let validatedParameters: [String: [String: ParameterValidation]] = [
        "select-object": ["first": .range(min: .int(0), max: .int(Int32.max)), "last": .range(min: .int(0), max: .int(Int32.max)),
                          "skip": .range(min: .int(0), max: .int(Int32.max)), "skiplast": .range(min: .int(0), max: .int(Int32.max))],
        "get-content": ["totalcount": .range(min: .long(0), max: .long(Int64.max)), "tail": .range(min: .int(0), max: .int(Int32.max))],
    ]

    /// What a mandatory parameter accepts that the binder refuses by default: pwsh's
    /// [AllowNull], [AllowEmptyString] and [AllowEmptyCollection] on the cmdlets' parameters
    /// (the recorded declarations do not carry them), as in the v7.6.5 sources.
    struct Allowance: OptionSet {
        let rawValue: Int
        static let null = Allowance(rawValue: 1)
        static let emptyString = Allowance(rawValue: 2)
        static let emptyCollection = Allowance(rawValue: 4)
    }

    static let allowances: [String: [String: Allowance]] = [
        "write-output": ["inputobject": [.null, .emptyCollection]],
        "convertto-json": ["inputobject": .null],
        "add-member": ["notepropertyvalue": .null],
        "set-content": ["value": [.null, .emptyCollection]],
        "add-content": ["value": [.null, .emptyCollection]],
        "compare-object": ["referenceobject": .emptyCollection, "differenceobject": .emptyCollection],
        "convertfrom-json": ["inputobject": .emptyString],
        "convertfrom-stringdata": ["stringdata": .emptyString],
        "export-clixml": ["inputobject": .null],
        "foreach-object": ["process": [.null, .emptyCollection], "remainingscripts": [.null, .emptyCollection]],
        "join-path": ["childpath": [.null, .emptyString, .emptyCollection], "additionalchildpath": [.null, .emptyString, .emptyCollection]],
        "join-string": ["separator": .emptyString],
        "new-item": ["name": [.null, .emptyString]],
        "select-string": ["inputobject": [.null, .emptyString]],
        "set-itemproperty": ["value": .null],
        "test-path": ["path": [.null, .emptyString, .emptyCollection], "literalpath": [.null, .emptyString, .emptyCollection]],
        "write-error": ["message": [.null, .emptyString]],
        "write-information": ["messagedata": .null],
        "write-debug": ["message": .emptyString],
        "write-verbose": ["message": .emptyString],
        "write-warning": ["message": .emptyString],
    ]

    static func transformed(_ decl: CommandDeclaration) -> CommandDeclaration {
        let name = decl.name.lowercased()
        let params = transformedParameters[name]
        let validations = validatedParameters[name]
        let allowed = allowances[name]
        if params == nil && validations == nil && allowed == nil { return decl }
        var d = decl
        for i in d.parameters.indices {
            let p = d.parameters[i].name.lowercased()
            if params?.contains(p) == true { d.parameters[i].typeName = "System.Object" }
            if let v = validations?[p] { d.parameters[i].validations.append(v) }
            if let a = allowed?[p] {
                d.parameters[i].allowNull = a.contains(.null)
                d.parameters[i].allowEmptyString = a.contains(.emptyString)
                d.parameters[i].allowEmptyCollection = a.contains(.emptyCollection)
            }
        }
        return d
    }
}
