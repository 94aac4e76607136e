import Foundation
import PowerShellRuntime

/// `Microsoft.PowerShell.Commands.MatchInfo`: one matching line. It prints as the line for
/// piped strings and as `path:line:text` (path relative to the current directory) for files.
final class MatchInfo: PSNativeObject {
    let line: String
    let lineNumber: Int
    let path: String
    let pattern: String
    let ignoreCase: Bool
    let matches: [Value]
    var contextBefore: [String] = []
    var contextAfter: [String] = []
    /// The directory `ToString()` makes the path relative to.
    let relativeTo: String

    init(line: String, lineNumber: Int, path: String, pattern: String, ignoreCase: Bool, matches: [Value], relativeTo: String) {
        self.line = line
        self.lineNumber = lineNumber
        self.path = path
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        self.matches = matches
        self.relativeTo = relativeTo
    }

    var isInputStream: Bool { path == "InputStream" }

    override var typeFullName: String { "Microsoft.PowerShell.Commands.MatchInfo" }
    override var propertyNames: [String] { ["IgnoreCase", "LineNumber", "Line", "Filename", "Path", "Pattern", "Context", "Matches"] }

    override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "ignorecase": return .bool(ignoreCase)
        case "linenumber": return .int(Int32(clamping: lineNumber))
        case "line": return .string(line)
        case "filename": return .string(isInputStream ? "InputStream" : (path as NSString).lastPathComponent)
        case "path": return .string(path)
        case "pattern": return .string(pattern)
        case "context":
            if contextBefore.isEmpty && contextAfter.isEmpty { return .null }
            return .object(NativeRecord(typeNames: ["Microsoft.PowerShell.Commands.MatchInfoContext"], [
                ("PreContext", .object(PSArray(contextBefore.map { .string($0) }, kind: .array(elementType: "System.String")))),
                ("PostContext", .object(PSArray(contextAfter.map { .string($0) }, kind: .array(elementType: "System.String")))),
                ("DisplayPreContext", .object(PSArray(contextBefore.map { .string($0) }, kind: .array(elementType: "System.String")))),
                ("DisplayPostContext", .object(PSArray(contextAfter.map { .string($0) }, kind: .array(elementType: "System.String")))),
            ]))
        case "matches": return .object(PSArray(matches, kind: .array(elementType: "System.Text.RegularExpressions.Match")))
        default: return nil
        }
    }

    private var displayPath: String {
        let base = relativeTo.hasSuffix("/") ? relativeTo : relativeTo + "/"
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        return path
    }

    private func prefixed(_ text: String, _ number: Int) -> String {
        isInputStream ? text : "\(displayPath):\(number):\(text)"
    }

    override func toPSString() -> String {
        if contextBefore.isEmpty && contextAfter.isEmpty { return prefixed(line, lineNumber) }
        var out: [String] = []
        for (i, c) in contextBefore.enumerated() { out.append("  " + prefixed(c, lineNumber - contextBefore.count + i)) }
        out.append("> " + prefixed(line, lineNumber))
        for (i, c) in contextAfter.enumerated() { out.append("  " + prefixed(c, lineNumber + 1 + i)) }
        return out.joined(separator: "\n")
    }
}

/// `Select-String [-Pattern] <string[]> [-Path] <string[]> | -InputObject <psobject>
/// [-SimpleMatch] [-CaseSensitive] [-NotMatch] [-AllMatches] [-Quiet] [-List] [-Raw] [-Context n[,m]]`.
final class SelectStringCommand: Cmdlet {
    private var regexes: [PSRegex] = []
    private var patterns: [String] = []
    private var inputLine = 0
    private var anyMatch = false
    private var before = 0
    private var after = 0
    /// Lines of piped input kept for context.
    private var recent: [String] = []
    private var pendingAfter: [(MatchInfo, Int)] = []

    override func begin(_ rt: CommandRuntime) throws {
        patterns = rt.bound.strings("Pattern") ?? []
        if let c = rt.bound.list("Context") {
            let n = c.compactMap { (try? Conversion.toInt64($0)).map { max(0, Int($0)) } }
            before = n.first ?? 0
            after = n.count > 1 ? n[1] : before
        }
        if !rt.bound.isOn("SimpleMatch") {
            let options: RegexOptionSet = rt.bound.isOn("CaseSensitive") ? [] : [.ignoreCase]
            for p in patterns {
                do {
                    regexes.append(try PSRegex(pattern: p, options: options))
                } catch let e as RegexSyntaxError {
                    try rt.throwTerminating(rt.error("InvalidRegex", e.message, .InvalidArgument, target: .string(p)))
                }
            }
        }
    }

