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

    /// `[AllowEmptyCollection]` parameters (the recorded declarations do not carry it): a
    /// mandatory array parameter without it rejects `@()`. Compare-Object.cs at v7.6.5 allows an
    /// empty reference or difference set.
    static let emptyCollectionParameters: [String: Set<String>] = [
        "compare-object": ["referenceobject", "differenceobject"],
    ]

    /// `[AllowEmptyString]` parameters (the recorded declarations do not carry it either):
    /// ConvertFrom-Json's InputObject (ConvertFromJsonCommand.cs at v7.6.5), so the blank lines of
    /// pretty-printed JSON piped line by line are buffered with the rest.
    static let emptyStringParameters: [String: Set<String>] = [
        "convertfrom-json": ["inputobject"],
    ]

    static func transformed(_ decl: CommandDeclaration) -> CommandDeclaration {
        let name = decl.name.lowercased()
        let params = transformedParameters[name]
        let validations = validatedParameters[name]
        let emptyAllowed = emptyCollectionParameters[name]
        let emptyStrings = emptyStringParameters[name]
        if params == nil && validations == nil && emptyAllowed == nil && emptyStrings == nil { return decl }
        var d = decl
        for i in d.parameters.indices {
            let p = d.parameters[i].name.lowercased()
            if params?.contains(p) == true { d.parameters[i].typeName = "System.Object" }
            if let v = validations?[p] { d.parameters[i].validations.append(v) }
            if emptyAllowed?.contains(p) == true { d.parameters[i].allowEmptyCollection = true }
            if emptyStrings?.contains(p) == true { d.parameters[i].allowEmptyString = true }
        }
        return d
    }
}
