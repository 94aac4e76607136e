import XCTest
import PowerShellRuntime
import PowerShellSyntax
import TeamsModule
@testable import Pester

/// Pester 4 mode: the execution model, hoisting, block failures, Should's Pester 4 forms and
/// texts, TestDrive, mocks and the console output. Evidence: Pester 4.10.1's Describe.ps1,
/// It.ps1, SetupTeardown.ps1, Output.ps1, PesterState.ps1, Mock.ps1 and Assertions/*.ps1.
final class Pester4Tests: XCTestCase {
    /// Writes `tests` as T.Tests.ps1 in a fresh folder, runs `script` there with Pester 4
    /// imported; returns stdout with durations shown as <t>.
    func run(tests: String, _ script: String = "Invoke-Pester ./T.Tests.ps1 -Show Describe, Context, Passed, Failed, Pending, Skipped, Inconclusive") -> String {
        let dir = NSTemporaryDirectory() + "pester4-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/T.Tests.ps1", contents: Data(tests.utf8))
        let host = BufferHost()
        let context = TeamshSession.make(host: host, nonInteractive: true)
        context.currentLocation = dir
        _ = context.runTopLevel(SourceText(text: "Import-Module Pester -MaximumVersion 4.99\n" + script, path: dir + "/run.ps1"), asScriptFile: true)
        let masked = host.output.replacingOccurrences(of: #"(?<![\w.])\d+(?:\.\d+)?(?:ms|s)\b"#, with: "<t>", options: .regularExpression)
        return (masked + (host.errors.isEmpty ? "" : "ERR: " + host.errors)).replacingOccurrences(of: dir, with: "DIR")
    }

    func lines(_ text: String) -> [String] {
        text.components(separatedBy: "\n").filter { !$0.isEmpty }
    }

    func testVersionChoice() {
        let host = BufferHost()
        let context = TeamshSession.make(host: host, nonInteractive: true)
        _ = context.runTopLevel(SourceText(text: """
            Import-Module Pester -MaximumVersion 4.99; (Get-Module Pester).Version.ToString(); (Get-Command It).Parameters.ContainsKey('TestCases')
            Import-Module Pester -MinimumVersion 5.0; (Get-Module Pester).Version.ToString()
            Import-Module Pester -RequiredVersion 4.10.1; (Get-Module Pester).Version.ToString()
            """), asScriptFile: true)
        XCTAssertEqual(lines(host.output), ["4.10.1", "True", "5.7.1", "4.10.1"])
    }

    /// Body code runs in order; setup blocks run where Pester 4 puts them whatever their place.
    func testExecutionOrderAndHoisting() {
        let out = run(tests: """
            Describe 'd' {
                Write-Host 'body 1'
                AfterAll { Write-Host 'afterall' }
                It 't1' { Write-Host 'test 1' }
                AfterEach { Write-Host 'aftereach' }
                Context 'c' {
                    It 't2' { Write-Host 'test 2' }
                    BeforeEach { Write-Host 'inner beforeeach' }
                }
                BeforeEach { Write-Host 'beforeeach' }
                BeforeAll { Write-Host 'beforeall' }
                Write-Host 'body 2'
            }
            """, "Invoke-Pester ./T.Tests.ps1 -Show None")
        XCTAssertEqual(lines(out), ["beforeall", "body 1", "beforeeach", "test 1", "aftereach",
                                    "beforeeach", "inner beforeeach", "test 2", "aftereach", "body 2", "afterall"])
    }

    /// A failure's trace lists the test code's frames (the functions it called, innermost first)
    /// down to the It body, where Pester cuts its own frames.
    func testFailureTraceFrames() {
        let out = run(tests: """
            function Get-Thing { throw 'no thing' }
            Describe 'a' {
                It 'x' { Get-Thing }
            }
            """)
        XCTAssertEqual(lines(out), [
            "Executing script ./T.Tests.ps1", "  Describing a", "    [-] x <t>", "      RuntimeException: no thing",
            "      at Get-Thing, DIR/T.Tests.ps1: line 1", "      at <ScriptBlock>, DIR/T.Tests.ps1: line 3",
        ])
    }

