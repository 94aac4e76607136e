import XCTest
import TestSupport
import PowerShellSyntax
@testable import PowerShellRuntime

/// Rules found by running more of PowerShell's own tests (docs/conformance.md, the third
/// set), one table per rule, through a bare `ExecutionContext` (no cmdlets). Expectations
/// come from pwsh's source at v7.6.5 (named per table) and its test/powershell files.
final class ConformanceRuleTests: XCTestCase {
    typealias Row = ScriptRow

    func run(_ source: String, drives: [String: String] = [:]) -> ScriptResult {
        T.runScript(source) { context in
            for (name, root) in drives {
                context.fileSystemDrives[name] = root
                context.currentLocation = root
            }
        }
    }

    /// SemanticVersion (engine/PSVersionInfo.cs; engine/Basic/SemanticVersion.Tests.ps1):
    /// parsing, the constructors and their errors, SemVer 2.0 order, casts both ways.
    func testSemanticVersion() {
        let sv = "using namespace System.Management.Automation\n"
        check([
            Row(sv + "[SemanticVersion]::new('1.2.3-Alpha-super.3+BLD.a1-xxx.03').ToString()", "1.2.3-Alpha-super.3+BLD.a1-xxx.03"),
            Row(sv + "$v = [SemanticVersion]'1.2.3-beta.1+meta'; $v.Major, $v.Minor, $v.Patch, $v.PreReleaseLabel, $v.BuildLabel -join ','",
                "1,2,3,beta.1,meta"),
            Row(sv + "[SemanticVersion]::new('3.0').ToString(); [SemanticVersion]::new('2').ToString()", "3.0.0\n2.0.0"),
            Row(sv + "[SemanticVersion]::new(3, 2, 0, 'beta.1+meta').ToString(); [SemanticVersion]::new(3, 1).ToString()",
                "3.2.0-beta.1+meta\n3.1.0"),
            Row(sv + "[SemanticVersion]::new(3, 2, 0, '', $null).ToString()", "3.2.0"),
            // The order: numbers, then pre-release parts (numbers before words); build labels ignored.
            Row(sv + "[SemanticVersion]'1.0.0-alpha' -lt [SemanticVersion]'1.0.0'; [SemanticVersion]'1.0.0-alpha.2' -lt [SemanticVersion]'1.0.0-alpha.10'",
                "True\nTrue"),
            Row(sv + "[SemanticVersion]'1.0.0-1' -lt [SemanticVersion]'1.0.0-a'; [SemanticVersion]'1.0.0-a' -lt [SemanticVersion]'1.0.0-a.1'",
                "True\nTrue"),
            Row(sv + "[SemanticVersion]'1.0.0-beta+X' -eq [SemanticVersion]'1.0.0-beta+Y'; [SemanticVersion]'2.1.0' -lt '3.0'", "True\nTrue"),
            Row(sv + "$null -lt [SemanticVersion]'1.0.0'; [SemanticVersion]'1.0.0' -gt $null; [SemanticVersion]::Compare($null, [SemanticVersion]'1.0.0')",
                "True\nTrue\n-1"),
            Row(sv + "$r = $null; [SemanticVersion]::TryParse('1.2.3-0123', [ref]$r); $null -eq $r", "False\nTrue"),
            Row(sv + "$r = $null; [SemanticVersion]::TryParse('1.2', [ref]$r); $r.ToString()", "True\n1.2.0"),
            Row(sv + "try { [SemanticVersion]::Parse('1.0.') } catch { $_.FullyQualifiedErrorId }", "FormatException", "FormatException"),
            Row(sv + "try { [SemanticVersion]::new($null) } catch { $_.FullyQualifiedErrorId }", "PSArgumentNullException", "PSArgumentNullException"),
            Row(sv + "try { [SemanticVersion]::new(1, -1) } catch { $_.Exception.Message }",
                "Exception calling \".ctor\" with \"2\" argument(s): \"Cannot process argument because the value of argument \"minor\" is not valid. Change the value of the \"minor\" argument and run the operation again.\"", "PSArgumentException"),
            Row(sv + "try { [SemanticVersion]::new([version]'1.2.3.4') } catch { $_.FullyQualifiedErrorId }", "PSArgumentException", "PSArgumentException"),
            Row(sv + "[SemanticVersion]'1.x'", "", "InvalidCastParseTargetInvocation"),
            // To Version and back: the labels ride along as PSSemVer notes.
            Row(sv + "$v = [version][SemanticVersion]::new(3, 2, 1, 'pre', 'meta'); $v.ToString(); $v.pstypenames[0]; $v.PSSemVerBuildLabel; [SemanticVersion]::new($v).ToString()",
                "3.2.1-pre+meta\nSystem.Version#IncludeLabel\nmeta\n3.2.1-pre+meta"),
            Row("([version][semver]'1.2.3').ToString(); $PSVersionTable.PSVersion.GetType().FullName; $PSVersionTable.PSVersion -ge '7.0'",
                "1.2.3\nSystem.Management.Automation.SemanticVersion\nTrue"),
        ])
    }

