import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `teamsh -Golden DIR`: golden-output tests of a folder of scripts, the way teamsh's own
/// samples are tested.
///
/// A golden script is every `NAME.ps1` under DIR (sub-folders too) except Pester files
/// (`*.Tests.ps1`), folders named `tenants`, and module folders (a `.psd1` or `.psm1` inside).
/// Beside it: `NAME.out` (expected stdout), `NAME.err` (expected stderr; missing: empty),
/// `NAME.code` (expected exit code; missing: 0), `NAME.args` (extra arguments, one a line),
/// `NAME.tenant.json` (the world it starts from; missing: the embedded default).
/// A `NAME.cmd` instead of `NAME.ps1` is a command line: bash runs it in the case folder, where
/// `teamsh` (and `pwsh`, as the oracle's command-line cases write it) stands for this teamsh,
/// so a golden test can check switches, piped stdin and exit codes of whole command lines.
/// A script with none of `.out`, `.err`, `.code` is new: reported, not failed; `-Update` writes
/// its expected files, `-Update -Force` rewrites every script's.
///
/// Each script runs as the oracle ran pwsh, so that an expected output can be checked against
/// real pwsh: copied with its folder's data files into `/tmp/case` (the path error messages
/// show; held under a lock on `/tmp/case.lock`, as the repository's harness scripts do), run as
/// `teamsh -NoProfile -NonInteractive -File ./NAME.ps1 ARGS` with stdin from /dev/null and only
/// PATH, NO_COLOR=1, TZ=UTC, LANG=en_US.UTF-8, HOME kept, on a fresh copy of its world.
/// Lines compare with trailing whitespace trimmed and blank lines at the very end ignored; see
/// `GoldenMask` for the placeholders an expected line may hold.
struct GoldenRunner {
    struct Options {
        var folder: String
        var update = false
        var force = false
        var mask = false
        var json = false
        var filters: [String] = []
        var timeout: TimeInterval = 30
    }

    enum Status: String { case pass, fail, new, written }

    struct CaseResult {
        let id: String
        let status: Status
        let problems: [String]
    }

    let options: Options
    let teamsh: String

    /// The folder scripts run in: `/tmp/case`, or `TEAMSH_GOLDEN_CASE` when set. A script
    /// that itself runs `teamsh -Golden` is given `<folder>-nested`, so the two runs never
    /// share a folder or wait for each other's lock.
    let caseFolder = ProcessInfo.processInfo.environment["TEAMSH_GOLDEN_CASE"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp/case"
    var caseLock: String { caseFolder + ".lock" }
    static let expectationSuffixes = [".out", ".err", ".code"]
    static let companionSuffixes = [".ps1", ".cmd", ".out", ".err", ".code", ".args", ".tenant.json"]

    /// The file a golden test is run from: `NAME.cmd` (a command line) when there is one,
    /// else `NAME.ps1`.
    static func sourceFile(_ name: String, in group: Group) -> String {
        FileManager.default.fileExists(atPath: group.folder + "/" + name + ".cmd") ? name + ".cmd" : name + ".ps1"
    }

    /// Runs every script and prints the report; returns the exit code (1 on any miss).
    func run() -> Int32 {
        let root = URL(fileURLWithPath: options.folder).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            FileHandle.standardError.write(Data("teamsh: -Golden: '\(options.folder)' is not a folder.\n".utf8))
            return 64
        }
        var results: [CaseResult] = []
        for group in discover(root) {
            for name in group.names {
                let id = relative(group.folder + "/" + Self.sourceFile(name, in: group), to: root)
                if !options.filters.isEmpty && !options.filters.contains(where: { id.contains($0) }) { continue }
                let result = check(name: name, in: group)
                results.append(CaseResult(id: id, status: result.status, problems: result.problems))
                if !options.json { report(results[results.count - 1]) }
            }
        }
        let count = { (s: Status) in results.filter { $0.status == s }.count }
        if options.json {
            printJSON(results, root: root)
        } else {
            var summary = "\(count(.pass)) passed, \(count(.fail)) failed"
            if count(.new) > 0 { summary += ", \(count(.new)) new" }
            if count(.written) > 0 { summary += ", \(count(.written)) written" }
            print(summary)
        }
        return count(.fail) > 0 ? 1 : 0
    }

    // MARK: - Discovery

    /// A folder holding golden scripts: their names, and the data files and sub-folders that
    /// are copied beside each of them.
    struct Group {
        let folder: String
        let names: [String]
        let dataFiles: [String]
        let subfolders: [String]
    }

