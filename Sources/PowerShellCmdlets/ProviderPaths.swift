import Foundation
import PowerShellRuntime

/// The providers a path can name: the file system, and the `env:`, `variable:`, `function:`
/// and `alias:` drives.
enum ProviderKind {
    case fileSystem, environment, variable, function, alias

    var driveName: String {
        switch self {
        case .fileSystem: return "/"
        case .environment: return "Env"
        case .variable: return "Variable"
        case .function: return "Function"
        case .alias: return "Alias"
        }
    }
}

/// A path resolved to one provider: an absolute file-system path, or an item name on a
/// provider drive ("" for the drive itself, as in `env:`).
struct ProviderPath: Equatable {
    let provider: ProviderKind
    let path: String

    /// How pwsh names the item in "Cannot find path" messages.
    var display: String {
        provider == .fileSystem ? path : "\(provider.driveName):\\\(path)"
    }
}

/// Path parsing, wildcard expansion and the path errors of the provider cmdlets.
struct PathResolver {
    let rt: CommandRuntime
    /// A wildcard does not match names starting with `.` (hidden on Unix) unless -Force.
    var hideHidden = false

    /// Splits off a drive qualifier (`env:`, `Env:\`, `variable:/`) or a provider-qualified
    /// file-system path (`Microsoft.PowerShell.Core\FileSystem::/tmp`), else resolves against
    /// the current location.
    func parse(_ raw: String) -> ProviderPath {
        var text = raw
        if let r = text.range(of: "::"), text[..<r.lowerBound].lowercased().hasSuffix("filesystem") {
            text = String(text[r.upperBound...])
        }
        if let colon = text.firstIndex(of: ":") {
            let drive = text[..<colon].lowercased()
            var rest = String(text[text.index(after: colon)...])
            while rest.hasPrefix("\\") || rest.hasPrefix("/") { rest.removeFirst() }
            switch drive {
            case "env": return ProviderPath(provider: .environment, path: rest)
            case "variable": return ProviderPath(provider: .variable, path: rest)
            case "function": return ProviderPath(provider: .function, path: rest)
            case "alias": return ProviderPath(provider: .alias, path: rest)
            default: break
            }
        }
        return ProviderPath(provider: .fileSystem, path: rt.context.resolvePath(text.replacingOccurrences(of: "\\", with: "/")))
    }

    /// The paths a `-Path` argument names: wildcards expanded (sorted), or the path itself
    /// when it has none. An empty result means a wildcard matched nothing.
    func expand(_ raw: String, literal: Bool) -> [ProviderPath] {
        let p = parse(raw)
        guard !literal, WildcardPattern.containsWildcard(p.path) else {
            return [ProviderPath(provider: p.provider, path: literal ? p.path : unescapeWildcards(p))]
        }
        switch p.provider {
        case .fileSystem:
            return PathResolver.glob(p.path, hideHidden: hideHidden).map { ProviderPath(provider: .fileSystem, path: $0) }
        default:
            let pattern = WildcardPattern(p.path)
            return SessionStateDrive.names(p.provider, rt).filter { pattern.matches($0) }
                .map { ProviderPath(provider: p.provider, path: $0) }
        }
    }

    private func unescapeWildcards(_ p: ProviderPath) -> String {
        p.path.contains("`") ? WildcardPattern.unescape(p.path) : p.path
    }

    /// Expands wildcards one path segment at a time (case-insensitively, as pwsh does).
    static func glob(_ absolute: String, hideHidden: Bool = false) -> [String] {
        var current = ["/"]
        for seg in absolute.split(separator: "/") {
            let s = String(seg)
            var next: [String] = []
            for base in current {
                if WildcardPattern.containsWildcard(s) {
                    let pattern = WildcardPattern(s)
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
                        .filter { pattern.matches($0) && !(hideHidden && $0.hasPrefix(".")) }
                    next += sortNames(names).map { base == "/" ? "/" + $0 : base + "/" + $0 }
                } else {
                    let candidate = base == "/" ? "/" + s : base + "/" + s
                    if FileManager.default.fileExists(atPath: candidate) { next.append(candidate) }
                }
            }
            current = next
            if current.isEmpty { break }
        }
        return current
    }

    /// pwsh's listing order: case-insensitive, then ordinal.
    static func sortNames(_ names: [String]) -> [String] {
        names.sorted { a, b in
            let c = a.compare(b, options: [.caseInsensitive])
            return c == .orderedSame ? a < b : c == .orderedAscending
        }
    }

    /// True when something exists at the path.
    func exists(_ p: ProviderPath) -> Bool {
        switch p.provider {
        case .fileSystem: return FileManager.default.fileExists(atPath: p.path)
        case .variable: return SessionStateDrive.exists(p.provider, p.path, rt) || rt.context.variableValue(p.path) != nil
        default: return SessionStateDrive.exists(p.provider, p.path, rt)
        }
    }

    /// "Cannot find path '…' because it does not exist." (PathNotFound, ObjectNotFound).
    func notFound(_ p: ProviderPath) -> ErrorRecord {
        rt.makeError(.itemNotFoundException, "Cannot find path '\(p.display)' because it does not exist.",
                     errorId: "PathNotFound", category: .ObjectNotFound, target: .string(p.display))
    }

    /// Resolves each `-Path`/`-LiteralPath` argument to existing items, writing PathNotFound
    /// for literal paths that do not exist.
    func existing(_ raws: [String], literal: Bool) throws -> [ProviderPath] {
        var out: [ProviderPath] = []
        for raw in raws {
            let hasWildcard = !literal && WildcardPattern.containsWildcard(parse(raw).path)
            for p in expand(raw, literal: literal) {
                if exists(p) { out.append(p) } else if !hasWildcard { try rt.writeError(notFound(p)) }
            }
        }
        return out
    }

    /// The `-Path` or `-LiteralPath` arguments and whether they are literal.
    func pathArguments(_ pathName: String = "Path") -> (paths: [String], literal: Bool) {
        if let l = rt.bound.strings("LiteralPath") { return (l, true) }
        return (rt.bound.strings(pathName) ?? [], false)
    }
}

/// Environment provider items, read and written through the process environment.
enum EnvironmentProvider {
    static func get(_ name: String) -> String? { ProcessEnvironment.value(name) }

    static func set(_ name: String, _ value: String?) {
        if let v = value, !v.isEmpty { setenv(name, v, 1) } else { unsetenv(name) }
    }
}
