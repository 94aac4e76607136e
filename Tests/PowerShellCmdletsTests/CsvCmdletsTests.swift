import Foundation
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

    /// The reader's rules, row by row (pwsh v7.6.5 CsvCommands.cs, ImportCsvHelper): `show` prints
    /// each object's properties in order, `null` for a value the record had no field for.
    func testCsvReaderEdgeCases() {
        let show = #"function show { process { ($_.psobject.Properties | % { if ($null -eq $_.Value) { "$($_.Name)=null" } else { "$($_.Name)=[$($_.Value)]" } }) -join ';' } }; "#
        let nl = #"-replace "`r", '\r' -replace "`n", '\n'"#
        check([
            // Quoted fields: doubled quotes, delimiters and line breaks (kept as written) inside.
            ScriptCase(show + #"'a,b', '"x,""y""",z' | ConvertFrom-Csv | show"#, #"a=[x,"y"];b=[z]"#),
            ScriptCase(show + "$o = \"a,b`r`n`\"l1`r`nl2`\",`\"m`nn`\"\" | ConvertFrom-Csv; $o.a \(nl); $o.b \(nl)", #"l1\r\nl2"# + "\n" + #"m\nn"#),
            // Line ends: \r\n, \n and a lone \r end a record; no \r is left in a field.
            ScriptCase(show + "\"a,b`r`n1,2`n3,4`r`n\" | ConvertFrom-Csv | show", "a=[1];b=[2]\na=[3];b=[4]"),
            ScriptCase(show + "\"a,b`r1,2`r3,4\" | ConvertFrom-Csv | show", "a=[1];b=[2]\na=[3];b=[4]"),
            // Empty fields are empty strings; missing trailing fields are $null; extra ones dropped.
            ScriptCase(show + "\"a,b,c`n,,`n1,,3\" | ConvertFrom-Csv | show", "a=[];b=[];c=[]\na=[1];b=[];c=[3]"),
            ScriptCase(show + "\"a,b,c`n1\" | ConvertFrom-Csv | show", "a=[1];b=null;c=null"),
            ScriptCase(show + "\"a,b`n1,2,3,4\" | ConvertFrom-Csv | show", "a=[1];b=[2]"),
            // Blank lines are skipped, and so is a lone delimiter at the very end (one empty
            // field), but a lone delimiter before a line break is a record of two empty fields.
            ScriptCase(show + "\"a,b`n`n1,2`n`n,`n3,4`n,\" | ConvertFrom-Csv | show", "a=[1];b=[2]\na=[];b=[]\na=[3];b=[4]"),
            // Leading blanks go; text after a closing quote stays; a quote inside a field is text.
            ScriptCase(show + #"'a,b,c', ' "x" y ,ab"c,d",e' | ConvertFrom-Csv | show"#, #"a=[x y ];b=[ab"c];c=[d"]"#),
            ScriptCase(show + #"'a,b', '"x"   ,2' | ConvertFrom-Csv | show"#, "a=[x];b=[2]"),
            // Text beyond ASCII in names and values; property names match ignoring case.
            ScriptCase(show + "$o = \"Größe,名前`nü,日本 😀\" | ConvertFrom-Csv; $o | show; $o.GRÖßE", "Größe=[ü];名前=[日本 😀]\nü"),
            // A delimiter beyond ASCII; '₤' shares the first two of '€''s three UTF-8 bytes.
            ScriptCase(show + "\"a€b€c`n1€`\"x€y`\"€₤€4\" | ConvertFrom-Csv -Delimiter '€' | show", "a=[1];b=[x€y];c=[₤]"),
            ScriptCase(show + "\"a§b`na₤b§c\" | ConvertFrom-Csv -Delimiter '§' | show", "a=[a₤b];b=[c]"),
            ScriptCase(show + "\"a`tb`n`t2\" | ConvertFrom-Csv -Delimiter \"`t\" | show", "a=[];b=[2]"),
            // Header names: quoted ones are read like fields; trailing empty ones are dropped; an
            // empty one in between becomes H1, H2 … (with one warning); a later column of a name
            // already there replaces its value in place.
            ScriptCase(show + #"'"a b","c"', '1,2' | ConvertFrom-Csv | show"#, "a b=[1];c=[2]"),
            ScriptCase(show + "\"a,b,,`n1,2,3\" | ConvertFrom-Csv -WarningVariable w | show; $w.Count", "a=[1];b=[2]\n0"),
            ScriptCase(show + "\"a,,,b`n1,2,3,4`n5\" | ConvertFrom-Csv -WarningAction SilentlyContinue -WarningVariable w | show; $w.Count",
                       "a=[1];H1=[2];H2=[3];b=[4]\na=[5];H1=null;H2=null;b=null\n1"),
            ScriptCase(show + "\"a,,H1`n1,2,3\" | ConvertFrom-Csv -WarningAction SilentlyContinue | show", "a=[1];H1=[3]"),
            ScriptCase(show + "\",`n1,2\" | ConvertFrom-Csv -WarningAction SilentlyContinue | show", "H1=[1]"),
            ScriptCase(show + "'a,,b', '1,2,3', '4,5,6' | ConvertFrom-Csv -WarningAction SilentlyContinue -WarningVariable w | show; $w.Count",
                       "a=[1];H1=[2];b=[3]\na=[4];H1=[5];b=[6]\n1"),
            ScriptCase("try { \"a,b,A`n1,2,3\" | ConvertFrom-Csv } catch { $_.Exception.Message }", "The member \"A\" is already present."),
            ScriptCase("try { \"a,b,A\" | ConvertFrom-Csv } catch { $_.Exception.Message }", "The member \"A\" is already present."),
            // A reserved member name fails only when there is a record.
            ScriptCase("try { \"PSBase,b`n1,2\" | ConvertFrom-Csv } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
                       "AlreadyPresentPSMemberInfoInternalCollectionAdd,Microsoft.PowerShell.Commands.ConvertFromCsvCommand\nThe member name \"PSBase\" is reserved."),
            ScriptCase("\"psobject,b\" | ConvertFrom-Csv; 'none'", "none"),
            // `#` lines: the first is the type line, later ones before the header are skipped,
            // `#Fields: ` gives the header; a type line is read under -Header too.
            ScriptCase(show + "\"#note`n#other`na`n1\" | ConvertFrom-Csv | show", "a=[1]"),
            ScriptCase(show + "\"#note`n#Fields: a,b`n1,2\" | ConvertFrom-Csv | show", "a=[1];b=[2]"),
            ScriptCase(show + "\"#TYPE T.X`n1,2\" | ConvertFrom-Csv -Header a,b | % { $_.pstypenames[0]; $_ | show }", "T.X\na=[1];b=[2]"),
            ScriptCase("(\"#TYPE`na`n1\" | ConvertFrom-Csv).pstypenames[0]", "System.Management.Automation.PSCustomObject"),
            // ConvertFrom-Csv reads each string on its own: one starting with `#` is a type line
            // while no type is known, so it is dropped.
            ScriptCase(show + "'a,b', '#note', '1,2' | ConvertFrom-Csv | show", "a=[1];b=[2]"),
            // Once the type is known, a `#` string is a record.
            ScriptCase("'#TYPE T.Y', 'a', '#TYPE T.Z', '1' | ConvertFrom-Csv | % { $_.pstypenames[0] + ' ' + $_.pstypenames[1] + ' ' + $_.a }",
                       "T.Y CSV:T.Y #TYPE T.Z\nT.Y CSV:T.Y 1"),
            // A leading U+FEFF of a string is taken for a byte order mark.
            ScriptCase(show + "\"$([char]0xFEFF)a,b`n1,2\" | ConvertFrom-Csv | show", "a=[1];b=[2]"),
        ], errors: false)
    }

    /// The same reader on files: a byte order mark, a `#` line after the header (a record in one
    /// text), and the missing-header warning once for all files.
    func testImportCsvEdgeCases() {
        let show = #"function show { process { ($_.psobject.Properties | % { if ($null -eq $_.Value) { "$($_.Name)=null" } else { "$($_.Name)=[$($_.Value)]" } }) -join ';' } }; "#
        check([
            ScriptCase(show + "Import-Csv ./bom.csv | show", "a=[1];b=[é]"),
            ScriptCase(show + "Import-Csv ./comment.csv | show", "a=[#note];b=null\na=[1];b=[2]"),
            ScriptCase(show + "Import-Csv ./h.csv, ./h.csv -WarningAction SilentlyContinue -WarningVariable w | show; $w.Count",
                       "a=[1];H1=[2];b=[3]\na=[1];H1=[2];b=[3]\n1"),
            ScriptCase(show + "Import-Csv ./bom.csv, ./crlf.csv | show", "a=[1];b=[é]\nx=[\"q\"];y=[]"),
            ScriptCase(show + "Import-Csv ./crlf.csv -Header a, b, c | show", "a=[x];b=[y];c=null\na=[\"q\"];b=[];c=null"),
        ], errors: false, setup: { r in
            _ = FileManager.default.createFile(atPath: r.folder + "/bom.csv", contents: Data([0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,é\r\n".utf8)))
            r.write("comment.csv", "a,b\n#note\n1,2\n")
            r.write("h.csv", "a,,b\n1,2,3\n")
            r.write("crlf.csv", "x,y\r\n\"\"\"q\"\"\",\r\n")
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
