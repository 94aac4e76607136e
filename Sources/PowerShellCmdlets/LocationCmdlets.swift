import Foundation
import PowerShellRuntime

/// The location cmdlets and the path-manipulation cmdlets (Join-Path, Split-Path, Resolve-Path).
enum LocationCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Location", GetLocationCommand.self),
        ("Set-Location", SetLocationCommand.self),
        ("Push-Location", PushLocationCommand.self),
        ("Pop-Location", PopLocationCommand.self),
        ("Join-Path", JoinPathCommand.self),
        ("Split-Path", SplitPathCommand.self),
        ("Resolve-Path", ResolvePathCommand.self),
        ("Convert-Path", ConvertPathCommand.self),
    ]

    /// Changes the current location to an existing directory; writes PathNotFound otherwise.
    /// Returns false when the location did not change.
    static func change(to raw: String, literal: Bool, _ rt: CommandRuntime) throws -> Bool {
        let resolver = PathResolver(rt: rt)
        var target: String
        if raw == "-" || raw == "+" {
            guard let previous = rt.context.locationStack.last else { return false }
            target = previous
        } else {
            let matches = resolver.expand(raw, literal: literal)
            guard let p = matches.first, p.provider == .fileSystem else {
                let parsed = resolver.parse(raw)
                try rt.writeError(resolver.notFound(parsed))
                return false
            }
            target = p.path
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDir), isDir.boolValue else {
            try rt.writeError(resolver.notFound(ProviderPath(provider: .fileSystem, path: target)))
            return false
        }
        rt.context.currentLocation = target
        return true
    }
}

/// `Get-Location [-Stack]`: a PathInfo for the current location.
final class GetLocationCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if rt.bound.isOn("Stack") {
            for p in rt.context.locationStack.reversed() { try rt.writeObject(.object(PathInfo(p))) }
            return
        }
        try rt.writeObject(.object(PathInfo(rt.context.currentLocation)))
    }
}

/// `Set-Location [[-Path] <string>] [-PassThru]` (no path: the home directory).
final class SetLocationCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let (paths, literal) = PathResolver(rt: rt).pathArguments()
        let raw = paths.first ?? "~"
        guard try LocationCmdlets.change(to: raw, literal: literal, rt) else { return }
        if rt.bound.isOn("PassThru") { try rt.writeObject(.object(PathInfo(rt.context.currentLocation))) }
    }
}

/// `Push-Location [[-Path] <string>] [-PassThru]`
final class PushLocationCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let (paths, literal) = PathResolver(rt: rt).pathArguments()
        let here = rt.context.currentLocation
        if let raw = paths.first {
            guard try LocationCmdlets.change(to: raw, literal: literal, rt) else { return }
        }
        rt.context.locationStack.append(here)
        if rt.bound.isOn("PassThru") { try rt.writeObject(.object(PathInfo(rt.context.currentLocation))) }
    }
}

/// `Pop-Location [-PassThru]`: nothing happens when the stack is empty.
final class PopLocationCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let top = rt.context.locationStack.popLast() else { return }
        rt.context.currentLocation = top
        if rt.bound.isOn("PassThru") { try rt.writeObject(.object(PathInfo(top))) }
    }
}

/// `Join-Path [-Path] <string[]> [-ChildPath] <string[]> [[-AdditionalChildPath] <string[]>] [-Resolve]`
final class JoinPathCommand: Cmdlet {
    /// Joins two path parts with one separator between them (backslashes count as separators).
    static func join(_ a: String, _ b: String) -> String {
        let left = a.replacingOccurrences(of: "\\", with: "/")
        let right = b.replacingOccurrences(of: "\\", with: "/")
        if left.isEmpty { return right }
        // An empty or separator-only child adds the separator (NavigationCmdletProvider.MakePath).
        if right.isEmpty || right == "/" { return left.hasSuffix("/") ? left : left + "/" }
        var l = Substring(left)
        while l.count > 1 && l.hasSuffix("/") { l = l.dropLast() }
        var r = Substring(right)
        while r.hasPrefix("/") { r = r.dropFirst() }
        if l == "/" { return "/" + r }
        if l.hasSuffix(":") { return l + "/" + r }
        return l + "/" + r
    }

