import PowerShellRuntime

/// Installs the built-in commands into a session: every cmdlet family registers its classes
/// against pwsh's recorded declarations, and the start-up aliases are defined.
public enum Builtins {
    /// The cmdlet families; each file of cmdlets contributes one list.
    static var families: [[(String, Cmdlet.Type)]] {
        [OutputCmdlets.all]
    }

    public static func install(into context: ExecutionContext) {
        var registrations: [CmdletRegistration] = []
        for family in families {
            for (name, type) in family {
                if let r = registration(name, type) { registrations.append(r) }
            }
        }
        context.register(registrations)
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
        return CmdletRegistration(declaration: decl, type: type)
    }
}
