import Foundation
import XCTest

/// The interactive shell as a person uses it, in tmux (skipped without tmux): stopping a
/// pipeline with Ctrl+C, a custom prompt, history kept across sessions, word motion, yank,
/// masked secret input, a resize between two tables, colour and NO_COLOR. Expected behaviour:
/// PSReadLine 2.4.5's Emacs bindings (KeyBindings.cs), pwsh's console host (prompt function,
/// ReadLineAsSecureString, $PSStyle and NO_COLOR).
final class InteractiveShellTests: XCTestCase {
    /// Lines of the screen that are prompts.
    private func promptCount(_ screen: String, _ prompt: String) -> Int {
        screen.split(separator: "\n").filter { $0.hasPrefix(prompt) }.count
    }

    func testCtrlCStopsALongPipelineAndThePromptComesBackWithinOneSecond() throws {
        let shell = try TmuxSession()
        try shell.waitFor(text: "PS ")
        try shell.run(command: "1..100000000 | ForEach-Object { $_ } | Measure-Object")
        // Let the pipeline get going.
        Thread.sleep(forTimeInterval: 1.0)
        let before = try shell.screen()
        XCTAssertEqual(promptCount(before, "PS "), 1, "the pipeline ended before Ctrl+C:\n\(before)")
        let pressed = Date()
        try shell.press("C-c")
        let back = try shell.waitFor(10) { self.promptCount($0, "PS ") == 2 }
        let elapsed = Date().timeIntervalSince(pressed)
        XCTAssertNotNil(back, "no prompt after Ctrl+C")
        XCTAssertLessThan(elapsed, 1.0, "the prompt came back after \(elapsed) s")
        try shell.run(command: "'still here'")
        try shell.waitFor(text: "\nstill here")
    }

    func testACustomPromptFunctionIsThePrompt() throws {
        let shell = try TmuxSession()
        try shell.waitFor(text: "PS ")
        try shell.run(command: "function prompt { \"[custom $(1 + 1)] \" }")
        // (tmux drops the spaces at the end of a line.)
        try shell.waitFor(text: "\n[custom 2]")
        try shell.run(command: "'typed after'")
        let after = try shell.waitFor(text: "[custom 2] 'typed after'")
        XCTAssertTrue(after.contains("\ntyped after\n"), after)
    }

    func testHistoryIsKeptAcrossSessions() throws {
        let first = try TmuxSession()
        try first.waitFor(text: "PS ")
        try first.run(command: "'from the first session'")
        try first.waitFor(text: "\nfrom the first session")
        try first.run(command: "exit")
        let file = first.home + "/.local/share/powershell/PSReadLine/ConsoleHost_history.txt"
        XCTAssertNotNil(try first.waitFor(10) { _ in FileManager.default.fileExists(atPath: file) })
        let second = try TmuxSession(home: first.home)
        try second.waitFor(text: "PS ")
        // The newest entry is `exit`; the one before it is the line to find.
        try second.press("Up")
        try second.press("Up")
        try second.waitFor(text: "> 'from the first session'")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains("'from the first session'\n"), text)
    }

    func testAltBMovesBackAWordAndABoundCtrlLeftToo() throws {
        let shell = try TmuxSession()
        try shell.waitFor(text: "PS ")
        try shell.type("Write-Output one two")
        try shell.press("M-b")
        try shell.type("X")
        try shell.press("Enter")
        try shell.waitFor(text: "\none\nXtwo\n")
        // Emacs mode leaves Ctrl+LeftArrow unbound; Set-PSReadLineKeyHandler binds it.
        try shell.run(command: "Set-PSReadLineKeyHandler -Key Ctrl+LeftArrow -Function BackwardWord")
        try shell.type("Write-Output three four")
        try shell.press("C-Left")
        try shell.press("C-Left")
        try shell.type("Y")
        try shell.press("Enter")
        try shell.waitFor(text: "\nYthree\nfour\n")
    }

    func testCtrlYYanksWhatCtrlWKilled() throws {
        let shell = try TmuxSession()
        try shell.waitFor(text: "PS ")
        try shell.type("Write-Output alpha")
        try shell.press("C-w")
        try shell.type("beta ")
        try shell.press("C-y")
        try shell.press("Enter")
        try shell.waitFor(text: "\nbeta\nalpha\n")
        // Ctrl+_ undoes the last edit.
        try shell.type("Write-Output gamma")
        try shell.press("C-_")
        try shell.press("Enter")
        try shell.waitFor(text: "\ngamm\n")
    }

    func testSecureInputIsMasked() throws {
        let shell = try TmuxSession()
        try shell.waitFor(text: "PS ")
        try shell.run(command: "$s = Read-Host 'Secret' -AsSecureString; 'length ' + (ConvertFrom-SecureString $s -AsPlainText).Length")
        try shell.waitFor(text: "Secret:")
        try shell.type("hunter2")
        try shell.press("Enter")
        let screen = try shell.waitFor(text: "length 7")
        XCTAssertTrue(screen.contains("Secret: *******"), screen)
        XCTAssertFalse(screen.contains("hunter2"), screen)
    }

    func testATableAfterAResizeUsesTheNewWidth() throws {
        let shell = try TmuxSession(width: 100, height: 30)
        try shell.waitFor(text: "PS ")
        let row = "[pscustomobject]@{ Left = 'L' * 45; Right = 'R' * 45 }"
        try shell.run(command: row)
        let wide = try shell.waitFor(text: String(repeating: "R", count: 45))
        XCTAssertFalse(wide.contains("…"), wide)
        try shell.run(command: "Clear-Host")
        try shell.waitFor(text: "PS ")
        try shell.resize(width: 60, height: 30)
        Thread.sleep(forTimeInterval: 0.3)
        try shell.run(command: row)
        let narrow = try shell.waitFor(text: "…")
        let lines = narrow.split(separator: "\n").filter { $0.contains("LLL") }
        XCTAssertFalse(lines.isEmpty, narrow)
        for line in lines { XCTAssertLessThanOrEqual(line.count, 60, String(line)) }
    }

    func testColourOnATerminalAndNoneWithNO_COLOR() throws {
        let coloured = try TmuxSession()
        try coloured.waitFor(text: "PS ")
        try coloured.run(command: "Write-Warning careful")
        let withColour = try coloured.waitFor(15, escapes: true) { $0.contains("WARNING: careful") } ?? ""
        let warningLine = withColour.split(separator: "\n").first { $0.contains("WARNING: careful") } ?? ""
        XCTAssertTrue(warningLine.contains("\u{1B}["), "no colour on the warning: \(warningLine.debugDescription)")

        let plain = try TmuxSession(environment: ["NO_COLOR": "1"])
        try plain.waitFor(text: "PS ")
        try plain.run(command: "Write-Warning careful; '$PSStyle: ' + $PSStyle.OutputRendering")
        let withoutColour = try plain.waitFor(15, escapes: true) { $0.contains("$PSStyle: PlainText") } ?? ""
        XCTAssertFalse(withoutColour.isEmpty, "NO_COLOR did not make OutputRendering PlainText")
        XCTAssertFalse(withoutColour.contains("\u{1B}[3"), "colour despite NO_COLOR: \(withoutColour.debugDescription)")
    }
}
