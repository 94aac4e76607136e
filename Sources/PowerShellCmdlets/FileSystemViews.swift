import Foundation
import PowerShellFormatting
import PowerShellRuntime

/// pwsh's views for `System.IO.FileInfo` / `System.IO.DirectoryInfo` on Linux
/// (FileSystem_format_ps1xml.cs): the `childrenWithUnixStat` table and the `children` list,
/// both grouped by the parent folder under a `    Directory: /path` line.
enum FileSystemViews {
    static let typeNames = ["System.IO.DirectoryInfo", "System.IO.FileInfo"]

    static var all: [FormatViewDefinition] {
        let group = (expression: FormatExpression.script(parentDirectory), label: "Directory")
        let table = TableViewDefinition(columns: [
            .property("UnixMode", width: 10, alignment: .left),
            .property("User", width: 10, alignment: .right),
            .property("Group", width: 10, alignment: .left),
            // '{0:d} {0:HH}:{0:mm}': as wide as the longest date, 12/31/9999 23:59.
            TableColumnDefinition(.script(lastWriteTime), label: "LastWriteTime", width: 16, alignment: .right),
            .property("Size", width: 12, alignment: .right),
            TableColumnDefinition(.script(nameString), label: "Name", alignment: .left),
        ], wrap: true)
        let isFile: (Value) -> Bool = { item($0)?.isDirectory == false }
        let list: [ListItemDefinition] = [
            .property("Name"),
            ListItemDefinition(.script(lengthString), label: "Length", condition: isFile),
            .property("CreationTime"), .property("LastWriteTime"), .property("LastAccessTime"), .property("Mode"),
            .property("LinkType"), .property("Target"),
            ListItemDefinition(.script(versionInfo), label: "VersionInfo", condition: isFile),
        ]
        return [
            FormatViewDefinition(name: "childrenWithUnixStat", typeNames: typeNames, control: .table(table), groupBy: group,
                                 groupByText: directoryHeader),
            FormatViewDefinition(name: "children", typeNames: typeNames, control: .list(list), groupBy: group, groupByText: directoryHeader),
            // Directories show as `[name]`.
            FormatViewDefinition(name: "children", typeNames: typeNames, control: .wide(.script(wideName), columns: 0), groupBy: group,
                                 groupByText: directoryHeader),
        ]
    }

    /// FileSystemProviderStrings.DirectoryDisplayGrouping; the value shown after it is the
    /// parent path without its provider prefix.
    private static let directoryHeader = "    Directory: "

    /// `$_.PSParentPath.Replace("Microsoft.PowerShell.Core\FileSystem::", "")`
    private static func parentDirectory(_ v: Value) -> Value {
        guard let i = item(v) else { return .null }
        return .string(i.parentPath)
    }

    private static func item(_ v: Value) -> FileSystemItem? {
        guard case .object(let o) = v else { return nil }
        return o as? FileSystemItem
    }

    private static func lastWriteTime(_ v: Value) throws -> Value {
        guard let i = item(v) else { return .null }
        let t = i.lastWriteTime
        return .string(try t.format("d") + " " + t.format("HH:mm"))
    }

    /// NameString: the name (`name -> target` for a symbolic link; no colours under NO_COLOR).
    private static func nameString(_ v: Value) -> Value {
        guard let i = item(v) else { return .null }
        if let target = i.linkTarget { return .string(i.name + " -> " + target) }
        return .string(i.name)
    }

    /// `[FileVersionInfo]::GetVersionInfo($this.FullName)` shown as its ToString(): Linux files
    /// carry no version resource, so only the file name is filled in.
    private static func versionInfo(_ v: Value) -> Value {
        guard let i = item(v) else { return .null }
        let fields: [(String, String)] = [
            ("File", i.fullName), ("InternalName", ""), ("OriginalFilename", ""), ("FileVersion", ""), ("FileDescription", ""),
            ("Product", ""), ("ProductVersion", ""), ("Debug", "False"), ("Patched", "False"), ("PreRelease", "False"),
            ("PrivateBuild", "False"), ("SpecialBuild", "False"), ("Language", ""),
        ]
        return .string(fields.map { ($0.0 + ":").padding(toLength: 18, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined())
    }

    private static func wideName(_ v: Value) -> Value {
        guard let i = item(v) else { return .null }
        return .string(i.isDirectory ? "[" + i.name + "]" : i.name)
    }

    private static func lengthString(_ v: Value) -> Value {
        guard let i = item(v), !i.isDirectory else { return .string("") }
        return .string(String(i.length))
    }
}