    func discover(_ root: String) -> [Group] {
        var groups: [Group] = []
        var pending = [root]
        while let folder = pending.popLast() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            var files: [String] = [], folders: [String] = []
            for entry in entries.sorted() where !entry.hasPrefix(".") {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isFolder)
                if isFolder.boolValue { folders.append(entry) } else { files.append(entry) }
            }
            let isModuleFolder = folder != root && files.contains { $0.hasSuffix(".psd1") || $0.hasSuffix(".psm1") }
            if isModuleFolder || (folder as NSString).lastPathComponent == "tenants" { continue }
            pending.append(contentsOf: folders.reversed().map { folder + "/" + $0 })
            let scripts = files.filter { ($0.hasSuffix(".ps1") && !$0.hasSuffix(".Tests.ps1")) || $0.hasSuffix(".cmd") }
            let names = Array(Set(scripts.map { String($0.dropLast(4)) })).sorted()
            guard !names.isEmpty else { continue }
            let data = files.filter { file in
                !names.contains { name in Self.companionSuffixes.contains { file == name + $0 } }
            }
            groups.append(Group(folder: folder, names: names, dataFiles: data, subfolders: folders))
        }
        return groups.sorted { $0.folder < $1.folder }
    }

    private func relative(_ path: String, to root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    // MARK: - One script

    private func check(name: String, in group: Group) -> (status: Status, problems: [String]) {
        let stem = group.folder + "/" + name
        let hasExpectation = Self.expectationSuffixes.contains { FileManager.default.fileExists(atPath: stem + $0) }
        if !hasExpectation && !options.update { return (.new, ["no \(name).out, \(name).err or \(name).code (-Update writes them)"]) }
        let result: ChildProcess.Result
        do {
            result = try runScript(name: name, in: group)
        } catch {
            return (.fail, ["\(error)"])
        }
        if options.update && (!hasExpectation || options.force) {
            do {
                try write(result, stem: stem)
            } catch {
                return (.fail, ["cannot write the expected files: \(error.localizedDescription)"])
            }
            return (.written, [])
        }
        let problems = compare(stem: stem, result)
        return (problems.isEmpty ? .pass : .fail, problems)
    }

    struct RunFailure: Error, CustomStringConvertible { let description: String }

    private func runScript(name: String, in group: Group) throws -> ChildProcess.Result {
        let stem = group.folder + "/" + name
        let arguments = (try? String(contentsOfFile: stem + ".args", encoding: .utf8))
            .map { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) } ?? []
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "NO_COLOR": "1", "TZ": "UTC", "LANG": "en_US.UTF-8",
            "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/root",
            "TEAMSH_GOLDEN_CASE": caseFolder + "-nested",
        ]
        // A fresh copy of the world in a folder of its own: teamsh saves into the file and
        // keeps its companion files beside it.
        var worldFolder: String?
        defer { if let worldFolder { try? FileManager.default.removeItem(atPath: worldFolder) } }
        if FileManager.default.fileExists(atPath: stem + ".tenant.json") {
            let folder = NSTemporaryDirectory() + "teamsh-golden-world-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            worldFolder = folder
            let copy = folder + "/" + name + ".tenant.json"
            guard let data = FileManager.default.contents(atPath: stem + ".tenant.json"),
                  FileManager.default.createFile(atPath: copy, contents: data) else {
                throw RunFailure(description: "cannot copy \(name).tenant.json")
            }
            environment["TEAMSH_TENANT"] = copy
        }
        let lock = open(caseLock, O_CREAT | O_RDWR, 0o666)
        guard lock >= 0 else { throw RunFailure(description: "cannot open \(caseLock)") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(lock, LOCK_UN) }
        let fm = FileManager.default
        try? fm.removeItem(atPath: caseFolder)
        defer { try? fm.removeItem(atPath: caseFolder) }
        try fm.createDirectory(atPath: caseFolder, withIntermediateDirectories: true)
        let source = Self.sourceFile(name, in: group)
        for file in (source.hasSuffix(".cmd") ? [] : [source]) + group.dataFiles {
            try fm.copyItem(atPath: group.folder + "/" + file, toPath: caseFolder + "/" + file)
        }
        for folder in group.subfolders {
            try fm.copyItem(atPath: group.folder + "/" + folder, toPath: caseFolder + "/" + folder)
        }
        if source.hasSuffix(".cmd") {
            guard let command = try? String(contentsOfFile: group.folder + "/" + source, encoding: .utf8) else {
                throw RunFailure(description: "cannot read \(source)")
            }
            let binary = "'" + teamsh.replacingOccurrences(of: "'", with: "'\\''") + "'"
            let script = "teamsh() { \(binary) \"$@\"; }\npwsh() { \(binary) \"$@\"; }\n" + command
            return ChildProcess(executable: "/bin/bash", arguments: ["-c", script, "bash"] + arguments,
                                directory: caseFolder, environment: environment, timeout: options.timeout).run()
        }
        return ChildProcess(executable: teamsh, arguments: ["-NoProfile", "-NonInteractive", "-File", "./\(name).ps1"] + arguments,
                            directory: caseFolder, environment: environment, timeout: options.timeout).run()
    }

    private func compare(stem: String, _ result: ChildProcess.Result) -> [String] {
        var problems: [String] = []
        let expectedCode = (try? String(contentsOfFile: stem + ".code", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        if result.timedOut {
            problems.append("timed out after \(Int(options.timeout)) s (process group killed)")
        } else if result.exitCode != expectedCode {
            problems.append("exit code: expected \(expectedCode), got \(result.exitCode.map(String.init) ?? "none (killed by a signal)")")
        }
        for (suffix, stream, actual) in [(".out", "stdout", result.stdout), (".err", "stderr", result.stderr)] {
            let expected = (try? String(contentsOfFile: stem + suffix, encoding: .utf8)) ?? ""
            let diff = LineDiff.unified(old: Self.lines(expected), new: Self.lines(actual),
                                        oldName: "expected \(stream)", newName: "teamsh \(stream)",
                                        equal: GoldenMask.matches)
            if !diff.isEmpty { problems.append(diff) }
        }
        return problems
    }

    /// Lines with trailing whitespace trimmed and the blank lines at the very end dropped.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var end = line.endIndex
            while end > line.startIndex, let last = line[..<end].last, last == " " || last == "\t" || last == "\r" {
                end = line.index(before: end)
            }
            return String(line[..<end])
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    private func write(_ result: ChildProcess.Result, stem: String) throws {
        let masked = { (text: String) in options.mask ? GoldenMask.mask(text) : text }
        let wanted: [(String, String?)] = [
            (".out", masked(result.stdout)),
            (".err", result.stderr.isEmpty ? nil : masked(result.stderr)),
            (".code", result.exitCode == 0 ? nil : "\(result.exitCode.map(String.init) ?? "none")\n"),
        ]
        for (suffix, text) in wanted {
            let path = stem + suffix
            if let text {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } else if FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
            }
        }
    }

    // MARK: - Report

    private func report(_ result: CaseResult) {
        switch result.status {
        case .pass: return
        case .fail: print("--- FAIL \(result.id)")
        case .new: print("--- NEW \(result.id)")
        case .written: print("--- WROTE \(result.id)")
        }
        for problem in result.problems { print(problem) }
    }

    private func printJSON(_ results: [CaseResult], root: String) {
        let cases: [[String: Any]] = results.map { ["id": $0.id, "status": $0.status.rawValue, "problems": $0.problems] }
        let count = { (s: Status) in results.filter { $0.status == s }.count }
        let document: [String: Any] = [
            "folder": root, "teamsh": teamsh, "total": results.count,
            "passed": count(.pass), "failed": count(.fail), "new": count(.new), "written": count(.written),
            "cases": cases,
        ]
        if let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

extension GoldenRunner.Options {
    /// The arguments after `-Golden`: the folder first, then the runner's own switches.
    static func parse(_ args: [String]) throws -> GoldenRunner.Options {
        guard let folder = args.first, !folder.hasPrefix("-") else {
            throw CommandLineOptions.UsageError(message: "Missing the argument to the -Golden parameter.")
        }
        var options = GoldenRunner.Options(folder: folder)
        var i = 1
        while i < args.count {
            let flag = args[i].drop { $0 == "-" }.lowercased()
            i += 1
            func value() throws -> String {
                guard i < args.count else { throw CommandLineOptions.UsageError(message: "Missing the argument to the \(args[i - 1]) parameter.") }
                defer { i += 1 }
                return args[i]
            }
            switch flag {
            case "update": options.update = true
            case "force": options.force = true
            case "mask": options.mask = true
            case "json": options.json = true
            case "filter": options.filters.append(try value())
            case "timeout":
                let text = try value()
                guard let seconds = Double(text), seconds > 0 else {
                    throw CommandLineOptions.UsageError(message: "The -Timeout value '\(text)' is not a number of seconds.")
                }
                options.timeout = seconds
            default:
                throw CommandLineOptions.UsageError(message: "The argument '\(args[i - 1])' is not a -Golden option (-Update, -Force, -Mask, -Filter, -Timeout, -Json).")
            }
        }
        return options
    }
}
