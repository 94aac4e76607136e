import PowerShellRuntime

/// Declarations of the everyday cmdlets the recorded reference (commands.json) does not list,
/// made from their sources: New-TemporaryFile (NewTemporaryFileCommand.cs at v7.6.5),
/// Start-/Stop-Transcript (StartTranscriptCmdlet.cs, StopTranscriptCmdlet.cs), and
/// Compress-/Expand-Archive (Microsoft.PowerShell.Archive 1.2.5's functions, as its reference
/// page lists their parameter sets).
enum EverydayDeclarations {
    private static let string = "System.String"
    private static let switchType = "System.Management.Automation.SwitchParameter"

    private static func p(_ name: String, _ type: String = string, aliases: [String] = [], _ sets: [ParameterSetMembership],
                          _ validations: [ParameterValidation] = []) -> ParameterDeclaration {
        ParameterDeclaration(name: name, typeName: type, aliases: aliases, sets: sets, validations: validations)
    }

    private static func p(_ name: String, aliases: [String] = [], _ sets: [ParameterSetMembership],
                          _ validations: [ParameterValidation] = []) -> ParameterDeclaration {
        p(name, string, aliases: aliases, sets, validations)
    }

    private static func s(_ set: String = ParameterSetMembership.allSets, position: Int? = nil, mandatory: Bool = false,
                          pipeline: Bool = false, byName: Bool = false) -> ParameterSetMembership {
        ParameterSetMembership(setName: set, position: position, mandatory: mandatory, valueFromPipeline: pipeline,
                               valueFromPipelineByPropertyName: byName)
    }

    static func declaration(named name: String) -> CommandDeclaration? {
        switch name.lowercased() {
        case "new-temporaryfile":
            return CommandDeclaration(name: "New-TemporaryFile", moduleName: "Microsoft.PowerShell.Utility", outputTypes: ["System.IO.FileInfo"],
                                      supportsShouldProcess: true, helpUri: "https://go.microsoft.com/fwlink/?LinkId=2097032",
                                      implementingTypeName: "Microsoft.PowerShell.Commands.NewTemporaryFileCommand", commandType: "Cmdlet",
                                      version: "7.0.0.0")
        case "start-transcript":
            return CommandDeclaration(name: "Start-Transcript", moduleName: "Microsoft.PowerShell.Host", parameters: [
                p("Path", [s("ByPath", position: 0)], [.notNullOrEmpty]),
                p("LiteralPath", aliases: ["PSPath", "LP"], [s("ByLiteralPath", position: 0)], [.notNullOrEmpty]),
                p("OutputDirectory", [s("ByOutputDirectory", position: 0)], [.notNullOrEmpty]),
                p("Append", switchType, [s()]), p("Force", switchType, [s()]),
                p("NoClobber", switchType, aliases: ["NoOverwrite"], [s()]),
                p("IncludeInvocationHeader", switchType, [s()]), p("UseMinimalHeader", switchType, [s()]),
            ], defaultParameterSet: "ByPath", outputTypes: ["System.String"], supportsShouldProcess: true,
               helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096485", implementingTypeName: "Microsoft.PowerShell.Commands.StartTranscriptCommand",
               commandType: "Cmdlet", version: "7.0.0.0")
        case "stop-transcript":
            return CommandDeclaration(name: "Stop-Transcript", moduleName: "Microsoft.PowerShell.Host", outputTypes: ["System.String"],
                                      supportsShouldProcess: true, helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096798",
                                      implementingTypeName: "Microsoft.PowerShell.Commands.StopTranscriptCommand", commandType: "Cmdlet",
                                      version: "7.0.0.0")
        case "compress-archive":
            let sets = ["Path", "PathWithForce", "PathWithUpdate"], literalSets = ["LiteralPath", "LiteralPathWithForce", "LiteralPathWithUpdate"]
            return CommandDeclaration(name: "Compress-Archive", moduleName: ArchiveCmdlets.moduleName, parameters: [
                p("Path", "System.String[]", sets.map { s($0, position: 0, mandatory: true, pipeline: true, byName: true) }),
                p("LiteralPath", "System.String[]", aliases: ["PSPath"], literalSets.map { s($0, mandatory: true, byName: true) }),
                p("DestinationPath", (sets + literalSets).map { s($0, position: 1, mandatory: true) }),
                p("CompressionLevel", (sets + literalSets).map { s($0) }, [.set(["Optimal", "NoCompression", "Fastest"], ignoreCase: true)]),
                p("Update", switchType, [s("PathWithUpdate", mandatory: true), s("LiteralPathWithUpdate", mandatory: true)]),
                p("Force", switchType, [s("PathWithForce", mandatory: true), s("LiteralPathWithForce", mandatory: true)]),
                p("PassThru", switchType, (sets + literalSets).map { s($0) }),
            ], defaultParameterSet: "Path", outputTypes: ["System.IO.FileInfo"], supportsShouldProcess: true,
               helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096473", commandType: "Function", version: "1.2.5")
        case "expand-archive":
            return CommandDeclaration(name: "Expand-Archive", moduleName: ArchiveCmdlets.moduleName, parameters: [
                p("Path", [s("Path", position: 0, mandatory: true, pipeline: true, byName: true)]),
                p("LiteralPath", aliases: ["PSPath"], [s("LiteralPath", mandatory: true, byName: true)]),
                p("DestinationPath", [s(position: 1)]),
                p("Force", switchType, [s()]),
                p("PassThru", switchType, [s()]),
            ], defaultParameterSet: "Path", outputTypes: ["System.IO.FileSystemInfo"], supportsShouldProcess: true,
               helpUri: "https://go.microsoft.com/fwlink/?LinkID=2096769", commandType: "Function", version: "1.2.5")
        default:
            return nil
        }
    }
}