    /// An error in BeforeAll or the body is one failed result; the block's tests do not run and
    /// the next block does. BeforeAll shares the scope that called Describe.
    func testErrorsInBlocks() {
        let out = run(tests: """
            Describe 'a' {
                BeforeAll { $fromA = 'A' }
                It 'x' { 1 | Should -Be 1 }
                throw 'body failed'
                It 'never' { }
            }
            Describe 'b' {
                BeforeAll { throw 'setup failed' }
                It 'never either' { }
            }
            Describe 'c' {
                It 'sees A' { $fromA | Should -Be 'A' }
            }
            """)
        XCTAssertEqual(lines(out), [
            "Executing script ./T.Tests.ps1", "  Describing a", "    [+] x <t>", "    [-] Error occurred in Describe block <t>", "      RuntimeException: body failed",
            "      at <ScriptBlock>, DIR/T.Tests.ps1: line 4",
            "  Describing b", "    [-] Error occurred in Describe block <t>", "      RuntimeException: setup failed",
            "      at <ScriptBlock>, DIR/T.Tests.ps1: line 8",
            "  Describing c", "    [+] sees A <t>",
        ])
    }

    /// -TestCases: built in the body or in BeforeAll, splatted onto param() (extra keys are
    /// fine), `<key>` expanded (strings bare, other values as Format-Nicely shows them).
    func testTestCases() {
        let out = run(tests: """
            Describe 'cases' {
                BeforeAll { $fromSetup = @(@{ v = 'x'; extra = 1 }) }
                $inBody = @(@{ a = 1; b = $null }, @{ a = 'two'; b = '' })
                It '<a> and <b> and <missing>' -TestCases $inBody { param($a) $a | Should -Not -BeNullOrEmpty }
                It 'setup <v>' -TestCases $fromSetup { param($v) $v | Should -BeExactly 'x' }
                It 'args <v>' -TestCases $fromSetup { $args.Count | Should -Be 4 }
            }
            """)
        XCTAssertEqual(lines(out), ["Executing script ./T.Tests.ps1", "  Describing cases", "    [+] 1 and $null and <missing> <t>", "    [+] two and <empty> and <missing> <t>",
                                    "    [+] setup x <t>", "    [+] args x <t>"])
    }

    /// Pending, Skip and empty tests; break and continue end only their test.
    func testPendingSkipAndLoopControl() {
        let out = run(tests: """
            Describe 'd' {
                It 'pending' -Pending { throw 'no' }
                It 'empty' { }
                It 'skip' -Skip:$true { throw 'no' }
                It 'not skipped' -Skip:$false { }
                It 'break' { break; throw 'no' }
                It 'continue' { continue; throw 'no' }
                It 'inconclusive' { Set-ItResult -Inconclusive -Because 'not sure' }
            }
            """)
        XCTAssertEqual(lines(out), ["Executing script ./T.Tests.ps1", "  Describing d", "    [?] pending, is pending <t>", "    [?] empty, is pending <t>",
                                    "    [!] skip, is skipped <t>", "    [+] not skipped <t>", "    [+] break <t>", "    [+] continue <t>",
                                    "    [?] inconclusive, is inconclusive, because not sure <t>"])
    }

