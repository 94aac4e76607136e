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
        case "convert-path":
            // src/Microsoft.PowerShell.Commands.Management/commands/management/ConvertPathCommand.cs:
            // [Cmdlet(Convert, "Path", DefaultParameterSetName = "Path", HelpUri = …2096588)],
            // [OutputType(typeof(string))]; Path: string[], Position 0, Mandatory, set Path,
            // ValueFromPipeline, ValueFromPipelineByPropertyName; LiteralPath: string[], Mandatory,
            // set LiteralPath, ValueFromPipelineByPropertyName, aliases PSPath, LP; Force: switch.
            return CommandDeclaration(
                name: "Convert-Path", moduleName: "Microsoft.PowerShell.Management", parameters: [
                    ParameterDeclaration(name: "Path", typeName: "System.String[]", sets: [
                        ParameterSetMembership(setName: "Path", position: 0, mandatory: true, valueFromPipeline: true,
                                               valueFromPipelineByPropertyName: true),
                    ]),
                    ParameterDeclaration(name: "LiteralPath", typeName: "System.String[]", aliases: ["PSPath", "LP"], sets: [
                        ParameterSetMembership(setName: "LiteralPath", mandatory: true, valueFromPipelineByPropertyName: true),
                    ]),
                    ParameterDeclaration(name: "Force", typeName: "System.Management.Automation.SwitchParameter",
                                         sets: [ParameterSetMembership()]),
                ],
                defaultParameterSet: "Path",
                outputTypes: ["System.String"],
                supportsShouldProcess: false,
                helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096588",
                implementingTypeName: "Microsoft.PowerShell.Commands.ConvertPathCommand",
                commandType: "Cmdlet", version: "7.0.0.0",
                syntax: "Convert-Path [-Path] <string[]> [-Force] [<CommonParameters>]\n\nConvert-Path -LiteralPath <string[]> [-Force] [<CommonParameters>]")
        case "convertto-clixml":
            // src/Microsoft.PowerShell.Commands.Utility/commands/utility/XmlCommands.cs:
            // [Cmdlet(ConvertTo, "CliXml", HelpUri = …2280866)]; InputObject: PSObject, Position 0,
            // Mandatory, ValueFromPipeline; Depth: int, [ValidateRange(1, int.MaxValue)].
            return CommandDeclaration(
                name: "ConvertTo-CliXml", moduleName: "Microsoft.PowerShell.Utility", parameters: [
                    ParameterDeclaration(name: "InputObject", typeName: "System.Management.Automation.PSObject", sets: [
                        ParameterSetMembership(position: 0, mandatory: true, valueFromPipeline: true),
                    ]),
                    ParameterDeclaration(name: "Depth", typeName: "System.Int32", sets: [ParameterSetMembership()],
                                         validations: [.range(min: .int(1), max: .int(Int32.max))]),
                ],
                outputTypes: [], supportsShouldProcess: false,
                helpUri: "https://go.microsoft.com/fwlink/?LinkID=2280866",
                implementingTypeName: "Microsoft.PowerShell.Commands.ConvertToClixmlCommand",
                commandType: "Cmdlet", version: "7.0.0.0",
                syntax: "ConvertTo-CliXml [-InputObject] <psobject> [-Depth <int>] [<CommonParameters>]")
        case "convertfrom-clixml":
            // XmlCommands.cs: [Cmdlet(ConvertFrom, "CliXml", HelpUri = …2280770)]; InputObject:
            // string, Position 0, Mandatory, ValueFromPipeline.
            return CommandDeclaration(
                name: "ConvertFrom-CliXml", moduleName: "Microsoft.PowerShell.Utility", parameters: [
                    ParameterDeclaration(name: "InputObject", typeName: "System.String", sets: [
                        ParameterSetMembership(position: 0, mandatory: true, valueFromPipeline: true),
                    ]),
                ],
                outputTypes: [], supportsShouldProcess: false,
                helpUri: "https://go.microsoft.com/fwlink/?LinkID=2280770",
                implementingTypeName: "Microsoft.PowerShell.Commands.ConvertFromClixmlCommand",
                commandType: "Cmdlet", version: "7.0.0.0",
                syntax: "ConvertFrom-CliXml [-InputObject] <string> [<CommonParameters>]")
        case "new-modulemanifest":
            // src/System.Management.Automation/engine/Modules/NewModuleManifestCommand.cs:
            // [Cmdlet(New, "ModuleManifest", SupportsShouldProcess = true, ConfirmImpact = Low,
            // HelpUri = …2096487)], [OutputType(typeof(string))]; Path: Position 0, Mandatory;
            // RootModule has the alias ModuleToProcess; the rest are named, in the class's order.
            return CommandDeclaration(
                name: "New-ModuleManifest", moduleName: "Microsoft.PowerShell.Core", parameters: [
                    ParameterDeclaration(name: "Path", typeName: "System.String", sets: [ParameterSetMembership(position: 0, mandatory: true)]),
                    ParameterDeclaration(name: "NestedModules", typeName: "System.Object[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "Guid", typeName: "System.Guid", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "Author", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "CompanyName", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "Copyright", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "RootModule", typeName: "System.String", aliases: ["ModuleToProcess"], sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ModuleVersion", typeName: "System.Version", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "Description", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ProcessorArchitecture", typeName: "System.Reflection.ProcessorArchitecture", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "PowerShellVersion", typeName: "System.Version", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ClrVersion", typeName: "System.Version", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "DotNetFrameworkVersion", typeName: "System.Version", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "PowerShellHostName", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "PowerShellHostVersion", typeName: "System.Version", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "RequiredModules", typeName: "System.Object[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "TypesToProcess", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "FormatsToProcess", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ScriptsToProcess", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "RequiredAssemblies", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "FileList", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ModuleList", typeName: "System.Object[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "FunctionsToExport", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "AliasesToExport", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "VariablesToExport", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "CmdletsToExport", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "DscResourcesToExport", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "CompatiblePSEditions", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "PrivateData", typeName: "System.Object", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "Tags", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ProjectUri", typeName: "System.Uri", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "LicenseUri", typeName: "System.Uri", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "IconUri", typeName: "System.Uri", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ReleaseNotes", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "Prerelease", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "RequireLicenseAcceptance", typeName: "System.Management.Automation.SwitchParameter", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "ExternalModuleDependencies", typeName: "System.String[]", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "HelpInfoUri", typeName: "System.String", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "PassThru", typeName: "System.Management.Automation.SwitchParameter", sets: [ParameterSetMembership()]),
                    ParameterDeclaration(name: "DefaultCommandPrefix", typeName: "System.String", sets: [ParameterSetMembership()]),
                ],
                outputTypes: ["System.String"],
                supportsShouldProcess: true,
                helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096487",
                implementingTypeName: "Microsoft.PowerShell.Commands.NewModuleManifestCommand",
                commandType: "Cmdlet", version: "7.6.9",
                syntax: "New-ModuleManifest [-Path] <string> [-NestedModules <Object[]>] [-Guid <guid>] [-Author <string>] [-CompanyName <string>] [-Copyright <string>] [-RootModule <string>] [-ModuleVersion <version>] [-Description <string>] [-ProcessorArchitecture <ProcessorArchitecture>] [-PowerShellVersion <version>] [-ClrVersion <version>] [-DotNetFrameworkVersion <version>] [-PowerShellHostName <string>] [-PowerShellHostVersion <version>] [-RequiredModules <Object[]>] [-TypesToProcess <string[]>] [-FormatsToProcess <string[]>] [-ScriptsToProcess <string[]>] [-RequiredAssemblies <string[]>] [-FileList <string[]>] [-ModuleList <Object[]>] [-FunctionsToExport <string[]>] [-AliasesToExport <string[]>] [-VariablesToExport <string[]>] [-CmdletsToExport <string[]>] [-DscResourcesToExport <string[]>] [-CompatiblePSEditions <string[]>] [-PrivateData <Object>] [-Tags <string[]>] [-ProjectUri <uri>] [-LicenseUri <uri>] [-IconUri <uri>] [-ReleaseNotes <string>] [-Prerelease <string>] [-RequireLicenseAcceptance] [-ExternalModuleDependencies <string[]>] [-HelpInfoUri <string>] [-PassThru] [-DefaultCommandPrefix <string>] [-WhatIf] [-Confirm] [<CommonParameters>]")
        case "add-type":
            return addType
        default:
            return nil
        }
    }

    /// src/Microsoft.PowerShell.Commands.Utility/commands/utility/AddType.cs: [Cmdlet(Add, "Type",
    /// DefaultParameterSetName = "FromSource", HelpUri = …2096601)], [OutputType(typeof(Type))].
    /// TypeDefinition (FromSource, 0, mandatory); Name (FromMember, 0, mandatory) and
    /// MemberDefinition (FromMember, 1, mandatory); Namespace (alias NS) and UsingNamespace (alias
    /// Using) in FromMember; Path (FromPath, 0, mandatory); LiteralPath (FromLiteralPath,
    /// mandatory, aliases PSPath, LP); AssemblyName (FromAssemblyName, mandatory, alias AN);
    /// Language in FromSource/FromMember; ReferencedAssemblies (RA), OutputAssembly (OA),
    /// OutputType (OT), IgnoreWarnings and CompilerOptions in every set but FromAssemblyName;
    /// PassThru in all.
    static let addType: CommandDeclaration = {
        let source = "FromSource", member = "FromMember", path = "FromPath", literal = "FromLiteralPath", assembly = "FromAssemblyName"
        func sets(_ names: [String]) -> [ParameterSetMembership] { names.map { ParameterSetMembership(setName: $0) } }
        let compiling = [source, member, path, literal]
        return CommandDeclaration(
            name: "Add-Type", moduleName: "Microsoft.PowerShell.Utility", parameters: [
                ParameterDeclaration(name: "TypeDefinition", typeName: "System.String",
                                     sets: [ParameterSetMembership(setName: source, position: 0, mandatory: true)]),
                ParameterDeclaration(name: "Name", typeName: "System.String",
                                     sets: [ParameterSetMembership(setName: member, position: 0, mandatory: true)]),
                ParameterDeclaration(name: "MemberDefinition", typeName: "System.String[]",
                                     sets: [ParameterSetMembership(setName: member, position: 1, mandatory: true)]),
                ParameterDeclaration(name: "Namespace", typeName: "System.String", aliases: ["NS"], sets: sets([member]), allowNull: true),
                ParameterDeclaration(name: "UsingNamespace", typeName: "System.String[]", aliases: ["Using"], sets: sets([member]),
                                     validations: [.notNull]),
                ParameterDeclaration(name: "Path", typeName: "System.String[]",
                                     sets: [ParameterSetMembership(setName: path, position: 0, mandatory: true)]),
                ParameterDeclaration(name: "LiteralPath", typeName: "System.String[]", aliases: ["PSPath", "LP"],
                                     sets: [ParameterSetMembership(setName: literal, mandatory: true)]),
                ParameterDeclaration(name: "AssemblyName", typeName: "System.String[]", aliases: ["AN"],
                                     sets: [ParameterSetMembership(setName: assembly, mandatory: true)]),
                ParameterDeclaration(name: "Language", typeName: "Microsoft.PowerShell.Commands.Language", sets: sets([source, member]),
                                     validations: [.set(["CSharp"], ignoreCase: true)]),
                ParameterDeclaration(name: "ReferencedAssemblies", typeName: "System.String[]", aliases: ["RA"], sets: sets(compiling)),
                ParameterDeclaration(name: "OutputAssembly", typeName: "System.String", aliases: ["OA"], sets: sets(compiling)),
                ParameterDeclaration(name: "OutputType", typeName: "Microsoft.PowerShell.Commands.OutputAssemblyType", aliases: ["OT"],
                                     sets: sets(compiling),
                                     validations: [.set(["Library", "ConsoleApplication", "WindowsApplication"], ignoreCase: true)]),
                ParameterDeclaration(name: "PassThru", typeName: "System.Management.Automation.SwitchParameter"),
                ParameterDeclaration(name: "IgnoreWarnings", typeName: "System.Management.Automation.SwitchParameter", sets: sets(compiling)),
                ParameterDeclaration(name: "CompilerOptions", typeName: "System.String[]", sets: sets(compiling)),
            ],
            defaultParameterSet: source,
            outputTypes: ["System.Type"],
            helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096601",
            implementingTypeName: "Microsoft.PowerShell.Commands.AddTypeCommand",
            commandType: "Cmdlet", version: "7.0.0.0")
    }()
}