    /// A command name that starts with a mapped drive, or `.\`, is a path (pwsh's command
    /// discovery resolves it through the provider; LineEndings.Tests.ps1 runs
    /// `& "TESTDRIVE:\file.ps1"`).
    func testDriveQualifiedScriptPaths() throws {
        let dir = NSTemporaryDirectory() + "teamsh-drive-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "'ran ' + $args[0]".write(toFile: dir + "/s.ps1", atomically: true, encoding: .utf8)
        let rows = [
            Row("& 'TD:\\s.ps1' a; & 'td:/s.ps1' b; . TD:\\s.ps1 c", "ran a\nran b\nran c"),
            Row("& .\\s.ps1 d", "ran d"),
            Row("& 'NoSuchDrive:\\s.ps1'", "", "CommandNotFoundException"),
        ]
        check(rows) { run($0.script, drives: ["td": dir]) }
    }

    /// `pstypenames` is a list a script may edit: Remove takes out a name of the object's own
    /// type hierarchy too (Get-Error relabels error records so), while `-is` still goes by
    /// the .NET type; Add puts it back.
    func testTypeNamesOfErrorRecords() {
        check([
            Row("try { 1/0 } catch { $r = $_ }; $r.pstypenames.Remove('System.Management.Automation.ErrorRecord'); $r.pstypenames -join ','; $r -is [System.Management.Automation.ErrorRecord]",
                "True\nSystem.Object\nTrue", "RuntimeException"),
            Row("try { 1/0 } catch { $r = $_ }; $null = $r.pstypenames.Remove('System.Management.Automation.ErrorRecord'); $r.pstypenames.Add('System.Management.Automation.ErrorRecord'); $r.pstypenames -join ','",
                "System.Management.Automation.ErrorRecord,System.Object", "RuntimeException"),
            Row("try { 1/0 } catch { $r = $_ }; $r.pstypenames.Remove('NoSuchName')", "False", "RuntimeException"),
            Row("$h = @{}; $h.pstypenames.Remove('System.Collections.Hashtable'); $h.pstypenames[0]", "False\nSystem.Collections.Hashtable"),
        ])
    }

    /// RuntimeException.ErrorRecord (utils/RuntimeException.cs): a record of its own whose
    /// exception is a ParentContainsErrorRecordException carrying the message, so walking
    /// Exception.ErrorRecord.Exception ends.
    func testExceptionErrorRecord() {
        check([
            Row("try { 1/0 } catch { $e = $_.Exception }; $e.ErrorRecord.Exception.GetType().FullName; $e.ErrorRecord.Exception.Message; $e.ErrorRecord.FullyQualifiedErrorId",
                "System.Management.Automation.ParentContainsErrorRecordException\nAttempted to divide by zero.\nRuntimeException", "RuntimeException"),
            Row("try { 1/0 } catch { $e = $_.Exception }; [object]::ReferenceEquals($e.ErrorRecord, $e.ErrorRecord); $null -eq $e.ErrorRecord.Exception.ErrorRecord",
                "True\nTrue", "RuntimeException"),
        ])
    }

    /// InternalTestHooks.SetTestHook (engine/Utils.cs) sets the named static field and passes
    /// over a name it does not have: every name here.
    func testInternalTestHooks() {
        check([
            Row("[System.Management.Automation.Internal.InternalTestHooks]::SetTestHook('BypassOnlineHelpRetrieval', $true); 'after'", "after"),
            Row("$t = [system.management.automation.internal.internaltesthooks]; $t::SetTestHook('NoSuchHook', 1); $t.FullName",
                "System.Management.Automation.Internal.InternalTestHooks"),
        ])
    }