    /// The matches of one line, or nil when it does not match.
    private func match(_ line: String, _ rt: CommandRuntime) -> (pattern: String, matches: [Value])? {
        if rt.bound.isOn("SimpleMatch") {
            let options: String.CompareOptions = rt.bound.isOn("CaseSensitive") ? [] : [.caseInsensitive]
            for p in patterns where line.range(of: p, options: options) != nil || p.isEmpty { return (p, []) }
            return nil
        }
        for (i, r) in regexes.enumerated() {
            if rt.bound.isOn("AllMatches") {
                let all = r.matches(line)
                if !all.isEmpty { return (patterns[i], all.map { .object($0) }) }
            } else if let m = r.firstMatch(line) {
                return (patterns[i], [.object(m)])
            }
        }
        return nil
    }

    /// Handles one line; returns false to stop reading the current source (-List).
    private func handle(_ line: String, number: Int, path: String, _ rt: CommandRuntime) throws -> Bool {
        for (i, pending) in pendingAfter.enumerated().reversed() where pending.1 > 0 {
            pending.0.contextAfter.append(line)
            pendingAfter[i].1 -= 1
        }
        try flushCompleted(rt)
        var found = match(line, rt)
        if rt.bound.isOn("NotMatch") { found = found == nil ? (patterns.first ?? "", []) : nil }
        defer {
            if before > 0 {
                recent.append(line)
                if recent.count > before { recent.removeFirst() }
            }
        }
        guard let m = found else { return true }
        anyMatch = true
        if rt.bound.isOn("Quiet") { return true }
        if rt.bound.isOn("Raw") {
            try rt.writeObject(.string(line))
            return !rt.bound.isOn("List")
        }
        let info = MatchInfo(line: line, lineNumber: number, path: path, pattern: m.pattern, ignoreCase: !rt.bound.isOn("CaseSensitive"),
                             matches: m.matches, relativeTo: rt.context.currentLocation)
        info.contextBefore = recent
        if after > 0 {
            pendingAfter.append((info, after))
        } else {
            try rt.writeObject(.object(info))
        }
        return !rt.bound.isOn("List")
    }

    private func flushCompleted(_ rt: CommandRuntime) throws {
        while let first = pendingAfter.first, first.1 == 0 {
            pendingAfter.removeFirst()
            try rt.writeObject(.object(first.0))
        }
    }

    private func flushAll(_ rt: CommandRuntime) throws {
        for p in pendingAfter { try rt.writeObject(.object(p.0)) }
        pendingAfter = []
        recent = []
    }

    override func process(_ rt: CommandRuntime) throws {
        if let paths = rt.bound.strings("Path") ?? rt.bound.strings("LiteralPath") {
            for file in try resolve(paths, literal: rt.bound.has("LiteralPath"), rt) {
                try searchFile(file, rt)
            }
            return
        }
        guard let v = rt.bound[folded: "inputobject"], !v.isNull else { return }
        inputLine += 1
        if case .object(let o) = v, let info = o as? MatchInfo {
            _ = try handle(info.line, number: inputLine, path: "InputStream", rt)
            return
        }
        _ = try handle(rt.text(v), number: inputLine, path: "InputStream", rt)
    }

    private func searchFile(_ path: String, _ rt: CommandRuntime) throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        recent = []
        for (i, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if !(try handle(line, number: i + 1, path: path, rt)) { break }
        }
        try flushAll(rt)
    }

    /// Expands wildcards of `-Path` against the file system (relative to the current location).
    private func resolve(_ paths: [String], literal: Bool, _ rt: CommandRuntime) throws -> [String] {
        var out: [String] = []
        for p in paths {
            let full = rt.context.resolvePath(p)
            if literal || !WildcardPattern.containsWildcard(p) {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir) {
                    if !isDir.boolValue { out.append(full) }
                } else {
                    try rt.writeError(rt.error("PathNotFound", "Cannot find path '\(full)' because it does not exist.", .ObjectNotFound,
                                               target: .string(full), type: .itemNotFoundException))
                }
                continue
            }
            let dir = (full as NSString).deletingLastPathComponent
            let pattern = WildcardPattern((full as NSString).lastPathComponent)
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            for e in entries where pattern.matches(e) {
                var isDir: ObjCBool = false
                let f = dir == "/" ? "/" + e : dir + "/" + e
                if FileManager.default.fileExists(atPath: f, isDirectory: &isDir), !isDir.boolValue { out.append(f) }
            }
        }
        return out
    }

    override func end(_ rt: CommandRuntime) throws {
        try flushAll(rt)
        if rt.bound.isOn("Quiet") && anyMatch { try rt.writeObject(.bool(true)) }
    }
}
