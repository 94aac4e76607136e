import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// Get-Date, New-TimeSpan, Start-Sleep, Read-Host, SecureString conversions and Get-Culture.
final class DateHostCmdletsTests: XCTestCase {
    func testGetDate() {
        check([
            ScriptCase("(Get-Date -Year 2024 -Month 2 -Day 29 -Hour 13 -Minute 5 -Second 9 -Millisecond 250).ToString('yyyy-MM-dd HH:mm:ss.fff')", "2024-02-29 13:05:09.250"),
            ScriptCase("$d = Get-Date -Date '2024-02-29 13:05:09'; $d.Kind; Get-Date -Date $d -Format 'dd/MM/yyyy'; Get-Date -Date $d -Format o",
                       "Unspecified\n29/02/2024\n2024-02-29T13:05:09.0000000"),
            ScriptCase("Get-Date -Date '2024-01-01' -Format 'yyyy/MM/dd'", "2024/01/01"),
            ScriptCase("Get-Date -Date '2024-03-05 14:07:09' -Format FileDate; Get-Date -Date '2024-03-05 14:07:09' -Format FileDateTime", "20240305\n20240305T1407090000"),
            ScriptCase("Get-Date -Date '2024-03-05 14:07:09' -UFormat '%Y-%m-%d %H:%M:%S'", "2024-03-05 14:07:09"),
            ScriptCase("Get-Date -Date '2024-03-05 14:07:09' -UFormat '%A %a %B %b %j %u %w %y %e|%I %p %%'", "Tuesday Tue March Mar 065 2 2 24  5|02 PM %"),
            ScriptCase("Get-Date -Date '2024-03-05 14:07:09' -UFormat '%D %T %R %F %C %V %G %U %W'", "03/05/24 14:07:09 14:07 2024-03-05 20 10 2024 09 9"),
            ScriptCase("Get-Date -Date '2024-03-05 14:07:09' -UFormat '+%c|%Z'", "Tue 05 Mar 2024 14:07:09|+00"),
            ScriptCase("Get-Date -Date '2021-01-01' -UFormat '%V %G %g'", "53 2020 20"),
            ScriptCase("(Get-Date -Date '2024-01-31').AddMonths(1).Day; (Get-Date -Date '2024-01-31' -Month 2).ToString('yyyy-MM-dd')", "29\n2024-02-29"),
            ScriptCase("(Get-Date -UnixTimeSeconds 0 -AsUTC).ToString('yyyy-MM-dd HH:mm:ss'); (Get-Date -UnixTimeSeconds 0 -AsUTC).Kind", "1970-01-01 00:00:00\nUtc"),
            ScriptCase("(Get-Date -Date '2024-03-05').DisplayHint; (Get-Date -Date '2024-03-05' -DisplayHint Date).DisplayHint", "DateTime\nDate"),
            ScriptCase("(Get-Date).Kind", "Local"),
        ], errors: false)
    }

    func testTimeSpanAndSleep() {
        check([
            ScriptCase("(New-TimeSpan -Days 1 -Hours 2).TotalHours", "26"),
            ScriptCase("(New-TimeSpan -Start '2024-02-01' -End '2024-03-01').Days", "29"),
            ScriptCase("(New-TimeSpan -Minutes 90).ToString()", "01:30:00"),
            ScriptCase("Start-Sleep -Milliseconds 1; Start-Sleep 0; Start-Sleep -Duration (New-TimeSpan -Seconds 0); 'slept'", "slept"),
        ], errors: false)
    }

    func testReadHost() {
        let r = ScriptRunner(input: ["typed"], nonInteractive: false)
        XCTAssertEqual(r.run("$v = Read-Host 'Enter'; \"got [$v]\"").output, "Enter: got [typed]\n")
        let s = ScriptRunner(input: ["secret"], nonInteractive: false)
        XCTAssertEqual(s.run("$v = Read-Host -AsSecureString; $v.GetType().Name; $v.Length").output, "SecureString\n6\n")
        check([
            ScriptCase("try { $v = Read-Host 'Enter' ; \"got [$v]\" } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
                       "InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand\nPowerShell is in NonInteractive mode. Read and Prompt functionality is not available."),
            ScriptCase("try { Get-Credential } catch { $_.Exception.Message }",
                       "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."),
        ], errors: false)
    }

    func testSecureStrings() {
        check([
            ScriptCase("$s = ConvertTo-SecureString 'P@ss' -AsPlainText -Force; $s.GetType().FullName; $s.Length; ConvertFrom-SecureString $s -AsPlainText",
                       "System.Security.SecureString\n4\nP@ss"),
            ScriptCase("$s = ConvertTo-SecureString 'ab' -AsPlainText; $t = ConvertFrom-SecureString $s; $t; ConvertFrom-SecureString (ConvertTo-SecureString $t) -AsPlainText",
                       "61006200\nab"),
        ], errors: false)
    }

    func testCultureAndHost() {
        check([
            ScriptCase("(Get-Culture).Name; (Get-Culture).LCID; (Get-Culture).DisplayName", "en-US\n1033\nEnglish (United States)"),
            ScriptCase("(Get-Host).Name", "ConsoleHost"),
            ScriptCase("Clear-Host; 'after'", "after"),
        ], errors: false)
    }

    func testUFormatUnits() {
        let d = CalendarDate(PSDateTime(ticks: Ticks.days(year: 2024, month: 12, day: 30) * Ticks.perDay, kind: .utc))
        XCTAssertEqual(UFormat.format(d, "%V %G %s"), "01 2025 1735516800")
    }
}