    /// Should: operator and legacy forms, positional arguments, Pester 4's failure texts.
    func testShouldForms() {
        let out = run(tests: """
            Describe 'should' {
                It 'legacy' { 3 | Should Be 3; 3 | Should Not Be 4; { throw 'x' } | Should Throw }
                It 'because' { 1 | Should -Be 2 'it matters' }
                It 'throw substring' { { throw 'a long message' } | Should -Throw 'LONG' }
                It 'throw id' { { Get-Item /nope -ErrorAction Stop } | Should -Throw -ErrorId 'NotFound,Microsoft' }
                It 'throw type' { { throw 'x' } | Should -Throw -ExceptionType ([ArgumentException]) }
                It 'null or empty' { 'a' | Should -BeNullOrEmpty }
                It 'collection' { @(1, 2) | Should -Be @(1, 3) }
            }
            """, "Invoke-Pester ./T.Tests.ps1 -Show Failed")
        let text = lines(out)
        XCTAssertTrue(text.contains("      Expected 2, because it matters, but got 1."), out)
        XCTAssertTrue(text.contains("      Expected an exception, with type [System.ArgumentException] to be thrown, but the exception type was [System.Management.Automation.RuntimeException]. from DIR/T.Tests.ps1:6 char:25"), out)
        XCTAssertTrue(text.contains("      Expected $null or empty, but got a."), out)
        XCTAssertTrue(text.contains("      Expected @(1, 3), but got @(1, 2)."), out)
        XCTAssertFalse(out.contains("[-] legacy"), out)
        XCTAssertFalse(out.contains("throw substring"), out)
        XCTAssertFalse(out.contains("throw id"), out)
    }

    /// The header, the script line and the summary; -PassThru's counts and results.
    func testHeaderSummaryAndPassThru() {
        let out = run(tests: "Describe 'd' { It 'a' { }; It 'b' { 1 | Should -Be 1 }; It 'c' { throw 'x' } }", """
            $r = Invoke-Pester -Path ./T.Tests.ps1 -PassThru -Show Header, Summary
            '{0}/{1}/{2}/{3}' -f $r.TotalCount, $r.PassedCount, $r.FailedCount, $r.PendingCount
            $r.TestResult | ForEach-Object { "$($_.Describe)|$($_.Name)|$($_.Result)|$($_.Passed)|$($_.FailureMessage)" }
            """)
        XCTAssertEqual(lines(out), ["Pester v4.10.1", "Executing all tests in './T.Tests.ps1'", "Tests completed in <t>",
                                    "Tests Passed: 1, Failed: 1, Skipped: 0, Pending: 1, Inconclusive: 0 ", "3/1/1/1",
                                    "d|a|Pending|True|", "d|b|Passed|True|", "d|c|Failed|False|x"])
    }

    /// $TestDrive and TestDrive: exist from the first Describe's BeforeAll on; what a nested
    /// block adds goes when it ends; the folder goes with the top-level block.
    func testTestDrive() {
        let out = run(tests: """
            Describe 'drive' {
                BeforeAll { Set-Content -Path (Join-Path $TestDrive 'a.txt') -Value 'A'; $script:drive = "$TestDrive" }
                Context 'inner' {
                    It 'adds' { Set-Content TestDrive:\\b.txt 'B'; Test-Path "$TestDrive/a.txt" | Should -BeTrue }
                }
                It 'inner file gone' { Test-Path TestDrive:\\b.txt | Should -BeFalse; Get-Content TestDrive:/a.txt | Should -Be 'A' }
            }
            Describe 'after' {
                It 'old drive removed' { Test-Path $script:drive | Should -BeFalse; "$TestDrive" | Should -Not -Be $script:drive }
            }
            """, "Invoke-Pester ./T.Tests.ps1 -Show Failed, Summary")
        XCTAssertEqual(lines(out), ["Tests completed in <t>", "Tests Passed: 3, Failed: 0, Skipped: 0, Pending: 0, Inconclusive: 0 "])
    }

