import Foundation
import PowerShellRuntime
import TeamsTenant

/// `Export-TeamsSimTenant [-Path] <file> [-NoClobber] [-Force] [-WhatIf] [-Confirm]`, following
/// the conventions of pwsh's file-writing cmdlets (PathUtils.MasterStreamOpen): an existing file
/// is replaced unless -NoClobber ("File X already exists and NoClobber was specified."), a
/// read-only one only with -Force, and -WhatIf writes nothing.
final class ExportTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let typed = rt.bound.string("Path") ?? ""
        let path = rt.context.resolvePath(typed)
        guard try rt.shouldProcess(target: path, action: "Export-TeamsSimTenant") else { return }
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && rt.bound.isOn("NoClobber") {
            try rt.throwTerminating(rt.makeError(.ioException, "File \(typed) already exists and NoClobber was specified.",
                                                 errorId: "NoClobber", category: .ResourceExists, target: .string(path)))
        }
        if exists && !FileManager.default.isWritableFile(atPath: path) {
            guard rt.bound.isOn("Force") else {
                try rt.throwTerminating(rt.makeError(.unauthorizedAccessException, "Access to the path '\(path)' is denied.",
                                                     errorId: "FileOpenFailure", category: .OpenError, target: .string(path)))
            }
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }
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