    override func process(_ rt: CommandRuntime) throws {
        var children = (rt.bound.strings("ChildPath") ?? []) + (rt.bound.strings("AdditionalChildPath") ?? [])
        // No child at all is joined as the empty one (JoinPathCommand: ChildPath ?? "").
        if children.isEmpty { children = [""] }
        let resolver = PathResolver(rt: rt)
        for base in rt.bound.strings("Path") ?? [] {
            let joined = children.reduce(base) { JoinPathCommand.join($0, $1) }
            if rt.bound.isOn("Resolve") {
                let found = resolver.expand(joined, literal: false).filter { resolver.exists($0) }
                if found.isEmpty { try rt.writeError(resolver.notFound(resolver.parse(joined))) }
                for p in found { try rt.writeObject(.string(p.path)) }
            } else {
                try rt.writeObject(.string(joined))
            }
        }
    }
}

/// `Split-Path [-Path] <string[]> [-Parent | -Leaf | -LeafBase | -Extension | -Qualifier | -NoQualifier | -IsAbsolute] [-Resolve]`
final class SplitPathCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (raws, literal) = resolver.pathArguments()
        var paths = raws
        if rt.bound.isOn("Resolve") {
            paths = try resolver.existing(raws, literal: literal).map { $0.provider == .fileSystem ? $0.path : $0.display }
        }
        for raw in paths {
            let path = raw.replacingOccurrences(of: "\\", with: "/")
            let (qualifier, rest) = SplitPathCommand.qualifier(path)
            if rt.bound.isOn("IsAbsolute") {
                try rt.writeObject(.bool(path.hasPrefix("/") || path.hasPrefix("~") || qualifier != nil))
            } else if rt.bound.isOn("Qualifier") {
                guard let q = qualifier else {
                    try rt.writeError(rt.makeError(.psArgumentException,
                                                   "Cannot parse path because path '\(raw)' does not have a qualifier specified.",
                                                   errorId: "ParsePathFormatError", category: .InvalidArgument, target: .string(raw)))
                    continue
                }
                try rt.writeObject(.string(q))
            } else if rt.bound.isOn("NoQualifier") {
                try rt.writeObject(.string(rest))
            } else if rt.bound.isOn("Leaf") || rt.bound.isOn("LeafBase") || rt.bound.isOn("Extension") {
                let leaf = SplitPathCommand.leaf(rest)
                if rt.bound.isOn("Leaf") {
                    try rt.writeObject(.string(leaf))
                } else {
                    var ext = ""
                    if let dot = leaf.lastIndex(of: "."), leaf.index(after: dot) != leaf.endIndex { ext = String(leaf[dot...]) }
                    try rt.writeObject(.string(rt.bound.isOn("Extension") ? ext : String(leaf.dropLast(ext.count))))
                }
            } else {
                let parent = SplitPathCommand.parent(rest)
                try rt.writeObject(.string(qualifier.map { $0 + (parent.isEmpty ? "" : parent) } ?? parent))
            }
        }
    }

    /// `env:` and the rest of `env:X`; nil for paths without a drive qualifier.
    static func qualifier(_ path: String) -> (String?, String) {
        guard let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/"), colon != path.startIndex else { return (nil, path) }
        return (String(path[...colon]), String(path[path.index(after: colon)...]))
    }

    static func trimmed(_ path: String) -> Substring {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return p
    }

    static func leaf(_ path: String) -> String {
        let p = trimmed(path)
        if p == "/" { return "" }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    static func parent(_ path: String) -> String {
        let p = trimmed(path)
        if p == "/" { return "" }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        return String(trimmed(String(p[..<slash])))
    }
}

