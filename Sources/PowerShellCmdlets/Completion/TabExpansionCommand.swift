import PowerShellRuntime

/// `TabExpansion2 [-inputScript] <string> [[-cursorColumn] <int>] [-options <hashtable>]`:
/// pwsh's completion entry point (a function there; compiled in here), returning a
/// CommandCompletion.
final class TabExpansion2Command: Cmdlet {
    static let declaration = CommandDeclaration(
        name: "TabExpansion2", moduleName: "", parameters: [
            ParameterDeclaration(name: "inputScript", typeName: "System.String",
                                 sets: [ParameterSetMembership(setName: "ScriptInputSet", position: 0, mandatory: true)],
                                 allowEmptyString: true),
            ParameterDeclaration(name: "cursorColumn", typeName: "System.Int32",
                                 sets: [ParameterSetMembership(setName: "ScriptInputSet", position: 1)]),
            ParameterDeclaration(name: "options", typeName: "System.Collections.Hashtable",
                                 sets: [ParameterSetMembership(setName: "ScriptInputSet", position: 2)]),
        ],
        defaultParameterSet: "ScriptInputSet",
        outputTypes: ["System.Management.Automation.CommandCompletion"],
        commandType: "Function")

    override func end(_ rt: CommandRuntime) throws {
        let input = rt.bound.string("inputScript") ?? ""
        let cursor = rt.bound.int("cursorColumn") ?? input.utf16.count
        try rt.writeObject(.object(CommandCompletionEngine.complete(input, cursor: cursor, context: rt.context)))
    }
}

/// Installs completion into a session: `TabExpansion2`.
public enum CompletionSupport {
    public static func install(into context: ExecutionContext) {
        context.register([CmdletRegistration(declaration: TabExpansion2Command.declaration, type: TabExpansion2Command.self)])
    }
}
