import Foundation
import PowerShellRuntime
import TeamsTenant

/// `Export-TeamsSimTenant [-Path] <file>`
final class ExportTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
        let path = rt.context.resolvePath(rt.bound.string("Path") ?? "")
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

/// `Import-TeamsSimTenant [-Path] <file>`: a refused file changes nothing.
final class ImportTeamsSimTenantCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let layer = try rt.layer
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
            try layer.change(rt) { $0.replaceContents(with: world) }
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
        try layer.change(rt) { $0.replaceContents(with: World.defaultWorld()) }
    }
}