    /// Setup (TestDrive.ps1 of Pester 4.10.1): -Dir and -File make items in the TestDrive with
    /// New-Item -Force, -File writing Content (none: empty); -PassThru returns the item;
    /// outside a Describe it fails as every Pester 4 block command does.
    func testSetupFillsTheTestDrive() {
        let out = run(tests: """
            Describe 'setup' {
                Setup -Dir 'sub'
                Setup -File 'sub/a.txt' 'hello'
                Setup -File 'empty.txt'
                $item = Setup -File 'b.txt' -Content 'B' -PassThru
                It 'made them' {
                    Test-Path TestDrive:\\sub -PathType Container | Should -BeTrue
                    Get-Content TestDrive:\\sub\\a.txt | Should -Be 'hello'
                    (Get-Item TestDrive:\\empty.txt).Length | Should -Be 0
                    $item.Name | Should -Be 'b.txt'
                }
                It 'quiet without PassThru' { Setup -Dir 'other' | Should -BeNullOrEmpty }
            }
            """, "Invoke-Pester ./T.Tests.ps1 -Show Failed, Summary; try { Setup -Dir x } catch { $_.Exception.Message }")
        XCTAssertEqual(lines(out), ["Tests completed in <t>", "Tests Passed: 2, Failed: 0, Skipped: 0, Pending: 0, Inconclusive: 0 ",
                                    "The Setup command may only be used from a Pester test script."])
    }

    /// Mock and Assert-MockCalled: a mock lasts until its Describe/Context ends; calls are
    /// counted in the current block by default.
    func testMocks() {
        let out = run(tests: """
            function Get-Thing { 'real' }
            function Use-Thing { "got $(Get-Thing)" }
            Describe 'mocks' {
                Mock Get-Thing { 'mocked' }
                It 'uses the mock' { Use-Thing | Should -Be 'got mocked'; Assert-MockCalled Get-Thing -Times 1 -Exactly }
                It 'counts the block' { $null = Use-Thing; Assert-MockCalled Get-Thing -Times 2 -Exactly }
                It 'counts only this test' { Assert-MockCalled Get-Thing -Times 0 -Exactly -Scope It }
                It 'fails' { Assert-MockCalled Get-Thing -Times 5 }
            }
            Describe 'after' {
                It 'real again' { Use-Thing | Should -Be 'got real' }
            }
            """, "Invoke-Pester ./T.Tests.ps1 -Show Failed, Summary")
        XCTAssertEqual(lines(out), ["    [-] fails <t>", "      Expected Get-Thing to be called at least 5 times but was called 2 times",
                                    "      8:     It 'fails' { Assert-MockCalled Get-Thing -Times 5 }",
                                    "Tests completed in <t>", "Tests Passed: 4, Failed: 1, Skipped: 0, Pending: 0, Inconclusive: 0 "])
    }

    /// A Describe run without Invoke-Pester prints its own lines at depth 0 and no summary.
    func testStandaloneDescribe() {
        let out = run(tests: "Describe 'alone' { It 'works' { }; It 'fails' { 1 | Should -Be 2 } }", ". ./T.Tests.ps1")
        XCTAssertEqual(lines(out), ["Describing alone", "  [?] works, is pending <t>", "  [-] fails <t>", "    Expected 2, but got 1.",
                                    "    1: Describe 'alone' { It 'works' { }; It 'fails' { 1 | Should -Be 2 } }",
                                    "    at <ScriptBlock>, DIR/T.Tests.ps1: line 1"])
    }

    func testHumanTime() {
        XCTAssertEqual(Pester4State.humanTime(0.0129), "12ms")
        XCTAssertEqual(Pester4State.humanTime(0.995), "1s")
        XCTAssertEqual(Pester4State.humanTime(1.054), "1.05s")
        XCTAssertEqual(Pester4State.humanTime(2.5), "2.5s")
    }

    func testExcerpt() {
        let long = Array(String(repeating: "a", count: 30).utf16) + Array("bcdefghijklmnop".utf16)
        XCTAssertEqual(Pester4Assertion.excerpt(long, from: 32), "...aaabcdefgh...")
        XCTAssertEqual(Pester4Assertion.excerpt(Array("short".utf16), from: 2), "short")
    }
}
