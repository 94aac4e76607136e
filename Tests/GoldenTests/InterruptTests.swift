import Foundation
import XCTest

/// SIGINT to `teamsh -File` / `-Command` (Ctrl+C in a terminal, `kill -INT` in CI): the running
/// pipeline stops, pending `finally` blocks run whole, and teamsh exits as pwsh does: 0 for
/// -File, 1 for -Command (PowerShell issue #13523 describes both codes; about_Try_Catch_Finally:
/// "A finally block runs even if you use CTRL+C to stop the script").
final class InterruptTests: XCTestCase {
    /// Runs teamsh with `arguments`, sends SIGINT once stdout shows `marker`, and returns what it
    /// printed and its exit code.
    private func interrupt(_ arguments: [String], after marker: String, delay: TimeInterval = 0) throws -> (out: String, code: Int32, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Harness.teamshBinary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let reader = out.fileHandleForReading
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains(marker) && Date() < deadline {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(text.contains(marker), "teamsh never printed \(marker): \(text)")
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        text += String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, process.terminationStatus, Date().timeIntervalSince(sent))
    }

    func testSIGINTInFileModeRunsFinallyThenExitsWithZero() throws {
        let script = NSTemporaryDirectory() + "teamsh-sigint-\(UUID().uuidString).ps1"
        try """
        try {
            Write-Host 'started'
            1..100000000 | ForEach-Object { $_ } | Out-Null
        } finally {
            Write-Host 'finally ran'
            Start-Sleep -Milliseconds 100
            Write-Host 'finally finished'
        }
        Write-Host 'not reached'
        """.write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let (out, code, seconds) = try interrupt(["-NoProfile", "-File", script], after: "started")
        XCTAssertTrue(out.contains("finally ran\nfinally finished\n"), out)
        XCTAssertFalse(out.contains("not reached"), out)
        XCTAssertEqual(code, 0)
        XCTAssertLessThan(seconds, 5, "teamsh took \(seconds) s to stop")
    }

    func testSIGINTInCommandModeStopsASleepAndExitsWithOne() throws {
        let (out, code, _) = try interrupt(["-NoProfile", "-Command", "try { 'waiting'; Start-Sleep 60 } finally { 'cleaned up' }"],
                                           after: "waiting")
        XCTAssertTrue(out.contains("cleaned up"), out)
        XCTAssertEqual(code, 1)
    }

    func testSIGINTStopsANativeProgram() throws {
        let (out, code, seconds) = try interrupt(["-NoProfile", "-Command", "'running'; sleep 60; 'not reached'"], after: "running")
        XCTAssertFalse(out.contains("not reached"), out)
        XCTAssertEqual(code, 1)
        XCTAssertLessThan(seconds, 5, "the program was not stopped")
    }

    /// A collecting cmdlet (Sort-Object) stopped after it gathered millions of objects: the
    /// `finally` block does not wait for them to be freed.
    func testSIGINTStopsACollectingSortAtOnce() throws {
        let (out, code, seconds) = try interrupt(
            ["-NoProfile", "-Command", "try { 'sorting'; 1..100000000 | ForEach-Object { $_ } | Sort-Object } finally { 'finally ran' }"],
            after: "sorting", delay: 1.5)
        XCTAssertTrue(out.contains("finally ran"), out)
        XCTAssertEqual(code, 1)
        XCTAssertLessThan(seconds, 2, "teamsh took \(seconds) s to stop")
    }
}