    /// LanguagePrimitives' ThrowForUndefinedEnum: a number naming no member does not convert
    /// (a [Flags] enum takes any combination of its bits; an enum with a negative member is
    /// not checked).
    func testUndefinedEnumNumbers() {
        check([
            Row("[ConsoleColor]3; [ConsoleColor]'12'", "DarkCyan\nRed"),
            Row("[ConsoleColor]16", "", "UndefinedIntegerToEnum"),
            Row("[ConsoleColor]-1", "", "UndefinedIntegerToEnum"),
            Row("[ConsoleColor]'16'", "", "UndefinedInEnumSingleTypeConverter"),
            Row("try { [System.DayOfWeek]7 } catch { $_.Exception.Message }",
                "Cannot convert value \"7\" to type \"System.DayOfWeek\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday\".",
                "UndefinedIntegerToEnum"),
            Row("[Flags()] enum F { A = 1; B = 2 }; [F]3; [int][F]0", "A, B\n0"),
            Row("[Flags()] enum F { A = 1; B = 2 }; [F]4", "", "UndefinedIntegerToEnum"),
            Row("enum N { Minus = -1; One = 1 }; [int][N]5", "5"),
            Row("[System.IO.FileAttributes]'Hidden, Directory'; [int][System.IO.FileAttributes]::Normal", "Hidden, Directory\n128"),
        ])
    }

    /// A bare name nothing matches runs `Get-<name>` (CommandDiscovery.TryNormalSearch); a
    /// name with a dash or a module qualifier does not.
    func testGetPrefixedCommandNames() {
        check([
            Row("function Get-Thing { 'thing' }; thing", "thing"),
            Row("function Get-Thing { 'got' }; function Thing { 'own' }; thing", "own"),
            Row("function Get-Some-Thing { 'x' }; Some-Thing", "", "CommandNotFoundException"),
        ])
    }

    /// An explicit named argument supersedes a splatted one for the same parameter, matched by
    /// name, alias or prefix (ParameterBinderController.BindNamedParameters).
    func testExplicitArgumentsSupersedeSplatting() {
        let f = "function t { param([Alias('Key')]$Name, $Path) \"Key: $Name; Path: $Path; Args: $args\" }; "
        check([
            Row(f + "$h = @{ Name = 'Hello'; Path = 'World' }; t @h -Path 'Yeah'", "Key: Hello; Path: Yeah; Args: "),
            Row(f + "$h = @{ Key = 'Hello' }; t -Name 'Yeah' @h", "Key: Yeah; Path: ; Args: "),
            Row(f + "$h = @{ Na = 'Hello'; Blah = 'World' }; t @h -Key 'Yeah'", "Key: Yeah; Path: ; Args: -Blah: World"),
            Row("function a { [CmdletBinding()] param($Name) $Name }; $h = @{ Name = 'x'; ov = 'first' }; a @h -OutVariable second > $null; \"[$first][$second]\"",
                "[][x]"),
        ])
    }

    /// $PSStyle's Formatting, Progress.Style and FileInfo sequences refuse printable text
    /// (PSStyle.cs ValidateNoContent); Progress.MaxWidth is at least 18.
    func testPSStyleSetters() {
        check([
            Row("$old = $PSStyle.Formatting.Error; $PSStyle.Formatting.Error = $PSStyle.Foreground.Blue; $PSStyle.Formatting.Error -eq $PSStyle.Foreground.Blue; $PSStyle.Formatting.Error = $old",
                "True"),
            Row("try { $PSStyle.Formatting.Error = $PSStyle.Foreground.Red + 'hello' } catch { $_.Exception.InnerException.Message }",
                "The specified string contains printable content when it should only contain ANSI escape sequences: hello", "ExceptionWhenSetting"),
            Row("try { $PSStyle.FileInfo.Directory = 'x' } catch { $_.FullyQualifiedErrorId }", "ExceptionWhenSetting", "ExceptionWhenSetting"),
            Row("try { $PSStyle.Progress.MaxWidth = 17 } catch { $_.Exception.InnerException.GetType().Name }",
                "ArgumentOutOfRangeException", "ExceptionWhenSetting"),
        ])
    }

    func check(_ rows: [Row], file: StaticString = #filePath) {
        check(rows, file: file) { run($0.script) }
    }
}
