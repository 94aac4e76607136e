import Foundation
import PowerShellRuntime
import TeamsTenant

/// `$env:PSModulePath` and the module files on it, as pwsh's ModuleIntrinsics and ModuleUtils
/// find them (v7.6.5).
///
/// - At start-up pwsh makes sure the variable holds the user folder, the shared folder and
///   `$PSHOME/Modules`, in that order and ahead of any other entries (unset: just those three).
/// - A name (`Import-Module Foo`, autoloading) is looked up in each entry in turn as the folder
///   `entry/Foo`: its version subfolders newest first (`Foo/1.2.0/Foo.psd1`, only when the
///   manifest's ModuleVersion matches the folder), then `Foo/Foo.psd1`, `.psm1`, `.cdxml`, `.dll`
///   (the first that exists). The first entry that has the module wins.
/// - `Get-Module -ListAvailable` walks each entry: a folder that holds such a file is a module
///   (every matching version folder is listed); any other folder is searched further down.
extension ModuleLayer {
    /// The module file extensions pwsh looks for, in its order.
    static let moduleExtensions = [".psd1", ".psm1", ".cdxml", ".dll"]

    /// The value pwsh gives `$env:PSModulePath` at start-up (ModuleIntrinsics.GetModulePath).
    static func initialModulePath(current: String?, machine: Machine) -> String {
        let defaults = machine.modulePaths
        guard let current, !current.isEmpty else { return defaults.joined(separator: ":") }
        var entries = current.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func trimmed(_ s: String) -> String {
            var t = s.trimmingCharacters(in: .whitespaces)
            while t.count > 1, t.hasSuffix("/") { t.removeLast() }
            return t
        }
        var insertAt = 0
        for path in defaults {
            if let found = entries.firstIndex(where: { trimmed($0) == trimmed(path) }) {
                insertAt = found + 1
            } else {
                entries.insert(path, at: min(insertAt, entries.count))
                insertAt += 1
            }
        }
        return entries.joined(separator: ":")
    }

    /// Sets `$env:PSModulePath` for the session as pwsh does when it starts.
    func installModulePath() {
        let current = ProcessEnvironment.value("PSModulePath")
        setenv("PSModulePath", ModuleLayer.initialModulePath(current: current, machine: world.machine), 1)
    }

    /// The entries of `$env:PSModulePath`, trimmed, each once.
    func modulePathEntries() -> [String] {
        guard let raw = getenv("PSModulePath") else { return [] }
        var seen = Set<String>()
        var out: [String] = []
        for part in String(cString: raw).split(separator: ":") {
            var entry = part.trimmingCharacters(in: .whitespaces)
            if entry.lowercased().hasPrefix("filesystem::") { entry = String(entry.dropFirst(12)) }
            guard !entry.isEmpty else { continue }
            let resolved = context.resolvePath(entry)
            if seen.insert(resolved).inserted { out.append(resolved) }
        }
        return out
    }

    // MARK: Module files on disk

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Subfolders named as versions, newest first.
    static func versionFolders(_ directory: String) -> [(name: String, version: ModuleVersion)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (String, ModuleVersion)? in
            guard PSVersion.parse(name) != nil, let v = ModuleVersion(name), isDirectory(directory + "/" + name) else { return nil }
            return (name, v)
        }.sorted { $0.1 > $1.1 }
    }

    /// The module files of one module folder (ModuleUtils.GetModuleFilesFromAbsolutePath): its
    /// version folders' manifests whose version matches the folder, newest first, then its
    /// own `Name.psd1`/`.psm1`/… (the first that exists).
    func moduleFiles(inFolder directory: String) -> [String] {
        let name = (directory as NSString).lastPathComponent
        guard ModuleLayer.isDirectory(directory), !name.isEmpty else { return [] }
        var result: [String] = []
        for (folder, version) in ModuleLayer.versionFolders(directory) {
            let manifest = "\(directory)/\(folder)/\(name).psd1"
            if ModuleLayer.isFile(manifest), manifestVersion(manifest).map({ $0.release == version.release }) == true {
                result.append(manifest)
            }
        }
        if let own = ModuleLayer.moduleExtensions.lazy.map({ "\(directory)/\(name)\($0)" }).first(where: ModuleLayer.isFile) {
            result.append(own)
        }
        return result
    }

    /// The module files a name finds on `$env:PSModulePath`: those of the first entry that has
    /// the module.
    func moduleFiles(named name: String) -> [String] {
        for entry in modulePathEntries() {
            let files = moduleFiles(inFolder: entry + "/" + name)
            if !files.isEmpty { return files }
        }
        return []
    }

    /// Every module file under the `$env:PSModulePath` entries, in pwsh's listing order.
    func availableModuleFiles() -> [String] {
        var seen = Set<String>()
        return modulePathEntries().flatMap { moduleFiles(under: $0) }.filter { seen.insert($0).inserted }
    }

    /// The module files under one folder (ModuleUtils.GetDefaultAvailableModuleFiles): a folder
    /// holding its own module file (or version folders with matching manifests) is a module and
    /// is not searched further; other folders are.
    func moduleFiles(under entry: String) -> [String] {
        var out: [String] = []
        var queue = [entry]
        while !queue.isEmpty {
            let directory = queue.removeFirst()
            let name = (directory as NSString).lastPathComponent
            var isModule = false
            if directory != entry {
                for (folder, version) in ModuleLayer.versionFolders(directory) {
                    let manifest = "\(directory)/\(folder)/\(name).psd1"
                    if ModuleLayer.isFile(manifest) {
                        isModule = true
                        if manifestVersion(manifest).map({ $0.release == version.release }) == true { out.append(manifest) }
                    }
                }
                if !isModule, let own = ModuleLayer.moduleExtensions.lazy.map({ "\(directory)/\(name)\($0)" }).first(where: ModuleLayer.isFile) {
                    isModule = true
                    out.append(own)
                }
            }
            if !isModule {
                let children = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
                queue += children.map { directory + "/" + $0 }.filter(ModuleLayer.isDirectory)
            }
        }
        return out
    }

    /// A manifest's ModuleVersion, read without importing it.
    func manifestVersion(_ path: String) -> ModuleVersion? {
        guard let manifest = try? readManifest(path), let text = manifest.string("ModuleVersion") else { return nil }
        return ModuleVersion(text)
    }
}
