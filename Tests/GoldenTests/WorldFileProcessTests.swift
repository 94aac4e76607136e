import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The world file's guarantees, checked with real teamsh processes: failed saves (a read-only
/// folder or file, the file replaced by a directory) are errors with `$?` False and exit code 74; four
/// processes making 500 changes each (policies created, policies granted) on one file lose none; `kill -9` at random moments leaves a
/// file that loads, holding a prefix of the changes and nothing else beside it; mode, owner and
/// symbolic link are kept; a misspelt key is named; a lock held too long names its holder.
///
/// Counts can be lowered for a quick run (`TEAMSH_STORE_TEST_CHANGES`, default 500 per process;
/// `TEAMSH_STORE_TEST_KILLS`, default 100); the defaults are the ones issue 11 asks for.
final class WorldFileProcessTests: XCTestCase {
    private var directory = ""
    private var world: String { directory + "/w.json" }

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "teamsh-world-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = chmod(directory, 0o755)
    }

    override func tearDownWithError() throws {
        _ = chmod(directory, 0o755)
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func count(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init).map { max(1, $0) } ?? value
    }

    /// What a run printed and how it ended.
    struct Run {
        let out: String
        let err: String
        let code: Int32
    }

    /// Runs teamsh to the end in `directory` (as user `nobody` when `asNobody`).
    private func teamsh(_ arguments: [String], environment: [String: String] = [:], asNobody: Bool = false) throws -> Run {
        let process = try makeProcess(arguments, environment: environment, asNobody: asNobody)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while it runs, so a full pipe never blocks it.
        let errData = PipeData()
        let errReader = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errReader.isFinished { usleep(1_000) }
        return Run(out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData.data, as: UTF8.self),
                   code: process.terminationStatus)
    }

    /// What a reader thread read from a pipe (set once, read after the thread finished).
    private final class PipeData: @unchecked Sendable {
        var data = Data()
    }

    private func makeProcess(_ arguments: [String], environment: [String: String] = [:], asNobody: Bool = false) throws -> Process {
        let binary = try Harness.teamshBinary()
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "-NoProfile", "-NonInteractive"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["-NoProfile", "-NonInteractive"] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["TEAMSH_TENANT"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        return process
    }

    private func files(_ folder: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder ?? directory).sorted()
    }

    /// A world file with MicrosoftTeams 7.7.0 installed, so the policy cmdlets exist.
    private func makeWorld() throws {
        let run = try teamsh(["-Tenant", "w.json", "-c", "Update-Module MicrosoftTeams"])
        XCTAssertEqual(run.code, 0, run.err)
        XCTAssertEqual(try files(), ["w.json"])
    }

    private func policyNames(matching filter: String) throws -> [String] {
        let run = try teamsh(["-Tenant", "w.json", "-c",
                              "$null = Connect-MicrosoftTeams; (Get-CsTeamsEnhancedEncryptionPolicy -Filter '\(filter)').Identity -join ','"])
        XCTAssertEqual(run.code, 0, run.err)
        XCTAssertEqual(run.err, "")
        let line = run.out.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? [] : line.split(separator: ",").map { String($0.dropFirst(4)) }
    }

    // MARK: Failed saves

    func testAFileReplacedByADirectoryFailsTheChange() throws {
        try makeWorld()
        try Data("""
        $null = Connect-MicrosoftTeams
        $null = New-CsTeamsEnhancedEncryptionPolicy -Identity Before
        "before: $?"
        Remove-Item ./w.json
        $null = New-Item -ItemType Directory ./w.json
        $null = New-CsTeamsEnhancedEncryptionPolicy -Identity After
        "after: $?"
        (Get-CsTeamsEnhancedEncryptionPolicy -Filter After).Count

        """.utf8).write(to: URL(fileURLWithPath: directory + "/replace.ps1"))
        let run = try teamsh(["-Tenant", "w.json", "-File", "replace.ps1"])
        XCTAssertEqual(run.out, "before: True\nafter: False\n0\n")
        // pwsh's ConciseView of a script's non-terminating error: the command, the line, the message.
        let flat = run.err.replacingOccurrences(of: "\n     | ", with: " ")
        XCTAssertTrue(run.err.hasPrefix("New-CsTeamsEnhancedEncryptionPolicy: \(directory)/replace.ps1:6\nLine |\n"), run.err)
        XCTAssertTrue(flat.contains(" Cannot save the change to the tenant file 'w.json': '\(world)' is a directory, not a "
                                    + "file. The change was not made.\n"), run.err)
        // The first change is kept in the journal, which cannot be folded into a directory.
        XCTAssertTrue(run.err.hasSuffix("teamsh: Cannot save the tenant file 'w.json': '\(world)' is a directory, not a file. "
                                        + "The changes are kept in '\(world)-journal' and are applied the next time teamsh opens "
                                        + "the file.\n"), run.err)
        XCTAssertEqual(run.code, 74)
    }

    /// Whether the permission tests run teamsh as user `nobody` (the tests run as root, who may
    /// write anything); skips them when that cannot be done.
    private func runsAsNobody() throws -> Bool {
        guard geteuid() == 0 else { return false }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("running as root, and no setpriv to run teamsh as another user (root writes read-only files)")
        }
        guard try teamsh(["-c", "1"], asNobody: true).code == 0 else {
            throw XCTSkip("running as root, and user nobody cannot run this teamsh binary")
        }
        return true
    }

    /// A change to a world file with these permissions (run as `nobody` when root): it fails,
    /// naming `deniedPath`, and is not made; nothing is left beside the file.
    /// A change refused by the file's or folder's permissions; `parallel` makes it in a
    /// ForEach-Object -Parallel runspace, whose lost change counts for the exit code too.
    private func checkPermissionFailure(fileMode: mode_t, folderMode: mode_t, deniedPath: String, parallel: Bool = false) throws {
        let asNobody = try runsAsNobody()
        let made = try teamsh(["-Tenant", "w.json", "-c", "1"])
        XCTAssertEqual(made.code, 0, made.err)
        XCTAssertEqual(chmod(world, fileMode), 0)
        XCTAssertEqual(chmod(directory, folderMode), 0)
        let change = "Set-PSRepository PSGallery -InstallationPolicy Untrusted; \"status: $?\""
        let run = try teamsh(["-Tenant", "w.json", "-c",
                              (parallel ? "1 | ForEach-Object -Parallel { \(change) }" : change)
                                + "; (Get-PSRepository PSGallery).InstallationPolicy"],
                             asNobody: asNobody)
        XCTAssertEqual(run.out, "status: False\nTrusted\n")
        XCTAssertEqual(run.err, "Set-PSRepository: Cannot save the change to the tenant file 'w.json': Access to the path '\(deniedPath)' "
                       + "is denied. The change was not made.\n")
        XCTAssertEqual(run.code, 74)
        XCTAssertEqual(try files(), ["w.json"])
    }

    func testAReadOnlyFileFailsTheChange() throws {
        try checkPermissionFailure(fileMode: 0o444, folderMode: 0o777, deniedPath: world)
    }

    func testAReadOnlyFolderFailsTheChange() throws {
        try checkPermissionFailure(fileMode: 0o644, folderMode: 0o555, deniedPath: directory)
    }

    func testAChangeLostInAParallelRunspaceSetsTheExitCode() throws {
        try checkPermissionFailure(fileMode: 0o644, folderMode: 0o555, deniedPath: directory, parallel: true)
    }

    // MARK: Concurrency

    /// Four processes make 500 changes each on one file at the same time: every fifth creates a
    /// policy, the others grant a policy to a user of their own. All 2,000 are found afterwards.
    func testFourProcessesOnOneFileLoseNoChange() throws {
        let changes = WorldFileProcessTests.count("TEAMSH_STORE_TEST_CHANGES", default: 500)
        let users = (1...4).flatMap { process in
            (1...changes).filter { $0 % 5 != 0 }.map { "u\(process)-\($0)@JayTheAmazing.onmicrosoft.com" }
        }
        let userList = users.map { "{\"userPrincipalName\": \"\($0)\"}" }.joined(separator: ",\n")
        try Data("{\"schemaVersion\": 1, \"tenant\": {\"initialDomain\": \"JayTheAmazing.onmicrosoft.com\", \"users\": [\n\(userList)]}}\n".utf8)
            .write(to: URL(fileURLWithPath: world))
        try makeWorld()
        let processes = try (1...4).map { index -> (Process, Pipe) in
            let process = try makeProcess(["-Tenant", "w.json", "-c", """
                $null = Connect-MicrosoftTeams
                foreach ($n in 1..\(changes)) {
                    if ($n % 5 -eq 0) { $null = New-CsTeamsEnhancedEncryptionPolicy -Identity "p\(index)-$n" }
                    else { Grant-CsTeamsEnhancedEncryptionPolicy -Identity "u\(index)-$n@JayTheAmazing.onmicrosoft.com" -PolicyName UserControlled }
                }
                """])
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, err)
        }
        for (process, err) in processes {
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, text)
            XCTAssertEqual(text, "")
        }
        let policies = Set(try policyNames(matching: "p*"))
        let granted = try teamsh(["-Tenant", "w.json", "-c", """
            $null = Connect-MicrosoftTeams
            (Get-CsOnlineUser | Where-Object TeamsEnhancedEncryptionPolicy -eq UserControlled).UserPrincipalName -join ','
            """])
        XCTAssertEqual(granted.err, "")
        let grantedUsers = Set(granted.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init))
        XCTAssertEqual(policies.count + grantedUsers.count, 4 * changes)
        for index in 1...4 {
            for n in 1...changes {
                if n % 5 == 0 {
                    if !policies.contains("p\(index)-\(n)") { XCTFail("policy p\(index)-\(n) was lost") }
                } else if !grantedUsers.contains("u\(index)-\(n)@JayTheAmazing.onmicrosoft.com") {
                    XCTFail("the grant to u\(index)-\(n) was lost")
                }
            }
        }
        XCTAssertEqual(try files(), ["w.json"])
    }

    // MARK: Crashes

    /// A writer creating policies k1, k2, … one per change, killed with SIGKILL at a random
    /// moment (journal lines, folds every few changes, the fold at exit): the next teamsh loads
    /// the file, finds k1…kN for some N (never a gap: never a mix of states), and leaves nothing
    /// but the file behind.
    func testKillNineAtRandomMomentsLeavesAWholeState() throws {
        let kills = WorldFileProcessTests.count("TEAMSH_STORE_TEST_KILLS", default: 100)
        try makeWorld()
        let pristine = try Data(contentsOf: URL(fileURLWithPath: world))
        let writer = ["-Tenant", "w.json", "-c",
                      "$null = Connect-MicrosoftTeams; foreach ($n in 1..60) { $null = New-CsTeamsEnhancedEncryptionPolicy -Identity \"k$n\" }"]
        // A small journal limit folds every few changes, so kills also land inside folds.
        let environment = ["TEAMSH_TENANT_JOURNAL_LIMIT": "3000"]
        let started = Date()
        let full = try teamsh(writer, environment: environment)
        XCTAssertEqual(full.code, 0, full.err)
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(try policyNames(matching: "k*").count, 60)
        var generator = SystemRandomNumberGenerator()
        var seen = Set<Int>()
        for round in 1...kills {
            try pristine.write(to: URL(fileURLWithPath: world))
            let process = try makeProcess(writer, environment: environment)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(Double.random(in: 0...(duration * 1.1), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let names = try policyNames(matching: "k*")
            XCTAssertEqual(names, (0..<names.count).map { "k\($0 + 1)" }, "round \(round): not a prefix: \(names)")
            seen.insert(names.count)
            XCTAssertEqual(try files(), ["w.json"], "round \(round): something was left beside the file")
        }
        // The kills landed at different moments, not all before or after the work.
        if kills >= 20 { XCTAssertGreaterThan(seen.count, 5, "\(seen.sorted())") }
    }

    // MARK: The file's identity

    func testModeOwnerAndSymlinkAreKept() throws {
        try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: false)
        let target = directory + "/real/w.json"
        try FileManager.default.createSymbolicLink(atPath: world, withDestinationPath: "real/w.json")
        try makeWorldThroughLink()
        XCTAssertEqual(chmod(target, 0o600), 0)
        if geteuid() == 0 { XCTAssertEqual(chown(target, 65534, 65534), 0) }
        let run = try teamsh(["-Tenant", "w.json", "-c", "$null = Connect-MicrosoftTeams; $null = New-CsTeamsEnhancedEncryptionPolicy -Identity Linked"])
        XCTAssertEqual(run.code, 0, run.err)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: world), "real/w.json")
        var info = stat()
        XCTAssertEqual(stat(target, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        if geteuid() == 0 {
            XCTAssertEqual(info.st_uid, 65534)
            XCTAssertEqual(info.st_gid, 65534)
        }
        XCTAssertEqual(try policyNames(matching: "Linked"), ["Linked"])
        XCTAssertEqual(try files(directory + "/real"), ["w.json"])
    }

    private func makeWorldThroughLink() throws {
        let run = try teamsh(["-Tenant", "w.json", "-c", "Update-Module MicrosoftTeams"])
        XCTAssertEqual(run.code, 0, run.err)
    }

    // MARK: Validation

    func testAMisspeltKeyIsNamed() throws {
        try Data("""
        {
          "schemaVersion": 1,
          "tenant": {
            "initialDomain": "fabrikam.onmicrosoft.com",
            "usrs": [ { "userPrincipalName": "ann@fabrikam.onmicrosoft.com" } ]
          }
        }

        """.utf8).write(to: URL(fileURLWithPath: world))
        let warned = try teamsh(["-Tenant", "w.json", "-c", "'ran'"])
        XCTAssertEqual(warned.out, "WARNING: The tenant file 'w.json' has the key tenant.usrs (line 5, column 5) that teamsh does not "
                       + "know. It was ignored, and teamsh drops it when it saves the file; check the spelling (-StrictTenant "
                       + "refuses such a file).\nran\n")
        XCTAssertEqual(warned.code, 0)
        let refused = try teamsh(["-Tenant", "w.json", "-StrictTenant", "-c", "'ran'"])
        XCTAssertEqual(refused.out, "")
        XCTAssertEqual(refused.err, "teamsh: The tenant file 'w.json' has the key tenant.usrs (line 5, column 5) that teamsh does not "
                       + "know. Check the spelling; the file was left unchanged.\n")
        XCTAssertEqual(refused.code, 64)
    }

    func testAJSONErrorGivesLineAndColumn() throws {
        let text = "{\n  \"schemaVersion\": 1,\n  \"tenant\": { \"initialDomain\": \"x.com\" }\n  \"random\": \"1\"\n}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: world))
        let run = try teamsh(["-Tenant", "w.json", "-c", "1"])
        XCTAssertEqual(run.err, "teamsh: The tenant file 'w.json' is not valid JSON: expected ',' or '}' after an object member, "
                       + "found character '\"' (line 4, column 3). It was left unchanged.\n")
        XCTAssertEqual(run.code, 64)
        XCTAssertEqual(try String(contentsOfFile: world, encoding: .utf8), text)
    }

    // MARK: Locks

    /// Another process holds the lock (a python3 script started from the teamsh script): the
    /// change waits `TEAMSH_TENANT_LOCK_TIMEOUT` seconds, then fails naming that process.
    func testALockHeldTooLongNamesItsHolder() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("no /usr/bin/python3") }
        try makeWorld()
        try Data("""
        import fcntl, os, time
        os.closerange(3, 4096)  # no pipe of teamsh's stays open in this process
        journal = open("w.json-journal", "a")
        fcntl.flock(journal, fcntl.LOCK_EX)
        open("holder.pid", "w").write(str(os.getpid()))
        time.sleep(30)

        """.utf8).write(to: URL(fileURLWithPath: directory + "/hold.py"))
        try Data("""
        Set-PSRepository PSGallery -InstallationPolicy Untrusted
        sh -c '/usr/bin/python3 hold.py </dev/null >/dev/null 2>&1 & while [ ! -s holder.pid ]; do sleep 0.05; done'
        Set-PSRepository PSGallery -InstallationPolicy Trusted
        "status: $?"

        """.utf8).write(to: URL(fileURLWithPath: directory + "/lock.ps1"))
        let run = try teamsh(["-Tenant", "w.json", "-File", "lock.ps1"], environment: ["TEAMSH_TENANT_LOCK_TIMEOUT": "0.5"])
        let holder = try String(contentsOfFile: directory + "/holder.pid", encoding: .utf8)
        if let pid = Int32(holder) { kill(pid, SIGKILL) }
        XCTAssertEqual(run.out, "status: False\n")
        let flat = run.err.replacingOccurrences(of: "\n     | ", with: " ")
        XCTAssertTrue(flat.hasPrefix("Set-PSRepository: \(directory)/lock.ps1:3\nLine |\n"), run.err)
        XCTAssertTrue(flat.contains(" Cannot save the change to the tenant file 'w.json': The file is locked by another process "
                                    + "(process \(holder): /usr/bin/python3 hold.py), which did not release it within 0.5 seconds. "
                                    + "The change was not made.\n"), run.err)
        // Its first change is safe in the journal, which the locked file could not take at exit.
        XCTAssertTrue(run.err.hasSuffix("The changes are kept in '\(world)-journal' and are applied the next time teamsh opens "
                                        + "the file.\n"), run.err)
        XCTAssertEqual(run.code, 74)
        // Once the holder is gone, the first change is there and the journal is folded away.
        usleep(200_000)
        let after = try teamsh(["-Tenant", "w.json", "-c", "(Get-PSRepository PSGallery).InstallationPolicy"])
        XCTAssertEqual(after.out, "Untrusted\n", after.err)
        XCTAssertEqual(try files(), ["hold.py", "holder.pid", "lock.ps1", "w.json"])
    }
}
