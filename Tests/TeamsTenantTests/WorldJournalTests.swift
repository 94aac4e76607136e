import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import TeamsTenant

/// The world store's guarantees, checked in one process (two stores on one file behave as two
/// processes do: `flock` locks belong to open files). The tests that run teamsh processes (4 × 500
/// concurrent changes, `kill -9` at random moments, read-only folders) are in
/// `GoldenTests/WorldFileProcessTests`.
final class WorldJournalTests: XCTestCase {
    private var directory = ""
    private var path: String { directory + "/tenant.json" }
    private var journalPath: String { path + "-journal" }

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "teamstenant-journal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = chmod(directory, 0o755)
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    private func journalLines() throws -> [String] {
        try String(contentsOfFile: journalPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    private func policyNames(_ world: World) throws -> [String] {
        try world.tenant.policies(ofType: eePolicy).map(\.identity.name)
    }

    // MARK: Durability and cost

    func testAChangeIsInTheJournalBeforeTheTransactionReturns() throws {
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        try store.transaction { try $0.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "UserControlled") }
        let lines = try journalLines()
        XCTAssertEqual(lines.count, 2, "a header and one record")
        XCTAssertTrue(lines[0].contains("\"teamshJournal\":1"), lines[0])
        // Only the changed user is written, not the world.
        XCTAssertTrue(lines[1].contains("[\"put\",\"tenant.users\","), lines[1])
        XCTAssertTrue(lines[1].contains("\"TeamsEnhancedEncryptionPolicy\":\"UserControlled\""), lines[1])
        XCTAssertFalse(lines[1].contains("Jay2@"), lines[1])
        XCTAssertLessThan(lines[1].utf8.count, 1_000)
        // A store opened now (another process) sees it, though the file itself is unchanged.
        let other = try WorldStore(path: path).loadOrCreate()
        XCTAssertEqual(try other.tenant.directPolicyName(ofType: eePolicy, forUser: jay1), "UserControlled")
        XCTAssertNil(try WorldStore.read(from: path).tenant.directPolicyName(ofType: eePolicy, forUser: jay1))
    }

    func testCloseFoldsTheJournalIntoTheFileAndRemovesIt() throws {
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Folded") }
        try store.close()
        XCTAssertEqual(try files(), ["tenant.json"])
        XCTAssertEqual(try policyNames(WorldStore.read(from: path)).last, "Folded")
    }

    /// Each kind of section writes only what changed: one policy instance, one group assignment
    /// list, a call, the clock.
    func testRecordsHoldOnlyWhatChanged() throws {
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "One") }
        try store.transaction { try $0.tenant.setPolicy(ofType: eePolicy, identity: "One", settings: ["Description": .string("d")]) }
        try store.transaction { try $0.grantPolicyToGroup(ofType: eePolicy, group: "Sales", policyName: "One") }
        try store.transaction { try $0.grantPolicyToGroup(ofType: eePolicy, group: "Engineering", policyName: "One", rank: 1) }
        try store.transaction { try $0.tenant.removePolicy(ofType: eePolicy, identity: "One") }
        let records = try journalLines().dropFirst()
        XCTAssertEqual(records.count, 5)
        let expected: [[String]] = [
            ["[\"put\",\"tenant.policies\",\"TeamsEnhancedEncryptionPolicy\",\"One\","],
            ["[\"put\",\"tenant.policies\",\"TeamsEnhancedEncryptionPolicy\",\"One\",", "\"Description\":\"d\""],
            // The type's first group assignment starts its list.
            ["[\"set\",\"machine\",", "[\"set\",\"tenant.groupAssignments\",\"TeamsEnhancedEncryptionPolicy\",["],
            // A new first rank renumbers the list: it is written whole.
            ["[\"set\",\"tenant.groupAssignments\",\"TeamsEnhancedEncryptionPolicy\",["],
            ["[\"del\",\"tenant.policies\",\"TeamsEnhancedEncryptionPolicy\",\"One\"]"],
        ]
        for (record, parts) in zip(records, expected) {
            for part in parts { XCTAssertTrue(record.contains(part), "\(part)\n\(record)") }
            XCTAssertFalse(record.contains("Tag:Disabled"), "untouched instances are not written: \(record)")
        }
        // Replaying the journal gives the same world as the one in memory.
        let replayed = try WorldStore(path: path).loadOrCreate()
        XCTAssertEqual(try WorldStore.encode(replayed), try WorldStore.encode(try XCTUnwrap(store.world)))
    }

    func testCallsAndClientSettingsAreJournaled() throws {
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        try store.transaction { world in
            try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "UserControlled")
            try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay2, policyName: "UserControlled")
            try world.tenant.setClientSetting(forUser: jay1, endToEndEncryptedCalls: true)
            try world.tenant.setClientSetting(forUser: jay2, endToEndEncryptedCalls: true)
        }
        let call = try store.transaction { try $0.startCall(caller: jay1, callee: jay2) }
        try store.transaction { try $0.stopCall(call.callId) }
        let replayed = try WorldStore(path: path).loadOrCreate()
        XCTAssertEqual(replayed.tenant.calls, world.tenant.calls)
        XCTAssertEqual(replayed.random, world.random)
        XCTAssertEqual(replayed.machine, world.machine)
        XCTAssertEqual(try replayed.startCall(caller: jay1, callee: jay2), try world.startCall(caller: jay1, callee: jay2))
    }

    // MARK: Concurrency

    func testTwoStoresOnOneFileLoseNothing() throws {
        let first = WorldStore(path: path), second = WorldStore(path: path)
        let a = try first.loadOrCreate(), b = try second.loadOrCreate()
        for index in 1...20 {
            try first.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "A\(index)") }
            try second.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "B\(index)") }
        }
        // Each transaction applied the other's changes first.
        XCTAssertEqual(try policyNames(b).count, 43)
        second.refresh(force: true)
        first.refresh(force: true)
        XCTAssertEqual(try policyNames(a), try policyNames(b))
        // One closes (folds and removes the journal); the other carries on from the new file.
        try first.close()
        try second.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "AfterFold") }
        try second.close()
        XCTAssertEqual(try files(), ["tenant.json"])
        let names = try policyNames(WorldStore.read(from: path))
        XCTAssertEqual(names.count, 44)
        XCTAssertEqual(names.last, "AfterFold")
    }

    func testAReaderSeesAnotherStoresChanges() throws {
        let writer = WorldStore(path: path), reader = WorldStore(path: path)
        _ = try writer.loadOrCreate()
        let seen = try reader.loadOrCreate()
        try writer.transaction { try $0.tenant.grantPolicy(ofType: eePolicy, toUser: ken, policyName: "Disabled") }
        reader.refresh(force: true)
        XCTAssertEqual(try seen.tenant.directPolicyName(ofType: eePolicy, forUser: ken), "Disabled")
        try writer.close()
        try reader.close()
    }

    func testALockNotReleasedInTimeIsAClearError() throws {
        let store = WorldStore(path: path, options: .init(lockTimeout: 0.3))
        let world = try store.loadOrCreate()
        let holder = open(journalPath, O_RDWR | O_CREAT, 0o644)
        defer { close(holder) }
        XCTAssertEqual(flock(holder, LOCK_EX), 0)
        let started = Date()
        XCTAssertThrowsError(try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Blocked") }) { error in
            let message = (error as? WorldStoreError)?.message ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("Cannot save the change to the tenant file '\(path)': The file is locked by another "
                                            + "process (process \(getpid()), this teamsh), which did not release it within 0.3 seconds."),
                          message)
            XCTAssertTrue(message.hasSuffix("The change was not made."), message)
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.3)
        XCTAssertFalse(try policyNames(world).contains("Blocked"))
        flock(holder, LOCK_UN)
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Unblocked") }
        XCTAssertTrue(try policyNames(world).contains("Unblocked"))
    }

    // MARK: Failed saves

    func testAFileReplacedByADirectoryFailsTheChangeAndUndoesIt() throws {
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        XCTAssertThrowsError(try store.transaction { try $0.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "Disabled") }) { error in
            XCTAssertEqual((error as? WorldStoreError)?.message,
                           "Cannot save the change to the tenant file '\(path)': '\(path)' is a directory, not a file. The change was not made.")
        }
        XCTAssertNil(try world.tenant.directPolicyName(ofType: eePolicy, forUser: jay1))
    }

    /// A write that fails (a full disk: the journal is `/dev/full`) undoes the change in memory.
    func testAFailedWriteUndoesTheChange() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        try FileManager.default.createSymbolicLink(atPath: journalPath, withDestinationPath: "/dev/full")
        let clock = world.machine.currentTime
        for attempt in 1...2 {
            XCTAssertThrowsError(try store.transaction { world in
                try world.tenant.grantPolicy(ofType: eePolicy, toUser: jay1, policyName: "Disabled")
                try world.tenant.newPolicy(ofType: eePolicy, identity: "Lost")
                world.tick()
            }) { error in
                XCTAssertEqual((error as? WorldStoreError)?.message,
                               "Cannot save the change to the tenant file '\(path)': There is not enough space on the disk to write "
                               + "'\(journalPath)'. The change was not made.", "attempt \(attempt)")
            }
            XCTAssertNil(try world.tenant.directPolicyName(ofType: eePolicy, forUser: jay1))
            XCTAssertFalse(try policyNames(world).contains("Lost"))
            XCTAssertEqual(world.machine.currentTime, clock)
        }
    }

    func testAReadOnlyFileTakesNoChanges() throws {
        guard geteuid() != 0 else { throw XCTSkip("root writes read-only files; WorldFileProcessTests runs this as another user") }
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        XCTAssertEqual(chmod(path, 0o444), 0)
        XCTAssertThrowsError(try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "X") }) { error in
            XCTAssertTrue((error as? WorldStoreError)?.message.contains("Access to the path '\(path)' is denied.") == true, "\(error)")
        }
    }

    // MARK: Crashes

    /// What a killed process leaves (a journal, a torn last line, a half-written save) is applied
    /// or removed by the next open, and its close leaves only the file.
    func testAKilledWritersLeftoversAreRecovered() throws {
        do {
            let store = WorldStore(path: path)
            _ = try store.loadOrCreate()
            try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Kept") }
            // The process dies here: no close.
        }
        let torn = FileHandle(forWritingAtPath: journalPath)
        torn?.seekToEndOfFile()
        torn?.write(Data("0123456789abcdef {\"ops\":[[\"put\",\"tenant.pol".utf8))
        torn?.closeFile()
        FileManager.default.createFile(atPath: directory + "/.tenant.json-save.tmp", contents: Data("{\"half".utf8))
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        XCTAssertEqual(try policyNames(world).last, "Kept")
        XCTAssertEqual(try files(), ["tenant.json", "tenant.json-journal"], "the half-written save is gone")
        let journal = try String(contentsOfFile: journalPath, encoding: .utf8)
        XCTAssertTrue(journal.hasSuffix("\n") && !journal.contains("0123456789abcdef"), "the torn line was cut off")
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "After") }
        XCTAssertTrue(store.takeWarnings().isEmpty)
        try store.close()
        XCTAssertEqual(try files(), ["tenant.json"])
        XCTAssertEqual(Array(try policyNames(WorldStore.read(from: path)).suffix(2)), ["Kept", "After"])
    }

    /// A crash between renaming the new file into place and emptying the journal: the journal's
    /// last line names the new file, so it is dropped silently instead of applied twice.
    func testAJournalAlreadyFoldedIsDropped() throws {
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Once") }
        let journal = try Data(contentsOf: URL(fileURLWithPath: journalPath))
        try store.close()
        // Put the old journal back with a marker naming the folded file, as the crash leaves it.
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        let marker = JournalFile.foldMarkerLine(into: FileIdentity(info))
        try (journal + Data(marker)).write(to: URL(fileURLWithPath: journalPath))
        let reopened = WorldStore(path: path)
        let world = try reopened.loadOrCreate()
        XCTAssertEqual(try policyNames(world).filter { $0 == "Once" }.count, 1)
        XCTAssertEqual(reopened.takeWarnings(), [])
        try reopened.close()
        XCTAssertEqual(try files(), ["tenant.json"])
    }

    /// A journal left for a file that was replaced since (by hand, or `git checkout`) does not
    /// apply to it: it is dropped with a warning that says so.
    func testAJournalForAnEarlierFileIsDroppedWithAWarning() throws {
        do {
            let store = WorldStore(path: path)
            _ = try store.loadOrCreate()
            try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Stale") }
        }
        try WorldStore.write(World.defaultWorld(), to: path)
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        XCTAssertFalse(try policyNames(world).contains("Stale"))
        let warnings = store.takeWarnings()
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.contains("held 1 change(s) to an earlier version of the tenant file") == true, "\(warnings)")
        try store.close()
    }

    func testADamagedJournalLineEndsTheJournalWithAWarning() throws {
        do {
            let store = WorldStore(path: path)
            _ = try store.loadOrCreate()
            try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Good") }
            try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "Damaged") }
        }
        var lines = try journalLines()
        lines[2] = lines[2].replacingOccurrences(of: "Damaged", with: "Dam4ged")
        try (lines.joined(separator: "\n") + "\n").write(toFile: journalPath, atomically: false, encoding: .utf8)
        let store = WorldStore(path: path)
        let world = try store.loadOrCreate()
        XCTAssertEqual(try policyNames(world).suffix(1), ["Good"])
        XCTAssertTrue(store.takeWarnings().first?.contains("is damaged after its first") == true)
    }

    // MARK: The file's identity

    func testModeOwnerAndSymlinkAreKept() throws {
        let real = directory + "/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: false)
        let target = real + "/world.json"
        try WorldStore.write(World.defaultWorld(), to: target)
        XCTAssertEqual(chmod(target, 0o600), 0)
        if geteuid() == 0 { XCTAssertEqual(chown(target, 65534, 65534), 0) }
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "real/world.json")
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "ThroughTheLink") }
        var journalInfo = stat()
        XCTAssertEqual(stat(target + "-journal", &journalInfo), 0, "the journal is beside the real file")
        XCTAssertEqual(journalInfo.st_mode & 0o777, 0o600, "the journal is as private as the file")
        try store.close()
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path), "real/world.json")
        var info = stat()
        XCTAssertEqual(stat(target, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        if geteuid() == 0 {
            XCTAssertEqual(info.st_uid, 65534)
            XCTAssertEqual(info.st_gid, 65534)
        }
        XCTAssertEqual(try policyNames(WorldStore.read(from: target)).last, "ThroughTheLink")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: real), ["world.json"])
    }

    // MARK: Folding

    func testTheJournalIsFoldedOnceLargerThanItsLimit() throws {
        let store = WorldStore(path: path, options: .init(journalLimit: 2_000))
        _ = try store.loadOrCreate()
        for index in 1...10 { try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "F\(index)") } }
        XCTAssertLessThan(try Data(contentsOf: URL(fileURLWithPath: journalPath)).count, 2_000 + 2_000)
        XCTAssertTrue(try policyNames(WorldStore.read(from: path)).contains("F5"), "folded into the file while open")
        try store.close()
        XCTAssertEqual(try policyNames(WorldStore.read(from: path)).suffix(2), ["F9", "F10"])
    }

    func testImportAndResetWriteTheWholeFile() throws {
        let store = WorldStore(path: path)
        _ = try store.loadOrCreate()
        let other = World.defaultWorld()
        try other.tenant.newPolicy(ofType: eePolicy, identity: "Imported")
        try store.transaction { $0.replaceContents(with: other) }
        XCTAssertEqual(try policyNames(WorldStore.read(from: path)).last, "Imported", "written whole, not journaled")
        try store.transaction { try $0.tenant.newPolicy(ofType: eePolicy, identity: "AfterImport") }
        XCTAssertEqual(try policyNames(WorldStore(path: path).loadOrCreate()).suffix(2), ["Imported", "AfterImport"])
    }

    // MARK: Every part of the world

    /// Every key the world file holds is covered by a journal section, so no change is written
    /// only at the next fold (and lost to a crash or another process). Data added to the world
    /// must add its section to `JournalSection.all()`.
    func testEverySavedKeyHasAJournalSection() throws {
        let names = Set(JournalSection.all().map(\.name))
        let document = try JSONDocument(bytes: WorldCodec.encode(World.defaultWorld()))
        for member in document.members(of: document.root) {
            let key = try XCTUnwrap(document.string(member.key))
            if key == "schemaVersion" { continue }
            if key == "tenant" {
                for tenantMember in document.members(of: member.value) {
                    let name = "tenant." + (try XCTUnwrap(document.string(tenantMember.key)))
                    XCTAssertTrue(names.contains(name), "\(name) is saved but no journal section covers it (JournalSection.all)")
                }
                continue
            }
            XCTAssertTrue(names.contains(key), "\(key) is saved but no journal section covers it (JournalSection.all)")
        }
    }
}