/// `Resolve-Path [-Path] <string[]> [-Relative] [-RelativeBasePath <string>] [-Force]`
/// (ResolvePathCommand.cs): with -RelativeBasePath the paths resolve as if the base were the
/// current location (a base that does not exist is PathNotFound); -Relative writes each path
/// as seen from that base. A path given on a file-system drive (`TestDrive:\a`) keeps its
/// drive in Path, its ProviderPath being the folder behind it.
final class ResolvePathCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        var resolver = PathResolver(rt: rt)
        // NOTE: only Resolve-Path hides dot files from a wildcard without -Force here (the
        // provider rule; the other cmdlets keep listing them until their tests are checked).
        resolver.hideHidden = !rt.bound.isOn("Force")
        let (paths, literal) = resolver.pathArguments()
        var base = rt.context.currentLocation
        if let b = rt.bound.string("RelativeBasePath") {
            let parsed = resolver.parse(b)
            guard parsed.provider == .fileSystem, resolver.exists(parsed) else {
                try rt.writeError(resolver.notFound(parsed))
                return
            }
            base = parsed.path
        }
        let saved = rt.context.currentLocation
        rt.context.currentLocation = base
        let found: [(raw: String, path: ProviderPath)]
        do {
            defer { rt.context.currentLocation = saved }
            found = try paths.flatMap { raw in try resolver.existing([raw], literal: literal).map { (raw, $0) } }
        }
        for (raw, p) in found {
            if rt.bound.isOn("Relative") && p.provider == .fileSystem {
                try rt.writeObject(.string(ResolvePathCommand.relative(p.path, to: base)))
            } else if p.provider == .fileSystem {
                try rt.writeObject(.object(PathInfo(ResolvePathCommand.driveQualified(p.path, typed: raw, rt.context), providerPath: p.path)))
            } else {
                try rt.writeObject(.object(PathInfo(p.display)))
            }
        }
    }

    /// `Drive:/rest` for a path typed on one of the session's file-system drives; the
    /// provider path otherwise.
    /// NOTE: the drive's name is written as typed (the session keeps drive names folded).
    static func driveQualified(_ path: String, typed: String, _ context: ExecutionContext) -> String {
        guard let colon = typed.firstIndex(of: ":"), let root = context.fileSystemDrives[typed[..<colon].lowercased()] else { return path }
        let normalizedRoot = ExecutionContext.normalize(root)
        guard path == normalizedRoot || path.hasPrefix(normalizedRoot == "/" ? "/" : normalizedRoot + "/") else { return path }
        let rest = path.dropFirst(normalizedRoot.count).drop { $0 == "/" }
        return typed[..<colon] + ":/" + rest
    }

    /// `./a.txt`, `../b/c`: the path as seen from `base`.
    static func relative(_ path: String, to base: String) -> String {
        let a = path.split(separator: "/").map(String.init)
        let b = base.split(separator: "/").map(String.init)
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        let ups = Array(repeating: "..", count: b.count - i)
        let rest = Array(a[i...])
        if ups.isEmpty { return rest.isEmpty ? "." : "./" + rest.joined(separator: "/") }
        return (ups + rest).joined(separator: "/")
    }
}

/// `Convert-Path [-Path] <string[]> | -LiteralPath <string[]> [-Force]`
/// (ConvertPathCommand.cs): each existing item's provider path, wildcards expanded (a drive
/// such as `TestDrive:\a` becomes the file-system path behind it); PathNotFound otherwise.
/// Items of the session state drives give their names, the provider paths of those drives.
final class ConvertPathCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let resolver = PathResolver(rt: rt)
        let (paths, literal) = resolver.pathArguments()
        for p in try resolver.existing(paths, literal: literal) {
            try rt.writeObject(.string(p.path))
        }
    }
}
