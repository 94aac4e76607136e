import Foundation

/// [System.IO.Path], [System.IO.File], [System.IO.Directory] and [Environment], as on Linux.
/// NOTE: relative paths resolve against the process directory, as .NET does, not pwsh's location.
enum SystemIO {
    private static func ioError(_ path: String, _ error: Error) -> MemberFailure {
        let ns = error as NSError
        if ns.code == NSFileReadNoSuchFileError || ns.code == NSFileNoSuchFileError {
            return .dotnet(.fileNotFoundException, "Could not find file '\(full(path))'.")
        }
        if ns.code == NSFileWriteNoPermissionError || ns.code == NSFileReadNoPermissionError {
            return .dotnet(.unauthorizedAccessException, "Access to the path '\(full(path))' is denied.")
        }
        return .dotnet(.ioException, ns.localizedDescription)
    }

    /// Path.GetFullPath.
    static func full(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for p in base.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { _ = parts.popLast(); continue }
            parts.append(p)
        }
        return "/" + parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }

    private static func fileName(_ p: String) -> String {
        guard let slash = p.lastIndex(of: "/") else { return p }
        return String(p[p.index(after: slash)...])
    }

    static func path(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "combine", "join":
            var parts = a.values
            if parts.count == 1, let arr = parts[0].array { parts = arr.items }
            var out = ""
            for p in parts {
                // $null converts to "" for a string parameter, and "" adds nothing.
                let s = p.isNull ? "" : Conversion.toString(p, hooks: a.hooks)
                if s.isEmpty { continue }
                if name == "combine" && s.hasPrefix("/") { out = s; continue }
                if out.isEmpty || out.hasSuffix("/") || s.hasPrefix("/") { out += s } else { out += "/" + s }
            }
            return .string(out)
        case "getfilename":
            try a.expect(1)
            let p = a.string(0)
            return .string(fileName(p))
        case "getextension":
            try a.expect(1)
            let p = a.string(0)
            let n = fileName(p)
            guard let dot = n.lastIndex(of: "."), n.index(after: dot) != n.endIndex else { return .string("") }
            return .string(String(n[dot...]))
        case "getfilenamewithoutextension":
            try a.expect(1)
            let p = a.string(0)
            let n = fileName(p)
            guard let dot = n.lastIndex(of: ".") else { return .string(n) }
            return .string(String(n[..<dot]))
        case "getdirectoryname":
            try a.expect(1)
            let p = a.string(0)
            guard !p.isEmpty, p != "/" else { return .null }
            guard let slash = p.lastIndex(of: "/") else { return .string("") }
            let dir = String(p[..<slash])
            return .string(dir.isEmpty ? "/" : dir)
        case "hasextension":
            try a.expect(1)
            let n = fileName(a.string(0))
            guard let dot = n.lastIndex(of: ".") else { return .bool(false) }
            return .bool(n.index(after: dot) != n.endIndex)
        case "changeextension":
            try a.expect(2)
            let p = a.string(0)
            var base = p
            let n = fileName(p)
            if let dot = n.lastIndex(of: ".") { base = String(p.dropLast(n.distance(from: dot, to: n.endIndex))) }
            let ext = a.string(1)
            return .string(base + (ext.hasPrefix(".") || ext.isEmpty ? ext : "." + ext))
        case "gettemppath":
            try a.expect(0)
            var t = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp/"
            if !t.hasSuffix("/") { t += "/" }
            return .string(t)
        case "gettempfilename":
            try a.expect(0)
            let p = "/tmp/tmp" + String(UInt32.random(in: 0...0xFFFFF), radix: 16, uppercase: true) + ".tmp"
            _ = FileManager.default.createFile(atPath: p, contents: Data())
            return .string(p)
        case "getrandomfilename":
            try a.expect(0)
            let chars = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let s = String((0..<11).map { _ in chars[Int.random(in: 0..<chars.count)] })
            return .string(String(s.prefix(8)) + "." + String(s.suffix(3)))
        case "getfullpath":
            try a.expect(1...2)
            return .string(full(a.string(0)))
        case "ispathrooted", "ispathfullyqualified":
            try a.expect(1)
            return .bool(a.string(0).hasPrefix("/"))
        case "getpathroot":
            try a.expect(1)
            return .string(a.string(0).hasPrefix("/") ? "/" : "")
        default:
            return nil
        }
    }

    static func file(_ name: String, _ a: MethodArgs) throws -> Value? {
        let fm = FileManager.default
        switch name {
        case "exists":
            try a.expect(1)
            var dir: ObjCBool = false
            let p = a.string(0)
            guard !p.isEmpty, fm.fileExists(atPath: full(p), isDirectory: &dir) else { return .bool(false) }
            return .bool(!dir.boolValue)
        case "readalltext", "readalllines", "readallbytes":
            try a.expect(1...2)
            let p = a.string(0)
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: full(p))) } catch { throw ioError(p, error) }
            if name == "readallbytes" {
                return .object(PSArray(data.map { .sized(SizedNumber(kind: .byte, integer: Int64($0))) }, kind: .array(elementType: "System.Byte")))
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if name == "readalltext" { return .string(text) }
            var lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            if lines.last == "" { lines.removeLast() }
            return StringMembers.stringArray(lines.map { .string($0) })
        case "writealltext", "appendalltext", "writealllines", "appendalllines":
            try a.expect(2...3)
            let p = a.string(0)
            let text: String
            if name.hasSuffix("lines") {
                text = a.strings(1).map { $0 + "\n" }.joined()
            } else {
                text = a.string(1)
            }
            let url = URL(fileURLWithPath: full(p))
            do {
                if name.hasPrefix("append"), let h = try? FileHandle(forWritingTo: url) {
                    h.seekToEndOfFile()
                    h.write(Data(text.utf8))
                    h.closeFile()
                } else {
                    try Data(text.utf8).write(to: url)
                }
            } catch {
                throw ioError(p, error)
            }
            return .voidResult
        case "delete":
            try a.expect(1)
            let p = full(a.string(0))
            if fm.fileExists(atPath: p) {
                do { try fm.removeItem(atPath: p) } catch { throw ioError(a.string(0), error) }
            }
            return .voidResult
        case "copy", "move":
            try a.expect(2...3)
            let src = full(a.string(0)), dst = full(a.string(1))
            do {
                if a.count == 3 && a.bool(2) && fm.fileExists(atPath: dst) { try fm.removeItem(atPath: dst) }
                if name == "copy" { try fm.copyItem(atPath: src, toPath: dst) } else { try fm.moveItem(atPath: src, toPath: dst) }
            } catch {
                throw ioError(a.string(0), error)
            }
            return .voidResult
        default:
            return nil
        }
    }

    static func directory(_ name: String, _ a: MethodArgs) throws -> Value? {
        let fm = FileManager.default
        switch name {
        case "exists":
            try a.expect(1)
            var dir: ObjCBool = false
            let p = a.string(0)
            guard !p.isEmpty, fm.fileExists(atPath: full(p), isDirectory: &dir) else { return .bool(false) }
            return .bool(dir.boolValue)
        case "getcurrentdirectory":
            try a.expect(0)
            return .string(fm.currentDirectoryPath)
        case "createdirectory":
            try a.expect(1)
            do { try fm.createDirectory(atPath: full(a.string(0)), withIntermediateDirectories: true) } catch { throw ioError(a.string(0), error) }
            return .string(full(a.string(0)))
        case "delete":
            try a.expect(1...2)
            do { try fm.removeItem(atPath: full(a.string(0))) } catch { throw ioError(a.string(0), error) }
            return .voidResult
        case "getfiles", "getdirectories", "enumeratefiles", "enumeratedirectories":
            try a.expect(1...3)
            let root = a.string(0)
            let pattern = a.count >= 2 ? a.string(1) : "*"
            let recursive = a.count == 3 && (DotNetEnums.value(of: a[2], in: PSEnumDefinition(name: "SearchOption", members: [("TopDirectoryOnly", 0), ("AllDirectories", 1)])) ?? 0) == 1
            let wantFiles = name.hasSuffix("files")
            let base = full(root)
            var out: [Value] = []
            guard let names = recursive ? try? fm.subpathsOfDirectory(atPath: base) : try? fm.contentsOfDirectory(atPath: base) else {
                throw MemberFailure.dotnet(.directoryNotFoundException, "Could not find a part of the path '\(base)'.")
            }
            for n in names.sorted() {
                var dir: ObjCBool = false
                let path = base.hasSuffix("/") ? base + n : base + "/" + n
                guard fm.fileExists(atPath: path, isDirectory: &dir), dir.boolValue != wantFiles else { continue }
                guard SimpleWildcard.matches(pattern, (n as NSString).lastPathComponent) else { continue }
                out.append(.string(root.hasSuffix("/") ? root + n : root + "/" + n))
            }
            return StringMembers.stringArray(out)
        default:
            return nil
        }
    }

    static func environment(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        // With an EnvironmentVariableTarget: .NET on Unix keeps only the process's variables;
        // User and Machine read as null and writing them does nothing (the .NET API docs).
        case "getenvironmentvariable":
            try a.expect(1...2)
            let n = a.string(0)
            if a.count == 2, try a.enumValue(1, DotNetEnums.environmentVariableTarget, "target") != 0 { return .null }
            return ProcessEnvironment.value(n).map { .string($0) } ?? .null
        case "setenvironmentvariable":
            try a.expect(2...3)
            let n = a.string(0)
            if n.isEmpty { throw MemberFailure.dotnet(.argumentException, "String cannot be of zero length. (Parameter 'variable')") }
            if a.count == 3, try a.enumValue(2, DotNetEnums.environmentVariableTarget, "target") != 0 { return .voidResult }
            let v = a.string(1)
            if !v.isEmpty { setenv(n, v, 1) } else { unsetenv(n) }
            return .voidResult
        case "getenvironmentvariables":
            try a.expect(0...1)
            let h = PSHashtable()
            if a.count == 1, try a.enumValue(0, DotNetEnums.environmentVariableTarget, "target") != 0 { return .object(h) }
            for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { h.set(.string(k), .string(v)) }
            return .object(h)
        case "expandenvironmentvariables":
            try a.expect(1)
            var s = a.string(0)
            for (k, v) in ProcessInfo.processInfo.environment { s = s.replacingOccurrences(of: "%\(k)%", with: v) }
            return .string(s)
        case "getfolderpath":
            try a.expect(1...2)
            let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
            switch a.string(0).lowercased() {
            case "userprofile", "personal", "mydocuments": return .string(home)
            case "applicationdata": return .string(home + "/.config")
            case "localapplicationdata": return .string(home + "/.local/share")
            case "desktop", "desktopdirectory": return .string(home + "/Desktop")
            default: return .string("")
            }
        default:
            return nil
        }
    }
}
