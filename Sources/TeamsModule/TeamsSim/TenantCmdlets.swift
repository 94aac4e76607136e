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
            // As pwsh's file cmdlets do with -Force: write access only while writing, then the
            // file is read-only again (its mode as it was).
            let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int
            try? FileManager.default.setAttributes([.posixPermissions: (mode ?? 0o444) | 0o200], ofItemAtPath: path)
            defer { if let mode { try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path) } }
            return try export(rt, layer, to: path)
        }
        try export(rt, layer, to: path)
    }

    private func export(_ rt: CommandRuntime, _ layer: ModuleLayer, to path: String) throws {
        do {
            if let store = layer.store, store.keeps(path) {
                // The session's own world file: written whole through its store, under its lock.
                try layer.change(rt) { _ in store.writeWholeFileNext() }
            } else {
                try WorldStore.write(layer.world, to: path)
            }
        } catch let error as WorldStoreError {
            try rt.writeError(rt.makeError(.ioException, error.message, errorId: "TenantFileNotWritten", category: .WriteError, target: .string(path)))
        }
    }
}

/// `Import-TeamsSimTenant [-Path] <file>` / `-Microsoft365DSC <file>`: a refused file changes
/// nothing.
final class ImportTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        if let export = rt.bound.string("Microsoft365DSC") {
            try importMicrosoft365DSC(rt, layer, path: rt.context.resolvePath(export))
            return
        }
        let path = rt.context.resolvePath(rt.bound.string("Path") ?? "")
        do {
            // The session's own world file already is the world (its journal included): reading
            // the file alone would go back to before the changes not yet folded into it.
            if let store = layer.store, store.keeps(path) {
                guard try rt.shouldProcess(target: path, action: "Import-TeamsSimTenant") else { return }
                store.refresh(force: true)
                return
            }
            var warnings: [String] = []
            let world = try WorldStore.read(from: path, strict: rt.bound.isOn("Strict"), warnings: &warnings)
            for warning in warnings { try rt.writeWarning(warning) }
            guard try rt.shouldProcess(target: path, action: "Import-TeamsSimTenant") else { return }
            for warning in world.loadWarnings { try rt.writeWarning(warning) }
            try layer.change(rt) { $0.replaceContents(with: world) }
        } catch let error as WorldStoreError {
            try rt.writeError(rt.makeError(.invalidOperationException, error.message, errorId: "TenantFileRefused", category: .InvalidData, target: .string(path)))
        }
    }
}

extension ImportTeamsSimTenantCommand {
    /// Reads a Microsoft365DSC export as data and applies its Teams resources to the world (all or
    /// nothing); what was left out is one warning per kind.
    func importMicrosoft365DSC(_ rt: CommandRuntime, _ layer: ModuleLayer, path: String) throws {
        func refuse(_ message: String) throws {
            try rt.writeError(rt.makeError(.invalidOperationException, message, errorId: "Microsoft365DSCExportRefused",
                                           category: .InvalidData, target: .string(path)))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            try refuse("Cannot read the Microsoft365DSC export '\(path)': there is no such file.")
            return
        }
        do {
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let resources = try Microsoft365DSCReader.read(text, path: path)
            guard try rt.shouldProcess(target: path, action: "Import-TeamsSimTenant") else { return }
            // One transaction of the world file: applied to its latest state, saved before this returns.
            guard let report = try layer.change(rt, { world in try Microsoft365DSCImport.apply(resources, path: path, to: world) })
            else { return }
            for warning in report.warnings { try rt.writeWarning(warning) }
        } catch let error as InputFileError {
            let problem = error.description.hasSuffix(".") ? error.description : error.description + "."
            try refuse("The Microsoft365DSC export is not valid: \(problem) Nothing was imported.")
        }
    }
}

/// `Reset-TeamsSimTenant`
final class ResetTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        guard try rt.shouldProcess(target: layer.world.tenant.displayName, action: "Reset-TeamsSimTenant") else { return }
        try layer.change(rt) { $0.replaceContents(with: World.defaultWorld()) }
    }
}
