import XCTest
import PowerShellRuntime
@testable import PowerShellCmdlets

/// ConvertTo/From-Csv, Export/Import-Csv and ConvertFrom-StringData (pwsh 7 quotes every field
/// by default, writes nothing for a null value and reads quoted fields as its ImportCsvHelper).
final class CsvCmdletsTests: XCTestCase {
    func testConvertToCsv() {
        check([
            ScriptCase("[pscustomobject]@{ First = 1; Second = 2 } | ConvertTo-Csv", "\"First\",\"Second\"\n\"1\",\"2\""),
            ScriptCase("[pscustomobject]@{ First = 1; Second = 2 } | ConvertTo-Csv -IncludeTypeInformation",
                       "#TYPE System.Management.Automation.PSCustomObject\n\"First\",\"Second\"\n\"1\",\"2\""),
            ScriptCase("[pscustomobject]@{ First = 1; Second = 2 } | ConvertTo-Csv -Delimiter ';'", "\"First\";\"Second\"\n\"1\";\"2\""),
            ScriptCase("[pscustomobject]@{ a = 'x,y'; b = 'q\"r'; c = 'plain' } | ConvertTo-Csv -UseQuotes AsNeeded",
                       "a,b,c\n\"x,y\",\"q\"\"r\",plain"),
            ScriptCase("[pscustomobject]@{ a = 'x'; b = 'y' } | ConvertTo-Csv -UseQuotes Never", "a,b\nx,y"),
            ScriptCase("[pscustomobject]@{ a = 'x'; b = 'y' } | ConvertTo-Csv -QuoteFields b", "a,\"b\"\nx,\"y\""),
            ScriptCase("[pscustomobject]@{ a = $null; b = 2 } | ConvertTo-Csv", "\"a\",\"b\"\n,\"2\""),
            ScriptCase("[pscustomobject]@{ a = @(1,2) } | ConvertTo-Csv", "\"a\"\n\"System.Object[]\""),
            ScriptCase("[pscustomobject]@{ a = 1 } | ConvertTo-Csv -NoHeader", "\"1\""),
            ScriptCase("@{ k = 'v' } | ConvertTo-Csv", "\"k\"\n\"v\""),
            ScriptCase("[pscustomobject]@{ a = 1; b = 2 }, [pscustomobject]@{ a = 3; c = 4 } | ConvertTo-Csv", "\"a\",\"b\"\n\"1\",\"2\"\n\"3\","),
            ScriptCase("try { [pscustomobject]@{a=1} | ConvertTo-Csv -IncludeTypeInformation -NoTypeInformation } catch { $_.FullyQualifiedErrorId }",
                       "CannotSpecifyIncludeTypeInformationAndNoTypeInformation,Microsoft.PowerShell.Commands.ConvertToCsvCommand"),
            ScriptCase("try { [pscustomobject]@{a=1} | ConvertTo-Csv -UseQuotes Sometimes } catch { $_.FullyQualifiedErrorId }",
                       "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.ConvertToCsvCommand"),
        ], errors: false)
    }

    func testConvertFromCsv() {
        check([
            ScriptCase("$o = 'a,b', '1,2' | ConvertFrom-Csv; $o.a; $o.b", "1\n2"),
            ScriptCase("$o = '\"x, y\",\"q\"\"r\"' | ConvertFrom-Csv -Header A, B; $o.A; $o.B", "x, y\nq\"r"),
            ScriptCase("$o = 'a;b', '1;2' | ConvertFrom-Csv -Delimiter ';'; $o.b", "2"),
            ScriptCase("$o = 'a,b,c', '1' | ConvertFrom-Csv; $null -eq $o.c; $o.b.GetType().Name", "True"),
            ScriptCase("$o = 'a,b', '  1 ,2' | ConvertFrom-Csv; \"[$($o.a)]\"", "[1 ]"),
            ScriptCase("$o = 'a,b', '\"1\"  ,2' | ConvertFrom-Csv; \"[$($o.a)]\"", "[1]"),
            ScriptCase("$o = \"a,b`n`\"multi`nline`\",2\" | ConvertFrom-Csv; $o.a", "multi\nline"),
            ScriptCase("@('a,b', '', '1,2' | ConvertFrom-Csv).Count", "1"),
            ScriptCase("$o = '#TYPE My.Type', 'a', '1' | ConvertFrom-Csv; $o.pstypenames[0]; $o.pstypenames[1]", "My.Type\nCSV:My.Type"),
            ScriptCase("try { 'a,A', '1,2' | ConvertFrom-Csv } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
                       "AlreadyPresentPSMemberInfoInternalCollectionAdd,Microsoft.PowerShell.Commands.ConvertFromCsvCommand\nThe member \"A\" is already present."),
            ScriptCase("$o = 'a,,c', '1,2,3' | ConvertFrom-Csv -WarningAction SilentlyContinue; $o.H1", "2"),
        ], errors: false)
    }

