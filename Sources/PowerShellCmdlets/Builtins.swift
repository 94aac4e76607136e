import PowerShellRuntime

/// Installs the built-in commands into a session: every cmdlet family registers its classes
/// against pwsh's recorded declarations, and the start-up aliases are defined.
public enum Builtins {
    /// The cmdlet families; each file of cmdlets contributes one list.
    static var families: [[(String, Cmdlet.Type)]] {
        [OutputCmdlets.all, StreamCmdlets.all, ForEachWhereCmdlets.all, ObjectSelectionCmdlets.all, MeasureCmdlets.all,
         [("Select-String", SelectStringCommand.self)], FormatCmdlets.all, ObjectCmdlets.all, VariableCmdlets.all, CommandCmdlets.all,
         JsonCmdlets.all, CsvCmdlets.all, ContentCmdlets.all, ItemCmdlets.all, LocationCmdlets.all,
         DateCmdlets.all, RandomCmdlets.all, HostCmdlets.all]
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
        guard let decl = BuiltinDeclarations.declaration(named: name) else {
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

    static func transformed(_ decl: CommandDeclaration) -> CommandDeclaration {
        guard let params = transformedParameters[decl.name.lowercased()] else { return decl }
        var d = decl
        for i in d.parameters.indices where params.contains(d.parameters[i].name.lowercased()) {
            d.parameters[i].typeName = "System.Object"
        }
        return d
    }
}
