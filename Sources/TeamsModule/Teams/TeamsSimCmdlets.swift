import Foundation
import PowerShellRuntime
import TeamsTenant

/// The simulator's own cmdlets (spec §4–5), in the always-loaded module `TeamsSim`: no Connect
/// and no MicrosoftTeams version needed. Export-/Import-/Reset-TeamsSimTenant act on the whole
/// world (tenant, installed modules, repositories, gallery).
enum TeamsSimCmdlets {
    static let moduleName = "TeamsSim"
    static let version = "1.0.0"

    static var registrations: [CmdletRegistration] {
        func d(_ name: String, _ parameters: [ParameterDeclaration], _ synopsis: String, shouldProcess: Bool = true) -> CommandDeclaration {
            CommandDeclaration(name: name, moduleName: moduleName, parameters: parameters, supportsShouldProcess: shouldProcess,
                               synopsis: synopsis, commandType: "Cmdlet", version: version)
        }
        let path = ParameterDeclaration(name: "Path", typeName: "System.String", sets: [ParameterSetMembership(position: 0, mandatory: true)])
        return [
            CmdletRegistration(declaration: d("Export-TeamsSimTenant", [path], "Writes the simulated world (tenant and machine) to a JSON tenant file.",
                                              shouldProcess: false), type: ExportTeamsSimTenantCommand.self),
            CmdletRegistration(declaration: d("Import-TeamsSimTenant", [path], "Replaces the simulated world with the one in a JSON tenant file."),
                               type: ImportTeamsSimTenantCommand.self),
            CmdletRegistration(declaration: d("Reset-TeamsSimTenant", [], "Puts the simulated world back to the embedded default world."),
                               type: ResetTeamsSimTenantCommand.self),
        ]
    }
}

/// `Export-TeamsSimTenant [-Path] <file>`
final class ExportTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let path = rt.context.resolvePath(rt.bound.string("Path") ?? "")
        do {
            try WorldStore.write(layer.world, to: path)
        } catch let error as WorldStoreError {
            try rt.writeError(rt.makeError(.ioException, error.message, errorId: "TenantFileNotWritten", category: .WriteError, target: .string(path)))
        }
    }
}

/// `Import-TeamsSimTenant [-Path] <file>`: a refused file changes nothing.
final class ImportTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let path = rt.context.resolvePath(rt.bound.string("Path") ?? "")
        do {
            let world = try WorldStore.read(from: path)
            guard try rt.shouldProcess(target: path, action: "Import-TeamsSimTenant") else { return }
            layer.world.replaceContents(with: world)
            try layer.persist()
        } catch let error as WorldStoreError {
            try rt.writeError(rt.makeError(.invalidOperationException, error.message, errorId: "TenantFileRefused", category: .InvalidData, target: .string(path)))
        }
    }
}

/// `Reset-TeamsSimTenant`
final class ResetTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard try rt.shouldProcess(target: layer.world.tenant.displayName, action: "Reset-TeamsSimTenant") else { return }
        layer.world.replaceContents(with: World.defaultWorld())
        try layer.persist()
    }
}