    func testExportImportRoundTrip() {
        check([
            ScriptCase("""
                [pscustomobject]@{ a = 1; b = 2 } | Export-Csv ./d.csv -Delimiter ';'
                [pscustomobject]@{ a = 3; b = 4 } | Export-Csv ./d.csv -Delimiter ';' -Append
                Get-Content ./d.csv
                """, "\"a\";\"b\"\n\"1\";\"2\"\n\"3\";\"4\""),
            ScriptCase("""
                $rows = @([pscustomobject]@{ Name = 'Two, Jay'; Policy = '' }, [pscustomobject]@{ Name = 'One'; Policy = 'P' })
                $rows | Export-Csv ./u.csv
                $back = Import-Csv ./u.csv
                $back.Count; $back[0].Name; [string]::IsNullOrEmpty($back[0].Policy); $back[1].Policy
                """, "2\nTwo, Jay\nTrue\nP"),
            ScriptCase("""
                [pscustomobject]@{ a = 1 } | Export-Csv ./x.csv -NoClobber
                try { [pscustomobject]@{ a = 2 } | Export-Csv ./x.csv -NoClobber } catch { $_.FullyQualifiedErrorId }
                """, "NoClobber,Microsoft.PowerShell.Commands.ExportCsvCommand"),
            ScriptCase("""
                [pscustomobject]@{ a = 1; b = 2 } | Export-Csv ./m.csv
                try { [pscustomobject]@{ a = 3 } | Export-Csv ./m.csv -Append } catch { $_.FullyQualifiedErrorId }
                [pscustomobject]@{ a = 3 } | Export-Csv ./m.csv -Append -Force
                Get-Content ./m.csv
                """, "CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand\n\"a\",\"b\"\n\"1\",\"2\"\n\"3\","),
            ScriptCase("Import-Csv ./nope.csv -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId",
                       "PathNotFound,Microsoft.PowerShell.Commands.ImportCsvCommand"),
        ], errors: false)
    }

    func testImportCsvFile() {
        check([
            ScriptCase("$u = Import-Csv ./users.csv; $u.Count; $u[1].DisplayName; [string]::IsNullOrEmpty($u[1].Policy)", "2\nTwo, Jay\nTrue"),
            ScriptCase("(Import-Csv ./users.csv -Header A, B, C)[0].A", "UserPrincipalName"),
        ], errors: false, setup: { r in
            r.write("users.csv", "UserPrincipalName,DisplayName,Policy\njay1@x.onmicrosoft.com,Jay One,CustomeE2EEPolicy\njay2@x.onmicrosoft.com,\"Two, Jay\",\n")
        })
    }

    func testConvertFromStringData() {
        check([
            ScriptCase("$sd = ConvertFrom-StringData -StringData \"Name = teams`nMode = DisabledUserOverride\"; $sd.Name; $sd.Mode; $sd.GetType().Name",
                       "teams\nDisabledUserOverride\nHashtable"),
            ScriptCase("$sd = ConvertFrom-StringData \"# comment`n`na=1\"; $sd.Count; $sd.a", "1\n1"),
            ScriptCase("(ConvertFrom-StringData 'p = C:\\\\Windows').p", "C:\\Windows"),
            ScriptCase("(ConvertFrom-StringData 'a: b' -Delimiter ':').a", "b"),
            ScriptCase("try { ConvertFrom-StringData \"a=1`na=2\" } catch { $_.Exception.Message }",
                       "Data item 'a' in line 'a=2' is already defined. "),
            ScriptCase("try { ConvertFrom-StringData 'nodelimiter' } catch { $_.Exception.Message }",
                       "Data line 'nodelimiter' is not in 'name=value' format. "),
        ], errors: false)
    }
}
