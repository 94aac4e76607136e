import PowerShellRuntime

/// Cmdlets pwsh 7.6 has that the recorded reference (`../shared/reference/commands.json`, from
/// which `Generated/BuiltinDeclarations.swift` is made) does not list, declared from pwsh's own
/// source at v7.6.5. Each says where its facts come from.
enum SourceDeclarations {
    static func declaration(named name: String) -> CommandDeclaration? {
        switch name.lowercased() {
        case "remove-alias":
            // src/Microsoft.PowerShell.Commands.Utility/commands/utility/RemoveAliasCommand.cs:
            // [Cmdlet(Remove, "Alias", DefaultParameterSetName = "Default", HelpUri = …2097127)];
            // Name: string[], Position 0, Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName;
            // Scope: string; Force: switch. No ShouldProcess.
            let set = "Default"
            return CommandDeclaration(
                name: "Remove-Alias", moduleName: "Microsoft.PowerShell.Utility", parameters: [
                    ParameterDeclaration(name: "Name", typeName: "System.String[]", sets: [
                        ParameterSetMembership(setName: set, position: 0, mandatory: true, valueFromPipeline: true,
                                               valueFromPipelineByPropertyName: true),
                    ]),
                    ParameterDeclaration(name: "Scope", typeName: "System.String", sets: [ParameterSetMembership(setName: set)]),
                    ParameterDeclaration(name: "Force", typeName: "System.Management.Automation.SwitchParameter",
                                         sets: [ParameterSetMembership(setName: set)]),
                ],
                defaultParameterSet: set,
                outputTypes: [],
                supportsShouldProcess: false,
                helpUri: "https://go.microsoft.com/fwlink/?linkid=2097127",
                implementingTypeName: "Microsoft.PowerShell.Commands.RemoveAliasCommand",
                commandType: "Cmdlet", version: "7.0.0.0",
                syntax: "Remove-Alias [-Name] <string[]> [-Scope <string>] [-Force] [<CommonParameters>]")
        default:
            return nil
        }
    }
}
