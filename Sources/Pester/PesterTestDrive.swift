import Foundation
import PowerShellRuntime
import PowerShellCmdlets

/// Pester's TestDrive: a fresh temporary directory for a test file's (Pester 5) or top-level
/// Describe's (Pester 4) tests, reachable as `$TestDrive` and as the `TestDrive:` drive.
/// Nested blocks get the same directory; what they add is removed when they end; the
/// directory itself is removed when the block that made it ends.
enum PesterTestDrive {
    /// Creates the directory under the temporary folder, maps `TestDrive:` to it and sets
    /// `$global:TestDrive` (Pester 4: the DirectoryInfo New-Item gave; Pester 5: the path).
    static func create(_ context: ExecutionContext, asDirectoryInfo: Bool) -> String {
        var tmp = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if tmp.isEmpty { tmp = "/tmp" }
        while tmp.count > 1 && tmp.hasSuffix("/") { tmp.removeLast() }
        var path: String
        repeat {
            path = tmp + "/" + UUID().uuidString.lowercased()
        } while FileManager.default.fileExists(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        context.fileSystemDrives["testdrive"] = path
        let value: Value = asDirectoryInfo ? (FileSystemItems.value(at: path) ?? .string(path)) : .string(path)
        context.globalScope.variables["testdrive"] = PSVariable(name: "TestDrive", value: value)
        return path
    }

    /// Removes the directory, the drive and `$global:TestDrive`.
    static func remove(_ context: ExecutionContext, path: String) {
        try? FileManager.default.removeItem(atPath: path)
        if context.fileSystemDrives["testdrive"] == path { context.fileSystemDrives["testdrive"] = nil }
        context.globalScope.variables["testdrive"] = nil
    }

    /// Every file and folder under the directory (to keep when a nested block ends).
    static func contents(_ path: String) -> Set<String> {
        var found: Set<String> = []
        guard let e = FileManager.default.enumerator(atPath: path) else { return found }
        for case let rel as String in e { found.insert(path + "/" + rel) }
        return found
    }

    /// Removes what was added since `kept` was taken.
    static func clear(_ path: String, keeping kept: Set<String>) {
        for item in contents(path).sorted(by: >) where !kept.contains(item) {
            try? FileManager.default.removeItem(atPath: item)
        }
    }
}
